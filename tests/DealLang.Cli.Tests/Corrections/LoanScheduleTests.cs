using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan repaid on its own schedule of uneven instalments (docs/language.md, loan): 'amortize schedule { DATE S, ... }'
/// with each `S` a share of the original balance, received in the period its date falls in (a date inside a period
/// in that period); shares adding up to less than 100% leave the rest due at the maturity, as a bullet. The coupon
/// accrues on the balance outstanding each period. Every run here checks that cash is conserved (SmallDeal).
/// </summary>
public sealed class LoanScheduleTests
{
    // Quarterly, 30/360 (every year fraction 0.25), eight periods 2026Q1..2027Q4; MinerLoan 100m at 8% (2% a quarter)
    // to 2027-12-31, its obligor never defaulting. The note: 60m at 4%, swept with what is left.
    private static string Source(string amortize) => $$"""
        deal Schedule {
          currency USD
          closing  2025-12-31
          maturity 2027-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 8% fixed  maturity 2027-12-31  {{amortize}} }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Schedule { }
        """;

    [Fact]
    public void SharesOfTheBalanceArePaidInThePeriodTheirDateFallsInAndTheRestAtTheMaturity()
    {
        // 10% on 2026-06-30 (the end of t=1), 20% on 2026-11-15 (inside t=3, 2026-10-01..12-31: paid at its end), 30%
        // on 2027-06-30 (t=5): 60% in all, so the other 40m is due at the maturity (t=7). Interest is 2% of the
        // opening balance: 100m, 100m, 90m, 90m, 70m, 70m, 40m, 40m → 2m, 2m, 1.8m, 1.8m, 1.4m, 1.4m, 0.8m, 0.8m
        // (12m in all).
        var deal = new SmallDeal(Source("amortize schedule { 2026-06-30 10%, 2026-11-15 20%, 2027-06-30 30% }"));
        Assert.Empty(deal.Diagnostics);
        double[] principal = [0, 10e6, 0, 20e6, 0, 30e6, 0, 40e6];
        double[] interest = [2e6, 2e6, 1.8e6, 1.8e6, 1.4e6, 1.4e6, 0.8e6, 0.8e6];
        for (int t = 0; t < principal.Length; t++)
        {
            Assert.Equal(principal[t], deal.Ledger("principal MinerLoan", t, "Base"), 1e-6);
            Assert.Equal(interest[t], deal.Ledger("interest MinerLoan", t, "Base"), 1e-6);
        }

        LoanSummary loan = deal.Outcomes["Base"].Loans[0];
        Assert.Equal(100e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(12e6, loan.InterestReceived, 1e-6);
        Assert.Equal(0.0, loan.Outstanding);
    }

    [Fact]
    public void AScheduleOfSharesIsTheScheduleOfTheAmountsTheyAreOfTheBalance()
    {
        // 10%, 20% and 70% of 100m are 10m, 20m and 70m: every ledger figure is the same.
        var shares = new SmallDeal(Source("amortize schedule { 2026-06-30 10%  2027-03-31 20%  2027-12-31 70% }"));
        var amounts = new SmallDeal(Source("amortize schedule { 2026-06-30 10m  2027-03-31 20m  2027-12-31 70m }"));
        var a = shares.Outcomes["Base"].Ledger!;
        var b = amounts.Outcomes["Base"].Ledger!;
        Assert.Equal(b.Periods, a.Periods);
        for (int t = 0; t < a.Periods; t++)
        {
            for (int k = 0; k < a.Columns; k++)
            {
                Assert.Equal(b[t, k], a[t, k]);
            }
        }

        Assert.Equal(20e6, shares.Ledger("principal MinerLoan", 4, "Base"), 1e-6);
    }
}
