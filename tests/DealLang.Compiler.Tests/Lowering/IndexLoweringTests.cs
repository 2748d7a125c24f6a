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

    [Fact]
    public void AGrowIsADeflationOfMinusItsRate()
    {
        DealModel model = ModelOf(Deal("  index Power { level 70 per MWh grow 4% per year }\n  index Flat { level 4% grow 0% per year }"));

        // (1 − (−4%))^years = 1.04^years: the runtime has one drift.
        Assert.Equal(-0.04, model.Indices[0].Info.DeflatePerYear);

        // A growth of 0% is +0, as a deflation of 0% is (the emitted C# is the same), not −0.
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(model.Indices[1].Info.DeflatePerYear));
    }

    [Fact]
    public void AScenariosGrowReplacesADeclaredDeflateAndADeflateADeclaredGrow()
    {
        string scenarios = """
            scenario Rising for D {
              Rent grow 5% per year
              SOFR deflate 2% per year
              Campus.value grow 1% per year
              market_rent grow 3% per year
            }
            scenario Drawn for D {
              market_rent grow 3% per year volatility 2% per year
            }
            """;
        string indices = Indices.Replace("index SOFR { level 4.30% }", "index SOFR { level 4.30%  grow 10% per year }", StringComparison.Ordinal);
        DealModel model = ModelOf(Deal("  facility Campus { cost 1bn value straight_line 30y }\n" + indices, scenarios: scenarios));

        // The deal's drifts: SOFR grows 10%, Rent deflates 15%; the scenario's replace them, sign and all.
        Assert.Equal((-0.10, 0.15), (model.Indices[0].Info.DeflatePerYear, model.Indices[1].Info.DeflatePerYear));
        ScenarioSpec rising = model.Scenarios[0];
        Assert.Equal((0.02, -0.05), (rising.Indices[0]!.DeflatePerYear, rising.Indices[1]!.DeflatePerYear));
        Assert.Equal((-0.01, -0.03), (rising.FacilityStress[0].DeflatePerYear, rising.MarketRentDeflation));

        // A drawn growth is a drawn deflation of mean −3%, its volatility as written.
        FactorSpec drawn = Assert.Single(model.Scenarios[1].Stochastic!.Factors);
        Assert.Equal((FactorTarget.MarketRentDeflation, -0.03, 0.02), (drawn.Target, drawn.LongRun, drawn.Volatility));
    }
}
