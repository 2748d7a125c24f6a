using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>
/// A path that leaves a lease's rent or a facility's value as the deal's precompute has them shares that row
/// instead of copying it (PathInputs.ShareLeaseRent/ShareFacilityValue); a path that changes one writes its own
/// buffer, never the shared row; a party's default flags are one of the deal's rows, by the period its default comes in
/// (PathInputs.SharePartyDefaulted). The numbers are the same either way (PathSourceEquivalenceTests).
/// </summary>
public sealed class SharedRowTests
{
    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party()],
        facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15))],
        leases: [TestDeals.Lease(escalator: 0.02, atMarket: true, rvgUntil: new Date(2040, 1, 1))],
        sales: [new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.2, 6)]);

    [Fact]
    public void AnUnchangedRowIsSharedAndAChangedOneIsWrittenToTheBuffersOwnRow()
    {
        var deal = Deal();
        var paths = new DealPaths(deal);
        ScenarioSpec plain = TestDeals.Scenario(deal, name: "Plain", renewalsTaken: 1);
        ScenarioSpec defaults = TestDeals.Scenario(deal, name: "Defaults", renewalsTaken: 1, partyDefault: new Date(2028, 1, 1),
            stress: new ValueStress(0.2, 0.5, new Date(2030, 1, 1)));
        var first = new PathInputs(deal);
        var second = new PathInputs(deal);
        double[] ownRent = first.LeaseRent[0];
        double[] ownValue = first.FacilityValue[0];

        // Both buffer sets at the plain scenario: the very same rows, the deal's, not the buffers' own.
        paths.Fill(plain, first);
        paths.Fill(plain, second);
        Assert.Same(first.LeaseRent[0], second.LeaseRent[0]);
        Assert.Same(first.FacilityValue[0], second.FacilityValue[0]);
        Assert.NotSame(ownRent, first.LeaseRent[0]);
        Assert.Same(first.Series[first.Layout.IndexOf(InputQuantity.LeaseRent, 0)], first.LeaseRent[0]);
        double[] shared = first.LeaseRent[0];
        double[] before = [.. shared];

        // The lessee defaults in 2028, inside its first term, and the facility is stressed: the first set writes its
        // own rows, and the shared ones, which the second set still reads, are untouched.
        paths.Fill(defaults, first);
        Assert.Same(ownRent, first.LeaseRent[0]);
        Assert.Same(ownValue, first.FacilityValue[0]);
        Assert.Same(ownRent, first.Series[first.Layout.IndexOf(InputQuantity.LeaseRent, 0)]);
        Assert.Equal(before, shared);
        Assert.Same(shared, second.LeaseRent[0]);
        Assert.NotEqual(before, first.LeaseRent[0]);
    }

    [Fact]
    public void APartysDefaultFlagsAreAPerDealRowSharedAndADefaultSharesTheRowOfItsPeriod()
    {
        var deal = Deal();
        var paths = new DealPaths(deal);
        ScenarioSpec plain = TestDeals.Scenario(deal, name: "Plain", renewalsTaken: 1);
        var defaulted = new Date(2028, 1, 1);
        ScenarioSpec defaults = TestDeals.Scenario(deal, name: "Defaults", renewalsTaken: 1, partyDefault: defaulted);
        var first = new PathInputs(deal);
        var second = new PathInputs(deal);
        bool[] own = first.PartyDefaulted[0];
        int slot = first.Layout.IndexOf(InputQuantity.PartyDefaulted, 0);

        // No default: both sets read the same row of falses, the deal's, not their own buffer.
        paths.Fill(plain, first);
        paths.Fill(plain, second);
        Assert.Same(first.PartyDefaulted[0], second.PartyDefaulted[0]);
        Assert.NotSame(own, first.PartyDefaulted[0]);
        Assert.Same(first.Flags[slot], first.PartyDefaulted[0]);
        Assert.DoesNotContain(true, first.PartyDefaulted[0]);
        bool[] none = first.PartyDefaulted[0];

        // A default on 2028-01-01: true from the first period whose end reaches it (b[t + 1] >= the date), the view and the
        // slot alike; the row of falses the second set still reads is untouched.
        paths.Fill(defaults, first);
        Date[] b = deal.Boundaries;
        bool[] expected = [.. Enumerable.Range(0, deal.Periods).Select(t => b[t + 1] >= defaulted)];
        Assert.Contains(true, expected);
        Assert.Contains(false, expected);
        Assert.Equal(expected, first.PartyDefaulted[0]);
        Assert.Same(first.Flags[slot], first.PartyDefaulted[0]);
        Assert.DoesNotContain(true, none);
        Assert.Same(none, second.PartyDefaulted[0]);

        // Back to no default: the row of falses again.
        paths.Fill(plain, first);
        Assert.Same(none, first.PartyDefaulted[0]);
        Assert.Same(none, first.Flags[slot]);
    }

    [Fact]
    public void ASharedFlagRowMustHaveTheDealsPeriodsAndAParty()
    {
        var deal = Deal();
        var inputs = new PathInputs(deal);
        Assert.Throws<ArgumentException>(() => inputs.SharePartyDefaulted(0, new bool[deal.Periods - 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.SharePartyDefaulted(1, new bool[deal.Periods]));
        Assert.Throws<ArgumentNullException>(() => inputs.SharePartyDefaulted(0, null!));
    }

    [Fact]
    public void ASharedRowMustHaveTheDealsPeriods()
    {
        var deal = Deal();
        var inputs = new PathInputs(deal);
        Assert.Throws<ArgumentException>(() => inputs.ShareLeaseRent(0, new double[deal.Periods + 1]));
        Assert.Throws<ArgumentException>(() => inputs.ShareFacilityValue(0, new double[1]));
    }
}
