using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Tests.Parsing;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// Fees through an enforcement (docs/language.md "fee", "until default"): <c>until default</c> read and lowered to
/// <see cref="FeeModel.UntilDefault"/>, beside <c>until repaid</c> or alone, DL0105 written twice, DL0229 in a deal that
/// cannot default; DL0228, a fee (or a guarantee fee) that accrues after the event of default while the enforcement
/// waterfall never pays it, and where it stays silent: no enforcement waterfall, no default, the fee paid there or
/// ended by the default. The fee's figures are checked by hand in FeeUntilDefaultTests (tests/DealLang.Cli.Tests/Corrections).
/// </summary>
public sealed class FeeAfterDefaultRulesTests
{
    private const string Regular = "pay F\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq";

    /// <summary>The deal with fee F written as given, a default rule and an enforcement waterfall of the given steps.</summary>
    private static string Defaulting(string fee, string enforcementSteps = "pay Notes.interest\n      pay Notes.balance\n      distribute rest to Eq",
        bool defaultRule = true) =>
        Deal($"  fee F {{ {fee} }}\n"
            + (defaultRule ? "  default when Notes.interest_shortfall > 0\n" : "")
            + $"  enforcement {{\n    waterfall {{\n      {enforcementSteps}\n    }}\n  }}", Regular);

    [Theory]
    [InlineData("1m per year until default", false, false)]
    [InlineData("2% of collections until default", true, false)]
    [InlineData("1m per year until repaid until default", false, true)]
    [InlineData("1m per year until default until repaid", false, true)]
    public void BothFormsTakeItAloneOrBesideUntilRepaid(string fee, bool perPeriod, bool untilRepaid)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Defaulting(fee));
        Assert.Empty(diagnostics);
        FeeModel lowered = Assert.Single(model!.Fees);
        Assert.True(lowered.UntilDefault);
        Assert.Equal((perPeriod, untilRepaid), (lowered.PerPeriod, lowered.UntilRepaid));
    }

    [Fact]
    public void WrittenTwiceItIsReportedAtTheCopy()
    {
        (_, var diagnostics) = ParseHelper.Parse(Defaulting("1m per year until default until default"));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0105", d.Code);
        Assert.Equal("'until default' is given twice in fee 'F' (first at line 9)", d.Message);
        Assert.Equal((9, 37), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void InADealThatCannotDefaultItIsAWarningAtTheTerm()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal("  fee F { 1m per year until default }", Regular));
        Assert.NotNull(model);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0229", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(
            "fee 'F' is 'until default', but deal 'D' has no default rule and no trigger with 'event_of_default', so no event of default can end it and the fee never stops; remove 'until default', or write the default rule ('default when ...') whose event of default ends it",
            d.Message);
        At(d, 9, 23);
    }

    [Fact]
    public void ATriggersEventOfDefaultIsADefaultToo() =>
        Assert.Empty(Analyze(Deal("  fee F { 1m per year until default }\n  test Cover = cfads / debt_service\n  trigger Breach when Cover < 1.0x => event_of_default\n"
            + "  enforcement {\n    waterfall {\n      pay Notes.interest\n      pay Notes.balance\n      distribute rest to Eq\n    }\n  }", Regular)).Diagnostics);

    [Theory]
    [InlineData("1m per year", false)]
    [InlineData("2% of collections", false)]
    [InlineData("1m per year until repaid", true)]
    public void AFeeTheEnforcementWaterfallNeverPaysIsAWarningAtItsName(string fee, bool untilRepaid)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Defaulting(fee));
        Assert.NotNull(model);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0228", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(
            "fee 'F' keeps accruing after an event of default" + (untilRepaid ? " ('until repaid' does not stop it in the workout)" : "")
            + ", but the enforcement waterfall never pays it: what it accrues from the default on can only end unpaid; add 'pay F' to the enforcement waterfall where the indenture ranks it (a trustee's fees and enforcement costs come first), or, if the fee ends at the enforcement (an asset manager's), write 'until default'",
            d.Message);
        At(d, 9, 7);
    }

    [Theory]
    [InlineData("pay F\n      pay Notes.interest\n      pay Notes.balance\n      distribute rest to Eq")]
    [InlineData("if Notes.balance > 0 { pay F }\n      pay Notes.interest\n      pay Notes.balance\n      distribute rest to Eq")]
    public void AFeeTheEnforcementWaterfallPaysIsNotWarnedOf(string steps) =>
        Assert.Empty(Analyze(Defaulting("1m per year", steps)).Diagnostics);

    [Fact]
    public void AFeeEndedByTheDefaultIsNotWarnedOf() =>
        Assert.Empty(Analyze(Defaulting("1m per year until default")).Diagnostics);

    [Fact]
    public void WithoutAnEnforcementWaterfallTheRegularOneKeepsPayingIt() =>
        Assert.Empty(Analyze(Deal("  fee F { 1m per year }\n  default when Notes.interest_shortfall > 0\n  enforcement { }", Regular)).Diagnostics);

    [Fact]
    public void WithoutAnEnforcementBlockThereIsNothingToWarnOf() =>
        Assert.Empty(Analyze(Deal("  fee F { 1m per year }", Regular)).Diagnostics);

    [Fact]
    public void AGuaranteeFeeTheEnforcementWaterfallNeverPaysIsAWarningAtTheFee()
    {
        string source = Deal("  party State { }\n  tranche G { balance 10m coupon 5% guarantor State cap 20m fee 50bp }\n"
            + "  default when Notes.interest_shortfall > 0\n"
            + "  enforcement {\n    waterfall {\n      pay Notes.interest\n      pay Notes.balance\n      pay G.interest\n      pay G.balance\n      distribute rest to Eq\n    }\n  }",
            "pay G.guarantee_fee\n    pay Notes.interest\n    pay Notes.principal\n    pay G.interest\n    pay G.principal\n    distribute rest to Eq");
        Diagnostic d = Assert.Single(Analyze(source).Diagnostics);
        Assert.Equal(("DL0228", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(
            "the guarantee fee of tranche 'G' keeps accruing after an event of default (the guarantee runs through the workout), but the enforcement waterfall never pays it: what it accrues from the default on can only end unpaid; add 'pay G.guarantee_fee' to the enforcement waterfall where the term sheet ranks it",
            d.Message);
        At(d, 10, 65);
        Assert.Empty(Analyze(source.Replace("      pay Notes.interest\n      pay Notes.balance", "      pay G.guarantee_fee\n      pay Notes.interest\n      pay Notes.balance")).Diagnostics);
    }
}
