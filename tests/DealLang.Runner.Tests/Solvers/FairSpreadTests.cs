using DealLang.Runner.Solvers;

namespace DealLang.Runner.Tests.Solvers;

/// <summary>The discount margin of flows whose fair spread is known in closed form (docs/language.md §12, "Solvers").</summary>
public class FairSpreadTests
{
    [Theory]
    [InlineData(0.08, 0.045)]
    [InlineData(0.065, 0.0)]
    [InlineData(0.03, 0.05)]
    public void A_par_bond_paying_its_coupon_per_period_is_priced_at_the_coupon_less_the_curve(double coupon, double rate)
    {
        // Uneven periods τ_k; the bond pays 100 × c × τ_k each period and its 100 at the end. With
        // DF_t = Π 1/(1 + (r + s) τ_k), at r + s = c every period's discounting undoes its coupon (telescoping:
        // (100 + 100 c τ_n) / (1 + c τ_n) = 100, back to the start), so the value is par exactly when s = c − r.
        double[] tau = [0.5, 0.49863, 0.50411, 0.49589, 0.50137, 0.25];
        double[] flows = [.. tau.Select(t => 100 * coupon * t)];
        flows[^1] += 100;
        double[] curve = [.. tau.Select(_ => rate)];
        (double spread, _) = FairSpread.Solve(tau, curve, flows, 100);
        Assert.Equal(coupon - rate, spread, 1e-10);
    }

    [Fact]
    public void A_discount_price_raises_the_spread_as_a_one_period_hand_computation_says()
    {
        // 110 at 1 year for 98 today over a flat 4%: 110 / (1 + 0.04 + s) = 98  ⇒  s = 110/98 − 1.04 = 0.082448979...
        (double spread, _) = FairSpread.Solve([1.0], [0.04], [110.0], 98);
        Assert.Equal((110.0 / 98) - 1.04, spread, 1e-12);
    }

    [Fact]
    public void Flows_no_spread_can_price_are_a_no_solution_naming_the_range()
    {
        // Nothing back for 100 paid: the value is below the price at every spread. This is the case that spun forever
        // (the widening loop stood still at −50% with its condition still true): it must now end, within seconds.
        var e = Assert.Throws<NoSolutionException>(() => Bounded(() => FairSpread.Solve([1.0], [0.04], [0.0], 100)));
        Assert.Contains("no spread from -50% to 500%", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_above_the_highest_spread_ends_the_walk_at_500_percent()
    {
        // 1,000 back in a year for 100: 1,000 / (1 + 0.04 + s) = 100 ⇒ s = 8.96, above 500%: the upward walk stood
        // still at 500% before. The walk is 0%, 5%, 10%, 20%, 40%, 80%, 160%, 320%, 500%: 9 evaluations, no Brent.
        var e = Assert.Throws<NoSolutionException>(() => Bounded(() => FairSpread.Solve([1.0], [0.04], [1000.0], 100)));
        Assert.Contains("no spread from -50% to 500%", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_below_zero_is_found_walking_down()
    {
        // 99 back in a year for 100 over 4%: 99 / (1.04 + s) = 100 ⇒ s = 0.99 − 1.04 = −0.05, a walk point itself.
        // 95: s = 0.95 − 1.04 = −0.09, between −5% and −10%.
        (double exact, _) = Bounded(() => FairSpread.Solve([1.0], [0.04], [99.0], 100));
        Assert.Equal(-0.05, exact, 1e-12);
        (double spread, int evaluations) = Bounded(() => FairSpread.Solve([1.0], [0.04], [95.0], 100));
        Assert.Equal(0.95 - 1.04, spread, 1e-12);
        Assert.InRange(evaluations, 3, 3 + 200);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_no_solution_rather_than_an_exception_or_a_hang()
    {
        var e = Assert.Throws<NoSolutionException>(() => Bounded(() => FairSpread.Solve(_ => double.NaN, 100)));
        Assert.Contains("not a number", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="solve"/> with a 20 s guard, so a search that does not end fails the test
    /// instead of spinning the test host (what the reverted merge did).</summary>
    internal static T Bounded<T>(Func<T> solve)
    {
        var task = Task.Run(solve);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), "the search did not end within 20 s");
        return task.GetAwaiter().GetResult(); // rethrows the search's own exception, not an AggregateException
    }
}
