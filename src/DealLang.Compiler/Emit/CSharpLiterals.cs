using System.Globalization;
using System.Text;
using DealLang.Runtime;
using Microsoft.CodeAnalysis.CSharp;

namespace DealLang.Compiler.Emit;

/// <summary>
/// C# literal text for values from a deal. Every string from the deal file goes through
/// <see cref="String"/> (Roslyn's own escaper), so a title like <c>"; File.Delete("x"); //</c> stays a string.
/// </summary>
internal static class CSharpLiterals
{
    /// <summary>A quoted, escaped C# string literal.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SymbolDisplay.FormatLiteral(value, quote: true);
    }

    /// <summary>
    /// A double literal that reads back as exactly the same double ("R", invariant culture) and is a double
    /// to the C# compiler even when integral (<c>27300000000.0</c>, not <c>27300000000</c>, which would be a long).
    /// </summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') < 0 ? text + ".0" : text;
    }

    /// <summary><see cref="Double"/>, parenthesized when negative so it can follow any operator.</summary>
    public static string DoubleOperand(double value)
    {
        string text = Double(value);
        return text.StartsWith('-') ? "(" + text + ")" : text;
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary><c>new Date(2025, 10, 30)</c>.</summary>
    public static string Date(Date value)
    {
        var (year, month, day) = value;
        return "new Date(" + Int(year) + ", " + Int(month) + ", " + Int(day) + ")";
    }

    public static string NullableDate(Date? value) => value is { } d ? Date(d) : "null";

    /// <summary>A fraction as a percentage for a comment, to four decimals (<c>0.0275</c> → <c>2.75%</c>).</summary>
    public static string Percent(double fraction) =>
        (fraction * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Text safe inside a <c>//</c> comment: one line, printable. Any line break (including U+0085, U+2028 and
    /// U+2029, which C# also treats as line ends) or control character becomes a space, so deal text in a comment
    /// can never end the comment and start code.
    /// </summary>
    public static string CommentText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool unsafeChar = char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
            sb.Append(unsafeChar ? ' ' : c);
        }

        return sb.ToString();
    }
}
