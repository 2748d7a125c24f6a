namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An indexed rent's terms as CPI-linked leases write them (<c>indexed CPI yearly floor 1% cap 4% lag 3m</c>,
/// docs/language.md §5 "lease", "Indexed rent"): a lag reads the index a whole number of periods early (the deal's history
/// before the closing), <c>yearly</c> resets the ratio on the first period start on or after each anniversary and holds it,
/// a floor and a cap hold each reset's change. Each figure computed by hand, through the generated code compiled and run
/// with the cash check on: the rents per term, a scenario's falling index against the floor, a drawn path, the forward
/// CFADS (the ratio held at the test's period) and a guarantor's ask.
/// </summary>
public sealed class IndexationTermsTests
{
    // Quarterly from 2026-01-01 to 2029-01-01 (periods 0-11, period t starting 2026-01-01 + 3t months), 30/360: a rent of
    // 4m a year is 1m a quarter before its index. CPI has stepped points and no drift, so each period's level is exact:
    // t 0-2 (2026-01/04/07) 100; t 3 (2026-10-01) 103; t 4-6 (2027-01/04/07) 105; t 7 (2027-10-01) 109; t 8-11 111.
    // Every lease starts at the closing; the base is CPI on 2026-01-01 (100), or with 'lag 3m' on 2025-10-01 (100, the
    // level before the first point).
    private const string Source = """
        deal Cpi {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { rating "B" pd 5% recovery 30% }
          party Parent { rating "A" pd 0.1% }
          party Owner  { }

          index CPI { level 100x  points stepped { 2026-10-01 103x  2027-01-01 105x  2027-10-01 109x  2028-01-01 111x } }
          facility Site { cost 1bn  value straight_line 20y }
          lease Every    on Site { lessee Tenant  rent 4m per year indexed CPI  starts 2026-01-01  term 3y }
          lease Lagged   on Site { lessee Tenant  rent 4m per year indexed CPI lag 3m  starts 2026-01-01  term 3y }
          lease Yearly   on Site { lessee Tenant  rent 4m per year indexed CPI yearly  starts 2026-01-01  term 3y }
          lease Collared on Site {
            lessee    Tenant
            rent      4m per year indexed CPI lag 3m cap 4% yearly floor 1%
            starts    2026-01-01
            term      3y
            guarantor Parent cap 1bn
          }

          tranche Notes { balance 10m  coupon 4% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 990m  holders Owner 100% }

          test Fwd = cfads over next 12m

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Cpi { }
        scenario Falling for Cpi { CPI points stepped { 2026-10-01 103x  2027-10-01 101x } }
        scenario Defaults for Cpi { Tenant defaults on 2027-07-01 }
        scenario Drawn for Cpi {
          paths 1
          seed 11
          CPI reverts to trend speed 50% per year volatility 20% per year
        }
        """;

    private const double Cent = 0.005;

    // SmallDeal runs every scenario with the cash check on: each period conserves cash.
    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private static void AssertRents(string lease, double[] perQuarter, string scenario = "Base")
    {
        for (int t = 0; t < perQuarter.Length; t++)
        {
            Assert.True(Math.Abs(perQuarter[t] - Deal.Value.Ledger("rent " + lease, t, scenario)) <= Cent,
                $"rent {lease} in period {t} of {scenario}: expected {perQuarter[t]}, got {Deal.Value.Ledger("rent " + lease, t, scenario)}");
        }
    }

    [Fact]
    public void WithoutTermsTheRatioIsReadEveryPeriod()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // 1m × CPI at each period's start / 100: 1m (t 0-2), 1.03m (t 3), 1.05m (t 4-6), 1.09m (t 7), 1.11m (t 8-11).
        AssertRents("Every", [1e6, 1e6, 1e6, 1.03e6, 1.05e6, 1.05e6, 1.05e6, 1.09e6, 1.11e6, 1.11e6, 1.11e6, 1.11e6]);
    }

    [Fact]
    public void ALagReadsTheIndexAWholeNumberOfPeriodsEarly()
    {
        // 'lag 3m' on quarterly periods: period t reads CPI at the start of t − 1; period 0 reads 2025-10-01, before the
        // closing, the index's level then under the deal's terms (100). Over the base on 2025-10-01 (100): 1m (t 0-3, reading
        // 100, 100, 100, 100), 1.03m (t 4 reads t 3's 103), 1.05m (t 5-7 read t 4-6's 105), 1.09m (t 8 reads t 7's 109),
        // 1.11m (t 9-11).
        AssertRents("Lagged", [1e6, 1e6, 1e6, 1e6, 1.03e6, 1.05e6, 1.05e6, 1.05e6, 1.09e6, 1.11e6, 1.11e6, 1.11e6]);
    }

    [Fact]
    public void AYearlyRatioIsResetOnTheAnniversariesAndHeld()
    {
        // The lease year's first period reads CPI, and the ratio holds for the year: 1m (t 0-3: the first lease year pays
        // the rent as written), 105 / 100 → 1.05m (t 4-7; t 7's 109 is not read), 111 / 100 → 1.11m (t 8-11).
        AssertRents("Yearly", [1e6, 1e6, 1e6, 1e6, 1.05e6, 1.05e6, 1.05e6, 1.05e6, 1.11e6, 1.11e6, 1.11e6, 1.11e6]);
    }

    [Fact]
    public void ACollarHoldsEachResetsChangeBetweenTheFloorAndTheCap()
    {
        // 'yearly floor 1% cap 4% lag 3m', the parts in any order. First anniversary (t 4) reads t 3's 103: 103 / 100 (the
        // base) = 1.03, inside [1.01, 1.04]: 1.03m. Second (t 8) reads t 7's 109: 109 / 103 = 1.058252, capped at 1.04:
        // 1.03 × 1.04 = 1.0712 → 1.0712m.
        AssertRents("Collared", [1e6, 1e6, 1e6, 1e6, 1.03e6, 1.03e6, 1.03e6, 1.03e6, 1.0712e6, 1.0712e6, 1.0712e6, 1.0712e6]);
    }

    [Fact]
    public void AFallingIndexIsHeldAtTheFloor()
    {
        // 'Falling' moves the points: t 3-6 read 103, t 7-11 read 101. Collared: t 4 reads 103, 1.03; t 8 reads t 7's 101:
        // 101 / 103 = 0.980583, floored at 1.01: 1.03 × 1.01 = 1.0403 → 1.0403m. Yearly, uncollared, falls with the index:
        // 103 / 100 → 1.03m, then 101 / 100 → 1.01m.
        AssertRents("Collared", [1e6, 1e6, 1e6, 1e6, 1.03e6, 1.03e6, 1.03e6, 1.03e6, 1.0403e6, 1.0403e6, 1.0403e6, 1.0403e6], "Falling");
        AssertRents("Yearly", [1e6, 1e6, 1e6, 1e6, 1.03e6, 1.03e6, 1.03e6, 1.03e6, 1.01e6, 1.01e6, 1.01e6, 1.01e6], "Falling");
    }

    [Fact]
    public void OnADrawnPathTheResetsLagsAndCollarReadThePathsLevels()
    {
        // The path's CPI per period (the ledger's measure) through the formulas of docs/language.md: the lagged lease reads
        // the level one period earlier (100, the deal's history, in period 0); the collared one resets at t 4 and t 8 on the
        // level one period earlier, its change over the last reset's level (the base, 100, at the first) held in [1.01, 1.04].
        double[] cpi = [.. Enumerable.Range(0, 12).Select(t => Deal.Value.Ledger("CPI", t, "Drawn"))];
        double ratio = 1, last = 100;
        for (int t = 0; t < 12; t++)
        {
            double lagged = t == 0 ? 100 : Math.Max(0, cpi[t - 1]);
            Assert.Equal(1e6 * lagged / 100, Deal.Value.Ledger("rent Lagged", t, "Drawn"), Cent);
            if (t is 4 or 8)
            {
                ratio *= Math.Clamp(last > 0 ? lagged / last : 1, 1.01, 1.04);
                last = lagged;
            }

            Assert.Equal(1e6 * ratio, Deal.Value.Ledger("rent Collared", t, "Drawn"), Cent);
        }

        // The draws are not the points (t 3 would be 103), and the collar has bitten on this path: its ratio is not the
        // uncollared 105-style ratio of the lagged level.
        Assert.NotEqual(103.0, cpi[3], 1e-6);
        Assert.NotEqual(1e6 * cpi[7] / 100, Deal.Value.Ledger("rent Collared", 8, "Drawn"), 1.0);
    }

    [Fact]
    public void TheForwardCfadsHoldsEachRatioAtTheTestsPeriod()
    {
        // At the end of period 4 the next 12 months are periods 5-8, 1m a quarter a lease, at each ratio of period 4:
        // Every 105 / 100 and Yearly 1.05 (4 × 1.05m = 4.2m each), Lagged 103 / 100 and Collared 1.03 (4.12m each):
        // 16.64m, though period 8 then earns Yearly's 1.11m and Collared's 1.0712m.
        Assert.Equal(16_640_000, Deal.Value.Ledger("Fwd", 4, "Base"), Cent);
    }

    [Fact]
    public void AGuarantorIsAskedForTheCollaredRent()
    {
        // The lessee defaults on 2027-07-01, the end of period 5: from period 6 Parent pays what Collared would have paid,
        // 1.03m (t 6-7), then 1.0712m (t 8-11); the other leases, unguaranteed, pay nothing.
        Assert.Equal(1_030_000, Deal.Value.Ledger("rent Collared", 5, "Defaults"), Cent);
        Assert.Equal(1_030_000, Deal.Value.Ledger("guarantor Collared", 6, "Defaults"), Cent);
        Assert.Equal(1_071_200, Deal.Value.Ledger("guarantor Collared", 8, "Defaults"), Cent);
        Assert.Equal(0.0, Deal.Value.Ledger("rent Yearly", 6, "Defaults"));
    }
}
