using DealLang.Compiler;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lessee's break option end to end (docs/language.md §5 "lease", "Break option"; the lever §10): the rent stops on the
/// break date, prorated as a default's; the fee, months of the rent payable at the break (escalated on an anniversary
/// break) or an amount, is a one-off collection (not cfads) of the break's period, paid in full; no RVG, no renewal,
/// nothing more on the lease from a later default; a break at a date the lease does not offer is an error.
/// </summary>
public sealed class LeaseBreakOptionTests
{
    // Quarterly from 2026-01-01. Tenant leases Hall from 2026-02-15 at 12m a year escalating 10% a year (13.2m from
    // 2027-02-15, 14.52m from 2028-02-15) for 4 years, breakable at 18m (2027-08-15) and 24m (2028-02-15, the second
    // anniversary) against 6 months of rent. Notes of 16m, no coupon, amortise 1m a quarter; once the lease has ended
    // everything is swept to them.
    private const string Source = """
        deal Broken {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Owner { }
          facility Hall { cost 40m  value straight_line 20y }
          lease L on Hall {
            lessee          Tenant
            rent            12m per year escalating 10% per year
            starts          2026-02-15
            term            4y
            renewals        1 x 2y at lessee option
            rvg             guarantees 16m cap 5m
            termination_fee 9m
            break_option    at 18m, 24m fee 6m of rent
          }

          tranche Notes { balance 16m  coupon 0% fixed  amortize linear }
          equity  Eq    { contributed 24m  holders Owner 100% }

          test Cash = cfads
          trigger Ended when L.ended => trap

          waterfall {
            pay Notes.interest
            pay Notes.principal
            if Ended { pay Notes.balance }
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Broken { }

        scenario AtEighteen for Broken {
          L breaks at 18m
        }

        scenario AtTwoYears for Broken {
          L breaks at 2y
        }

        scenario BreaksThenDefaults for Broken {
          L breaks at 18m
          Tenant defaults on 2028-06-30
        }

        scenario DefaultsBeforeTheBreak for Broken {
          L breaks at 24m
          Tenant defaults on 2027-08-15
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    // The break at 18m, 2027-08-15, falls in Q3 2027 (period 6, 2027-07-01 → 2027-10-01, 92 days), in the lease's second
    // year: the rent runs 45 of its 92 days at 13.2m a year, 3.3m × 45/92 = 1,614,130.43; the fee is 6/12 of the rent
    // payable on 2027-08-15 (one lease year completed): 0.5 × 13.2m = 6.6m.
    private const double EighteenRent = 3_300_000.0 * 45 / 92;
    private const double EighteenFee = 6_600_000;

    [Fact]
    public void TheBreakPeriodPaysTheDaysBeforeTheBreakAndTheFeeAndNothingAfter()
    {
        Assert.Equal(1_614_130.43, EighteenRent, 0.01);
        Assert.Equal(3_300_000, Deal.Ledger("rent L", 5, "AtEighteen"), 0.01);
        Assert.Equal(EighteenRent, Deal.Ledger("rent L", 6, "AtEighteen"), 0.01);
        Assert.Equal(EighteenFee, Deal.Ledger("termination fee L", 6, "AtEighteen"), 0.01);
        for (int t = 7; t < 16; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("rent L", t, "AtEighteen"));
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "AtEighteen"));
            Assert.Equal(0.0, Deal.Ledger("rvg L", t, "AtEighteen"));
        }

        for (int t = 0; t < 6; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "AtEighteen"));
        }

        // The fee is a one-off collection, outside cfads (no opex: cfads is the rent).
        Assert.Equal(EighteenRent + EighteenFee, Deal.Ledger("collections", 6, "AtEighteen"), 0.01);
        Assert.Equal(EighteenRent, Deal.Ledger("Cash", 6, "AtEighteen"), 0.01);
    }

    [Fact]
    public void ABreakOnAnAnniversaryPaysTheFeeOnTheEscalatedRent()
    {
        // 2028-02-15 is the second anniversary: the rent payable from it is 12m × 1.1² = 14.52m a year, the fee 0.5 ×
        // 14.52m = 7.26m (not 6.6m on the year that ends there). Q1 2028 (period 8, 91 days) pays 2028-01-01 → 2028-02-15,
        // 45 days at 13.2m: 3.3m × 45/91 = 1,631,868.13.
        Assert.Equal(7_260_000, Deal.Ledger("termination fee L", 8, "AtTwoYears"), 0.01);
        Assert.Equal(3_300_000.0 * 45 / 91, Deal.Ledger("rent L", 8, "AtTwoYears"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("rent L", 9, "AtTwoYears"));
    }

    [Fact]
    public void AnEarlyBreakLeavesTheNotesALossALaterOnePaysThemOff()
    {
        // At 18m: 6 quarters of 1m paid, 10m left; the break's period sweeps its 1,614,130.43 + 6.6m = 8,214,130.43 to
        // the notes and nothing comes after: 10m − 8,214,130.43 = 1,785,869.57 is never paid.
        Assert.Equal(10_000_000 - EighteenRent - EighteenFee, Deal.Ledger("Notes balance", 6, "AtEighteen"), 0.01);
        Assert.Equal(10_000_000 - EighteenRent - EighteenFee, Deal.Ledger("Notes balance", 15, "AtEighteen"), 0.01);
        // At 24m: 8m left, the period's 1,631,868.13 + 7.26m = 8,891,868.13 pays them off and 891,868.13 goes to equity.
        Assert.Equal(0.0, Deal.Ledger("Notes balance", 8, "AtTwoYears"), 0.01);
        Assert.Equal((3_300_000.0 * 45 / 91) + 7_260_000 - 8_000_000, Deal.Ledger("5 distribute rest to Eq distributed", 8, "AtTwoYears"), 0.01);
    }

    [Fact]
    public void ABrokenLeaseHasNoRvgAndItsLesseesLaterDefaultChangesNothingOnIt()
    {
        // The lease as agreed ends 2030-02-15, past the horizon; broken, it ends in period 6 without an RVG. Defaulting
        // on 2028-06-30, after the break, the lessee owes no termination fee and the lease's figures are the break's.
        for (int t = 0; t < 16; t++)
        {
            foreach (string column in new[] { "rent L", "termination fee L", "rvg L", "collections" })
            {
                Assert.Equal(Deal.Ledger(column, t, "AtEighteen"), Deal.Ledger(column, t, "BreaksThenDefaults"));
            }
        }
    }

    [Fact]
    public void ADefaultBeforeTheBreakDateComesFirst()
    {
        // Defaulting on 2027-08-15, before the break at 24m: the default's rules (docs/language.md, "Termination fee"):
        // the lessee owes its 9m termination fee at its 40% recovery, 3.6m, in period 6, and no break fee.
        Assert.Equal(3_600_000, Deal.Ledger("termination fee L", 6, "DefaultsBeforeTheBreak"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("termination fee L", 8, "DefaultsBeforeTheBreak"));
        Assert.Equal(EighteenRent, Deal.Ledger("rent L", 6, "DefaultsBeforeTheBreak"), 0.01);
    }

    [Fact]
    public void AFixedFeeIsPaidAsWritten()
    {
        var fixedFee = new SmallDeal(Source.Replace("fee 6m of rent", "fee 2.5m", StringComparison.Ordinal));
        Assert.Equal(2_500_000, fixedFee.Ledger("termination fee L", 6, "AtEighteen"), 0.01);
        Assert.Equal(2_500_000, fixedFee.Ledger("termination fee L", 8, "AtTwoYears"), 0.01);
    }

    [Fact]
    public void TheSummaryGivesTheBreakFeeReceived()
    {
        string csv = DealLang.Runner.Reports.SummaryReport.Render(Deal.Description, [Deal.Outcomes["AsAgreed"], Deal.Outcomes["AtEighteen"]],
            DealLang.Runner.Reports.ReportFormat.Csv);
        Assert.Contains("L,termination fee received,0.00,6600000.00\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ABreakAtADateTheLeaseDoesNotOfferIsAnErrorAtTheLever()
    {
        string source = Source.Replace("  L breaks at 2y\n", "  L breaks at 30m\n", StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "DL0428");
        int line = source.Split('\n').ToList().FindIndex(l => l.Contains("L breaks at 30m", StringComparison.Ordinal)) + 1;
        Assert.Equal($"small.deal({line},15): error DL0428: scenario 'AtTwoYears' breaks lease 'L' at 30m, which the lease does not offer: its break dates are 18m, 24m from its start",
            error.ToString());
    }
}
