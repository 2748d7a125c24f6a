using System.Globalization;
using System.Numerics;

namespace DealLang.Cli.Commands;

/// <summary>
/// How a whole number is written on the command line (docs/cli.md, "Numbers"): plain decimal digits, <c>0</c> or
/// digits that do not start with 0, a <c>-</c> before them allowed so that a negative count is refused by its range
/// ("--paths must be at least 1, not -5") rather than as a word. No <c>+</c>, no white space, no leading zeros, no
/// digit grouping: .NET's <c>int.Parse</c> took <c>' 1'</c>, <c>+1</c> and <c>007</c>, which a script that built the
/// number wrongly (a padded field, an octal-looking count) would have run with silently. Every whole-number option
/// reads its value here, and <c>--shard i/K</c> its two numbers.
/// </summary>
internal static class WholeNumberText
{
    /// <summary>Null when <paramref name="text"/> is a whole number as written above; otherwise the usage error,
    /// naming <paramref name="name"/> (the option) and the value, what is wrong with it, and how to write it: the
    /// number it stands for, when that is within the option's range (<paramref name="least"/> to
    /// <paramref name="most"/>, where given), else the range (a '-0' for --paths, whose least is 1, said "write 0",
    /// which the range check then refused).</summary>
    public static string? Mistake(string name, string text, BigInteger? least = null, BigInteger? most = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            if (digits.Length > 1 && digits[0] == '0')
            {
                string plain = digits.TrimStart('0');
                return $"{name} takes a whole number without leading zeros, not '{text}' {Write(name, (text.StartsWith('-') && plain.Length > 0 ? "-" : "") + (plain.Length == 0 ? "0" : plain), least, most)}";
            }

            return text == "-0" ? $"{name} takes a whole number with no sign on zero, not '-0' {Write(name, "0", least, most)}" : null;
        }

        string trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed != text && Mistake(name, trimmed) is null)
        {
            return $"{name} takes a whole number with no spaces around it, not '{text}' {Write(name, trimmed, least, most)}";
        }

        if (text.StartsWith('+') && Mistake(name, text[1..]) is null)
        {
            return $"{name} takes a whole number without a '+', not '{text}' {Write(name, text[1..], least, most)}";
        }

        return $"{name} takes a whole number, not '{text}'"; // 1e3, 2.5, ten, 1_000, an empty value
    }

    // How to write the number meant, "(write 7)"; or, when that number is outside the option's range, the range, so
    // that following the advice is not refused in turn. plain: plain digits, a '-' allowed.
    static string Write(string name, string plain, BigInteger? least, BigInteger? most)
    {
        BigInteger value = BigInteger.Parse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return value < least ? string.Create(CultureInfo.InvariantCulture, $"({name} must be at least {least}: write {least} or more)")
            : value > most ? string.Create(CultureInfo.InvariantCulture, $"({name} must be at most {most}: write {most} or less)")
            : $"(write {plain})";
    }

    /// <summary><paramref name="text"/> read as an <see cref="int"/> when it is a whole number of 0 or more as written
    /// above and fits one; otherwise false.</summary>
    public static bool TryNonNegative(string text, out int value)
    {
        value = 0;
        return Mistake("", text) is null && !text.StartsWith('-')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
