namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Equity cures (docs/language.md §7): <c>cure by Sponsor up to 2 times prepaying Notes</c> (or <c>into Trap</c>) pays in
/// the cash that lifts a breached coverage test to its threshold, at most twice; the cash is a receipt of the period and
/// a negative flow in the equity's IRR, and goes where the cure says, never to the period's waterfall: the sponsor's
/// distribution of the period excludes it. Worked by hand; SmallDeal runs with the cash check on, so cash is conserved
/// in every period.
/// </summary>
public sealed class EquityCureTests
{
    // Annual, 30/360, 2025-12-31..2029-12-31; 4m of rent a year; one 50m bullet at 6% (3m a year): Dscr = 4/3 =
    // 1.333x, below the 1.50x covenant. DESTINATION is where the cure goes.
    private const string Source = """
        deal Cured {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 4m per year  starts 2025-12-31  term 4y }
          tranche Notes { balance 50m  coupon 6% }
          equity Sponsor { contributed 10m  holders Owner 100% }
          account Trap { }

          test Dscr = cfads / debt_service
          trigger LockUp when Dscr < 1.50x cure by Sponsor up to 2 times DESTINATION => trap

          waterfall {
            pay Notes.interest
            pay Notes.principal
            if LockUp { hold rest in Trap } else { release Trap }
            distribute rest to Sponsor
          }
        }
        """;

    private static readonly SmallDeal Prepaying = new(Source.Replace("DESTINATION", "prepaying Notes", StringComparison.Ordinal));

    private static readonly SmallDeal Into = new(Source.Replace("DESTINATION", "into Trap", StringComparison.Ordinal));

    [Fact]
    public void ACurePrepayingTheNotesIsNotDistributedInItsPeriod()
    {
        // Period 1: the cure is 1.50 x 3m - 4m = 0.5m; cfads 4.5m, Dscr exactly 1.50x, so the trigger is not active.
        // The 0.5m prepays the Notes (balance 50m - 0.5m = 49.5m), and the sponsor gets only the rent's 4m - 3m of
        // interest = 1m (before, the cure joined the waterfall and the sponsor got 1.5m: its own 0.5m back).
        Assert.Equal(0.5e6, Prepaying.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(4.5e6, Prepaying.Ledger("collections", 0), 1e-6);
        Assert.Equal(1.5, Prepaying.Ledger("Dscr", 0), 1e-12);
        Assert.Equal(0.0, Prepaying.Ledger("LockUp", 0));
        Assert.Equal(0.5e6, Prepaying.Ledger("LockUp cure prepaid Notes", 0), 1e-6);
        Assert.Equal(49.5e6, Prepaying.Ledger("Notes balance", 0), 1e-6);
        Assert.Equal(0.0, Prepaying.Ledger("2 pay Notes.principal paid", 0), 1e-6);
        Assert.Equal(1e6, Prepaying.Ledger("6 distribute rest to Sponsor distributed", 0), 1e-6);

        // Period 2: interest on 49.5m is 2.97m; Dscr 4 / 2.97 = 1.347x, so the cure is 1.50 x 2.97m - 4m = 0.455m,
        // which prepays the Notes to 49.045m; the sponsor gets 4m - 2.97m = 1.03m.
        Assert.Equal(0.455e6, Prepaying.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(49.045e6, Prepaying.Ledger("Notes balance", 1), 1e-6);
        Assert.Equal(1.03e6, Prepaying.Ledger("6 distribute rest to Sponsor distributed", 1), 1e-6);
    }

    [Fact]
    public void OnceTheCuresAreUsedTheBreachCounts()
    {
        // Period 3: no cure left: interest 49.045m x 6% = 2.9427m, Dscr 4 / 2.9427 = 1.359x, the trigger is active
        // and the 4m - 2.9427m = 1.0573m left is trapped.
        Assert.Equal(0.0, Prepaying.Ledger("LockUp cure injected", 2));
        Assert.Equal(4 / 2.9427, Prepaying.Ledger("Dscr", 2), 1e-12);
        Assert.Equal(1.0, Prepaying.Ledger("LockUp", 2));
        Assert.Equal(1.0573e6, Prepaying.Ledger("4 hold rest in Trap held", 2), 1e-6);
    }

    [Fact]
    public void TheCureIsANegativeFlowInTheSponsorsIrr()
    {
        // Sponsor: -10m at closing; +1m - 0.5m = +0.5m at the end of 2026 and +1.03m - 0.455m = +0.575m at the end of
        // 2027 (1.0 and 2.0 years, ACT/365F); nothing after (period 3 is trapped, and at maturity 4m + 1.0573m released
        // - 2.9427m of interest leaves 2.1146m for the 49.045m principal). With x = 1 / (1 + r):
        // 0.575 x^2 + 0.5 x = 10, x = (sqrt(0.25 + 23) - 0.5) / 1.15, r = 1 / x - 1 = -73.39%.
        double x = (Math.Sqrt(0.25 + 23) - 0.5) / 1.15;
        Assert.Equal(1 / x - 1, Prepaying.Single.Equities[0].Irr, 1e-6);
        Assert.Equal(2.03e6, Prepaying.Single.Equities[0].Distributions, 1e-6);
    }

    [Fact]
    public void ACureIntoAnAccountStaysThereInItsPeriod()
    {
        // 'into Trap': period 1's 0.5m cure is deposited in Trap; the trigger is not active, so 'release Trap' runs, but
        // the cure paid in this period stays: released 0, the sponsor gets 4m - 3m = 1m, Trap holds 0.5m.
        Assert.Equal(0.5e6, Into.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(0.0, Into.Ledger("5 release Trap released", 0), 1e-6);
        Assert.Equal(1e6, Into.Ledger("6 distribute rest to Sponsor distributed", 0), 1e-6);
        Assert.Equal(0.5e6, Into.Ledger("Trap balance", 0), 1e-6);
        Assert.Equal(50e6, Into.Ledger("Notes balance", 0), 1e-6);

        // Period 2: a second 0.5m cure (the Notes were not prepaid) is deposited; the release pays out last period's
        // 0.5m, as the deal's release rule says, and keeps this period's: the sponsor gets 1m + 0.5m = 1.5m.
        Assert.Equal(0.5e6, Into.Ledger("5 release Trap released", 1), 1e-6);
        Assert.Equal(1.5e6, Into.Ledger("6 distribute rest to Sponsor distributed", 1), 1e-6);
        Assert.Equal(0.5e6, Into.Ledger("Trap balance", 1), 1e-6);
    }

    // Two tranches, prepaid in the order written: a 0.3m Senior bullet at 6% ahead of the Notes. Debt service is
    // 0.3m x 6% + 3m = 3.018m, so the cure is 1.50 x 3.018m - 4m = 0.527m: it pays off Senior's 0.3m, then 0.227m of
    // the Notes (49.773m left); the sponsor gets 4m - 3.018m = 0.982m. Prepaying Senior alone, the 0.227m its balance
    // cannot take joins the period's cash, and the sponsor gets 0.982m + 0.227m = 1.209m.
    [Fact]
    public void ACurePrepaysItsTranchesInTheOrderWrittenEachUpToItsBalance()
    {
        string twoTranches = Source.Replace("  tranche Notes", "  tranche Senior { balance 0.3m  coupon 6%  seniority 1 }\n  tranche Notes", StringComparison.Ordinal)
            .Replace("    pay Notes.interest", "    pay Senior.interest\n    pay Senior.principal\n    pay Notes.interest", StringComparison.Ordinal);
        var both = new SmallDeal(twoTranches.Replace("DESTINATION", "prepaying Senior, Notes", StringComparison.Ordinal));
        Assert.Equal(0.527e6, both.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(0.3e6, both.Ledger("LockUp cure prepaid Senior", 0), 1e-6);
        Assert.Equal(0.227e6, both.Ledger("LockUp cure prepaid Notes", 0), 1e-6);
        Assert.Equal(0.0, both.Ledger("Senior balance", 0), 1e-6);
        Assert.Equal(49.773e6, both.Ledger("Notes balance", 0), 1e-6);
        Assert.Equal(0.982e6, both.Ledger("8 distribute rest to Sponsor distributed", 0), 1e-6);

        var seniorOnly = new SmallDeal(twoTranches.Replace("DESTINATION", "prepaying Senior", StringComparison.Ordinal));
        Assert.Equal(0.3e6, seniorOnly.Ledger("LockUp cure prepaid Senior", 0), 1e-6);
        Assert.Equal(1.209e6, seniorOnly.Ledger("8 distribute rest to Sponsor distributed", 0), 1e-6);
    }

    // 'prepaying Senior then into Trap': the cure's 0.527m pays off Senior's 0.3m and the 0.227m its balance cannot
    // take is deposited in Trap, where the release leaves it this period, instead of joining the period's cash: the
    // sponsor gets 4m - 3.018m = 0.982m, as when the Notes take it.
    [Fact]
    public void WhatThePrepaidTranchesCannotTakeGoesIntoTheAccountNamedAfterThen()
    {
        string twoTranches = Source.Replace("  tranche Notes", "  tranche Senior { balance 0.3m  coupon 6%  seniority 1 }\n  tranche Notes", StringComparison.Ordinal)
            .Replace("    pay Notes.interest", "    pay Senior.interest\n    pay Senior.principal\n    pay Notes.interest", StringComparison.Ordinal);
        var deal = new SmallDeal(twoTranches.Replace("DESTINATION", "prepaying Senior then into Trap", StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(0.527e6, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(0.3e6, deal.Ledger("LockUp cure prepaid Senior", 0), 1e-6);
        Assert.Equal(0.227e6, deal.Ledger("LockUp cure into Trap", 0), 1e-6);
        Assert.Equal(0.0, deal.Ledger("LockUp", 0));
        Assert.Equal(0.0, deal.Ledger("7 release Trap released", 0), 1e-6);
        Assert.Equal(0.227e6, deal.Ledger("Trap balance", 0), 1e-6);
        Assert.Equal(0.982e6, deal.Ledger("8 distribute rest to Sponsor distributed", 0), 1e-6);

        // Period 2: Senior is paid off, so the whole cure (1.50 x 3m - 4m = 0.5m) goes into Trap; the release pays out
        // last period's 0.227m and keeps this one: the sponsor gets 1m + 0.227m.
        Assert.Equal(0.5e6, deal.Ledger("LockUp cure into Trap", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("LockUp cure prepaid Senior", 1), 1e-6);
        Assert.Equal(0.227e6, deal.Ledger("7 release Trap released", 1), 1e-6);
        Assert.Equal(1.227e6, deal.Ledger("8 distribute rest to Sponsor distributed", 1), 1e-6);
        Assert.Equal(0.5e6, deal.Ledger("Trap balance", 1), 1e-6);
    }

    // A tranche named twice (DL0455, a warning) is prepaid once: 'prepaying Senior, Senior, Notes' runs as
    // 'prepaying Senior, Notes' (0.3m, then 0.227m), with one ledger column per tranche.
    [Fact]
    public void ATrancheNamedTwiceIsPrepaidOnce()
    {
        string twoTranches = Source.Replace("  tranche Notes", "  tranche Senior { balance 0.3m  coupon 6%  seniority 1 }\n  tranche Notes", StringComparison.Ordinal)
            .Replace("    pay Notes.interest", "    pay Senior.interest\n    pay Senior.principal\n    pay Notes.interest", StringComparison.Ordinal);
        var repeated = new SmallDeal(twoTranches.Replace("DESTINATION", "prepaying Senior, Senior, Notes", StringComparison.Ordinal));
        var once = new SmallDeal(twoTranches.Replace("DESTINATION", "prepaying Senior, Notes", StringComparison.Ordinal));
        Assert.Equal("DL0455", Assert.Single(repeated.Diagnostics).Code);
        Assert.Equal(once.Single.Ledger!.Columns, repeated.Single.Ledger!.Columns);
        Assert.Equal(0.3e6, repeated.Ledger("LockUp cure prepaid Senior", 0), 1e-6);
        Assert.Equal(0.227e6, repeated.Ledger("LockUp cure prepaid Notes", 0), 1e-6);
        Assert.Equal(0.982e6, repeated.Ledger("8 distribute rest to Sponsor distributed", 0), 1e-6);
    }
}
