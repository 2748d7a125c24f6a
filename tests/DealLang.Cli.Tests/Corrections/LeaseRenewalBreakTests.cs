using DealLang.Compiler;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A break in a lease's renewal term end to end (docs/language.md §5 "lease", "Break option"; the lever §10): exercised in
/// renewal k at a date counted from that renewal's start, the rent stops on the break date, prorated as in the initial
/// term; the fee, months of the renewal's rent in force at the break (escalated, and at market at the scenario's index),
/// is a one-off collection (not cfads); the later renewals are not taken; no RVG. The lever needs the renewal taken
/// (DL0223) and one of the renewals' dates (DL0428). SmallDeal runs every scenario with the cash check on.
/// </summary>
public sealed class LeaseRenewalBreakTests
{
    // Quarterly from 2026-01-01 to 2034-01-01 (32 periods). Tenant leases Hall from 2026-02-15 at 12m a year escalating
    // 10% a year for 3 years (to 2029-02-15), then up to two renewals of 4 years at market, each breakable 18 months into
    // it against 6 months of rent. Notes of 16m, no coupon, amortising linearly (0.5m a quarter); once the lease has ended
    // everything is swept to them.
    private const string Source = """
        deal Renewed {
          currency USD
          closing  2026-01-01
          maturity 2034-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Owner { }
          facility Hall { cost 40m  value straight_line 20y }
          lease L on Hall {
            lessee          Tenant
            rent            12m per year escalating 10% per year
            starts          2026-02-15
            term            3y
            renewals        2 x 4y at lessee option rent at market with break_option at 18m fee 6m of rent
            rvg             guarantees 16m cap 5m
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

        scenario Renews for Renewed {
          L renewals taken 1
        }

        scenario BreaksInRenewal for Renewed {
          L renewals taken 1
          L breaks in renewal 1 at 18m
        }

        scenario MeantToRenewTwice for Renewed {
          L renewals taken 2
          L breaks in renewal 1 at 18m
        }

        scenario BreaksAtMarket for Renewed {
          L renewals taken 1
          L breaks in renewal 1 at 18m
          market_rent deflate 10% per year
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    // Renewal 1 runs from 2029-02-15; 18 months into it is 2030-08-15 (54 months from the start), in Q3 2030 (period 18,
    // 2030-07-01 → 2030-10-01, 92 days), in lease year 5 (4 completed on 2030-02-15): rent 12m × 1.1⁴ = 17,569,200 a
    // year, 4,392,300 a quarter, of which the 45 days before the break: 4,392,300 × 45/92 = 2,148,407.61. The fee is 6/12
    // of the rent in force on 2030-08-15: 0.5 × 17,569,200 = 8,784,600 (the market-rent index is 1: no deflation).
    private const double BreakRent = 4_392_300.0 * 45 / 92;
    private const double BreakFee = 8_784_600;

    [Fact]
    public void TheBreakPeriodPaysTheDaysBeforeTheBreakAndTheFeeAndNothingAfter()
    {
        Assert.Empty(Deal.Diagnostics);
        Assert.Equal(2_148_407.61, BreakRent, 0.01);
        // Q2 2030 in full, as the lease taking its renewal pays it; Q3 the 45 days; nothing after, and no RVG.
        Assert.Equal(4_392_300, Deal.Ledger("rent L", 17, "BreaksInRenewal"), 0.01);
        Assert.Equal(Deal.Ledger("rent L", 17, "Renews"), Deal.Ledger("rent L", 17, "BreaksInRenewal"), 0.01);
        Assert.Equal(BreakRent, Deal.Ledger("rent L", 18, "BreaksInRenewal"), 0.01);
        Assert.Equal(BreakFee, Deal.Ledger("termination fee L", 18, "BreaksInRenewal"), 0.01);
        for (int t = 19; t < 32; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("rent L", t, "BreaksInRenewal"));
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "BreaksInRenewal"));
        }

        for (int t = 0; t < 32; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("rvg L", t, "BreaksInRenewal"));
            if (t != 18)
            {
                Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "BreaksInRenewal"));
            }
        }

        // The fee is a one-off collection, outside cfads (no opex: cfads is the rent).
        Assert.Equal(BreakRent + BreakFee, Deal.Ledger("collections", 18, "BreaksInRenewal"), 0.01);
        Assert.Equal(BreakRent, Deal.Ledger("Cash", 18, "BreaksInRenewal"), 0.01);
    }

    [Fact]
    public void TheBreakPaysTheNotesOffAndTheRestGoesToEquity()
    {
        // 18 quarters of 0.5m paid (periods 0–17), 7m left; the break's period collects 2,148,407.61 + 8,784,600 =
        // 10,933,007.61, pays the 7m and distributes 3,933,007.61.
        Assert.Equal(7_000_000, Deal.Ledger("Notes balance", 17, "BreaksInRenewal"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("Notes balance", 18, "BreaksInRenewal"), 0.01);
        Assert.Equal(BreakRent + BreakFee - 7_000_000, Deal.Ledger("5 distribute rest to Eq distributed", 18, "BreaksInRenewal"), 0.01);
    }

    [Fact]
    public void TheRenewalsAfterTheOneBrokenAreNotTaken()
    {
        // Meaning to take both renewals changes nothing once the lessee breaks the first: the lease ends on the break.
        for (int t = 0; t < 32; t++)
        {
            foreach (string column in new[] { "rent L", "termination fee L", "rvg L", "collections", "Notes balance" })
            {
                Assert.Equal(Deal.Ledger(column, t, "BreaksInRenewal"), Deal.Ledger(column, t, "MeantToRenewTwice"));
            }
        }
    }

    [Fact]
    public void AtMarketTheFeeIsOnTheRenewalsRentAtTheScenariosIndex()
    {
        // The market-rent index for lease year 5 is read on 2030-02-15, 1,506 days (4 × 365 + 1 + 45) after the closing:
        // 0.9^(1506/365.25) = 0.6477…, which scales both the rent of the break's period and the fee.
        double index = Math.Pow(0.9, 1506 / 365.25);
        Assert.Equal(0.6477, index, 0.0001);
        Assert.Equal(BreakRent * index, Deal.Ledger("rent L", 18, "BreaksAtMarket"), 0.01);
        Assert.Equal(BreakFee * index, Deal.Ledger("termination fee L", 18, "BreaksAtMarket"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("rent L", 19, "BreaksAtMarket"));
    }

    [Fact]
    public void ABreakInARenewalNotTakenIsAnErrorAtTheLever()
    {
        string source = Source.Replace("""
              L renewals taken 1
              L breaks in renewal 1 at 18m
              market_rent
            """, """
              L breaks in renewal 1 at 18m
              market_rent
            """, StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics);
        // The last scenario's lever, the one left without its renewal.
        int line = source.Split('\n').ToList().FindLastIndex(l => l.Contains("L breaks in renewal 1 at 18m", StringComparison.Ordinal)) + 1;
        Assert.Equal($"small.deal({line},3): error DL0223: scenario 'BreaksAtMarket' breaks lease 'L' in renewal 1 but takes 0 of its renewals: the lessee can break only a renewal term it has taken; write 'L renewals taken 1' (or more)",
            error.ToString());
    }

    [Fact]
    public void ARenewalsNoticeIsReadByAForwardCfadsFromThePeriodItIsServedIn()
    {
        // 'notice 6m' on the renewals' break: breaking on 2030-08-15 the lessee serves notice on 2030-02-15 (48 months
        // from the start), in Q1 2030 (period 16). At its end the 6 months ahead (periods 17 and 18) read 4,392,300 in
        // full and the 45 days before the break, 2,148,407.61: 6,540,707.61. A quarter earlier (period 15) the window
        // (periods 16, 17) reads the rent in full: Q1 2030 is 2030-01-01 → 2030-02-15 at 16,972,000 a year (1.1³ × 12m)
        // and the rest at 17,569,200, 3,993,000 × 45/90 + 4,392,300 × 45/90 = 4,192,650, plus 4,392,300: 8,584,950.
        var noticed = new SmallDeal(Source
            .Replace("with break_option at 18m fee", "with break_option at 18m notice 6m fee", StringComparison.Ordinal)
            .Replace("test Cash = cfads", "test Cash = cfads\n  test Ahead = cfads over next 6m", StringComparison.Ordinal));
        Assert.Empty(noticed.Diagnostics);
        Assert.Equal(4_392_300 + BreakRent, noticed.Ledger("Ahead", 16, "BreaksInRenewal"), 0.01);
        Assert.Equal(8_584_950, noticed.Ledger("Ahead", 15, "BreaksInRenewal"), 0.01);
        // Taking the renewal without breaking it, the same window reads two full quarters.
        Assert.Equal(2 * 4_392_300, noticed.Ledger("Ahead", 16, "Renews"), 0.01);
    }

    [Fact]
    public void ARenewalsNoticeLongerThanTheTimeToItsFirstBreakNamesTheRenewalTerm()
    {
        // The renewal terms' break at 18m counts from each renewal term's start: a 19m notice would be served before it.
        string source = Source.Replace("with break_option at 18m fee", "with break_option at 18m notice 19m fee", StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var result = DealCompiler.Compile("small.deal", source);
        var error = Assert.Single(result.Diagnostics);
        int line = source.Split('\n').ToList().FindIndex(l => l.Contains("notice 19m", StringComparison.Ordinal)) + 1;
        int column = source.Split('\n')[line - 1].IndexOf("19m", StringComparison.Ordinal) + 1;
        Assert.Equal($"small.deal({line},{column}): error DL0221: the renewal terms' break notice of lease 'L' is 19m, longer than the time from a renewal term's start to its first break (18m): notice is served during the renewal term, at most at its start",
            error.ToString());
    }

    [Fact]
    public void ABreakInARenewalBesideDrawnRenewalsIsAnError()
    {
        string source = Source.Replace("  L renewals taken 2\n  L breaks in renewal 1 at 18m\n", "  L renewals drawn 60%\n  L breaks in renewal 1 at 18m\n", StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        Assert.Contains(result.Diagnostics, d => d.Code == "DL0429"
            && d.Message.Contains("breaks lease 'L' in a renewal term and draws its renewals", StringComparison.Ordinal));
    }

    [Fact]
    public void ABreakAtADateTheRenewalsDoNotOfferIsAnError()
    {
        string source = Source.Replace("  L renewals taken 2\n  L breaks in renewal 1 at 18m\n", "  L renewals taken 2\n  L breaks in renewal 1 at 24m\n", StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var result = DealCompiler.Compile("small.deal", source);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL0428", error.Code);
        Assert.Contains("its renewal terms' break dates are 18m from the renewal's start", error.Message, StringComparison.Ordinal);
    }
}
