using DealLang.TestSupport;

namespace DealLang.Runtime.Tests;

public class ScheduleTests
{
    [Fact]
    public void Closing_2025_10_30_to_maturity_2049_05_30_semiannual_has_a_short_first_stub_and_48_periods()
    {
        // Rolling back from 2049-05-30 by 6 months lands on every 30 May / 30 Nov down to 2025-11-30;
        // the next roll (2025-05-30) is before closing, so 2025-10-30 -> 2025-11-30 is a one-month stub.
        // Periods: the stub + 2 per year from Nov 2025 to May 2049 (47) = 48.
        Date[] b = Schedule.Boundaries(new Date(2025, 10, 30), new Date(2049, 5, 30), Frequency.Semiannual);

        Assert.Equal(49, b.Length);
        Assert.Equal(
            [new Date(2025, 10, 30), new Date(2025, 11, 30), new Date(2026, 5, 30), new Date(2026, 11, 30), new Date(2027, 5, 30)],
            b[..5]);
        Assert.Equal(new Date(2048, 11, 30), b[^2]);
        Assert.Equal(new Date(2049, 5, 30), b[^1]);
        AssertStrictlyIncreasing(b);
        Assert.All(b[1..], d => Assert.True(d.Day == 30 && d.Month is 5 or 11, d.ToString()));
    }

    [Fact]
    public void A_zero_day_stub_is_dropped()
    {
        // 2026-01-15 back by 3, 6, 9 months: 2025-10-15, 07-15, 04-15; 12 months lands exactly on the start.
        Assert.Equal(
            [new Date(2025, 1, 15), new Date(2025, 4, 15), new Date(2025, 7, 15), new Date(2025, 10, 15), new Date(2026, 1, 15)],
            Schedule.Boundaries(new Date(2025, 1, 15), new Date(2026, 1, 15), Frequency.Quarterly));
    }

    [Fact]
    public void Rolling_back_from_a_month_end_keeps_month_ends()
    {
        // 2025-06-30 is the last day of June, so every rolled date is its month's last day.
        Assert.Equal(
            [
                new Date(2024, 12, 15), new Date(2024, 12, 31), new Date(2025, 1, 31), new Date(2025, 2, 28),
                new Date(2025, 3, 31), new Date(2025, 4, 30), new Date(2025, 5, 31), new Date(2025, 6, 30),
            ],
            Schedule.Boundaries(new Date(2024, 12, 15), new Date(2025, 6, 30), Frequency.Monthly));
    }

    [Fact]
    public void Rolling_back_does_not_drift_through_a_short_month()
    {
        // 2025-03-30 is not a month end; February clamps to the 28th but January is the 30th again,
        // because each date is end − k months rather than the previous date − 1 month.
        Assert.Equal(
            [new Date(2024, 12, 1), new Date(2024, 12, 30), new Date(2025, 1, 30), new Date(2025, 2, 28), new Date(2025, 3, 30)],
            Schedule.Boundaries(new Date(2024, 12, 1), new Date(2025, 3, 30), Frequency.Monthly));
    }

    [Fact]
    public void Leap_day_end_rolls_to_february_ends()
    {
        // 2024-02-29 is a month end: earlier years get 28 Feb, and 2020 its own 29 Feb.
        Assert.Equal(
            [new Date(2020, 1, 1), new Date(2020, 2, 29), new Date(2021, 2, 28), new Date(2022, 2, 28), new Date(2023, 2, 28), new Date(2024, 2, 29)],
            Schedule.Boundaries(new Date(2020, 1, 1), new Date(2024, 2, 29), Frequency.Annual));
    }

    [Fact]
    public void A_range_shorter_than_one_period_is_a_single_period()
    {
        Assert.Equal(
            [new Date(2025, 3, 10), new Date(2025, 5, 1)],
            Schedule.Boundaries(new Date(2025, 3, 10), new Date(2025, 5, 1), Frequency.Quarterly));
        Assert.Equal(
            [new Date(2025, 3, 10), new Date(2025, 3, 11)],
            Schedule.Boundaries(new Date(2025, 3, 10), new Date(2025, 3, 11), Frequency.Annual));
    }

    [Fact]
    public void End_on_or_before_start_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Schedule.Boundaries(new Date(2025, 1, 1), new Date(2025, 1, 1), Frequency.Monthly));
        Assert.Throws<ArgumentException>(() => Schedule.Boundaries(new Date(2025, 2, 1), new Date(2025, 1, 1), Frequency.Monthly));
    }

    [Fact]
    public void First_payment_rolls_forward_with_a_short_final_stub()
    {
        // 2025-11-15 + 6 = 2026-05-15, + 12 = 2026-11-15, + 18 = 2027-05-15 is past the end: stub to 2026-12-20.
        Assert.Equal(
            [new Date(2025, 10, 30), new Date(2025, 11, 15), new Date(2026, 5, 15), new Date(2026, 11, 15), new Date(2026, 12, 20)],
            Schedule.Boundaries(new Date(2025, 10, 30), new Date(2026, 12, 20), Frequency.Semiannual, new Date(2025, 11, 15)));
    }

    [Fact]
    public void First_payment_reproduces_the_backward_schedule_when_it_is_on_cycle()
    {
        Date[] backward = Schedule.Boundaries(new Date(2025, 10, 1), new Date(2049, 5, 15), Frequency.Semiannual);
        Date[] forward = Schedule.Boundaries(new Date(2025, 10, 1), new Date(2049, 5, 15), Frequency.Semiannual, new Date(2025, 11, 15));
        Assert.Equal(backward, forward);
    }

    [Fact]
    public void A_30th_in_a_30_day_month_counts_as_a_month_end()
    {
        // Pinned on purpose: the month-end rule cannot tell "the 30th" from "the last day" when they coincide.
        // Anchored on 2025-11-30 the forward roll goes to 31 May; anchored (backward) on 2049-05-30 it stays on the 30th.
        Date[] forward = Schedule.Boundaries(new Date(2025, 10, 30), new Date(2026, 12, 15), Frequency.Semiannual, new Date(2025, 11, 30));
        Assert.Equal(
            [new Date(2025, 10, 30), new Date(2025, 11, 30), new Date(2026, 5, 31), new Date(2026, 11, 30), new Date(2026, 12, 15)],
            forward);
        Date[] backward = Schedule.Boundaries(new Date(2025, 10, 30), new Date(2049, 5, 30), Frequency.Semiannual);
        Assert.Equal(new Date(2026, 5, 30), backward[2]);
    }

    [Fact]
    public void First_payment_at_a_month_end_keeps_month_ends()
    {
        Assert.Equal(
            [new Date(2025, 1, 10), new Date(2025, 2, 28), new Date(2025, 3, 31), new Date(2025, 4, 30), new Date(2025, 5, 31), new Date(2025, 6, 30)],
            Schedule.Boundaries(new Date(2025, 1, 10), new Date(2025, 6, 30), Frequency.Monthly, new Date(2025, 2, 28)));
    }

    [Fact]
    public void Rolling_forward_does_not_drift_through_a_short_month()
    {
        // Anchor 30 Jan: February clamps to the 28th, March is the 30th again (not the 28th).
        Assert.Equal(
            [new Date(2025, 1, 2), new Date(2025, 1, 30), new Date(2025, 2, 28), new Date(2025, 3, 30), new Date(2025, 4, 30)],
            Schedule.Boundaries(new Date(2025, 1, 2), new Date(2025, 4, 30), Frequency.Monthly, new Date(2025, 1, 30)));
    }

    [Fact]
    public void First_payment_on_the_end_date_is_a_single_period()
    {
        Assert.Equal(
            [new Date(2025, 1, 2), new Date(2025, 2, 15)],
            Schedule.Boundaries(new Date(2025, 1, 2), new Date(2025, 2, 15), Frequency.Quarterly, new Date(2025, 2, 15)));
    }

    [Theory]
    [InlineData("2025-01-02")] // on the start
    [InlineData("2025-01-01")] // before it
    [InlineData("2025-07-01")] // after the end
    public void First_payment_outside_start_to_end_is_rejected(string firstPayment)
    {
        Date.TryParseIso(firstPayment, out Date first);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => Schedule.Boundaries(new Date(2025, 1, 2), new Date(2025, 6, 30), Frequency.Monthly, first));
        Assert.Equal("firstPayment", ex.ParamName);
    }

    [Fact]
    public void Schedules_reaching_the_calendar_edges_do_not_throw()
    {
        Assert.Equal(
            [Date.MinValue, new Date(1, 12, 31)],
            Schedule.Boundaries(Date.MinValue, new Date(1, 12, 31), Frequency.Annual));
        Assert.Equal(
            [new Date(9999, 1, 1), new Date(9999, 2, 1), Date.MaxValue],
            Schedule.Boundaries(new Date(9999, 1, 1), Date.MaxValue, Frequency.Annual, new Date(9999, 2, 1)));
    }

    [Fact]
    public void PeriodIndexOf_puts_a_boundary_date_in_the_period_it_closes()
    {
        Date[] b = [new Date(2025, 1, 1), new Date(2025, 4, 1), new Date(2025, 7, 1), new Date(2025, 10, 1)];
        Assert.Equal(-1, Schedule.PeriodIndexOf(b, new Date(2024, 12, 31)));
        Assert.Equal(-1, Schedule.PeriodIndexOf(b, new Date(2025, 1, 1)));
        Assert.Equal(0, Schedule.PeriodIndexOf(b, new Date(2025, 1, 2)));
        Assert.Equal(0, Schedule.PeriodIndexOf(b, new Date(2025, 4, 1)));
        Assert.Equal(1, Schedule.PeriodIndexOf(b, new Date(2025, 4, 2)));
        Assert.Equal(2, Schedule.PeriodIndexOf(b, new Date(2025, 10, 1)));
        Assert.Equal(3, Schedule.PeriodIndexOf(b, new Date(2025, 10, 2)));
        Assert.Equal(-1, Schedule.PeriodIndexOf([], new Date(2025, 1, 1)));
        Assert.Throws<ArgumentNullException>(() => Schedule.PeriodIndexOf((Date[])null!, new Date(2025, 1, 1)));
    }

    [Fact]
    public void PeriodIndexOf_agrees_with_a_linear_scan_on_every_day()
    {
        Date[] b = Schedule.Boundaries(new Date(2025, 10, 30), new Date(2049, 5, 30), Frequency.Semiannual);
        for (Date d = b[0].AddDays(-3); d <= b[^1].AddDays(3); d = d.AddDays(1))
        {
            int expected = d <= b[0] ? -1 : d > b[^1] ? b.Length - 1 : Array.FindIndex(b, x => x >= d) - 1;
            Assert.Equal(expected, Schedule.PeriodIndexOf(b, d));
        }
    }

    [Fact]
    public void PeriodIndexOf_does_not_allocate()
    {
        Date[] b = Schedule.Boundaries(new Date(2025, 10, 30), new Date(2049, 5, 30), Frequency.Semiannual);
        int sum = Schedule.PeriodIndexOf(b, new Date(2030, 1, 1)); // warm up (JIT)
        AllocationWindows.AssertOneAllocatesNothing("9,000 look-ups", () =>
        {
            for (int i = 0; i < 9000; i++)
            {
                sum += Schedule.PeriodIndexOf(b, b[0].AddDays(i));
            }
        });

        Assert.True(sum > 0);
    }

    private static void AssertStrictlyIncreasing(Date[] dates)
    {
        for (int i = 1; i < dates.Length; i++)
        {
            Assert.True(dates[i - 1] < dates[i], $"{dates[i - 1]} is not before {dates[i]}");
        }
    }
}
