using DealLang.Runner.Reports;

namespace DealLang.Runner.Tests.Reports;

/// <summary>
/// Counts of GPUs and coins in the summary's table and Markdown (docs/cli.md): as many decimals as they have, up to two,
/// so 165,000 GPUs read "165000" and not "165000.00", while a coin count keeps its cents of a coin; a number of periods
/// reads as a whole number. CSV and JSON keep full precision.
/// </summary>
public class UnitCountTextTests
{
    [Theory]
    [InlineData(165_000.0, "165000")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0001, "0")] // rounds to zero: no sign
    [InlineData(787.1666, "787.17")]
    [InlineData(1_234.5, "1234.5")]
    [InlineData(double.NaN, "n/a")]
    public void AUnitCountShowsTheDecimalsItHasUpToTwo(double value, string text)
    {
        Assert.Equal(text, SummaryRows.Human(new SummaryCell(value, null), SummaryKind.Units));
    }

    [Fact]
    public void ExactOutputsKeepFullPrecision()
    {
        Assert.Equal("787.1666", SummaryRows.Exact(new SummaryCell(787.1666, null), SummaryKind.Units));
        Assert.Equal("3", SummaryRows.Human(new SummaryCell(3, null), SummaryKind.Count));
    }
}
