using System.Text;
using System.Text.RegularExpressions;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Properties;

/// <summary>The invariants every deal text must keep, whatever it holds, as assertions the properties share.</summary>
internal static partial class PipelineInvariants
{
    public const string File = "generated.deal";

    /// <summary>Compiled images stay in this process's memory cache only: the user's disk cache is never touched.</summary>
    private static readonly CompileOptions InMemory = new() { UseDiskCache = false };

    /// <summary>The files a generated deal may import: the held SPV of its holdings, plain or with a developer's
    /// promote (DealGen.Holdings.cs).</summary>
    internal static readonly InMemorySourceFiles Held = new InMemorySourceFiles()
        .Add(DealGen.HeldPath, DealGen.HeldDeal)
        .Add(DealGen.HeldPromotedPath, DealGen.HeldPromotedDeal);

    private static Compilation Compilation(string text) => DealLang.Compiler.Compilation.Create(SourceDocument.FromText(File, text), Held);

    /// <summary>No crash (an exception fails the property), every diagnostic located in the file with a user
    /// code (DL09xx is a compiler bug), and a model exactly when there is no error.</summary>
    public static CheckResult CheckIsTotal(string text)
    {
        CheckResult result = DealCompiler.Check(Compilation(text));
        int lines = text.Split('\n').Length;
        // The imported SPV's file is fixed and valid; a finding in it is only a follow-on of an error in the mutant
        // (a mutant whose own deal no longer parses leaves the SPV's deal as the compilation's, and the two files'
        // scenarios then meet in one deal: DL0502 at the SPV's 'S1'). It must still be located in that file.
        bool rootHasError = result.Diagnostics.Any(d => d.Severity == Severity.Error && d.Span.Path == File);
        foreach (Diagnostic d in result.Diagnostics)
        {
            bool inRoot = d.Span.Path == File && d.Span.Line <= lines;
            string? held = d.Span.Path == DealGen.HeldPath ? DealGen.HeldDeal : d.Span.Path == DealGen.HeldPromotedPath ? DealGen.HeldPromotedDeal : null;
            bool inHeld = rootHasError && held is not null && d.Span.Line <= held.Split('\n').Length;
            Assert.True((inRoot || inHeld) && d.Span.Line >= 1 && d.Span.Column >= 1, $"unlocated diagnostic: {d}");
            Assert.True(UserCode().IsMatch(d.Code), $"internal diagnostic: {d}");
            Assert.False(string.IsNullOrWhiteSpace(d.Message), $"empty message: {d}");
        }

        Assert.Equal(result.Model is null, result.Diagnostics.Any(d => d.Severity == Severity.Error));
        return result;
    }

    /// <summary>A generated deal has no error: one would be a generator (or checker) bug.</summary>
    public static void ChecksWithoutErrors(string text)
    {
        CheckResult result = CheckIsTotal(text);
        Assert.True(result.Succeeded, "generated deal rejected:\n" +
            string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error)));
    }

    /// <summary>Compiles, runs every scenario with the cash check (a <c>CashConservationException</c> in any period
    /// of any run fails), and does it all a second time: the emitted C#, every ledger and the summary must be
    /// byte-identical.</summary>
    public static void RunsConservingCashDeterministically(string text, RunTally tally)
    {
        (string source, string reports) first = CompileAndRun(text, tally);
        (string source, string reports) second = CompileAndRun(text, null);
        Assert.True(first.source == second.source, "the emitted C# differs between two compilations");
        Assert.True(first.reports == second.reports, "the reports differ between two runs");
    }

    /// <summary>The second compilation emits again but finds its image in the memory cache (keyed by the emitted
    /// source), so the comparison covers emitting, loading, running and rendering, at the cost of one Roslyn
    /// compilation a deal.</summary>
    private static (string Source, string Reports) CompileAndRun(string text, RunTally? tally)
    {
        Compilation compilation = Compilation(text);
        CompileResult compiled = DealCompiler.Compile(compilation, InMemory);
        Assert.True(compiled.Compiled is not null && compiled.Emitted is not null, string.Join('\n', compiled.Diagnostics));
        if (compilation.Entities.Count > 0)
        {
            return (compiled.Emitted.Source, RunChain(compilation, compiled, tally));
        }

        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        var deal = host.Program.Description;
        var outcomes = ScenarioRunner.RunAll(host.Program, compiled.Model!.Scenarios, fullLedger: true, checkCash: true);
        Assert.NotEmpty(outcomes);
        tally?.Add(outcomes);
        var reports = new StringBuilder();
        foreach (ReportFormat format in (ReportFormat[])[ReportFormat.Csv, ReportFormat.Json])
        {
            foreach (var outcome in outcomes)
            {
                reports.Append(LedgerReport.Render(deal, host.Program.Layout, outcome, format));
            }

            reports.Append(SummaryReport.Render(deal, outcomes, format));
        }

        return (compiled.Emitted.Source, reports.ToString());
    }

    /// <summary>A deal with holdings runs as a chain with the held SPV (the cash check on in both); its reports are
    /// the held entity's and its own, in CSV and JSON, and the chain report.</summary>
    private static string RunChain(Compilation compilation, CompileResult top, RunTally? tally)
    {
        var entities = DealCompiler.CompileEntities(compilation, InMemory);
        var hosts = entities.Select(e => DealHost.Load(e.Compiled!.Image, e.Compiled.TypeName)).Append(DealHost.Load(top.Compiled!.Image, top.Compiled.TypeName)).ToList();
        try
        {
            var models = compilation.Entities.Append(top.Model!).ToList();
            var outcomes = new ChainRunner([.. hosts.Select((h, i) => (h.Program, (IReadOnlyList<DealLang.Runtime.ScenarioSpec>)[.. models[i].Scenarios]))],
                fullLedger: true, checkCash: true).RunAll(top.Model!.Scenarios);
            Assert.NotEmpty(outcomes);
            tally?.Add([.. outcomes.Select(o => o.Entities[^1].Outcome)]);
            var reports = new StringBuilder();
            foreach (ReportFormat format in (ReportFormat[])[ReportFormat.Csv, ReportFormat.Json])
            {
                for (int e = 0; e < hosts.Count; e++)
                {
                    var deal = hosts[e].Program.Description;
                    var mine = outcomes.Select(o => o.Entities[e].Outcome).ToList();
                    foreach (var outcome in mine)
                    {
                        reports.Append(LedgerReport.Render(deal, hosts[e].Program.Layout, outcome, format));
                    }

                    reports.Append(SummaryReport.Render(deal, mine, format));
                }

                reports.Append(ChainReport.Render(outcomes, format));
            }

            return reports.ToString();
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    [GeneratedRegex("^DL0[1-8][0-9][0-9]$")]
    private static partial Regex UserCode();
}
