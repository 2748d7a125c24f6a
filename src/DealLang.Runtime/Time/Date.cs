using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DealLang.Runtime;

/// <summary>
/// A calendar date (proleptic Gregorian, 0001-01-01 to 9999-12-31) held as a day number, so that
/// comparisons and day differences are integer operations and no time zone or clock can leak in.
/// The day number matches <see cref="DateOnly.DayNumber"/>.
/// </summary>
public readonly struct Date : IEquatable<Date>, IComparable<Date>
{
    private const int MinDayNumber = 0;
    private const int MaxDayNumber = 3_652_058; // 9999-12-31, as DateOnly.MaxValue.DayNumber

    // The civil-calendar conversions below count from 0000-03-01 so that the leap day falls at the
    // end of the counting year; 306 is the distance from that origin to 0001-01-01.
    private const int ShiftFromMarchOrigin = 306;

    private readonly int _dayNumber;

    private static ReadOnlySpan<byte> DaysInMonthOfCommonYear => [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public Date(int year, int month, int day)
    {
        if (!TryCreate(year, month, day, out this))
        {
            throw new ArgumentOutOfRangeException(
                nameof(day),
                string.Create(CultureInfo.InvariantCulture, $"{year}-{month}-{day} is not a valid date between 0001-01-01 and 9999-12-31."));
        }
    }

    private Date(int dayNumber) => _dayNumber = dayNumber;

    public static Date MinValue => new(MinDayNumber);

    public static Date MaxValue => new(MaxDayNumber);

    /// <summary>Days since 0001-01-01.</summary>
    public int DayNumber => _dayNumber;

    public int Year
    {
        get
        {
            ToCivil(_dayNumber, out int year, out _, out _);
            return year;
        }
    }

    public int Month
    {
        get
        {
            ToCivil(_dayNumber, out _, out int month, out _);
            return month;
        }
    }

    public int Day
    {
        get
        {
            ToCivil(_dayNumber, out _, out _, out int day);
            return day;
        }
    }

    public bool IsEndOfMonth
    {
        get
        {
            ToCivil(_dayNumber, out int year, out int month, out int day);
            return day == DaysInMonth(year, month);
        }
    }

    public static bool TryCreate(int year, int month, int day, out Date date)
    {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            date = default;
            return false;
        }

        date = new Date(FromCivil(year, month, day));
        return true;
    }

    public static Date FromDayNumber(int dayNumber)
    {
        if (dayNumber < MinDayNumber || dayNumber > MaxDayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(dayNumber), dayNumber, "Day number is outside 0001-01-01..9999-12-31.");
        }

        return new Date(dayNumber);
    }

    public static bool IsLeapYear(int year)
    {
        if (year < 1 || year > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 1 and 9999.");
        }

        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int DaysInMonth(int year, int month)
    {
        if (month < 1 || month > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be between 1 and 12.");
        }

        return month == 2 && IsLeapYear(year) ? 29 : DaysInMonthOfCommonYear[month - 1];
    }

    /// <summary>All three fields from one conversion; cheaper than reading Year, Month and Day separately.</summary>
    public void Deconstruct(out int year, out int month, out int day) => ToCivil(_dayNumber, out year, out month, out day);

    public Date AddDays(int days)
    {
        long target = (long)_dayNumber + days;
        if (target < MinDayNumber || target > MaxDayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The resulting date is outside 0001-01-01..9999-12-31.");
        }

        return new Date((int)target);
    }

    /// <summary>Adds calendar months; a day that does not exist in the target month becomes its last day (31 Jan + 1M = 28/29 Feb).</summary>
    public Date AddMonths(int months) =>
        TryAddMonths(months, out Date result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(months), months, "The resulting date is outside 0001-01-01..9999-12-31.");

    /// <summary>
    /// <see cref="AddMonths"/> without the exception: false when the result would fall outside
    /// 0001-01-01..9999-12-31, and then <paramref name="result"/> is the end of the calendar it ran past. For dates
    /// a deal's terms only compare with its own (a lease ending 9,999 years on, a sale lagged past the calendar),
    /// where such a date means "never within the deal", not a mistake.
    /// </summary>
    public bool TryAddMonths(int months, out Date result)
    {
        ToCivil(_dayNumber, out int year, out int month, out int day);
        long monthIndex = (year * 12L) + (month - 1) + months;
        if (monthIndex < 12 || monthIndex / 12 > 9999)
        {
            result = monthIndex < 12 ? MinValue : MaxValue;
            return false;
        }

        int newYear = (int)(monthIndex / 12);
        int newMonth = (int)(monthIndex % 12) + 1;
        int lastDay = DaysInMonth(newYear, newMonth);
        result = new Date(FromCivil(newYear, newMonth, day < lastDay ? day : lastDay));
        return true;
    }

    /// <summary>
    /// <see cref="AddMonths"/> stopped at the ends of the calendar: a result after 9999-12-31 is 9999-12-31 (before
    /// 0001-01-01, 0001-01-01). No schedule reaches past 9999-12-31, so for a date that is only compared with
    /// period ends (the generated loop's enforcement sale date) the clamp changes nothing but for a deal maturing
    /// on that very day.
    /// </summary>
    public Date AddMonthsClamped(int months)
    {
        TryAddMonths(months, out Date result);
        return result;
    }

    /// <summary>Adds calendar years; 29 Feb becomes 28 Feb in a non-leap target year.</summary>
    public Date AddYears(int years)
    {
        if (years > 10_000 || years < -10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "The resulting date is outside 0001-01-01..9999-12-31.");
        }

        return AddMonths(years * 12);
    }

    /// <summary>Signed number of days from <paramref name="a"/> to <paramref name="b"/> (b − a).</summary>
    public static int DaysBetween(Date a, Date b) => b._dayNumber - a._dayNumber;

    public static Date Min(Date a, Date b) => a._dayNumber <= b._dayNumber ? a : b;

    public static Date Max(Date a, Date b) => a._dayNumber >= b._dayNumber ? a : b;

    public bool Equals(Date other) => _dayNumber == other._dayNumber;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Date other && Equals(other);

    public override int GetHashCode() => _dayNumber;

    public int CompareTo(Date other) => _dayNumber.CompareTo(other._dayNumber);

    public static bool operator ==(Date left, Date right) => left._dayNumber == right._dayNumber;

    public static bool operator !=(Date left, Date right) => left._dayNumber != right._dayNumber;

    public static bool operator <(Date left, Date right) => left._dayNumber < right._dayNumber;

    public static bool operator <=(Date left, Date right) => left._dayNumber <= right._dayNumber;

    public static bool operator >(Date left, Date right) => left._dayNumber > right._dayNumber;

    public static bool operator >=(Date left, Date right) => left._dayNumber >= right._dayNumber;

    /// <summary>ISO 8601 calendar date, <c>yyyy-MM-dd</c>, independent of culture.</summary>
    public override string ToString()
    {
        ToCivil(_dayNumber, out int year, out int month, out int day);
        return string.Create(10, (year, month, day), static (span, ymd) =>
        {
            WriteDigits(span[..4], ymd.year);
            span[4] = '-';
            WriteDigits(span.Slice(5, 2), ymd.month);
            span[7] = '-';
            WriteDigits(span.Slice(8, 2), ymd.day);
        });
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (ASCII digits, no surrounding text, no time part).</summary>
    public static bool TryParseIso([NotNullWhen(true)] string? s, out Date date)
    {
        if (s is null)
        {
            date = default;
            return false;
        }

        return TryParseIso(s.AsSpan(), out date);
    }

    /// <inheritdoc cref="TryParseIso(string?, out Date)"/>
    public static bool TryParseIso(ReadOnlySpan<char> s, out Date date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        return TryReadDigits(s[..4], out int year)
            && TryReadDigits(s.Slice(5, 2), out int month)
            && TryReadDigits(s.Slice(8, 2), out int day)
            && TryCreate(year, month, day, out date);
    }

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    // int.Parse would accept signs, spaces and non-ASCII digits; the ISO form allows none of them.
    private static bool TryReadDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    // Days-from-civil (H. Hinnant's algorithm), restricted to years 1..9999 so no negative eras arise.
    private static int FromCivil(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - ShiftFromMarchOrigin;
    }

    private static void ToCivil(int dayNumber, out int year, out int month, out int day)
    {
        int z = dayNumber + ShiftFromMarchOrigin;
        int era = z / 146_097;
        int dayOfEra = z - (era * 146_097);
        int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        int mp = ((5 * dayOfYear) + 2) / 153;
        day = dayOfYear - (((153 * mp) + 2) / 5) + 1;
        month = mp < 10 ? mp + 3 : mp - 9;
        year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
    }
}
