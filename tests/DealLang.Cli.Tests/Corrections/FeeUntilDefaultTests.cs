using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fee through an enforcement (docs/language.md "fee", "until default"; "Unpaid at end"): every fee accrues in the
/// periods the enforcement waterfall runs, unless written <c>until default</c>, when it accrues nothing from the period
/// after the event of default and what it carried into the default stays owed; a fee the enforcement waterfall has no
/// step for shows what it carries unpaid in the ledger's <c>F unpaid</c> column, which the summary's <c>unpaid at
/// end</c> is in its last row. SmallDeal runs with the cash check on (every period conserves cash).
/// </summary>
public sealed class FeeUntilDefaultTests
{
    // Annual, 30/360 (every year fraction exactly 1): P1 2026 -> 2027, P2 2027 -> 2028. Rent 1.2m a year. Notes: 20m
    // bullet at 10%, 2m of interest a year. Trustee 1m a year, paid first in both waterfalls; Manager 0.5m a year, paid
    // second in the regular waterfall. P1: the Trustee takes 1m, the Manager 0.2m of its 0.5m (0.3m carried), the
    // Notes nothing of their 2m: an interest shortfall, the event of default at the end of P1. The Site is sold 12
    // months later, at the end of P2, at a 100% haircut (nothing), and the run ends there: P2 is the workout's one
    // period, its enforcement waterfall paying the Trustee 1m and the Notes the 0.2m left. Tolerance 1e-6 of money.
    private static string Source(string manager, string enforcementManager = "") => $$"""
        deal Workout {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 1.2m per year  starts 2026-01-01  term 4y }
          tranche Notes { balance 20m  coupon 10% fixed  amortize bullet }
          equity Eq { contributed 80m  holders Owner 100% }

          fee Trustee { 1m per year }
          fee Manager { {{manager}} }

          default when Notes.interest_shortfall > 0

          waterfall {
            pay Trustee
            pay Manager
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }

          enforcement {
            sell Site haircut 100% lag 12m
            waterfall {
              pay Trustee
              {{enforcementManager}}
              pay Notes.interest
              pay Notes.balance
              distribute rest to Eq
            }
          }
        }
        """;

    private const double Tolerance = 1e-6;

    [Fact]
    public void Until_default_the_fee_accrues_nothing_in_the_workout_and_its_arrears_stand()
    {
        // P1 (the default period, the regular waterfall's): the Manager accrues 0.5m and is paid 0.2m: 0.3m carried.
        // P2 (after the default): it accrues 0, no step pays it, and it carries the 0.3m still: owed at the end.
        var deal = new SmallDeal(Source("0.5m per year until default"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(2, deal.Single.Ledger!.Periods);
        Assert.Equal(0.2e6, deal.Ledger("2 pay Manager paid", 0), Tolerance);
        Assert.Equal(0.3e6, deal.Ledger("Manager unpaid", 0), Tolerance);
        Assert.Equal(0.3e6, deal.Ledger("Manager unpaid", 1), Tolerance);
        Assert.Equal(0.3e6, deal.Single.Fees.Single(f => f.Name == "Manager").Unpaid, Tolerance);

        // The workout's cash: 1.2m of rent, the Trustee's 1m, then 0.2m of the Notes' interest (4m due: P2's 2m and
        // P1's 2m arrear): nothing left for the equity.
        Assert.Equal(1e6, deal.Ledger("6 pay Trustee paid", 1), Tolerance);
        Assert.Equal(0.2e6, deal.Ledger("7 pay Notes.interest paid", 1), Tolerance);
    }

    [Fact]
    public void Without_it_the_fee_accrues_through_the_workout_and_the_ledger_shows_what_it_carries()
    {
        // P2 accrues 0.5m more, which no step pays: 0.3m + 0.5m = 0.8m carried and owed at the end, the last row's
        // 'Manager unpaid' (no step's column holds the 0.5m). The deal is warned of it (DL0228); its cash is as above.
        var deal = new SmallDeal(Source("0.5m per year"));
        Assert.Equal("DL0228", Assert.Single(deal.Diagnostics).Code);
        Assert.Equal(0.3e6, deal.Ledger("Manager unpaid", 0), Tolerance);
        Assert.Equal(0.8e6, deal.Ledger("Manager unpaid", 1), Tolerance);
        Assert.Equal(0.8e6, deal.Single.Fees.Single(f => f.Name == "Manager").Unpaid, Tolerance);
        Assert.Equal(0.2e6, deal.Ledger("7 pay Notes.interest paid", 1), Tolerance);
    }

    [Fact]
    public void Paid_in_the_enforcement_waterfall_it_has_a_step_and_no_unpaid_column()
    {
        // P2: the Manager is due 0.5m + 0.3m = 0.8m and paid the 0.2m left after the Trustee: 0.6m short, owed at the
        // end (that step's 'short' in the last row); the Notes get nothing. A fee every waterfall pays has no
        // 'F unpaid' column: its steps' columns reconcile it. The Trustee, paid by both, has none either.
        var deal = new SmallDeal(Source("0.5m per year", "pay Manager"));
        Assert.Empty(deal.Diagnostics);
        Assert.DoesNotContain("Manager unpaid", deal.Columns);
        Assert.DoesNotContain("Trustee unpaid", deal.Columns);
        Assert.Equal(0.8e6, deal.Ledger("7 pay Manager due", 1), Tolerance);
        Assert.Equal(0.2e6, deal.Ledger("7 pay Manager paid", 1), Tolerance);
        Assert.Equal(0.6e6, deal.Ledger("7 pay Manager short", 1), Tolerance);
        Assert.Equal(0.6e6, deal.Single.Fees.Single(f => f.Name == "Manager").Unpaid, Tolerance);
        Assert.Equal(0.0, deal.Ledger("8 pay Notes.interest paid", 1), Tolerance);
    }

    [Fact]
    public void A_summary_only_run_owes_the_same()
    {
        // RunSummary (the Monte Carlo's loop, which hands the default over to RunDefaulted) stops the fee as Run does.
        Assert.Equal(0.3e6, new SmallDeal(Source("0.5m per year until default"), fullLedger: false).Single.Fees.Single(f => f.Name == "Manager").Unpaid, Tolerance);
        Assert.Equal(0.8e6, new SmallDeal(Source("0.5m per year"), fullLedger: false).Single.Fees.Single(f => f.Name == "Manager").Unpaid, Tolerance);
    }

    [Fact]
    public void Written_with_until_repaid_either_ends_it()
    {
        // The debt is not repaid in this run, so 'until repaid' changes nothing and 'until default' ends the accrual.
        var deal = new SmallDeal(Source("0.5m per year until repaid until default"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(0.3e6, deal.Ledger("Manager unpaid", 1), Tolerance);
    }
}
