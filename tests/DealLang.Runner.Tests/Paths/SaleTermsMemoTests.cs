using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>A path source writes the sale terms a scenario object's first path worked out (SaleTerms.Fill) back from
/// its memo on the scenario's later paths (PathMemo.SaleValues): whatever the order of the scenarios, every path's
/// scalars must be those of the memo-free building (<see cref="PathBuilder.Build"/>), bit for bit, and a path that
/// draws the enforcement re-let's utilisation must have its own draw.</summary>
public sealed class SaleTermsMemoTests
{
    // A sale into a market that re-lets its idle units and carries its impact, and a sale of the facility priced at a yield.
    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party()],
        facilities: [TestDeals.StraightLine(27e9, 360, 0, new Date(2025, 10, 30))],
        leases: [TestDeals.Lease()],
        sales:
        [
            new SaleInfo([new CollateralRef(CollateralKind.Fleet, 0)], 0.10, 3,
                new SaleMarket(1500, 0.20, 3000, 500, KeepContracts: true, Reserve: 12_000, Relet: 0.5, ReletMonths: 6, HalfLifeMonths: 3,
                    ReletPrice: new ReletPrice(0, 0.9, 0.1))),
            new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], 0.20, 6) { Price = new LoanSalePrice(0.08, null) },
        ]);

    static ScenarioSpec Levers(DealDescription deal) => ScenarioSpec.AsWritten(deal) with
    {
        Name = "Levers",
        EnforcementHaircut = 0.35,
        EnforcementLagMonths = 9,
        EnforcementDepth = 2000,
        EnforcementCosts = 700,
        EnforcementKeepContracts = false,
        EnforcementReserve = 9000,
        EnforcementYield = 0.11,
        EnforcementReletUtilisation = 0.6,
        EnforcementReletMonths = 12,
        EnforcementHalfLifeMonths = 5,
    };

    [Fact]
    public void QuantitiesAreEveryScalarOfASale()
    {
        // The memo replays the slots of SaleTerms.Quantities: a sale's scalar missing from it would keep another
        // scenario's value on a replayed path.
        InputLayout layout = InputLayout.Of(Deal());
        InputQuantity[] ofSales = [.. layout.Scalars.Where(slot => slot.Kind == InputEntity.Sale).Select(slot => slot.Quantity).Distinct()];
        Assert.Equal(ofSales.Order(), SaleTerms.Quantities.Order());
        Assert.Equal(SaleTerms.Quantities.Length, SaleTerms.Quantities.Distinct().Count());
    }

    [Fact]
    public void ScenariosInAnyOrderHaveTheirOwnSaleTermsBitForBit()
    {
        DealDescription deal = Deal();
        ScenarioSpec levers = Levers(deal);
        // The same numbers in another object (the memo knows it by its object, so works them out again), and the deal's own terms.
        ScenarioSpec[] scenarios = [levers, ScenarioSpec.AsWritten(deal), levers with { Name = "Levers again" }];
        var source = new ScenarioPaths(new DealPaths(deal), scenarios);
        var actual = new PathInputs(deal);
        var expected = new PathInputs(deal);
        foreach (int path in (int[])[0, 0, 1, 0, 2, 1, 2, 2, 0, 1, 1])
        {
            source.Fill(path, actual);
            PathBuilder.Build(deal, scenarios[path], expected);
            Assert.Equal(expected.Scalars.Select(BitConverter.DoubleToInt64Bits), actual.Scalars.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected.SaleReletCurve, actual.SaleReletCurve);
        }

        // The levers reached the slots (so a replay of the deal's own terms in their place would have failed above).
        source.Fill(0, actual);
        Assert.Equal((0.35, 9, 2000.0, 0.0, 9000.0, 0.6, 12, 5), (actual.SaleHaircut[0], actual.SaleLagMonths[0], actual.SaleDepth[0],
            actual.SaleKeepContracts[0], actual.SaleReserve[0], actual.SaleReletUtilisation[0], actual.SaleReletMonths[0], actual.SaleHalfLifeMonths[0]));
        source.Fill(1, actual);
        Assert.Equal((0.10, 3, 1500.0, 1.0, 12_000.0, 0.5, 6, 3), (actual.SaleHaircut[0], actual.SaleLagMonths[0], actual.SaleDepth[0],
            actual.SaleKeepContracts[0], actual.SaleReserve[0], actual.SaleReletUtilisation[0], actual.SaleReletMonths[0], actual.SaleHalfLifeMonths[0]));
    }

    [Fact]
    public void ADrawnReletUtilisationIsThePathsOwn()
    {
        // A Monte Carlo path writes its draw of the enforcement re-let's utilisation into the scenario's slot (no contracts:
        // slot 0, ScenarioSpec.ReletDrawSlot) and fills the same scenario object: each fill must read that path's draw.
        DealDescription deal = Deal();
        ScenarioSpec drawn = Levers(deal) with { ReletUtilisationsDrawn = [double.NaN, double.NaN] };
        var source = new ScenarioPaths(new DealPaths(deal), [drawn]);
        var inputs = new PathInputs(deal);
        foreach (double draw in (double[])[0.7, 0.4, 0.4, 0.9])
        {
            drawn.ReletUtilisationsDrawn[0] = draw;
            source.Fill(0, inputs);
            Assert.Equal(draw, inputs.SaleReletUtilisation[0]);
        }
    }
}
