using System.CommandLine;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang run FILE [--scenarios FILE]… [--scenario NAME|all] [--format table|csv|json|md] [--ledger] [--out DIR | -o FILE]</c>:
/// compile the deal (with its imports and the scenario files given), run the chosen scenarios among all of
/// theirs, print the period ledger(s) and the side-by-side summary.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console, CompileOptions options)
    {
        var file = CommonOptions.DealFileArgument();
        var scenario = new Option<string>("--scenario", "-s")
        {
            Description = "Scenario to run, or 'all'.",
            HelpName = "name|all",
            DefaultValueFactory = _ => "all",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(ReportWriter.Formats);
        var ledger = new Option<bool>("--ledger")
        {
            Description = "Print the full period ledger of every scenario run (a single scenario prints it anyway).",
        };
        var outDir = new Option<string?>("--out")
        {
            Description = "Write one file per report into this folder instead of printing them.",
            HelpName = "dir",
        };
        var scenarioFiles = CommonOptions.ScenarioFilesOption();
        var output = CommonOptions.OutputOption();
        var command = new Command("run", "Compile a deal and run its scenarios.") { file, scenarioFiles, scenario, format, ledger, outDir, output };
        command.SetAction(parse =>
        {
            if (parse.GetValue(outDir) is not null && parse.GetValue(output) is not null)
            {
                throw new UsageException("give --out DIR (one file per report) or --output FILE (the whole report in one file), not both");
            }

            return ReportOutput.Run(console, parse.GetValue(output), c => Execute(
                new RunRequest(parse.GetValue(file)!, parse.GetValue(scenarioFiles) ?? [], parse.GetValue(scenario)!,
                    ReportWriter.ParseFormat(parse.GetValue(format)!), parse.GetValue(ledger), parse.GetValue(outDir)),
                c, options));
        });
        return command;
    }

    private sealed record RunRequest(string Path, string[] ScenarioFiles, string Scenario, ReportFormat Format, bool Ledger, string? OutDir);

    private static int Execute(RunRequest request, CliConsole console, CompileOptions options)
    {
        // A scenario file given alone runs with its deal, as 'run DEAL.deal --scenarios x.scenarios' (ScenarioFileAlone).
        (string path, string[] scenarioFiles) = ScenarioFileAlone.Resolve("run", request.Path, request.ScenarioFiles, console);
        request = request with { Path = path, ScenarioFiles = scenarioFiles };
        // An unchanged deal run before: its compiled programs and scenarios, without reading the grammar or checking
        // (a check of the same texts by the same compiler gives the same; docs/cli.md, "The compiled-deal cache").
        if (request.ScenarioFiles.Length == 0 && DealFile.CheckedBefore(request.Path, options, console) is { } known)
        {
            if (known.IsChain)
            {
                using ChainPrograms remembered = ChainPrograms.Load([.. known.Programs.Select(p => (p.Compiled, (IReadOnlyList<ScenarioSpec>)p.Scenarios))]);
                return ExecuteChain(remembered, known.Programs[^1].Scenarios, request, console);
            }

            return Execute(known.Programs[0].Compiled, known.Programs[0].Scenarios, request, console);
        }

        var compilation = DealFile.Compile(request.Path, request.ScenarioFiles, console);
        var result = DealFile.Build(compilation, options, console);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Compiled is null)
        {
            return result.Model is null ? ExitCodes.DealErrors : ExitCodes.InternalError;
        }

        bool remember = request.ScenarioFiles.Length == 0 && DealFile.Remembers(request.Path);
        if (compilation.Entities.Count > 0)
        {
            using ChainPrograms? chain = ChainPrograms.Load(compilation, result, options, console, out var entities);
            if (chain is null)
            {
                return ExitCodes.InternalError; // an entity checked without errors: anything after is a DealLang bug
            }

            if (remember)
            {
                CheckedRunCache.Store(request.Path, compilation, result, entities, options);
            }

            return ExecuteChain(chain, [.. result.Model!.Scenarios], request, console);
        }

        if (remember)
        {
            CheckedRunCache.Store(request.Path, compilation, result, [], options);
        }

        return Execute(result.Compiled, [.. result.Model!.Scenarios], request, console);
    }

    /// <summary>Runs the chosen scenarios of the compiled deal, prints the ledger(s) and the summary.</summary>
    private static int Execute(CompiledDeal compiled, ScenarioSpec[] declared, RunRequest request, CliConsole console)
    {
        using var host = DealHost.Load(compiled.Image, compiled.TypeName);
        var program = host.Program;
        var deal = program.Description;
        var scenarios = SelectScenarios(deal, declared, request.Scenario);
        bool showLedgers = request.Ledger || scenarios.Count == 1;

        // Cash conservation is checked on every CLI run: it costs a few additions per period, and a break can
        // only be a DealLang bug, which an analyst must never see as plausible numbers.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = ProgressDisplay.Stage(console, $"running {deal.Name}", () => new ScenarioRunner(program, fullLedger: showLedgers, checkCash: true).RunAll(scenarios));
        console.Detail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ran {scenarios.Count} scenario(s) in {clock.Elapsed.TotalSeconds:F3} s"));

        var reports = new List<(string Title, string FileStem, string Text)>();
        if (showLedgers)
        {
            foreach (var outcome in outcomes)
            {
                reports.Add(($"{deal.Name}: scenario {outcome.Scenario}: period ledger",
                    $"{deal.Name}.{outcome.Scenario}.ledger",
                    LedgerReport.Render(deal, program.Layout, outcome, request.Format)));
            }
        }

        reports.Add(($"{deal.Name}: summary by scenario", $"{deal.Name}.summary", SummaryReport.Render(deal, outcomes, request.Format)));
        ReportWriter.Write(reports, request.Format, request.OutDir, console);
        OverflowWarning.Report(deal, program.Layout, outcomes, console);
        return ExitCodes.Ok;
    }

    /// <summary>A deal that imports other deals: every entity compiled to its own program and run in dependency order
    /// on each scenario of the deal (ChainRunner); ledgers and a summary per entity, then the chain report.</summary>
    private static int ExecuteChain(ChainPrograms chain, ScenarioSpec[] declared, RunRequest request, CliConsole console)
    {
        var programs = chain.Programs;
        var deal = chain.Top;
        var scenarios = SelectScenarios(deal, declared, request.Scenario);
        bool showLedgers = request.Ledger || scenarios.Count == 1;
        // As for one deal: a spinner past a second on a terminal, and the time at --verbosity detailed.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = ProgressDisplay.Stage(console, $"running {deal.Name}", () => new ChainRunner(programs, fullLedger: showLedgers, checkCash: true).RunAll(scenarios));
        console.Detail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ran {scenarios.Count} scenario(s) of the chain's {programs.Count} entities in {clock.Elapsed.TotalSeconds:F3} s"));
        var reports = new List<(string Title, string FileStem, string Text)>();
        for (int e = 0; e < programs.Count; e++)
        {
            var entity = outcomes[0].Entities[e];
            string name = entity.Deal.Name;
            if (showLedgers)
            {
                foreach (var outcome in outcomes)
                {
                    reports.Add(($"{name}: scenario {outcome.Scenario}: period ledger", $"{name}.{outcome.Scenario}.ledger",
                        LedgerReport.Render(entity.Deal, entity.Layout, outcome.Entities[e].Outcome, request.Format)));
                }
            }

            reports.Add(($"{name}: summary by scenario", $"{name}.summary",
                SummaryReport.Render(entity.Deal, [.. outcomes.Select(o => o.Entities[e].Outcome)], request.Format)));
        }

        reports.Add(($"{deal.Name}: the chain by scenario", $"{deal.Name}.chain", ChainReport.Render(outcomes, request.Format)));
        ReportWriter.Write(reports, request.Format, request.OutDir, console);
        for (int e = 0; e < programs.Count; e++)
        {
            var entity = outcomes[0].Entities[e];
            OverflowWarning.Report(entity.Deal, entity.Layout, [.. outcomes.Select(o => o.Entities[e].Outcome)], console);
        }

        return ExitCodes.Ok;
    }

    internal static List<ScenarioSpec> SelectScenarios(DealDescription deal, ScenarioSpec[] declared, string name)
    {
        if (declared.Length == 0)
        {
            if (name is "all" or "AsWritten")
            {
                return [ScenarioSpec.AsWritten(deal)];
            }

            throw new UsageException($"deal {deal.Name} declares no scenarios; use --scenario all");
        }

        if (name == "all")
        {
            return [.. declared];
        }

        var match = Array.Find(declared, s => string.Equals(s.Name, name, StringComparison.Ordinal));
        return match is not null
            ? [match]
            : throw new UsageException(
                $"unknown scenario '{name}'; deal {deal.Name} has: {string.Join(", ", declared.Select(s => s.Name))}, all");
    }
}
