using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>An index's lowering (IndexLowering) and its scenario levers' (Lowerer.Scenarios): the language's defaults,
/// the unit its readers see, points and launches in date order, and each lever as an <see cref="IndexOverride"/>
/// beside the deal's terms, never in them.</summary>
public sealed class IndexLoweringTests
{
    private const string Indices = """
          index SOFR { level 4.30% }
          index Rent {
            level   2.35 per gpu_hour
            deflate 15% per year
            points  interpolated { 2026-06-30 2.10 per gpu_hour  2027-06-30 1.80 per gpu_hour }
            launch  2028-01-01 down 10%
            launch  2027-01-01 down 20%
          }
        """;

    [Fact]
    public void DefaultsAreNoDriftNoPointsNoLaunches()
    {
        IndexModel sofr = ModelOf(Deal(Indices)).Indices[0];

        Assert.Equal(new IndexInfo("SOFR", 0.043, 0, null, []) with { Launches = sofr.Info.Launches }, sofr.Info);
        Assert.Empty(sofr.Info.Launches);
        Assert.Equal((Unit.Rate, default(Dimension)), (sofr.Unit, sofr.Dimension));
    }

    [Fact]
    public void EveryItemIsLoweredWithTheLaunchesInDateOrder()
    {
        IndexModel rent = ModelOf(Deal(Indices)).Indices[1];

        Assert.Equal(("Rent", 2.35, 0.15), (rent.Info.Name, rent.Info.Level, rent.Info.DeflatePerYear));
        Assert.True(rent.Info.Points!.Interpolated);
        Assert.Equal([new Date(2026, 6, 30), new Date(2027, 6, 30)], rent.Info.Points.Dates);
        Assert.Equal([2.10, 1.80], rent.Info.Points.Values);
        Assert.Equal([new IndexLaunch(new Date(2027, 1, 1), 0.2), new IndexLaunch(new Date(2028, 1, 1), 0.1)], rent.Info.Launches);
        Assert.Equal((Unit.Measure, new Dimension(1, -1, -1, 0)), (rent.Unit, rent.Dimension));
    }

    [Fact]
    public void EachLeverIsAnOverrideOfItsIndexAndTheOthersAreUntouched()
    {
        string scenarios = """
            scenario Up for D {
              SOFR level 5%
              SOFR deflate 5% per year
              SOFR shift +100bp
              SOFR points stepped { 2027-01-01 6% }
              SOFR launch 2028-06-30 down 30%
              SOFR launch 2026-06-30 down 10%
            }
            scenario Calm for D { }
            """;
        DealModel model = ModelOf(Deal(Indices, scenarios: scenarios));

        IndexOverride sofr = model.Scenarios[0].Indices[0]!;
        Assert.Equal((0.05, 0.05, 0.01), (sofr.Level, sofr.DeflatePerYear, sofr.Shift));
        Assert.False(sofr.Points!.Interpolated);
        Assert.Equal([0.06], sofr.Points.Values);

        // Added launches keep the order written (they multiply after the deal's own, in that order).
        Assert.Equal([new IndexLaunch(new Date(2028, 6, 30), 0.3), new IndexLaunch(new Date(2026, 6, 30), 0.1)], sofr.AddedLaunches);
        Assert.Null(model.Scenarios[0].Indices[1]);
        Assert.All(model.Scenarios[1].Indices, Assert.Null);
        Assert.Equal(2, model.Scenarios[1].Indices.Length);

        // The deal's own terms are as written: scenarios are run-time data.
        Assert.Equal(0.043, model.Indices[0].Info.Level);
    }

    [Fact]
    public void AFacilitysDeflationIsNotTakenForAnIndexs()
    {
        DealModel model = ModelOf(Deal("  facility Campus { cost 1bn value straight_line 30y }\n" + Indices,
            scenarios: "scenario S for D {\n  Campus.value deflate 8% per year\n  Rent deflate 30% per year\n}"));

        Assert.Equal(0.08, model.Scenarios[0].FacilityStress[0].DeflatePerYear);
        Assert.Equal(0.30, model.Scenarios[0].Indices[1]!.DeflatePerYear);
        Assert.Null(model.Scenarios[0].Indices[0]);
    }
}
