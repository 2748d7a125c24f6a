using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>A tranche's credit terms parsed into <see cref="TrancheSyntax"/>: a floating coupon with its floor and cap,
/// PIK, the issue price, a delayed draw, step-ups (dated and while a trigger), a margin grid and a target balance; the
/// new words still usable as names; a coupon given twice.</summary>
public sealed class TrancheTermsParsingTests
{
    [Fact]
    public void EveryTermIsRead()
    {
        DealSyntax deal = ParseHelper.ParseDeal("""
            deal X {
              tranche Loan {
                commitment 7.5bn  balance 1bn  available until 2026-12-31
                draws { 2025-03-31 2bn  2025-09-30 1.5bn }
                commitment_fee 0.50%
                coupon SOFR + 6.00% floor 0% cap 12%
                step_up 1% from 2030-01-01
                step_up 2% while CashTrap
                margin grid Ltv { below 50% 6.00%  below 65% 6.50%  else 7.00% }
                pik 50% when Loan.balance > 1bn
                issue_price 98%
                target_balance 70% of Fleet.value
              }
            }
            """);

        TrancheSyntax loan = Assert.IsType<TrancheSyntax>(Assert.Single(deal.Declarations));
        Assert.IsType<BinaryExpressionSyntax>(loan.Coupon);
        Assert.Equal((0.0, 0.12), (Assert.IsType<LiteralSyntax>(loan.CouponFloor).Value, Assert.IsType<LiteralSyntax>(loan.CouponCap).Value));
        Assert.Equal(7.5e9, Assert.IsType<LiteralSyntax>(loan.Commitment).Value);
        Assert.Equal("2026-12-31", loan.AvailableUntil!.Value.ToString());
        Assert.Equal(2, loan.Draws!.Points.Length);
        Assert.Equal(0.005, Assert.IsType<LiteralSyntax>(loan.CommitmentFee).Value, 15);
        Assert.Equal("2030-01-01", loan.StepUps[0].From!.Value.ToString());
        Assert.Equal("CashTrap", loan.StepUps[1].Trigger!.Text);
        Assert.Null(loan.StepUps[1].From);
        Assert.Equal(("Ltv", 2), (loan.MarginGrid!.Test!.Text, loan.MarginGrid.Tiers.Length));
        Assert.Equal(0.07, Assert.IsType<LiteralSyntax>(loan.MarginGrid.Else).Value, 15);
        Assert.Equal(0.5, loan.Pik!.Share!.Value);
        Assert.NotNull(loan.Pik.Condition);
        Assert.Equal(0.98, Assert.IsType<LiteralSyntax>(loan.IssuePrice).Value, 15);
        Assert.NotNull(loan.TargetBalance);
    }

    [Fact]
    public void DrawsAgainstAFleetAndAMarginByInvestmentGradeAreRead()
    {
        var loan = (TrancheSyntax)ParseHelper.ParseDeal("""
            deal X {
              tranche Loan {
                commitment 7.5bn  balance 0
                draws against Gpus advance 80%
                coupon max(SOFR, 0%)
                margin investment_grade 6.25% else 13.00%
              }
            }
            """).Declarations[0];
        Assert.Equal("Gpus", loan.DrawsAgainst!.Fleet!.Text);
        Assert.Equal(0.8, Assert.IsType<LiteralSyntax>(loan.DrawsAgainst.Advance).Value, 15);
        Assert.Null(loan.Draws);
        Assert.Equal(0.0625, Assert.IsType<LiteralSyntax>(loan.ClassMargin!.InvestmentGrade).Value, 15);
        Assert.Equal(0.13, Assert.IsType<LiteralSyntax>(loan.ClassMargin.Else).Value, 15);
        Assert.Null(loan.MarginGrid);
    }

    [Fact]
    public void DrawsAgainstGivenTwiceKeepsTheFirst()
    {
        var (unit, diagnostics) = ParseHelper.Parse("deal X { tranche T { draws against A advance 80%\n draws against B advance 70% } }");
        Assert.Equal("DL0105", ParseHelper.Codes(diagnostics));
        Assert.Equal("A", ((TrancheSyntax)unit.Deals[0].Declarations[0]).DrawsAgainst!.Fleet!.Text);
    }

    [Fact]
    public void ABarePikCapitalisesEverything()
    {
        var junior = (TrancheSyntax)ParseHelper.ParseDeal("deal X { tranche Junior { balance 10m  coupon 10%  pik } }").Declarations[0];
        Assert.Null(junior.Pik!.Share);
        Assert.Null(junior.Pik.Condition);
    }

    [Fact]
    public void PikUnpaidCapitalisesWhatGoesUnpaid()
    {
        var junior = (TrancheSyntax)ParseHelper.ParseDeal("deal X { tranche Junior { balance 10m  coupon 10%  pik unpaid } }").Declarations[0];
        Assert.True(junior.Pik!.Unpaid);
        Assert.Null(junior.Pik.Share);
    }

    [Fact]
    public void TheNewWordsAreStillNames()
    {
        var (_, diagnostics) = ParseHelper.Parse("deal X { test margin = pik.commitment + grid.draws * below.step_up + unpaid.margin + against.advance * investment_grade.margin }");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ACouponGivenTwiceKeepsTheFirstWithItsFloor()
    {
        var (unit, diagnostics) = ParseHelper.Parse("deal X { tranche T { coupon SOFR floor 1%\n coupon 5% cap 9% } }");
        Assert.Equal("DL0105", ParseHelper.Codes(diagnostics));
        var tranche = (TrancheSyntax)unit.Deals[0].Declarations[0];
        Assert.IsType<ReferenceSyntax>(tranche.Coupon);
        Assert.NotNull(tranche.CouponFloor);
        Assert.Null(tranche.CouponCap);
    }
}
