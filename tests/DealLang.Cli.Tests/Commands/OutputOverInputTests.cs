using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// No output replaces a file the command reads: <c>check deal.deal -f json -o deal.deal</c> replaced the deal with
/// <c>[]</c>, silently. Every output option naming the deal, an import, a scenario file or a shard — however named:
/// another relative path, a symbolic or a hard link — is a usage error, and the file is left as it was.
/// </summary>
public sealed class OutputOverInputTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-overinput-" + Guid.NewGuid().ToString("N"));

    public OutputOverInputTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "terawulf"));
        foreach (string file in (string[])["hyperion.deal", "hyperion-mc.scenarios", "river-bend.deal", "national-compute.deal", "terawulf.deal",
            "terawulf/lake-mariner.deal", "terawulf/abernathy.deal"])
        {
            File.Copy(Path.Combine(RepoPaths.Examples, file), Path.Combine(_directory, file));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string In(string name) => Path.Combine(_directory, name);

    private void AssertRefused(CliOutcome outcome, string file, string what)
    {
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains($"it is {what}", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("which this command reads, and the output would replace it; give another file; nothing was written", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Examples, file)), File.ReadAllText(In(file)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
        UsageErrorTests.AssertNoStackTrace(outcome);
    }

    [Theory]
    [InlineData("check", "{0}", "-f", "json", "-o", "{0}")]
    [InlineData("check", "{0}", "-f", "sarif", "--output", "{0}")]
    [InlineData("run", "{0}", "-o", "{0}")]
    [InlineData("report", "{0}", "-o", "{0}")]
    [InlineData("solve", "{0}", "--breakeven", "Campus.value deflate", "--until", "Notes loses principal", "-o", "{0}")]
    public void An_output_over_the_deal_file_is_refused(params string[] args)
    {
        string deal = In("hyperion.deal");
        var outcome = CliHarness.Run([.. args.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, deal))]);

        AssertRefused(outcome, "hyperion.deal", "the deal file");
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("--paths-out")]
    [InlineData("--shard", "1/1", "--out")]
    public void A_monte_carlo_output_over_the_deal_file_is_refused(params string[] option)
    {
        string deal = In("national-compute.deal");
        var outcome = CliHarness.Run(["mc", deal, "--scenario", "FiscalCost", "--paths", "2", .. option, deal]);

        AssertRefused(outcome, "national-compute.deal", "the deal file");
    }

    [Theory]
    [InlineData("--paths-out", "{0}", "-o", "{0}")]
    [InlineData("--paths-out", "{0}", "-o", "{1}")]
    [InlineData("--shard", "1/1", "--out", "{0}", "--paths-out", "{1}")]
    public void Two_monte_carlo_outputs_into_one_file_are_refused(params string[] options)
    {
        // The report replaced the Parquet rows (or the shard file them), and both were said to be written.
        string output = In("out.parquet");
        string link = In("link.parquet");
        File.WriteAllText(output, "earlier");
        File.CreateSymbolicLink(link, output);
        string[] resolved = [.. options.Select(o => string.Format(System.Globalization.CultureInfo.InvariantCulture, o, output, link))];
        var outcome = CliHarness.Run(["mc", In("national-compute.deal"), "--scenario", "FiscalCost", "--paths", "2", .. resolved]);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("one would replace the other; give each output its own file; nothing was written", outcome.Err, StringComparison.Ordinal);
        Assert.Equal("earlier", File.ReadAllText(output));
        UsageErrorTests.AssertNoStackTrace(outcome);
    }

    [Fact]
    public void An_output_over_a_file_the_deal_imports_is_refused()
    {
        var outcome = CliHarness.Run("mc", In("terawulf.deal"), "--scenario", "Stochastic", "--paths", "2", "-o", In("terawulf/abernathy.deal"));

        AssertRefused(outcome, "terawulf/abernathy.deal", "a file the deal imports");
    }

    [Fact]
    public void An_output_over_a_scenario_file_is_refused()
    {
        var outcome = CliHarness.Run("run", In("hyperion.deal"), "--scenarios", In("hyperion-mc.scenarios"), "-o", In("hyperion-mc.scenarios"));

        AssertRefused(outcome, "hyperion-mc.scenarios", "a scenario file");
    }

    [Fact]
    public void The_deal_named_another_way_or_through_a_link_is_the_same_file()
    {
        string roundabout = Path.Combine(_directory, "terawulf", "..", "hyperion.deal");
        AssertRefused(CliHarness.Run("check", In("hyperion.deal"), "-f", "json", "-o", roundabout), "hyperion.deal", "the deal file");

        string symbolic = In("link.deal");
        File.CreateSymbolicLink(symbolic, In("hyperion.deal"));
        AssertRefused(CliHarness.Run("check", symbolic, "-f", "json", "-o", In("hyperion.deal")), "hyperion.deal", $"the deal file {symbolic}");
        AssertRefused(CliHarness.Run("check", In("hyperion.deal"), "-f", "json", "-o", symbolic), "hyperion.deal", "the deal file");

        if (OperatingSystem.IsLinux())
        {
            string hard = In("hard.deal");
            using (var ln = System.Diagnostics.Process.Start("ln", [In("hyperion.deal"), hard])) // .NET makes no hard link
            {
                ln.WaitForExit();
                Assert.Equal(0, ln.ExitCode);
            }

            AssertRefused(CliHarness.Run("check", In("hyperion.deal"), "-f", "json", "-o", hard), "hyperion.deal", $"the deal file {In("hyperion.deal")}");
        }
    }

    [Fact]
    public void Merge_does_not_write_over_a_shard()
    {
        string shard = In("one.json");
        Assert.Equal(0, CliHarness.Run("mc", In("national-compute.deal"), "--scenario", "FiscalCost", "--paths", "2", "--shard", "1/1", "--out", shard).Exit);
        string before = File.ReadAllText(shard);

        var outcome = CliHarness.Run("merge", shard, "-o", shard);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains("it is a shard file, which this command reads", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(shard));
    }

    [Fact]
    public void Test_does_not_write_its_junit_report_over_a_deal_tested()
    {
        var outcome = CliHarness.Run("test", In("river-bend.deal"), "--junit", In("river-bend.deal"));

        AssertRefused(outcome, "river-bend.deal", "a deal file being tested");
        Assert.Empty(Directory.GetFiles(_directory, "*.received.*")); // refused before any deal ran
    }

    [Fact]
    public void Fmt_still_formats_a_file_in_place_and_writes_where_it_is_told()
    {
        // Documented: fmt FILE -o FILE formats the file in place; -o onto another deal is the user's explicit choice.
        Assert.Equal(ExitCodes.Ok, CliHarness.Run("fmt", In("hyperion.deal"), "-o", In("hyperion.deal")).Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Examples, "hyperion.deal")), File.ReadAllText(In("hyperion.deal")));

        Assert.Equal(ExitCodes.Ok, CliHarness.Run("fmt", In("hyperion.deal"), "-o", In("river-bend.deal")).Exit);
        Assert.Equal(File.ReadAllText(In("hyperion.deal")), File.ReadAllText(In("river-bend.deal")));
    }
}
