using DealLang.Compiler;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A break in a compute contract's renewal term end to end (docs/language.md §5 "contract", "Break option"; the lever §10):
/// exercised in renewal k at a date counted from that renewal's start, the renewal's revenue (at the market price) stops
/// on the break date, prorated by days; the fee, an amount, is a one-off collection (not cfads) of the break's period; the
/// units are idle from that period's end and re-let after the scenario's gap; a default on or before the break comes
/// first; a forward CFADS reads the renewal's revenue stopping on the break from the period the notice is served in. The
/// lever needs the renewal taken (DL0223) and one of the renewals' dates (DL0428); the renewals' dates lie inside a renewal
/// term (DL0222) and their fee is an amount (DL0224). Every run checks cash conservation every period (<see cref="SmallDeal"/>).
/// </summary>
public sealed class ContractRenewalBreakTests
{
    // Valid corpus 059, quarterly from 2026-01-01 (period t is the quarter starting 2026-01-01 + 3t months): LabDeal sells
    // 1000 GPUs, 8760 hours a year, 90% take-or-pay, from 2026-02-15 for 2 years at 2 per GPU-hour (15,768,000 a year,
    // 43,200 a day /365), then renewal 1 (2028-02-15 → 2030-02-15) at the market price, the fleet's generation index Spot,
    // 2.5 per GPU-hour: 1000 × 2.5 × 8760 × 90% = 19,710,000 a year, 54,000 a day. Each renewal is breakable 12 months into
    // it on 6 months' notice against a fee of 3m: renewal 1 at 2029-02-15 (36 months from the start), in period 12
    // (2029-01-01 → 04-01), 45 days after its start; notice on 2028-08-15, in period 10 (2028-07-01 → 10-01).
    private static readonly string Source = File.ReadAllText(Path.Combine(
        RepoPaths.Root, "tests", "corpus", "valid", "059-compute-contract-with-a-break-in-its-renewals.deal"));

    private static readonly SmallDeal Deal = new(Source);

    private const double RenewalPerDay = 54_000;
    private const double BreakRevenue = RenewalPerDay * 45;
    private const double Fee = 3_000_000;

    [Fact]
    public void TheBreakPeriodPaysTheRenewalsDaysBeforeTheBreakAndTheFeeAndNothingAfter()
    {
        Assert.Empty(Deal.Diagnostics);
        Assert.Equal(19_710_000, RenewalPerDay * 365, 1e-6);
        Assert.Equal(2_430_000, BreakRevenue, 1e-6);
        // Period 11 (2028-10-01 → 2029-01-01, 92 days) in full at the market price, as the renewals taken and not broken
        // pay it ('Renews' takes both).
        Assert.Equal(RenewalPerDay * 92, Deal.Ledger("revenue LabDeal", 11, "BreaksInRenewal"), 1e-3);
        Assert.Equal(Deal.Ledger("revenue LabDeal", 11, "Renews"), Deal.Ledger("revenue LabDeal", 11, "BreaksInRenewal"), 1e-3);
        // Period 12: the 45 days to the break, and the fee; not broken, the 90 days.
        Assert.Equal(BreakRevenue, Deal.Ledger("revenue LabDeal", 12, "BreaksInRenewal"), 1e-3);
        Assert.Equal(Fee, Deal.Ledger("termination fee LabDeal", 12, "BreaksInRenewal"), 1e-3);
        Assert.Equal(RenewalPerDay * 90, Deal.Ledger("revenue LabDeal", 12, "Renews"), 1e-3);
        for (int t = 0; t < 20; t++)
        {
            // Its units run to the break's period and are idle from its end (not re-let in this scenario).
            Assert.Equal(t < 12 ? 1000 : 0, Deal.Ledger("LabDeal units", t, "BreaksInRenewal"));
            if (t != 12)
            {
                Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", t, "BreaksInRenewal"));
            }

            if (t > 12)
            {
                Assert.Equal(0.0, Deal.Ledger("revenue LabDeal", t, "BreaksInRenewal"));
            }
        }

        // The fee is a one-off collection, outside cfads (no opex: cfads is the revenue).
        Assert.Equal(BreakRevenue + Fee, Deal.Ledger("collections", 12, "BreaksInRenewal"), 1e-3);
        Assert.Equal(BreakRevenue, Deal.Ledger("Cash", 12, "BreaksInRenewal"), 1e-3);
    }

    [Fact]
    public void BrokenUnitsAreReletFromTheBreakDatePlusTheGap()
    {
        // 'relet after 3m at 60%': from 2029-05-15 at Spot's 2.5: 1000 × 2.5 × 8760 × 60% = 13,140,000 a year, 36,000 a
        // day; period 13 (2029-04-01 → 07-01) from 05-15: 17 + 30 = 47 days, 1,692,000; period 14 (92 days) whole.
        Assert.Equal(BreakRevenue, Deal.Ledger("revenue LabDeal", 12, "BreaksAndRelets"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("LabDeal units", 12, "BreaksAndRelets"));
        Assert.Equal(36_000.0 * 47, Deal.Ledger("revenue LabDeal", 13, "BreaksAndRelets"), 1e-3);
        Assert.Equal(1000, Deal.Ledger("LabDeal units", 13, "BreaksAndRelets"));
        Assert.Equal(36_000.0 * 92, Deal.Ledger("revenue LabDeal", 14, "BreaksAndRelets"), 1e-3);
    }

    [Fact]
    public void ADefaultBeforeTheBreakDateComesFirst()
    {
        // Lab defaults on 2028-11-15, in renewal 1, after serving notice and before its break: the default's rules. The
        // revenue runs 2028-10-01 → 11-15 (45 days, 2,430,000) in period 11 and stops; the units are idle from its end; no
        // break fee, and no termination fee either: the 20m is owed on a default in the initial term only.
        Assert.Equal(RenewalPerDay * 45, Deal.Ledger("revenue LabDeal", 11, "NoticeThenDefault"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("LabDeal units", 11, "NoticeThenDefault"));
        for (int t = 0; t < 20; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", t, "NoticeThenDefault"));
            if (t > 11)
            {
                Assert.Equal(0.0, Deal.Ledger("revenue LabDeal", t, "NoticeThenDefault"));
            }
        }

        // The notice, served on 2028-08-15 before the default, was seen by period 10's window (as below).
        Assert.Equal(RenewalPerDay * 137, Deal.Ledger("FwdCfads", 10, "NoticeThenDefault"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("FwdCfads", 11, "NoticeThenDefault"));
    }

    [Fact]
    public void FromTheNoticePeriodTheForwardCfadsStopsTheRenewalsRevenueOnTheBreak()
    {
        // Period 9 (ends 2028-07-01): no notice yet; its window, periods 10-13 (2028-07-01 → 2029-07-01), is 365 days of
        // the renewal: 19,710,000. Period 10 holds the notice date: its window, periods 11-14 (2028-10-01 → 2029-10-01),
        // reads the days to the break, 92 + 45 = 137: 7,398,000, and not the 3m fee. Period 11: the 45 days. From the
        // break's period on, nothing.
        Assert.Equal(RenewalPerDay * 365, Deal.Ledger("FwdCfads", 9, "BreaksInRenewal"), 1e-3);
        Assert.Equal(RenewalPerDay * 137, Deal.Ledger("FwdCfads", 10, "BreaksInRenewal"), 1e-3);
        Assert.Equal(RenewalPerDay * 45, Deal.Ledger("FwdCfads", 11, "BreaksInRenewal"), 1e-3);
        for (int t = 12; t < 20; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("FwdCfads", t, "BreaksInRenewal"));
        }

        // The renewals taken and not broken: the window reads the renewal running, 365 days for period 10's window and
        // period 11's (2029-01-01 → 2030-01-01, both inside renewal 1, which ends on 2030-02-15).
        Assert.Equal(RenewalPerDay * 365, Deal.Ledger("FwdCfads", 10, "Renews"), 1e-3);
        Assert.Equal(RenewalPerDay * 365, Deal.Ledger("FwdCfads", 11, "Renews"), 1e-3);
    }

    [Fact]
    public void TheForwardDscrReadsTheNoticeAndTripsTheLockUpBeforeTheRevenueFalls()
    {
        // The loan, 30m at 6% (30/360: 1.5% a quarter) amortising 1.5m a quarter, is 15m after period 9 and 13.5m after
        // period 10. Debt service over the next 12 months: period 9, 6m + 1.5% × (15 + 13.5 + 12 + 10.5)m = 6,765,000;
        // period 10, 6m + 1.5% × (13.5 + 12 + 10.5 + 9)m = 6,675,000. Period 9: 19,710,000 / 6,765,000 = 2.914x, Watch off;
        // period 10: 7,398,000 / 6,675,000 = 1.108x < 1.25x, Watch on while the renewal still pays in full (period 10 is
        // 92 days at 54,000: 4,968,000).
        Assert.Equal(6_765_000, Deal.Ledger("FwdDs", 9, "BreaksInRenewal"), 1e-3);
        Assert.Equal(6_675_000, Deal.Ledger("FwdDs", 10, "BreaksInRenewal"), 1e-3);
        Assert.Equal(RenewalPerDay * 365 / 6_765_000, Deal.Ledger("FwdDscr", 9, "BreaksInRenewal"), 1e-12);
        Assert.Equal(0.0, Deal.Ledger("Watch", 9, "BreaksInRenewal"));
        Assert.Equal(RenewalPerDay * 137 / 6_675_000, Deal.Ledger("FwdDscr", 10, "BreaksInRenewal"), 1e-12);
        Assert.Equal(1.0, Deal.Ledger("Watch", 10, "BreaksInRenewal"));
        Assert.Equal(RenewalPerDay * 92, Deal.Ledger("revenue LabDeal", 10, "BreaksInRenewal"), 1e-3);
        // Not broken, the same period passes: 19,710,000 / 6,675,000 = 2.953x.
        Assert.Equal(0.0, Deal.Ledger("Watch", 10, "Renews"));
    }

    [Fact]
    public void WithoutNoticeTheForwardCfadsReadsTheRenewalRunningOn()
    {
        // The same break without 'notice': period 10's window reads 365 days of the renewal (2028-10-01 → 2029-10-01), as
        // period 11's (2029-01-01 → 2030-01-01); from the break's period, nothing (the contract has ended).
        var deal = new SmallDeal(Source.Replace("at 12m notice 6m fee 3m", "at 12m fee 3m", StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(RenewalPerDay * 365, deal.Ledger("FwdCfads", 10, "BreaksInRenewal"), 1e-3);
        Assert.Equal(RenewalPerDay * 365, deal.Ledger("FwdCfads", 11, "BreaksInRenewal"), 1e-3);
        Assert.Equal(0.0, deal.Ledger("FwdCfads", 12, "BreaksInRenewal"));
        Assert.Equal(BreakRevenue, deal.Ledger("revenue LabDeal", 12, "BreaksInRenewal"), 1e-3);
    }

    [Fact]
    public void ABreakInARenewalNotTakenIsAnErrorAtTheLever()
    {
        string source = Source.Replace("""
            scenario BreaksInRenewal for ComputeRenewed {
              LabDeal renewals taken 1
            """, """
            scenario BreaksInRenewal for ComputeRenewed {
            """, StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics);
        int line = source.Split('\n').ToList().FindIndex(l => l.Trim() == "LabDeal breaks in renewal 1 at 12m") + 1;
        Assert.Equal($"small.deal({line},3): error DL0223: scenario 'BreaksInRenewal' breaks contract 'LabDeal' in renewal 1 but takes 0 of its renewals: the customer can break only a renewal term it has taken; write 'LabDeal renewals taken 1' (or more)",
            error.ToString());
    }

    [Fact]
    public void ABreakInTheRenewalsOfAContractWhoseRenewalsHaveNoneIsAnErrorAtTheLever()
    {
        string source = Source.Replace(" with break_option at 12m notice 6m fee 3m", "", StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        Assert.All(result.Diagnostics, d => Assert.Equal("DL0428", d.Code));
        var first = result.Diagnostics.First();
        int line = source.Split('\n').ToList().FindIndex(l => l.Trim() == "LabDeal breaks in renewal 1 at 12m") + 1;
        int column = source.Split('\n')[line - 1].IndexOf("12m", StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error DL0428: scenario 'BreaksInRenewal' breaks contract 'LabDeal' at 12m, which the contract does not offer: its renewal terms have no break option",
            first.ToString());
    }

    [Fact]
    public void ABreakAtADateTheRenewalsDoNotOfferIsAnError()
    {
        string source = Source.Replace("""
              LabDeal renewals taken 1
              LabDeal breaks in renewal 1 at 12m
            }

            scenario BreaksAndRelets
            """, """
              LabDeal renewals taken 1
              LabDeal breaks in renewal 1 at 6m
            }

            scenario BreaksAndRelets
            """, StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics);
        int line = source.Split('\n').ToList().FindIndex(l => l.Trim() == "LabDeal breaks in renewal 1 at 6m") + 1;
        int column = source.Split('\n')[line - 1].IndexOf("6m", StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error DL0428: scenario 'BreaksInRenewal' breaks contract 'LabDeal' at 6m, which the contract does not offer: its renewal terms' break dates are 12m from the renewal's start",
            error.ToString());
    }

    [Fact]
    public void ARenewalBreakDateOutsideTheRenewalTermIsAnError()
    {
        // A renewal is 2 years: a break 24 months into it is its expiry.
        string source = Source.Replace("with break_option at 12m notice", "with break_option at 24m notice", StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "DL0222");
        int line = source.Split('\n').ToList().FindLastIndex(l => l.Contains("with break_option at 24m", StringComparison.Ordinal)) + 1;
        int column = source.Split('\n')[line - 1].IndexOf("24m", StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error DL0222: the renewal terms' break of contract 'LabDeal' at 24m is not inside a renewal term (24 months from its start): a renewal's break date must fall before the renewal ends; not renewing is written as fewer renewals taken",
            error.ToString());
    }

    [Fact]
    public void ARenewalBreakFeeInMonthsOfRevenueIsAnError()
    {
        // A renewal is priced at market: months of its revenue have no level the contract states.
        string source = Source.Replace("notice 6m fee 3m", "notice 6m fee 6m of revenue", StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics);
        int line = source.Split('\n').ToList().FindLastIndex(l => l.Contains("fee 6m of revenue", StringComparison.Ordinal)) + 1;
        int column = source.Split('\n')[line - 1].IndexOf("6m of revenue", StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error DL0224: the renewal terms' break fee of contract 'LabDeal' is in months of revenue, but a renewal is priced at market (its fleet's generation index): write the fee as an amount ('fee 20m')",
            error.ToString());
    }
}
