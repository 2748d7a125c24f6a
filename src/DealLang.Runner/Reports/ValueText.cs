using System.Globalization;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// How every number in a report is spelled: always the invariant culture, and never "-0.0" (a negative zero or
/// a tiny negative rounding to zero would otherwise show a sign that means nothing).
/// </summary>
static class ValueText
{
    public const string NotAvailable = "n/a";

    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>For people: money in millions with one decimal ("898.3"), ratios "1.23x", rates "6.58%",
    /// flags "yes" or empty.</summary>
    public static string Human(double value, ColumnKind kind) => kind switch
    {
        ColumnKind.Money => Millions(value),
        ColumnKind.Ratio => Ratio(value),
        ColumnKind.Rate => Percent(value),
        ColumnKind.Flag => double.IsNaN(value) ? NotAvailable : value != 0 ? "yes" : "",
        _ => Fixed(value, "F2"),
    };

    /// <summary>For machines (CSV): money to the cent, rates and ratios at full round-trip precision,
    /// flags true/false, undefined values as an empty field.</summary>
    public static string Exact(double value, ColumnKind kind) => kind switch
    {
        _ when !double.IsFinite(value) && kind != ColumnKind.Flag => "",
        ColumnKind.Money => Cents(value),
        ColumnKind.Flag => value != 0 && !double.IsNaN(value) ? "true" : "false",
        _ => Full(value),
    };

    public static string Millions(double value) => Fixed(value / 1e6, "F1");

    public static string Ratio(double value) => double.IsFinite(value) ? Fixed(value, "F2") + "x" : NotAvailable;

    public static string Percent(double value) => double.IsFinite(value * 100) ? Fixed(value * 100, "F2") + "%" : NotAvailable;

    public static string Years(double value) => Fixed(value, "F2");

    /// <summary>A count of GPUs or coins: whole ones without decimals ("165000"), others to two ("787.17").</summary>
    public static string Units(double value) => Fixed(value, "0.##");

    /// <summary>Money to the cent, for CSV and JSON. Undefined values are the caller's business.</summary>
    public static string Cents(double value) => Fixed(value, "F2");

    public static string Full(double value) => value == 0 ? "0" : value.ToString("R", Invariant);

    public static string Integer(int value) => value.ToString(Invariant);

    public static string Date(Date? date, string none) => date is { } d ? d.ToString() : none;

    static string Fixed(double value, string format)
    {
        // Infinities too: an amount past ±1.8e308 is a deal's arithmetic overflowing, as undefined as NaN (and
        // CSV and JSON leave both out); "Infinity" or "∞" would read as a figure.
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        string text = value.ToString(format, Invariant);

        // "-0.0", "-0.00": the value rounds to zero, so its sign is noise.
        return text.Length > 1 && text[0] == '-' && IsZero(text.AsSpan(1)) ? text[1..] : text;
    }

    static bool IsZero(ReadOnlySpan<char> digits)
    {
        foreach (char c in digits)
        {
            if (c != '0' && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
