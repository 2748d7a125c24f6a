namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// <c>if … then … else</c> expressions and dates in expressions (docs/language.md §7): a covenant threshold that
/// steps on a date, and a fee that grows with <c>years_between</c>, each worked by hand.
/// </summary>
public sealed class ConditionalExpressionTests
{
    // Annual, 30/360, 2025-12-31..2028-12-31; 10m of rent a year; one 50m bullet at 6% (3m a year).
    private const string Source = """
        deal Dated {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2025-12-31  term 3y }
          tranche Notes { balance 50m  coupon 6% }
          equity Eq { contributed 50m  holders Owner 100% }

          fee Servicer { years_between(2025-12-31, period_end) * 0.1m per year }
          test Floor = if period_end >= 2027-12-31 then 1.10x else 1.25x
          test Started = if period_start > 2025-12-31 then 1 else 0

          waterfall {
            pay Servicer
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void AThresholdStepsDownOnItsDate()
    {
        // Period ends 2026-12-31 (before 2027-12-31: 1.25x), 2027-12-31 and 2028-12-31 (on or after it: 1.10x).
        Assert.Equal(1.25, Deal.Ledger("Floor", 0));
        Assert.Equal(1.10, Deal.Ledger("Floor", 1));
        Assert.Equal(1.10, Deal.Ledger("Floor", 2));
    }

    [Fact]
    public void PeriodStartIsThePreviousPeriodsEnd()
    {
        // The first period starts on the closing date (not after it); the later ones after it.
        Assert.Equal(0.0, Deal.Ledger("Started", 0));
        Assert.Equal(1.0, Deal.Ledger("Started", 1));
    }

    [Fact]
    public void YearsBetweenIsTheDaysOver365()
    {
        // The fee per year is 0.1m x the years from closing to the period's end; a year's fraction of 1 (30/360):
        // 2026-12-31: 365 days -> 1.0 -> 0.1m; 2027-12-31: 730 -> 2.0 -> 0.2m; 2028-12-31 (2028 is a leap year):
        // 1096 days -> 1096/365 = 3.0027397 -> 0.30027397m.
        Assert.Equal(0.1e6, Deal.Ledger("1 pay Servicer paid", 0), 1e-6);
        Assert.Equal(0.2e6, Deal.Ledger("1 pay Servicer paid", 1), 1e-6);
        Assert.Equal(0.1e6 * 1096 / 365, Deal.Ledger("1 pay Servicer paid", 2), 1e-6);
    }
}
