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
        // Nothing back for 100 paid: the value is below the price at every spread.
        var e = Assert.Throws<NoSolutionException>(() => FairSpread.Solve([1.0], [0.04], [0.0], 100));
        Assert.Contains("no spread from -50% to 500%", e.Message, StringComparison.Ordinal);
    }
}
