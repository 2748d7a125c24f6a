namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A delayed-draw tranche bought at an original issue discount, with a dated step-up, end to end: the commitment fee
/// on the undrawn amount, draws funded at the period's end outside the waterfall, the cancellation at the end of the
/// availability period, and the lender's IRR with the issue price and the draws as its outflows (docs/language.md,
/// tranche).
/// </summary>
public sealed class DelayedDrawTests
{
    // Annual, 30/360 (every year fraction is exactly 1), four periods 2026..2029; rent 100m a year covers everything.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Sponsor { }
          facility Campus { cost 200m  value straight_line 10y }
          lease CampusLease on Campus { lessee Tenant  rent 100m per year  starts 2025-12-31  term 4y }

          tranche Loan {
            commitment 100m  balance 20m
            available until 2027-12-31
            draws { 2026-12-31 30m  2027-12-31 20m }
            commitment_fee 0.5%
            coupon 8%  step_up 1% from 2028-12-31
            issue_price 98%
          }
          equity Owners { contributed 20m  holders Sponsor 100% }

          test Undrawn = Loan.undrawn

          waterfall {
            pay Loan.commitment_fee
            pay Loan.interest
            pay Loan.principal
            distribute rest to Owners
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheCommitmentFeeIsChargedOnTheUndrawnAmountUntilTheCommitmentEnds()
    {
        // Period 1: undrawn 100m − 20m = 80m: fee 80m × 0.5% = 0.4m; 30m drawn at its end: balance 50m, undrawn 50m.
        // Period 2: fee 50m × 0.5% = 0.25m; 20m drawn: balance 70m; the availability ends (2027-12-31): undrawn 0.
        // Periods 3 and 4: no fee.
        Assert.Equal(0.4e6, Deal.Ledger("Loan commitment fee due", 0), 1e-6);
        Assert.Equal(0.4e6, Deal.Ledger("1 pay Loan.commitment_fee paid", 0), 1e-6);
        Assert.Equal(30e6, Deal.Ledger("Loan drawn", 0), 1e-6);
        Assert.Equal(50e6, Deal.Ledger("Loan balance", 0), 1e-6);
        Assert.Equal(50e6, Deal.Ledger("Loan undrawn", 0), 1e-6);
        Assert.Equal(80e6, Deal.Ledger("Undrawn", 0), 1e-6); // Loan.undrawn reads the period's opening amount
        Assert.Equal(0.25e6, Deal.Ledger("Loan commitment fee due", 1), 1e-6);
        Assert.Equal(20e6, Deal.Ledger("Loan drawn", 1), 1e-6);
        Assert.Equal(70e6, Deal.Ledger("Loan balance", 1), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Loan undrawn", 1));
        Assert.Equal(0.0, Deal.Ledger("Loan commitment fee due", 2));
        Assert.Equal(0.0, Deal.Ledger("Loan commitment fee due", 3));

        // The draws are outside the waterfall: collections are the rent only, and every period's cash check passed.
        Assert.Equal(100e6, Deal.Ledger("collections", 0), 1e-6);
    }

    [Fact]
    public void ADrawEarnsInterestFromTheNextPeriodAndTheStepUpFromItsDate()
    {
        // Interest on the opening balance: 20m × 8% = 1.6m, 50m × 8% = 4m, 70m × 8% = 5.6m; the step-up applies from
        // the first period starting on or after 2028-12-31 (period 4): 70m × 9% = 6.3m, with the 70m bullet.
        Assert.Equal(1.6e6, Deal.Ledger("Loan interest due", 0), 1e-6);
        Assert.Equal(4.0e6, Deal.Ledger("Loan interest due", 1), 1e-6);
        Assert.Equal(5.6e6, Deal.Ledger("Loan interest due", 2), 1e-6);
        Assert.Equal(0.08, Deal.Ledger("Loan coupon", 2), 1e-12);
        Assert.Equal(0.09, Deal.Ledger("Loan coupon", 3), 1e-12);
        Assert.Equal(6.3e6, Deal.Ledger("Loan interest due", 3), 1e-6);
        Assert.Equal(70e6, Deal.Ledger("3 pay Loan.principal paid", 3), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Loan balance", 3), 1e-6);
    }

    [Fact]
    public void TheLendersIrrCountsTheIssuePriceAndTheDraws()
    {
        // The lender's flows (the commitment fee is not in them), at 98% of par for the closing balance and each draw:
        //   2025-12-31: −0.98 × 20m = −19.6m
        //   2026-12-31 (365 days):  1.6m − 0.98 × 30m = −27.8m
        //   2027-12-31 (730 days):  4.0m − 0.98 × 20m = −15.6m
        //   2028-12-31 (1,096 days): 5.6m
        //   2029-12-31 (1,461 days): 6.3m + 70m = 76.3m
        // The reported IRR solves Σ flow × (1 + r)^(−days/365) = 0 over exactly these flows; bought at par the flows
        // would be 0.4m, 0.6m and 1.6m larger in the first three dates, and the IRR lower.
        var loan = Deal.Single.Tranches[0];
        double r = loan.Irr;
        double npv = -19.6e6 - (27.8e6 / Math.Pow(1 + r, 1.0)) - (15.6e6 / Math.Pow(1 + r, 2.0))
            + (5.6e6 / Math.Pow(1 + r, 1096 / 365.0)) + (76.3e6 / Math.Pow(1 + r, 1461 / 365.0));
        Assert.Equal(0.0, npv, 1.0); // within a dollar
        Assert.InRange(r, 0.08, 0.12); // above the 8% coupon: the discount and the step-up
        Assert.Equal(70e6, loan.OriginalBalance, 1e-6); // 20m at closing + 30m + 20m drawn
        Assert.Equal(0.98, Deal.Description.Tranches[0].IssuePrice);
        Assert.Equal(17.5e6, loan.InterestPaid, 1e-6); // 1.6m + 4m + 5.6m + 6.3m
    }

    [Fact]
    public void TheLendersAllInIrrAddsTheCommitmentFeePaid()
    {
        // The flows of TheLendersIrrCountsTheIssuePriceAndTheDraws plus the commitment fee paid at each period's end
        // (0.4m, 0.25m, then nothing): −19.6m; −27.8m + 0.4m = −27.4m; −15.6m + 0.25m = −15.35m; 5.6m; 76.3m.
        var loan = Deal.Single.Tranches[0];
        double r = loan.IrrWithCommitmentFee;
        double npv = -19.6e6 - (27.4e6 / Math.Pow(1 + r, 1.0)) - (15.35e6 / Math.Pow(1 + r, 2.0))
            + (5.6e6 / Math.Pow(1 + r, 1096 / 365.0)) + (76.3e6 / Math.Pow(1 + r, 1461 / 365.0));
        Assert.Equal(0.0, npv, 1.0); // within a dollar
        Assert.Equal(0.65e6, loan.CommitmentFeePaid, 1e-6);
        // The fee is income the IRR on the funded principal leaves out: the all-in yield is above it.
        Assert.InRange(r - loan.Irr, 0.001, 0.01);
        Assert.Equal(0.005, Deal.Description.Tranches[0].CommitmentFee);

        // Run as a Monte Carlo path is (summary-only), the same fee and yield, bit for bit.
        var summaryOnly = new SmallDeal(Source, fullLedger: false).Single.Tranches[0];
        Assert.Equal((loan.CommitmentFeePaid, loan.IrrWithCommitmentFee), (summaryOnly.CommitmentFeePaid, summaryOnly.IrrWithCommitmentFee));

        // A fee paid in the enforcement waterfall counts too. The lease starts a year late: period 1 collects nothing, the
        // 0.4m fee and 1.6m of interest go unpaid, the interest shortfall is an event of default (no draw is funded), and
        // the campus is sold at the end of period 2 with a year's rent: the enforcement waterfall pays the 0.4m fee, the
        // 3.2m of interest and the 20m balance. The lender: −19.6m at the closing, 23.2m (+ 0.4m) 730 days later:
        // IRR (23.2 / 19.6)^(1/2) − 1 = 8.797%, with the fee (23.6 / 19.6)^(1/2) − 1 = 9.730%.
        var workout = new SmallDeal(Source
            .Replace("starts 2025-12-31  term 4y", "starts 2026-12-31  term 3y", StringComparison.Ordinal)
            .Replace("test Undrawn = Loan.undrawn", "test Undrawn = Loan.undrawn\n  default when Loan.interest_shortfall > 0", StringComparison.Ordinal)
            .Replace("distribute rest to Owners\n  }\n}", "distribute rest to Owners\n  }\n  enforcement {\n    sell Campus lag 12m\n"
                + "    waterfall { pay Loan.commitment_fee  pay Loan.interest  pay Loan.balance  distribute rest to Owners }\n  }\n}", StringComparison.Ordinal));
        var enforced = workout.Single.Tranches[0];
        Assert.Equal(0.0, workout.Ledger("1 pay Loan.commitment_fee paid", 0));
        Assert.Equal(0.4e6, enforced.CommitmentFeePaid, 1e-6);
        Assert.Equal(Math.Sqrt(23.2 / 19.6) - 1, enforced.Irr, 1e-9);
        Assert.Equal(Math.Sqrt(23.6 / 19.6) - 1, enforced.IrrWithCommitmentFee, 1e-9);

        // A tranche without a fee has no all-in figure.
        Assert.True(double.IsNaN(new SmallDeal(Source.Replace("commitment_fee 0.5%", "", StringComparison.Ordinal)
            .Replace("pay Loan.commitment_fee", "", StringComparison.Ordinal)).Single.Tranches[0].IrrWithCommitmentFee));
    }

    [Fact]
    public void AnEventOfDefaultStopsTheDraws()
    {
        // The default rule trips at the end of period 1 (the loan's opening balance is below 30m), so period 1's draw is
        // not funded and the rest of the commitment is cancelled: the balance stays 20m and nothing is undrawn.
        var deal = new SmallDeal(Source.Replace("test Undrawn = Loan.undrawn", "test Undrawn = Loan.undrawn\n  default when Loan.balance < 30m", StringComparison.Ordinal));
        Assert.Equal(1.0, deal.Ledger("event of default", 0));
        Assert.Equal(0.0, deal.Ledger("Loan drawn", 0));
        Assert.Equal(20e6, deal.Ledger("Loan balance", 0), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Loan undrawn", 0));
        Assert.Equal(20e6, deal.Single.Tranches[0].OriginalBalance, 1e-6);
    }
    [Fact]
    public void A_monte_carlo_path_has_the_scenario_summarys_loss_share_to_the_bit()
    {
        // A loan that is not repaid (rent 10m a year against 71.2m drawn), funded with amounts whose sum rounds
        // differently in the two orders: 20123456.7 + (30765432.1 + 20345678.9) = 71234567.7, but
        // (20123456.7 + 30765432.1) + 20345678.9 = 71234567.69999999. Both the summary and the path's figures take the
        // balance plus the draws' sum, so the loss over it is the same double.
        string source = Source
            .Replace("rent 100m per year", "rent 10m per year", StringComparison.Ordinal)
            .Replace("commitment 100m  balance 20m", "commitment 100m  balance 20.1234567m", StringComparison.Ordinal)
            .Replace("draws { 2026-12-31 30m  2027-12-31 20m }", "draws { 2026-12-31 30.7654321m  2027-12-31 20.3456789m }", StringComparison.Ordinal);
        var summary = new SmallDeal(source, fullLedger: false).Single.Tranches[0];
        Assert.True(summary.PrincipalLoss > 1e6, $"the loan should lose principal, lost {summary.PrincipalLoss}");
        Assert.Equal(71234567.7, summary.OriginalBalance);

        var figures = SmallDeal.PathFiguresOf(source);
        Assert.Equal(summary.PrincipalLoss, figures.Loss[0]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(summary.LossFraction), BitConverter.DoubleToInt64Bits(figures.LossShare[0]));
    }
}
