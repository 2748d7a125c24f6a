namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lag-0 default without an enforcement waterfall (docs/language.md §9, "Enforcement begins"): the default period
/// runs the regular waterfall twice, before the sale and again over its proceeds, and its ledger row shows both
/// passes together, so that it reconciles: collections = Σ paid and moved (a pay step's due − paid = short still).
/// </summary>
public sealed class LagZeroLedgerTests
{
    // Quarterly, 30/360, 2025-01-01 to 2026-01-01. Rent 12m a year = 3m a quarter; a 100m bullet at 8%: 2m interest
    // a quarter. The shed is worth 50m throughout, below the 60m the default rule asks for, so the event of default
    // is at the end of the first quarter, and the sale (lag 0, haircut 20%: 50m × 0.8 = 40m) in that quarter too.
    private static string Deal(string secondStep) => $$"""
        deal Twice {
          currency USD  closing 2025-01-01  maturity 2026-01-01  pay quarterly  daycount 30/360
          party Tenant { }
          facility Shed { cost 150m  value schedule { 2025-01-01 50m } }
          lease Rent on Shed { lessee Tenant  rent 12m per year  starts 2025-01-01  term 1y }
          tranche Loan { balance 100m  coupon 8%  amortize bullet }
          equity Sponsor { contributed 1m }
          default when Shed.value < 60m
          waterfall { pay Loan.interest  {{secondStep}}  distribute rest to Sponsor }
          enforcement { sell Shed haircut 20% lag 0m }
        }
        """;

    [Fact]
    public void TheDefaultPeriodsPayColumnsShowBothPasses()
    {
        var deal = new SmallDeal(Deal("pay Loan.balance"));

        // First pass, over the rent (3m): interest due 2m, paid 2m; balance due 100m, paid the 1m left. Second pass,
        // over the sale's 40m: interest due 0 (paid), balance due 99m, paid 40m, 59m short. The row shows both:
        // interest due 2m + 0 = 2m, paid 2m; balance due 1m (first pass's paid) + 99m = 100m, paid 1m + 40m = 41m,
        // short 59m. Before, it showed the second pass only: interest 0 due and paid, balance 99m due and 40m paid,
        // so the row paid 40m of the 43m collected.
        Assert.Equal(40_000_000.00, deal.Ledger("sale proceeds", 0), 0.01);
        Assert.Equal(43_000_000.00, deal.Ledger("collections", 0), 0.01);
        Assert.Equal(2_000_000.00, deal.Ledger("1 pay Loan.interest due", 0), 0.01);
        Assert.Equal(2_000_000.00, deal.Ledger("1 pay Loan.interest paid", 0), 0.01);
        Assert.Equal(0.0, deal.Ledger("1 pay Loan.interest short", 0), 0.01);
        Assert.Equal(100_000_000.00, deal.Ledger("2 pay Loan.balance due", 0), 0.01);
        Assert.Equal(41_000_000.00, deal.Ledger("2 pay Loan.balance paid", 0), 0.01);
        Assert.Equal(59_000_000.00, deal.Ledger("2 pay Loan.balance short", 0), 0.01);
        Assert.Equal(0.0, deal.Ledger("3 distribute rest to Sponsor distributed", 0), 0.01);
        // The row reconciles: 43m collected = 2m + 41m + 0 paid; and so does the summary: 41m of principal paid.
        Assert.Equal(41_000_000.00, deal.Single.Tranches[0].PrincipalPaid, 0.01);
        Assert.Equal(2_000_000.00, deal.Single.Tranches[0].InterestPaid, 0.01);
    }

    [Fact]
    public void TheDefaultPeriodsDistributionShowsBothPasses()
    {
        var deal = new SmallDeal(Deal("pay Loan.principal"));

        // A bullet owes no scheduled principal, and `pay Loan.principal` is all the regular waterfall pays of it
        // (DL0472): the first pass pays the 2m interest and distributes the 1m left of the rent; the second pays
        // nothing and distributes the sale's 40m. The row shows 1m + 40m = 41m distributed (before: 40m), and the
        // 43m collected = 2m + 0 + 41m.
        Assert.Equal(43_000_000.00, deal.Ledger("collections", 0), 0.01);
        Assert.Equal(2_000_000.00, deal.Ledger("1 pay Loan.interest paid", 0), 0.01);
        Assert.Equal(0.0, deal.Ledger("2 pay Loan.principal paid", 0), 0.01);
        Assert.Equal(41_000_000.00, deal.Ledger("3 distribute rest to Sponsor distributed", 0), 0.01);
    }

    // The same shed and notes, no rent: 1,000 coins at 100k (depth 500, impact 10%) a sale step sells to cover the
    // interest. The default rule and the sale as above.
    private const string CoinsCover = """
        deal Twice {
          currency USD  closing 2025-01-01  maturity 2026-01-01  pay quarterly  daycount 30/360
          index BTC { level 100k per coin }
          coins Bitcoin { holdings 1000 coins  price BTC  depth 500 coins  impact 10% }
          facility Shed { cost 150m  value schedule { 2025-01-01 50m } }
          tranche Loan { balance 100m  coupon 8%  amortize bullet }
          equity Sponsor { contributed 1m }
          default when Shed.value < 60m
          waterfall { sell Bitcoin to cover Loan.interest  pay Loan.interest  pay Loan.balance  distribute rest to Sponsor }
          enforcement { sell Shed haircut 20% lag 0m }
        }
        """;

    [Fact]
    public void A_step_that_does_not_run_again_counts_its_first_pass_once()
    {
        var deal = new SmallDeal(CoinsCover);

        // First pass: nothing collected, so the step sells coins for the 2m of interest (k = 0.0002: q = 4m / (100k ×
        // (1 + sqrt(1 − 0.016))) = 20.0806 coins), which pays it; the balance's 100m is due, nothing paid. Second pass,
        // over the sale's 40m: no interest is owed, so the step sells nothing; the balance is paid 40m. The row: 2m
        // raised (not 2m + 2m: the step's amount starts the second pass at 0), interest 2m due and paid, balance due
        // 0 + 100m, paid 40m, 60m short; 42m collected = 2m + 40m.
        Assert.Equal(42_000_000.00, deal.Ledger("collections", 0), 0.01);
        Assert.Equal(2_000_000.00, deal.Ledger("1 sell Bitcoin to cover Loan.interest raised", 0), 0.01);
        Assert.Equal(2_000_000.00, deal.Single.Coins.Single().Proceeds, 0.01);
        Assert.Equal(2_000_000.00, deal.Ledger("2 pay Loan.interest paid", 0), 0.01);
        Assert.Equal(100_000_000.00, deal.Ledger("3 pay Loan.balance due", 0), 0.01);
        Assert.Equal(40_000_000.00, deal.Ledger("3 pay Loan.balance paid", 0), 0.01);
        Assert.Equal(60_000_000.00, deal.Ledger("3 pay Loan.balance short", 0), 0.01);
    }
}
