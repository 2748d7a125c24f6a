using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runner.Tests.Simulation;
using DealLang.Runner.Tests.Support;
using DealLang.TestSupport;

namespace DealLang.Runner.Tests.Reports;

/// <summary>
/// The Monte Carlo report in each format, on the hand-checked run of <see cref="CreditMetricsTests"/> (100 paths of
/// <c>LossProgram</c> losing 0 … 99): the figures in the baselines are those computed there by hand (P(loss) 99.000%
/// ± 0.995%, EL 49.5 ± 2.901, VaR 95% 94.25 ± 2.5, ES 95% 97.2 ± 1.420, the default rate 10% ± 3%; the table and
/// Markdown print money in millions, so 49.5 is 0.000).
/// </summary>
public sealed class MonteCarloReportTests
{
    [Theory]
    [InlineData(ReportFormat.Table, "txt")]
    [InlineData(ReportFormat.Csv, "csv")]
    [InlineData(ReportFormat.Json, "json")]
    [InlineData(ReportFormat.Markdown, "md")]
    public void EachFormat(ReportFormat format, string extension)
    {
        CreditMetrics metrics = CreditMetricsTests.Run();
        string text = MonteCarloReport.Render(metrics, format);
        Assert.Equal(text, MonteCarloReport.Render(CreditMetricsTests.Run(), format)); // deterministic
        Assert.DoesNotContain("-0.000", text, StringComparison.Ordinal);
        Snapshot.Verify(text, extension, $"loss-0-to-99.{extension}");
    }

    [Theory]
    [InlineData(1, "Small: Monte Carlo, scenario Mc, 1 path, seed 7")]
    [InlineData(2, "Small: Monte Carlo, scenario Mc, 2 paths, seed 7")]
    [InlineData(1000, "Small: Monte Carlo, scenario Mc, 1,000 paths, seed 7")]
    public void TheTitleCountsThePaths(int paths, string title)
    {
        var frame = new SimulationFrame("Small", "hash", "USD", "Mc", 7, paths, [], [], [], [], [], []);
        Assert.Equal(title, MonteCarloReport.Title(frame));
    }

    [Theory]
    [InlineData(0.4, "0.4000")]
    [InlineData(1.0, "1.0000")]
    [InlineData(0.04312, "0.04312")]
    [InlineData(0.043, "0.04300")]
    [InlineData(2.34567, "2.3457")]
    [InlineData(0.0, "0.0000")]
    [InlineData(-0.004, "-0.004000")]
    public void AFansLevelsReadAlikeDownAColumn(double level, string text)
    {
        // Four decimals, or four significant digits below 1, trailing zeros kept: terawulf's completion index read
        // 0.4 beside 1.0000 (the Monte Carlo review).
        Assert.Equal(text, MonteCarloReport.Level4(level));
    }

    [Fact]
    public void TheCsvCarriesTheExactFigures()
    {
        string csv = MonteCarloReport.Render(CreditMetricsTests.Run(), ReportFormat.Csv);
        Assert.Contains("Notes,expected loss,49.50,2.90\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Notes,VaR 95%,94.00,2.50\r\n", csv, StringComparison.Ordinal); // exact: 94 alone in its bucket (its midpoint 94.25 printed before)
        // 99.9% of 100 paths is rank ⌈99.9⌉ = 100, the largest loss: no standard error (it read 0.00).
        Assert.Contains("Notes,VaR 99.9%,99.00,\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Notes,ES 99.9%,99.00,\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Obligor,simulated default rate,0.1,0.030000000000000002\r\n", csv, StringComparison.Ordinal); // √(0.1 × 0.9 / 100) in doubles
        // A fan's histogram keeps no extremes: its p50, 49, reads at its bucket's midpoint (at 6 bits [49, 49.5) in the
        // octave [32, 64)'s buckets of 0.5), 49.25, as every level did before the measures' quantiles were read exactly.
        Assert.Contains("Level,2025-01-01 p50,49.25,\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMeanThatWasZeroOnEveryPathPrintsNoPlusMinus(bool antithetic)
    {
        // Four paths of LossProgram with no loss (and so no unpaid interest, L / 10): the expected loss and unpaid interest
        // are 0 with s = 0, whose s/√n = 0 printed "0.000 ± 0.000" as if known exactly (under antithetic, the pair sums
        // y = 0, 0 gave 0 too). Now no ±: the table says every path was 0, the JSON's stderr is null beside everyPathZero,
        // the CSV's stderr is empty, as for the share of 0 above it (which prints its 95% upper bound, 1 − 0.05^(1/4) =
        // 52.7% over 4 paths, 1 − 0.05^(1/2) = 77.6% over 2 pairs).
        var program = new LossProgram();
        var source = new ListSource(program.Description, [0, 0, 0, 0], pairs: antithetic);
        SimulationTotals totals = new SimulationEngine(program, source).Run(0, 4, threads: 1);
        SimulationFrame frame = SimulationFrame.Of(program.Description, "test", "Zero", 1, 4) with
        {
            Sampling = antithetic ? SimulationFrame.Antithetic : SimulationFrame.Independent,
        };
        CreditMetrics metrics = CreditMetrics.Compute(frame, totals);
        Estimate unpaid = metrics.Tranches[0].ExpectedUnpaidInterest;
        Assert.Equal(0, unpaid.Value);
        Assert.True(double.IsNaN(unpaid.StdError));
        Assert.True(unpaid.EveryPathZero);
        Assert.True(metrics.Tranches[0].ExpectedLoss.EveryPathZero);
        Assert.True(metrics.Tranches[0].ExpectedLossShare.EveryPathZero);
        Assert.False(metrics.Tranches[0].Wal.Mean.EveryPathZero); // every WAL the same 4 years, not 0: every path 4 (below)

        string table = MonteCarloReport.Render(metrics, ReportFormat.Table);
        Assert.Matches(@"\n\s+expected unpaid interest\s+0\.000\s+every path 0\n", table.ReplaceLineEndings("\n"));
        Assert.Matches(@"\n\s+expected loss\s+0\.000\s+every path 0\n", table.ReplaceLineEndings("\n"));
        Assert.DoesNotMatch(@"expected unpaid interest\s+0\.000\s+0\.000", table);
        string json = MonteCarloReport.Render(metrics, ReportFormat.Json);
        Assert.Contains("\"expectedUnpaidInterest\": {\n        \"value\": 0.00,\n        \"stderr\": null,\n        \"everyPathZero\": true\n      }",
            json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Notes,expected unpaid interest,0.00,\r\n", MonteCarloReport.Render(metrics, ReportFormat.Csv), StringComparison.Ordinal);
        Assert.Matches(antithetic ? @"P\(interest shortfall\): 95% upper bound\s+77\.639%" : @"P\(interest shortfall\): 95% upper bound\s+52\.713%", table);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMeanTheSameNonzeroValueOnEveryPathPrintsEveryPathThatValue(bool antithetic)
    {
        // Four paths of LossProgram with no loss: every path repays its 100 at 2028-12-31, 1,460 days after the 2025-01-01
        // closing, a WAL of 1460/365 = 4 years exactly, and earns its 5% coupon, an IRR of 5%. Each mean has s = 0, whose
        // s/√n = 0 printed "4.000 ± 0.000" (under antithetic the pair formula gave 0 too) as if known exactly; as a mean
        // of 0 on every path prints "every path 0", these print the value every path had.
        var program = new LossProgram();
        var source = new ListSource(program.Description, [0, 0, 0, 0], pairs: antithetic);
        SimulationTotals totals = new SimulationEngine(program, source).Run(0, 4, threads: 1);
        SimulationFrame frame = SimulationFrame.Of(program.Description, "test", "Same", 1, 4) with
        {
            Sampling = antithetic ? SimulationFrame.Antithetic : SimulationFrame.Independent,
        };
        CreditMetrics metrics = CreditMetrics.Compute(frame, totals);
        Estimate wal = metrics.Tranches[0].Wal.Mean;
        Assert.Equal(4, wal.Value, 9);
        Assert.True(double.IsNaN(wal.StdError));
        Assert.True(wal.EveryPathSame);
        Assert.False(wal.EveryPathZero);
        Assert.True(metrics.Tranches[0].Irr.Mean.EveryPathSame);
        Assert.True(metrics.Tranches[0].ExpectedLoss.EveryPathZero); // 0 stays "every path 0"

        string table = MonteCarloReport.Render(metrics, ReportFormat.Table).ReplaceLineEndings("\n");
        Assert.Matches(@"\n\s+WAL mean\s+4\.000\s+every path 4\.000\n", table);
        Assert.Matches(@"\n\s+IRR mean\s+5\.000%\s+every path 5\.000%\n", table);
        Assert.Matches(@"\n\s+expected loss\s+0\.000\s+every path 0\n", table);
        string markdown = MonteCarloReport.Render(metrics, ReportFormat.Markdown);
        Assert.Matches(@"\|\s*WAL mean\s*\|\s*4\.000\s*\|\s*every path 4\.000\s*\|", markdown);
        string json = MonteCarloReport.Render(metrics, ReportFormat.Json).ReplaceLineEndings("\n");
        Assert.Matches(@"""wal"": \{\n\s+""paths"": 4,\n\s+""undefined"": 0,\n\s+""mean"": \{\n\s+""value"": 4(\.0+)?,\n\s+""stderr"": null,\n\s+""everyPathSame"": true\n", json);
        Assert.Matches(@"Notes,WAL mean,4(\.0+)?,\r\n", MonteCarloReport.Render(metrics, ReportFormat.Csv));
    }
}
