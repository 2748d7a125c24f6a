using DealLang.Compiler.Emit;
using DealLang.TestSupport;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// The compiled-deal cache is looked up by the deal's inputs (<see cref="CacheKeys.ForDeal"/>), known before any C#
/// is emitted: the text and full path of the file holding the deal and of what it imports, after a stamp of the
/// compiler's build. Scenario files given beside the deal are run-time data and not part of it, save what their
/// scenarios ask of the program (<see cref="CacheKeys.ScenarioGates"/>: a call of plain notes, a shaped re-let, a drawn
/// workout lag, partial payments).
/// </summary>
public sealed class DealCacheKeyTests : IDisposable
{
    private static readonly string Hyperion = File.ReadAllText(Path.Combine(RepoPaths.Examples, "hyperion.deal"));

    private const string Scenarios = "scenario Late for Hyperion {\n  MetaLease renewals taken 2\n}\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-deal-key-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Compilation Compile(InMemorySourceFiles files, string root, params string[] others)
    {
        var read = files.Read(root);
        return Compilation.Create(
            SourceDocument.FromBytes(root, read.Bytes!), files,
            others.Select(path => SourceDocument.FromBytes(path, files.Read(path).Bytes!)));
    }

    private static string KeyOf(Compilation compilation)
    {
        Assert.NotNull(compilation.Model);
        return Assert.IsType<string>(CacheKeys.ForDeal(compilation));
    }

    private static InMemorySourceFiles Files(string deal, string scenarios = Scenarios, string imported = "") =>
        new InMemorySourceFiles()
            .Add("/d/hyperion.deal", "import \"common.scenarios\"\n" + deal)
            .Add("/d/common.scenarios", imported)
            .Add("/d/extra.scenarios", scenarios);

    [Fact]
    public void The_same_inputs_give_the_same_key_and_a_one_character_edit_another()
    {
        string key = KeyOf(Compile(Files(Hyperion), "/d/hyperion.deal"));

        Assert.Equal(64, key.Length);
        Assert.Equal(key, KeyOf(Compile(Files(Hyperion), "/d/hyperion.deal")));
        Assert.NotEqual(key, KeyOf(Compile(Files(Hyperion + " "), "/d/hyperion.deal")));
        Assert.NotEqual(key, KeyOf(Compile(Files(Hyperion, imported: "// a comment\n"), "/d/hyperion.deal")));
    }

    [Fact]
    public void The_key_names_the_full_path_of_each_input()
    {
        var moved = new InMemorySourceFiles()
            .Add("/e/hyperion.deal", "import \"common.scenarios\"\n" + Hyperion)
            .Add("/e/common.scenarios", "");

        Assert.NotEqual(KeyOf(Compile(Files(Hyperion), "/d/hyperion.deal")), KeyOf(Compile(moved, "/e/hyperion.deal")));
    }

    [Fact]
    public void Scenario_files_given_beside_the_deal_are_not_part_of_the_key()
    {
        string key = KeyOf(Compile(Files(Hyperion), "/d/hyperion.deal", "/d/extra.scenarios"));

        Assert.Equal(key, KeyOf(Compile(Files(Hyperion, scenarios: Scenarios.Replace("2", "1", StringComparison.Ordinal)), "/d/hyperion.deal", "/d/extra.scenarios")));
        Assert.Equal(key, KeyOf(Compile(Files(Hyperion), "/d/hyperion.deal")));
    }

    [Fact]
    public void A_scenario_file_that_calls_plain_notes_is_keyed_by_the_tranches_it_calls()
    {
        // Plain notes have the call's code only when a scenario calls them: a program built for the deal alone cannot
        // run a scenario file's call, so the called tranches are in the key (the call's date and price are not).
        string key = KeyOf(Compile(Files(Hyperion), "/d/hyperion.deal", "/d/extra.scenarios"));
        string calls = "scenario Refi for Hyperion {\n  Notes called on 2030-01-01 at 102%\n}\n";
        string called = KeyOf(Compile(Files(Hyperion, scenarios: calls), "/d/hyperion.deal", "/d/extra.scenarios"));

        Assert.NotEqual(key, called);
        Assert.Equal(called, KeyOf(Compile(Files(Hyperion, scenarios: calls.Replace("2030", "2031", StringComparison.Ordinal)), "/d/hyperion.deal", "/d/extra.scenarios")));
    }

    [Theory]
    [InlineData("Msft1 relet after 0m at 10% rising to 95% over 24m", "shaped-relet.Msft1 CoreWeaveDdtl2")]
    [InlineData("Msft1 relet after 0m at 10% price 85% of H100Rent", "shaped-relet.Msft1 CoreWeaveDdtl2")]
    [InlineData("enforcement relet idle at 30% rising to 80% over 12m", "shaped-enforcement-relet CoreWeaveDdtl2")]
    [InlineData("MinerLoan pays 60% from 2027-01-01 to 2027-06-30", "pays.MinerLoan CoreWeaveDdtl2")]
    [InlineData("Notes called on 2030-01-01 at 102%", "called.Notes CoreWeaveDdtl2")]
    public void A_scenario_item_the_program_reads_only_when_asked_opens_a_gate_in_the_key(string item, string gate)
    {
        // Each is an input the emitter reads only when a scenario of the deal uses it (CacheKeys.ScenarioGates): a program
        // compiled and cached from the deal's own scenarios would run it as if it were not there. Only the parse matters.
        var units = Compilation.Create(SourceDocument.FromText("/d/x.scenarios", "scenario S for CoreWeaveDdtl2 {\n  " + item + "\n}\n"), new InMemorySourceFiles()).Units;

        Assert.Equal([gate], CacheKeys.ScenarioGates(units));
    }

    [Fact]
    public void A_drawn_workout_lag_opens_a_gate_and_a_flat_relet_or_a_default_none()
    {
        const string text = """
            scenario S for D {
              paths 10
              Miner workout drawn 6m with 50%, 18m with 50%
              Msft1 relet after 3m at 60%
              Microsoft defaults on 2026-06-30
            }
            """;
        var units = Compilation.Create(SourceDocument.FromText("/d/x.scenarios", text), new InMemorySourceFiles()).Units;

        Assert.Equal(["workout-drawn.Miner D"], CacheKeys.ScenarioGates(units));
    }

    [Fact]
    public void A_deal_in_a_file_given_after_the_first_is_keyed_by_that_file()
    {
        var files = new InMemorySourceFiles().Add("/d/first.scenarios", Scenarios).Add("/d/hyperion.deal", Hyperion);
        var edited = new InMemorySourceFiles().Add("/d/first.scenarios", Scenarios).Add("/d/hyperion.deal", Hyperion + "\n");

        Assert.NotEqual(KeyOf(Compile(files, "/d/first.scenarios", "/d/hyperion.deal")), KeyOf(Compile(edited, "/d/first.scenarios", "/d/hyperion.deal")));
    }

    [Fact]
    public void Trees_built_by_hand_have_no_input_key_and_the_two_kinds_of_key_differ()
    {
        Assert.Null(CacheKeys.ForDeal(Compilation.Analyze([], new DealLang.Compiler.Diagnostics.DiagnosticBag())));
        Assert.NotEqual(CacheKeys.ForSource(""), CacheKeys.ForSource(" "));
        Assert.Contains("compiler ", CacheKeys.Stamp, StringComparison.Ordinal);
        Assert.Contains(typeof(CacheKeys).Assembly.ManifestModule.ModuleVersionId.ToString("N"), CacheKeys.Stamp, StringComparison.Ordinal);
        Assert.Contains(typeof(Runtime.IDealProgram).Assembly.ManifestModule.ModuleVersionId.ToString("N"), CacheKeys.Stamp, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hit_is_found_by_the_inputs_before_any_csharp_is_emitted()
    {
        var options = new CompileOptions { CacheDirectory = _directory, UseMemoryCache = false };
        var compilation = Compile(Files(Hyperion), "/d/hyperion.deal");
        var first = DealCompiler.Compile(compilation, options);
        Assert.NotNull(first.Compiled);
        Assert.Equal(CacheKeys.ForDeal(compilation), first.Compiled.CacheKey);
        Assert.True(File.Exists(Path.Combine(_directory, first.Compiled.CacheKey + ".dlc")));

        // An authentic entry under that key whose C# the emitter would never write: getting it back means the
        // lookup came first and nothing was emitted.
        const string Marker = "// stored, not emitted\n";
        DiskCache.Open(_directory, _ => { })!.Write(first.Compiled with { Source = Marker });

        var hit = DealCompiler.Compile(Compile(Files(Hyperion), "/d/hyperion.deal"), options);

        Assert.Equal(Marker, hit.Compiled?.Source);
        Assert.Equal(Marker, hit.Emitted?.Source);
        Assert.Equal(first.Compiled.TypeName, hit.Emitted?.TypeName);
        Assert.Equal(first.Compiled.Image, hit.Compiled?.Image);
        Assert.Equal(first.Diagnostics, hit.Diagnostics);
    }
}
