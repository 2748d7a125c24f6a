namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Market indices through the whole pipeline: a fee reading SOFR, a test reading a rent index in money per GPU-hour,
/// a trigger on the index, each period reading the level at its start, and the scenario levers, checked by hand. The
/// deal is annual, 30/360, from 2026-01-01 to 2030-01-01 (yf = 1); the loan's 100m amortises linearly, 25m a year.
/// </summary>
public sealed class IndexTests
{
    private const string Deal = """
        deal Floating {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Owner { }
          index SOFR { level 4%  deflate 10% per year }
          index Rent {
            level  2.00 per gpu_hour
            points stepped { 2028-01-01 1.50 per gpu_hour }
            launch 2029-01-01 down 20%
          }
          facility Gpus { cost 150m  value straight_line 6y }
          lease L on Gpus { lessee Owner  rent 60m per year  starts 2026-01-01  term 4y }

          fee Floating { SOFR of Loan.balance per year }
          tranche Loan { balance 100m  coupon 5%  amortize linear }
          equity Eq { contributed 50m  holders Owner 100% }

          test MarketRevenue = 1000 gpus * Rent * 8760 hours
          trigger RatesLow when SOFR < 3.5% => trap

          waterfall {
            pay Floating
            pay Loan.interest
            pay Loan.principal
            distribute rest to Eq
          }
        }

        scenario Base for Floating { }
        scenario Moved for Floating {
          SOFR level 6%
          SOFR shift -100bp
          Rent launch 2027-01-01 down 50%
        }
        """;

    [Fact]
    public void AFeeReadsTheLevelAtThePeriodsStart()
    {
        var deal = new SmallDeal(Deal);

        // Year 1 starts at the closing: 4% of 100m = 4m. Year 2 starts 2027-01-01, a year on: 4% × 0.9 = 3.6% of the
        // 75m left = 2.7m. Year 3 (730 days on: two years exactly): 4% × 0.81 = 3.24% of 50m = 1.62m. Year 4 starts
        // 1,096 days on (2028 is a leap year), 1096/365 = 3.00274 years in ACT/365F: 4% × 0.9^3.00274 = 4% × 0.728790
        // = 2.91516% of 25m = 728,789.60.
        Assert.Equal(4.0e6, deal.Ledger("1 pay Floating due", 0, "Base"), 4);
        Assert.Equal(2.7e6, deal.Ledger("1 pay Floating due", 1, "Base"), 4);
        Assert.Equal(1.62e6, deal.Ledger("1 pay Floating due", 2, "Base"), 4);
        Assert.Equal(728_789.598, deal.Ledger("1 pay Floating due", 3, "Base"), 2);
        Assert.Equal(0.0324, deal.Ledger("SOFR", 2, "Base"), 12);
    }

    [Fact]
    public void ATestReadsARentIndexAcrossItsPointAndLaunch()
    {
        var deal = new SmallDeal(Deal);

        // 1000 GPUs × 2.00 × 8760 hours = 17.52m in years 1 and 2; the point (2028-01-01) makes it 1.50: 13.14m in
        // year 3; the launch (2029-01-01) cuts 20%: 1.20 × 8760 × 1000 = 10.512m in year 4.
        double[] expected = [17.52e6, 17.52e6, 13.14e6, 10.512e6];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(expected[t], deal.Ledger("MarketRevenue", t, "Base"), 3);
        }

        Assert.Equal(1.2, deal.Ledger("Rent", 3, "Base"), 12);
    }

    [Fact]
    public void ATriggerOnTheIndexTripsWhenTheLevelFalls()
    {
        var deal = new SmallDeal(Deal);

        // SOFR: 4%, 3.6%, 3.24%, 2.915%: below 3.5% from year 3.
        Assert.Equal([0.0, 0.0, 1.0, 1.0], Enumerable.Range(0, 4).Select(t => deal.Ledger("RatesLow", t, "Base")));
    }

    [Fact]
    public void ScenarioLeversMoveTheLevelsAndWhatReadsThem()
    {
        var deal = new SmallDeal(Deal);

        // SOFR from 6%, shifted −1%: 5% in year 1 (5m on 100m); year 2: 6% × 0.9 − 1% = 4.4% of 75m = 3.3m.
        Assert.Equal(0.05, deal.Ledger("SOFR", 0, "Moved"), 12);
        Assert.Equal(5.0e6, deal.Ledger("1 pay Floating due", 0, "Moved"), 4);
        Assert.Equal(3.3e6, deal.Ledger("1 pay Floating due", 1, "Moved"), 4);

        // The added launch halves the rent index from 2027-01-01: 1.00 in year 2, 0.75 in year 3, 0.75 × 0.8 = 0.60 in year 4.
        Assert.Equal([2.0, 1.0, 0.75, 0.6], Enumerable.Range(0, 4).Select(t => Math.Round(deal.Ledger("Rent", t, "Moved"), 12)));
    }
}
