using System.Globalization;
using System.Text;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// The meaning of literal text, apart from where it sits in the tree: number and suffix, dates, strings.
/// Everything is culture-invariant; <c>_</c> separates digits and means nothing.
/// </summary>
internal static class Literals
{
    /// <summary>What a value position accepts, for messages (DL0102).</summary>
    public const string ValueSuffixes = "bn, m, k (money), % or bp (rate), x (ratio)";

    /// <summary>What the left of <c>of</c> accepts, where a time suffix makes a duration.</summary>
    public const string ValueOrDurationSuffixes = "bn, m, k (money), % or bp (rate), x (ratio), or d, w, m, y (a duration)";

    /// <summary>Splits <c>27.3bn</c> into <c>27.3</c> and <c>bn</c>: the suffix is what follows the last digit,
    /// underscore or point.</summary>
    public static (string Number, string Suffix) Split(string text)
    {
        int end = text.Length;
        while (end > 0 && !IsNumberChar(text[end - 1]))
        {
            end--;
        }

        return (text[..end], text[end..]);
    }

    /// <summary>
    /// Reads the number part (<c>1_000.5</c>) and multiplies it by 10^<paramref name="exponent"/>.
    /// The scaling is done by the parser as an exponent, not by a multiplication afterwards, so that
    /// <c>6.581%</c> is exactly the double nearest to 0.06581 and <c>27.3bn</c> exactly 27 300 000 000.
    /// False when the result is not finite (thousands of digits).
    /// </summary>
    public static bool TryParseNumber(string number, int exponent, out double value)
    {
        string digits = number.Replace("_", "", StringComparison.Ordinal);
        string scaled = exponent == 0 ? digits : string.Create(CultureInfo.InvariantCulture, $"{digits}e{exponent}");
        bool parsed = double.TryParse(scaled, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
        return parsed && double.IsFinite(value);
    }

    /// <summary>Suffixes that make a value in an expression: money scaled to units of currency, rates and
    /// ratios. No suffix is a plain number.</summary>
    public static bool TryValueUnit(string suffix, out LiteralKind kind, out int exponent)
    {
        switch (suffix)
        {
            case "": (kind, exponent) = (LiteralKind.Number, 0); return true;
            case "bn": (kind, exponent) = (LiteralKind.Money, 9); return true;
            case "m": (kind, exponent) = (LiteralKind.Money, 6); return true;
            case "k": (kind, exponent) = (LiteralKind.Money, 3); return true;
            case "%": (kind, exponent) = (LiteralKind.Rate, -2); return true;
            case "bp": (kind, exponent) = (LiteralKind.Rate, -4); return true;
            case "x": (kind, exponent) = (LiteralKind.Ratio, 0); return true;
            default: (kind, exponent) = (LiteralKind.Number, 0); return false;
        }
    }

    /// <summary>Suffixes of a duration. <c>m</c> is months here, never millions.</summary>
    public static bool TryTimeUnit(string suffix, out TimeUnit unit)
    {
        switch (suffix)
        {
            case "d": unit = TimeUnit.Days; return true;
            case "w": unit = TimeUnit.Weeks; return true;
            case "m": unit = TimeUnit.Months; return true;
            case "y": unit = TimeUnit.Years; return true;
            default: unit = default; return false;
        }
    }

    /// <summary>A length of time in years (days at 365.25 a year), to compare with the cap (DL0130).</summary>
    public static double Years(double amount, TimeUnit unit) => unit switch
    {
        TimeUnit.Days => amount / 365.25,
        TimeUnit.Weeks => amount * 7 / 365.25,
        TimeUnit.Months => amount / 12,
        _ => amount,
    };

    /// <summary>
    /// A <c>yyyy-mm-dd</c> literal (the lexer guarantees the shape). When the date is not on the calendar,
    /// <paramref name="date"/> is the nearest one that is (year, then month, then day clamped) so that later
    /// stages still have a date to check against, and the result is false.
    /// </summary>
    public static bool TryParseDate(string text, out Date date)
    {
        int year = ReadDigits(text, 0, 4);
        int month = ReadDigits(text, 5, 2);
        int day = ReadDigits(text, 8, 2);
        if (Date.TryCreate(year, month, day, out date))
        {
            return true;
        }

        int y = Math.Clamp(year, 1, 9999);
        int m = Math.Clamp(month, 1, 12);
        date = new Date(y, m, Math.Clamp(day, 1, Date.DaysInMonth(y, m)));
        return false;
    }

    /// <summary>The content of a <c>"quoted"</c> string: quotes removed, <c>\"</c> and <c>\\</c> resolved
    /// (the lexer admits no other escape).</summary>
    public static string Unescape(string quoted)
    {
        ReadOnlySpan<char> body = quoted.Length >= 2 ? quoted.AsSpan(1, quoted.Length - 2) : [];
        if (!body.Contains('\\'))
        {
            return body.ToString();
        }

        var builder = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                i++;
                c = body[i];
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when the number holds no fraction (<c>4</c>, <c>1_000</c>, but not <c>2.5</c>), and it fits an int.</summary>
    public static bool TryParseWholeNumber(string text, out int value)
    {
        value = 0;
        if (!TryParseNumber(text, 0, out double number) || number != Math.Floor(number) || number > int.MaxValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    private static bool IsNumberChar(char c) => c is (>= '0' and <= '9') or '_' or '.';

    private static int ReadDigits(string text, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count && i < text.Length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }
}
