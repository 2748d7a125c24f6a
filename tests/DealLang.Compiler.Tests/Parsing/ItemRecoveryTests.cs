using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Tests.Semantics;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// Mistakes inside a declaration's braces stay there: an unknown item with a block (<c>pari_passu { ... }</c> in a
/// waterfall, <c>call_schedule { ... }</c> in a tranche) is one DL0101, not the end of the deal; and in a scenario
/// every bad line is reported, with what could have stood there and a did-you-mean. Expected messages were written
/// by hand from SyntaxMessages' wording; the suggestions are one edit away ('renewal' + 's').
/// </summary>
public sealed class ItemRecoveryTests
{
    private static IReadOnlyList<Diagnostic> Check(string text) => DealCompiler.Check(ParseHelper.Path, text).Diagnostics;

    [Fact]
    public void AnUnknownWaterfallStepWithABlockIsOneErrorAndTheWaterfallIsNotMisjudged()
    {
        // Before: DL0409 (principal never paid), DL0410 (must end with distribute), DL0109 and two more DL0101.
        string text = SemanticHarness.Deal(waterfall: "pay Notes.interest\n    pari_passu { pay Notes.principal }\n    distribute rest to Eq");

        Diagnostic d = Assert.Single(Check(text));
        Assert.Equal("DL0101", d.Code);
        Assert.Equal("unexpected 'pari_passu'; expected one of: '}', 'pay', 'fill', 'release', 'hold', 'distribute', 'sweep', 'pro_rata', ... (3 more)", d.Message);
        Assert.Equal((12, 5), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void AnAccountReleasedOnlyInsideASkippedStepIsNotReportedAsNeverReleased()
    {
        string text = SemanticHarness.Deal(
            "  account Dsra { target 1m }",
            "pay Notes.interest\n    fill Dsra\n    pari_passu { release Dsra }\n    pay Notes.principal\n    distribute rest to Eq");

        Assert.Equal("DL0101", ParseHelper.Codes(Check(text)));
    }

    [Fact]
    public void AnUnknownTrancheItemWithABlockDoesNotHideTheChecksBelowIt()
    {
        string text = SemanticHarness.Deal(
            "  tranche B {\n    balance 1m\n    toggle { rate 2% }\n    coupon 9%\n  }\n  trigger T when Notes.balance > 0 => trapp",
            "pay Notes.interest\n    pay B.interest\n    pay Notes.principal\n    pay B.principal\n    distribute rest to Eq");

        IReadOnlyList<Diagnostic> diagnostics = Check(text);

        Assert.Equal("DL0101 DL0416", ParseHelper.Codes(diagnostics));
        Assert.StartsWith("unexpected 'toggle'; expected one of: '}'", diagnostics[0].Message);
    }

    [Fact]
    public void EveryBadScenarioLineIsReportedWithADidYouMean()
    {
        string text = SemanticHarness.Deal(
            "  party P { }\n  facility F { cost 1m value straight_line 10y }\n  lease L on F { lessee P rent 1m per year starts 2025-01-01 term 2y }",
            scenarios: "scenario S for D {\n  L renewal taken 0\n  F.value deflat 5% per year\n  P default on 2027-01-01\n}");

        Assert.Equal(
            [
                "unexpected 'renewal'; did you mean 'renewals'?",
                "unexpected 'deflat'; did you mean 'deflate'?",
                "unexpected 'default'; did you mean 'defaults'?",
            ],
            Check(text).Select(d => d.Message));
    }

    [Fact]
    public void AScenarioLineStartingWithAKeywordIsReportedAndTheNextLineIsRead()
    {
        string text = SemanticHarness.Deal(
            "  party P { }",
            scenarios: "scenario S for D {\n  renewals taken 2\n  P defaults 2027-01-01\n}");

        IReadOnlyList<Diagnostic> diagnostics = Check(text);

        Assert.Equal([17, 18], diagnostics.Select(d => d.Span.Line));
        Assert.StartsWith("unexpected 'renewals'; expected one of: '}', a name, 'enforcement'", diagnostics[0].Message);
        // 'defaults' is followed by 'on DATE' or 'drawn' (a stochastic scenario's drawn default): both are offered.
        Assert.Equal("unexpected '2027-01-01'; expected 'drawn' or 'on'", diagnostics[1].Message);
    }

    [Fact]
    public void AMisspeltKeywordWhereAKeywordIsMissingGetsADidYouMean()
    {
        string text = SemanticHarness.Deal(
            "  facility F { cost 1m value straight_line 10y }",
            scenarios: "scenario S for D {\n  F.value deflate 5% per yer\n}");

        Assert.Equal("unexpected 'yer'; did you mean 'year'?", Assert.Single(Check(text)).Message);
    }
}
