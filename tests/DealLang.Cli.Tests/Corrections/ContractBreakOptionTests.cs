using DealLang.Compiler;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A compute contract's break option end to end (docs/language.md §5 "contract", "Break option"; the lever §10): the
/// revenue stops on the break date, prorated by days as a customer default's; the fee, months of the take-or-pay revenue
/// or an amount, is a one-off collection (not cfads) of the break's period, paid in full; the units are idle from that
/// period's end and re-let as after a default when the scenario re-lets them; a default on or before the break comes
/// first; a break at a date the contract does not offer is an error. Each run checks cash conservation every period.
/// </summary>
public sealed class ContractBreakOptionTests
{
    // Valid corpus 037, quarterly from 2026-01-01: LabDeal sells 1000 GPUs at 2 per GPU-hour, 8760 hours a year, 90%
    // take-or-pay, from 2026-02-15 for 4 years, breakable at 18m (2027-08-15) and 24m (2028-02-15) against 6 months of
    // revenue. Its take-or-pay revenue is 1000 × 2 × 8760 × 90% = 15,768,000 a year, 43,200 a day (/365).
    private static readonly string Source = File.ReadAllText(Path.Combine(
        RepoPaths.Root, "tests", "corpus", "valid", "037-compute-contract-with-a-break-option.deal"));

    private static readonly SmallDeal Deal = new(Source);

    // The fee: 6/12 × 15,768,000 = 7,884,000. The break at 18m falls in Q3 2027 (period 6, 2027-07-01 → 2027-10-01):
    // 45 days before it (07-01 → 08-15) at 43,200 a day, 1,944,000.
    private const double Fee = 7_884_000;
    private const double EighteenRevenue = 43_200.0 * 45;

    [Fact]
    public void TheBreakPeriodPaysTheDaysBeforeTheBreakAndTheFeeAndNothingAfter()
    {
        Assert.Equal(1_944_000, EighteenRevenue, 0.01);
        // The quarter before: 2027-04-01 → 07-01, 91 days at 43,200.
        Assert.Equal(43_200.0 * 91, Deal.Ledger("revenue LabDeal", 5, "BreaksAtEighteen"), 0.01);
        Assert.Equal(EighteenRevenue, Deal.Ledger("revenue LabDeal", 6, "BreaksAtEighteen"), 0.01);
        Assert.Equal(Fee, Deal.Ledger("termination fee LabDeal", 6, "BreaksAtEighteen"), 0.01);
        for (int t = 0; t < 6; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", t, "BreaksAtEighteen"));
            Assert.Equal(1000, Deal.Ledger("LabDeal units", t, "BreaksAtEighteen"));
        }

        for (int t = 6; t < 16; t++)
        {
            // Its units are idle from the break's period's end (not re-let in this scenario).
            Assert.Equal(0.0, Deal.Ledger("LabDeal units", t, "BreaksAtEighteen"));
        }

        for (int t = 7; t < 16; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("revenue LabDeal", t, "BreaksAtEighteen"));
            Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", t, "BreaksAtEighteen"));
        }

        // The fee is a one-off collection, outside cfads (no opex: cfads is the revenue).
        Assert.Equal(EighteenRevenue + Fee, Deal.Ledger("collections", 6, "BreaksAtEighteen"), 0.01);
        Assert.Equal(EighteenRevenue, Deal.Ledger("Cash", 6, "BreaksAtEighteen"), 0.01);
        // As agreed, none of it: the full quarter (92 days) and no fee.
        Assert.Equal(43_200.0 * 92, Deal.Ledger("revenue LabDeal", 6, "AsAgreed"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", 6, "AsAgreed"));
    }

    [Fact]
    public void TheSecondBreakDateStopsTheRevenueThere()
    {
        // 2028-02-15 in Q1 2028 (period 8): 01-01 → 02-15 is 45 days, 1,944,000; the fee is the same 7,884,000 (the price
        // is fixed: a year's take-or-pay revenue does not move).
        Assert.Equal(43_200.0 * 45, Deal.Ledger("revenue LabDeal", 8, "BreaksAtTwoYears"), 0.01);
        Assert.Equal(Fee, Deal.Ledger("termination fee LabDeal", 8, "BreaksAtTwoYears"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("revenue LabDeal", 9, "BreaksAtTwoYears"));
        Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", 6, "BreaksAtTwoYears"));
    }

    [Fact]
    public void BrokenUnitsAreReletAfterTheGapAsAfterADefault()
    {
        // 'relet after 3m at 60%': from 2027-11-15, in Q4 2027 (period 7, to 2028-01-01: 16 + 31 = 47 days) at the spot
        // index's 2 per GPU-hour: 1000 × 2 × 8760 × 60% = 10,512,000 a year, 28,800 a day; 47 × 28,800 = 1,353,600.
        Assert.Equal(EighteenRevenue, Deal.Ledger("revenue LabDeal", 6, "BreaksAndRelets"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("LabDeal units", 6, "BreaksAndRelets"));
        Assert.Equal(28_800.0 * 47, Deal.Ledger("revenue LabDeal", 7, "BreaksAndRelets"), 0.01);
        Assert.Equal(1000, Deal.Ledger("LabDeal units", 7, "BreaksAndRelets"));
        // Q1 2028 whole, 91 days.
        Assert.Equal(28_800.0 * 91, Deal.Ledger("revenue LabDeal", 8, "BreaksAndRelets"), 0.01);
    }

    [Fact]
    public void ADefaultBeforeTheBreakDateComesFirst()
    {
        // Lab defaults on 2027-05-15, before its break at 24m: the default's rules: revenue for 04-01 → 05-15 (44 days,
        // 1,900,800), its 20m termination fee at its 30% recovery, 6m, in period 5, and no break fee after.
        Assert.Equal(43_200.0 * 44, Deal.Ledger("revenue LabDeal", 5, "DefaultsBeforeTheBreak"), 0.01);
        Assert.Equal(6_000_000, Deal.Ledger("termination fee LabDeal", 5, "DefaultsBeforeTheBreak"), 0.01);
        for (int t = 6; t < 16; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("termination fee LabDeal", t, "DefaultsBeforeTheBreak"));
            Assert.Equal(0.0, Deal.Ledger("revenue LabDeal", t, "DefaultsBeforeTheBreak"));
        }
    }

    [Fact]
    public void AFixedFeeIsPaidAsWritten()
    {
        var fixedFee = new SmallDeal(Source.Replace("fee 6m of revenue", "fee 2.5m", StringComparison.Ordinal));
        Assert.Equal(2_500_000, fixedFee.Ledger("termination fee LabDeal", 6, "BreaksAtEighteen"), 0.01);
        Assert.Equal(2_500_000, fixedFee.Ledger("termination fee LabDeal", 8, "BreaksAtTwoYears"), 0.01);
    }

    [Fact]
    public void TheSummaryGivesTheBreakFeeAndTheStop()
    {
        string csv = DealLang.Runner.Reports.SummaryReport.Render(Deal.Description, [Deal.Outcomes["AsAgreed"], Deal.Outcomes["BreaksAtEighteen"]],
            DealLang.Runner.Reports.ReportFormat.Csv);
        Assert.Contains("LabDeal,termination fee received,0.00,7884000.00\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("LabDeal,stops on,,2027-10-01\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ABreakAtADateTheContractDoesNotOfferIsAnErrorAtTheLever()
    {
        string source = Source.Replace("  LabDeal breaks at 2y\n", "  LabDeal breaks at 30m\n", StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "DL0428");
        int line = source.Split('\n').ToList().FindIndex(l => l.Contains("LabDeal breaks at 30m", StringComparison.Ordinal)) + 1;
        Assert.Equal($"small.deal({line},21): error DL0428: scenario 'BreaksAtTwoYears' breaks contract 'LabDeal' at 30m, which the contract does not offer: its break dates are 18m, 24m from its start",
            error.ToString());
    }

    [Fact]
    public void ABreakFeeInMonthsOfRentOnAContractIsAnError()
    {
        var result = DealCompiler.Compile("small.deal", Source.Replace("fee 6m of revenue", "fee 6m of rent", StringComparison.Ordinal));
        Assert.Null(result.Compiled);
        Assert.Contains(result.Diagnostics, d => d.Code == "DL0437"
            && d.Message == "the break fee of contract 'LabDeal' is in months of 'rent', which a contract does not pay: write 'fee 6m of revenue', or the fee as an amount");
    }
}
