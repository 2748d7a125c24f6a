using DealLang.Compiler;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A compute contract's break notice seen by a forward CFADS (docs/language.md §5 "contract", "Break option"): from the
/// period holding the notice date (the break date less <c>notice</c>) on, <c>cfads over next 12m</c> reads the
/// contract's take-or-pay revenue as stopping on the break, prorated by days as the loop prorates it, and the break fee
/// not at all (a collection, not cfads); a re-let after the break is not contracted, so never read; without
/// <c>notice</c> the window reads the revenue as if the contract ran on. A notice served is a fact: a customer's later
/// default does not undo it. Every run checks cash conservation every period (<see cref="SmallDeal"/>).
/// </summary>
public sealed class ContractBreakNoticeTests
{
    // Valid corpus 054, quarterly from 2026-01-01 (period t is the quarter starting 2026-01-01 + 3t months): LabDeal sells
    // 1000 GPUs at 2 per GPU-hour, 8760 hours a year, 90% take-or-pay, from 2026-02-15 for 4 years: 1000 × 2 × 8760 × 90%
    // = 15,768,000 a year, 43,200 a day (/365). Breakable at 24m (2028-02-15, in period 8: 2028-01-01 → 04-01, 45 days
    // before the break) on 12 months' notice (2027-02-15, in period 4: 2027-01-01 → 04-01) against 6 months of revenue.
    // The loan, 40m at 6% (30/360: 1.5% a quarter) amortising linearly, 2.5m a quarter over 16 quarters, is caught up by
    // period 2's end (32.5m): from then on 10m of principal over any 12 months ahead, plus 1.5% of the four balances.
    private static readonly string Source = File.ReadAllText(Path.Combine(
        RepoPaths.Root, "tests", "corpus", "valid", "054-compute-contract-with-a-break-on-notice.deal"));

    private static readonly SmallDeal Deal = new(Source);

    private const double PerDay = 43_200;

    [Fact]
    public void FromTheNoticePeriodTheForwardCfadsStopsTheRevenueOnTheBreak()
    {
        Assert.Equal(15_768_000, PerDay * 365, 1e-6);
        // Period 3 (ends 2027-01-01): notice not yet served; its window, periods 4-7, is 2027: 365 days, 15,768,000.
        Assert.Equal(PerDay * 365, Deal.Ledger("FwdCfads", 3, "Breaks"), 1e-3);
        // Period 4 holds the notice date: its window, periods 5-8 (2027-04-01 → 2028-04-01), reads the days to the break,
        // 275 (to 2028-01-01) + 45 = 320: 13,824,000, and not the 7,884,000 fee received in period 8.
        Assert.Equal(PerDay * 320, Deal.Ledger("FwdCfads", 4, "Breaks"), 1e-3);
        // Period 5: 2027-07-01 → 2028-02-15, 184 + 45 = 229 days; period 6: 92 + 45 = 137; period 7: 45; from the break's
        // period on, nothing.
        Assert.Equal(PerDay * 229, Deal.Ledger("FwdCfads", 5, "Breaks"), 1e-3);
        Assert.Equal(PerDay * 137, Deal.Ledger("FwdCfads", 6, "Breaks"), 1e-3);
        Assert.Equal(PerDay * 45, Deal.Ledger("FwdCfads", 7, "Breaks"), 1e-3);
        for (int t = 8; t < 16; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("FwdCfads", t, "Breaks"));
        }

        // The loop's revenue is the days the window read: the break's quarter 45 days, then the fee, 6/12 × 15,768,000.
        Assert.Equal(PerDay * 45, Deal.Ledger("revenue LabDeal", 8, "Breaks"), 1e-3);
        Assert.Equal(7_884_000, Deal.Ledger("termination fee LabDeal", 8, "Breaks"), 1e-3);
    }

    [Fact]
    public void TheForwardTestPassesBeforeTheNoticeAndFailsFromTheNoticePeriodOn()
    {
        // Debt service ahead: at period 3's end (30m) 10m + 1.5% × (30 + 27.5 + 25 + 22.5)m = 11,575,000; at period 4's
        // (27.5m) 10m + 1.5% × (27.5 + 25 + 22.5 + 20)m = 11,425,000. Period 3: 15,768,000 / 11,575,000 = 1.362x ≥ 1.25x,
        // Watch off. Period 4: 13,824,000 / 11,425,000 = 1.210x < 1.25x, Watch on, four quarters before the revenue falls.
        Assert.Equal(11_575_000, Deal.Ledger("FwdDs", 3, "Breaks"), 1e-3);
        Assert.Equal(11_425_000, Deal.Ledger("FwdDs", 4, "Breaks"), 1e-3);
        Assert.Equal(PerDay * 365 / 11_575_000, Deal.Ledger("FwdDscr", 3, "Breaks"), 1e-12);
        Assert.Equal(0.0, Deal.Ledger("Watch", 3, "Breaks"));
        Assert.Equal(PerDay * 320 / 11_425_000, Deal.Ledger("FwdDscr", 4, "Breaks"), 1e-12);
        Assert.Equal(1.0, Deal.Ledger("Watch", 4, "Breaks"));
        // The revenue of period 4 is still the full quarter's, 90 days: nothing of the loop moves before the break.
        Assert.Equal(PerDay * 90, Deal.Ledger("revenue LabDeal", 4, "Breaks"), 1e-3);
    }

    [Fact]
    public void WithoutNoticeTheForwardCfadsReadsTheRevenueRunningOn()
    {
        // The same break without 'notice' (and with 'notice 0m'): period 4's window, 2027-04-01 → 2028-04-01, is 366 days
        // (2028 is a leap year), 15,811,200, 1.384x; period 7's, 2028, also 366: the test passes up to the break.
        foreach (string notice in new[] { "", " notice 0m" })
        {
            var deal = new SmallDeal(Source.Replace("36m notice 12m", "36m" + notice, StringComparison.Ordinal));
            Assert.Equal(PerDay * 366, deal.Ledger("FwdCfads", 4, "Breaks"), 1e-3);
            Assert.Equal(PerDay * 366, deal.Ledger("FwdCfads", 7, "Breaks"), 1e-3);
            for (int t = 0; t < 8; t++)
            {
                Assert.Equal(0.0, deal.Ledger("Watch", t, "Breaks"));
            }

            // From the break's period (t = 8, 2028-01-01 → 2028-04-01, holding 2028-02-15: it earns the 45 days before the
            // break, 1,944,000, and nothing after) the contract has ended, as a lease broken without notice has: its
            // forward CFADS reads nothing of it any more. It used to read the term running on to 2030-02-15, 15.8m a
            // window, for revenue the broken contract no longer pays.
            Assert.Equal(PerDay * 45, deal.Ledger("revenue LabDeal", 8, "Breaks"), 1e-3);
            for (int t = 8; t < 16; t++)
            {
                Assert.Equal(0.0, deal.Ledger("FwdCfads", t, "Breaks"));
                Assert.Equal(0.0, t > 8 ? deal.Ledger("revenue LabDeal", t, "Breaks") : 0.0);
            }
        }
    }

    [Fact]
    public void AContractNotBrokenOnThePathReadsNoNotice()
    {
        Assert.Equal(PerDay * 366, Deal.Ledger("FwdCfads", 4, "AsAgreed"), 1e-3);
        Assert.Equal(PerDay * 365, Deal.Ledger("FwdCfads", 3, "AsAgreed"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("Watch", 4, "AsAgreed"));
    }

    [Fact]
    public void AReletAfterTheBreakIsNotReadByTheForwardCfads()
    {
        // Re-let 3 months after the break, from 2028-05-15 at 60%: paid by the loop (period 9, 2028-04-01 → 07-01, 47 days
        // at 1000 × 2 × 8760 × 60% / 365 = 28,800 a day), but never in a window: not contracted when notice is served.
        Assert.Equal(PerDay * 320, Deal.Ledger("FwdCfads", 4, "BreaksAndRelets"), 1e-3);
        Assert.Equal(PerDay * 45, Deal.Ledger("FwdCfads", 7, "BreaksAndRelets"), 1e-3);
        Assert.Equal(28_800.0 * 47, Deal.Ledger("revenue LabDeal", 9, "BreaksAndRelets"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("FwdCfads", 8, "BreaksAndRelets"));
    }

    [Fact]
    public void ANoticeServedStaysSeenUntilALaterDefaultHappens()
    {
        // Notice served on 2027-02-15, then the customer defaults on 2027-11-15 (period 7), before the break: the break is
        // never made, but the windows of periods 4-6 read the revenue stopping on it; from period 7 the contract has ended.
        Assert.Equal(PerDay * 320, Deal.Ledger("FwdCfads", 4, "NoticeThenDefault"), 1e-3);
        Assert.Equal(PerDay * 137, Deal.Ledger("FwdCfads", 6, "NoticeThenDefault"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("FwdCfads", 7, "NoticeThenDefault"));
        Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", 8, "NoticeThenDefault"));
    }

    [Theory]
    [InlineData("notice 90d", "DL0220", "the break notice of contract 'LabDeal' is 90d, not a whole number of months: write it in months or years ('notice 3m', 'notice 1y')")]
    [InlineData("notice 25m", "DL0221", "the break notice of contract 'LabDeal' is 25m, longer than the time from its start to its first break (24m): notice is served during the contract, at most at its start")]
    public void ANoticeInPartMonthsOrLongerThanTheTimeToTheFirstBreakIsAnError(string notice, string code, string message)
    {
        string source = Source.Replace("36m notice 12m", "36m " + notice, StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        // The contract's line, not the header's comment quoting it.
        int line = source.Split('\n').ToList().FindLastIndex(l => l.Contains(notice, StringComparison.Ordinal)) + 1;
        int column = source.Split('\n')[line - 1].IndexOf(notice, StringComparison.Ordinal) + "notice ".Length + 1;
        Assert.Equal($"small.deal({line},{column}): error {code}: {message}", error.ToString());
    }
}
