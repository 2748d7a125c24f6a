using System.Text;
using DealLang.Cli.Commands;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// The terminal conventions of every verb (docs/cli.md, "Every verb"): <c>-</c> reads the deal from standard input
/// (its imports relative to the working directory), <c>-v/--verbosity</c>, <c>-o/--output FILE</c>, and progress drawn
/// with Spectre.Console only for work longer than a second, only on a terminal without NO_COLOR.
/// </summary>
public sealed class TerminalTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    private static readonly string HyperionMc = Path.Combine(RepoPaths.Examples, "hyperion-mc.scenarios");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-terminal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static CliOutcome WithInput(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        int exit = CliApp.Run(args, new CliConsole(output, error) { OpenInput = () => new MemoryStream(bytes) });
        return new CliOutcome(exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_deal_read_from_standard_input_checks_runs_and_simulates_as_the_file_does()
    {
        string text = File.ReadAllText(Hyperion);
        CliOutcome check = WithInput(text, "check", "-");
        Assert.True(check.Exit == ExitCodes.Ok, check.ToString());
        Assert.StartsWith("<stdin>: ok: deal Hyperion,", check.Out, StringComparison.Ordinal);

        CliOutcome run = WithInput(text, "run", "-", "--scenario", "Base", "--format", "csv");
        Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
        Assert.Equal(CliHarness.Run("run", Hyperion, "--scenario", "Base", "--format", "csv").Out, run.Out);

        CliOutcome mc = WithInput(text, "mc", "-", "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "40", "--format", "csv");
        Assert.True(mc.Exit == ExitCodes.Ok, mc.ToString());
        Assert.Equal(CliHarness.Run("mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "40", "--format", "csv").Out, mc.Out);

        // report, as every verb: the same page as from the file (the file's name is not in it).
        string fromFile = Path.Combine(folder, "file.html");
        string fromInput = Path.Combine(folder, "stdin.html");
        Assert.Equal(ExitCodes.Ok, CliHarness.Run("report", Hyperion, "--scenario", "Base", "-o", fromFile).Exit);
        CliOutcome report = WithInput(text, "report", "-", "--scenario", "Base", "-o", fromInput);
        Assert.True(report.Exit == ExitCodes.Ok, report.ToString());
        Assert.Equal(File.ReadAllText(fromFile), File.ReadAllText(fromInput));

        // fmt, as an editor pipes a buffer through a formatter: the formatted text on standard output (it was "file
        // not found: -"); --check names <stdin> when the text is not in the layout; build names <stdin> too.
        string messy = text.Replace("\n  title", "\n      title", StringComparison.Ordinal);
        CliOutcome fmt = WithInput(messy, "fmt", "-");
        Assert.True(fmt.Exit == ExitCodes.Ok, fmt.ToString());
        Assert.Equal(text, fmt.Out);
        CliOutcome fmtCheck = WithInput(messy, "fmt", "--check", "-");
        Assert.Equal((ExitCodes.DealErrors, "<stdin>\n"), (fmtCheck.Exit, fmtCheck.Out.ReplaceLineEndings("\n")));
        Assert.Equal(ExitCodes.Ok, WithInput(text, "fmt", "--check", "-").Exit);
        Assert.StartsWith("<stdin>: compiled ", WithInput(text, "build", "-").Out, StringComparison.Ordinal);

        // test keeps its snapshots beside each deal file: standard input is a usage error that says so.
        CliOutcome test = WithInput(text, "test", "-");
        Assert.Equal(ExitCodes.UsageError, test.Exit);
        Assert.Contains("not standard input", test.Err, StringComparison.Ordinal);

        // A mistake is located in <stdin>.
        CliOutcome broken = WithInput(text.Replace("pay      semiannual", "pay      fortnightly", StringComparison.Ordinal), "check", "-");
        Assert.Equal(ExitCodes.DealErrors, broken.Exit);
        Assert.Contains("<stdin>(", broken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_from_standard_input_imports_relative_to_the_working_directory()
    {
        // Valid 026 imports valid 021 by a path relative to its own folder; from standard input the import is read
        // relative to the working directory, so it is rewritten as the path from there.
        string parent = Path.Combine(RepoPaths.Tests, "corpus", "valid", "026-stochastic-chain-run-by-mc.deal");
        string spv = Path.Combine(RepoPaths.Tests, "corpus", "valid", "021-project-spv-held-by-a-parent.deal");
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, spv).Replace('\\', '/');
        string text = File.ReadAllText(parent).Replace("import \"021-project-spv-held-by-a-parent.deal\"", $"import \"{relative}\"", StringComparison.Ordinal);
        CliOutcome check = WithInput(text, "check", "-");
        Assert.True(check.Exit == ExitCodes.Ok, check.ToString());
        Assert.Contains("a chain with Spv", check.Out, StringComparison.Ordinal);

        // As written in the file (relative to the file's folder), the import is not found from here.
        CliOutcome asWritten = WithInput(File.ReadAllText(parent), "check", "-");
        Assert.Equal(ExitCodes.DealErrors, asWritten.Exit);
        Assert.Contains("<stdin>(", asWritten.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_that_is_not_there_or_too_large_is_a_usage_error()
    {
        CliOutcome none = CliHarness.Run("check", "-");
        Assert.Equal(ExitCodes.UsageError, none.Exit);
        Assert.Contains("standard input", none.Err, StringComparison.Ordinal);

        CliOutcome large = WithInput(new string(' ', DealFile.MaxBytes + 1), "check", "-");
        Assert.Equal(ExitCodes.UsageError, large.Exit);
        Assert.Contains("standard input holds more than 16 MiB", large.Err, StringComparison.Ordinal);
    }

    /// <summary>Every verb of the command line, as <c>deallang --help</c> lists them (verbs added later included).</summary>
    public static TheoryData<string> Verbs()
    {
        using var output = new StringWriter();
        CliApp.Run(["--help"], new CliConsole(output, new StringWriter()));
        string commands = output.ToString()[output.ToString().IndexOf("Commands:", StringComparison.Ordinal)..];
        return new(commands.Split('\n').Skip(1).Select(l => l.Trim().Split(' ')[0]).Where(v => v.Length > 0));
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_takes_verbosity_and_refuses_a_bad_value(string verb)
    {
        CliOutcome help = CliHarness.Run(verb, "--help");
        Assert.Contains("-v, --verbosity <quiet|normal|detailed>", help.Out, StringComparison.Ordinal);
        CliOutcome bad = CliHarness.Run(verb, "-v", "loud");
        Assert.Equal(ExitCodes.UsageError, bad.Exit);
        Assert.Contains("'loud' not recognized", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_drops_the_wrote_lines_and_detailed_adds_the_files_read_and_each_stages_time()
    {
        string outDir = Path.Combine(folder, "reports");
        CliOutcome normal = CliHarness.Run("run", Hyperion, "--scenario", "Base", "--out", outDir);
        Assert.Contains("wrote ", normal.Out, StringComparison.Ordinal);
        CliOutcome quiet = CliHarness.Run("run", Hyperion, "--scenario", "Base", "--out", outDir, "-v", "quiet");
        Assert.Equal(ExitCodes.Ok, quiet.Exit);
        Assert.Equal("", quiet.Out);
        Assert.Equal("", quiet.Err);

        // Hyperion ran above, unchanged since: its check is remembered (docs/cli.md, "The compiled-deal cache").
        CliOutcome detailed = CliHarness.Run("run", Hyperion, "--scenario", "Base", "--verbosity", "detailed", "--format", "csv");
        Assert.Equal(ExitCodes.Ok, detailed.Exit);
        Assert.Equal(CliHarness.Run("run", Hyperion, "--scenario", "Base", "--format", "csv").Out, detailed.Out);
        Assert.Matches(@"deallang: .*hyperion\.deal and its 0 import\(s\) unchanged since checked: compiled deal and scenarios from the cache in [0-9]+\.[0-9]{3} s", detailed.Err);
        Assert.Matches(@"deallang: run took [0-9]+\.[0-9]{3} s, exit 0 \(JIT: [0-9]+ methods, [0-9]+\.[0-9]{3} s\)", detailed.Err);
        Assert.Matches(@"deallang: ran 1 scenario\(s\) in [0-9]+\.[0-9]{3} s", detailed.Err);

        // With a scenario file the deal is read and checked on every run.
        CliOutcome checkedRun = CliHarness.Run("run", Hyperion, "--scenarios", HyperionMc, "--scenario", "Base", "--verbosity", "detailed", "--format", "csv");
        Assert.Equal(detailed.Out, checkedRun.Out);
        Assert.Matches(@"deallang: read and checked .*hyperion\.deal, .*hyperion-mc\.scenarios in [0-9]+\.[0-9]{3} s", checkedRun.Err);
        Assert.Matches(@"deallang: compiled deal Hyperion in [0-9]+\.[0-9]{3} s", checkedRun.Err);
        CliOutcome mc = CliHarness.Run("mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "30", "--threads", "1", "-v", "detailed");
        Assert.Matches(@"deallang: ran paths 0 to 29 of 30 on 1 thread\(s\) in [0-9]+\.[0-9]{3} s", mc.Err);

        // A chain's run is timed as one deal's is (it was not: no line said how long its scenarios took).
        CliOutcome chain = CliHarness.Run("run", Path.Combine(RepoPaths.Examples, "terawulf.deal"), "-v", "detailed", "--format", "csv");
        Assert.Equal(ExitCodes.Ok, chain.Exit);
        Assert.Matches(@"deallang: ran [0-9]+ scenario\(s\) of the chain's 3 entities in [0-9]+\.[0-9]{3} s", chain.Err);
    }

    [Fact]
    public void Output_writes_each_verbs_report_to_a_file_byte_for_byte_what_it_prints()
    {
        string shardFile = Path.Combine(folder, "s1.json");
        string[][] verbs =
        [
            ["run", Hyperion, "--scenario", "all"],
            ["mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "30", "--format", "json"],
            ["solve", Hyperion, "--hurdle", "MetaLease.rent", "--target", "Notes irr = 5%", "--scenario", "Base"],
            ["check", Hyperion, "--format", "json"],
        ];
        for (int i = 0; i < verbs.Length; i++)
        {
            string file = Path.Combine(folder, $"report{i}.txt");
            CliOutcome printed = CliHarness.Run(verbs[i]);
            CliOutcome written = CliHarness.Run([.. verbs[i], "-o", file]);
            Assert.True(written.Exit == printed.Exit, written.ToString());
            Assert.Equal($"wrote {file}", written.Out.Trim());
            Assert.Equal(printed.Out, File.ReadAllText(file));
        }

        // mc --shard: -o names the shard file, as --out does; merge -o writes the merged report.
        CliOutcome shard = CliHarness.Run("mc", Hyperion, "--scenarios", HyperionMc, "--scenario", "StochasticRent", "--paths", "30", "--shard", "1/1", "-o", shardFile);
        Assert.True(shard.Exit == ExitCodes.Ok, shard.ToString());
        Assert.StartsWith($"wrote {shardFile} (shard 1/1", shard.Out, StringComparison.Ordinal);
        string merged = Path.Combine(folder, "merged.txt");
        Assert.Equal(ExitCodes.Ok, CliHarness.Run("merge", shardFile, "--output", merged).Exit);
        Assert.Equal(CliHarness.Run("merge", shardFile).Out, File.ReadAllText(merged));
    }

    [Theory]
    [InlineData("run", "--out", "DIR", "-o", "FILE", "not both")]
    [InlineData("mc", "--shard", "1/1", "--out", "FILE", "both name the shard file")]
    [InlineData("run", "-o", "FOLDER", "", "", "it is a folder")]
    public void Output_with_out_or_to_a_folder_is_a_usage_error(string verb, string a, string b, string c, string d, string message)
    {
        string[] args = [verb, Hyperion, .. new[] { a, b, c, d }.Where(x => x.Length > 0).Select(x => x switch
        {
            "DIR" or "FOLDER" => folder,
            "FILE" => Path.Combine(folder, "x.txt"),
            _ => x,
        })];
        if (verb == "mc")
        {
            args = [.. args, "-o", Path.Combine(folder, "y.txt"), "--scenarios", HyperionMc, "--scenario", "StochasticRent"];
        }

        CliOutcome outcome = CliHarness.Run(args);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Contains(message, outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_drawn_with_spectre_only_for_work_longer_than_the_delay_and_only_when_enabled()
    {
        // Longer than the delay: a bar with the paths and their rate, cleared at the end; the work's result returned.
        using var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error) { ErrorIsTerminal = true };
        int result = ProgressDisplay.Run(console, enabled: true, "mc Test", 1000, report =>
        {
            for (int i = 1; i <= 10; i++)
            {
                Thread.Sleep(40);
                report!(i * 100);
            }

            return 42;
        }, delay: TimeSpan.FromMilliseconds(50));
        Assert.Equal(42, result);
        Assert.Contains("mc Test", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(" / 1,000 paths", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\u001b[", error.ToString(), StringComparison.Ordinal); // drawn in place with ANSI sequences

        // Shorter than the delay, or not enabled: nothing drawn, the callback null when disabled.
        using var quick = new StringWriter();
        Assert.Equal(7, ProgressDisplay.Run(new CliConsole(TextWriter.Null, quick) { ErrorIsTerminal = true }, enabled: true, "quick", 10, _ => 7));
        Assert.Equal("", quick.ToString());
        Assert.Equal(8, ProgressDisplay.Run(console, enabled: false, "off", 10, report => report is null ? 8 : -1));

        // An exception of the work is the caller's, as if it had run inline.
        Assert.Throws<UsageException>(() => ProgressDisplay.Run<int>(console, enabled: true, "fails", null, _ => throw new UsageException("x"), TimeSpan.Zero));

        // Enabled only on a terminal, without NO_COLOR, and not quiet.
        Assert.True(new CliConsole(TextWriter.Null, TextWriter.Null) { ErrorIsTerminal = true, Environment = _ => null }.ShowsProgress);
        Assert.False(new CliConsole(TextWriter.Null, TextWriter.Null) { ErrorIsTerminal = false, Environment = _ => null }.ShowsProgress);
        Assert.False(new CliConsole(TextWriter.Null, TextWriter.Null) { ErrorIsTerminal = true, Environment = v => v == "NO_COLOR" ? "1" : null }.ShowsProgress);
        Assert.True(new CliConsole(TextWriter.Null, TextWriter.Null) { ErrorIsTerminal = true, Environment = v => v == "NO_COLOR" ? "" : null }.ShowsProgress);
        Assert.False(new CliConsole(TextWriter.Null, TextWriter.Null) { ErrorIsTerminal = true, Environment = _ => null, Verbosity = Verbosity.Quiet }.ShowsProgress);
    }

    [Fact]
    public void The_paths_column_shows_the_count_and_the_rate()
    {
        Assert.Equal("250,000 / 1,000,000 paths  50,000 paths/s", ProgressDisplay.PathsColumn.Line(250_000, 1_000_000, 50_000));
        Assert.Equal("0 / 10 paths  0 paths/s", ProgressDisplay.PathsColumn.Line(0, 10, null));
    }
}
