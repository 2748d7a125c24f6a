using DealLang.Compiler;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A break's notice seen by a forward CFADS (docs/language.md §5 "lease", "Break option"): from the period holding the
/// notice date (the break date less <c>notice</c>) on, <c>cfads over next 12m</c> reads the lease's rent as stopping on
/// the break, prorated as the loop prorates it, and the break fee not at all (a collection, not cfads); without
/// <c>notice</c> (or with <c>notice 0m</c>) it reads the rent as if the lease ran on until the break ends it. A notice
/// served is a fact: a lessee's later default does not undo it, and is itself seen only once it has happened.
/// </summary>
public sealed class LeaseBreakNoticeTests
{
    // Quarterly from 2026-01-01 (period t ends on the first day of month 3(t + 1)). Tenant leases Hall from 2026-01-01 at
    // 12m a year (3m a quarter) for 5 years, breakable at 32m (2028-09-01, inside period 10: 2028-07-01 → 2028-10-01, 92
    // days) on 12 months' notice (2027-09-01, inside period 6: 2027-07-01 → 2027-10-01) against 6 months of rent. Notes of
    // 50m, no coupon, amortise 2.5m a quarter over the 20 quarters: 10m of debt service over any 12 months ahead.
    private const string Source = """
        deal Noticed {
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Owner { }
          facility Hall { cost 60m  value straight_line 20y }
          lease L on Hall {
            lessee       Tenant
            rent         12m per year
            starts       2026-01-01
            term         5y
            break_option at 32m, 48m notice 12m fee 6m of rent
          }

          tranche Notes { balance 50m  coupon 0% fixed  amortize linear }
          equity  Eq    { contributed 10m  holders Owner 100% }

          account Trap

          test FwdCfads = cfads over next 12m
          test FwdDs = debt_service over next 12m
          test FwdDscr = cfads / debt_service over next 12m
          trigger Watch when FwdDscr < 1.15x => trap

          waterfall {
            pay Notes.interest
            pay Notes.principal
            if Watch { hold rest in Trap }
            release Trap
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Noticed { }

        scenario Breaks for Noticed {
          L breaks at 32m
        }

        scenario NoticeThenDefault for Noticed {
          L breaks at 32m
          Tenant defaults on 2028-02-15
        }

        scenario Defaults for Noticed {
          Tenant defaults on 2028-02-15
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    // Period 10 pays 2028-07-01 → 2028-09-01, 62 of its 92 days: 3m × 62/92 = 2,021,739.13.
    private const double BreakQuarter = 3_000_000.0 * 62 / 92;

    [Fact]
    public void FromTheNoticePeriodTheForwardCfadsStopsTheRentOnTheBreak()
    {
        Assert.Equal(2_021_739.13, BreakQuarter, 0.01);

        // Period 5 (to 2027-07-01): notice not yet served; its window, periods 6-9 (to 2028-07-01), is all before the break.
        Assert.Equal(12_000_000, Deal.Ledger("FwdCfads", 5, "Breaks"), 1e-3);
        // Period 6 holds the notice date: its window, periods 7-10, reads 3m × 3 + 2,021,739.13 = 11,021,739.13, and not the
        // 6m break fee received in period 10 (a collection, not cfads).
        Assert.Equal(9_000_000 + BreakQuarter, Deal.Ledger("FwdCfads", 6, "Breaks"), 1e-3);
        // Period 7: periods 8-11 read 3m + 3m + 2,021,739.13 + 0 = 8,021,739.13; period 9: only period 10's days before the
        // break; from period 10 the lease has ended.
        Assert.Equal(6_000_000 + BreakQuarter, Deal.Ledger("FwdCfads", 7, "Breaks"), 1e-3);
        Assert.Equal(BreakQuarter, Deal.Ledger("FwdCfads", 9, "Breaks"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("FwdCfads", 10, "Breaks"));
        Assert.Equal(6_000_000, Deal.Ledger("termination fee L", 10, "Breaks"), 1e-3);
    }

    [Fact]
    public void TheForwardTestPassesBeforeTheNoticeAndFailsFromTheNoticePeriodOn()
    {
        // 10m of debt service over the next 12 months throughout: 2.5m a quarter, all paid while the rent runs.
        // Period 5: 12m / 10m = 1.20x ≥ 1.15x, Watch off. Period 6: 11,021,739.13 / 10m = 1.1022x < 1.15x, Watch on.
        Assert.Equal(10_000_000, Deal.Ledger("FwdDs", 6, "Breaks"), 1e-3);
        Assert.Equal(1.2, Deal.Ledger("FwdDscr", 5, "Breaks"), 1e-12);
        Assert.Equal(0.0, Deal.Ledger("Watch", 5, "Breaks"));
        Assert.Equal((9_000_000 + BreakQuarter) / 10_000_000, Deal.Ledger("FwdDscr", 6, "Breaks"), 1e-12);
        for (int t = 6; t < 10; t++)
        {
            Assert.Equal(1.0, Deal.Ledger("Watch", t, "Breaks"));
        }
    }

    [Fact]
    public void WithoutNoticeTheForwardTestSeesTheBreakOnlyWhenTheLeaseEnds()
    {
        // The same deal and break without 'notice' (and with 'notice 0m', the default written out): every window before
        // the break reads the rent running on, 12m, 1.20x; the test passes until the lease has ended in period 10.
        foreach (string notice in new[] { "", " notice 0m" })
        {
            var deal = new SmallDeal(Source.Replace(" notice 12m", notice, StringComparison.Ordinal));
            for (int t = 0; t < 10; t++)
            {
                Assert.Equal(12_000_000, deal.Ledger("FwdCfads", t, "Breaks"), 1e-3);
                Assert.Equal(0.0, deal.Ledger("Watch", t, "Breaks"));
            }

            Assert.Equal(0.0, deal.Ledger("FwdCfads", 10, "Breaks"));
        }
    }

    [Fact]
    public void ALeaseNotBrokenOnThePathReadsNoNotice()
    {
        for (int t = 0; t < 16; t++)
        {
            Assert.Equal(12_000_000, Deal.Ledger("FwdCfads", t, "AsAgreed"), 1e-3);
        }
    }

    [Fact]
    public void ANoticeServedStaysSeenUntilALaterDefaultHappens()
    {
        // Notice served on 2027-09-01, then the lessee defaults on 2028-02-15 (period 8), before the break: the break is
        // never made (the default comes first), but the notice was a fact from period 6, and the default is not foreseen.
        Assert.Equal(9_000_000 + BreakQuarter, Deal.Ledger("FwdCfads", 6, "NoticeThenDefault"), 1e-3);
        Assert.Equal(6_000_000 + BreakQuarter, Deal.Ledger("FwdCfads", 7, "NoticeThenDefault"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("FwdCfads", 8, "NoticeThenDefault"));
        Assert.Equal(0.0, Deal.Ledger("termination fee L", 10, "NoticeThenDefault"));

        // The same default without the break: the windows before it read the rent running on.
        Assert.Equal(12_000_000, Deal.Ledger("FwdCfads", 6, "Defaults"), 1e-3);
        Assert.Equal(12_000_000, Deal.Ledger("FwdCfads", 7, "Defaults"), 1e-3);
    }

    [Theory]
    [InlineData("notice 90d", "DL0220", "the break notice of lease 'L' is 90d, not a whole number of months: write it in months or years ('notice 3m', 'notice 1y')")]
    [InlineData("notice 1.5m", "DL0220", "the break notice of lease 'L' is 1.5m, not a whole number of months: write it in months or years ('notice 3m', 'notice 1y')")]
    [InlineData("notice 33m", "DL0221", "the break notice of lease 'L' is 33m, longer than the time from its start to its first break (32m): notice is served during the lease, at most at its start")]
    public void ANoticeInPartMonthsOrLongerThanTheTimeToTheFirstBreakIsAnError(string notice, string code, string message)
    {
        string source = Source.Replace("notice 12m", notice, StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", source);
        Assert.Null(result.Compiled);
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        int line = source.Split('\n').ToList().FindIndex(l => l.Contains(notice, StringComparison.Ordinal)) + 1;
        int column = source.Split('\n')[line - 1].IndexOf(notice, StringComparison.Ordinal) + "notice ".Length + 1;
        Assert.Equal($"small.deal({line},{column}): error {code}: {message}", error.ToString());
    }

    [Fact]
    public void ANoticeOfTheWholeTimeToTheFirstBreakIsServedAtTheStart()
    {
        // 'notice 32m', the whole time to the first break, is allowed: served on 2026-01-01, the start (and the closing),
        // seen from period 0 on; the windows up to period 5's end before the break, so period 6 is the first to fall.
        var deal = new SmallDeal(Source.Replace("notice 12m", "notice 32m", StringComparison.Ordinal));
        Assert.Equal(9_000_000 + BreakQuarter, deal.Ledger("FwdCfads", 6, "Breaks"), 1e-3);
        Assert.Equal(12_000_000, deal.Ledger("FwdCfads", 6, "AsAgreed"), 1e-3);
    }
}
