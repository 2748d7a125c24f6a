using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>
/// A deflation of 100% a year or more (found by the pipeline fuzzer: <c>Campus.value deflate 250% per year</c>) made
/// (1 − 2.5)^years, a negative number to a fractional power: NaN values and rents, and a run whose cash could not add
/// up. Such a deflation now leaves nothing after the closing.
/// </summary>
public class DeflationTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void AFacilityDeflatedByAllOfItsValueOrMoreIsWorthNothing(double deflation)
    {
        var closing = new Date(2025, 10, 30);
        var deal = TestDeals.Make(closing, new Date(2035, 10, 30), Frequency.Annual, DayCount.Thirty360,
            facilities: [TestDeals.StraightLine(27e9, 360, 0, closing)]);
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, TestDeals.Scenario(deal, stress: new ValueStress(deflation, 0, null)), inputs);

        Assert.All(inputs.FacilityValue[0], v => Assert.Equal(0.0, v));
        Assert.Equal(27e9, FacilityValues.Unstressed(deal.Facilities[0], closing)); // the stress, not the curve, is 0
        Assert.Equal(1.0, FacilityValues.Stress(new ValueStress(deflation, 0, null), closing, closing));
    }

    [Fact]
    public void AMarketRentDeflatedByMoreThanAllOfItPaysNothingInTheRenewal()
    {
        // MetaLease: 1.2bn a year from 2026-02-15, a 4-year term then renewals at market; one renewal taken.
        var deal = TestDeals.Hyperion(parties: [TestDeals.Party()], leases: [TestDeals.Lease(rent: 1.2e9, atMarket: true)]);
        var inputs = new PathInputs(deal);

        PathBuilder.Build(deal, TestDeals.Scenario(deal, renewalsTaken: 1, marketDeflation: 2.5), inputs);

        double[] rent = inputs.LeaseRent[0];
        Assert.Equal(600e6, rent[2], 1e-3); // 2026-05-30 → 2026-11-30, in the original term: 180/360 of 1.2bn
        // t=10, 2030-05-30 → 2030-11-30, lies wholly in the renewal (from 2030-02-15): the market index is 0.
        Assert.Equal(0.0, rent[10]);
        Assert.All(rent, r => Assert.False(double.IsNaN(r)));
    }
}
