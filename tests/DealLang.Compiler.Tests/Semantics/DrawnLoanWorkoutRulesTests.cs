using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>L workout drawn D₁ with p₁, …</c> with L a loan (docs/language.md §10, "Drawn workout lags"): that loan's own lag,
/// in place of its obligor's for that loan only. Its outcomes are checked as a party's (DL0768, DL0519, DL0773, DL0769),
/// its obligor must default in the scenario (DL0518), and the loan must have a lag to replace and be drawn once (DL0522).
/// Lowered, it is a <see cref="WorkoutModel"/> with its <see cref="WorkoutModel.Loan"/>, in the loans' list; under
/// <c>sobol</c>, a dimension of its own (DL0544).
/// </summary>
public sealed class DrawnLoanWorkoutRulesTests
{
    // Miner owes two loans recovering 40% after 18m and one recovering at once.
    private const string Loans = """
          party Miner { pd 8% recovery 30% }
          party Lab { recovery 30% }
          loan MinerLoan { obligor Miner balance 50m coupon 8% fixed maturity 2029-01-01 recovery 40% after 18m }
          loan SecondLoan { obligor Miner balance 20m coupon 8% fixed maturity 2029-01-01 recovery 40% after 18m }
          loan Bridge { obligor Miner balance 5m coupon 8% fixed maturity 2029-01-01 recovery 50% }
        """;

    private static string Scenario(string items) =>
        Deal(Loans, scenarios: $"scenario Mc for D {{\n  Miner defaults on 2026-06-30\n{items}\n}}");

    [Fact]
    public void A_loans_drawn_workout_lowers_to_its_own_model_after_the_partys()
    {
        // SecondLoan is the description's loan 1, owed by party 0 (Miner); the party's lag stays in Workouts.
        DealModel model = ModelOf(Scenario("  SecondLoan workout drawn 6m with 50%, 36m with 50%\n  Miner workout drawn 6m with 100%"));
        StochasticSpec stochastic = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!;
        Assert.Equal([new WorkoutModel(0, [6], [1.0])], stochastic.Workouts);
        Assert.Equal([new WorkoutModel(0, [6, 36], [0.5, 0.5]) { Loan = 1 }], stochastic.LoanWorkouts);
    }

    [Fact]
    public void Its_outcomes_are_checked_as_a_partys_naming_the_loan()
    {
        Assert.Equal(
            "the drawn workout lag of loan 'SecondLoan' in scenario 'Mc' gives 6m after 36m; write the lags from the shortest to the longest (e.g. '6m with 30%, 18m with 50%, 36m with 20%')",
            Single(Errors(Scenario("  SecondLoan workout drawn 36m with 50%, 6m with 50%")), "DL0519").Message);
        Assert.Contains("the drawn workout lag of loan 'SecondLoan' in scenario 'Mc' gives 121m",
            Single(Errors(Scenario("  SecondLoan workout drawn 6m with 50%, 121m with 50%")), "DL0768").Message, StringComparison.Ordinal);
        Assert.Contains("the probabilities of the drawn workout lag of loan 'SecondLoan' in scenario 'Mc' add up to 80%",
            Single(Errors(Scenario("  SecondLoan workout drawn 6m with 30%, 18m with 50%")), "DL0769").Message, StringComparison.Ordinal);
        Assert.Contains("the probability of a workout lag of 18m of loan 'SecondLoan' in scenario 'Mc'",
            Errors(Scenario("  SecondLoan workout drawn 6m with -30%, 18m with 130%")).Last(d => d.Code == "DL0307").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loan_without_a_lag_or_drawn_twice_is_DL0522()
    {
        Assert.Equal(
            "scenario 'Mc' draws the workout lag of loan 'Bridge', but the loan has no workout lag ('recovery R after D'), so the draw would move nothing; give 'Bridge' a lag ('recovery 40% after 18m'), or remove the draw",
            Single(Errors(Scenario("  Bridge workout drawn 6m with 50%, 18m with 50%")), "DL0522").Message);

        // Twice: DL0522 at the second, and not DL0507's warning of a lever set again (a second draw is not a setting).
        var twice = Analyze(Scenario("  SecondLoan workout drawn 6m with 50%, 18m with 50%\n  SecondLoan workout drawn 6m with 20%, 18m with 80%")).Diagnostics;
        Assert.Equal(
            "scenario 'Mc' draws the workout lag of loan 'SecondLoan', but draws it a second time; draw each loan's lag once",
            Single([.. twice.Where(d => d.Severity == Severity.Error)], "DL0522").Message);
        Assert.DoesNotContain(twice, d => d.Code == "DL0507");
    }

    [Fact]
    public void A_loans_draw_whose_obligor_the_scenario_does_not_default_is_DL0518()
    {
        string undefaulted = Deal(Loans, scenarios: "scenario Mc for D {\n  SecondLoan workout drawn 6m with 50%, 18m with 50%\n}");
        Assert.Equal(
            "scenario 'Mc' draws the workout lag of loan 'SecondLoan', but the scenario does not default its obligor 'Miner', so the draw moves nothing; add 'Miner defaults on DATE' or 'Miner defaults drawn', or remove the draw",
            Single(Errors(undefaulted), "DL0518").Message);
    }

    [Fact]
    public void Under_sobol_a_loans_drawn_workout_is_a_dimension_of_its_own()
    {
        // 31 drawn defaults, the party's lag and the loan's take 33 dimensions: refused, the message counting both lags.
        string parties = string.Concat(Enumerable.Range(0, 30).Select(i => $"  party P{i} {{ pd 1% }}\n"));
        string defaults = string.Concat(Enumerable.Range(0, 30).Select(i => $"  P{i} defaults drawn\n"));
        string text = Deal(Loans + "\n" + parties,
            scenarios: $"scenario Mc for D {{\n  sobol\n  Miner defaults drawn\n{defaults}  Miner workout drawn 6m with 50%, 18m with 50%\n  SecondLoan workout drawn 6m with 50%, 18m with 50%\n}}");
        Assert.Equal(
            "scenario 'Mc' draws 0 factor(s), 31 default(s) and 2 drawn workout lag(s), 33 Sobol dimensions a path; 'sobol' supports at most 32",
            Single(Errors(text), "DL0544").Message);
    }
}
