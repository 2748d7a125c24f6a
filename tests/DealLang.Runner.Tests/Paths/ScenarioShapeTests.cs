using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>Scenarios are run-time data, not compiled with the deal: one made for another deal is refused before
/// a path is built, with a message that names the scenario, the deal and what differs.</summary>
public sealed class ScenarioShapeTests
{
    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party()],
        facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15))],
        leases: [TestDeals.Lease()],
        sales: [new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.2, 6)]);

    [Fact]
    public void AScenarioForADealWithOtherLeasesNamesTheScenarioTheDealAndTheCount()
    {
        var deal = Deal();
        var other = new ScenarioSpec("Elsewhere", [null, null], [ValueStress.None], 0, [null], null, null);
        var e = Assert.Throws<ArgumentException>(() => Shapes.Require(deal, other));
        Assert.Equal("Scenario 'Elsewhere' does not fit deal 'Test': it was made for a deal with 2 leases, and this one has 1. (Parameter 'scenario')", e.Message);
    }

    [Fact]
    public void TooManyRenewalsANullStressAndANegativeLagAreRefused()
    {
        var deal = Deal();
        var renewals = Assert.Throws<ArgumentException>(() => Shapes.Require(deal, TestDeals.Scenario(deal, renewalsTaken: 5)));
        Assert.Contains("it takes 5 renewals of lease 'MetaLease', which has 4", renewals.Message, StringComparison.Ordinal);

        var noStress = new ScenarioSpec("S", [null], [null!], 0, [null], null, null);
        Assert.Contains("no value stress for facility 'Campus'",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, noStress)).Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => Shapes.Require(deal, TestDeals.Scenario(deal, lag: -1)));
    }

    [Fact]
    public void ALagLongerThanTheWorkoutIsAllowedTheSaleThenNeverFallsInsideTheRun()
    {
        var deal = Deal();
        Shapes.Require(deal, TestDeals.Scenario(deal, lag: 240));
    }
}
