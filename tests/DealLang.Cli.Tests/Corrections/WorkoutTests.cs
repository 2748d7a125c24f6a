using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The workout of a GPU fleet with compute contracts (docs/language.md §9, "keep contracts" and "reserve"): a lender
/// keeping the contracts running sells only the idle units, and the units freed as each contract ends, while the
/// contracts keep paying into the enforcement waterfall; a reserve holds units back from a month whose price would
/// be below it, until the market recovers or the workout's horizon.
/// </summary>
public sealed class WorkoutTests
{
    // Monthly, 30/360. 3,000 GPUs at 30k, market value 90% of cost with no decline of its own (27,000 a GPU), moved
    // only by its generation's index: 2.00 until 2026-03-01, then 2.50 (× 2.50 / 2.00: 33,750 a GPU from March).
    // One contract takes 1,000 GPUs at 1.00 per GPU-hour, 8,760 hours a year, take-or-pay 100%, for three months
    // (2026-01-01 to 2026-04-01): 1,000 × 1.00 × 8760 × days / 365 = 24,000 a day. No opex. The loan's interest is
    // 100m × 9% / 12 = 750,000 a month; January's revenue, 31 × 24,000 = 744,000, leaves 6,000 short, so the event of
    // default is at the end of January and, with lag 0, the sale starts at once (the lender keeping the contract).
    // The market: depth 1,000 GPUs a month, impact 20%, at most 1,200 a month, costs 500 a GPU; haircut 10%.
    private const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      monthly
          daycount 30/360

          party Lab   { }
          party Owner { }
          index GpuPrice { level 2.00 per gpu_hour  points stepped { 2026-03-01 2.50 per gpu_hour } }
          fleet Cluster {
            units 3000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            generation GpuPrice
            market_value 90% declining 0% per year
          }
          contract Compute on Cluster {
            customer    Lab
            units       1000 gpus
            price       1.00 per gpu_hour
            hours       8760 hours per year
            take_or_pay 100%
            starts      2026-01-01
            term        3m
          }

          tranche Loan { balance 100m  coupon 9% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          default when Loan.interest_shortfall > 0
          enforcement {
            sell Cluster haircut 10% lag 0m  depth 1000 gpus per month  impact 20%  limit 1200 gpus per month  costs 500 per gpu  keep contracts
            waterfall { pay Cluster.opex  pay Loan.interest  pay Loan.balance  distribute rest to Eq }
          }

          waterfall {
            pay Cluster.opex
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Kept for Small { }
        scenario SellAll for Small { enforcement sell all }
        scenario Reserved for Small { enforcement reserve 24k per gpu }
        scenario NeverMet for Small { enforcement reserve 40k per gpu }
        """;

    [Fact]
    public void AKeptContractKeepsPayingInFullAfterEnforcement()
    {
        var deal = new SmallDeal(Source);

        // January sells only idle units: 2,000 idle, at most 1,200: the price is cut by 20% × 1,200 / 1,000 = 24%:
        // 27,000 × 0.9 × 0.76 − 500 = 17,968 a GPU; 1,200 × 17,968 = 21,561,600. 1,800 GPUs left, the contract's 1,000
        // among them.
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 0, "Kept"), 0.01);
        Assert.Equal(1800.0, deal.Ledger("Cluster units", 0, "Kept"), 6);
        // February (28 days): the contract still takes its 1,000 GPUs and pays in full, 28 × 24,000 = 672,000 (not
        // cut by the share of the fleet sold); the 800 idle GPUs left are sold at 27,000 × 0.9 × (1 − 20% × 0.8) − 500
        // = 19,912 a GPU: 15,929,600.
        Assert.Equal(672_000.00, deal.Ledger("revenue Compute", 1, "Kept"), 0.01);
        Assert.Equal(1000.0, deal.Ledger("Compute units", 1, "Kept"), 6);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 1, "Kept"), 0.01);
        Assert.Equal(1000.0, deal.Ledger("Cluster units", 1, "Kept"), 6);
        // The contract's receipts enter the enforcement waterfall. January's enforcement pass paid the 6,000 of interest
        // left short and 21,561,600 − 6,000 = 21,555,600 of the balance: 78,444,400 is left, so February's interest is
        // 78,444,400 × 9% / 12 = 588,333.00, paid from the contract's 672,000 and the sale's proceeds.
        Assert.Equal(588_333.00, deal.Ledger("6 pay Loan.interest paid", 1, "Kept"), 0.01);
    }

    [Fact]
    public void UnitsFreedAtAContractsEndAreSoldThen()
    {
        var deal = new SmallDeal(Source);

        // March (31 days): the contract pays 31 × 24,000 = 744,000 and ends on 2026-04-01, the period's end, so its
        // 1,000 GPUs are free at the end of March and sold then, at March's index (2.50): 33,750 × 0.9 × (1 − 20% ×
        // 1.0) − 500 = 23,800 a GPU: 23,800,000. Nothing is left, so the run ends with March.
        Assert.Equal(744_000.00, deal.Ledger("revenue Compute", 2, "Kept"), 0.01);
        Assert.Equal(23_800_000.00, deal.Ledger("sale proceeds", 2, "Kept"), 0.01);
        Assert.Equal(3, deal.Outcomes["Kept"].Ledger!.Periods);
        // 21,561,600 + 15,929,600 + 23,800,000 = 61,291,200.
        Assert.Equal(61_291_200.00, deal.Outcomes["Kept"].Events.SaleProceeds, 0.01);
    }

    [Fact]
    public void SellingAllTakesTheContractsRevenueWithTheUnits()
    {
        var deal = new SmallDeal(Source);

        // 'enforcement sell all': January sells 1,200 of the 3,000 GPUs (21,561,600), so the contract keeps 60% of its
        // units: February earns 672,000 × 0.6 = 403,200 and sells 1,200 more; March earns 744,000 × 0.2 = 148,800 and
        // sells the 600 left at 33,750 × 0.9 × (1 − 20% × 0.6) − 500 = 26,230 a GPU: 15,738,000.
        Assert.Equal(403_200.00, deal.Ledger("revenue Compute", 1, "SellAll"), 0.01);
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 1, "SellAll"), 0.01);
        Assert.Equal(148_800.00, deal.Ledger("revenue Compute", 2, "SellAll"), 0.01);
        Assert.Equal(15_738_000.00, deal.Ledger("sale proceeds", 2, "SellAll"), 0.01);
        Assert.Equal(58_861_200.00, deal.Outcomes["SellAll"].Events.SaleProceeds, 0.01);
    }

    [Fact]
    public void AReserveHoldsTheUnitsInAMonthWhosePriceWouldFallBelowIt()
    {
        var deal = new SmallDeal(Source);

        // Reserve 24,000. In January and February even the first GPU would fetch 27,000 × 0.9 − 500 = 23,800: below
        // the reserve, so none is sold and the fleet keeps its 3,000 GPUs (and pays their opex).
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 0, "Reserved"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 1, "Reserved"), 0.01);
        Assert.Equal(3000.0, deal.Ledger("Cluster units", 1, "Reserved"), 6);
        // In March the index has risen to 2.50: 33,750 × 0.9 = 30,375 a GPU before impact and costs. The 1,200 offered
        // would fetch 30,375 × 0.76 − 500 = 22,585, below the reserve; the most sold at or above it is
        // floor(1,000 × (1 − (24,000 + 500) / 30,375) / 20%) = floor(967.08) = 967, at 30,375 × (1 − 20% × 0.967) − 500
        // = 24,000.475 a GPU: 967 × 24,000.475 = 23,208,459.33.
        Assert.Equal(23_208_459.33, deal.Ledger("sale proceeds", 2, "Reserved"), 0.01);
        Assert.Equal(2033.0, deal.Ledger("Cluster units", 2, "Reserved"), 6);
    }

    [Fact]
    public void UnitsAReserveNeverLetsGoAreSoldAtTheHorizonWhateverThePrice()
    {
        var deal = new SmallDeal(Source);

        // Reserve 40,000: never met (at most 33,750 × 0.9 − 500 = 29,875). The workout's horizon: 12 monthly periods
        // to the maturity, then 240 (10 years of lag and 10 of sale; the contract ends before the maturity). In the last
        // period, 252, all 3,000 GPUs are sold at 30,375 × (1 − 20% × 3) − 500 = 11,650: 34,950,000.
        ScenarioOutcome never = deal.Outcomes["NeverMet"];
        Assert.Equal(252, never.Ledger!.Periods);
        Assert.Equal(34_950_000.00, deal.Ledger("sale proceeds", 251, "NeverMet"), 0.01);
        Assert.Equal(34_950_000.00, never.Events.SaleProceeds, 0.01);
    }

    [Fact]
    public void TheSummaryShowsTheUnitsKeptSoldAndHeldAndTheContractsRevenueInTheSale()
    {
        // Summary-only (no ledger): the figures come from the run's buffers.
        var deal = new SmallDeal(Source, fullLedger: false);

        // Kept: 1,000 GPUs kept running when the sale began; all 3,000 sold, for 61,291,200; none held by a reserve;
        // the contract paid 744,000 + 672,000 + 744,000 = 2,160,000 in the sale's three months.
        FleetSummary kept = deal.Outcomes["Kept"].Fleets.Single();
        Assert.Equal(1000.0, kept.UnitsKept, 6);
        Assert.Equal(3000.0, kept.UnitsSold, 6);
        Assert.Equal(61_291_200.00, kept.SaleProceeds, 0.01);
        Assert.Equal(0.0, kept.UnitsHeld);
        Assert.Equal(0, kept.PeriodsHeld);
        Assert.Equal(2_160_000.00, kept.SaleRevenue, 0.01);

        // Sell all: nothing kept; the contract paid 744,000 + 403,200 + 148,800 = 1,296,000.
        FleetSummary all = deal.Outcomes["SellAll"].Fleets.Single();
        Assert.Equal(0.0, all.UnitsKept);
        Assert.Equal(1_296_000.00, all.SaleRevenue, 0.01);

        // Reserved: 1,200 held in January and February, 233 in March (1,200 − 967), then April offers 1,200 of the
        // 2,033 left and sells 967 again (same price), May 967 of 1,066, June the 99 left: held in 5 periods, at most 1,200.
        FleetSummary reserved = deal.Outcomes["Reserved"].Fleets.Single();
        Assert.Equal(1200.0, reserved.UnitsHeld, 6);
        Assert.Equal(5, reserved.PeriodsHeld);
        Assert.Equal(3000.0, reserved.UnitsSold, 6);
    }

    // The contract signed but starting on 2026-03-01, for March only: January earns nothing, so the whole interest is
    // short and the event of default is at the end of January, before the contract starts.
    [Fact]
    public void AContractSignedButNotYetStartedKeepsItsUnits()
    {
        var deal = new SmallDeal(Source
            .Replace("starts      2026-01-01", "starts      2026-03-01", StringComparison.Ordinal)
            .Replace("term        3m", "term        1m", StringComparison.Ordinal));

        // January and February offer only the 2,000 GPUs no contract will take: 1,200 (21,561,600) and the 800 left
        // (15,929,600), as when the contract was running.
        Assert.Equal(0.0, deal.Ledger("revenue Compute", 0, "Kept"), 0.01);
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 0, "Kept"), 0.01);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 1, "Kept"), 0.01);
        // March: the contract runs on the 1,000 GPUs kept for it and pays in full, 31 × 24,000 = 744,000; it ends with
        // the month, and its units are sold at 23,800: 23,800,000.
        Assert.Equal(744_000.00, deal.Ledger("revenue Compute", 2, "Kept"), 0.01);
        Assert.Equal(23_800_000.00, deal.Ledger("sale proceeds", 2, "Kept"), 0.01);
    }

    // A contract ending long after the maturity (2041, the maturity 2027): the workout's horizon makes room for it to
    // end and then for 10 years of sale: 168 months from the maturity to its end + 120 = 288 monthly periods after
    // the maturity, more than the 240 of a market sale alone.
    [Fact]
    public void TheWorkoutHasRoomForTheLastContractToEndAndItsUnitsToBeSold()
    {
        var deal = new SmallDeal(Source.Replace("term        3m", "term        15y", StringComparison.Ordinal), fullLedger: false);
        Assert.Equal(12 + 288, deal.Description.Periods);
    }
}
