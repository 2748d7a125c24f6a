namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An equity cure deposited in an account in the run's final period (docs/language.md §7 "Where the cure goes"): the
/// maturity and enforcement pay every account out into the waterfall, so the cure paid in that period joined the
/// cash that <c>distribute rest</c> paid straight back to the equity, which "cured" the test for nothing. The cure is
/// now the last cash the steps use: what of it reaches a distribution the debt did not need and is not called, the
/// test is what the called cure lifts it to, and the breach counts. The triggers declared after it that read what that
/// recount changes (the test, the flag, cfads) are worked out again after it, in declaration order; a second cure on
/// another test counts the first. SmallDeal runs with the cash check on.
/// </summary>
public sealed class FinalPeriodCureTests
{
    // Annual, 30/360, 2026-01-01..2028-01-01; 10m of rent a year; a 12m bullet at 10%: debt service 1.2m, then 13.2m at
    // the maturity. Calls holds 2m from the closing. The 1.00x covenant is cured by the investors into Calls, which the
    // debt service draws on.
    private static string Source(string equity = "contributed 15m", string rules = "", string destination = "into Calls") => $$"""
        deal Final {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2026-01-01  term 2y }
          tranche Loan { balance 12m  coupon 10% }
          equity Investors { {{equity}}  holders Owner 100% }

          account Calls { initial 2m }

          test Dscr = cfads / debt_service
          trigger LockUp when Dscr < 1.00x{{rules}} cure by Investors up to 3 times {{destination}} => trap

          waterfall {
            pay Loan.interest using Calls
            pay Loan.principal using Calls
            distribute rest to Investors
          }
        }
        """;

    [Fact]
    public void At_the_maturity_the_cure_is_what_the_debt_needed_and_the_breach_counts()
    {
        // 2026: Dscr 10 / 1.2, no cure; the investors get 10m - 1.2m = 8.8m, Calls keeps its 2m.
        // 2027: cfads 10m against 13.2m: the cure asked is 3.2m, deposited in Calls (5.2m). The maturity pays Calls out:
        // 10m + 5.2m = 15.2m, the loan takes 1.2m + 12m = 13.2m, and the 2m left at the distribution is the cure the
        // debt did not need: 1.2m is called (13.2m - 10m of rent - Calls' own 2m). Dscr = (10m + 1.2m) / 13.2m =
        // 0.8485x, the trigger active; the investors get nothing. Before, 3.2m was called and 2m of it paid back to
        // them by 'distribute rest' in the same period, and the ledger showed Dscr 1.00x, the trigger not active.
        var deal = new SmallDeal(Source());
        Assert.Equal(0.0, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(8.8e6, deal.Ledger("3 distribute rest to Investors distributed", 0), 1e-6);
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(11.2e6, deal.Ledger("collections", 1), 1e-6);
        Assert.Equal(11.2 / 13.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Investors distributed", 1), 1e-6);
        Assert.Equal(12e6, deal.Ledger("2 pay Loan.principal paid", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Calls balance", 1), 1e-6);
        var equity = deal.Single.Equities.Single();
        Assert.Equal(8.8e6, equity.Distributions, 1e-6);
    }

    [Fact]
    public void What_the_debt_did_not_need_stays_in_the_commitment()
    {
        // 20m committed, 15m paid in: 5m left. The maturity's 3.2m cure leaves 1.8m, and the 2m not called comes
        // back: unfunded 20m - 15m - 1.2m = 3.8m.
        var deal = new SmallDeal(Source("commitment 20m  contributed 15m"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(3.8e6, deal.Single.Equities.Single().Unfunded, 1e-6);
    }

    [Fact]
    public void With_cure_rules_the_breach_the_cure_no_longer_covers_counts()
    {
        // 'trips after 1 cures after 1': the maturity's breach (0.8485x once the cure is what the debt needed) is the
        // first, so the trigger is active, worked out again from its state before the period.
        var deal = new SmallDeal(Source(rules: " trips after 1 cures after 1"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(0.0, deal.Ledger("LockUp", 0));
    }

    [Fact]
    public void At_the_maturity_a_prepayment_standing_in_for_the_bullet_is_called_only_as_the_debt_needs_it()
    {
        // 'prepaying Loan': the maturity's 3.2m cure prepays the loan, whose 12m is all due anyway, so it stands in for
        // 3.2m of the schedule and frees as much of the period's cash: the waterfall owes 8.8m of principal, and of
        // 10m + Calls' 2m, 1.2m + 8.8m leaves 2m at the distribution, which is not called. The cure is 1.2m, as into
        // Calls; the prepayment column still shows the 3.2m the loan took (2m of it the period's own cash), and
        // principal paid is 3.2m + 8.8m = 12m. Before, 3.2m was called and 2m of it paid back.
        var deal = new SmallDeal(Source(destination: "prepaying Loan"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(3.2e6, deal.Ledger("LockUp cure prepaid Loan", 1), 1e-6);
        Assert.Equal(8.8e6, deal.Ledger("2 pay Loan.principal paid", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Loan balance", 1), 1e-6);
        Assert.Equal(11.2 / 13.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Investors distributed", 1), 1e-6);
    }

    [Fact]
    public void Two_cures_into_one_account_are_each_paid_out_last()
    {
        // A second covenant at 0.95x cured into Calls as well (declared first: it cures to 0.95 x 13.2m = 12.54m, 2.54m;
        // LockUp then tops up the 0.66m more to 13.2m). Calls pays out 2m + 2.54m + 0.66m = 5.2m; the 2m left at the
        // distribution is not called, LockUp's top-up first (the last cash), then 1.34m of Early's: Early calls 1.2m,
        // LockUp nothing, and both read Dscr (10m + 1.2m) / 13.2m = 0.8485x: both active.
        string source = Source().Replace("  trigger LockUp", "  trigger Early when Dscr < 0.95x cure by Investors up to 3 times into Calls => trap\n  trigger LockUp", StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        Assert.Equal(1.2e6, deal.Ledger("Early cure injected", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Investors distributed", 1), 1e-6);
        Assert.Equal(11.2 / 13.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("Early", 1));
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
    }

    // The triggers declared after LockUp read what its recount changes: they are worked out again after it, in
    // declaration order (docs/language.md "A cure in the final period").
    private static string After(string triggers) =>
        Source().Replace("=> trap\n", "=> trap\n" + triggers, StringComparison.Ordinal);

    [Fact]
    public void A_later_covenant_reading_cfads_reads_the_cure_called()
    {
        // 'cfads < 0.95 * debt_service' after LockUp read cfads with the whole cure before the waterfall: 10m + 3.2m =
        // 13.2m against 0.95 x 13.2m = 12.54m, not breached (2026: 10m against 1.14m). The cure called is 1.2m, so cfads
        // is 11.2m < 12.54m: breached. Icr, a test, is worked out before any
        // cure (as in every period) and keeps 10m / 1.2m = 8.3333x. Before, CfadsFloor stayed inactive beside a
        // Dscr of 0.8485x.
        var deal = new SmallDeal(After("  test Icr = cfads / Loan.interest\n  trigger CfadsFloor when cfads < 0.95 * debt_service => trap\n"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(11.2 / 13.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("CfadsFloor", 1));
        Assert.Equal(0.0, deal.Ledger("CfadsFloor", 0));
        Assert.Equal(10.0 / 1.2, deal.Ledger("Icr", 1), 1e-12);
    }

    [Fact]
    public void An_event_of_default_on_a_later_trigger_reads_the_breach_that_counts()
    {
        // Hard reads Dscr < 0.90x and Follow reads LockUp's flag, both declared after LockUp. Before the waterfall Dscr
        // read 1.00x (the whole cure) and LockUp was inactive: neither was active. Once the cure is 1.2m, Dscr is
        // 0.8485x < 0.90x and LockUp active: Hard is active and makes the event of default at the maturity's end,
        // and Follow, reading LockUp, is active. Before, both stayed inactive and no event of default occurred.
        // Follow's Calls.balance is read as before the waterfall, 2m + 3.2m = 5.2m > 5m, not as the maturity's pay-out
        // left it (0).
        var deal = new SmallDeal(After("  trigger Hard when Dscr < 0.90x => event_of_default\n  trigger Follow when LockUp and Calls.balance > 5m => trap\n"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(1.0, deal.Ledger("Hard", 1));
        Assert.Equal(1.0, deal.Ledger("Follow", 1));
        Assert.Equal(0.0, deal.Ledger("Calls balance", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("event of default", 0));
        Assert.Equal(1.0, deal.Ledger("event of default", 1));
    }

    [Fact]
    public void A_later_trigger_with_cure_rules_is_worked_out_again_from_its_state_before_the_period()
    {
        // 'trips after 1 cures after 2' on Dscr < 0.90x: inactive before the maturity (2026's 8.33x), so its breach
        // at the maturity trips it, from its state before the period (not counted twice, nor from its first pass).
        var deal = new SmallDeal(After("  trigger Hard when Dscr < 0.90x trips after 1 cures after 2 => accelerate\n"));
        Assert.Equal(0.0, deal.Ledger("Hard", 0));
        Assert.Equal(1.0, deal.Ledger("Hard", 1));
        Assert.Equal(1.0, deal.Ledger("Hard accelerated", 1));
    }

    [Fact]
    public void A_second_cure_on_another_test_counts_the_first_and_each_breach_counts()
    {
        // Icov cures Icr = cfads / Loan.interest below 9.5x, declared after LockUp, tested at the maturity only (2026's
        // 8.3333x would use a cure, which Calls would still hold at the maturity: older cash, which the debt uses
        // first). There Icr is 10m / 1.2m = 8.3333x before the cures; LockUp's 3.2m lifts cfads to 13.2m, so Icr is
        // worked out again before Icov's cure:
        // 13.2m / 1.2m = 11x, not breached, and Icov pays nothing. Before, Icov read 8.3333x and asked
        // 9.5 x 1.2m - 13.2m = -1.8m: a negative cure. The maturity then calls 1.2m of LockUp's (2m not called), and
        // the replay gives Icr (10m + 1.2m) / 1.2m = 9.3333x < 9.5x: Icov active, its breach counting (a cure paid in
        // now would not be called either: the debt needed no more).
        var deal = new SmallDeal(After("  test Icr = cfads / Loan.interest\n  trigger Icov when Icr < 9.5x from 2027-06-30 cure by Investors up to 3 times into Calls => trap\n"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Icov cure injected", 1), 1e-6);
        Assert.Equal(11.2 / 1.2, deal.Ledger("Icr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("Icov", 1));
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(10.0 / 1.2, deal.Ledger("Icr", 0), 1e-12);
        Assert.Equal(0.0, deal.Ledger("Icov", 0));
    }

    [Fact]
    public void Two_cures_on_two_tests_at_the_maturity_the_later_is_the_last_cash()
    {
        // Icov at 12x, tested at the maturity only, as above: after LockUp's 3.2m, Icr is 13.2m / 1.2m = 11x < 12x, and Icov pays 12 x 1.2m - 13.2m = 1.2m into
        // Calls. The maturity pays out Calls' 2m + 3.2m + 1.2m = 6.4m; the loan takes 13.2m of 16.4m, and the 3.2m left
        // at the distribution is not called: Icov's 1.2m first (declared last, it topped up the other), then 2m of
        // LockUp's, which calls 1.2m. Dscr (10m + 1.2m) / 13.2m = 0.8485x, Icr (10m + 1.2m + 0) / 1.2m = 9.3333x: both
        // active, nothing distributed.
        var deal = new SmallDeal(After("  test Icr = cfads / Loan.interest\n  trigger Icov when Icr < 12.0x from 2027-06-30 cure by Investors up to 3 times into Calls => trap\n"));
        Assert.Equal(1.2e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Icov cure injected", 1), 1e-6);
        Assert.Equal(11.2 / 13.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(11.2 / 1.2, deal.Ledger("Icr", 1), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(1.0, deal.Ledger("Icov", 1));
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Investors distributed", 1), 1e-6);
        Assert.Equal(8.8e6, deal.Single.Equities.Single().Distributions, 1e-6);
    }

    [Fact]
    public void A_later_cure_that_pays_nothing_has_its_test_from_the_cure_called()
    {
        // Icov at 2x is never breached. At the maturity Icr is worked out again after LockUp's 3.2m, 13.2m / 1.2m = 11x,
        // and the replay gives (10m + 1.2m) / 1.2m = 9.3333x. Before, the recount read Icov's cfads as last recorded
        // (none: it had never cured) and wrote Icr = (0 - 2m) / 1.2m.
        var deal = new SmallDeal(After("  test Icr = cfads / Loan.interest\n  trigger Icov when Icr < 2.0x cure by Investors up to 3 times into Calls => trap\n"));
        Assert.Equal(0.0, deal.Ledger("Icov cure injected", 1), 1e-6);
        Assert.Equal(11.2 / 1.2, deal.Ledger("Icr", 1), 1e-12);
        Assert.Equal(0.0, deal.Ledger("Icov", 1));
        Assert.Equal(10.0 / 1.2, deal.Ledger("Icr", 0), 1e-12);
    }

    [Fact]
    public void A_cure_on_another_test_is_not_negative_in_any_period()
    {
        // Rent 1m: 2026's Dscr and Icr are both 1m / 1.2m = 0.8333x. LockUp (1.00x) pays 0.2m, lifting cfads to 1.2m and
        // Icr, worked out again, to 1.00x >= 0.90x: Icov pays nothing (before: 0.9 x 1.2m - 1.2m = -0.12m).
        string source = After("  test Icr = cfads / Loan.interest\n  trigger Icov when Icr < 0.90x cure by Investors up to 3 times into Calls => trap\n")
            .Replace("rent 10m", "rent 1m", StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        Assert.Equal(0.2e6, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Icov cure injected", 0), 1e-6);
        Assert.Equal(1.0, deal.Ledger("Icr", 0), 1e-12);
        Assert.Equal(0.0, deal.Ledger("Icov", 0));
        Assert.True(deal.Ledger("Icov cure injected", 1) >= 0.0);
    }

    [Fact]
    public void Between_two_cures_on_one_test_a_trigger_reads_the_test_as_the_first_left_it()
    {
        // Calls holds 0.5m. At the maturity Early (0.95x, declared first) cures 0.95 x 13.2m - 10m = 2.54m; Mid, between
        // the two, reads Dscr 0.95x, inside (0.94x, 0.96x): active; LockUp tops up 0.66m to 1.00x. Calls pays out
        // 0.5m + 2.54m + 0.66m = 3.7m, the loan takes 13.2m of 13.7m, and the 0.5m left is LockUp's, not called: it calls
        // 0.16m. Early's cure is all called, so the replay leaves Dscr at 0.95x for Early and Mid (both as before: Early
        // inactive, Mid active), and LockUp reads (10m + 2.54m + 0.16m) / 13.2m = 0.9621x: active.
        string source = Source().Replace("initial 2m", "initial 0.5m", StringComparison.Ordinal).Replace("  trigger LockUp",
            "  trigger Early when Dscr < 0.95x cure by Investors up to 3 times into Calls => trap\n"
            + "  trigger Mid when Dscr < 0.96x and Dscr > 0.94x => trap\n  trigger LockUp", StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        Assert.Equal(2.54e6, deal.Ledger("Early cure injected", 1), 1e-6);
        Assert.Equal(0.16e6, deal.Ledger("LockUp cure injected", 1), 1e-6);
        Assert.Equal(12.7 / 13.2, deal.Ledger("Dscr", 1), 1e-12);
        Assert.Equal(0.0, deal.Ledger("Early", 1));
        Assert.Equal(1.0, deal.Ledger("Mid", 1));
        Assert.Equal(1.0, deal.Ledger("LockUp", 1));
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Investors distributed", 1), 1e-6);
    }

    // Annual, 30/360, 2026-01-01..2029-01-01; 5m of rent; a 30m loan at 10% amortising 10m a year: debt service 13m,
    // Dscr 5 / 13 = 0.3846x. Default (declared first, so it reads the test before the cure) makes an event of default
    // at the end of 2026, and the site is sold at once (lag 0m): enforcement pays Calls out with the proceeds. No step
    // draws on Calls before (DL0415 warns), so the regular waterfall pays 3m of interest and 2m of principal, and the
    // 8m cure (13m - 5m) is all in Calls when enforcement pays it out.
    private static string Enforced(string haircut) => $$"""
        deal Enforced {
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
          equity Investors { contributed 15m  holders Owner 100% }

          account Calls { }

          test Dscr = cfads / debt_service
          trigger Default when Dscr < 0.90x => event_of_default
          trigger LockUp when Dscr < 1.00x cure by Investors up to 3 times into Calls => trap

          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Investors
          }

          enforcement {
            sell Site haircut {{haircut}} lag 0m
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Investors }
          }
        }
        """;

    [Fact]
    public void On_enforcement_a_cure_the_sale_makes_needless_is_not_called()
    {
        // A 20% haircut: the proceeds P (about 77m) pay the 28m balance left, and P + 8m - 28m reaches the
        // distribution: the whole 8m cure is not called. Dscr is 5 / 13 again, and LockUp active.
        var deal = new SmallDeal(Enforced("20%"));
        double proceeds = deal.Ledger("sale proceeds", 0);
        Assert.True(proceeds > 36e6, $"proceeds {proceeds}");
        Assert.Equal(0.0, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal(5.0 / 13.0, deal.Ledger("Dscr", 0), 1e-12);
        Assert.Equal(1.0, deal.Ledger("LockUp", 0));
        Assert.Equal(0.0, deal.Ledger("Loan balance", 0), 1e-6);
        Assert.Equal(proceeds - 28e6, deal.Single.Equities.Single().Distributions, 1e-6);
    }

    [Fact]
    public void On_enforcement_the_cure_is_what_the_sale_leaves_the_debt_short()
    {
        // A 75% haircut: the proceeds P (about 24m) leave 28m - P of the balance to the cure, which is what is called;
        // the investors get nothing and the test is (5m + 28m - P) / 13m.
        var deal = new SmallDeal(Enforced("75%"));
        double proceeds = deal.Ledger("sale proceeds", 0);
        Assert.True(proceeds is > 20e6 and < 28e6, $"proceeds {proceeds}");
        Assert.Equal(28e6 - proceeds, deal.Ledger("LockUp cure injected", 0), 1e-6);
        Assert.Equal((5e6 + 28e6 - proceeds) / 13e6, deal.Ledger("Dscr", 0), 1e-12);
        Assert.Equal(0.0, deal.Ledger("Loan balance", 0), 1e-6);
        Assert.Equal(0.0, deal.Single.Equities.Single().Distributions, 1e-6);
    }

    [Theory]
    [InlineData("20%")]
    [InlineData("75%")]
    public void A_summary_only_run_calls_the_same_cure(string haircut)
    {
        // Monte Carlo runs the summary-only loop, split at the event of default (RunSummary, RunDefaulted): the same
        // figures to the bit as the ledger's run.
        var ledger = new SmallDeal(Enforced(haircut)).Single.Equities.Single();
        var summary = new SmallDeal(Enforced(haircut), fullLedger: false).Single.Equities.Single();
        Assert.Equal(ledger.Distributions, summary.Distributions);
        Assert.Equal(ledger.Irr, summary.Irr);
        Assert.Equal(ledger.Contributed, summary.Contributed);
    }
}
