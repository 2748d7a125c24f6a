using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Paths;

/// <summary>The deterministic scenarios as a path source over the deal's precompute: path i is scenario i, every
/// scenario is checked once, up front, and filling a path allocates nothing.</summary>
public sealed class PathSourceTests
{
    static DealDescription Deal(int leases = 1) => TestDeals.Hyperion(
        parties: [TestDeals.Party()],
        facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15))],
        leases: [.. Enumerable.Range(0, leases).Select(_ => TestDeals.Lease(escalator: 0.02, atMarket: true, rvgUntil: new Date(2040, 1, 1)))],
        sales: [new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.2, 6)]);

    static ScenarioSpec Stressed(DealDescription deal) => TestDeals.Scenario(deal, name: "Stressed", renewalsTaken: 2,
        marketDeflation: 0.05, partyDefault: new Date(2036, 1, 1), stress: new ValueStress(0.2, 0.5, new Date(2030, 1, 1)),
        haircut: 0.3, lag: 9);

    [Fact]
    public void PathIIsScenarioIAndMatchesTheBuilder()
    {
        var deal = Deal();
        var source = new ScenarioPaths(new DealPaths(deal), [ScenarioSpec.AsWritten(deal), Stressed(deal)]);
        Assert.Equal(2, source.Count);
        Assert.Same(deal, source.Deal);

        var fromSource = new PathInputs(deal);
        var fromBuilder = new PathInputs(deal);
        source.Fill(1, fromSource);
        PathBuilder.Build(deal, Stressed(deal), fromBuilder);
        Assert.Equal("Stressed", fromSource.Scenario);
        Assert.Equal(fromBuilder.Series, fromSource.Series);
        Assert.Equal(fromBuilder.Flags, fromSource.Flags);
        Assert.Equal(fromBuilder.Scalars, fromSource.Scalars);

        // Path 0 over path 1's numbers: the lessee's default (2036-01-01, t=20) leaves no trace.
        source.Fill(0, fromSource);
        Assert.Equal("AsWritten", fromSource.Scenario);
        Assert.DoesNotContain(true, fromSource.PartyDefaulted[0]);
        Assert.Equal(1.0, fromSource.RvgRecovery[0]);
    }

    [Fact]
    public void AScenarioThatDoesNotFitIsRefusedWhenTheSourceIsMade()
    {
        var deal = Deal();
        var e = Assert.Throws<ArgumentException>(() => new ScenarioPaths(new DealPaths(deal),
            [ScenarioSpec.AsWritten(deal), TestDeals.Scenario(deal, name: "TooMany", renewalsTaken: 9)]));
        Assert.Contains("Scenario 'TooMany' does not fit deal 'Test'", e.Message, StringComparison.Ordinal);
    }

    // Buffers made for another deal are refused on every fill, not only the first: their shape is checked as the
    // source first sees them (with their memo), and a refusal keeps no memo that would let a later fill through.
    [Fact]
    public void BuffersOfAnotherDealAreRefusedOnEveryFill()
    {
        var deal = Deal(leases: 1);
        var source = new ScenarioPaths(new DealPaths(deal), [ScenarioSpec.AsWritten(deal)]);
        var other = new PathInputs(Deal(leases: 2));
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var e = Assert.Throws<ArgumentException>(() => source.Fill(0, other));
            Assert.Contains("sized for another deal", e.Message, StringComparison.Ordinal);
        }

        var own = new PathInputs(deal);
        source.Fill(0, own);
        source.Fill(0, own);
        Assert.Equal("AsWritten", own.Scenario);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void FillingAPathDoesNotAllocate(int leases)
    {
        var deal = Deal(leases);
        // The stressed scenario twice at other numbers, so that the measured paths both reuse what the path
        // source's memo kept (0 after 0) and recompute it (2 after 0, 0 after 2).
        ScenarioSpec other = Stressed(deal) with
        {
            Name = "Other",
            MarketRentDeflation = 0.07,
            PartyDefaults = [new Date(2037, 3, 1)],
            FacilityStress = [new ValueStress(0.1, 0.5, new Date(2030, 1, 1))],
        };
        var source = new ScenarioPaths(new DealPaths(deal), [Stressed(deal), ScenarioSpec.AsWritten(deal), other]);
        var inputs = new PathInputs(deal);

        // Warm up so the JIT's own allocations (and the memo, made once for these buffers) are not counted.
        for (int i = 0; i < 6; i++)
        {
            source.Fill(i % 3, inputs);
        }

        AllocationWindows.AssertOneAllocatesNothing("five fills", () =>
        {
            source.Fill(0, inputs);
            source.Fill(0, inputs);
            source.Fill(2, inputs);
            source.Fill(0, inputs);
            source.Fill(1, inputs);
        });
    }
}
