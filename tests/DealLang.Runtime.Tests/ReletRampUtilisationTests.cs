namespace DealLang.Runtime.Tests;

/// <summary>A re-let's ramp (docs/language.md §9, "relet-ramp"): u = R0 + (R1 − R0) × min(1, m / M), m the whole calendar
/// months from the sale date to the day the period starts re-letting.</summary>
public class ReletRampUtilisationTests
{
    [Fact]
    public void WholeMonthsCountEachAnniversaryOfTheSaleDate()
    {
        var sale = new Date(2026, 2, 15);
        Assert.Equal(0, ReletRamp.WholeMonths(sale, sale));
        Assert.Equal(0, ReletRamp.WholeMonths(sale, new Date(2026, 3, 14)));
        Assert.Equal(1, ReletRamp.WholeMonths(sale, new Date(2026, 3, 15)));
        // A quarterly period starting 2026-04-01 is 1 whole month (and 17 days) after the sale.
        Assert.Equal(1, ReletRamp.WholeMonths(sale, new Date(2026, 4, 1)));
        Assert.Equal(12, ReletRamp.WholeMonths(sale, new Date(2027, 2, 15)));
        // A day before the sale date counts none.
        Assert.Equal(0, ReletRamp.WholeMonths(sale, new Date(2026, 1, 1)));
    }

    [Fact]
    public void AMonthEndSaleDateIsClampedToShorterMonths()
    {
        // From 2026-01-31, a month later is 2026-02-28 (clamped): a full month on the 28th, as the window counts it.
        var sale = new Date(2026, 1, 31);
        Assert.Equal(0, ReletRamp.WholeMonths(sale, new Date(2026, 2, 27)));
        Assert.Equal(1, ReletRamp.WholeMonths(sale, new Date(2026, 2, 28)));
        Assert.Equal(2, ReletRamp.WholeMonths(sale, new Date(2026, 3, 31)));
    }

    [Fact]
    public void TheUtilisationRampsThenHolds_FadesAsWell_AndIsFlatWithoutARamp()
    {
        var sale = new Date(2026, 2, 1);
        // 20% to 80% over 6 months: 20% + 60% × 3 / 6 = 50% after 3, 80% from 6 on.
        Assert.Equal(0.20, ReletRamp.Utilisation(0.20, 0.80, 6, sale, sale), 12);
        Assert.Equal(0.50, ReletRamp.Utilisation(0.20, 0.80, 6, sale, new Date(2026, 5, 1)), 12);
        Assert.Equal(0.80, ReletRamp.Utilisation(0.20, 0.80, 6, sale, new Date(2026, 8, 1)), 12);
        Assert.Equal(0.80, ReletRamp.Utilisation(0.20, 0.80, 6, sale, new Date(2027, 8, 1)), 12);
        // 80% fading to 20% over 12 months: 80% − 60% × 6 / 12 = 50% after 6.
        Assert.Equal(0.50, ReletRamp.Utilisation(0.80, 0.20, 12, sale, new Date(2026, 8, 1)), 12);
        // No ramp: the utilisation itself, exactly, whatever the day.
        Assert.Equal(0.60, ReletRamp.Utilisation(0.60, 0.0, 0, sale, new Date(2028, 1, 1)));
    }
}
