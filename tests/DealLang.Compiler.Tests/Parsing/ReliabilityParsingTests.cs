using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>Input that used to be misreported (issue "Reliability and security", item 7): one located diagnostic
/// per mistake, saying what it is.</summary>
public sealed class ReliabilityParsingTests
{
    private static IReadOnlyList<Diagnostic> Check(string text)
    {
        var bag = new DiagnosticBag();
        DealCompiler.Analyze(DealParser.Parse(FilePath, text, bag), bag);
        return bag.Sorted();
    }

    private static string Nested(string open, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth));

    [Fact]
    public void IfStepsNestedTooDeeplyAreOneErrorAboutBlocks()
    {
        string steps = Nested("if Notes.balance > 0 { ", "} ", 210);
        var diagnostics = Check(Deal(waterfall: $"pay Notes.interest\n    pay Notes.principal\n    {steps}\n    distribute rest to Eq"));

        Diagnostic d = Assert.Single(diagnostics); // no "this file declares no deal" (DL0402)
        Assert.Equal("DL0108", d.Code);
        Assert.Contains("blocks ('if' steps and braces) nest more than 200", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BracesNestedTooDeeplyInAnUnknownBlockAreAboutBlocks()
    {
        var diagnostics = Check(Deal("  waterfal { " + Nested("{", "}", 300) + " }"));

        Assert.Contains("blocks", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BracketsNestedTooDeeplyAreStillAboutExpressions()
    {
        var diagnostics = Check(Deal("  test T = " + Nested("(", ")", 300).Insert(300, "1")));

        Diagnostic d = Assert.Single(diagnostics);
        Assert.StartsWith("expressions nest", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonAsciiNameIsOneErrorAtItsFirstAppearanceAndItsUsesStillMatch()
    {
        var diagnostics = Check(Deal().Replace("Notes", "Ünï", StringComparison.Ordinal));

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0131", d.Code);
        At(d, 7, 11);
        Assert.Contains("ASCII letters, digits and _", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithANonAsciiLetterInsideIsOneToken()
    {
        Diagnostic d = Assert.Single(Check(Deal("  account Café")));

        Assert.Equal(("DL0131", 9, 11, 14), (d.Code, d.Span.Line, d.Span.Column, d.Span.EndColumn));
    }

    [Theory]
    [InlineData("  fee Trustee { 25bq per year }", "pay Trustee\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq")]
    [InlineData("  test Cover = cfads / 25bq\n  trigger Low when Cover < 1.1x => trap\n  account Trap", "pay Notes.interest\n    pay Notes.principal\n    if Low { hold rest in Trap } else { release Trap }\n    distribute rest to Eq")]
    [InlineData("  trigger Low when Notes.balance < 25bq => trap\n  account Trap", "pay Notes.interest\n    pay Notes.principal\n    if Low { hold rest in Trap } else { release Trap }\n    distribute rest to Eq")]
    public void AUnitTypoKeepsItsDeclarationSoItsUsesAreNotUndeclared(string extra, string waterfall)
    {
        Diagnostic d = Assert.Single(Check(Deal(extra, waterfall)));

        Assert.Equal("DL0102", d.Code);
    }

    [Fact]
    public void AnUnterminatedBlockCommentIsReportedWhereItStarts()
    {
        Diagnostic d = Assert.Single(Check(Deal() + "\n/* to do:\n  stress the tenant\n"));

        Assert.Equal("DL0132", d.Code);
        At(d, 17, 1);
        Assert.Equal(2, d.Span.EndColumn);
    }

    [Fact]
    public void AnUnterminatedBlockCommentInsideTheDealIsOneErrorToo()
    {
        string text = Deal().Replace("  waterfall {", "  /* the waterfall is below\n  waterfall {", StringComparison.Ordinal);

        Assert.Equal(["DL0132"], Check(text).Select(d => d.Code));
    }

    [Fact]
    public void AClosedBlockCommentIsStillAComment()
    {
        Assert.Empty(Check("/* a */ " + Deal() + "\n/* b ** c */\n/**/"));
    }

    [Fact]
    public void StrayLinesAfterTheDealAreAllNamedInOneError()
    {
        Diagnostic d = Assert.Single(Check(Deal() + "\nnotes from the call\ncheck the coupon\nadd a DSRA\n"));

        Assert.Equal("DL0101", d.Code);
        At(d, 17, 1);
        Assert.EndsWith("(lines 17-19 are not part of any deal or scenario, and are skipped)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneStrayLineKeepsItsPlainMessage()
    {
        Diagnostic d = Assert.Single(Check(Deal() + "\nnotes from the call\n"));

        Assert.DoesNotContain("lines", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void EveryKindOfLineBreakCountsForLocations(string lineBreak)
    {
        string text = Deal().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("balance 100m", "balance 100mm", StringComparison.Ordinal)
            .Replace("\n", lineBreak, StringComparison.Ordinal);

        At(Assert.Single(Check(text)), 7, 27);
    }

    [Fact]
    public void ADurationBeyondTheCapIsOneLocatedError()
    {
        string text = Deal("  facility F { cost 1m  value straight_line 20000y }");

        Diagnostic d = Single(Check(text), "DL0130");
        At(d, 9, 45);
        Assert.Contains("10,000 years", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10000y", false)]
    [InlineData("120000m", false)]
    [InlineData("3652500d", false)]
    [InlineData("10001y", true)]
    [InlineData("120001m", true)]
    [InlineData("521800w", true)]
    public void TheCapIsTenThousandYearsInEveryUnit(string life, bool reported)
    {
        var codes = Check(Deal($"  facility F {{ cost 1m  value straight_line {life} }}")).Select(d => d.Code);

        Assert.Equal(reported, codes.Contains("DL0130"));
    }

    [Theory]
    [InlineData("70368744.177663m", false)] // 2^46 - 1: below 2^46 neighbouring doubles are 2^-7 = 0.0078 apart, within a cent
    [InlineData("70368744177664", true)]    // 2^46 as a bare number: neighbours 2^-6 = 0.015625 apart
    [InlineData("70368.744177664bn", true)]
    [InlineData("27.3bn", false)]
    public void MoneyFromTwoToTheFortySixthIsAWarning(string cost, bool reported)
    {
        var diagnostics = Check(Deal($"  facility F {{ cost {cost}  value straight_line 20y }}"));

        Assert.Equal(reported, diagnostics.Any(d => d.Code == "DL0134" && d.Severity == Severity.Warning));
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("coupon 999.99%", false)]   // 9.9999 as a fraction: below the warning's 10
    [InlineData("coupon 1000%", true)]      // 10.0: the warning's first value
    [InlineData("coupon 65000%", true)]     // a slip for 6.5000%
    [InlineData("coupon 100000bp", true)]   // 100,000bp = 1000%
    [InlineData("coupon 99999bp", false)]   // 999.99%
    [InlineData("coupon -1500%", true)]     // the sign is not part of the literal
    [InlineData("coupon 6.5%", false)]
    public void ARateOfAThousandPercentOrMoreIsAWarning(string coupon, bool reported)
    {
        var diagnostics = Check(Deal($"  tranche T {{ balance 10m  {coupon}  amortize bullet  seniority 1 }}"));

        Assert.Equal(reported, diagnostics.Any(d => d.Code == "DL0135" && d.Severity == Severity.Warning));
    }
}
