using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>The loan declaration's parsing: every item into <see cref="LoanSyntax"/>, the tranche's amortisation rule,
/// <c>loan</c> and <c>obligor</c> still usable as names, an item given twice, a misspelt keyword.</summary>
public sealed class LoanParsingTests
{
    [Fact]
    public void EveryItemIsRead()
    {
        DealSyntax deal = ParseHelper.ParseDeal("""
            deal X {
              loan MinerLoan {
                obligor       Miner
                balance       400m
                coupon        11% fixed
                interest_only until 2027-06-30
                amortize      level
                maturity      2030-06-30
                recovery      40%
              }
            }
            """);

        LoanSyntax loan = Assert.IsType<LoanSyntax>(Assert.Single(deal.Declarations));
        Assert.Equal(DeclarationKind.Loan, loan.Kind);
        Assert.Equal(("MinerLoan", "Miner"), (loan.Name.Text, loan.Obligor!.Text));
        Assert.Equal(4e8, Assert.IsType<LiteralSyntax>(loan.Balance).Value);
        Assert.Equal(0.11, Assert.IsType<LiteralSyntax>(loan.Coupon).Value, 15);
        Assert.Null(loan.CouponFloor);
        Assert.Null(loan.CouponCap);
        Assert.Equal(0.40, Assert.IsType<LiteralSyntax>(loan.Recovery).Value, 15);
        Assert.Equal("2027-06-30", loan.InterestOnlyUntil!.Value.ToString());
        Assert.Equal("2030-06-30", loan.Maturity!.Value.ToString());
        Assert.Equal(AmortizationKind.Level, loan.Amortization!.Kind);
        Assert.Equal((2, 3), (loan.Span.Line, loan.Span.Column));
    }

    [Fact]
    public void AFloatingCouponTakesATranchesFloorAndCap()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal X { loan L { coupon SOFR + 3.5% floor 6% cap 10% } }");

        LoanSyntax loan = Assert.IsType<LoanSyntax>(Assert.Single(deal.Declarations));
        var rate = Assert.IsType<BinaryExpressionSyntax>(loan.Coupon);
        Assert.Equal("SOFR", Assert.IsType<ReferenceSyntax>(rate.Left).Name.Text);
        Assert.Equal(0.035, Assert.IsType<LiteralSyntax>(rate.Right).Value, 15);
        Assert.Equal(0.06, Assert.IsType<LiteralSyntax>(loan.CouponFloor).Value, 15);
        Assert.Equal(0.10, Assert.IsType<LiteralSyntax>(loan.CouponCap).Value, 15);
    }

    [Fact]
    public void ALoanTakesATranchesAmortisationSchedule()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal X { loan L { amortize schedule { 2027-01-01 1m, 2028-01-01 2m } } }");

        AmortizationSyntax amortization = Assert.IsType<LoanSyntax>(Assert.Single(deal.Declarations)).Amortization!;
        Assert.Equal(AmortizationKind.Schedule, amortization.Kind);
        Assert.Equal(2, amortization.Schedule.Length);
    }

    [Fact]
    public void LoanAndObligorMayStillBeNames()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal loan { party obligor { }  loan loan { obligor obligor }  test T = loan.balance }");

        Assert.Equal("loan", deal.Name.Text);
        LoanSyntax loan = Assert.IsType<LoanSyntax>(deal.Declarations[1]);
        Assert.Equal(("loan", "obligor"), (loan.Name.Text, loan.Obligor!.Text));
    }

    [Fact]
    public void AnItemGivenTwiceIsReportedAndTheFirstKept()
    {
        (CompilationUnitSyntax unit, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse(
            "deal X {\n  loan L {\n    obligor A\n    obligor B\n  }\n}");

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0105", 4), (d.Code, d.Span.Line));
        Assert.Equal("A", Assert.IsType<LoanSyntax>(Assert.Single(unit.Deals).Declarations[0]).Obligor!.Text);
    }

    [Fact]
    public void AMisspeltLoanKeywordSuggestsLoan()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse("deal X {\n  laon L { balance 1m }\n}");

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0109", d.Code);
        Assert.Contains("'loan'", d.Message, StringComparison.Ordinal);
    }
}
