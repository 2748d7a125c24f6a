namespace DealLang.Runtime.Tests;

/// <summary>Business-day adjustment (ISDA 2006 §4.12): weekends and the listed holidays are not business days.</summary>
public class BusinessDaysTests
{
    private static BusinessDays Calendar(BusinessDayRoll roll, params Date[] holidays) => new(roll, holidays);

    [Fact]
    public void Saturdays_and_Sundays_are_weekends_and_the_other_days_are_not()
    {
        // 2027-07-26 is a Monday: day number 740,187 = 7 x 105,741, counted from Monday 0001-01-01.
        Date monday = new(2027, 7, 26);
        bool[] weekend = [.. Enumerable.Range(0, 7).Select(k => BusinessDays.IsWeekend(monday.AddDays(k)))];
        Assert.Equal([false, false, false, false, false, true, true], weekend);
    }

    [Fact]
    public void A_Saturday_month_end_moves_to_Monday_under_following_and_back_to_Friday_under_modified_following()
    {
        // 2027-07-31 is a Saturday. Following: Monday 2027-08-02. Modified following: that Monday is in August, so
        // the previous business day, Friday 2027-07-30.
        Date saturday = new(2027, 7, 31);
        Assert.Equal(new Date(2027, 8, 2), Calendar(BusinessDayRoll.Following).Adjust(saturday));
        Assert.Equal(new Date(2027, 7, 30), Calendar(BusinessDayRoll.ModifiedFollowing).Adjust(saturday));
    }

    [Fact]
    public void A_Saturday_mid_month_moves_to_Monday_under_both_rolls()
    {
        // 2027-04-17 is a Saturday; Monday 2027-04-19 is still in April.
        Date saturday = new(2027, 4, 17);
        Assert.Equal(new Date(2027, 4, 19), Calendar(BusinessDayRoll.Following).Adjust(saturday));
        Assert.Equal(new Date(2027, 4, 19), Calendar(BusinessDayRoll.ModifiedFollowing).Adjust(saturday));
    }

    [Fact]
    public void A_holiday_on_the_Monday_after_a_weekend_payment_date_moves_it_to_Tuesday()
    {
        // Saturday 2027-07-31, Sunday, then Monday 2027-08-02 a holiday: following goes on to Tuesday 2027-08-03.
        Date saturday = new(2027, 7, 31);
        Assert.Equal(new Date(2027, 8, 3), Calendar(BusinessDayRoll.Following, new Date(2027, 8, 2)).Adjust(saturday));
    }

    [Fact]
    public void Modified_following_skips_a_holiday_on_the_way_back()
    {
        // Sunday 2027-01-31: Monday 2027-02-01 is in February, so back to Friday 2027-01-29, a holiday: Thursday 2027-01-28.
        Date sunday = new(2027, 1, 31);
        Assert.Equal(new Date(2027, 1, 28), Calendar(BusinessDayRoll.ModifiedFollowing, new Date(2027, 1, 29)).Adjust(sunday));
    }

    [Fact]
    public void A_holiday_on_a_weekday_moves_the_date_and_a_business_day_stays()
    {
        // Monday 2028-07-31 a holiday: following to Tuesday 2028-08-01; modified following back to Friday 2028-07-28.
        // Tuesday 2028-10-31 is a business day and stays.
        Date holiday = new(2028, 7, 31);
        Assert.Equal(new Date(2028, 8, 1), Calendar(BusinessDayRoll.Following, holiday).Adjust(holiday));
        Assert.Equal(new Date(2028, 7, 28), Calendar(BusinessDayRoll.ModifiedFollowing, holiday).Adjust(holiday));
        Assert.Equal(new Date(2028, 10, 31), Calendar(BusinessDayRoll.Following, holiday).Adjust(new Date(2028, 10, 31)));
    }

    [Fact]
    public void Payment_dates_move_but_the_closing_does_not()
    {
        // Closing Saturday 2027-05-01 stays; 2027-07-31 (Saturday) and 2027-10-31 (Sunday) move to Monday 2027-08-02
        // and Monday 2027-11-01.
        Date[] rolled = [new(2027, 5, 1), new(2027, 7, 31), new(2027, 10, 31)];
        Assert.Equal(
            [new Date(2027, 5, 1), new Date(2027, 8, 2), new Date(2027, 11, 1)],
            Calendar(BusinessDayRoll.Following).AdjustPaymentDates(rolled));
    }

    [Fact]
    public void A_Saturday_moves_back_to_Friday_under_both_preceding_rolls()
    {
        // Saturday 2027-07-31: the previous business day, Friday 2027-07-30, is in July, so both rolls pay on it.
        Date saturday = new(2027, 7, 31);
        Assert.Equal(new Date(2027, 7, 30), Calendar(BusinessDayRoll.Preceding).Adjust(saturday));
        Assert.Equal(new Date(2027, 7, 30), Calendar(BusinessDayRoll.ModifiedPreceding).Adjust(saturday));
    }

    [Fact]
    public void A_month_start_on_a_Sunday_moves_back_under_preceding_and_on_to_Monday_under_modified_preceding()
    {
        // Sunday 2027-08-01: preceding pays Friday 2027-07-30; that Friday is in July, so modified preceding pays the
        // next business day instead, Monday 2027-08-02.
        Date sunday = new(2027, 8, 1);
        Assert.Equal(new Date(2027, 7, 30), Calendar(BusinessDayRoll.Preceding).Adjust(sunday));
        Assert.Equal(new Date(2027, 8, 2), Calendar(BusinessDayRoll.ModifiedPreceding).Adjust(sunday));
    }

    [Fact]
    public void Preceding_skips_a_holiday_on_the_way_back_and_modified_preceding_on_the_way_forward()
    {
        // Saturday 2027-07-31 with Friday 2027-07-30 a holiday: preceding to Thursday 2027-07-29.
        // Sunday 2027-08-01 with Monday 2027-08-02 a holiday: modified preceding (Friday 07-30 is in July) to
        // Tuesday 2027-08-03.
        Assert.Equal(new Date(2027, 7, 29), Calendar(BusinessDayRoll.Preceding, new Date(2027, 7, 30)).Adjust(new Date(2027, 7, 31)));
        Assert.Equal(new Date(2027, 8, 3), Calendar(BusinessDayRoll.ModifiedPreceding, new Date(2027, 8, 2)).Adjust(new Date(2027, 8, 1)));
    }

    [Fact]
    public void The_calendar_start_turns_a_preceding_search_around()
    {
        // 0001-01-01 is a Monday (day number 0); a holiday on it leaves no preceding day, so it moves on to Tuesday
        // 0001-01-02.
        Date first = Date.MinValue;
        Assert.Equal(new Date(1, 1, 2), Calendar(BusinessDayRoll.Preceding, first).Adjust(first));
    }

    [Fact]
    public void The_calendar_end_turns_the_search_around()
    {
        // 9999-12-31 is a Friday; a holiday on it leaves no following day, so it moves back to Thursday 9999-12-30.
        Date last = Date.MaxValue;
        Assert.Equal(new Date(9999, 12, 30), Calendar(BusinessDayRoll.Following, last).Adjust(last));
    }

    [Fact]
    public void Holidays_are_kept_sorted_and_distinct()
    {
        var calendar = Calendar(BusinessDayRoll.Following, new Date(2028, 1, 3), new Date(2027, 12, 27), new Date(2028, 1, 3));
        Assert.Equal([new Date(2027, 12, 27), new Date(2028, 1, 3)], calendar.Holidays);
        Assert.False(calendar.IsBusinessDay(new Date(2028, 1, 3)));
        Assert.True(calendar.IsBusinessDay(new Date(2028, 1, 4)));
    }
}
