using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Baselines;

/// <summary>
/// For every example deal: the generated C#, each scenario's period ledger (CSV) and the side-by-side summary are
/// committed baselines. A change to any of them must be explainable in one sentence in the commit message.
/// </summary>
public class ExampleBaselineTests
{
    public static TheoryData<string> Examples => DealFiles.Theory("examples");

    public static TheoryData<string> ValidCorpus => DealFiles.Theory("tests/corpus/valid");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Generated_csharp_matches_baseline(string file)
    {
        // A chain's top deal (examples/credit-fund.deal) reads its imports from the repository's files.
        var compilation = Compilation.Create(SourceDocument.FromText(file, DealFiles.Read(file)), new RepositoryFiles());
        var compiled = compilation.Entities.Count > 0 ? DealCompiler.Compile(compilation).Compiled! : CompileClean(file).Compiled!;
        Snapshot.Verify(compiled.Source, "cs", DealFiles.Stem(file));

        // A chain's other entities (examples/terawulf.deal's SPVs) are programs of their own, each held to the one
        // baseline of the file that declares it, whichever example imports it (credit-fund.deal imports Hyperion,
        // CoreWeave and TeraWulf with its SPVs: their programs are those of the examples' own baselines).
        foreach (var entity in DealCompiler.CompileEntities(compilation))
        {
            Snapshot.Verify(entity.Compiled!.Source, "cs", EntityStem(entity.Model!.SourcePath, entity.Model.Name));
        }
    }

    /// <summary>The generated-C# baseline of a deal an example imports: an example's own (<c>examples/hyperion.deal</c>:
    /// <c>hyperion</c>), or for a file in a folder beside the example that imports it, that example's stem and the
    /// entity's name (<c>examples/terawulf/lake-mariner.deal</c>: <c>terawulf.LakeMariner</c>).</summary>
    private static string EntityStem(string sourcePath, string entity)
    {
        string relative = Path.GetRelativePath(RepoPaths.Examples, Path.GetFullPath(sourcePath, RepoPaths.Root));
        string? folder = Path.GetDirectoryName(relative);
        return string.IsNullOrEmpty(folder) ? Path.GetFileNameWithoutExtension(relative) : $"{folder.Replace(Path.DirectorySeparatorChar, '.')}.{entity}";
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Ledgers_and_summary_match_baselines(string file)
    {
        var compilation = Compilation.Create(SourceDocument.FromText(file, DealFiles.Read(file)), new RepositoryFiles());
        if (compilation.Entities.Count > 0)
        {
            RunChain(file, compilation, DealFiles.Stem(file), ledgers: true);
            return;
        }

        var result = CompileClean(file);
        var compiled = result.Compiled!;
        using var host = DealHost.Load(compiled.Image, compiled.TypeName);
        var deal = host.Program.Description;
        var scenarios = result.Model!.Scenarios;
        Assert.NotEmpty(scenarios);

        var outcomes = new ScenarioRunner(host.Program, fullLedger: true, checkCash: true).RunAll(scenarios);
        foreach (var outcome in outcomes)
        {
            Snapshot.Verify(LedgerReport.Render(deal, host.Program.Layout, outcome, ReportFormat.Csv), "csv",
                $"{DealFiles.Stem(file)}.{outcome.Scenario}.ledger");
        }

        Snapshot.Verify(SummaryReport.Render(deal, outcomes, ReportFormat.Table), "txt", $"{DealFiles.Stem(file)}.summary");
    }

    [Theory]
    [MemberData(nameof(ValidCorpus))]
    public void Valid_corpus_deals_conserve_cash_and_match_their_summary_baseline(string file)
    {
        // A deal that imports deals runs as a chain (docs/language.md §5 "holding"): every entity, each checked for cash.
        var compilation = Compilation.Create(SourceDocument.FromText(file, DealFiles.Read(file)), new RepositoryFiles());
        if (compilation.Entities.Count > 0)
        {
            RunChain(file, compilation, $"valid-{DealFiles.Stem(file)}", ledgers: false);
            return;
        }

        var result = CompileClean(file);
        var compiled = result.Compiled!;
        using var host = DealHost.Load(compiled.Image, compiled.TypeName);
        var deal = host.Program.Description;
        // checkCash makes the generated loop verify collections = payments + change in accounts every period.
        var outcomes = ScenarioRunner.RunAll(host.Program, result.Model!.Scenarios, fullLedger: true, checkCash: true);
        Assert.All(outcomes, o => Assert.True(o.PeriodsRun > 0));
        Snapshot.Verify(SummaryReport.Render(deal, outcomes, ReportFormat.Table), "txt", $"valid-{DealFiles.Stem(file)}.summary");
    }

    // Each entity's summary (and, for an example, each scenario's ledger) and the chain report, as baselines named
    // <stem>.<Entity>.…: valid corpus chains keep the summaries only, as their single deals do.
    private static void RunChain(string file, Compilation compilation, string stem, bool ledgers)
    {
        var top = DealCompiler.Compile(compilation);
        Assert.True(top.Compiled is not null, string.Join('\n', top.Diagnostics));
        var entities = DealCompiler.CompileEntities(compilation);
        var hosts = entities.Select(e => DealHost.Load(e.Compiled!.Image, e.Compiled.TypeName)).Append(DealHost.Load(top.Compiled.Image, top.Compiled.TypeName)).ToList();
        try
        {
            var models = compilation.Entities.Append(top.Model!).ToList();
            var programs = hosts.Select((h, i) => (h.Program, (IReadOnlyList<DealLang.Runtime.ScenarioSpec>)[.. models[i].Scenarios])).ToList();
            var outcomes = new ChainRunner(programs, fullLedger: true, checkCash: true).RunAll(top.Model!.Scenarios);
            for (int e = 0; e < hosts.Count; e++)
            {
                var deal = hosts[e].Program.Description;
                var mine = outcomes.Select(o => o.Entities[e].Outcome).ToList();
                Assert.All(mine, o => Assert.True(o.PeriodsRun > 0));
                if (ledgers)
                {
                    foreach (var outcome in outcomes)
                    {
                        var entity = outcome.Entities[e];
                        Snapshot.Verify(LedgerReport.Render(deal, entity.Layout, entity.Outcome, ReportFormat.Csv), "csv",
                            $"{stem}.{deal.Name}.{outcome.Scenario}.ledger");
                    }
                }

                Snapshot.Verify(SummaryReport.Render(deal, mine, ReportFormat.Table), "txt", $"{stem}.{deal.Name}.summary");
            }

            Snapshot.Verify(ChainReport.Render(outcomes, ReportFormat.Table), "txt", $"{stem}.chain");
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    /// <summary>Files by their path relative to the repository's root (imports of the corpus's files).</summary>
    private sealed class RepositoryFiles : Compiler.ISourceFiles
    {
        public Compiler.SourceFileRead Read(string path) => Compiler.DiskSourceFiles.Instance.Read(System.IO.Path.Combine(RepoPaths.Root, path));
    }

    private static CompileResult CompileClean(string file)
    {
        // imports read from the repository's root, whatever the test's working folder
        var result = DealCompiler.Compile(Compilation.Create(SourceDocument.FromText(file, DealFiles.Read(file)), new RepositoryFiles()));
        Assert.True(result.Compiled is not null, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Compiler.Diagnostics.Severity.Error);
        return result;
    }
}
