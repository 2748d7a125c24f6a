using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Reports;

/// <summary>
/// Amounts that overflowed (found by the pipeline fuzzer: a fee escalating 1e300% a year printed a DSCR minimum of
/// "-Infinityx") print like NaN: "n/a" for people, an empty CSV field, JSON null. A figure such as "Infinity" or
/// "∞" would read as a number.
/// </summary>
public class NonFiniteValueTests
{
    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void EveryHumanSpellingIsNotAvailable(double value)
    {
        Assert.Equal("n/a", ValueText.Human(value, ColumnKind.Money));
        Assert.Equal("n/a", ValueText.Human(value, ColumnKind.Ratio));
        Assert.Equal("n/a", ValueText.Human(value, ColumnKind.Rate));
        Assert.Equal("n/a", ValueText.Ratio(value));
        Assert.Equal("n/a", ValueText.Percent(value));
        Assert.Equal("n/a", ValueText.Millions(value));
        Assert.Equal("", ValueText.Exact(value, ColumnKind.Money));
    }

    [Fact]
    public void ARateThatOverflowsOnlyWhenShownAsAPercentageIsNotAvailable()
    {
        Assert.Equal("n/a", ValueText.Percent(1e307)); // × 100 is past 1.8e308
        Assert.Equal("6.58%", ValueText.Percent(0.0658));
    }

    [Fact]
    public void EveryLedgerFormatLeavesOutInfinities()
    {
        var deal = TestDeals.Make(new Date(2025, 1, 1), new Date(2026, 1, 1), Frequency.Annual, DayCount.Thirty360);
        var layout = new LedgerLayout(
            [new("collections", ColumnKind.Money), new("Dscr", ColumnKind.Ratio), new("yield", ColumnKind.Rate)], 0);
        var values = new double[1, 3] { { double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity } };
        var outcome = new ScenarioOutcome("S", 1, LedgerTable.CopyOf(values, 1), [], [], new DealEvents([], null, null, 0, [], []), [], [], [], []);

        string table = LedgerReport.Render(deal, layout, outcome, ReportFormat.Table);
        Assert.Equal(["collections", "n/a"], Outcomes.TableRow(table, "collections"));
        Assert.Equal(["Dscr", "n/a"], Outcomes.TableRow(table, "Dscr"));
        Assert.Equal(["yield", "n/a"], Outcomes.TableRow(table, "yield"));

        Assert.Equal("1,2025-01-01,2026-01-01,,,", LedgerReport.Render(deal, layout, outcome, ReportFormat.Csv).Split("\r\n")[1]);
        Assert.Contains("| 1 | 2025-01-01 | 2026-01-01 | n/a | n/a | n/a |",
            LedgerReport.Render(deal, layout, outcome, ReportFormat.Markdown), StringComparison.Ordinal);
        string json = LedgerReport.Render(deal, layout, outcome, ReportFormat.Json);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.Contains("null", json, StringComparison.Ordinal);
    }
}
