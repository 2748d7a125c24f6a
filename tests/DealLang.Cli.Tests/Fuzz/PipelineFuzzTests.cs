using System.Text.RegularExpressions;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// No malformed deal crashes the pipeline. Mutants of examples/hyperion.deal and of every valid-corpus deal
/// (<see cref="DealMutator"/>: tokens deleted, duplicated, swapped or moved, lines deleted or duplicated, literals
/// replaced by degenerate ones, names by other names or keywords, keywords inserted, operators changed, the file
/// truncated, two or three of these at once) must each check without an exception and with located, coded
/// diagnostics; the valid ones must compile and run every scenario with the cash check on and render every
/// report. Seeds are fixed, so every run tests the same mutants, and each test case carries its source (the deal
/// file's name without .deal), the kind of mutant, its index and the mutation:
/// <c>new DealMutator(text, SeedOf(path)).Make(index)</c> (<c>MakeValueMutant</c> for values) rebuilds it.
/// While hunting, raise the counts below (or change <see cref="Seed"/>); they are sized for a CI run of a few
/// seconds on two cores.
/// </summary>
public sealed partial class PipelineFuzzTests
{
    /// <summary>The run's seed; each file's mutator is seeded from it and the file's path.</summary>
    private const int Seed = 20251030;

    /// <summary>Structural mutants per file (any mutation family); most of them are not valid deals.</summary>
    private const int StructuralPerFile = 100;

    /// <summary>Value mutants per file (literals replaced only); most of them still check.</summary>
    private const int ValuesPerFile = 40;

    /// <summary>Roslyn takes ~0.1 s a deal: only this many distinct valid mutants are compiled and run.</summary>
    private const int CompiledStructural = 8;
    private const int CompiledValues = 17;

    /// <summary>Mutants also put through <c>deallang check</c> (and, if valid, <c>deallang run</c>), of which valid.</summary>
    private const int ThroughTheCli = 8;
    private const int ThroughTheCliValid = 3;

    /// <summary>The deal files mutated, by repository-relative path.</summary>
    private static readonly Lazy<IReadOnlyList<string>> Sources = new(() =>
        [.. DealFiles.Under("examples"), .. DealFiles.Under("tests/corpus/valid")]);

    public static TheoryData<string, string, int, string> AllMutants()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var (file, kind, index, mutant) in Generate())
        {
            data.Add(DealFiles.Stem(file), kind, index, mutant.Description);
        }

        return data;
    }

    public static TheoryData<string, string, int, string> ValidMutants()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var (file, kind, index, mutant) in FirstDistinctValid(Structural, CompiledStructural)
            .Concat(FirstDistinctValid(Values, CompiledValues)))
        {
            data.Add(DealFiles.Stem(file), kind, index, mutant.Description);
        }

        return data;
    }

    public static TheoryData<string, string, int, string> CliMutants()
    {
        // Structural mutants, mostly errors (check exits 1), and valid value mutants (check exits 0, then run).
        var data = new TheoryData<string, string, int, string>();
        var chosen = Generate(Structural).Where((_, i) => i % 20 == 7).Take(ThroughTheCli - ThroughTheCliValid)
            .Concat(FirstDistinctValid(Values, ThroughTheCliValid));
        foreach (var (file, kind, index, mutant) in chosen)
        {
            data.Add(DealFiles.Stem(file), kind, index, mutant.Description);
        }

        return data;
    }

    [Fact]
    public void The_mutants_are_many_varied_and_reproducible()
    {
        var all = Generate().ToList();
        Assert.Equal(Sources.Value.Count * (StructuralPerFile + ValuesPerFile), all.Count);
        Assert.True(Sources.Value.Count >= 4, "hyperion and the valid corpus");

        // Every mutation family occurs (the descriptions name them), and the same seed gives the same mutants.
        string descriptions = string.Join('\n', all.Select(m => m.Mutant.Description));
        foreach (string family in new[] { "delete '", "duplicate '", "swap '", "delete line", "duplicate line", "replace '",
                     "rename '", "truncate at", "insert '", "operator '", "move '", " + " })
        {
            Assert.Contains(family, descriptions, StringComparison.Ordinal);
        }

        var again = Generate().ToList();
        Assert.Equal(all.Select(m => m.Mutant.Text), again.Select(m => m.Mutant.Text));
        Assert.True(all.Select(m => m.Mutant.Text).Distinct(StringComparer.Ordinal).Count() > all.Count * 9 / 10,
            "mutants should rarely coincide");
    }

    [Theory]
    [MemberData(nameof(AllMutants))]
    public void Checking_a_mutant_never_throws_and_every_diagnostic_is_located(string source, string kind, int index, string mutation)
    {
        (string file, Mutant mutant) = Rebuild(source, kind, index, mutation);

        CheckResult result = DealCompiler.Check(file, mutant.Text);

        int lines = mutant.Text.Split('\n').Length;
        Assert.All(result.Diagnostics, d =>
        {
            Assert.Equal(file, d.Span.Path);
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1 && d.Span.Line <= lines, $"unlocated diagnostic: {d}");
            Assert.Matches(UserCode(), d.Code); // DL09xx here would be a compiler bug
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        });
        Assert.Equal(result.Model is null, result.Diagnostics.Any(d => d.Severity == Severity.Error));
    }

    [Theory]
    [MemberData(nameof(ValidMutants))]
    public void A_valid_mutant_compiles_runs_with_the_cash_check_and_renders_every_report(
        string source, string kind, int index, string mutation)
    {
        (string file, Mutant mutant) = Rebuild(source, kind, index, mutation);

        CompileResult compiled = DealCompiler.Compile(file, mutant.Text);

        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        Assert.DoesNotContain(compiled.Diagnostics, d => d.Code.StartsWith("DL09", StringComparison.Ordinal));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        var deal = host.Program.Description;

        // A CashConservationException here is a DealLang bug, whatever the numbers.
        var outcomes = ScenarioRunner.RunAll(host.Program, compiled.Model!.Scenarios, fullLedger: true, checkCash: true);

        Assert.NotEmpty(outcomes);
        foreach (ReportFormat format in Enum.GetValues<ReportFormat>())
        {
            var reports = outcomes.Select(o => LedgerReport.Render(deal, host.Program.Layout, o, format))
                .Append(SummaryReport.Render(deal, outcomes, format));
            foreach (string report in reports)
            {
                // Undefined and overflowing numbers print n/a (JSON null, CSV empty), never as a figure.
                Assert.DoesNotMatch(NonNumber(), report);
            }
        }
    }

    [Theory]
    [MemberData(nameof(CliMutants))]
    public void The_cli_checks_and_runs_a_mutant_without_a_stack_trace(string source, string kind, int index, string mutation)
    {
        (string file, Mutant mutant) = Rebuild(source, kind, index, mutation);
        string folder = Directory.CreateTempSubdirectory("deallang-fuzz-").FullName;
        try
        {
            string path = Path.Combine(folder, Path.GetFileName(file));
            File.WriteAllText(path, mutant.Text);

            var check = CliHarness.Run("check", path);

            Assert.True(check.Exit is ExitCodes.Ok or ExitCodes.DealErrors, check.ToString());
            Commands.UsageErrorTests.AssertNoStackTrace(check);
            if (check.Exit == ExitCodes.Ok)
            {
                var run = CliHarness.Run("run", path, "--format", "json");
                Assert.True(run.Exit == ExitCodes.Ok, run.ToString());
                Commands.UsageErrorTests.AssertNoStackTrace(run);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Structural = "structural";
    private const string Values = "values";

    private static IEnumerable<(string File, string Kind, int Index, Mutant Mutant)> Generate() =>
        Generate(Structural).Concat(Generate(Values));

    private static IEnumerable<(string File, string Kind, int Index, Mutant Mutant)> Generate(string kind)
    {
        foreach (string file in Sources.Value)
        {
            var mutator = new DealMutator(DealFiles.Read(file), SeedOf(file));
            int count = kind == Structural ? StructuralPerFile : ValuesPerFile;
            for (int i = 0; i < count; i++)
            {
                yield return (file, kind, i, kind == Structural ? mutator.Make(i) : mutator.MakeValueMutant(i));
            }
        }
    }

    /// <summary>The first <paramref name="count"/> mutants that check without errors and differ, in their tokens,
    /// from their source and from each other (a duplicated line of comments changes nothing worth compiling).</summary>
    private static IEnumerable<(string File, string Kind, int Index, Mutant Mutant)> FirstDistinctValid(string kind, int count)
    {
        // Round robin over the files (every file's mutant 0, then every file's mutant 1, ...), so each file has some.
        var seen = new HashSet<string>(Sources.Value.Select(f => DealMutator.Normalized(DealFiles.Read(f))), StringComparer.Ordinal);
        return Generate(kind).OrderBy(m => m.Index)
            .Where(m => IsValid(m.File, m.Mutant.Text) && seen.Add(DealMutator.Normalized(m.Mutant.Text))).Take(count);
    }

    private static bool IsValid(string file, string text)
    {
        try
        {
            return DealCompiler.Check(file, text).Model is not null;
        }
#pragma warning disable CA1031 // Choosing test data: a mutant that throws here fails its own case in the check theory.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static (string File, Mutant Mutant) Rebuild(string source, string kind, int index, string mutation)
    {
        string file = Sources.Value.Single(f => DealFiles.Stem(f) == source);
        var mutator = new DealMutator(DealFiles.Read(file), SeedOf(file));
        Mutant mutant = kind == Structural ? mutator.Make(index) : mutator.MakeValueMutant(index);
        Assert.Equal(mutation, mutant.Description); // the mutators must stay deterministic
        return (file, mutant);
    }

    /// <summary>A per-file seed that does not depend on which other files exist (FNV-1a of the path).</summary>
    private static int SeedOf(string file)
    {
        uint hash = 2166136261;
        foreach (char c in file)
        {
            hash = (hash ^ c) * 16777619;
        }

        return unchecked(Seed ^ (int)hash);
    }

    [GeneratedRegex("^DL0[1-8][0-9][0-9]$")]
    private static partial Regex UserCode();

    [GeneratedRegex("NaN|Infinity|∞")]
    private static partial Regex NonNumber();
}
