using DealLang.Cli.Report;
using DealLang.Runner.Simulation;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Report;

/// <summary><c>deallang report</c> without a browser: the file it writes, its mistakes (usage errors, exit 2), the data
/// embedded safely, and the loss histogram's bins.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-report-cmd-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    [Fact]
    public void WritesOneSelfContainedFileForOneScenario()
    {
        string file = Path.Combine(folder, "base.html");
        var run = CliHarness.Run("report", Hyperion, "--scenario", "Base", "-o", file);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal($"wrote {file}\n", run.Out.ReplaceLineEndings("\n"));
        string html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(HtmlPage.Asset("echarts.common.min.js"), html, StringComparison.Ordinal); // the library, inline
        Assert.Contains("\"id\":\"scenario-1-payments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("scenario-2-", html, StringComparison.Ordinal); // one scenario: Base only
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietWritesTheFileWithoutSayingSo()
    {
        string file = Path.Combine(folder, "quiet.html");
        var run = CliHarness.Run("report", Hyperion, "--scenario", "Base", "-o", file, "--verbosity", "quiet");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal("", run.Out); // no 'wrote FILE' (docs/cli.md, every verb: quiet)
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void AFleetsBookAndMarketValueAndATestsTriggerLevelAreTheDeals()
    {
        // CoreWeave's Base: the Gpus fleet's chart is the ledger's 'Gpus book value' and 'Gpus market value' columns
        // (the committed ledger baseline, printed to the cent), and Dscr's chart carries CashTrap's level
        // (trigger CashTrap when Dscr < 1.20x).
        string file = Path.Combine(folder, "cw.html");
        var run = CliHarness.Run("report", Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal"), "--scenario", "Base", "-o", file);
        Assert.True(run.Exit == 0, run.ToString());
        using var data = EmbeddedData(File.ReadAllText(file));
        var charts = data.RootElement.GetProperty("sections")[0].GetProperty("charts").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        var fleet = charts["scenario-1-fleet-0"];
        Assert.Equal("Fleet Gpus: book and market value", fleet.GetProperty("title").GetString());

        string[] ledger = File.ReadAllLines(Path.Combine(RepoPaths.Tests, "DealLang.Cli.Tests", "Baselines", "Snapshots",
            "ExampleBaselineTests.coreweave-ddtl2.Base.ledger.verified.csv"));
        string[] header = ledger[0].Split(',');
        foreach (var (series, column) in new[] { (0, "Gpus book value"), (1, "Gpus market value") })
        {
            int c = Array.IndexOf(header, column);
            double[] expected = [.. ledger.Skip(1).Select(row => double.Parse(row.Split(',')[c], System.Globalization.CultureInfo.InvariantCulture))];
            double[] drawn = [.. fleet.GetProperty("series")[series].GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
            Assert.Equal(expected.Length, drawn.Length);
            Assert.All(expected.Zip(drawn), pair => Assert.Equal(pair.First, pair.Second, 0.005));
        }

        var marks = charts.Values.Single(c => c.GetProperty("title").GetString() == "Test Dscr").GetProperty("marks");
        Assert.Equal(("CashTrap", 1.20), (marks[0].GetProperty("name").GetString(), marks[0].GetProperty("value").GetDouble()));
    }

    /// <summary>The report's data, from its <c>&lt;script type="application/json"&gt;</c>.</summary>
    internal static System.Text.Json.JsonDocument EmbeddedData(string html)
    {
        const string open = "<script type=\"application/json\" id=\"report-data\">";
        int start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return System.Text.Json.JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData("--paths, --seed and --threads set a Monte Carlo run: give --mc too", "--scenario", "Base", "--paths", "10")]
    [InlineData("--paths, --seed and --threads set a Monte Carlo run: give --mc too", "--threads", "2")]
    [InlineData("--threads must be at least 1, not 0", "--mc", "--scenario", "Base", "--threads", "0")]
    [InlineData("--mc runs one stochastic scenario: give it with --scenario NAME", "--mc")]
    [InlineData("--paths must be at least 1, not 0", "--mc", "--scenario", "Base", "--paths", "0")]
    [InlineData("--paths takes a whole number, not '10k'", "--mc", "--scenario", "Base", "--paths", "10k")]
    [InlineData("--seed takes a whole number from 0 to 18446744073709551615, not -3", "--mc", "--scenario", "Base", "--seed", "-3")]
    [InlineData("scenario Base is not stochastic (it draws nothing): report it without --mc;", "--mc", "--scenario", "Base")]
    [InlineData("unknown scenario 'Nope'", "--scenario", "Nope")]
    public void MistakesAreUsageErrorsAndWriteNothing(string message, params string[] arguments)
    {
        string file = Path.Combine(folder, "r.html");
        var run = CliHarness.Run(["report", Hyperion, .. arguments, "-o", file]);
        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void TheOutputFileIsRequired()
    {
        var run = CliHarness.Run("report", Hyperion);
        Assert.Equal(2, run.Exit);
        Assert.Contains("--out", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void AChainsReportHasEachEntitysScenariosInRunOrder()
    {
        // Valid 022: Parent holds Spv's notes and equity, so Spv runs first. Each entity has its scenarios' sections, then
        // its comparison.
        string top = Directory.GetFiles(Path.Combine(RepoPaths.Tests, "corpus", "valid"), "022-*.deal").Single();
        string file = Path.Combine(folder, "chain.html");
        var run = CliHarness.Run("report", top, "-o", file);
        Assert.True(run.Exit == 0, run.ToString());
        using var data = EmbeddedData(File.ReadAllText(file));
        string[] titles = [.. data.RootElement.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString()!)];
        Assert.StartsWith("Spv: scenario ", titles[0], StringComparison.Ordinal);
        Assert.Contains("Spv: scenarios side by side", titles);
        Assert.Equal("Parent: scenarios side by side", titles[^1]);
        int spv = Array.IndexOf(titles, "Spv: scenarios side by side");
        Assert.Equal(titles.Length, 2 * (spv + 1)); // the same scenarios for both entities
        Assert.All(data.RootElement.GetProperty("sections").EnumerateArray(), s =>
            Assert.Contains(s.GetProperty("charts").EnumerateArray(), c => c.GetProperty("series").GetArrayLength() > 0));
    }

    [Fact]
    public void AChainsMonteCarloReportChartsEachEntityAsMcReportsIt()
    {
        // TeraWulf and its two SPVs on the same 300 paths: a section per entity in run order, each tranche's VaR lines
        // those of `deallang mc` on the chain with the same seed (the same paths, so the same figures).
        string top = Path.Combine(RepoPaths.Examples, "terawulf.deal");
        string file = Path.Combine(folder, "chain-mc.html");
        var run = CliHarness.Run("report", top, "--mc", "--scenario", "Stochastic", "--paths", "300", "--seed", "7", "-o", file);
        Assert.True(run.Exit == 0, run.ToString());
        using var data = EmbeddedData(File.ReadAllText(file));
        var sections = data.RootElement.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["LakeMariner: Monte Carlo: scenario Stochastic", "Abernathy: Monte Carlo: scenario Stochastic", "TeraWulf: Monte Carlo: scenario Stochastic"],
            sections.Select(s => s.GetProperty("title").GetString()));

        var mc = CliHarness.Run("mc", top, "--scenario", "Stochastic", "--paths", "300", "--seed", "7", "--format", "json");
        Assert.True(mc.Exit == 0, mc.ToString());
        using var metrics = System.Text.Json.JsonDocument.Parse(mc.Out);
        foreach (var (entity, section) in new[] { "LakeMariner", "Abernathy", "TeraWulf" }.Zip(sections))
        {
            var tranches = metrics.RootElement.GetProperty(entity + ".Stochastic.mc").GetProperty("tranches").EnumerateArray().ToList();
            var losses = section.GetProperty("charts").EnumerateArray().Where(c => c.GetProperty("title").GetString()!.EndsWith(": principal loss over the paths", StringComparison.Ordinal)).ToList();
            Assert.Equal(tranches.Count, losses.Count);
            foreach (var (tranche, chart) in tranches.Zip(losses))
            {
                double[] expected = [.. tranche.GetProperty("tails").EnumerateArray().Select(t => t.GetProperty("valueAtRisk").GetProperty("value").GetDouble())];
                double[] drawn = [.. chart.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("value").GetDouble())];
                Assert.Equal(expected.Length, drawn.Length);
                for (int k = 0; k < expected.Length; k++)
                {
                    Assert.Equal(expected[k], drawn[k], 0.005); // mc's JSON writes money to the cent
                }
            }
        }

        // Abernathy's notes lose principal on some of these paths (its JV's tenant defaults), so the check is not of zeros.
        Assert.Contains(sections[1].GetProperty("charts").EnumerateArray().SelectMany(c => c.GetProperty("marks").EnumerateArray()), m => m.GetProperty("value").GetDouble() > 0);
    }

    [Fact]
    public void AGuaranteedTranchesHoldersLossIsChartedBesideTheIssuersAsMcReportsIt()
    {
        // HoldersMonteCarloTests' deal (two 50m loans, 40% recovery, behind a 100m note a state guarantees up to 40m),
        // its 4,000 paths (seed 5). By hand: the issuer loses 0, 30m (one default) or 60m (both); the holders lose
        // max(0, loss − 40m), 20m on the 88 paths of both defaults and nothing elsewhere. So the holders' chart, right
        // after the issuer's, has 40 bins of 20m / 40 = 0.5m from 0: 3,912 paths in the first (its middle 0.25m), 88 in
        // the last (its middle 19.75m), and its VaR lines are mc's holders' (95%: 0, rank 3,800 among the zeros; 99%
        // and 99.9%: 20m). A tranche without a guarantor has no holders' chart (CoreWeave's, TeraWulf's: the tests above).
        string deal = Path.Combine(folder, "held.deal");
        File.WriteAllText(deal, DealLang.Cli.Tests.MonteCarlo.HoldersMonteCarloTests.Held);
        string file = Path.Combine(folder, "held-mc.html");
        var run = CliHarness.Run("report", deal, "--mc", "--scenario", "Mc", "--threads", "2", "-o", file);
        Assert.True(run.Exit == 0, run.ToString());
        using var data = EmbeddedData(File.ReadAllText(file));
        var charts = data.RootElement.GetProperty("sections")[0].GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(["montecarlo-loss-0", "montecarlo-holders-loss-0"], charts.Select(c => c.GetProperty("id").GetString()));
        var holders = charts[1];
        Assert.Equal("Note: holders' principal loss over the paths", holders.GetProperty("title").GetString());
        Assert.StartsWith("on 88 of 4,000 paths the holders lose principal the guarantor did not pay them;", holders.GetProperty("note").GetString(), StringComparison.Ordinal);
        double?[] counts = [.. holders.GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : v.GetDouble())];
        Assert.Equal(MonteCarloCharts.Bins, counts.Length);
        Assert.Equal((3912.0, 88.0, 4000.0), (counts[0], counts[^1], counts.Sum(c => c ?? 0)));

        var mc = CliHarness.Run("mc", deal, "--scenario", "Mc", "--threads", "2", "--format", "json");
        Assert.True(mc.Exit == 0, mc.ToString());
        using var metrics = System.Text.Json.JsonDocument.Parse(mc.Out);
        foreach (var (tails, chart) in new[] { metrics.RootElement.GetProperty("tranches")[0], metrics.RootElement.GetProperty("tranches")[0].GetProperty("holders") }
            .Select(t => t.GetProperty("tails")).Zip(charts))
        {
            double[] expected = [.. tails.EnumerateArray().Select(t => t.GetProperty("valueAtRisk").GetProperty("value").GetDouble())];
            double[] drawn = [.. chart.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("value").GetDouble())];
            Assert.Equal(expected.Length, drawn.Length);
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.Equal(expected[k], drawn[k], 0.005); // mc's JSON writes money to the cent
            }
        }

        Assert.Equal(["holders' VaR 95%", "holders' VaR 99%", "holders' VaR 99.9%"], holders.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal([0.0, 20e6, 20e6], holders.GetProperty("marks").EnumerateArray().Select(m => Math.Round(m.GetProperty("value").GetDouble(), 2)));
    }

    [Fact]
    public void NoTextOfTheDealCanCloseTheDataScript()
    {
        // A title that tries to end the <script> element and open another: the JSON escapes '<', '>' and '&'.
        var document = new ReportDocument("D", "</script><script>alert(1)</script>", "USD", "x", []);
        string html = HtmlPage.Render(document);
        string data = html[html.IndexOf("id=\"report-data\">", StringComparison.Ordinal)..];
        data = data[..data.IndexOf("</script>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<", data[1..], StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", data, StringComparison.Ordinal);
        Assert.Contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLossHistogramPutsEveryPathInOneOfItsBins()
    {
        // 6 paths: losses 0, 0, 0, 10, 20, 100. Bins of (100 − 0) / 40 = 2.5: 0 → bin 0 (middle 1.25), 10 → bin 4,
        // 20 → bin 8, 100 → bin 39 (the last bin holds the largest). Each bucket's value is within 0.39% of the loss.
        var histogram = new LogHistogram(SimulationTotals.MeasureBits);
        foreach (double loss in new double[] { 0, 0, 0, 10, 20, 100 })
        {
            histogram.Add(loss);
        }

        var (points, counts) = MonteCarloCharts.Binned(histogram);
        Assert.Equal(MonteCarloCharts.Bins, points.Length);
        Assert.Equal(1.25, points[0], 1e-12);
        Assert.Equal(6, counts.Sum());
        Assert.Equal((3L, 1L, 1L, 1L), (counts[0], counts[4], counts[8], counts[39]));

        // No loss on any path: one bar at 0 holding them all.
        var none = new LogHistogram(SimulationTotals.MeasureBits);
        none.Add(0);
        none.Add(0);
        var (flatPoints, flatCounts) = MonteCarloCharts.Binned(none);
        Assert.Equal([0.0], flatPoints);
        Assert.Equal([2L], flatCounts);
    }
}
