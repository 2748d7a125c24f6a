using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Valid corpus 014, end to end: a loan drawn against a fleet's deliveries (docs/language.md §5 "tranche", "Draws tied
/// to deliveries") at an 80% advance rate, with a margin by what each draw funds ("Margin by what a draw funds"):
/// the draw amounts, the investment-grade share they leave, the blended coupon with each class capped on its own, and
/// the commitment fee. Quarterly from 2026-01-01, 30/360 (every year fraction 0.25).
/// </summary>
public sealed class DeliveryDrawTests
{
    private static readonly SmallDeal Deal = new(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "014-gpu-loan-drawn-against-deliveries.deal")));

    [Fact]
    public void The_corpus_deal_checks_clean() => Assert.Empty(Deal.Diagnostics);

    [Fact]
    public void Each_delivery_draws_the_advance_on_the_units_newly_delivered_and_under_contract()
    {
        // 2026-02-15 (period 0): 2,000 delivered, BigCo's 1,500 under contract: 80% x 1,500 x 30k = 36m.
        // 2026-05-15 (period 1): 4,000 delivered, still 1,500 contracted: nothing.
        // 2026-08-15 (period 2): 6,000 delivered, 4,500 contracted (LabDeal from 2026-06-01, BigCo2 from 2026-08-15):
        // units 1,501..4,500 = 500 x 30k + 2,000 x 32k + 500 x 34k = 96m: 80% = 76.8m.
        Assert.Equal(36e6, Deal.Ledger("Loan drawn", 0, "AsAgreed"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("Loan drawn", 1, "AsAgreed"));
        Assert.Equal(76.8e6, Deal.Ledger("Loan drawn", 2, "AsAgreed"), 1e-3);
        Assert.Equal(112.8e6, Deal.Ledger("Loan balance", 2, "AsAgreed"), 1e-3);
        // Commitment 150m: 37.2m undrawn, cancelled at the end of period 3 (which holds 2026-12-31).
        Assert.Equal(37.2e6, Deal.Ledger("Loan undrawn", 2, "AsAgreed"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("Loan undrawn", 3, "AsAgreed"));
    }

    [Fact]
    public void The_investment_grade_share_follows_the_contracts_each_draw_funds_and_repayments_keep_it()
    {
        // The first draw funds BigCo (AA): 36m investment grade. The third: units 1,501..3,500 fall in LabDeal (Ba2),
        // 3,501..4,500 in BigCo2 (AA): 500 x 32k + 500 x 34k = 33m, 80% = 26.4m. IG balance 36m + 26.4m = 62.4m.
        Assert.Equal(36e6, Deal.Ledger("Loan investment-grade balance", 0, "AsAgreed"), 1e-3);
        Assert.Equal(62.4e6, Deal.Ledger("Loan investment-grade balance", 2, "AsAgreed"), 1e-3);

        // From period 4 the loan amortises linear (interest-only until 2026-12-31): the classes fall pro rata, the
        // share staying 62.4 / 112.8.
        double share = Deal.Ledger("Loan investment-grade balance", 5, "AsAgreed") / Deal.Ledger("Loan balance", 5, "AsAgreed");
        Assert.Equal(62.4 / 112.8, share, 1e-12);
    }

    [Fact]
    public void The_coupon_blends_each_classes_rate_each_within_the_cap()
    {
        // Period 1: all of the 36m is IG: SOFR 4% + 6.25% = 10.25%; 36m x 10.25% x 0.25 = 922,500.
        Assert.Equal(0.1025, Deal.Ledger("Loan coupon", 1, "AsAgreed"), 1e-12);
        Assert.Equal(922_500, Deal.Ledger("Loan interest due", 1, "AsAgreed"), 1e-3);

        // Period 3: s = 62.4 / 112.8. IG 10.25%; the rest 4% + 13% = 17%, capped at 16%: coupon = s x 10.25% + (1 - s)
        // x 16% = 12.819149%; interest = (62.4m x 10.25% + 50.4m x 16%) x 0.25 = (6.396m + 8.064m) x 0.25 = 3.615m.
        double s = 62.4 / 112.8;
        Assert.Equal(s * 0.1025 + (1 - s) * 0.16, Deal.Ledger("Loan coupon", 3, "AsAgreed"), 1e-12);
        Assert.Equal(3_615_000, Deal.Ledger("Loan interest due", 3, "AsAgreed"), 1e-3);

        // With nothing drawn (period 0) the blend is all the other class's rate: 17% capped at 16%.
        Assert.Equal(0.16, Deal.Ledger("Loan coupon", 0, "AsAgreed"), 1e-12);
    }

    [Fact]
    public void The_commitment_fee_is_on_what_is_undrawn_at_each_periods_start()
    {
        // 150m x 0.5% x 0.25 = 187,500; then 114m: 142,500 twice; then 37.2m: 46,500; then nothing (cancelled).
        Assert.Equal(187_500, Deal.Ledger("Loan commitment fee due", 0, "AsAgreed"), 1e-3);
        Assert.Equal(142_500, Deal.Ledger("Loan commitment fee due", 1, "AsAgreed"), 1e-3);
        Assert.Equal(142_500, Deal.Ledger("Loan commitment fee due", 2, "AsAgreed"), 1e-3);
        Assert.Equal(46_500, Deal.Ledger("Loan commitment fee due", 3, "AsAgreed"), 1e-3);
        Assert.Equal(0.0, Deal.Ledger("Loan commitment fee due", 4, "AsAgreed"));
        Assert.Equal(187_500, Deal.Ledger("2 pay Loan.commitment_fee paid", 0, "AsAgreed"), 1e-3);
    }

    [Fact]
    public void A_customer_default_after_the_draws_leaves_them_as_funded()
    {
        // The draws are worked out from the contracts as written: the lab's default on 2027-03-31 changes neither the
        // draws nor the classes (the balance funding its contract keeps the other class's margin).
        Assert.Equal(76.8e6, Deal.Ledger("Loan drawn", 2, "LabDefaults"), 1e-3);
        double share = Deal.Ledger("Loan investment-grade balance", 6, "LabDefaults") / Deal.Ledger("Loan balance", 6, "LabDefaults");
        Assert.Equal(62.4 / 112.8, share, 1e-12);
    }
}
