namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// <c>Dm of X</c>, a duration's worth of a per-period flow (docs/language.md §6, "6m of X"): X × (D / months per
/// period), months counted as written, years as 12 months, days and weeks at 365.25 / 12 days a month (not rounded to
/// whole months). With any other left side <c>of</c> is plain multiplication. SmallDeal runs with the cash check on.
/// </summary>
public sealed class DurationOfTests
{
    // A 100m bullet at 8%, 30/360, from 2026-01-01 for two years: each quarter's debt service is its interest,
    // 100m x 8% x 90/360 = 2m (a half-year's 4m semiannually). The rent (12m a year) pays it.
    private static SmallDeal Deal(string pay) => new($$"""
        deal Worth {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      {{pay}}
          daycount 30/360

          party Tenant { }
          party Owner  { }
          facility Site { cost 150m  value schedule { 2026-01-01 150m } }
          lease L on Site { lessee Tenant  rent 12m per year  starts 2026-01-01  term 5y }
          tranche Notes { balance 100m  coupon 8%  amortize bullet }
          equity Sponsor { contributed 50m  holders Owner 100% }

          test SixMonths = 6m of debt_service
          test AYear = 1y of Notes.interest
          test NinetyDays = 90d of debt_service
          test TwoWeeks = 2w of debt_service
          test OnePercent = 1% of Site.value

          waterfall { pay Notes.interest  pay Notes.principal  distribute rest to Sponsor }
        }
        """);

    // Quarterly (3 months a period): 6m is two quarters' 2m = 4m; 1y four quarters' = 8m; 90d = 90 / 30.4375 =
    // 2.956879 months, 0.985626 of a quarter: 1,971,252.57; 2w = 14 / 30.4375 = 0.459959 months: 2m x 0.153320 =
    // 306,639.29; 1% of the site's 150m is 1.5m.
    [Fact]
    public void QuarterlyADurationIsItsShareOfTheQuartersFlow()
    {
        var deal = Deal("quarterly");
        const double monthDays = 365.25 / 12;
        Assert.Equal(2e6, deal.Ledger("Notes interest due", 0), 1e-6);
        Assert.Equal(4e6, deal.Ledger("SixMonths", 0), 1e-6);
        Assert.Equal(8e6, deal.Ledger("AYear", 0), 1e-6);
        Assert.Equal(2e6 * (90 / monthDays) / 3, deal.Ledger("NinetyDays", 0), 1e-6);
        Assert.Equal(1_971_252.57, deal.Ledger("NinetyDays", 0), 0.005);
        Assert.Equal(2e6 * (14 / monthDays) / 3, deal.Ledger("TwoWeeks", 0), 1e-6);
        Assert.Equal(1.5e6, deal.Ledger("OnePercent", 0), 1e-6);
    }

    // Semiannual (6 months a period): 6m is one period's 4m, 1y two periods' 8m: the same amounts a year's worth of
    // debt service comes to whatever the frequency.
    [Fact]
    public void SemiannuallySixMonthsIsOnePeriod()
    {
        var deal = Deal("semiannual");
        Assert.Equal(4e6, deal.Ledger("Notes interest due", 0), 1e-6);
        Assert.Equal(4e6, deal.Ledger("SixMonths", 0), 1e-6);
        Assert.Equal(8e6, deal.Ledger("AYear", 0), 1e-6);
    }
}
