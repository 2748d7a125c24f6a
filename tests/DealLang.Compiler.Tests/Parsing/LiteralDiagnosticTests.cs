using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>DL0102–DL0107: literal mistakes the grammar lets through, reported while the tree is built.</summary>
public sealed class LiteralDiagnosticTests
{
    private static Diagnostic Single(string text, string code)
    {
        (_, var diagnostics) = ParseHelper.Parse(text);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        return diagnostic;
    }

    [Fact]
    public void UnknownSuffixListsTheValidOnes()
    {
        Diagnostic d = Single("deal X { tranche A { balance 5q } }", "DL0102");
        Assert.Equal("unknown unit in '5q'; write the number with one of: bn, m, k (money), % or bp (rate), x (ratio)", d.Message);
        Assert.Equal((1, 30), (d.Span.Line, d.Span.Column));
    }

    [Theory]
    [InlineData("balance 4y")]
    [InlineData("balance 90d")]
    [InlineData("balance 1bn + 2w")]
    public void ADurationIsNotAValue(string item)
    {
        Diagnostic d = Single($"deal X {{ tranche A {{ {item} }} }}", "DL0102");
        Assert.Contains("is a duration, and a duration is not a value (it makes one only as '6m of debt_service')", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftOfOfAlsoAcceptsDurations()
    {
        Diagnostic d = Single("deal X { account A { target 6q of debt_service } }", "DL0102");
        Assert.Equal(
            "unknown unit in '6q'; write the number with one of: bn, m, k (money), % or bp (rate), x (ratio), or d, w, m, y (a duration)",
            d.Message);
    }

    [Fact]
    public void SuffixesAreCaseSensitive() =>
        Single("deal X { tranche A { balance 27.3BN } }", "DL0102");

    [Fact]
    public void UnknownUnitDropsTheItemQuietly()
    {
        (CompilationUnitSyntax unit, _) = ParseHelper.Parse("deal X { tranche A { balance 5q coupon 5% } }");
        TrancheSyntax tranche = Assert.IsType<TrancheSyntax>(unit.Deals[0].Declarations[0]);
        Assert.Null(tranche.Balance);
        Assert.NotNull(tranche.Coupon);
    }

    [Fact]
    public void InvalidDateIsReportedAndClamped()
    {
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse("deal X { closing 2025-02-30 }");
        Assert.Equal("2025-02-30 is not a valid date", Assert.Single(diagnostics).Message);
        Assert.Equal(new Date(2025, 2, 28), unit.Deals[0].Closing!.Value);
    }

    [Theory]
    [InlineData("deal X { lease L on C { term 4bn } }", "'4bn'")]
    [InlineData("deal X { lease L on C { term 4q } }", "'4q'")]
    [InlineData("deal X { lease L on C { renewals 2 x 5% at lessee option } }", "'5%'")]
    [InlineData("deal X { facility C { value straight_line 30k } }", "'30k'")]
    [InlineData("deal X { test T = cfads over trailing 12x }", "'12x'")]
    [InlineData("deal X { enforcement { sell C lag 1bp } }", "'1bp'")]
    public void DurationPositionsNeedATimeSuffix(string text, string found)
    {
        Diagnostic d = Single(text, "DL0104");
        Assert.Equal($"expected a duration such as 6m or 4y (d days, w weeks, m months, y years), found {found}", d.Message);
    }

    [Fact]
    public void DurationsInEveryDurationPosition()
    {
        DealSyntax deal = ParseHelper.ParseDeal(
            "deal X { lease L on C { term 10y  renewals 3 x 5y at lessee option rent at market }" +
            "  facility C { value straight_line 6w }  test T = cfads over trailing 90d" +
            "  enforcement { sell C lag 1m } }");
        LeaseSyntax lease = deal.OfKind<LeaseSyntax>().Single();
        Assert.Equal((10d, TimeUnit.Years), (lease.Term!.Amount, lease.Term.Unit));
        Assert.Equal((3, 5d, TimeUnit.Years, true), (lease.Renewals!.Count, lease.Renewals.Term.Amount, lease.Renewals.Term.Unit, lease.Renewals.RentAtMarket));
        StraightLineValueSyntax value = Assert.IsType<StraightLineValueSyntax>(deal.OfKind<FacilitySyntax>().Single().Value);
        Assert.Equal((6d, TimeUnit.Weeks), (value.Life.Amount, value.Life.Unit));
        Assert.Equal((90d, TimeUnit.Days), (deal.OfKind<TestSyntax>().Single().Trailing!.Amount, deal.OfKind<TestSyntax>().Single().Trailing!.Unit));
        Assert.Equal((1d, TimeUnit.Months), (deal.OfKind<EnforcementSyntax>().Single().Sales[0].Lag!.Amount, deal.OfKind<EnforcementSyntax>().Single().Sales[0].Lag!.Unit));
    }

    [Fact]
    public void DuplicateTrancheItemKeepsTheFirst()
    {
        string text = "deal X {\n  tranche Notes {\n    coupon 5%\n    coupon 6%\n  }\n}";
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0105", d.Code);
        Assert.Equal("'coupon' is given twice in tranche 'Notes' (first at line 3)", d.Message);
        Assert.Equal((4, 5), (d.Span.Line, d.Span.Column));
        LiteralSyntax coupon = Assert.IsType<LiteralSyntax>(Assert.IsType<TrancheSyntax>(unit.Deals[0].Declarations[0]).Coupon);
        Assert.Equal(0.05, coupon.Value, 1e-15);
    }

    [Theory]
    [InlineData("deal D {\n closing 2025-01-01\n closing 2025-02-01 }", "'closing' is given twice in deal 'D' (first at line 2)")]
    [InlineData("deal D {\n pay monthly\n pay annual }", "'pay' is given twice in deal 'D' (first at line 2)")]
    [InlineData("deal D { lease L on C {\n rvg cap 1bn\n rvg cap 2bn } }", "'rvg' is given twice in lease 'L' (first at line 2)")]
    [InlineData("deal D { lease L on C {\n rvg cap 1bn cap 2bn } }", "'cap' is given twice in the rvg of lease 'L' (first at line 2)")]
    [InlineData("deal D { lease L on C {\n rent 1bn per year\n rent 2bn per year } }", "'rent' is given twice in lease 'L' (first at line 2)")]
    [InlineData("deal D { facility F {\n value straight_line 30y\n value schedule { } } }", "'value' is given twice in facility 'F' (first at line 2)")]
    [InlineData("deal D { party P {\n pd 1%\n pd 2% } }", "'pd' is given twice in party 'P' (first at line 2)")]
    [InlineData("deal D { equity E {\n holders A 50%, B 50%\n holders A 100% } }", "'holders' is given twice in equity 'E' (first at line 2)")]
    [InlineData("deal D { account A {\n target 0\n target 1bn } }", "'target' is given twice in account 'A' (first at line 2)")]
    [InlineData("deal D { enforcement {\n sell C\n waterfall { }\n waterfall { } } }", "'waterfall' is given twice in the enforcement block (first at line 3)")]
    [InlineData("deal D { enforcement {\n sell C haircut 1% haircut 2% } }", "'haircut' is given twice in 'sell C' (first at line 2)")]
    [InlineData("scenario S for D {\n enforcement lag 1m lag 2m }", "'lag' is given twice in the enforcement override of scenario 'S' (first at line 2)")]
    public void DuplicateSingleValuedItems(string text, string message) =>
        Assert.Equal(message, Single(text, "DL0105").Message);

    [Theory]
    [InlineData("deal D { lease L on C { renewals 2.5 x 4y at lessee option } }", "the number of renewals must be a whole number of at least 0, found '2.5'")]
    [InlineData("deal D { tranche T { seniority 1.5 } }", "seniority must be a whole number of at least 1, found '1.5'")]
    [InlineData("scenario S for D { L renewals taken 1.5 }", "the number of renewals taken must be a whole number of at least 0, found '1.5'")]
    public void CountsMustBeWholeNumbers(string text, string message) =>
        Assert.Equal(message, Single(text, "DL0106").Message);

    [Fact]
    public void AnAbsurdlyLargeNumberIsReported()
    {
        string digits = "1" + new string('0', 400);
        Diagnostic d = Single($"deal D {{ tranche T {{ balance {digits}bn }} }}", "DL0107");
        Assert.StartsWith("'1000000000000000000000000000000000000...' is too large a number", d.Message, StringComparison.Ordinal);
    }
}
