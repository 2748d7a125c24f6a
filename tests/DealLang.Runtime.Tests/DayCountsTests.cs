using DealLang.TestSupport;

namespace DealLang.Runtime.Tests;

public class DayCountsTests
{
    [Fact]
    public void Thirty360_semiannual_coupon_period_is_exactly_one_half()
    {
        // 2025-11-30 -> 2026-05-30: 360·1 + 30·(5 − 11) + (30 − 30) = 180 days; 180/360 = 0.5.
        Date start = new(2025, 11, 30);
        Date end = new(2026, 5, 30);
        Assert.Equal(180, DayCounts.DayCountNumerator(DayCount.Thirty360, start, end));
        Assert.Equal(0.5, DayCounts.YearFraction(DayCount.Thirty360, start, end));
    }

    [Fact]
    public void A_27_3bn_note_at_6_581_percent_pays_898_306_500_for_that_half_year()
    {
        // By hand: 27,300,000,000 × 0.06581 = 1,796,613,000; × 0.5 = 898,306,500.00.
        Date start = new(2025, 11, 30);
        Date end = new(2026, 5, 30);

        // Exact path: decimal money with the integer day count.
        decimal exact = 27_300_000_000m * 0.06581m * DayCounts.DayCountNumerator(DayCount.Thirty360, start, end)
            / DayCounts.Denominator(DayCount.Thirty360);
        Assert.Equal(898_306_500.00m, exact);

        // Double path: 0.06581 is not representable in binary, so the raw product is 898,306,499.9999999;
        // it is right to the cent, which is what a cash flow is rounded to.
        double approx = 27_300_000_000d * 0.06581 * DayCounts.YearFraction(DayCount.Thirty360, start, end);
        Assert.Equal(898_306_500.00, Math.Round(approx, 2, MidpointRounding.ToEven));
    }

    [Fact]
    public void Thirty360_one_month_from_the_30th_is_one_twelfth()
    {
        // 2025-10-30 -> 2025-11-30: 30·1 + 0 = 30 days; 30/360 = 1/12.
        Assert.Equal(30, DayCounts.DayCountNumerator(DayCount.Thirty360, new Date(2025, 10, 30), new Date(2025, 11, 30)));
        Assert.Equal(1.0 / 12, DayCounts.YearFraction(DayCount.Thirty360, new Date(2025, 10, 30), new Date(2025, 11, 30)));
    }

    [Theory]
    // ISDA 4.16(f) by hand: D1 = 31 -> 30; D2 = 31 -> 30 only if D1 (after that) is 30.
    [InlineData("2024-01-31", "2024-03-31", 60)] // D1 31->30, D2 31->30: 30·2 + 0
    [InlineData("2024-01-30", "2024-03-31", 60)] // D1 30, D2 31->30: 30·2 + 0
    [InlineData("2024-01-15", "2024-03-31", 76)] // D2 stays 31: 30·2 + 16
    [InlineData("2024-02-29", "2024-03-31", 32)] // no February rule: D1 29, D2 stays 31: 30 + 2
    [InlineData("2024-02-28", "2024-08-31", 183)] // D2 stays 31: 30·6 + 3
    [InlineData("2023-12-31", "2024-12-31", 360)]
    [InlineData("2025-03-15", "2025-03-15", 0)]
    public void Thirty360_us_bond_basis(string start, string end, int days)
    {
        Assert.Equal(days, DayCounts.DayCountNumerator(DayCount.Thirty360, Iso(start), Iso(end)));
        Assert.Equal(days / 360.0, DayCounts.YearFraction(DayCount.Thirty360, Iso(start), Iso(end)));
    }

    [Theory]
    // 30E/360 by hand: every 31st becomes the 30th, on either side.
    [InlineData("2024-01-31", "2024-03-31", 60)]
    [InlineData("2024-01-15", "2024-03-31", 75)] // differs from US 30/360 (76)
    [InlineData("2024-02-29", "2024-03-31", 31)] // differs from US 30/360 (32)
    [InlineData("2024-03-31", "2024-04-30", 30)]
    [InlineData("2013-01-01", "2013-01-31", 29)]
    [InlineData("2013-01-31", "2013-02-01", 1)]
    public void Thirty360E_eurobond_basis(string start, string end, int days)
    {
        Assert.Equal(days, DayCounts.DayCountNumerator(DayCount.Thirty360E, Iso(start), Iso(end)));
        Assert.Equal(days / 360.0, DayCounts.YearFraction(DayCount.Thirty360E, Iso(start), Iso(end)));
    }

    [Fact]
    public void Act365F_over_a_leap_year_is_366_over_365()
    {
        // 2024 has 366 days and ACT/365F never changes its denominator.
        Assert.Equal(366, DayCounts.DayCountNumerator(DayCount.Act365F, new Date(2024, 1, 1), new Date(2025, 1, 1)));
        Assert.Equal(366.0 / 365, DayCounts.YearFraction(DayCount.Act365F, new Date(2024, 1, 1), new Date(2025, 1, 1)));
    }

    [Fact]
    public void Act360_counts_actual_days()
    {
        // 2025-01-01 -> 2025-07-01: 31+28+31+30+31+30 = 181 days.
        Assert.Equal(181, DayCounts.DayCountNumerator(DayCount.Act360, new Date(2025, 1, 1), new Date(2025, 7, 1)));
        Assert.Equal(181.0 / 360, DayCounts.YearFraction(DayCount.Act360, new Date(2025, 1, 1), new Date(2025, 7, 1)));
    }

    [Fact]
    public void ActAct_isda_splits_at_the_year_end()
    {
        // 2023-07-01 -> 2024-01-01 is 184 days of common 2023; 2024-01-01 -> 2024-07-01 is 182 days of leap 2024.
        double expected = (184.0 / 365) + (182.0 / 366);
        Assert.Equal(expected, DayCounts.YearFraction(DayCount.ActAct, new Date(2023, 7, 1), new Date(2024, 7, 1)), 15);
        Assert.Equal(366, DayCounts.DayCountNumerator(DayCount.ActAct, new Date(2023, 7, 1), new Date(2024, 7, 1)));
    }

    [Theory]
    [InlineData("2024-01-01", "2025-01-01", 1.0)] // a whole leap year is one year
    [InlineData("2023-01-01", "2024-01-01", 1.0)]
    [InlineData("2024-03-01", "2024-04-01", 31.0 / 366)]
    [InlineData("2023-03-01", "2023-04-01", 31.0 / 365)]
    [InlineData("2012-12-30", "2013-01-09", (2.0 / 366) + (8.0 / 365))] // the first ACTUS pam13 accrual
    [InlineData("2022-07-01", "2025-07-01", (184.0 / 365) + 2 + (181.0 / 365))] // two whole years in the middle
    public void ActAct_isda_by_hand(string start, string end, double expected) =>
        Assert.Equal(expected, DayCounts.YearFraction(DayCount.ActAct, Iso(start), Iso(end)), 14);

    [Theory]
    [InlineData(DayCount.Thirty360)]
    [InlineData(DayCount.Thirty360E)]
    [InlineData(DayCount.Act360)]
    [InlineData(DayCount.Act365F)]
    [InlineData(DayCount.ActAct)]
    public void Reversed_ranges_negate_and_empty_ranges_are_zero(DayCount dc)
    {
        Date a = new(2023, 7, 31);
        Date b = new(2024, 3, 31);
        Assert.Equal(-DayCounts.YearFraction(dc, a, b), DayCounts.YearFraction(dc, b, a));
        Assert.Equal(-DayCounts.DayCountNumerator(dc, a, b), DayCounts.DayCountNumerator(dc, b, a));
        Assert.Equal(0.0, DayCounts.YearFraction(dc, a, a));
        Assert.Equal(0, DayCounts.DayCountNumerator(dc, a, a));
    }

    [Theory]
    [InlineData(DayCount.Thirty360, 360)]
    [InlineData(DayCount.Thirty360E, 360)]
    [InlineData(DayCount.Act360, 360)]
    [InlineData(DayCount.Act365F, 365)]
    public void Denominator_is_the_fixed_basis(DayCount dc, int expected) => Assert.Equal(expected, DayCounts.Denominator(dc));

    [Fact]
    public void ActAct_has_no_fixed_denominator() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DayCounts.Denominator(DayCount.ActAct));

    [Theory]
    [InlineData(DayCount.Thirty360, "30/360")]
    [InlineData(DayCount.Thirty360E, "30E/360")]
    [InlineData(DayCount.Act360, "ACT/360")]
    [InlineData(DayCount.Act365F, "ACT/365F")]
    [InlineData(DayCount.ActAct, "ACT/ACT")]
    public void Names_round_trip_in_any_case(DayCount dc, string name)
    {
        Assert.Equal(name, DayCounts.Name(dc));
        Assert.True(DayCounts.TryParse(name, out DayCount parsed));
        Assert.Equal(dc, parsed);
        Assert.True(DayCounts.TryParse(name.ToLowerInvariant(), out parsed));
        Assert.Equal(dc, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("30/360 ")]
    [InlineData("ACT/365")]
    [InlineData("A365")]
    [InlineData("30E360")]
    [InlineData("Thirty360")]
    [InlineData("ACT/ACT ISDA")]
    public void TryParse_rejects_other_spellings(string? text)
    {
        Assert.False(DayCounts.TryParse(text, out DayCount dc));
        Assert.Equal(default, dc);
    }

    [Fact]
    public void Unknown_enum_values_throw()
    {
        var bogus = (DayCount)99;
        Assert.Throws<ArgumentOutOfRangeException>(() => DayCounts.Name(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => DayCounts.Denominator(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => DayCounts.YearFraction(bogus, new Date(2025, 1, 1), new Date(2025, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DayCounts.DayCountNumerator(bogus, new Date(2025, 1, 1), new Date(2025, 2, 1)));
    }

    [Theory]
    [InlineData(DayCount.Thirty360)]
    [InlineData(DayCount.Thirty360E)]
    [InlineData(DayCount.Act360)]
    [InlineData(DayCount.Act365F)]
    [InlineData(DayCount.ActAct)]
    public void Year_fractions_do_not_allocate(DayCount dc)
    {
        Date start = new(2023, 7, 31);
        double sum = DayCounts.YearFraction(dc, start, start.AddDays(400)); // warm up (JIT)
        AllocationWindows.AssertOneAllocatesNothing("1,000 year fractions", () =>
        {
            for (int i = 0; i < 1000; i++)
            {
                sum += DayCounts.YearFraction(dc, start, start.AddDays(i)) + DayCounts.DayCountNumerator(dc, start, start.AddDays(i));
            }
        });

        Assert.True(sum > 0);
    }

    private static Date Iso(string s) => Date.TryParseIso(s, out Date d) ? d : throw new FormatException(s);
}
