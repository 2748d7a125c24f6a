using DealLang.Runner.Solvers;

namespace DealLang.Runner.Tests.Solvers;

/// <summary>
/// <see cref="LeverSearch"/> on objectives given as functions: every search ends (bounded walk, halvings and Brent),
/// a NaN objective is no solution, and the answers are those the functions say by hand.
/// </summary>
public class LeverSearchTests
{
    /// <summary>A lever on [0, 1] stressed upward from 0, with an objective given as a function.</summary>
    sealed class Problem(Func<double, double> objective, bool indicator, Lever? lever = null) : ILeverProblem
    {
        public Lever Lever { get; } = lever ?? new EnforcementHaircutLever("enforcement haircut");

        public string Scenario => "Test";

        public string Condition => "test";

        public bool IsIndicator => indicator;

        public int Evaluations { get; private set; }

        public LeverPoint At(double value)
        {
            Evaluations++;
            return new LeverPoint(value, objective(value), $"f = {objective(value)}");
        }
    }

    [Fact]
    public void A_step_at_0_3_is_bisected_to_the_tolerance()
    {
        // Holds from 0.3 on: the walk 1/256, 3/256, …, 127/256 = 0.496 brackets it between 63/256 and 127/256; halving
        // 0.25 down to 1e-6 takes ⌈log2(0.25 / 1e-6)⌉ = 18 halvings.
        var problem = new Problem(x => x >= 0.3 ? 1 : 0, indicator: true);
        SolveResult answer = FairSpreadTests.Bounded(() => LeverSearch.Solve(problem, "break-even"));
        Assert.InRange(answer.Value, 0.3, 0.3 + LeverSearch.Tolerance);
        Assert.Contains("18 halvings", answer.Method, StringComparison.Ordinal);
        Assert.Equal(1 + 7 + 18 + 0, problem.Evaluations);
    }

    [Fact]
    public void A_growth_break_even_walks_down_from_0_to_a_decline()
    {
        // A value's growth on [−99.99%, 100%], stressed downward from 0: holds at −5% a year and below. The walk
        // 0 − 0.9999 × (2^k − 1)/256 reaches −0.0273 (not holding) then −0.0586 (holding); halving 0.03125 down to 1e-6
        // takes ⌈log2(0.03125 / 1e-6)⌉ = 15 halvings; the answer is the end that holds.
        var problem = new Problem(x => x <= -0.05 ? 1 : 0, indicator: true, new FacilityGrowLever("Campus.value grow", 0));
        SolveResult answer = FairSpreadTests.Bounded(() => LeverSearch.Solve(problem, "break-even"));
        Assert.InRange(answer.Value, -0.05 - LeverSearch.Tolerance, -0.05);
        Assert.Contains("15 halvings", answer.Method, StringComparison.Ordinal);
        Assert.Equal(1 + 4 + 15, problem.Evaluations);
    }

    [Fact]
    public void A_growth_break_even_that_holds_at_0_walks_up_to_where_it_stops_holding()
    {
        // Holds at 1.23% a year and below (the deal needs more growth than that): the walk up, 1/256 = 0.0039 and
        // 3/256 = 0.0117 holding, 7/256 = 0.0273 not, then ⌈log2((4/256) / 1e-6)⌉ = 14 halvings; the answer is the most
        // growth at which it still holds, and 1e-6 more it does not.
        var problem = new Problem(x => x <= 0.0123 ? 1 : 0, indicator: true, new FacilityGrowLever("Campus.value grow", 0));
        SolveResult answer = FairSpreadTests.Bounded(() => LeverSearch.Solve(problem, "break-even"));
        Assert.InRange(answer.Value, 0.0123 - LeverSearch.Tolerance, 0.0123);
        Assert.Contains("14 halvings", answer.Method, StringComparison.Ordinal);
        Assert.Equal(1 + 3 + 14, problem.Evaluations);

        // Holding at every growth up to 100% a year: no break-even, after the start, the walk's 9 points and the end.
        var always = new Problem(_ => 1, indicator: true, new MarketRentGrowLever("market_rent grow"));
        var e = Assert.Throws<NoSolutionException>(() => FairSpreadTests.Bounded(() => LeverSearch.Solve(always, "break-even")));
        Assert.Contains("'test' holds for market_rent grow from 0% per year to 100% per year (scenario Test), so no value in the range is a break-even", e.Message, StringComparison.Ordinal);
        Assert.Equal(1 + LeverSearch.MostWalkPoints + 1, always.Evaluations);
    }

    [Fact]
    public void A_condition_that_never_holds_ends_after_the_walk()
    {
        var problem = new Problem(_ => 0, indicator: true);
        var e = Assert.Throws<NoSolutionException>(() => FairSpreadTests.Bounded(() => LeverSearch.Solve(problem, "break-even")));
        Assert.Contains("never holds for enforcement haircut from 0% to 100%", e.Message, StringComparison.Ordinal);
        // The start, 9 walk points (the last the end), and the end again for the message.
        Assert.Equal(1 + LeverSearch.MostWalkPoints + 1, problem.Evaluations);
    }

    [Fact]
    public void A_target_is_found_by_Brent_and_one_never_reached_is_no_solution()
    {
        // f(x) = x − 0.4217: the root 0.4217 to Brent's tolerance.
        SolveResult answer = FairSpreadTests.Bounded(() => LeverSearch.Solve(new Problem(x => x - 0.4217, indicator: false), "hurdle"));
        Assert.Equal(0.4217, answer.Value, 1e-8);
        var e = Assert.Throws<NoSolutionException>(() => FairSpreadTests.Bounded(() => LeverSearch.Solve(new Problem(x => x + 1, indicator: false), "hurdle")));
        Assert.Contains("is not reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_objective_is_no_solution_rather_than_an_arithmetic_exception()
    {
        // Math.Sign(NaN) throws; the search reports it instead, wherever the NaN appears.
        var atStart = Assert.Throws<NoSolutionException>(() => FairSpreadTests.Bounded(() => LeverSearch.Solve(new Problem(_ => double.NaN, indicator: false), "hurdle")));
        Assert.Contains("has no value at enforcement haircut 0%", atStart.Message, StringComparison.Ordinal);
        var later = Assert.Throws<NoSolutionException>(() => FairSpreadTests.Bounded(() => LeverSearch.Solve(new Problem(x => x > 0.1 ? double.NaN : -1, indicator: false), "hurdle")));
        Assert.Contains("the search cannot go on", later.Message, StringComparison.Ordinal);
    }
}
