namespace DealLang.Runtime.Tests;

/// <summary>The last of a default period's instalments dated strictly before the default (docs/language.md §5, "loan"):
/// a quarter's three month-end instalments at days 30, 58 and 90 from the closing (2025-12-31: 01-31, 02-28, 03-31),
/// then the next quarter's at 120, 151 and 181.</summary>
public class InstalmentsBeforeDefaultTests
{
    private static readonly int[] Days = [30, 58, 90, 120, 151, 181];
    private static readonly int[] First = [0, 3, 6];

    [Theory]
    [InlineData(0, 1, -1)]  // 2026-01-01: before the first instalment, nothing
    [InlineData(0, 30, -1)] // 2026-01-31, the first instalment's own date: the one the obligor fails to pay
    [InlineData(0, 51, 0)]  // 2026-02-20: January's
    [InlineData(0, 58, 0)]  // 2026-02-28: still January's only
    [InlineData(0, 59, 1)]  // 2026-03-01: January's and February's
    [InlineData(0, 90, 1)]  // 2026-03-31, the period's end and March's date: not March's
    [InlineData(1, 91, -1)] // 2026-04-01, the next period's first day: nothing of it (not the last period's)
    [InlineData(1, 152, 4)] // 2026-06-01: April's and May's
    public void TheLastInstalmentOfThePeriodDatedBeforeTheDefault(int period, int defaultDay, int last) =>
        Assert.Equal(last, InstalmentsBeforeDefault.Last(Days, First, period, defaultDay));

    [Fact]
    public void APeriodWithoutInstalmentsReceivesNone() =>
        Assert.Equal(-1, InstalmentsBeforeDefault.Last(Days, [0, 3, 6, 6], 2, 400));
}
