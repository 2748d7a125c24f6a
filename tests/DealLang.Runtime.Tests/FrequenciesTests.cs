namespace DealLang.Runtime.Tests;

public class FrequenciesTests
{
    [Theory]
    [InlineData(Frequency.Monthly, 1, 12, "monthly")]
    [InlineData(Frequency.Quarterly, 3, 4, "quarterly")]
    [InlineData(Frequency.Semiannual, 6, 2, "semiannual")]
    [InlineData(Frequency.Annual, 12, 1, "annual")]
    public void Lengths_and_names(Frequency f, int months, int perYear, string name)
    {
        Assert.Equal(months, Frequencies.MonthsPerPeriod(f));
        Assert.Equal(perYear, Frequencies.PeriodsPerYear(f));
        Assert.Equal(name, Frequencies.Name(f));
        Assert.True(Frequencies.TryParse(name, out Frequency parsed));
        Assert.Equal(f, parsed);
        Assert.True(Frequencies.TryParse(name.ToUpperInvariant(), out parsed));
        Assert.Equal(f, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("semi-annual")]
    [InlineData("semiannually")]
    [InlineData(" monthly")]
    [InlineData("P1M")]
    [InlineData("yearly")]
    public void TryParse_rejects_other_spellings(string? text)
    {
        Assert.False(Frequencies.TryParse(text, out Frequency f));
        Assert.Equal(default, f);
    }

    [Fact]
    public void Unknown_enum_values_throw()
    {
        var bogus = (Frequency)42;
        Assert.Throws<ArgumentOutOfRangeException>(() => Frequencies.MonthsPerPeriod(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => Frequencies.PeriodsPerYear(bogus));
        Assert.Throws<ArgumentOutOfRangeException>(() => Frequencies.Name(bogus));
    }
}
