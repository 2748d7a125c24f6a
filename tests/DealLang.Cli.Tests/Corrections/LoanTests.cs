using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan the deal owns, end to end: interest on the opening balance and linear principal received, then the
/// obligor's default: no payment from that period, the recovery on the outstanding balance received then (a
/// collection, not CFADS), the rest lost, and the note the loan funds taking the shortfall.
/// </summary>
public sealed class LoanTests
{
    // Annual, 30/360 (every year fraction is exactly 1), four periods 2026..2029. The loan: 100m at 10%, linear to
    // 2029-12-31, recovery 40%; the note: 80m at 5%, paid down with everything left after its interest.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan {
            obligor  Miner
            balance  100m
            coupon   10% fixed
            amortize linear
            maturity 2029-12-31
            recovery 40%
          }

          tranche Notes { balance 80m  coupon 5% }
          equity Owners { contributed 20m  holders Sponsor 100% }

          test Dscr = cfads / debt_service
          test Lost = MinerLoan.loss
          trigger Down when MinerLoan.defaulted => trap

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Performing for Small { }
        scenario MinerDefaults for Small { Miner defaults on 2027-06-30 }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void APerformingLoanPaysInterestAndLinearPrincipal()
    {
        // Period 1: interest 100m × 10% × 1 = 10m; principal 100m / 4 periods left = 25m; balance 75m.
        // Period 2: interest 75m × 10% = 7.5m; principal 75m / 3 = 25m; balance 50m. Period 4: the last 25m.
        Assert.Equal(10e6, Deal.Ledger("interest MinerLoan", 0, "Performing"), 1e-6);
        Assert.Equal(25e6, Deal.Ledger("principal MinerLoan", 0, "Performing"), 1e-6);
        Assert.Equal(75e6, Deal.Ledger("MinerLoan balance", 0, "Performing"), 1e-6);
        Assert.Equal(7.5e6, Deal.Ledger("interest MinerLoan", 1, "Performing"), 1e-6);
        Assert.Equal(25e6, Deal.Ledger("principal MinerLoan", 3, "Performing"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan balance", 3, "Performing"));

        // Collections 35m; the note's interest 80m × 5% = 4m, then 31m of its balance: 49m left.
        // Everything the loan pays is recurring: DSCR = cfads / debt service = 35m / 4m = 8.75x.
        Assert.Equal(35e6, Deal.Ledger("collections", 0, "Performing"), 1e-6);
        Assert.Equal(49e6, Deal.Ledger("Notes balance", 0, "Performing"), 1e-6);
        Assert.Equal(8.75, Deal.Ledger("Dscr", 0, "Performing"), 1e-12);

        // Period 2: 32.5m collected; interest 49m × 5% = 2.45m; 30.05m of balance: 18.95m left. Period 3: 30m
        // collected (5m interest + 25m principal); interest 0.9475m; the rest, 29.0525m, repays the 18.95m note, and
        // Owners get 10.1025m. The note is whole.
        Assert.Equal(18.95e6, Deal.Ledger("Notes balance", 1, "Performing"), 1e-6);
        Assert.Equal(0.0, Deal.Outcomes["Performing"].Tranches[0].PrincipalLoss, 1e-6);
    }

    [Fact]
    public void TheObligorsDefaultStopsPaymentsAndBringsTheRecoveryInThatPeriod()
    {
        // Miner defaults on 2027-06-30, inside period 2 (2026-12-31..2027-12-31). Period 1 is as performing.
        // Period 2: no interest, no principal; recovery 40% × the 75m outstanding = 30m; the other 45m is lost.
        Assert.Equal(10e6, Deal.Ledger("interest MinerLoan", 0, "MinerDefaults"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("interest MinerLoan", 1, "MinerDefaults"));
        Assert.Equal(0.0, Deal.Ledger("principal MinerLoan", 1, "MinerDefaults"));
        Assert.Equal(30e6, Deal.Ledger("recovery MinerLoan", 1, "MinerDefaults"), 1e-6);
        Assert.Equal(45e6, Deal.Ledger("Lost", 1, "MinerDefaults"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("MinerLoan balance", 1, "MinerDefaults"));
        Assert.Equal(1.0, Deal.Ledger("Down", 1, "MinerDefaults")); // and after
        Assert.Equal(1.0, Deal.Ledger("Down", 3, "MinerDefaults"));
        Assert.Equal(0.0, Deal.Ledger("Down", 0, "MinerDefaults"));

        // The recovery is a collection (30m) but not CFADS: DSCR = 0 / 2.45m = 0x.
        Assert.Equal(30e6, Deal.Ledger("collections", 1, "MinerDefaults"), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Dscr", 1, "MinerDefaults"));

        // Nothing after: periods 3 and 4 collect nothing, and the recovery is not received twice.
        Assert.Equal(0.0, Deal.Ledger("collections", 2, "MinerDefaults"));
        Assert.Equal(0.0, Deal.Ledger("recovery MinerLoan", 3, "MinerDefaults"));
    }

    [Fact]
    public void TheNoteTheLoanFundsTakesTheLoss()
    {
        // Period 2: 30m collected; the note's interest 49m × 5% = 2.45m; 27.55m of its 49m balance: 21.45m left,
        // which nothing repays (no more collections): the note's principal loss is 21.45m.
        Assert.Equal(21.45e6, Deal.Ledger("Notes balance", 1, "MinerDefaults"), 1e-6);
        Assert.Equal(21.45e6, Deal.Outcomes["MinerDefaults"].Tranches[0].PrincipalLoss, 1e-6);

        // Interest on it goes unpaid: 21.45m × 5% = 1.0725m in each of periods 3 and 4.
        Assert.Equal(2 * 1.0725e6, Deal.Outcomes["MinerDefaults"].Tranches[0].UnpaidInterest, 1e-6);
    }

    [Fact]
    public void ARecoveryStaysOutOfCfadsEvenWhenTheDealCountsTheRvg()
    {
        // RvgDeal (rent 12m; an RVG of min(30m, 30m - 20m) = 10m in 2026's period; debt service 10m a year) with a
        // 5m bullet loan at 0% whose borrower defaults in the same period: 60% × 5m = 3m recovered.
        var deal = new SmallDeal(RvgDeal.Source("30m", "30m", """
              party Borrower { }
              loan Small { obligor Borrower  balance 5m  coupon 0%  maturity 2029-01-01  recovery 60% }
              cfads includes rvg
              test Dscr = cfads / debt_service
            """) + "\nscenario Default for Rvg { Borrower defaults on 2026-06-30 }\n");

        // Collections 12m + 10m + 3m = 25m; cfads counts the RVG but not the recovery: (12m + 10m) / 10m = 2.2x.
        Assert.Equal(25e6, deal.Ledger("collections", 1), 1e-6);
        Assert.Equal(3e6, deal.Ledger("recovery Small", 1), 1e-6);
        Assert.Equal(2.2, deal.Ledger("Dscr", 1), 1e-12);
    }

    [Fact]
    public void TheSummaryShowsWhatTheLoanPaidAndLostWithoutALedger()
    {
        // Summaries only (no ledger), as a Monte Carlo path runs. Performing: interest 10m + 7.5m + 5m + 2.5m (10% on
        // 100m, 75m, 50m, 25m) = 25m; principal 4 × 25m = 100m; no recovery, no loss, no default.
        // MinerDefaults: period 1 only, 10m interest and 25m principal; then 40% × 75m = 30m recovered and the other
        // 45m lost, on the obligor's default date, 2027-06-30.
        var deal = new SmallDeal(Source, fullLedger: false);
        Assert.Null(deal.Outcomes["Performing"].Ledger);

        LoanSummary performing = deal.Outcomes["Performing"].Loans.Single();
        Assert.Equal("MinerLoan", performing.Name);
        Assert.Equal(25e6, performing.InterestReceived, 1e-6);
        Assert.Equal(100e6, performing.PrincipalReceived, 1e-6);
        Assert.Equal(0.0, performing.Recovery);
        Assert.Equal(0.0, performing.Loss);
        Assert.Null(performing.DefaultDate);

        LoanSummary defaults = deal.Outcomes["MinerDefaults"].Loans.Single();
        Assert.Equal(10e6, defaults.InterestReceived, 1e-6);
        Assert.Equal(25e6, defaults.PrincipalReceived, 1e-6);
        Assert.Equal(30e6, defaults.Recovery, 1e-6);
        Assert.Equal(45e6, defaults.Loss, 1e-6);
        Assert.Equal(new Date(2027, 6, 30), defaults.DefaultDate);

        // The CSV summary's loan rows (RFC 4180 records, CRLF), to the cent, scenarios in the deal's order.
        string csv = SummaryReport.Render(deal.Description, [deal.Outcomes["Performing"], deal.Outcomes["MinerDefaults"]], ReportFormat.Csv);
        Assert.Contains("MinerLoan,interest received,25000000.00,10000000.00\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("MinerLoan,principal received,100000000.00,25000000.00\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("MinerLoan,recovery,0.00,30000000.00\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("MinerLoan,loss,0.00,45000000.00\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("MinerLoan,defaults on,,2027-06-30\r\n", csv, StringComparison.Ordinal);

        // The JSON summary: the same figures per scenario, under "loans".
        string json = SummaryReport.Render(deal.Description, [deal.Outcomes["MinerDefaults"]], ReportFormat.Json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var loan = doc.RootElement.GetProperty("scenarios")[0].GetProperty("loans")[0];
        Assert.Equal(45e6, loan.GetProperty("loss").GetDouble(), 1e-6);
        Assert.Equal(30e6, loan.GetProperty("recovery").GetDouble(), 1e-6);
        Assert.Equal("2027-06-30", loan.GetProperty("defaultDate").GetString());
    }

    [Fact]
    public void ALoanRepaidBeforeItsObligorDefaultsLosesNothing()
    {
        // A bullet loan maturing 2026-12-31 (period 1) is repaid whole before its obligor defaults on 2027-06-30: no
        // recovery, no loss, no default date, though the party itself defaults.
        var deal = new SmallDeal(Source
            .Replace("amortize linear", "amortize bullet", StringComparison.Ordinal)
            .Replace("maturity 2029-12-31\n    recovery 40%", "maturity 2026-12-31\n    recovery 40%", StringComparison.Ordinal), fullLedger: false);
        LoanSummary loan = deal.Outcomes["MinerDefaults"].Loans.Single();
        Assert.Equal(100e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(10e6, loan.InterestReceived, 1e-6);
        Assert.Equal(0.0, loan.Loss);
        Assert.Null(loan.DefaultDate);
        Assert.Equal(new Date(2027, 6, 30), deal.Outcomes["MinerDefaults"].Parties[0].DefaultDate);
    }
}
