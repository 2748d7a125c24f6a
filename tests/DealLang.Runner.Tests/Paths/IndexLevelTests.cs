using DealLang.Runner.Paths;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>
/// An index's level per period, by hand (docs/language.md §5 "index", §10): a quarterly deal from 2026-01-01 to
/// 2030-01-01, so period t starts on Boundaries[t] — 2026-01-01, 04-01 (90 days), 07-01 (181), 10-01 (273),
/// 2027-01-01 (365) … — and reads the level there. Drift is ACT/365F.
/// </summary>
public class IndexLevelTests
{
    static readonly Date Closing = new(2026, 1, 1);

    static DealDescription Deal(params IndexInfo[] indices) =>
        TestDeals.Make(Schedule.Boundaries(Closing, new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly, DayCount.Act360, indices: indices);

    static double[] Levels(IndexInfo index, IndexOverride? levers = null)
    {
        DealDescription deal = Deal(index);
        var inputs = new PathInputs(deal);
        PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { Indices = [levers] }, inputs);
        return inputs.IndexLevel[0];
    }

    [Fact]
    public void ALevelWithADriftCompoundsFromTheClosing()
    {
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, 0.10, null, []));

        // t=0 reads the closing: 4%. t=1, 90 days on: 4% × 0.9^(90/365) = 4% × exp(0.246575 × ln 0.9) = 4% × 0.974355 = 3.89742%.
        Assert.Equal(0.04, levels[0], 15);
        Assert.Equal(0.0389742, levels[1], 7);
        // t=4, a year on: 4% × 0.9 = 3.6%; t=8, two years: 4% × 0.81 = 3.24%.
        Assert.Equal(0.036, levels[4], 12);
        Assert.Equal(0.0324, levels[8], 12);
    }

    [Fact]
    public void SteppedPointsHoldFromTheirDateAndTheLevelBeforeTheFirst()
    {
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, 0, new IndexPoints(false, [new Date(2026, 7, 1), new Date(2027, 1, 1)], [0.05, 0.06]), []));

        // Before 2026-07-01 the level (4%); from that date 5%; from 2027-01-01 6%, and flat after the last point.
        Assert.Equal([0.04, 0.04, 0.05, 0.05, 0.06, 0.06], levels[..6]);
        Assert.Equal(0.06, levels[^1]);
    }

    [Fact]
    public void InterpolatedPointsAreLinearInDaysFromTheLevelAtTheClosing()
    {
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, 0, new IndexPoints(true, [new Date(2026, 7, 1), new Date(2027, 7, 1)], [0.05, 0.03]), []));

        // t=1 (2026-04-01): from 4% at the closing to 5% on 2026-07-01 (181 days), 90 days in: 4% + 1% × 90/181 = 4.497238%.
        Assert.Equal(0.04, levels[0], 15);
        Assert.Equal(0.04 + (0.01 * 90 / 181), levels[1], 15);
        Assert.Equal(0.0449724, levels[1], 7);
        Assert.Equal(0.05, levels[2], 15);

        // t=3 (2026-10-01): 92 of the 365 days from 5% to 3%: 5% − 2% × 92/365 = 4.495890%.
        Assert.Equal(0.0449589, levels[3], 7);

        // From 2027-07-01 (t=6) on: the last point, flat.
        Assert.All(levels[6..], l => Assert.Equal(0.03, l, 15));
    }

    [Fact]
    public void WithPointsTheDriftRunsFromTheLastPoint()
    {
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, 0.10, new IndexPoints(false, [new Date(2026, 7, 1)], [0.05]), []));

        // Before the point: the level, undrifted (4%); at it 5%; t=4 (2027-01-01), 184 days after it:
        // 5% × 0.9^(184/365) = 5% × exp(0.504110 × −0.1053605) = 5% × 0.948273 = 4.741363%.
        Assert.Equal([0.04, 0.04, 0.05], levels[..3]);
        Assert.Equal(0.0474136, levels[4], 7);

        // t=6 (2027-07-01), a year after the point: exactly 5% × 0.9.
        Assert.Equal(0.045, levels[6], 12);
    }

    [Fact]
    public void LaunchesStepTheLevelDownFromTheirDate()
    {
        double[] levels = Levels(new IndexInfo("Rent", 2.35, 0,
            null, [new IndexLaunch(new Date(2026, 7, 1), 0.20), new IndexLaunch(new Date(2027, 1, 1), 0.10)]));

        // 2.35 before 2026-07-01; × 0.8 = 1.88 from it; × 0.9 = 1.692 from 2027-01-01.
        Assert.Equal(2.35, levels[1], 15);
        Assert.Equal(1.88, levels[2], 12);
        Assert.Equal(1.88, levels[3], 12);
        Assert.Equal(1.692, levels[4], 12);
        Assert.Equal(1.692, levels[^1], 12);
    }

    [Fact]
    public void DriftPointsAndALaunchTogether()
    {
        // 008's H100Rent: 2.35, 15% a year, stepped 2.10 (2027-07-01) and 1.80 (2028-07-01), launch 2028-01-01 down 20%.
        double[] levels = Levels(new IndexInfo("Rent", 2.35, 0.15,
            new IndexPoints(false, [new Date(2027, 7, 1), new Date(2028, 7, 1)], [2.10, 1.80]), [new IndexLaunch(new Date(2028, 1, 1), 0.20)]));

        // t=8 (2028-01-01): the first point, 2.10, no drift yet (before the last point), × 0.8 = 1.68.
        Assert.Equal(1.68, levels[8], 12);

        // t=11 (2028-10-01): 1.80 × 0.85^(92/365) × 0.8 = 1.80 × exp(0.252055 × −0.1625189) × 0.8 = 1.80 × 0.959864 × 0.8 = 1.382204.
        Assert.Equal(1.382204, levels[11], 6);
    }

    [Fact]
    public void EachScenarioLeverMovesTheLevel()
    {
        var sofr = new IndexInfo("Sofr", 0.04, 0, null, [new IndexLaunch(new Date(2027, 1, 1), 0.5)]);

        // A new level: 5%, halved by the deal's launch from 2027-01-01.
        double[] level = Levels(sofr, IndexOverride.None with { Level = 0.05 });
        Assert.Equal((0.05, 0.025), (level[0], level[4]));

        // A drift: 4% × 0.8 a year on, × 0.5 for the launch = 1.6%.
        double[] drift = Levels(sofr, IndexOverride.None with { DeflatePerYear = 0.2 });
        Assert.Equal(0.016, drift[4], 12);

        // New points: stepped 3% from 2026-07-01.
        double[] points = Levels(sofr, IndexOverride.None with { Points = new IndexPoints(false, [new Date(2026, 7, 1)], [0.03]) });
        Assert.Equal((0.04, 0.03, 0.015), (points[1], points[2], points[4]));

        // An added launch (a shock) of 25% from 2026-10-01: 3% from t=3; with the deal's, 4% × 0.5 × 0.75 = 1.5%.
        double[] shock = Levels(sofr, IndexOverride.None with { AddedLaunches = [new IndexLaunch(new Date(2026, 10, 1), 0.25)] });
        Assert.Equal((0.04, 0.03, 0.015), (shock[2], shock[3], shock[4]));

        // A shift of +100bp, added after everything: 5%, then 4% × 0.5 + 1% = 3%.
        double[] shift = Levels(sofr, IndexOverride.None with { Shift = 0.01 });
        Assert.Equal(0.05, shift[0], 15);
        Assert.Equal(0.03, shift[4], 15);
    }

    [Fact]
    public void APathWithoutLeversAfterOneWithThemReadsTheDealsLevelsAgain()
    {
        var sofr = new IndexInfo("Sofr", 0.04, 0.10, null, []);
        var rent = new IndexInfo("Rent", 2.35, 0, null, []);
        DealDescription deal = Deal(sofr, rent);
        var paths = new DealPaths(deal);
        var inputs = new PathInputs(deal);
        ScenarioSpec asWritten = ScenarioSpec.AsWritten(deal);

        paths.Fill(asWritten with { Indices = [IndexOverride.None with { Shift = 0.01 }, null] }, inputs);
        Assert.Equal(0.05, inputs.IndexLevel[0][0], 15);

        paths.Fill(asWritten, inputs);
        Assert.Equal(0.04, inputs.IndexLevel[0][0], 15);
        Assert.Equal(0.036, inputs.IndexLevel[0][4], 12);
        Assert.All(inputs.IndexLevel[1], l => Assert.Equal(2.35, l));
        Assert.Same(inputs.IndexLevel[0], inputs.Series[inputs.Layout.IndexOf(InputQuantity.IndexLevel, 0)]);
    }

    [Fact]
    public void AScenarioSizedForAnotherNumberOfIndicesIsRefused()
    {
        DealDescription deal = Deal(new IndexInfo("Sofr", 0.04, 0, null, []));

        var error = Assert.Throws<ArgumentException>(() =>
            PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { Indices = [null, null] }, new PathInputs(deal)));
        Assert.Contains("2 indices, and this one has 1", error.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() =>
            PathBuilder.Build(deal, ScenarioSpec.AsWritten(deal) with { Indices = [IndexOverride.None with { DeflatePerYear = 1.0 }] }, new PathInputs(deal)));
    }

    [Fact]
    public void AGrowingDriftCompoundsUpFromTheClosing()
    {
        // 'grow 10% per year' lowers to a deflation of −10% (IndexLoweringTests): (1 − (−10%))^years = 1.1^years.
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, -0.10, null, []));

        // t=4, a year on: 4% × 1.1 = 4.4%. t=6 (2027-07-01), 18 months on, 546 days: 4% × 1.1^(546/365)
        // = 4% × exp(1.495890 × ln 1.1 = 0.1425736) = 4% × 1.153238 = 4.612952%: 18 months are 1.495890 years ACT/365F,
        // not 1.5 (4% × 1.1^1.5 would be 4.614759%).
        Assert.Equal(0.04, levels[0], 15);
        Assert.Equal(0.044, levels[4], 12);
        Assert.Equal(0.0461295, levels[6], 7);
    }

    [Fact]
    public void AScenariosGrowReplacesTheDeclaredDeflation()
    {
        // The deal deflates 10% a year; the scenario's 'Sofr grow 20% per year' (a deflation of −20%) replaces it.
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, 0.10, null, []), new IndexOverride(null, -0.20, null, [], 0));

        // t=6: 4% × 1.2^(546/365) = 4% × exp(1.495890 × ln 1.2 = 0.2727331) = 4% × 1.313550 = 5.254198%.
        Assert.Equal(0.0525420, levels[6], 7);
        Assert.Equal(0.048, levels[4], 12);
    }

    [Fact]
    public void AGrowingDriftRunsFromTheLastPoint()
    {
        double[] levels = Levels(new IndexInfo("Sofr", 0.04, -0.10, new IndexPoints(false, [new Date(2026, 7, 1)], [0.05]), []));

        // The anchor is the last point, as for a deflation: t=6 (2027-07-01), a year after it: exactly 5% × 1.1.
        Assert.Equal([0.04, 0.04, 0.05], levels[..3]);
        Assert.Equal(0.055, levels[6], 12);
    }
}
