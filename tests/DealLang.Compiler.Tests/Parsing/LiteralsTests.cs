using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>The text-to-value rules of <see cref="Literals"/>.</summary>
public sealed class LiteralsTests
{
    [Theory]
    [InlineData("27.3bn", "27.3", "bn")]
    [InlineData("6.581%", "6.581", "%")]
    [InlineData("1_000m", "1_000", "m")]
    [InlineData("42", "42", "")]
    public void SplitSeparatesNumberAndSuffix(string text, string number, string suffix) =>
        Assert.Equal((number, suffix), Literals.Split(text));

    [Theory]
    // The scale is applied by the parser as an exponent ("6.581e-2"), so each is the nearest double exactly.
    [InlineData("27.3", 9, 27_300_000_000d)]
    [InlineData("6.581", -2, 0.06581)]
    [InlineData("225", -4, 0.0225)]
    [InlineData("0.03", -2, 0.0003)]
    [InlineData("1_000_000", 0, 1e6)]
    [InlineData("2.45", 9, 2_450_000_000d)]
    public void NumbersAreScaledExactly(string number, int exponent, double expected)
    {
        Assert.True(Literals.TryParseNumber(number, exponent, out double value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void AHugeNumberIsRejected() =>
        Assert.False(Literals.TryParseNumber("1" + new string('0', 400), 0, out _));

    [Theory]
    [InlineData("bn", LiteralKind.Money, 9)]
    [InlineData("m", LiteralKind.Money, 6)]
    [InlineData("k", LiteralKind.Money, 3)]
    [InlineData("%", LiteralKind.Rate, -2)]
    [InlineData("bp", LiteralKind.Rate, -4)]
    [InlineData("x", LiteralKind.Ratio, 0)]
    [InlineData("", LiteralKind.Number, 0)]
    public void ValueSuffixes(string suffix, LiteralKind kind, int exponent)
    {
        Assert.True(Literals.TryValueUnit(suffix, out LiteralKind actualKind, out int actualExponent));
        Assert.Equal((kind, exponent), (actualKind, actualExponent));
    }

    [Theory]
    [InlineData("y")]
    [InlineData("d")]
    [InlineData("BN")]
    [InlineData("q")]
    public void OtherSuffixesAreNotValues(string suffix) => Assert.False(Literals.TryValueUnit(suffix, out _, out _));

    [Theory]
    [InlineData("d", TimeUnit.Days)]
    [InlineData("w", TimeUnit.Weeks)]
    [InlineData("m", TimeUnit.Months)]
    [InlineData("y", TimeUnit.Years)]
    public void TimeSuffixes(string suffix, TimeUnit unit)
    {
        Assert.True(Literals.TryTimeUnit(suffix, out TimeUnit actual));
        Assert.Equal(unit, actual);
    }

    [Fact]
    public void ValidDate()
    {
        Assert.True(Literals.TryParseDate("2024-02-29", out Date date));
        Assert.Equal(new Date(2024, 2, 29), date);
    }

    [Theory]
    // Clamped field by field: day to the month's last, month to 1..12, year to 1..9999.
    [InlineData("2025-02-30", 2025, 2, 28)]
    [InlineData("2025-13-01", 2025, 12, 1)]
    [InlineData("2025-00-00", 2025, 1, 1)]
    [InlineData("0000-06-31", 1, 6, 30)]
    public void InvalidDateGivesTheNearestValidOne(string text, int year, int month, int day)
    {
        Assert.False(Literals.TryParseDate(text, out Date date));
        Assert.Equal(new Date(year, month, day), date);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"\"", "")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    public void StringsAreUnescaped(string quoted, string value) => Assert.Equal(value, Literals.Unescape(quoted));

    [Theory]
    [InlineData("4", true, 4)]
    [InlineData("1_000", true, 1000)]
    [InlineData("4.0", true, 4)]
    [InlineData("2.5", false, 0)]
    [InlineData("99999999999", false, 0)]
    public void WholeNumbers(string text, bool ok, int value)
    {
        Assert.Equal(ok, Literals.TryParseWholeNumber(text, out int actual));
        Assert.Equal(value, actual);
    }
}
