using DealLang.Cli.Tests.Corrections;
using DealLang.TestSupport;
using Xunit;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// examples/coreweave-ddtl2.deal, checked by hand: a contract's revenue, the floating coupon on the SOFR index,
/// the draws against the 10-Q's outstanding amount, and the loans' losses ordered by scenario.
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
    public void The_coupon_floats_on_sofr_read_at_the_period_start()
    {
        // Period 0 reads SOFR at the closing, 5.30%: max(5.30%, 0%) + 6.25% = 11.55%. Period 1 starts 2024-08-31,
        // 92 days on: 5.30% x 0.92^(92/365) = 5.189774%, so 11.439774%. Its interest is on the 1,237.5m drawn at the
        // end of period 0, ACT/360 over 91 days: 1,237.5m x 11.439774% x 91/360 = 35.785042m.
        Assert.Equal(0.1155, Deal.Ledger("IgLoan coupon", 0, "Base"), 1e-12);
        Assert.Equal(0.053 * Math.Pow(0.92, 92.0 / 365) + 0.0625, Deal.Ledger("IgLoan coupon", 1, "Base"), 1e-12);
        Assert.Equal(35.785042e6, Deal.Ledger("IgLoan interest due", 1, "Base"), 1e-2);
    }

    [Fact]
    public void The_draws_reach_the_outstanding_amount_the_10Q_reports()
    {
        // Four draws of 80% x 41,250 x 37.5k = 1,237.5m each (three IG, one non-IG) by 2025-03-31: 4.95bn, the
        // DDTL 2.0 balance at 2025-06-30 in the 10-Q [P].
        double drawn = 0;
        for (int t = 0; t < 5; t++)
        {
            drawn += Deal.Ledger("IgLoan drawn", t, "Base") + Deal.Ledger("NonIgLoan drawn", t, "Base");
        }

        Assert.Equal(4.95e9, drawn, 1e-3);
    }

    [Fact]
    public void The_loans_lose_more_from_base_to_the_fire_sale()
    {
        double Loss(string scenario) => Deal.Outcomes[scenario].Tranches.Sum(t => t.PrincipalLoss);
        Assert.Equal(0.0, Loss("Base"), 1e-3);
        Assert.True(Loss("MicrosoftLeaves") > 0);
        Assert.True(Loss("RentCollapse") > Loss("MicrosoftLeaves"));
        Assert.True(Loss("FireSale") > Loss("RentCollapse"));
    }
}
