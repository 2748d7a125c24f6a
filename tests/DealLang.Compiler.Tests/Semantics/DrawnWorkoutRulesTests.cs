using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>P workout drawn D₁ with p₁, D₂ with p₂, …</c> (docs/language.md §10, "Drawn workout lags"): each outcome whole months
/// from 1m to 120m (DL0768), the lags increasing (DL0519), each once (DL0773), each probability a fraction (DL0307) and
/// together 100% (DL0769), a party that owes a loan with a lag and defaults in the scenario (DL0518), and under
/// <c>sobol</c> one dimension (DL0544). Lowered, the lever is a <see cref="WorkoutModel"/> of whole months, and the
/// scenario a stochastic one.
/// </summary>
public sealed class DrawnWorkoutRulesTests
{
    // Miner owes a loan recovering 40% after 18m and one recovering at once; Lab owes one recovering at once only.
    private const string Loans = """
          party Miner { pd 8% recovery 30% }
          party Lab { recovery 30% }
          loan MinerLoan { obligor Miner balance 50m coupon 8% fixed maturity 2029-01-01 recovery 40% after 18m }
          loan Bridge { obligor Miner balance 5m coupon 8% fixed maturity 2029-01-01 recovery 50% }
          loan LabLoan { obligor Lab balance 5m coupon 8% fixed maturity 2029-01-01 recovery 50% }
        """;

    private static string Scenario(string items) =>
        Deal(Loans, scenarios: $"scenario Mc for D {{\n  Miner defaults on 2026-06-30\n  Lab defaults on 2026-06-30\n{items}\n}}");

    [Fact]
    public void A_drawn_workout_lowers_to_whole_months_and_makes_the_scenario_stochastic()
    {
        // '1y' is 12 whole months, as a fixed lag's months are counted.
        DealModel model = ModelOf(Scenario("  Miner workout drawn 6m with 30%, 1y with 50%, 36m with 20%"));
        StochasticSpec stochastic = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!;
        Assert.Equal([new WorkoutModel(0, [6, 12, 36], [0.3, 0.5, 0.2])], stochastic.Workouts);
    }

    [Fact]
    public void Outcomes_outside_1m_to_120m_or_not_whole_months_are_DL0768()
    {
        Assert.Equal(
            "the drawn workout lag of party 'Miner' in scenario 'Mc' gives 0m, which is no lag (a loan without 'after' receives its recovery in the default period); each outcome is whole months from 1m to 120m (e.g. '6m with 30%')",
            Single(Errors(Scenario("  Miner workout drawn 0m with 50%, 18m with 50%")), "DL0768").Message);
        Assert.Contains("gives 121m, which is longer than 120 months",
            Single(Errors(Scenario("  Miner workout drawn 6m with 50%, 121m with 50%")), "DL0768").Message, StringComparison.Ordinal);
        Assert.Contains("gives 45d, which is not a whole number of months",
            Single(Errors(Scenario("  Miner workout drawn 45d with 50%, 18m with 50%")), "DL0768").Message, StringComparison.Ordinal);
        Assert.Contains("gives -6m, which is negative",
            Single(Errors(Scenario("  Miner workout drawn -6m with 50%, 18m with 50%")), "DL0768").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lags_out_of_order_are_DL0519_once_at_the_first()
    {
        var diagnostic = Single(Errors(Scenario("  Miner workout drawn 36m with 20%, 6m with 30%, 18m with 50%")), "DL0519");
        Assert.Equal(
            "the drawn workout lag of party 'Miner' in scenario 'Mc' gives 6m after 36m; write the lags from the shortest to the longest (e.g. '6m with 30%, 18m with 50%, 36m with 20%')",
            diagnostic.Message);
    }

    [Fact]
    public void A_lag_twice_is_DL0773_and_probabilities_not_100_percent_DL0769()
    {
        Assert.Equal(
            "the drawn workout lag of party 'Miner' in scenario 'Mc' gives 18m twice; give each lag once, with its whole probability",
            Single(Errors(Scenario("  Miner workout drawn 6m with 50%, 18m with 25%, 18m with 25%")), "DL0773").Message);
        Assert.Equal(
            "the probabilities of the drawn workout lag of party 'Miner' in scenario 'Mc' add up to 80%, not 100%; give every outcome (e.g. '6m with 50%, 18m with 50%')",
            Single(Errors(Scenario("  Miner workout drawn 6m with 30%, 18m with 50%")), "DL0769").Message);
        Assert.Equal(2, Errors(Scenario("  Miner workout drawn 6m with -30%, 18m with 130%")).Count(d => d.Code == "DL0307"));
    }

    [Fact]
    public void A_draw_that_moves_nothing_is_DL0518()
    {
        // Lab owes only a loan recovering at once: no lag to replace.
        Assert.Equal(
            "scenario 'Mc' draws the workout lag of party 'Lab', but it owes no loan with a workout lag ('recovery R after D'), so the draw moves nothing; give a loan to 'Lab' a lag, or remove the draw",
            Single(Errors(Scenario("  Lab workout drawn 6m with 50%, 18m with 50%")), "DL0518").Message);

        // Miner's default neither dated nor drawn in the scenario: no workout ever starts. A drawn default is one.
        string undefaulted = Deal(Loans, scenarios: "scenario Mc for D {\n  Miner workout drawn 6m with 50%, 18m with 50%\n}");
        Assert.Equal(
            "scenario 'Mc' draws the workout lag of party 'Miner', but the scenario does not default it, so the draw moves nothing; add 'Miner defaults on DATE' or 'Miner defaults drawn', or remove the draw",
            Single(Errors(undefaulted), "DL0518").Message);
        ModelOf(Deal(Loans, scenarios: "scenario Mc for D {\n  Miner defaults drawn\n  Miner workout drawn 6m with 50%, 18m with 50%\n}"));
    }

    [Fact]
    public void Under_sobol_a_drawn_workout_is_a_dimension()
    {
        // 32 drawn defaults and the lag take 33 dimensions: refused, the message counting the lag.
        string parties = string.Concat(Enumerable.Range(0, 31).Select(i => $"  party P{i} {{ pd 1% }}\n"));
        string defaults = string.Concat(Enumerable.Range(0, 31).Select(i => $"  P{i} defaults drawn\n"));
        string text = Deal(Loans + "\n" + parties, scenarios: $"scenario Mc for D {{\n  sobol\n  Miner defaults drawn\n{defaults}  Miner workout drawn 6m with 50%, 18m with 50%\n}}");
        Assert.Equal(
            "scenario 'Mc' draws 0 factor(s), 32 default(s) and 1 drawn workout lag(s), 33 Sobol dimensions a path; 'sobol' supports at most 32",
            Single(Errors(text), "DL0544").Message);
    }
}
