namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An equity cure calls capital from an equity that states a commitment only up to what is left of it
/// (docs/language.md §5 "Commitments drawn over time", §7 "cure by"): the calls stop at the commitment, and the breach
/// the last call cannot cure counts, its shortfall a shortfall of the steps the cash no longer pays. Before, cures
/// were called whatever the commitment, and the summary's unfunded figure, floored at zero, hid the excess.
/// </summary>
public sealed class CureCommitmentTests
{
    // Annual, 30/360, 2026-01-01..2029-01-01; 5m of rent a year; a 30m loan at 10% amortising 10m a year: debt service
    // 13m, 12m, 11m, cfads 5m, so the 1.00x covenant needs 8m, 7m and 6m of cures (21m). The investors committed 30m,
    // paid 15m at the closing: 15m is left to call. The calls are deposited in Calls (an equity cure says where its
    // cash goes, DL0457), which the debt service draws on after the period's cash: a call pays the debt service it
    // was made for, as cash in the waterfall did before that rule.
    private static string Source(string equity) => $$"""
        deal Fund {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 5m per year  starts 2026-01-01  term 3y }
          tranche Loan { balance 30m  coupon 10%  amortize linear }
          equity Investors { {{equity}}  holders Owner 100% }

          account Calls { }

          test Dscr = cfads / debt_service
          trigger LockUp when Dscr < 1.00x cure by Investors up to 3 times into Calls => trap

          waterfall {
            pay Loan.interest using Calls
            pay Loan.principal using Calls
            distribute rest to Investors
          }
        }
        """;

    [Fact]
    public void Cures_stop_at_the_commitment_and_the_breach_beyond_it_counts()
    {
        // 2026: 8m cured (7m left); 2027: 7m cured (none left); 2028: nothing to call, Dscr 5/11 = 0.4545x, the trigger
        // is active and the loan's principal is 10m − (5m − 1m of interest) = 6m short. The investors paid in 15m + 15m,
        // their whole commitment; before, 2028 was cured with 6m more (36m paid in against 30m committed).
        var deal = new SmallDeal(Source("commitment 30m  contributed 15m"));
        Assert.Equal(8e6, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(7e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("LockUp cure injected", 2), 1e-6);
        Assert.Equal(5.0 / 11.0, deal.Ledger("Dscr", 2), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 2));
        Assert.Equal(6e6, deal.Ledger("2 pay Loan.principal short", 2), 1e-6);
        var equity = deal.Single.Equities.Single();
        Assert.Equal(0.0, equity.Unfunded, 1e-6);
    }

    [Fact]
    public void A_cure_the_commitment_covers_in_part_lifts_the_test_only_that_far()
    {
        // Committed 25m, 15m paid in: 10m left. 2026: 8m cured (2m left); 2027: 7m needed, 2m called: cfads 7m, Dscr
        // 7/12 = 0.5833x, breached, the trigger active; the loan's principal is 10m − (7m − 2m) = 5m short.
        var deal = new SmallDeal(Source("commitment 25m  contributed 15m"));
        Assert.Equal(2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(7.0 / 12.0, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(5e6, deal.Ledger("2 pay Loan.principal short", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("LockUp cure injected", 2), 1e-6);
    }

    [Fact]
    public void Without_a_commitment_every_breach_is_cured_as_before()
    {
        var deal = new SmallDeal(Source("contributed 15m"));
        Assert.Equal(6e6, deal.Ledger("LockUp cure injected", 2), 1e-6);
        Assert.Equal(1.0, deal.Ledger("Dscr", 2), 1e-12);
    }

    // As above with an event of default at the end of 2026: Default (declared first, so it reads Dscr before the cure,
    // 5 / 13 = 0.3846x) makes it, and the site is sold at once (lag 0m), which ends the run after 2026. The investors
    // committed 30m, paid 15m at the closing and are called for 10m on 2028-06-30, a date the run never reaches.
    private static string Defaulting(string equity) => $$"""
        deal Fund {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 5m per year  starts 2026-01-01  term 3y }
          tranche Loan { balance 30m  coupon 10%  amortize linear }
          equity Investors { {{equity}}  holders Owner 100% }

          account Calls { }

          test Dscr = cfads / debt_service
          trigger Default when Dscr < 0.50x => event_of_default
          trigger LockUp when Dscr < 1.00x cure by Investors up to 3 times into Calls => trap

          waterfall {
            pay Loan.interest using Calls
            pay Loan.principal using Calls
            distribute rest to Investors
          }

          enforcement {
            sell Site haircut 20% lag 0m
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Investors }
          }
        }
        """;

    [Fact]
    public void A_dated_call_is_kept_for_its_date_while_the_run_goes_on_and_left_unfunded_when_it_never_comes()
    {
        // 2026: the cure needs 8m; what is left to call is 30m - 15m - the 10m dated call = 5m, so 5m is called: Dscr
        // (5m + 5m) / 13m = 0.7692x, the breach counts. When the cure is called no default has occurred and the run
        // would reach 2028-06-30, when the LPs pay the 10m the agreement dates. The default at the period's end then
        // ends the run: the 2028 call is never made (contributed 15m), and the unfunded commitment is what was never
        // paid in, 30m - 15m - 5m = 10m, the dated call that never came.
        var deal = new SmallDeal(Defaulting("commitment 30m  contributed 15m  calls 2028-06-30 10m"));
        Assert.Equal(1, deal.Single.PeriodsRun);
        Assert.Equal(5e6, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(10.0 / 13.0, deal.Ledger("Dscr", 0), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 0));
        var equity = deal.Single.Equities.Single();
        Assert.Equal(15e6, equity.Contributed, 1e-6);
        Assert.Equal(10e6, equity.Unfunded, 1e-6);

        // Without the dated call, 15m is left to call and the whole 8m cure is: Dscr 1.00x, 7m unfunded.
        var undated = new SmallDeal(Defaulting("commitment 30m  contributed 15m"));
        Assert.Equal(8e6, undated.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(1.0, undated.Ledger("Dscr", 0), 1e-12);
        Assert.Equal(7e6, undated.Single.Equities.Single().Unfunded, 1e-6);
    }
}
