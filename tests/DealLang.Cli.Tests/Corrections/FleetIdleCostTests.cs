namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fleet's <c>idle_cost</c> (docs/language.md §5 "fleet", "Idle cost"): an idle unit costs that share of its power
/// and maintenance, over the period's days, so opex = the full figure × (unit-days in use + idle_cost × idle unit-days)
/// / unit-days held, a contract's units in use for the days of the period it runs. <c>idle_units</c> stays the count at
/// the period's end. Every deal runs with the cash check on (SmallDeal).
/// </summary>
public sealed class FleetIdleCostTests
{
    // SmallFleetDeal with its contract: the lab takes 600 of the 1,000 GPUs for two months from the closing, so it
    // runs on 2026-01-01 to 2026-02-28, takes its units at January's end and not at February's (its end day,
    // 2026-03-01, is not one it runs on).
    private static string ContractDeal(string idleCost) => SmallFleetDeal.Text(
        loanBalance: "1m", contract: SmallFleetDeal.Job, idleCost: idleCost, tests: "test Idle = Cluster.idle_units");

    [Fact]
    public void AnIdleUnitCostsItsShareOfPowerAndMaintenance()
    {
        var deal = new SmallDeal(ContractDeal("idle_cost 20%"));

        // January, 31 days, in full: power 1,000 × 1 kW × 1.5 × 0.1 × 24 h × 31 = 111,600.00; maintenance
        // 20m × 3% × 31 / 365.25 = 50,924.02; together 162,524.02. 600 units in use, 400 idle: × (600 + 20% × 400)
        // / 1,000 = 0.68, so 110,516.34, paid in full and deducted from cfads as opex always is.
        Assert.Equal(400.0, deal.Ledger("Idle", 0));
        Assert.Equal(110_516.34, deal.Ledger("Cluster opex", 0), 0.01);
        Assert.Equal(110_516.34, deal.Ledger("1 pay Cluster.opex paid", 0), 0.01);
        // February, 28 days, in full: power 111,600 × 28 / 31 = 100,800.00; maintenance 20m × 3% × 28 / 365.25 =
        // 45,995.89; together 146,795.89. The contract runs every day of February (to 2026-03-01, its end day), so
        // its 600 units are in use for the whole period: × 0.68 = 99,821.21, though idle_units, the count at the
        // period's end (the day it stops), is all 1,000.
        Assert.Equal(1000.0, deal.Ledger("Idle", 1));
        Assert.Equal(99_821.21, deal.Ledger("Cluster opex", 1), 0.01);
        // March, 31 days, every unit idle: 162,524.02 × 20% = 32,504.80.
        Assert.Equal(32_504.80, deal.Ledger("Cluster opex", 2), 0.01);
    }

    [Fact]
    public void WithoutTheTermOrAtOneHundredPercentEveryUnitCostsInFull()
    {
        var written = new SmallDeal(ContractDeal(""));
        var full = new SmallDeal(ContractDeal("idle_cost 100%"));

        // January 162,524.02, February 146,795.89, March 162,524.02 (the figures above, at full cost), idle or not.
        double[] expected = [162_524.02, 146_795.89, 162_524.02];
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], written.Ledger("Cluster opex", t), 0.01);
            Assert.Equal(written.Ledger("Cluster opex", t), full.Ledger("Cluster opex", t));
        }
    }

    [Fact]
    public void AtZeroAnIdleUnitCostsNothing()
    {
        var deal = new SmallDeal(ContractDeal("idle_cost 0%"));

        // January and February: only the 600 units in use all month cost anything: 162,524.02 × 600 / 1,000 =
        // 97,514.41 and 146,795.89 × 0.6 = 88,077.54; then in March every unit is idle every day.
        Assert.Equal(97_514.41, deal.Ledger("Cluster opex", 0), 0.01);
        Assert.Equal(88_077.54, deal.Ledger("Cluster opex", 1), 0.01);
        Assert.Equal(0.0, deal.Ledger("Cluster opex", 2));
    }

    [Fact]
    public void AContractEndingAThirdOfTheWayThroughAPeriodIsInUseForAThirdOfItsDays()
    {
        // The same fleet from 2026-04-01, a contract for 600 units from 2026-04-11 for two months (to 2026-06-11).
        string source = ContractDeal("idle_cost 15%")
            .Replace("closing  2026-01-01", "closing  2026-04-01", StringComparison.Ordinal)
            .Replace("maturity 2026-04-01", "maturity 2026-07-01", StringComparison.Ordinal)
            .Replace("starts 2026-01-01  term 2m", "starts 2026-04-11  term 2m", StringComparison.Ordinal);
        var deal = new SmallDeal(source);

        // June, 30 days, in full: power 1,000 × 1 kW × 1.5 × 0.1 × 24 h × 30 = 108,000.00; maintenance
        // 20m × 3% × 30 / 365.25 = 49,281.31; together 157,281.31. The contract runs June 1 to June 11, 10 days of 30:
        // unit-days held 1,000 × 30 = 30,000, in use 600 × 10 = 6,000, idle 24,000; × (6,000 + 15% × 24,000) / 30,000
        // = 0.32, so 50,330.02 (the period-end count, every unit idle at June's end, gave 15%: 23,592.20).
        Assert.Equal(1000.0, deal.Ledger("Idle", 2));
        Assert.Equal(50_330.02, deal.Ledger("Cluster opex", 2), 0.01);
        // April, 30 days, 157,281.31 in full: in use from April 11, 20 days: (600 × 20 + 15% × (30,000 − 12,000)) /
        // 30,000 = 0.49, so 77,067.84; idle_units at April's end 400.
        Assert.Equal(400.0, deal.Ledger("Idle", 0));
        Assert.Equal(77_067.84, deal.Ledger("Cluster opex", 0), 0.01);
        // May, 31 days, in use every day: 162,524.02 × (600 + 15% × 400) / 1,000 = 0.66, so 107,265.86.
        Assert.Equal(107_265.86, deal.Ledger("Cluster opex", 1), 0.01);
    }

    // The same fleet with no contract, so every unit is idle, beside the hall leased at 12m a year (1m a month): a
    // forward cfads over the next two months counts the fleet's opex over them at this period's share of its full cost.
    private static string ForwardDeal(string idleCost) => SmallFleetDeal.Text(
        loanBalance: "5m", lease: SmallFleetDeal.HallLease, idleCost: idleCost, tests: "test Ahead = cfads over next 2m");

    [Fact]
    public void AFleetWithoutContractsIsIdleAndAForwardCfadsCountsItsIdleCost()
    {
        var idle = new SmallDeal(ForwardDeal("idle_cost 20%"));
        var full = new SmallDeal(ForwardDeal(""));

        // No contract takes a unit, so every unit is idle: January's opex 162,524.02 × 20% = 32,504.80.
        Assert.Equal(32_504.80, idle.Ledger("Cluster opex", 0), 0.01);
        // January's forward cfads deducts February's and March's opex, 146,795.89 + 162,524.02 = 309,319.92 in full;
        // at 20% it deducts 80% of that less: 247,455.93 more cfads ahead, the lease's rent the same in both.
        Assert.Equal(247_455.93, idle.Ledger("Ahead", 0) - full.Ledger("Ahead", 0), 0.01);
    }
}
