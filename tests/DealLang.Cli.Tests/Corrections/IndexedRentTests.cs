namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease's rent indexed to an index (<c>rent 100m per year indexed CPI</c>, docs/language.md §5 "lease", "Indexed
/// rent"): rent_t = the rent its terms give (escalator included) × CPI at the start of t / CPI on the lease's start, the
/// base under the deal's own terms. Each figure computed by hand: the rent, with an escalator, under a scenario's lever
/// on the index, on a Monte Carlo path that draws the index, a guarantor's ask, and the forward CFADS (the ratio held
/// at the test's period).
/// </summary>
public sealed class IndexedRentTests
{
    // Annual from 2026-01-01 to 2029-01-01 (periods 0-2), 30/360: each lease earns its annual rent each year. CPI is
    // 100 at the closing growing 3% a year, read at each period's start: 100 (2026-01-01), 100 × 1.03^(365/365) = 103
    // (2027-01-01), 100 × 1.03^(730/365) = 106.09 (2028-01-01). Both leases start at the closing: the base is 100.
    private const string Source = """
        deal Indexed {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Tenant { rating "B" pd 5% recovery 30% }
          party Parent { rating "A" pd 0.1% }
          party Owner  { }

          index CPI { level 100x  grow 3% per year }
          facility Site { cost 1bn  value straight_line 20y }
          lease Flat on Site {
            lessee    Tenant
            rent      100m per year indexed CPI
            starts    2026-01-01
            term      3y
            guarantor Parent cap 1bn
          }
          lease Stepped on Site { lessee Tenant  rent 100m per year escalating 2% per year indexed CPI  starts 2026-01-01  term 3y }

          tranche Notes { balance 100m  coupon 4% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 900m  holders Owner 100% }

          test Fwd = cfads over next 24m

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Indexed { }
        scenario Inflation for Indexed { CPI grow 6% per year }
        scenario Defaults for Indexed { Tenant defaults on 2027-01-01 }
        scenario Drawn for Indexed {
          paths 1
          seed 7
          CPI reverts to trend speed 50% per year volatility 20% per year
        }
        """;

    private const double Cent = 0.005;

    // SmallDeal runs every scenario with the cash check on: each period conserves cash.
    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void TheRentFollowsTheIndexFromItsLevelOnTheLeasesStart()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // 100m × 100/100, 100m × 103/100 = 103m (100m × 1.03^(365/365)), 100m × 106.09/100 = 106.09m.
        double[] expected = [100_000_000, 103_000_000, 106_090_000];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(expected[t], Deal.Value.Ledger("rent Flat", t, "Base"), Cent);
        }
    }

    [Fact]
    public void TheEscalatorAndTheIndexBothMultiply()
    {
        // 100m; 100m × 1.02 × 1.03 = 105.06m; 100m × 1.02² × 1.03² = 100m × 1.0404 × 1.0609 = 110.376036m.
        double[] expected = [100_000_000, 105_060_000, 110_376_036];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(expected[t], Deal.Value.Ledger("rent Stepped", t, "Base"), Cent);
        }
    }

    [Fact]
    public void AScenariosLeverOnTheIndexMovesTheRent()
    {
        // 'CPI grow 6% per year': 100, 106 (1.06^(365/365)), 112.36 (1.06^(730/365)); the base stays the deal's 100.
        double[] expected = [100_000_000, 106_000_000, 112_360_000];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(expected[t], Deal.Value.Ledger("rent Flat", t, "Inflation"), Cent);
        }
    }

    [Fact]
    public void OnADrawnPathTheRentFollowsThePathsLevel()
    {
        // Each period's rent is 100m × the path's CPI at the period's start / 100 (the deal's level on the start), and the
        // drawn levels are not the deterministic 103 and 106.09: the rent follows the draw, not the trend.
        for (int t = 0; t < 3; t++)
        {
            double level = Deal.Value.Ledger("CPI", t, "Drawn");
            Assert.Equal(100_000_000 * level / 100, Deal.Value.Ledger("rent Flat", t, "Drawn"), Cent);
        }

        Assert.NotEqual(103.0, Deal.Value.Ledger("CPI", 1, "Drawn"), 1e-6);
        Assert.NotEqual(103_000_000, Deal.Value.Ledger("rent Flat", 1, "Drawn"), 1.0);
    }

    [Fact]
    public void AGuarantorIsAskedForTheIndexedRent()
    {
        // The lessee defaults on 2027-01-01, the end of period 0: from period 1 Parent pays what Flat would have paid,
        // 103m then 106.09m; Stepped, unguaranteed, pays nothing.
        Assert.Equal(100_000_000, Deal.Value.Ledger("rent Flat", 0, "Defaults"), Cent);
        Assert.Equal(103_000_000, Deal.Value.Ledger("guarantor Flat", 1, "Defaults"), Cent);
        Assert.Equal(106_090_000, Deal.Value.Ledger("guarantor Flat", 2, "Defaults"), Cent);
        Assert.Equal(0.0, Deal.Value.Ledger("rent Stepped", 1, "Defaults"));
    }

    [Fact]
    public void TheForwardCfadsHoldsTheRatioAtTheTestsPeriod()
    {
        // At the end of period 0 the next 24 months are periods 1 and 2, at CPI now (100, ratio 1): Flat 100m + 100m,
        // Stepped 102m + 104.04m: 406.04m. At the end of period 1 the window is period 2 at CPI now (103, ratio 1.03):
        // (100m + 104.04m) × 1.03 = 210.1612m, not the 216.46m period 2 then earns at 106.09.
        Assert.Equal(406_040_000, Deal.Value.Ledger("Fwd", 0, "Base"), Cent);
        Assert.Equal(210_161_200, Deal.Value.Ledger("Fwd", 1, "Base"), Cent);
    }
}
