namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A re-let whose utilisation ramps over its window and whose price is its own (docs/language.md §9, "relet-ramp"), on
/// <see cref="ReletIdleTests"/>' example: 2,000 GPUs, GpuRent 2.00 until 2026-09-01 then 2.50, monthly, the sale date
/// 2026-02-01. RL_t = u_t × P_t × 8,760 × y'_t, with u_t = R0 + (R1 − R0) × min(1, m_t / M), m_t the whole months from
/// the sale date to the period's start, and P_t = max(0, share × I_t + spread).
/// </summary>
public sealed class ReletRampTests
{
    private static string Relet(string relet, string scenarios = "") =>
        ReletIdleTests.Source.Replace("relet idle at 50% for 6m", relet, StringComparison.Ordinal) + scenarios;

    // Another index of money per GPU-hour, for a price that is not the fleet's generation.
    private static string WithSpot(string source) =>
        source.Replace("  fleet Cluster {", "  index Spot { level 1.60 per gpu_hour }\n  fleet Cluster {", StringComparison.Ordinal);

    [Fact]
    public void TheUtilisationRampsMonthByMonthFromTheSaleDate()
    {
        var deal = new SmallDeal(Relet("relet idle at 20% rising to 80% over 6m for 6m"));

        // u = 20% + 60% × m / 6: February (m = 0) 20%, March 30%, April 40%, May 50%, June 60%, July 70%. A unit at 100%
        // earns 2.00 × 8,760 × d / 365 = 48 × d: February 2,000 × 48 × 28 × 20% = 537,600; March 2,000 × 48 × 31 × 30% =
        // 892,800; April 2,000 × 48 × 30 × 40% = 1,152,000; May 2,000 × 48 × 31 × 50% = 1,488,000; June 2,000 × 48 × 30 ×
        // 60% = 1,728,000; July 2,000 × 48 × 31 × 70% = 2,083,200.
        double[] expected = [537_600, 892_800, 1_152_000, 1_488_000, 1_728_000, 2_083_200];
        for (int t = 1; t <= 6; t++)
        {
            Assert.Equal(expected[t - 1], deal.Ledger("Cluster enforcement re-let revenue", t, "Relet"), 0.01);
        }

        // July ends the window and sells 1,200 (21,561,600, as without a ramp); August (m = 6) re-lets the 800 left at the
        // ramp's end, 80%: 800 × 48 × 31 × 80% = 952,320, and sells them (15,929,600).
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 6, "Relet"), 0.01);
        Assert.Equal(952_320.00, deal.Ledger("Cluster enforcement re-let revenue", 7, "Relet"), 0.01);
        Assert.Equal(15_929_600.00, deal.Ledger("sale proceeds", 7, "Relet"), 0.01);
    }

    [Fact]
    public void AFadingRampRunsPastTheWindowWhileAReserveHoldsUnitsBack()
    {
        // 80% falling to 20% over 12 months, a 6-month window, and the reserve 24,000 holding every unit back until
        // September: August (m = 6) is at 80% − 60% × 6 / 12 = 50%, 2,000 × 48 × 31 × 50% = 1,488,000; September (m = 7,
        // 2.50: a unit at 100% earns 2.50 × 8,760 × 30 / 365 = 1,800) at 45%: 2,000 × 1,800 × 45% = 1,620,000.
        var deal = new SmallDeal(Relet("relet idle at 80% rising to 20% over 12m for 6m"));
        Assert.Equal(1_488_000.00, deal.Ledger("Cluster enforcement re-let revenue", 7, "Reserved"), 0.01);
        Assert.Equal(1_620_000.00, deal.Ledger("Cluster enforcement re-let revenue", 8, "Reserved"), 0.01);
    }

    [Fact]
    public void AShareOfTheIndexAndTheIndexLessASpreadPriceTheRelet()
    {
        var share = new SmallDeal(Relet("relet idle at 50% for 6m price 85% of GpuRent"));
        var spread = new SmallDeal(Relet("relet idle at 50% for 6m price GpuRent - 0.30"));

        // At 2.00 both are 1.70: February 2,000 × 1.70 × 8,760 × 28 / 365 × 50% = 1,142,400 (85% of the plain re-let's
        // 1,344,000).
        Assert.Equal(1_142_400.00, share.Ledger("Cluster enforcement re-let revenue", 1, "Relet"), 0.01);
        Assert.Equal(1_142_400.00, spread.Ledger("Cluster enforcement re-let revenue", 1, "Relet"), 0.01);
        // At 2.50 (September, the reserve holding every unit back) they part: 85% of 2.50 is 2.125, 2,000 × 2.125 × 8,760 ×
        // 30 / 365 × 50% = 1,530,000; 2.50 − 0.30 = 2.20, 2,000 × 2.20 × 360 = 1,584,000.
        Assert.Equal(1_530_000.00, share.Ledger("Cluster enforcement re-let revenue", 8, "Reserved"), 0.01);
        Assert.Equal(1_584_000.00, spread.Ledger("Cluster enforcement re-let revenue", 8, "Reserved"), 0.01);
        // The sale itself is the market's, whatever the re-let's price: July sells 1,200 for 21,561,600.
        Assert.Equal(21_561_600.00, share.Ledger("sale proceeds", 6, "Relet"), 0.01);
    }

    [Fact]
    public void ALeverSetsTheRampAndThePrice_AndWithoutAPriceKeepsTheSales()
    {
        string scenarios = """

            scenario Ramped for Small { enforcement relet idle at 20% rising to 80% over 6m for 6m price GpuRent - 0.30 }
            scenario OtherIndex for Small { enforcement relet idle at 50% for 3m price Spot }
            scenario Flat for Small { enforcement relet idle at 50% for 3m }
            """;
        var deal = new SmallDeal(WithSpot(Relet("relet idle at 50% for 6m price 85% of GpuRent", scenarios)));

        // Ramped: March (m = 1) at 30% and 1.70: 2,000 × 1.70 × 8,760 × 31 / 365 × 30% = 758,880.
        Assert.Equal(758_880.00, deal.Ledger("Cluster enforcement re-let revenue", 2, "Ramped"), 0.01);
        // OtherIndex: Spot's 1.60, February 2,000 × 1.60 × 8,760 × 28 / 365 × 50% = 1,075,200.
        Assert.Equal(1_075_200.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "OtherIndex"), 0.01);
        // Flat: the sale's own 85% of GpuRent (1.70), at 50% with no ramp: February 1,142,400 as above; March 2,000 ×
        // 1.70 × 8,760 × 31 / 365 × 50% = 2,000 × 632.40 = 1,264,800.
        Assert.Equal(1_142_400.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Flat"), 0.01);
        Assert.Equal(1_264_800.00, deal.Ledger("Cluster enforcement re-let revenue", 2, "Flat"), 0.01);
    }

    [Fact]
    public void AMonteCarloPathsDrawnIndexPricesTheRelet()
    {
        // Spot drawn per period (a GBM at 60% a year); the re-let at 85% of it, ramping from 20% to 80% over 6 months:
        // each re-let month earns 2,000 × 0.85 × Spot_t × 8,760 × d / 365 × u_t with Spot_t the ledger's (its level at the
        // period's start on this path).
        string source = WithSpot(Relet("relet idle at 20% rising to 80% over 6m for 6m price 85% of Spot")) + """

            scenario Drawn for Small {
              paths 1
              seed  7
              Spot gbm drift 0% per year volatility 60% per year
            }
            """;
        var deal = new SmallDeal(source);
        double[] days = [28, 31, 30, 31, 30, 31];
        for (int t = 1; t <= 6; t++)
        {
            double spot = deal.Ledger("Spot", t, "Drawn");
            double utilisation = 0.20 + (0.60 * (t - 1) / 6);
            Assert.Equal(2000 * 0.85 * spot * 8760 * days[t - 1] / 365 * utilisation, deal.Ledger("Cluster enforcement re-let revenue", t, "Drawn"), 1e-6);
        }

        // The drawn levels moved: the path is not the deterministic one.
        Assert.NotEqual(1.60, deal.Ledger("Spot", 3, "Drawn"));
    }
}
