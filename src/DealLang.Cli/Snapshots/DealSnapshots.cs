using DealLang.Cli.Commands;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Snapshots;

/// <summary>One scenario of one deal as <c>deallang test</c> snapshots it: the period ledger (CSV, as
/// <c>run --format csv</c> writes it) and the summary of that scenario (the table <c>run</c> prints); in a chain, of
/// one <paramref name="Entity"/> the deal imports under the deal's scenario (null: the deal itself).</summary>
internal sealed record ScenarioSnapshot(string Scenario, string Ledger, string Summary, string? Entity = null)
{
    /// <summary>How a result names it: the scenario, and the entity when it is one the deal imports.</summary>
    public string Name => Entity is null ? Scenario : $"{Scenario} (entity {Entity})";
}

/// <summary>A deal compiled and run for its snapshots, or the reason it could not be (its diagnostics were printed).</summary>
internal sealed record DealRun(IReadOnlyList<ScenarioSnapshot> Scenarios, string? Failure);

/// <summary>
/// Compiles a deal and runs its scenarios with the cash check, as <c>deallang run</c> does, and renders what
/// <c>deallang test</c> compares. A deal that imports deals runs as its chain: each scenario's snapshots are of the
/// deal itself (the chain's top entity) and of every entity it imports, as that scenario moved them (a tenant's
/// default in the top deal's scenario shows in the SPV's ledger); a deal without scenarios runs once as written
/// (<c>AsWritten</c>).
/// </summary>
internal static class DealSnapshots
{
    /// <summary>The snapshots of every scenario of the deal, or of the one named <paramref name="only"/> (none when
    /// the deal lacks it). With <paramref name="scenarioFile"/> (a scenario file tested in the deal's place,
    /// <c>TestCommand.TestedFile</c>), of that file's own scenarios only: the deal's are its own file's to test.</summary>
    public static DealRun Run(string path, string? only, CompileOptions options, CliConsole console, string? scenarioFile = null)
    {
        string[] scenarioFiles = scenarioFile is null || scenarioFile == path ? [] : [scenarioFile];
        var compilation = DealFile.Compile(path, scenarioFiles, console);
        var result = DealFile.Build(compilation, options, console);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Compiled is null)
        {
            return new DealRun([], result.Model is null ? "the deal has errors (see above)" : "internal error: the deal did not compile to a program");
        }

        ScenarioSpec[] declared = [.. result.Model!.Scenarios];
        if (scenarioFile is not null)
        {
            // The scenarios the scenario file itself declares (its unit is the one read from its path, whether it was
            // given beside its deal or imports it).
            HashSet<string> own = [.. compilation.Units.Where(u => u.Span.Path == scenarioFile).SelectMany(u => u.Scenarios).Select(s => s.Name.Text)];
            declared = [.. declared.Where(s => own.Contains(s.Name))];
            if (declared.Length == 0)
            {
                return new DealRun([], null); // a scenario file without scenarios: nothing to test (not the deal as written)
            }
        }
        if (compilation.Entities.Count > 0)
        {
            using ChainPrograms? chain = ChainPrograms.Load(compilation, result, options, console);
            if (chain is null)
            {
                return new DealRun([], "internal error: an entity of the chain did not compile");
            }

            var scenarios = Select(chain.Top, declared, only);
            if (scenarios.Count == 0)
            {
                return new DealRun([], null); // the deal lacks the scenario asked for: nothing to test
            }

            var outcomes = new ChainRunner(chain.Programs, fullLedger: true, checkCash: true).RunAll(scenarios);
            return new DealRun([.. outcomes.SelectMany(o =>
            {
                var top = o.Entities[^1];
                return o.Entities.Take(o.Entities.Length - 1).Select(e => Snapshot(e.Deal, e.Layout, e.Outcome) with { Scenario = top.Outcome.Scenario, Entity = e.Deal.Name })
                    .Prepend(Snapshot(top.Deal, top.Layout, top.Outcome));
            })], null);
        }

        using var host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        var program = host.Program;
        var selected = Select(program.Description, declared, only);
        if (selected.Count == 0)
        {
            return new DealRun([], null);
        }

        var runs = new ScenarioRunner(program, fullLedger: true, checkCash: true).RunAll(selected);
        return new DealRun([.. runs.Select(o => Snapshot(program.Description, program.Layout, o))], null);
    }

    static ScenarioSnapshot Snapshot(DealDescription deal, LedgerLayout layout, ScenarioOutcome outcome) =>
        new(outcome.Scenario,
            LedgerReport.Render(deal, layout, outcome, ReportFormat.Csv),
            SummaryReport.Render(deal, [outcome], ReportFormat.Table));

    static List<ScenarioSpec> Select(DealDescription deal, ScenarioSpec[] declared, string? only)
    {
        List<ScenarioSpec> all = declared.Length == 0 ? [ScenarioSpec.AsWritten(deal)] : [.. declared];
        return only is null ? all : [.. all.Where(s => string.Equals(s.Name, only, StringComparison.Ordinal))];
    }
}
