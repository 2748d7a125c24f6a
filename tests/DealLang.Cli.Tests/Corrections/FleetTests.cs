using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A GPU fleet end to end (docs/language.md §5 "fleet", §9 "The repo market"): its opex due like a fee, deducted
/// from cfads and paid by <c>pay F.opex</c>; and on enforcement its units sold month by month into a market of a
/// given depth, the price falling with the month's volume, less removal costs.
/// </summary>
public sealed class FleetTests
{
    // SmallFleetDeal with the hall leased at 12m a year: 1m a month of rent.
    private static readonly string OpexSource = SmallFleetDeal.Text(
        loanBalance: "5m", lease: SmallFleetDeal.HallLease, tests: "test Cash  = cfads\n  test Units = Cluster.units");

    [Fact]
    public void OpexIsPowerAndMaintenanceDueLikeAFeeAndPaidByTheWaterfall()
    {
        var deal = new SmallDeal(OpexSource);

        // January, 31 days: power 1,000 GPUs × 1 kW × 1.5 × 0.1 per kWh × 24 h × 31 days = 111,600.00; maintenance
        // 20m × 3% × 31 / 365.25 = 50,924.02. Opex 162,524.02, paid in full from the month's 1m of rent.
        Assert.Equal(162_524.02, deal.Ledger("Cluster opex", 0), 0.01);
        Assert.Equal(162_524.02, deal.Ledger("1 pay Cluster.opex paid", 0), 0.01);
        // cfads = collections − opex = 1,000,000 − 162,524.02 = 837,475.98.
        Assert.Equal(837_475.98, deal.Ledger("Cash", 0), 0.01);
        // February, 28 days: power 111,600 × 28 / 31 = 100,800.00; maintenance 20m × 3% × 28 / 365.25 = 45,995.89.
        Assert.Equal(146_795.89, deal.Ledger("Cluster opex", 1), 0.01);
        Assert.Equal(1000.0, deal.Ledger("Units", 0));
    }

    // Monthly, 30/360, no income: the note's first interest goes unpaid, so the event of default is at the end of
    // January, and with a lag of 0 the sale starts at once. 3,000 GPUs at 30k; the market value stays at 90% of cost
    // (declining 0% a year): 27,000 a GPU. The market: depth 1,000 GPUs a month, impact 20%, at most 1,200 a month,
    // costs 500 a GPU; haircut 10%.
    private const string MarketSource = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      monthly
          daycount 30/360

          party Owner { }
          fleet Cluster {
            units 3000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            market_value 90% declining 0% per year
          }

          tranche Loan { balance 100m  coupon 9% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          default when Loan.interest_shortfall > 0
          enforcement {
            sell Cluster haircut 10% lag 0m  depth 1000 gpus per month  impact 20%  limit 1200 gpus per month  costs 500 per gpu
            waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.balance  distribute rest to Eq }
          }

          waterfall {
            pay Cluster.opex
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Base for Small { }
        scenario Thin for Small { enforcement depth 600 gpus per month  costs 800 per gpu }
        """;

    [Fact]
    public void UnitsSoldIntoTheRepoMarketMonthByMonthFetchALowerPriceTheMoreEachMonthSells()
    {
        var deal = new SmallDeal(MarketSource);

        // Months 1 and 2 sell the limit, 1,200 GPUs: the price is cut by 20% × 1,200 / 1,000 = 24%:
        // 27,000 × (1 − 10%) × (1 − 0.24) − 500 = 18,468 − 500 = 17,968 a GPU; 1,200 × 17,968 = 21,561,600.
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 0, "Base"), 0.01);
        Assert.Equal(1800.0, deal.Ledger("Cluster units", 0, "Base"));
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 1, "Base"), 0.01);
        // Month 3 sells the 600 left, cut by 20% × 600 / 1,000 = 12%: 27,000 × 0.9 × 0.88 − 500 = 20,884 a GPU;
        // 600 × 20,884 = 12,530,400. The run ends with the sale: 21,561,600 × 2 + 12,530,400 = 55,653,600.
        Assert.Equal(12_530_400.00, deal.Ledger("sale proceeds", 2, "Base"), 0.01);
        Assert.Equal(55_653_600.00, deal.Outcomes["Base"].Events.SaleProceeds, 0.01);
        Assert.Equal(3, deal.Outcomes["Base"].Ledger!.Periods);
    }

    [Fact]
    public void AThinnerMarketAndDearerRemovalAreScenarioLevers()
    {
        var deal = new SmallDeal(MarketSource);

        // Depth 600, costs 800: 1,200 a month cuts the price by 20% × 2 = 40%: 27,000 × 0.9 × 0.6 − 800 = 13,780;
        // 1,200 × 13,780 = 16,536,000 in months 1 and 2; then 600 at 20% × 1 = 20% off: 27,000 × 0.9 × 0.8 − 800
        // = 18,640; 600 × 18,640 = 11,184,000. Total 44,256,000.
        Assert.Equal(16_536_000.00, deal.Ledger("sale proceeds", 0, "Thin"), 0.01);
        Assert.Equal(11_184_000.00, deal.Ledger("sale proceeds", 2, "Thin"), 0.01);
        Assert.Equal(44_256_000.00, deal.Outcomes["Thin"].Events.SaleProceeds, 0.01);
    }

    // Annual, 30/360. The rent index stays at 2.00 until a new generation's launch on 2027-06-30 cuts it by 20%; the
    // index is read at each period's start. 100 GPUs at 30k at closing, market value 90% of cost with no decline of
    // its own, so only the index moves it.
    private const string GenerationSource = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Owner { }
          index H100Rent { level 2.00 per gpu_hour  launch 2027-06-30 down 20% }
          fleet Cluster {
            units 100 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            generation H100Rent
            market_value 90% declining 0% per year
          }

          tranche Loan { balance 1m  coupon 5% }
          equity  Eq   { contributed 2m  holders Owner 100% }
          waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.principal  distribute rest to Eq }
        }
        """;

    [Fact]
    public void AGenerationLaunchStepsTheMarketValueDown()
    {
        var deal = new SmallDeal(GenerationSource);

        // Delivered at closing, so measured from the level of the first period, 2.00. Periods 1 and 2 read 2.00:
        // 100 × 30,000 × 90% × 2.00 / 2.00 = 2,700,000. Period 3 starts on 2028-01-01, after the launch: the index
        // reads 2.00 × (1 − 20%) = 1.60, and the value 2,700,000 × 1.60 / 2.00 = 2,160,000.
        Assert.Equal(2_700_000.00, deal.Ledger("Cluster market value", 0), 0.01);
        Assert.Equal(2_700_000.00, deal.Ledger("Cluster market value", 1), 0.01);
        Assert.Equal(2_160_000.00, deal.Ledger("Cluster market value", 2), 0.01);
        // The book value does not follow the index: 3m × (1 − 3 years / 6) = 1.5m at the end of year 3 (1,096 days:
        // 3m × (1 − 1096 / 365.25 / 6) = 1,499,657.77).
        Assert.Equal(1_499_657.77, deal.Ledger("Cluster book value", 2), 0.01);
    }

    [Fact]
    public void TheSummaryCountsTheGpusTheRepoMarketSoldAndWhatTheyFetched()
    {
        // Summary-only (no ledger): the figures come from the run's buffers.
        var deal = new SmallDeal(MarketSource, fullLedger: false);
        FleetSummary cluster = deal.Outcomes["Base"].Fleets.Single();

        // 1,200 + 1,200 + 600 = 3,000 GPUs sold for 21,561,600 × 2 + 12,530,400 = 55,653,600 (as above); none left.
        Assert.Equal(3000.0, cluster.UnitsSold);
        Assert.Equal(55_653_600.00, cluster.SaleProceeds, 0.01);
        Assert.Equal(0.0, cluster.Units);
        // The run ended in March, before the maturity's period: nothing held then.
        Assert.Equal(0.0, cluster.MarketValue);
        Assert.Equal(0.0, cluster.BookValue);
    }

    [Fact]
    public void TheSummaryGivesAFleetsValuesAtTheLastScheduledPeriod()
    {
        var deal = new SmallDeal(GenerationSource, fullLedger: false);
        FleetSummary cluster = deal.Single.Fleets.Single();

        // No sale: 0 sold, the 100 GPUs held. At the end of year 3 (the maturity): market 2,700,000 × 1.60 / 2.00 =
        // 2,160,000; book 3m × (1 − 1096 / 365.25 / 6) = 1,499,657.77 (as above).
        Assert.Equal(0.0, cluster.UnitsSold);
        Assert.Equal(0.0, cluster.SaleProceeds);
        Assert.Equal(100.0, cluster.Units);
        Assert.Equal(2_160_000.00, cluster.MarketValue, 0.01);
        Assert.Equal(1_499_657.77, cluster.BookValue, 0.01);
    }
}
