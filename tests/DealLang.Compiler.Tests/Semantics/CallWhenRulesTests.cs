using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A scenario's call decided in the run (docs/language.md §10, "A call decided in the run"): its condition
/// lowered to indices, signs and constants, its schedule carried to the run, and its shapes refused (DL0581–DL0584, and
/// the terms it shares with 'called on': DL0561, DL0770). The harness's deal is annual from 2025-01-01 to 2030-01-01; the
/// index is line 9, the tranche 'Hy' line 10, and a scenario's item line 21.</summary>
public sealed class CallWhenRulesTests
{
    private const string Steps = "callable from 2027-01-01 at 104%, from 2028-01-01 at 102%, from 2029-01-01 at 100%";

    private static string Hy(string terms = "") => "  index UST { level 4% }\n  tranche Hy { balance 50m  coupon 8%  " + terms + " }\n";

    private const string PaysHy = "pay Notes.interest\n    pay Hy.interest\n    pay Notes.principal\n    pay Hy.principal\n    distribute rest to Eq";

    private static string Called(string items) => "scenario S for D {\n  " + items + "\n}\n";

    [Fact]
    public void TheConditionLowersToItsIndicesSignsAndConstants()
    {
        // UST + Spr − 50bp + 1% <= 6%: indices UST (0) and Spr (1), each +1, the constant −0.5% + 1% = 0.5%, at or below 6%.
        DealModel model = ModelOf(Deal("  index Spr { level 2% }\n" + Hy(), PaysHy,
            Called("Hy called when UST + Spr - 50bp + 1% <= 6% from 2026-06-30 part 50%")));

        TrancheCall call = Assert.Single(model.Scenarios[0].TrancheCalls[1]!);
        CallCondition when = call.When!;
        Assert.Equal((new Date(2026, 6, 30), 1.0, 0.5), (call.On, call.Price, call.Part));
        Assert.Equal([1, 0], when.Indices); // Spr is declared first
        Assert.Equal([1.0, 1.0], when.Signs);
        Assert.Equal(0.005, when.Constant, 15);
        Assert.Equal((0.06, true), (when.Below, when.OrEqual));
        Assert.Empty(call.Steps);
        Assert.True(model.Tranches[1].CalledByScenario); // the gate of 'called on', read by a call decided in the run
    }

    [Fact]
    public void WithoutFrom_TheSearchStartsAtTheClosing_AndScheduledNotesCarryTheirSteps()
    {
        DealModel model = ModelOf(Deal(Hy(Steps + " make_whole UST + 50bp"), PaysHy, Called("Hy called when UST - 1% < 3%")));

        TrancheCall call = Assert.Single(model.Scenarios[0].TrancheCalls[1]!);
        Assert.Equal(new Date(2025, 1, 1), call.On);
        Assert.Equal((-0.01, 0.03, false), (call.When!.Constant, call.When.Below, call.When.OrEqual));
        Assert.Equal([0], call.When.Indices); // UST, added
        Assert.Equal([1.0], call.When.Signs);
        Assert.Equal([(new Date(2027, 1, 1), 1.04), (new Date(2028, 1, 1), 1.02), (new Date(2029, 1, 1), 1.0)],
            call.Steps.Select(s => (s.From, Math.Round(s.Price, 12))));
        Assert.True(call.MakeWhole); // the schedule has one: a call before its first step is at the make-whole
    }

    [Fact]
    public void ALeftSideThatIsNotIndexLevelsAndRatesIsDL0581()
    {
        Diagnostic product = Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when UST * 2 < 8%"))), "DL0581");
        At(product, 21, 18);
        Assert.Equal("the call of tranche 'Hy' in scenario 'S' compares 'UST * 2', but the left side of 'called when' adds and subtracts rate indices' levels and constant rates, with at least one index: e.g. 'UST5Y + 3%'", product.Message);
        At(Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when 3% + 1% < 8%"))), "DL0581"), 21, 18); // no index
        // An index of prices is no refinancing rate.
        At(Single(Errors(Deal("  index Gpu { level 2.00 per gpu_hour }\n" + Hy(), PaysHy, Called("Hy called when Gpu + 3% < 8%"))), "DL0581"), 22, 18);
    }

    [Fact]
    public void AConditionNotBelowIsDL0582()
    {
        At(Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when UST + 3% >= 8%"))), "DL0582"), 21, 18);
        At(Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when UST"))), "DL0582"), 21, 18);
    }

    [Fact]
    public void CalledWhenTwiceOrAlsoOnADateIsDL0583()
    {
        Diagnostic twice = Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when UST < 8%\n  Hy called when UST < 7%"))), "DL0583");
        At(twice, 22, 3);
        Diagnostic mixed = Single(Errors(Deal(Hy(), PaysHy, Called("Hy called on 2027-06-30\n  Hy called when UST < 7%"))), "DL0583");
        Assert.Equal("scenario 'S' calls tranche 'Hy' both 'when' a condition holds and 'on' a date: keep one of them", mixed.Message);
        At(mixed, 22, 3);
        // Another tranche's call is no repeat.
        Assert.Empty(DealCompiler.Check("d.deal", Deal(Hy(), PaysHy, Called("Notes called on 2027-06-30\n  Hy called when UST < 7%"))).Diagnostics);
    }

    [Fact]
    public void ARightSideReadingAnIndexIsDL0584()
    {
        At(Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when UST + 3% < UST + 1%"))), "DL0584"), 21, 29);
    }

    [Fact]
    public void TheTermsSharedWithACallOnADate()
    {
        // 'from' outside the tranche's life (DL0770); a price given to scheduled notes (DL0561).
        At(Single(Errors(Deal(Hy(), PaysHy, Called("Hy called when UST < 8% from 2031-01-01"))), "DL0770"), 21, 32);
        At(Single(Errors(Deal(Hy(Steps), PaysHy, Called("Hy called when UST < 8% at 101%"))), "DL0561"), 21, 30);
        // A schedule without a make-whole is no error: the run waits for its first step.
        Assert.Empty(DealCompiler.Check("d.deal", Deal(Hy(Steps), PaysHy, Called("Hy called when UST + 3% < 8%"))).Diagnostics);
    }
}
