using DealLang.Compiler.Emit;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>run</c> on a deal it ran before, unchanged with everything it imports, takes the compiled deals (a chain's every
/// entity) and the declared scenarios from the cache without reading or checking the deal (CheckedRunCache): the same
/// output, byte for byte. Whatever could make a fresh check differ (an edited deal or import, scenario files, a
/// warning) reads and checks the deal as before; an entry DealLang did not write is discarded like a compiled deal's.
/// </summary>
public sealed class CheckedRunTests : IDisposable
{
    private const string FromTheCache = "unchanged since checked";

    private static readonly string Examples = RepoPaths.Examples;

    private readonly string _folder = Directory.CreateTempSubdirectory("deallang-checked-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Cache => Path.Combine(_folder, "cache");

    private CompileOptions Options => new() { CacheDirectory = Cache, UseMemoryCache = false };

    private CliOutcome Run(params string[] args) => CliHarness.RunWith(Options, ["run", .. args, "--verbosity", "detailed"]);

    private static CliOutcome Uncached(params string[] args) => CliHarness.RunWith(new CompileOptions { UseDiskCache = false, UseMemoryCache = false }, ["run", .. args]);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Entry => Assert.Single(Directory.GetFiles(Cache, "*.dlr"));

    public static TheoryData<string> ExampleDeals() =>
        [.. Directory.GetFiles(RepoPaths.Examples, "*.deal").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public void An_example_run_again_is_not_checked_again_and_prints_the_same(string deal)
    {
        string path = Path.Combine(Examples, deal);
        foreach (string format in (string[])["table", "csv", "json", "md"])
        {
            foreach (string remembered in Directory.GetFiles(Path.Combine(_folder), "*.dlr", SearchOption.AllDirectories))
            {
                File.Delete(remembered); // the compiled deals stay: only the check is done again
            }

            var checkedRun = Run(path, "--format", format);
            var again = Run(path, "--format", format);

            Assert.True(checkedRun.Exit == ExitCodes.Ok, checkedRun.ToString());
            Assert.True(again.Exit == ExitCodes.Ok, again.ToString());
            Assert.Equal(checkedRun.Out, again.Out);
            Assert.Contains("read and checked", checkedRun.Err, StringComparison.Ordinal);
            Assert.Contains(FromTheCache, again.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("read and checked", again.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_chain_is_checked_again_when_a_file_two_imports_down_changes()
    {
        // The credit fund's chain in a folder of its own (six entities, the fund last): it imports TeraWulf, which
        // imports Abernathy.
        foreach (string file in (string[])["credit-fund.deal", "hyperion.deal", "coreweave-ddtl2.deal", "terawulf.deal", "terawulf/lake-mariner.deal", "terawulf/abernathy.deal"])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder, file))!);
            File.Copy(Path.Combine(Examples, file), Path.Combine(_folder, file));
        }

        string fund = Path.Combine(_folder, "credit-fund.deal");
        var first = Run(fund, "--format", "csv");
        Assert.True(first.Exit == ExitCodes.Ok, first.ToString());
        var remembered = Run(fund, "--format", "csv");
        Assert.Contains("credit-fund.deal and its 5 import(s) " + FromTheCache + ": 6 compiled entities and scenarios from the cache", remembered.Err, StringComparison.Ordinal);
        Assert.Equal(first.Out, remembered.Out);

        string abernathy = Path.Combine(_folder, "terawulf", "abernathy.deal");
        string text = File.ReadAllText(abernathy);
        string edited = text.Replace("units           32000 gpus", "units           16000 gpus", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        File.WriteAllText(abernathy, edited);
        var again = Run(fund, "--format", "csv");

        Assert.True(again.Exit == ExitCodes.Ok, again.ToString());
        Assert.DoesNotContain(FromTheCache, again.Err, StringComparison.Ordinal);
        Assert.NotEqual(first.Out, again.Out);
        Assert.Equal(Uncached(fund, "--format", "csv").Out, again.Out);
        Assert.Contains(FromTheCache, Run(fund, "--format", "csv").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_import_is_read_and_checked_again()
    {
        // Hyperion importing the example's stress scenarios: GpuRentStress deflates the campus's value 25% a year.
        string stress = File.ReadAllText(Path.Combine(Examples, "hyperion-stress.scenarios"));
        Write("stress.scenarios", stress);
        string deal = Write("hyperion.deal", "import \"stress.scenarios\"\n" + File.ReadAllText(Path.Combine(Examples, "hyperion.deal")));
        var first = Run(deal, "--format", "csv");
        Assert.True(first.Exit == ExitCodes.Ok, first.ToString());
        Assert.Contains(FromTheCache, Run(deal, "--format", "csv").Err, StringComparison.Ordinal);

        string edited = stress.Replace("Campus.value deflate 25% per year", "Campus.value deflate 5% per year", StringComparison.Ordinal);
        Assert.NotEqual(stress, edited);
        Write("stress.scenarios", edited);
        var again = Run(deal, "--format", "csv");

        Assert.True(again.Exit == ExitCodes.Ok, again.ToString());
        Assert.DoesNotContain(FromTheCache, again.Err, StringComparison.Ordinal);
        Assert.NotEqual(first.Out, again.Out);
        Assert.Equal(Uncached(deal, "--format", "csv").Out, again.Out);
        Assert.Contains(FromTheCache, Run(deal, "--format", "csv").Err, StringComparison.Ordinal); // remembered anew

        // An import gone is the check's to report (DL0600), not the cache's to paper over.
        File.Delete(Path.Combine(_folder, "stress.scenarios"));
        var gone = Run(deal, "--format", "csv");
        Assert.Equal(ExitCodes.DealErrors, gone.Exit);
        Assert.Contains("error DL0600", gone.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remembered_run_refuses_an_output_over_the_deal_or_an_import_as_a_checked_one_does()
    {
        // Without the check the deal and its imports were never noted as read, so -o replaced the deal file.
        string stress = Write("stress.scenarios", File.ReadAllText(Path.Combine(Examples, "hyperion-stress.scenarios")));
        string text = "import \"stress.scenarios\"\n" + File.ReadAllText(Path.Combine(Examples, "hyperion.deal"));
        string deal = Write("hyperion.deal", text);
        var first = Run(deal, "--scenario", "Base");
        Assert.True(first.Exit == ExitCodes.Ok, first.ToString());

        foreach (string output in (string[])[deal, stress])
        {
            string before = File.ReadAllText(output);
            var over = Run(deal, "--scenario", "Base", "-o", output);

            Assert.Contains(FromTheCache, over.Err, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.UsageError, over.Exit);
            Assert.Contains("which this command reads", over.Err, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllText(output));
        }
    }

    [Fact]
    public void An_edited_deal_file_is_read_and_checked_again()
    {
        string text = File.ReadAllText(Path.Combine(Examples, "hyperion.deal"));
        string deal = Write("hyperion.deal", text);
        var first = Run(deal, "--scenario", "Base", "--format", "csv");
        Assert.True(first.Exit == ExitCodes.Ok, first.ToString());

        string edited = text.Replace("MetaLease renewals taken 4", "MetaLease renewals taken 2", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        Write("hyperion.deal", edited);
        var again = Run(deal, "--scenario", "Base", "--format", "csv");

        Assert.DoesNotContain(FromTheCache, again.Err, StringComparison.Ordinal);
        Assert.NotEqual(first.Out, again.Out);
        Assert.Equal(Uncached(deal, "--scenario", "Base", "--format", "csv").Out, again.Out);
    }

    [Fact]
    public void A_deal_with_a_warning_is_checked_and_warned_about_on_every_run()
    {
        // A byte that is not UTF-8 in a comment: DL0133, a warning; the deal still runs.
        byte[] text = File.ReadAllBytes(Path.Combine(Examples, "hyperion.deal"));
        string deal = Path.Combine(_folder, "hyperion.deal");
        File.WriteAllBytes(deal, [.. "// caf\u00e9 "u8, 0xFF, .. "\n"u8, .. text]);

        foreach (var outcome in new[] { Run(deal, "--scenario", "Base"), Run(deal, "--scenario", "Base") })
        {
            Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
            Assert.Contains("warning DL0133", outcome.Err, StringComparison.Ordinal);
            Assert.DoesNotContain(FromTheCache, outcome.Err, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(Cache, "*.dlr"));
    }

    [Fact]
    public void Scenario_files_and_standard_input_are_checked_on_every_run()
    {
        string deal = Path.Combine(Examples, "hyperion.deal");
        Assert.Equal(ExitCodes.Ok, Run(deal).Exit);
        Assert.Contains(FromTheCache, Run(deal).Err, StringComparison.Ordinal);

        var withFile = Run(deal, "--scenarios", Path.Combine(Examples, "hyperion-stress.scenarios"));

        Assert.True(withFile.Exit == ExitCodes.Ok, withFile.ToString());
        Assert.DoesNotContain(FromTheCache, withFile.Err, StringComparison.Ordinal);
        Assert.Contains("GpuRentStress", withFile.Out, StringComparison.Ordinal);
    }

    // A deal read from a pipe (a shell's <(m4 deal.m4), /dev/fd/63) can be read once: remembered, the second run's
    // lookup read it to hash it and left the check nothing ("declares no deal", DL0402). A link in the folder names each
    // pipe in turn, so both runs are of one path, as the shell's /dev/fd/63 is.
    [Fact]
    public async Task A_deal_read_from_a_pipe_is_checked_on_every_run_and_never_remembered()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/fd is Linux's
        }

        string text = File.ReadAllText(Path.Combine(Examples, "hyperion.deal"));
        string link = Path.Combine(_folder, "piped.deal");
        string[] titles = ["First piped", "Second piped"];
        foreach (string title in titles)
        {
            using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
            File.Delete(link);
            File.CreateSymbolicLink(link, "/proc/self/fd/" + pipe.GetClientHandleAsString());
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text.Replace("Beignet Investor LLC - Meta Hyperion campus notes", title, StringComparison.Ordinal));
            Task writer = Task.Run(() =>
            {
                pipe.Write(bytes);
                pipe.Dispose(); // the only write end closed: the reader sees the end
            });

            var run = Run(link, "--scenario", "Base");
            await writer.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
            Assert.Contains(title, run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(FromTheCache, run.Err, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.Exists(Cache) ? Directory.GetFiles(Cache, "*.dlr") : []);
    }

    [Fact]
    public void A_damaged_entry_is_discarded_with_a_warning_and_the_run_is_the_genuine_one()
    {
        string deal = Write("hyperion.deal", File.ReadAllText(Path.Combine(Examples, "hyperion.deal")));
        var genuine = Run(deal, "--format", "csv");
        byte[] entry = File.ReadAllBytes(Entry);
        entry[^3] ^= 0x40; // a bit of the last scenario
        File.WriteAllBytes(Entry, entry);

        var outcome = Run(deal, "--format", "csv");

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.Contains("deallang: warning: discarded the cached check ", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("failed authentication", outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(FromTheCache, outcome.Err, StringComparison.Ordinal);
        Assert.Equal(genuine.Out, outcome.Out);

        var healed = Run(deal, "--format", "csv");
        Assert.Contains(FromTheCache, healed.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", healed.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_deals_entry_or_a_compiled_deal_under_its_name_is_not_taken()
    {
        // The entry of the Base-only copy, planted under the name of the full deal's: the tag binds the key.
        string text = File.ReadAllText(Path.Combine(Examples, "hyperion.deal"));
        string full = Write("hyperion.deal", text);
        string baseOnly = Write("base-only.deal", text[..text.IndexOf("scenario SlowProductivity", StringComparison.Ordinal)]);
        var genuine = Run(full, "--format", "csv");
        string fullEntry = Entry;
        Run(baseOnly, "--format", "csv");
        string baseEntry = Assert.Single(Directory.GetFiles(Cache, "*.dlr"), path => path != fullEntry);
        File.Copy(baseEntry, fullEntry, overwrite: true);

        var planted = Run(full, "--format", "csv");

        Assert.Contains("discarded the cached check", planted.Err, StringComparison.Ordinal);
        Assert.Equal(genuine.Out, planted.Out);

        // A compiled deal's entry (another kind, its own label in the tag) under the checked run's name.
        File.Copy(Directory.GetFiles(Cache, "*.dlc")[0], fullEntry, overwrite: true);
        var kind = Run(full, "--format", "csv");
        Assert.Contains("discarded the cached check", kind.Err, StringComparison.Ordinal);
        Assert.Equal(genuine.Out, kind.Out);
    }

    [Fact]
    public void A_cache_folder_others_may_write_to_is_warned_about_once_and_nothing_is_remembered()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(Cache);
        File.SetUnixFileMode(Cache, (UnixFileMode)Convert.ToInt32("777", 8));
        string deal = Path.Combine(Examples, "hyperion.deal");

        foreach (var outcome in new[] { Run(deal, "--format", "csv"), Run(deal, "--format", "csv") })
        {
            Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
            string warning = Assert.Single(outcome.Err.Split('\n'), line => line.Contains("warning", StringComparison.Ordinal));
            Assert.Contains("not using the compiled-deal cache", warning, StringComparison.Ordinal);
            Assert.DoesNotContain(FromTheCache, outcome.Err, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(Cache));
    }

    [Fact]
    public void An_entry_whose_compiled_deal_is_gone_compiles_it_again()
    {
        string deal = Write("hyperion.deal", File.ReadAllText(Path.Combine(Examples, "hyperion.deal")));
        var genuine = Run(deal, "--format", "csv");
        File.Delete(Assert.Single(Directory.GetFiles(Cache, "*.dlc")));

        var outcome = Run(deal, "--format", "csv");

        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        Assert.DoesNotContain(FromTheCache, outcome.Err, StringComparison.Ordinal);
        Assert.Equal(genuine.Out, outcome.Out);
        Assert.Single(Directory.GetFiles(Cache, "*.dlc"));
    }
}
