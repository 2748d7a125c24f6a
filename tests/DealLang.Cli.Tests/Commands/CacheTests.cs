using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// What a user sees when the compiled-deal cache holds something DealLang did not write: a planted assembly
/// (which once turned Hyperion's Base into a 7.5bn loss and ran its static constructor) or a damaged entry.
/// The run gives the genuine figures with one warning line; nothing planted is ever loaded.
/// </summary>
public sealed class CacheTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-cli-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private CompileOptions Options => new() { CacheDirectory = _directory, UseMemoryCache = false };

    private static CompiledDeal Uncached()
    {
        var result = DealCompiler.Compile(Hyperion, File.ReadAllText(Hyperion), new CompileOptions { UseDiskCache = false, UseMemoryCache = false });
        return Assert.IsType<CompiledDeal>(result.Compiled);
    }

    private string EntryPath(CompiledDeal deal) => Path.Combine(_directory, deal.CacheKey + ".dlc");

    [Fact]
    public void A_planted_assembly_is_never_loaded_and_the_run_gives_the_genuine_figures()
    {
        var genuine = Uncached();
        Assert.Equal(ExitCodes.Ok, CliHarness.RunWith(Options, "build", Hyperion).Exit); // makes the folder and its secret

        // The attack: Hyperion with a static constructor (it would leave a marker) and a loss-making twist,
        // dropped at the entry's predictable name as a bare PE image.
        string marker = Path.Combine(_directory, "loaded.marker");
        string className = genuine.TypeName[(genuine.TypeName.LastIndexOf('.') + 1)..];
        string constructor = $"    static {className}()\n    {{\n    }}\n"; // the generated one, empty
        Assert.Contains(constructor, genuine.Source, StringComparison.Ordinal);
        string evil = genuine.Source.Replace(constructor,
            $"    static {className}() {{ System.IO.File.WriteAllText(@\"{marker}\", \"planted\"); }}\n", StringComparison.Ordinal);
        var planted = RoslynCompiler.Compile(new EmittedDeal(evil, genuine.TypeName), Hyperion, new Compiler.Diagnostics.DiagnosticBag(),
            new CompileOptions { UseDiskCache = false, UseMemoryCache = false });
        File.WriteAllBytes(EntryPath(genuine), Assert.IsType<CompiledDeal>(planted).Image);

        var outcome = CliHarness.RunWith(Options, "run", Hyperion, "--scenario", "Base", "--format", "csv");

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.False(File.Exists(marker), "the planted assembly was loaded");
        string warning = Assert.Single(outcome.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("deallang: warning: discarded the cached build ", warning, StringComparison.Ordinal);
        Assert.Contains("failed authentication", warning, StringComparison.Ordinal);
        Assert.Equal(CliHarness.RunWith(new CompileOptions { UseDiskCache = false }, "run", Hyperion, "--scenario", "Base", "--format", "csv").Out, outcome.Out);
    }

    [Fact]
    public void A_truncated_entry_heals_and_build_out_writes_the_genuine_assembly()
    {
        var genuine = Uncached();
        Assert.Equal(ExitCodes.Ok, CliHarness.RunWith(Options, "build", Hyperion).Exit);
        byte[] entry = File.ReadAllBytes(EntryPath(genuine));
        File.WriteAllBytes(EntryPath(genuine), entry[..(entry.Length / 3)]);
        string outDir = Path.Combine(_directory, "out");

        var outcome = CliHarness.RunWith(Options, "build", Hyperion, "--out", outDir);

        Assert.Equal(ExitCodes.Ok, outcome.Exit);
        Assert.Contains("deallang: warning: discarded the cached build", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(genuine.Image, File.ReadAllBytes(Path.Combine(outDir, "Deal_Hyperion.dll")));

        // Healed: the next run is silent and exits 0.
        var again = CliHarness.RunWith(Options, "run", Hyperion, "--scenario", "Base");
        Assert.Equal(ExitCodes.Ok, again.Exit);
        Assert.Equal("", again.Err);
    }
}
