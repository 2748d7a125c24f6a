using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A re-let whose utilisation follows a curve (docs/language.md §9, "relet-curve"; a contract's §5,
/// "contract-relet-curve"): u_t = L_i + (L_{i+1} − L_i) × min(1, (m_t − M_i) / (M_{i+1} − M_i)), m_t the whole months
/// from the re-let's start to the day period t starts re-letting and i the last point at or before m_t, flat after the
/// last point. On <see cref="ReletIdleTests"/>' example for a sale's re-let of idle units (2,000 GPUs, GpuRent 2.00 until
/// 2026-09-01 then 2.50, monthly, the sale date 2026-02-01) and <see cref="ContractReletRampTests"/>' for a contract's
/// (1,200 H100s, the customer defaulting on 2026-02-01, the re-let starting on 2026-05-01). Every run checks that each
/// period conserves cash (SmallDeal).
/// </summary>
public sealed class ReletCurveTests
{
    private static string SaleRelet(string relet, string scenarios = "") =>
        ReletIdleTests.Source.Replace("relet idle at 50% for 6m", relet, StringComparison.Ordinal) + scenarios;

    private static string ContractRelet(string relet) =>
        ContractReletRampTests.Source.Replace("H100s relet after 3m at 30% rising to 80% over 12m price 85% of H100Rent", relet, StringComparison.Ordinal);

    [Fact]
    public void ASalesReletFollowsItsCurveMonthByMonth_FlatAfterItsLastPoint()
    {
        var deal = new SmallDeal(SaleRelet("relet idle at curve { 0m 20%  2m 50%  4m 60%  5m 80% } for 6m"));

        // u: February (m = 0) 20%; March (m = 1) 20% + 30% × 1 / 2 = 35%; April (m = 2) 50%; May (m = 3) 50% + 10% × 1 / 2 =
        // 55%; June (m = 4) 60%; July (m = 5) 80%. A unit at 100% earns 2.00 × 8,760 × d / 365 = 48 × d:
        //   February 2,000 × 48 × 28 × 20% =   537,600
        //   March    2,000 × 48 × 31 × 35% = 1,041,600
        //   April    2,000 × 48 × 30 × 50% = 1,440,000
        //   May      2,000 × 48 × 31 × 55% = 1,636,800
        //   June     2,000 × 48 × 30 × 60% = 1,728,000
        //   July     2,000 × 48 × 31 × 80% = 2,380,800
        double[] expected = [537_600, 1_041_600, 1_440_000, 1_636_800, 1_728_000, 2_380_800];
        for (int t = 1; t <= 6; t++)
        {
            Assert.Equal(expected[t - 1], deal.Ledger("Cluster enforcement re-let revenue", t, "Relet"), 0.01);
        }

        // July ends the window and sells 1,200 (21,561,600, whatever the utilisation); August (m = 6, past the last point)
        // re-lets the 800 left flat at 80%: 800 × 48 × 31 × 80% = 952,320.
        Assert.Equal(21_561_600.00, deal.Ledger("sale proceeds", 6, "Relet"), 0.01);
        Assert.Equal(952_320.00, deal.Ledger("Cluster enforcement re-let revenue", 7, "Relet"), 0.01);
    }

    [Fact]
    public void AContractsReletFollowsItsCurveFromItsStart_AtItsOwnPrice()
    {
        var deal = new SmallDeal(ContractRelet("H100s relet after 3m at curve { 0m 30%  3m 55%  9m 75%  15m 80% } price 85% of H100Rent"));

        // Idle from the default (2026-02-01) to the re-let's start (2026-05-01): February to April earn nothing.
        for (int t = 1; t <= 3; t++)
        {
            Assert.Equal(0.0, deal.Ledger("revenue H100s", t, "Walks"));
        }

        // From May (m = 0), 1,200 × u GPUs at work at 85% of H100Rent, each earning 24 × P a day (P × 8,760 / 365):
        //   May    (m = 0,  31 d, P = 1.70):  1,200 × 30%                  =  360: 360 × 24 × 1.70 × 31 =   455,328
        //   June   (m = 1,  30 d, 1.70):      1,200 × (30% + 25% × 1 / 3)  =  460: 460 × 24 × 1.70 × 30 =   563,040
        //   July   (m = 2,  31 d, 1.70):      1,200 × (30% + 25% × 2 / 3)  =  560: 560 × 24 × 1.70 × 31 =   708,288
        //   August (m = 3,  31 d, 1.70):      1,200 × 55%                  =  660: 660 × 24 × 1.70 × 31 =   834,768
        //   Sept.  (m = 4,  30 d, P = 2.125): 1,200 × (55% + 20% × 1 / 6)  =  700: 700 × 24 × 2.125 × 30 = 1,071,000
        //   Feb.27 (m = 9,  28 d, 2.125):     1,200 × 75%                  =  900: 900 × 24 × 2.125 × 28 = 1,285,200
        //   May 27 (m = 12, 31 d, 2.125):     1,200 × (75% + 5% × 3 / 6)   =  930: 930 × 24 × 2.125 × 31 = 1,470,330
        //   Aug.27 (m = 15, 31 d, 2.125):     1,200 × 80%                  =  960: 960 × 24 × 2.125 × 31 = 1,517,760
        //   Sept27 (m = 16, 30 d, 2.125):     flat after the last point, 960: 960 × 24 × 2.125 × 30 = 1,468,800
        (int T, double Revenue)[] expected =
            [(4, 455_328), (5, 563_040), (6, 708_288), (7, 834_768), (8, 1_071_000), (13, 1_285_200), (16, 1_470_330), (19, 1_517_760), (20, 1_468_800)];
        foreach ((int t, double revenue) in expected)
        {
            Assert.Equal(revenue, deal.Ledger("revenue H100s", t, "Walks"), 0.01);
        }

        // Nothing else is received: the re-let revenue is the period's collections, and the cash check held every period.
        for (int t = 4; t < 24; t++)
        {
            Assert.Equal(deal.Ledger("revenue H100s", t, "Walks"), deal.Ledger("collections", t, "Walks"), 1e-6);
        }
    }

    [Fact]
    public void ACurveOfTwoPointsIsTheStraightRampBitForBit()
    {
        // Each segment of a curve is computed as a straight ramp is (R0 + (R1 − R0) × min(1, m / M)), so a curve from R0
        // at 0m to R1 at Mm is that ramp to the bit, flat after M as the ramp holds its end.
        var curve = new SmallDeal(ContractRelet("H100s relet after 3m at curve { 0m 30%  12m 80% } price 85% of H100Rent"));
        var ramp = new SmallDeal(ContractReletRampTests.Source);
        for (int t = 0; t < 24; t++)
        {
            Assert.Equal(ramp.Ledger("revenue H100s", t, "Walks"), curve.Ledger("revenue H100s", t, "Walks"));
            Assert.Equal(ramp.Ledger("collections", t, "Walks"), curve.Ledger("collections", t, "Walks"));
        }

        // The same for a sale's re-let of idle units, its own and a scenario's lever.
        string levers = """

            scenario Curved for Small { enforcement relet idle at curve { 0m 80%  12m 20% } for 6m }
            scenario Ramped for Small { enforcement relet idle at 80% rising to 20% over 12m for 6m }
            """;
        var saleCurve = new SmallDeal(SaleRelet("relet idle at curve { 0m 20%  6m 80% } for 6m", levers));
        var saleRamp = new SmallDeal(SaleRelet("relet idle at 20% rising to 80% over 6m for 6m", levers));
        for (int t = 0; t < saleRamp.Outcomes["Relet"].Ledger!.Periods; t++)
        {
            Assert.Equal(saleRamp.Ledger("Cluster enforcement re-let revenue", t, "Relet"), saleCurve.Ledger("Cluster enforcement re-let revenue", t, "Relet"));
            Assert.Equal(saleRamp.Ledger("Cluster enforcement re-let revenue", t, "Reserved"), saleCurve.Ledger("Cluster enforcement re-let revenue", t, "Reserved"));
            Assert.Equal(saleCurve.Ledger("Cluster enforcement re-let revenue", t, "Ramped"), saleCurve.Ledger("Cluster enforcement re-let revenue", t, "Curved"));
        }
    }

    [Fact]
    public void AScenariosFlatOrStraightLeverReplacesTheSalesCurve()
    {
        // The lever restates the whole shape: the example's 'enforcement relet idle at 80% for 3m' re-lets flat at 80%
        // (February 2,000 × 48 × 28 × 80% = 2,150,400; March 2,000 × 48 × 31 × 80% = 2,380,800), not along the sale's curve
        // (whose February is at 20%: 2,000 × 48 × 28 × 20% = 537,600).
        var deal = new SmallDeal(SaleRelet("relet idle at curve { 0m 20%  2m 50% } for 6m"));
        Assert.Equal(2_150_400.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Shorter"), 0.01);
        Assert.Equal(2_380_800.00, deal.Ledger("Cluster enforcement re-let revenue", 2, "Shorter"), 0.01);
        Assert.Equal(537_600.00, deal.Ledger("Cluster enforcement re-let revenue", 1, "Relet"), 0.01);
    }

    [Fact]
    public void AMonteCarloPathsDrawnIndexPricesTheReletAlongItsCurve()
    {
        // H100Rent drawn per period (a GBM at 60% a year): each re-let month earns 1,200 × u_t × 0.85 × H100Rent_t × 24 × d
        // with H100Rent_t the ledger's (its level at the period's start on this path) and u_t on the curve: 30%, then 30% +
        // 25% × m / 3 to 55% at m = 3, then 55% + 20% × (m − 3) / 6.
        string source = ContractReletRampTests.Source + """

            scenario Drawn for Neo {
              paths 1
              seed  7
              H100Rent gbm drift 0% per year volatility 60% per year
              Anchor defaults on 2026-02-01
              H100s relet after 3m at curve { 0m 30%  3m 55%  9m 75% } price 85% of H100Rent
            }
            """;
        var deal = new SmallDeal(source);
        double[] days = [31, 30, 31, 31, 30, 31];
        double[] utilisation = [0.30, 0.30 + (0.25 / 3), 0.30 + (0.25 * 2 / 3), 0.55, 0.55 + (0.20 / 6), 0.55 + (0.20 * 2 / 6)];
        for (int t = 4; t <= 9; t++)
        {
            double index = deal.Ledger("H100Rent", t, "Drawn");
            Assert.Equal(1200 * utilisation[t - 4] * 0.85 * index * 24 * days[t - 4], deal.Ledger("revenue H100s", t, "Drawn"), 1e-6);
        }

        // The drawn levels moved: the path is not the deterministic one.
        Assert.NotEqual(2.00, deal.Ledger("H100Rent", 5, "Drawn"));
    }
}
