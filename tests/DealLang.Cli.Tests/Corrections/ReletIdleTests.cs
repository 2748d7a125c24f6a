using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Re-letting a repossessed fleet's idle units in enforcement (docs/language.md §9, "relet idle"): from the sale date the
/// units free at each period's start earn the spot rent, units × I_t × 8,760 × y'_t × R, and none is offered for sale
/// until the window ends; then the sale runs as before, and the units it leaves unsold (a reserve holding them back)
/// are re-let while they wait. The revenue is a collection of the enforcement waterfall; the fleet's opex stays due.
/// </summary>
public sealed class ReletIdleTests
{
    // Monthly, 30/360. 2,000 GPUs at 30k, market value 90% of cost with no decline of its own (27,000 a GPU), moved
    // only by its generation's index: 2.00 until 2026-09-01, then 2.50. Maintenance 2% a year (opex, due every period
    // on the units held). The loan's interest is 100m × 9% / 12 = 750,000 a month and the fleet earns nothing, so the
    // event of default is at the end of January and, with lag 0, the sale date is 2026-02-01. The market: depth 1,000
    // GPUs a month, impact 20%, at most 1,200 a month, costs 500 a GPU; haircut 10%. The sale re-lets the idle units at
    // 50% for 6 months: to 2026-08-01, so the sale's first period is July's (2026-07-01 to 2026-08-01, ending on it).
    // A re-let month of d days earns per unit 2.00 × 8,760 × d / 365 × 50% = 24 × d.
    internal const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      monthly
          daycount 30/360

          party Lab   { }
          party Owner { }
          index GpuRent { level 2.00 per gpu_hour  points stepped { 2026-09-01 2.50 per gpu_hour } }
          fleet Cluster {
            units 2000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            maintenance 2% per year
            generation GpuRent
            market_value 90% declining 0% per year
          }

          tranche Loan { balance 100m  coupon 9% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          default when Loan.interest_shortfall > 0
          enforcement {
            sell Cluster haircut 10% lag 0m  depth 1000 gpus per month  impact 20%  limit 1200 gpus per month  costs 500 per gpu  relet idle at 50% for 6m
            waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.balance  distribute rest to Eq }
          }

          waterfall {
            pay Cluster.opex
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Relet for Small { }
        scenario NotRelet for Small { enforcement not relet idle }
        scenario Shorter for Small { enforcement relet idle at 80% for 3m }
        scenario Reserved for Small { enforcement reserve 24k per gpu }
        """;

    // The same fleet with a contract on 500 of its GPUs at 1.00 a GPU-hour for 4 months (to 2026-05-01) that the lender
    // keeps running: January's 31 × 500 × 24 = 372,000 leaves the interest short, so the default is again at the end of
    // January.
    private static readonly string Contracted = Source
        .Replace("  tranche Loan", "  contract Compute on Cluster { customer Lab  units 500 gpus  price 1.00 per gpu_hour  hours 8760 hours per year"
            + "  take_or_pay 100%  starts 2026-01-01  term 4m }\n  tranche Loan", StringComparison.Ordinal)
        .Replace("relet idle at 50% for 6m", "keep contracts  relet idle at 50% for 6m", StringComparison.Ordinal);

    [Fact]
    public void TheFreeUnitsAreReletForTheWindowAndSoldAfterIt()
    {
        var deal = new SmallDeal(Source);

        // January, the default period: the sale date is its end, so nothing is re-let or sold in it.
        Assert.Equal(0.0, deal.Ledger("Cluster enforcement re-let revenue", 0, "Relet"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 0, "Relet"), 0.01);
        // February to June: the 2,000 GPUs re-let, 2,000 × 24 × days: 28 days 1,344,000; 31 days 1,488,000; 30 days
        // 1,440,000. None is sold.
        double[] days = [28, 31, 30, 31, 30];
        for (int t = 1; t <= 5; t++)
        {
            Assert.Equal(2000 * 24 * days[t - 1], deal.Ledger("Cluster enforcement re-let revenue", t, "Relet"), 0.01);
            Assert.Equal(0.0, deal.Ledger("sale proceeds", t, "Relet"), 0.01);
            Assert.Equal(2000.0, deal.Ledger("Cluster units", t, "Relet"), 6);
        }

        // July, ending on the window's end: re-let for its 31 days (1,488,000), then the sale's first period: 1,200 GPUs
        // at 27,000 × 0.9 × (1 − 20% × 1.2) − 500 = 17,968: 21,561,600.
        Assert.Equal(1_488_000.00, deal.Ledger("Cluster enforcement re-let revenue", 6, "Relet"), 0.01);
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 6, "Relet"), 0.01);
        // August: the 800 left were free at its start: 800 × 24 × 31 = 595,200; they are sold at 27,000 × 0.9 ×
        // (1 − 20% × 0.8) − 500 = 19,912: 15,929,600, and the run ends.
        Assert.Equal(595_200.00, deal.Ledger("Cluster enforcement re-let revenue", 7, "Relet"), 0.01);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 7, "Relet"), 0.01);
        Assert.Equal(8, deal.Outcomes["Relet"].Ledger!.Periods);
    }

    [Fact]
    public void TheReletRevenueIsACollectionOfTheEnforcementWaterfall()
    {
        var deal = new SmallDeal(Source);

        // March: collections are the re-let's 1,488,000 alone, and the enforcement waterfall pays all of it: the opex
        // (2,000 × 30,000 × 2% × 31 / 365.25 = 101,848.05) first, then the interest and the balance.
        const int t = 2;
        double collections = deal.Ledger("collections", t, "Relet");
        Assert.Equal(1_488_000.00, collections, 0.01);
        Assert.Equal(101_848.05, deal.Ledger("5 pay Cluster.opex paid", t, "Relet"), 0.01);
        double paid = deal.Ledger("5 pay Cluster.opex paid", t, "Relet") + deal.Ledger("6 pay Loan.interest paid", t, "Relet")
            + deal.Ledger("7 pay Loan.balance paid", t, "Relet") + deal.Ledger("8 distribute rest to Eq distributed", t, "Relet");
        Assert.Equal(collections, paid, 0.01);
    }

    [Fact]
    public void NotReletIdleSellsAtOnce_AndALeverChangesTheUtilisationAndWindow()
    {
        var deal = new SmallDeal(Source);

        // 'enforcement not relet idle': the sale starts in January, the default period (lag 0), as without a re-let.
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 0, "NotRelet"), 0.01);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 1, "NotRelet"), 0.01);
        Assert.Equal(0.0, deal.Ledger("Cluster enforcement re-let revenue", 1, "NotRelet"), 0.01);

        // 'relet idle at 80% for 3m': February earns 2,000 × 2.00 × 8,760 × 28 / 365 × 80% = 2,150,400; the window ends
        // on 2026-05-01, with April, which sells 1,200 (21,561,600); May re-lets the 800 left for 31 days at 80%,
        // 800 × 2.00 × 8,760 × 31 / 365 × 80% = 952,320, and sells them (15,929,600).
        Assert.Equal(2_150_400.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Shorter"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 2, "Shorter"), 0.01);
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 3, "Shorter"), 0.01);
        Assert.Equal(952_320.00, deal.Ledger("Cluster enforcement re-let revenue", 4, "Shorter"), 0.01);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 4, "Shorter"), 0.01);
    }

    [Fact]
    public void AWindowOfNoMonthsSellsAtOnceAndReletsOnlyTheUnitsThatWait()
    {
        // 'enforcement relet idle at 80% for 0m' (docs/language.md, "relet idle": a window of 0 months, the one way to
        // write "sell at once, re-let what waits"): the window ends on the sale date, 2026-02-01, so the sale's first
        // period is January's (ending on it), as 'not relet idle': 1,200 GPUs, 21,561,600. February: the 800 left were
        // free at its start and earn 800 × 2.00 × 8,760 × 28 / 365 × 80% = 860,160 while they wait, then are sold
        // (15,929,600). Without 'for' the window would run to the run's last period and nothing would be sold.
        var deal = new SmallDeal(Source + "\nscenario Immediate for Small { enforcement relet idle at 80% for 0m }\n");
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 0, "Immediate"), 0.01);
        Assert.Equal(0.0, deal.Ledger("Cluster enforcement re-let revenue", 0, "Immediate"), 0.01);
        Assert.Equal(860_160.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Immediate"), 0.01);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 1, "Immediate"), 0.01);
        Assert.Equal(deal.Ledger("sale proceeds", 0, "NotRelet"), deal.Ledger("sale proceeds", 0, "Immediate"));
        Assert.Equal(deal.Ledger("sale proceeds", 1, "NotRelet"), deal.Ledger("sale proceeds", 1, "Immediate"));
    }

    [Fact]
    public void UnitsAReserveHoldsBackAreReletWhileTheyWait()
    {
        var deal = new SmallDeal(Source);

        // Reserve 24,000. From July the sale offers 1,200 GPUs a month, but even the first would fetch 27,000 × 0.9 − 500
        // = 23,800: none is sold in July or August, and all 2,000 stay re-let: August 2,000 × 24 × 31 = 1,488,000.
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 6, "Reserved"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 7, "Reserved"), 0.01);
        Assert.Equal(1_488_000.00, deal.Ledger("Cluster enforcement re-let revenue", 7, "Reserved"), 0.01);
        // September reads 2.50 (a unit earns 2.50 × 8,760 × 30 / 365 × 50% = 900): 2,000 × 900 = 1,800,000. Its sale:
        // 30,375 a GPU before impact and costs, so floor(1,000 × (1 − 24,500 / 30,375) / 20%) = 967 are sold, at
        // 24,000.475: 23,208,459.33.
        Assert.Equal(1_800_000.00, deal.Ledger("Cluster enforcement re-let revenue", 8, "Reserved"), 0.01);
        Assert.Equal(23_208_459.33, deal.Ledger("sale proceeds", 8, "Reserved"), 0.01);
        // October: the 1,033 held back are re-let, 1,033 × 2.50 × 8,760 × 31 / 365 × 50% = 1,033 × 930 = 960,690; 967
        // more are sold (the same price). November re-lets the last 66 (66 × 900 = 59,400) and sells them.
        Assert.Equal(960_690.00, deal.Ledger("Cluster enforcement re-let revenue", 9, "Reserved"), 0.01);
        Assert.Equal(23_208_459.33, deal.Ledger("sale proceeds", 9, "Reserved"), 0.01);
        Assert.Equal(59_400.00, deal.Ledger("Cluster enforcement re-let revenue", 10, "Reserved"), 0.01);
        Assert.Equal(11, deal.Outcomes["Reserved"].Ledger!.Periods);
    }

    [Fact]
    public void TheSummarySumsTheReletRevenue()
    {
        // Summary-only (no ledger): the figures come from the run's buffers.
        var deal = new SmallDeal(Source, fullLedger: false);

        // Relet: 2,000 × 24 × (28 + 31 + 30 + 31 + 30 + 31) = 8,688,000 in the window, and August's 595,200.
        FleetSummary relet = deal.Outcomes["Relet"].Fleets.Single();
        Assert.Equal(9_283_200.00, relet.ReletRevenue, 0.01);
        Assert.Equal(2000.0, relet.UnitsSold, 6);
        // Reserved: 8,688,000 + 1,488,000 + 1,800,000 + 960,690 + 59,400 = 12,996,090.
        Assert.Equal(12_996_090.00, deal.Outcomes["Reserved"].Fleets.Single().ReletRevenue, 0.01);
        Assert.Equal(0.0, deal.Outcomes["NotRelet"].Fleets.Single().ReletRevenue);
    }

    [Fact]
    public void KeptContractsKeepTheirUnits_AndAContractsUnitsAreReletOnceItEnds()
    {
        var deal = new SmallDeal(Contracted);

        // February: the contract keeps its 500 GPUs (and pays 28 × 500 × 24 = 336,000); the 1,500 free at the start
        // are re-let: 1,500 × 24 × 28 = 1,008,000. April (30 days): 1,500 × 24 × 30 = 1,080,000; the contract ends on
        // its last day, 2026-05-01, so from May all 2,000 are free: 2,000 × 24 × 31 = 1,488,000.
        Assert.Equal(336_000.00, deal.Ledger("revenue Compute", 1, "Relet"), 0.01);
        Assert.Equal(1_008_000.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Relet"), 0.01);
        Assert.Equal(1_080_000.00, deal.Ledger("Cluster enforcement re-let revenue", 3, "Relet"), 0.01);
        Assert.Equal(0.0, deal.Ledger("revenue Compute", 4, "Relet"), 0.01);
        Assert.Equal(1_488_000.00, deal.Ledger("Cluster enforcement re-let revenue", 4, "Relet"), 0.01);
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 6, "Relet"), 0.01);
    }
}
