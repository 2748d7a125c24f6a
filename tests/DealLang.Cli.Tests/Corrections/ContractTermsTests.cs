using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A contract's prepayment, a customer's default prorated to its day, and a forward CFADS (docs/language.md §5
/// "contract", §7 "over next"), each computed by hand.
/// </summary>
public sealed class ContractTermsTests
{
    // Quarterly from 2026-01-01 to 2028-01-01 (b = 01-01, 04-01, 07-01, 10-01 of 2026 and 2027, then 2028-01-01).
    // Prepaid: 400 GPUs at 2.50, 80%, two years (730 days), 4m applied over the term: a credit of 4m / 2 = 2m a year.
    // Upfront: 400 GPUs at 2.00, 100%, a year from 2026-04-01, 500k paid on top, one 6-month renewal at market.
    // The hall is leased to Big for 1.2m a year (300k a quarter), a year from the closing, one 1-year renewal. An
    // admin fee of 100k a year escalating 10%; the fleet's maintenance 2% of its 20m cost a year (no power).
    private const string Source = """
        deal Terms {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Big   { }
          party Lab   { recovery 30% }
          party Owner { }
          index Rent { level 2.00 per gpu_hour  deflate 10% per year }
          facility Hall { cost 10m  value straight_line 20y }
          lease HallLease on Hall {
            lessee Big  rent 1.2m per year  starts 2026-01-01  term 1y  renewals 1 x 1y at lessee option
          }
          fleet Cluster {
            units 1000 gpus  unit_cost 20k per gpu
            depreciate straight_line 5y
            maintenance 2% per year
            generation Rent
          }
          contract Prepaid on Cluster {
            customer Big  units 400 gpus  price 2.50 per gpu_hour  hours 8760 hours per year
            take_or_pay 80%  starts 2026-01-01  term 2y  prepayment 4m applied over term
          }
          contract Upfront on Cluster {
            customer Lab  units 400 gpus  price 2.00 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-04-01  term 1y  prepayment 500k
            renewals 1 x 6m at customer option
          }

          tranche Loan { balance 1m  coupon 6% }
          equity  Eq   { contributed 25m  holders Owner 100% }
          fee Admin { 100k per year escalating 10% per year }

          test Cash     = cfads
          test FwdCfads = cfads over next 12m
          test FwdDs    = debt_service over next 12m
          test FwdDscr  = cfads / debt_service over next 12m

          waterfall {
            pay Admin
            pay Cluster.opex
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Terms { }

        scenario LabDefaults for Terms {
          Lab defaults on 2026-05-16
        }

        scenario LabDefaultsBeforeStart for Terms {
          Lab defaults on 2026-03-01
        }

        scenario Renewed for Terms {
          Upfront renewals taken 1
          HallLease renewals taken 1
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void AnAppliedPrepaymentIsReceivedAtTheStartAndCreditedAgainstEachPeriodsPayment()
    {
        // Q1, 90 days: (400 × 2.50 × 8760 × 0.8 − 2,000,000) × 90/365 = (7,008,000 − 2,000,000) × 90/365 = 1,234,849.32.
        Assert.Equal(1_234_849.32, Deal.Ledger("revenue Prepaid", 0, "AsAgreed"), 0.01);
        // Q2, 91 days: 5,008,000 × 91/365 = 1,248,569.86.
        Assert.Equal(1_248_569.86, Deal.Ledger("revenue Prepaid", 1, "AsAgreed"), 0.01);
        // The 4m arrives in Q1, the period the start (the closing) falls in, and never again.
        Assert.Equal(4_000_000.00, Deal.Ledger("prepayment Prepaid", 0, "AsAgreed"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("prepayment Prepaid", 1, "AsAgreed"));
        // Over the term the credits add up to the prepayment: 7,008,000 × 2 − 4,000,000 = 10,016,000 received.
        var summaryOnly = new SmallDeal(Source, fullLedger: false);
        ContractSummary prepaid = summaryOnly.Outcomes["AsAgreed"].Contracts.Single(c => c.Name == "Prepaid");
        Assert.Equal(10_016_000.00, prepaid.Revenue, 0.01);
        Assert.Equal(4_000_000.00, prepaid.Prepayment, 0.01);
    }

    [Fact]
    public void APrepaymentIsAOneOffInCollectionsNotInCfads()
    {
        // Q1: Prepaid 1,234,849.32 + its 4m + Upfront's 500k (its start, 2026-04-01, is Q1's end) + the hall's 300k.
        // cfads leaves the 4.5m out and deducts the fee (100k × 0.25 = 25k) and the opex (400k × 90/365.25).
        double collections = 1_234_849.32 + 4_000_000 + 500_000 + 300_000;
        Assert.Equal(collections, Deal.Ledger("collections", 0, "AsAgreed"), 0.01);
        Assert.Equal(collections - 4_500_000 - 25_000 - (400_000 * 90 / 365.25), Deal.Ledger("Cash", 0, "AsAgreed"), 0.01);
    }

    [Fact]
    public void APrepaymentOnTopLeavesThePriceAsItIs()
    {
        // Upfront, Q2 (91 days): 400 × 2.00 × 8760 × 91/365 = 1,747,200; its 500k arrived in Q1.
        Assert.Equal(1_747_200.00, Deal.Ledger("revenue Upfront", 1, "AsAgreed"), 0.01);
        Assert.Equal(500_000.00, Deal.Ledger("prepayment Upfront", 0, "AsAgreed"), 0.01);
    }

    [Fact]
    public void ADefaultIsProratedToItsDayAndThePrepaymentIsKept()
    {
        // Lab defaults on 2026-05-16: Q2 (2026-04-01 → 2026-07-01) pays the 45 days before it:
        // 400 × 2.00 × 8760 × 45/365 = 864,000 (the whole quarter would be 1,747,200); nothing after.
        Assert.Equal(864_000.00, Deal.Ledger("revenue Upfront", 1, "LabDefaults"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("revenue Upfront", 2, "LabDefaults"));
        // Its units are idle from the end of Q2 (the customer is in default then).
        Assert.Equal(0.0, Deal.Ledger("Upfront units", 1, "LabDefaults"));
        // The 500k it prepaid is not refunded.
        Assert.Equal(500_000.00, Deal.Ledger("prepayment Upfront", 0, "LabDefaults"), 0.01);
        var summaryOnly = new SmallDeal(Source, fullLedger: false);
        Assert.Equal(500_000.00, summaryOnly.Outcomes["LabDefaults"].Contracts.Single(c => c.Name == "Upfront").Prepayment, 0.01);
    }

    [Fact]
    public void ACustomerInDefaultBeforeTheStartPrepaysNothing()
    {
        // Lab defaults on 2026-03-01, before Upfront starts: no prepayment, no revenue; the summary row says 0.
        Assert.Equal(0.0, Deal.Ledger("prepayment Upfront", 0, "LabDefaultsBeforeStart"));
        Assert.Equal(0.0, Deal.Ledger("revenue Upfront", 1, "LabDefaultsBeforeStart"));
        var summaryOnly = new SmallDeal(Source, fullLedger: false);
        Assert.Equal(0.0, summaryOnly.Outcomes["LabDefaultsBeforeStart"].Contracts.Single(c => c.Name == "Upfront").Prepayment);
        string csv = DealLang.Runner.Reports.SummaryReport.Render(summaryOnly.Description,
            [summaryOnly.Outcomes["AsAgreed"], summaryOnly.Outcomes["LabDefaultsBeforeStart"]], DealLang.Runner.Reports.ReportFormat.Csv);
        Assert.Contains("Upfront,prepayment received,500000.00,0.00\r\n", csv, StringComparison.Ordinal);
        string json = DealLang.Runner.Reports.SummaryReport.Render(summaryOnly.Description, [summaryOnly.Outcomes["AsAgreed"]],
            DealLang.Runner.Reports.ReportFormat.Json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(4_000_000.00, doc.RootElement.GetProperty("scenarios")[0].GetProperty("contracts")[0].GetProperty("prepayment").GetDouble(), 0.01);
    }

    [Fact]
    public void AForwardCfadsCountsContractedReceiptsToEachTermsEndLessFeesAndOpex()
    {
        // At the end of Q1 (2026-04-01) the window is the next four quarters (2026-04-01 → 2027-04-01, 365 days):
        //   the hall's initial term ends 2027-01-01: 3 quarters × 300k = 900,000 (its renewal has not begun);
        //   Prepaid: (7,008,000 − 2,000,000) × 365/365 = 5,008,000;
        //   Upfront (signed, from 2026-04-01 to 2027-04-01): 400 × 2.00 × 8760 × 1.0 × 365/365 = 7,008,000;
        //   less Admin: 100k × (0.25 × 3 + 0.25 × 1.1) = 102,500 (the fourth quarter starts 2027-01-01: +10%);
        //   less the maintenance: 400,000 × 365/365.25 = 399,726.22.
        double expected = 900_000 + 5_008_000 + 7_008_000 - 102_500 - (400_000 * 365 / 365.25);
        Assert.Equal(12_413_773.78, expected, 0.01);
        Assert.Equal(expected, Deal.Ledger("FwdCfads", 0, "AsAgreed"), 0.01);
        // The forward DSCR is the forward CFADS over the forward debt service, over the same window.
        Assert.Equal(Deal.Ledger("FwdCfads", 0, "AsAgreed") / Deal.Ledger("FwdDs", 0, "AsAgreed"), Deal.Ledger("FwdDscr", 0, "AsAgreed"), 9);
    }

    [Fact]
    public void AForwardCfadsKnowsADefaultOnlyOnceItHasHappened()
    {
        // LabDefaults: on 2026-04-01 the default of 2026-05-16 is still ahead, so the projection is as agreed.
        Assert.Equal(Deal.Ledger("FwdCfads", 0, "AsAgreed"), Deal.Ledger("FwdCfads", 0, "LabDefaults"), 6);
        // On 2026-07-01 Lab is in default: Upfront drops out. The window 2026-07-01 → 2027-07-01 (365 days) holds the
        // hall's two quarters to 2027-01-01 (600,000), Prepaid's 5,008,000, Admin 100k × (0.25 × 2 + 0.25 × 1.1 × 2)
        // = 105,000 and the maintenance 400,000 × 365/365.25.
        double expected = 600_000 + 5_008_000 - 105_000 - (400_000 * 365 / 365.25);
        Assert.Equal(expected, Deal.Ledger("FwdCfads", 1, "LabDefaults"), 0.01);
        // As agreed it would also hold Upfront's 274 days to 2027-04-01: 400 × 2.00 × 8760 × 274/365 = 5,260,800.
        Assert.Equal(expected + 5_260_800, Deal.Ledger("FwdCfads", 1, "AsAgreed"), 0.01);
    }

    [Fact]
    public void AForwardCfadsCountsARenewalOnlyOnceItRuns()
    {
        // Renewed: at the end of Q1 neither renewal has begun, so the projection is as agreed.
        Assert.Equal(Deal.Ledger("FwdCfads", 0, "AsAgreed"), Deal.Ledger("FwdCfads", 0, "Renewed"), 6);
        // At the end of Q5 (2027-04-01) Upfront's renewal runs (to 2027-10-01) and the hall's (to 2028-01-01). The
        // window is the last three quarters (2027-04-01 → 2028-01-01, 275 days; the maturity cuts it):
        //   the hall: 3 × 300k × 1.0 (the renewal continues the rent, escalating 0%) = 900,000;
        //   Prepaid: 5,008,000 × 275/365;
        //   Upfront's renewal at the market price now, Rent at 2027-01-01 = 2.00 × 0.9 = 1.80, for its 183 days:
        //   400 × 1.80 × 8760 × 183/365;
        //   less Admin 100k × 1.1 × 0.25 × 3 and the maintenance 400,000 × 275/365.25.
        double expected = 900_000 + (5_008_000 * 275 / 365.0) + (400 * 1.80 * 8760 * 183 / 365.0) - (100_000 * 1.1 * 0.75) - (400_000 * 275 / 365.25);
        Assert.Equal(expected, Deal.Ledger("FwdCfads", 4, "Renewed"), 0.01);
        // As agreed the hall's lease ended on 2027-01-01 and Upfront on 2027-04-01: only Prepaid, less the costs.
        Assert.Equal(expected - 900_000 - (400 * 1.80 * 8760 * 183 / 365.0), Deal.Ledger("FwdCfads", 4, "AsAgreed"), 0.01);
    }

    [Fact]
    public void TheForwardCfadsAllocatesNothingInTheLoop()
    {
        // The term ends and fee weights are static arrays made once per deal; the loop only sums rows.
        string source = DealLang.Compiler.DealCompiler.Compile("terms.deal", Source).Emitted!.Source;
        int begin = source.IndexOf(DealLang.Compiler.Emit.CSharpEmitter.LoopBeginMarker, StringComparison.Ordinal);
        int end = source.IndexOf(DealLang.Compiler.Emit.CSharpEmitter.LoopEndMarker, StringComparison.Ordinal);
        string loop = source[begin..end];
        Assert.Contains("ForwardReceipts.Sum(lease_HallLease_termRent, t, test_FwdCfads_forwardLast[t], lease_HallLease_termEnds[t])", loop, StringComparison.Ordinal);
        Assert.Contains("ProjectsCfads = true,", source, StringComparison.Ordinal);
        foreach (string forbidden in new[] { "new ", "=>", "$\"", "List<", "Linq" })
        {
            Assert.DoesNotContain(forbidden, loop, StringComparison.Ordinal);
        }
    }
}
