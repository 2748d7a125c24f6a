using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A tranche's call schedule and make-whole (docs/language.md §5, "A call schedule"): its parsing, rules
/// (DL0563, DL0564, DL0770 at the steps; DL0561, DL0562 at a scenario's call) and lowering, each call's price resolved
/// from the step in force on its date. The harness's deal is annual from 2025-01-01 to 2030-01-01; the extra lines start
/// at line 9, so the index is line 9 and the tranche 'Hy' line 10.</summary>
public sealed class CallScheduleRulesTests
{
    private const string Steps = "callable from 2027-01-01 at 104%, from 2028-01-01 at 102%, from 2029-01-01 at 100%";

    private static string Hy(string schedule) => "  index UST { level 4% }\n  tranche Hy { balance 50m  coupon 8%  " + schedule + " }\n";

    private const string PaysHy = "pay Notes.interest\n    pay Hy.interest\n    pay Notes.principal\n    pay Hy.principal\n    distribute rest to Eq";

    private static string Called(string items) => "scenario S for D {\n  " + items + "\n}\n";

    [Fact]
    public void TheScheduleLowersInOrder_WithItsMakeWholeRate()
    {
        // Commas between the steps are optional; 'UST + 50bp' binds as the index plus 0.5%.
        DealModel model = ModelOf(Deal(Hy("callable from 2027-01-01 at 104% from 2028-01-01 at 102%, from 2029-01-01 at 100% make_whole UST + 50bp"), PaysHy));

        CallScheduleModel schedule = model.Tranches.Single(t => t.Name == "Hy").CallSchedule!;
        Assert.Equal([(new Date(2027, 1, 1), 1.04), (new Date(2028, 1, 1), 1.02), (new Date(2029, 1, 1), 1.0)],
            schedule.Steps.Select(s => (s.From, Math.Round(s.Price, 12))));
        Assert.NotNull(schedule.MakeWhole);
        Assert.Null(model.Tranches.Single(t => t.Name == "Notes").CallSchedule);
        Assert.True(model.Tranches.Single(t => t.Name == "Hy").ToInfo().CallsAtMakeWhole);
    }

    [Fact]
    public void ACallTakesTheStepInForceOnItsDate_OrBeforeTheFirstTheMakeWhole()
    {
        // On 2027-06-30: the 2027-01-01 step (104%); on 2028-01-01 exactly: that date's step (102%); on 2029-06-30 the
        // last (par); on 2026-06-30, before the first: the make-whole, priced in the run (1 here, the floor).
        DealModel model = ModelOf(Deal(Hy(Steps + " make_whole UST + 50bp"), PaysHy,
            "scenario A for D { Hy called on 2027-06-30 }\nscenario B for D { Hy called on 2028-01-01 part 50% }\n"
            + "scenario C for D { Hy called on 2029-06-30 }\nscenario E for D { Hy called on 2026-06-30 }\n"));

        Assert.Equal([new TrancheCall(new Date(2027, 6, 30), 1.04)], model.Scenarios[0].TrancheCalls[1]!);
        Assert.Equal([new TrancheCall(new Date(2028, 1, 1), 1.02, 0.5)], model.Scenarios[1].TrancheCalls[1]!);
        Assert.Equal([new TrancheCall(new Date(2029, 6, 30), 1.0)], model.Scenarios[2].TrancheCalls[1]!);
        Assert.Equal([new TrancheCall(new Date(2026, 6, 30), 1.0) { MakeWhole = true }], model.Scenarios[3].TrancheCalls[1]!);
        Assert.True(model.Tranches[1].CalledByScenario);
    }

    [Fact]
    public void APriceGivenToACallOfScheduledNotesIsDL0561()
    {
        var errors = Errors(Deal(Hy(Steps), PaysHy, Called("Hy called on 2027-06-30 at 101%")));

        Diagnostic error = Single(errors, "DL0561");
        Assert.Equal("scenario 'S' calls tranche 'Hy' at a price, but the notes' call schedule ('callable from ...') sets the price of every call: drop 'at'", error.Message);
        At(error, 21, 30); // the price
    }

    [Fact]
    public void ACallBeforeTheFirstCallDateWithoutAMakeWholeIsDL0562_AndWithOneIsNot()
    {
        var errors = Errors(Deal(Hy(Steps), PaysHy, Called("Hy called on 2026-06-30")));

        Diagnostic error = Single(errors, "DL0562");
        Assert.Equal("scenario 'S' calls tranche 'Hy' on 2026-06-30, before its first call date (2027-01-01), and the notes have no make-whole: "
            + "call on or after 2027-01-01, or add 'make_whole UST5Y + 50bp' to the schedule", error.Message);
        At(error, 21, 16); // the call's date
        Assert.Empty(DealCompiler.Check("d.deal", Deal(Hy(Steps + " make_whole UST + 50bp"), PaysHy, Called("Hy called on 2026-06-30"))).Diagnostics);
        Assert.Empty(DealCompiler.Check("d.deal", Deal(Hy(Steps), PaysHy, Called("Hy called on 2027-01-01"))).Diagnostics);
    }

    [Fact]
    public void StepsNotInIncreasingOrderAreDL0563()
    {
        var errors = Errors(Deal(Hy("callable from 2028-01-01 at 102%, from 2027-01-01 at 104%, from 2027-01-01 at 103%"), PaysHy));

        Assert.Equal(2, errors.Count(e => e.Code == "DL0563"));
        Assert.Equal("the call schedule of tranche 'Hy' must step by increasing dates: 2027-01-01 is not after 2028-01-01", errors.First(e => e.Code == "DL0563").Message);
    }

    [Theory]
    [InlineData("0%", "not 0%")]
    [InlineData("-1%", "not -1%")]
    public void AStepPriceNotAboveZeroIsDL0564(string price, string tail)
    {
        var errors = Errors(Deal(Hy("callable from 2027-01-01 at " + price), PaysHy));

        Diagnostic error = Single(errors, "DL0564");
        Assert.Equal("a call price of tranche 'Hy' is a share of the principal and must be above 0%, " + tail, error.Message);
        At(error, 10, 68);
    }

    [Fact]
    public void AStepOutsideTheTranchesLifeIsDL0770()
    {
        // The deal closes on 2025-01-01 and the tranche matures with it on 2030-01-01.
        var errors = Errors(Deal(Hy("callable from 2025-01-01 at 104%, from 2030-01-01 at 100%"), PaysHy));

        Assert.Equal(2, errors.Count(e => e.Code == "DL0770"));
        Assert.StartsWith("a call schedule date of tranche 'Hy' (2025-01-01) must be after the closing", errors.First(e => e.Code == "DL0770").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMakeWholeRateIsARate_AndAPriceAConstant()
    {
        Assert.NotEmpty(Errors(Deal(Hy(Steps + " make_whole 5m"), PaysHy)));
        Assert.NotEmpty(Errors(Deal(Hy("callable from 2027-01-01 at UST"), PaysHy)));
    }

    [Fact]
    public void ASecondScheduleIsARepeatedItem_AndMakeWholeWithoutAScheduleASyntaxError()
    {
        var twice = DealCompiler.Check("d.deal", Deal(Hy(Steps + "  callable from 2028-06-01 at 101%"), PaysHy)).Diagnostics;
        Assert.Contains("'callable' is given twice in tranche 'Hy'", Assert.Single(twice, d => d.Code == "DL0105").Message);
        var alone = DealCompiler.Check("d.deal", Deal(Hy("make_whole UST + 50bp"), PaysHy)).Diagnostics;
        Assert.Contains(alone, d => d.Severity == Severity.Error && d.Code.StartsWith("DL01", StringComparison.Ordinal));
    }

    // A make-whole on a curve: 'make_whole curve { 2y UST  5y UST5 } - 10bp' (the harness's UST, and a second index).
    private static string HyCurve(string curve) =>
        "  index UST { level 4% }\n  index UST5 { level 4.5% }\n  tranche Hy { balance 50m  coupon 8%  " + Steps + " make_whole curve " + curve + " }\n";

    [Fact]
    public void ACurveLowersItsTenorsInYearsItsRatesAndItsSpread_AndIsAMakeWhole()
    {
        DealModel model = ModelOf(Deal(HyCurve("{ 6m UST, 5y UST5 } - 10bp"), PaysHy, Called("Hy called on 2026-06-30")));

        CallScheduleModel schedule = model.Tranches.Single(t => t.Name == "Hy").CallSchedule!;
        Assert.Null(schedule.MakeWhole);
        Assert.Equal([0.5, 5.0], schedule.Curve.Select(p => p.Years));
        Assert.Equal(-0.001, schedule.CurveSpread, 15);
        Assert.True(schedule.HasMakeWhole);
        Assert.True(model.Tranches.Single(t => t.Name == "Hy").ToInfo().CallsAtMakeWhole);
        // A call before the first call date is the make-whole's (no DL0562).
        Assert.Equal([new TrancheCall(new Date(2026, 6, 30), 1.0) { MakeWhole = true }], model.Scenarios[0].TrancheCalls[1]!);
    }

    [Theory]
    [InlineData("{ 5y UST5  2y UST }", "5y", "2y", "2y is not longer than 5y")]
    [InlineData("{ 2y UST  24m UST5 }", "2y", "24m", "24m is not longer than 2y")]
    public void TenorsNotIncreasingAreDL0589(string curve, string first, string second, string tail)
    {
        string text = Deal(HyCurve(curve), PaysHy);
        Diagnostic error = Single(Errors(text), "DL0589");
        Assert.Equal("the make-whole curve of tranche 'Hy' must list its tenors from the shortest to the longest, each once: " + tail
            + " (e.g. 'curve { 2y UST2Y  5y UST5Y  10y UST10Y }')", error.Message);
        // At the later tenor, on the tranche's line (11: the two indices are lines 9 and 10).
        string line = text.Split('\n')[10];
        At(error, 11, line.IndexOf(curve, StringComparison.Ordinal) + curve.IndexOf(" " + second + " ", StringComparison.Ordinal) + 2);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ATenorOfZeroIsDL0589()
    {
        Diagnostic error = Single(Errors(Deal(HyCurve("{ 0m UST  5y UST5 }"), PaysHy)), "DL0589");
        Assert.Equal("the make-whole curve of tranche 'Hy' has a tenor of 0m: each tenor is a time above zero (e.g. 'curve { 2y UST2Y  5y UST5Y  10y UST10Y }')", error.Message);
    }

    [Fact]
    public void ACurvesSpreadIsAConstantRateAndItsPointsRates()
    {
        // A spread reading an index, and a point that is money: each reported, as the one rate's would be.
        Assert.NotEmpty(Errors(Deal(HyCurve("{ 2y UST  5y UST5 } + UST"), PaysHy)));
        Assert.NotEmpty(Errors(Deal(HyCurve("{ 2y UST  5y 10m }"), PaysHy)));
        Assert.DoesNotContain(Analyze(Deal(HyCurve("{ 2y UST  5y UST5 }"), PaysHy)).Diagnostics, d => d.Severity == Severity.Error);
    }
}
