using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan is collateral: an enforcement sale realises its outstanding balance at par less the haircut, and from
/// then it pays the deal nothing. A loan no sale sells is a warning (DL0471), and whatever it still owes when the
/// run ends with the last sale is shown, not silently dropped: principal + recovery + loss + sold + outstanding is
/// the balance lent, always.
/// </summary>
public sealed class LoanSaleTests
{
    // Annual, 30/360 (every year fraction is exactly 1), four periods 2026..2029. MinerLoan 100m at 10% linear,
    // recovery 40%; CloudLoan 50m at 8% bullet; both to 2029-12-31. The note: 120m at 5%, swept with what is left.
    // An event of default as soon as MinerLoan has defaulted; the sale is at the end of the default period (lag 0).
    private static string Source(string sale) => $$"""
        deal Sale {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Cloud   { rating "BB" pd 4%  recovery 45% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 10% fixed  amortize linear  maturity 2029-12-31  recovery 40% }
          loan CloudLoan { obligor Cloud  balance 50m  coupon 8% fixed  amortize bullet  maturity 2029-12-31 }

          tranche Notes { balance 120m  coupon 5% }
          equity Owners { contributed 30m  holders Sponsor 100% }

          default when MinerLoan.defaulted
          enforcement { {{sale}} }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario MinerDefaults for Sale { Miner defaults on 2027-06-30 }
        """;

    private static readonly SmallDeal Both = new(Source("sell MinerLoan, CloudLoan haircut 20% lag 0m"));

    private static readonly SmallDeal MinerOnly = new(Source("sell MinerLoan haircut 20% lag 0m"));

    [Fact]
    public void TheSaleRealisesTheLoansBalanceLessTheHaircutAndEndsTheRun()
    {
        // Period 1 (2026): MinerLoan pays 10m interest + 25m principal (75m left); CloudLoan 4m interest. 39m in;
        // the note's interest 120m × 5% = 6m, then 33m of its balance: 87m left.
        Assert.Equal(87e6, Both.Ledger("Notes balance", 0), 1e-6);

        // Period 2 (2027): Miner defaults: 40% × 75m = 30m recovered, 45m lost; CloudLoan pays 4m interest. 34m in;
        // interest 87m × 5% = 4.35m, then 29.65m of the balance: 57.35m left. The event of default is at the
        // period's end and the sale (lag 0) in it: MinerLoan realises 0 (written off), CloudLoan 50m × (1 − 20%) =
        // 40m, which the enforcement pass pays to the note: 17.35m left, and the run ends (everything sold).
        Assert.Equal(40e6, Both.Ledger("sale proceeds", 1), 1e-6);
        Assert.Equal(0.0, Both.Ledger("CloudLoan balance", 1));
        Assert.Equal(2, Both.Single.PeriodsRun);
        Assert.Equal(17.35e6, Both.Single.Tranches[0].PrincipalLoss, 1e-6);

        LoanSummary cloud = Both.Single.Loans[1];
        Assert.Equal(8e6, cloud.InterestReceived, 1e-6);
        Assert.Equal(50e6, cloud.Sold, 1e-6);
        Assert.Equal(0.0, cloud.Outstanding);
        LoanSummary miner = Both.Single.Loans[0];
        Assert.Equal(0.0, miner.Sold);
        Assert.Equal(45e6, miner.Loss, 1e-6);
        Assert.DoesNotContain(Both.Diagnostics, d => d.Code == "DL0471");

        // No enforcement waterfall, but the regular one sweeps the balance (pay Notes.balance): the proceeds reach the
        // debt, so no DL0472 (tests/corpus/malformed/260 is the case where they would not).
        Assert.DoesNotContain(Both.Diagnostics, d => d.Code == "DL0472");
    }

    [Fact]
    public void ALoanNoSaleSellsIsAWarningAndItsBalanceIsShownOutstanding()
    {
        // The same path, but only MinerLoan is sold: CloudLoan's 50m is neither collected nor sold when the run ends
        // with that sale in period 2, so the note gets no sale proceeds: 57.35m lost, and the summary says why.
        Diagnostic warning = Assert.Single(MinerOnly.Diagnostics, d => d.Code == "DL0471");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("'CloudLoan'", warning.Message, StringComparison.Ordinal);

        Assert.Equal(2, MinerOnly.Single.PeriodsRun);
        Assert.Equal(57.35e6, MinerOnly.Single.Tranches[0].PrincipalLoss, 1e-6);
        LoanSummary cloud = MinerOnly.Single.Loans[1];
        Assert.Equal(0.0, cloud.Sold);
        Assert.Equal(50e6, cloud.Outstanding, 1e-6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EveryLoanAccountsForItsWholeBalance(bool both)
    {
        // principal received + recovery + loss + sold + outstanding at end = the balance lent (100m, 50m).
        double[] lent = [100e6, 50e6];
        var outcome = (both ? Both : MinerOnly).Single;
        for (int l = 0; l < lent.Length; l++)
        {
            LoanSummary s = outcome.Loans[l];
            Assert.Equal(lent[l], s.PrincipalReceived + s.Recovery + s.Loss + s.Sold + s.Outstanding, 1e-6);
        }
    }
}
