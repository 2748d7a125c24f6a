using DealLang.Cli.Tests.Corrections;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// examples/coreweave-ddtl2.deal, checked by hand: a contract's revenue, the first draw against a delivery, the
/// coupon blended over what the loan funds (investment-grade contracts at SOFR + 6.25%, the rest at SOFR + 13.00%),
/// the commitment fee, the draws against the 10-Q's outstanding amount, and the loan's losses ordered by scenario.
/// </summary>
public sealed class CoreWeaveFiguresTests
{
    private static readonly SmallDeal Deal = new(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "coreweave-ddtl2.deal")));

    [Fact]
    public void The_example_checks_clean()
    {
        Assert.Empty(Deal.Diagnostics);
    }

    [Fact]
    public void A_contract_is_paid_its_take_or_pay_share_of_the_days_it_runs()
    {
        // Msft1: 41,250 GPUs x 2.60 per GPU-hour x 8,760 hours a year = 939.51m a year at full use, x 95% take-or-pay
        // (the utilisation defaults to it). Period 0 (2024-05-31..2024-08-31) runs from its start, 2024-06-30:
        // 62 days, 939.51m x 62/365 x 0.95 = 151.6086m; period 1 (2024-08-31..2024-11-30) all 91 days: 222.5223m.
        Assert.Equal(151.6086e6, Deal.Ledger("revenue Msft1", 0, "Base"), 1e-3);
        Assert.Equal(222.5223e6, Deal.Ledger("revenue Msft1", 1, "Base"), 1e-3);
    }

    [Fact]
    public void The_first_delivery_draws_the_advance_rate_on_the_gpus_under_contract()
    {
        // 2024-06-30: 41,250 GPUs delivered, and Msft1 (41,250 GPUs, Microsoft, AAA) starts that day: min(41,250,
        // 41,250) = 41,250 funded, 80% x 41,250 x 37.5k = 1,237.5m, drawn at the end of period 0 (2024-05-31..2024-08-31),
        // all of it funding an investment-grade contract.
        Assert.Equal(1237.5e6, Deal.Ledger("Loan drawn", 0, "Base"), 1e-3);
        Assert.Equal(1237.5e6, Deal.Ledger("Loan investment-grade balance", 0, "Base"), 1e-3);

        // The fourth delivery (2025-03-31) funds Lab1's GPUs (AiLab, BB-): after it 3 x 1,237.5m of the 4,950m funds
        // investment-grade contracts, 75%.
        Assert.Equal(4950e6, Deal.Ledger("Loan balance", 3, "Base"), 1e-3);
        Assert.Equal(3712.5e6, Deal.Ledger("Loan investment-grade balance", 3, "Base"), 1e-3);
    }

    [Fact]
    public void The_coupon_floats_on_sofr_read_at_the_period_start_with_each_class_margin()
    {
        // Period 1 starts 2024-08-31, 92 days on: SOFR 5.30% x 0.92^(92/365) = 5.189774%; all of the balance funds
        // Microsoft, so 5.189774% + 6.25% = 11.439774%. Interest on the 1,237.5m drawn at the end of period 0, ACT/360
        // over 91 days: 1,237.5m x 11.439774% x 91/360 = 35.785042m.
        Assert.Equal(0.053 * Math.Pow(0.92, 92.0 / 365) + 0.0625, Deal.Ledger("Loan coupon", 1, "Base"), 1e-12);
        Assert.Equal(35.785042e6, Deal.Ledger("Loan interest due", 1, "Base"), 1e-2);
    }

    [Fact]
    public void A_periods_interest_is_sofr_on_the_balance_plus_each_class_margin_on_its_share()
    {
        // Period 4 (2025-05-31..2025-08-31, 92 days) starts 365 days on: SOFR 5.30% x 0.92 = 4.876% (above its 0% floor).
        // 75% of the 4,950m funds investment-grade contracts: 4.876% + 6.25% = 11.126% on 3,712.5m, and 4.876% +
        // 13.00% = 17.876% on 1,237.5m: coupon 0.75 x 11.126% + 0.25 x 17.876% = 12.8135%, interest 4,950m x 12.8135%
        // x 92/360 = 162,090,775 (= (3,712.5m x 11.126% + 1,237.5m x 17.876%) x 92/360).
        Assert.Equal(0.128135, Deal.Ledger("Loan coupon", 4, "Base"), 1e-12);
        Assert.Equal(162_090_775, Deal.Ledger("Loan interest due", 4, "Base"), 1e-2);
    }

    [Fact]
    public void The_commitment_fee_is_charged_on_the_undrawn_commitment_until_the_availability_ends()
    {
        // Period 0 (92 days): 7,500m undrawn x 0.50% x 92/360 = 9,583,333.33; period 1 (91 days): 7,500m - 1,237.5m =
        // 6,262.5m x 0.50% x 91/360 = 7,915,104.17. The availability ends in period 6 (2025-11-30..2026-02-28, which
        // holds 2025-12-31): the 2,550m never drawn is cancelled at its end, so period 7 charges nothing.
        Assert.Equal(9_583_333.33, Deal.Ledger("Loan commitment fee due", 0, "Base"), 1e-2);
        Assert.Equal(7_915_104.17, Deal.Ledger("Loan commitment fee due", 1, "Base"), 1e-2);
        Assert.Equal(2550e6, Deal.Ledger("Loan undrawn", 5, "Base"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("Loan undrawn", 6, "Base"));
        Assert.Equal(0.0, Deal.Ledger("Loan commitment fee due", 7, "Base"));
    }

    [Fact]
    public void The_draws_reach_the_outstanding_amount_the_10Q_reports()
    {
        // Four draws of 80% x 41,250 x 37.5k = 1,237.5m each (three funding Microsoft's contracts, one the lab's) by
        // 2025-03-31: 4.95bn, the DDTL 2.0 balance at 2025-06-30 in the 10-Q [P].
        double drawn = 0;
        for (int t = 0; t < 5; t++)
        {
            drawn += Deal.Ledger("Loan drawn", t, "Base");
        }

        Assert.Equal(4.95e9, drawn, 1e-3);
    }

    [Fact]
    public void The_summary_reads_the_covenants_up_to_the_event_of_default_and_the_workout_in_the_ledger()
    {
        // FireSale: Microsoft defaults on 2026-06-30, an event of default at the end of period 8 (2026-05-31..
        // 2026-08-31), the loan accelerated and the GPUs sold from period 9 on. The DSCR's minimum is that period's
        // 0.47x (collections 211.6m less opex 19.5m over debt service 112.6m + 295.5m = 408.1m: Microsoft's contracts,
        // 123,750 of the 165,000 units, run 30 of the period's 92 days, to 2026-06-30, so 24.46% of the unit-days are in
        // use and the rest cost their idle 15%: 54.4m in full × (0.2446 + 0.15 × 0.7554) = 54.4m × 0.3579 = 19.5m;
        // (211.6m − 19.5m) / 408.1m = 0.4708), not the workout's:
        // there no contract earns, cfads is less than nothing (the idle units' opex) and the ledger reads below zero.
        var outcome = Deal.Outcomes["FireSale"];
        Assert.Equal(new DealLang.Runtime.Date(2026, 8, 31), outcome.Events.EventOfDefault);
        var dscr = outcome.Events.Tests.Single(t => t.Test == "Dscr");
        double lowestToDefault = Enumerable.Range(0, 9).Select(t => Deal.Ledger("Dscr", t, "FireSale")).Where(v => !double.IsNaN(v)).Min();
        Assert.Equal(lowestToDefault, dscr.Minimum);
        Assert.Equal(0.471, dscr.Minimum, 1e-3);
        Assert.True(Enumerable.Range(9, outcome.PeriodsRun - 9).Select(t => Deal.Ledger("Dscr", t, "FireSale")).Where(v => !double.IsNaN(v)).Min() < 0.0);

        // The book LTV's peak to the default is the 0.92x of period 4 (4,950m over 5,370m of book), not the
        // workout's thousands, as the balance stays while the GPUs are sold off.
        Assert.Equal(0.9218, outcome.Events.Tests.Single(t => t.Test == "BookLtv").Maximum, 1e-4);
    }

    [Fact]
    public void The_largest_customers_share_is_na_when_no_contract_earns()
    {
        // FireSale: after Microsoft's default (period 8) no contract earns: a share of nothing is n/a, as a ratio over
        // zero is, not the 0% it read (which a covenant's minimum reported as a perfectly diversified book).
        Assert.Equal(0.0, Deal.Ledger("revenue Msft1", 9, "FireSale") + Deal.Ledger("revenue Msft2", 9, "FireSale")
            + Deal.Ledger("revenue Msft3", 9, "FireSale") + Deal.Ledger("revenue Lab1", 9, "FireSale"));
        Assert.True(double.IsNaN(Deal.Ledger("Concentration", 9, "FireSale")));

        // Period 8 (2026-05-31..2026-08-31): Microsoft's three contracts alone earn, 211.6m: its share is 100%.
        Assert.Equal(1.0, Deal.Ledger("Concentration", 8, "FireSale"), 12);
    }

    [Fact]
    public void The_opex_column_is_the_periods_own_and_the_pay_step_carries_what_is_unpaid()
    {
        // The last workout period sells the last 3,324 GPUs: its own power and maintenance are about 0.16m (the idle
        // units' 15%), while the opex left unpaid by the workout (the sale's proceeds fell short of it from period 22
        // on) is still due to the step that pays it, 19.9m: due = this period's opex + what the period before left unpaid.
        int last = Deal.Outcomes["FireSale"].PeriodsRun - 1;
        Assert.Equal(0.0, Deal.Ledger("Gpus units", last, "FireSale"));
        double own = Deal.Ledger("Gpus opex", last, "FireSale");
        Assert.True(own < 0.5e6);
        Assert.True(Deal.Ledger("10 pay Gpus.opex due", last, "FireSale") > 15e6);
        Assert.Equal(own + Deal.Ledger("10 pay Gpus.opex short", last - 1, "FireSale"), Deal.Ledger("10 pay Gpus.opex due", last, "FireSale"), 1e-6);
    }

    [Fact]
    public void The_loan_loses_more_from_base_to_the_fire_sale()
    {
        double Loss(string scenario) => Deal.Outcomes[scenario].Tranches.Sum(t => t.PrincipalLoss);
        Assert.Equal(0.0, Loss("Base"), 1e-3);
        Assert.True(Loss("MicrosoftLeaves") > 0);
        Assert.True(Loss("RentCollapse") > Loss("MicrosoftLeaves"));
        Assert.True(Loss("FireSale") > Loss("RentCollapse"));
    }
}
