using System.CommandLine;
using System.Globalization;
using DealLang.Cli.Report;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang report FILE [--scenarios FILE]… [--scenario NAME|all] -o FILE.html</c>, or with <c>--mc --scenario NAME
/// [--paths N] [--seed S] [--threads T]</c> a Monte Carlo run's: compile the deal, run what <c>run</c> (or <c>mc</c>)
/// runs, and write one self-contained HTML file of charts and tables (<see cref="HtmlPage"/>; docs/cli.md "report").
/// </summary>
internal static class ReportCommand
{
    /// <summary>Where a deterministic scenario named with <c>--mc</c> goes instead: the plain report shows it.</summary>
    private const string WithoutMc = "report it without --mc";

    private sealed record ReportRequest(
        string Path, string[] ScenarioFiles, string? Scenario, string Out, bool MonteCarlo, int? Paths, ulong? Seed, int? Threads);

    public static Command Create(CliConsole console, CompileOptions options)
    {
        var file = CommonOptions.DealFileArgument();
        var scenarioFiles = CommonOptions.ScenarioFilesOption();
        var scenario = new Option<string?>("--scenario", "-s")
        {
            Description = "Scenario to chart, or 'all' (default); with --mc, the stochastic scenario to run (required).",
            HelpName = "name|all",
        };
        var outFile = new Option<string>("--output", "-o") { Description = "The HTML file to write.", HelpName = "file.html", Required = true };
        var mc = new Option<bool>("--mc") { Description = "Run the stochastic scenario's paths and chart the Monte Carlo results (as 'deallang mc')." };
        var paths = new Option<int?>("--paths", "-n") { Description = "With --mc: paths to run (default: the scenario's 'paths', else 10,000).", HelpName = "N" }.WholeNumber(least: 1);
        var seed = new Option<ulong?>("--seed") { Description = "With --mc: the seed (default: the scenario's 'seed', else 1).", HelpName = "S" }.WholeNumber(least: 0UL);
        var threads = new Option<int?>("--threads", "-t")
        {
            Description = "With --mc: threads to run paths on (default: the machine's processors; the report does not depend on it).",
            HelpName = "T",
        }.WholeNumber(least: 1);
        var command = new Command("report", "Write a deal's scenarios (or a Monte Carlo run) as one self-contained HTML file of charts and tables.")
        {
            file, scenarioFiles, scenario, outFile, mc, paths, seed, threads,
        };
        command.SetAction(parse => Execute(
            new ReportRequest(parse.GetValue(file)!, parse.GetValue(scenarioFiles) ?? [], parse.GetValue(scenario), parse.GetValue(outFile)!,
                parse.GetValue(mc), parse.GetValue(paths), parse.GetValue(seed), parse.GetValue(threads)),
            console, options));
        return command;
    }

    private static int Execute(ReportRequest request, CliConsole console, CompileOptions options)
    {
        Validate(request);
        // A scenario file given alone runs with its deal, as 'report DEAL.deal --scenarios x.scenarios' (ScenarioFileAlone).
        (string path, string[] scenarioFiles) = ScenarioFileAlone.Resolve("report", request.Path, request.ScenarioFiles, console);
        request = request with { Path = path, ScenarioFiles = scenarioFiles };
        console.Inputs.Plan(request.Out); // the deal file as -o is refused once read, before the run
        var compilation = DealFile.Compile(request.Path, request.ScenarioFiles, console); // '-': standard input, as every verb
        var result = DealFile.Build(compilation, options, console);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Compiled is null)
        {
            return result.Model is null ? ExitCodes.DealErrors : ExitCodes.InternalError;
        }

        ReportDocument document;
        if (compilation.Entities.Count > 0)
        {
            using ChainPrograms? chain = ChainPrograms.Load(compilation, result, options, console);
            if (chain is null)
            {
                return ExitCodes.InternalError; // every entity checked without errors: a failure after that is a DealLang bug
            }

            IReadOnlyList<Compiler.Model.DealModel> models = [.. compilation.Entities, result.Model!];
            document = request.MonteCarlo
                ? ChainMonteCarlo(request, compilation, chain, models, console)
                : Chain(request, chain, models);
        }
        else
        {
            using var host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
            IDealProgram program = host.Program;
            document = request.MonteCarlo
                ? MonteCarlo(request, compilation, program, result.Model!, console)
                : Scenarios(request, program, result.Model!);
        }

        var outputs = new OutputFiles(console.Inputs);
        outputs.Add(request.Out, HtmlPage.Render(document));
        foreach (string written in outputs.Commit())
        {
            console.Wrote(written);
        }

        return ExitCodes.Ok;
    }

    private static void Validate(ReportRequest request)
    {
        if (!request.MonteCarlo && (request.Paths is not null || request.Seed is not null || request.Threads is not null))
        {
            throw new UsageException("--paths, --seed and --threads set a Monte Carlo run: give --mc too");
        }

        if (request.MonteCarlo && (request.Scenario is null || request.Scenario == "all"))
        {
            throw new UsageException("--mc runs one stochastic scenario: give it with --scenario NAME");
        }

        if (request.Paths is <= 0)
        {
            throw new UsageException($"--paths must be at least 1, not {request.Paths}");
        }

        if (request.Threads is < 1)
        {
            throw new UsageException($"--threads must be at least 1, not {request.Threads}");
        }
    }

    /// <summary>The deterministic report: every chosen scenario run with its full ledger and the cash check (as
    /// <c>run</c>), a section of charts per scenario, then the scenarios side by side.</summary>
    private static ReportDocument Scenarios(ReportRequest request, IDealProgram program, Compiler.Model.DealModel model)
    {
        DealDescription deal = program.Description;
        var scenarios = RunCommand.SelectScenarios(deal, [.. model.Scenarios], request.Scenario ?? "all");
        var outcomes = new ScenarioRunner(program, fullLedger: true, checkCash: true).RunAll(scenarios);
        var levels = TriggerLevels.Of(model);
        var sections = new List<ReportSection>();
        for (int s = 0; s < outcomes.Count; s++)
        {
            sections.Add(ScenarioCharts.Build(deal, program.Layout, outcomes[s], levels, string.Create(CultureInfo.InvariantCulture, $"scenario-{s + 1}")));
        }

        sections.Add(ComparisonCharts.Build(outcomes, "comparison"));
        string which = outcomes.Count == 1 ? $"scenario {outcomes[0].Scenario}" : $"{outcomes.Count} scenarios";
        return new ReportDocument(deal.Name, deal.Title, deal.Currency, which, [.. sections]);
    }

    /// <summary>A chain's report: its scenarios run as <c>run</c> runs a chain (every entity on the same scenario, in
    /// run order, with the cash check), then per entity in run order a section per scenario and the scenarios side by
    /// side, each entity's test levels from its own triggers.</summary>
    private static ReportDocument Chain(ReportRequest request, ChainPrograms chain, IReadOnlyList<Compiler.Model.DealModel> models)
    {
        var top = models[^1];
        var scenarios = RunCommand.SelectScenarios(chain.Top, [.. top.Scenarios], request.Scenario ?? "all");
        var outcomes = new ChainRunner(chain.Programs, fullLedger: true, checkCash: true).RunAll(scenarios);
        var sections = new List<ReportSection>();
        for (int e = 0; e < chain.Programs.Count; e++)
        {
            var levels = TriggerLevels.Of(models[e]);
            var entity = outcomes[0].Entities[e];
            string name = entity.Deal.Name;
            for (int s = 0; s < outcomes.Count; s++)
            {
                sections.Add(ScenarioCharts.Build(entity.Deal, entity.Layout, outcomes[s].Entities[e].Outcome, levels,
                    string.Create(CultureInfo.InvariantCulture, $"entity-{e + 1}-scenario-{s + 1}"), name));
            }

            sections.Add(ComparisonCharts.Build([.. outcomes.Select(o => o.Entities[e].Outcome)],
                string.Create(CultureInfo.InvariantCulture, $"entity-{e + 1}-comparison"), name));
        }

        string which = outcomes.Count == 1 ? $"scenario {outcomes[0].Scenario}" : $"{outcomes.Count} scenarios";
        string entities = string.Join(", ", outcomes[0].Entities.Select(x => x.Deal.Name));
        return new ReportDocument(chain.Top.Name, chain.Top.Title, chain.Top.Currency, $"a chain of {entities}, in run order; {which}", [.. sections]);
    }

    /// <summary>A chain's Monte Carlo report: the top deal's stochastic scenario run as <c>deallang mc</c> runs a chain
    /// (the same draws for every entity on a path, in run order, the same paths, seed and cash check, so the same
    /// figures), then per entity in run order its loss histograms and fan charts.</summary>
    private static ReportDocument ChainMonteCarlo(ReportRequest request, Compilation compilation, ChainPrograms chain, IReadOnlyList<Compiler.Model.DealModel> models, CliConsole console)
    {
        DealDescription top = chain.Top;
        ScenarioSpec scenario = McCommand.SelectScenario(top, [.. models[^1].Scenarios], request.Scenario!, WithoutMc);
        int paths = request.Paths ?? StochasticPaths.DefaultPaths(scenario);
        ulong seed = request.Seed ?? StochasticPaths.DefaultSeed(scenario);
        int threads = request.Threads ?? Environment.ProcessorCount;
        var entities = McChain.RunAll(compilation, chain, scenario, paths, seed, threads, console, $"report {scenario.Name}");
        McCommand.NoteStandardErrors(entities[0].Frame, console);
        var sections = new List<ReportSection>(entities.Count);
        for (int e = 0; e < entities.Count; e++)
        {
            var (frame, totals) = entities[e];
            var model = models[e];
            sections.Add(MonteCarloCharts.Build(CreditMetrics.Compute(frame, totals), totals, name => IndexUnit(model, name),
                string.Create(CultureInfo.InvariantCulture, $"entity-{e + 1}-montecarlo"), frame.Deal));
        }

        string names = string.Join(", ", entities.Select(x => x.Frame.Deal));
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"Monte Carlo of a chain of {names}, in run order; scenario {scenario.Name}, {paths:N0} {(paths == 1 ? "path" : "paths")}, seed {seed}");
        return new ReportDocument(top.Name, top.Title, top.Currency, subtitle, [.. sections]);
    }

    /// <summary>The unit an index's level is read in (docs/language.md §5 "index"): a rate's fan reads in %.</summary>
    private static ChartUnit IndexUnit(Compiler.Model.DealModel model, string name) =>
        model.Indices.FirstOrDefault(i => i.Info.Name == name)?.Unit switch
        {
            Compiler.Model.Unit.Rate => ChartUnit.Rate,
            Compiler.Model.Unit.Money => ChartUnit.Money,
            Compiler.Model.Unit.Ratio => ChartUnit.Ratio,
            _ => ChartUnit.Number,
        };

    /// <summary>The Monte Carlo report: the scenario's paths run as <c>deallang mc</c> runs them (same paths, seed and
    /// cash check; the figures do not depend on the threads), then its loss histograms and fan charts.</summary>
    private static ReportDocument MonteCarlo(ReportRequest request, Compilation compilation, IDealProgram program, Compiler.Model.DealModel model, CliConsole console)
    {
        DealDescription deal = program.Description;
        ScenarioSpec scenario = McCommand.SelectScenario(deal, [.. model.Scenarios], request.Scenario!, WithoutMc);
        int paths = request.Paths ?? StochasticPaths.DefaultPaths(scenario);
        ulong seed = request.Seed ?? StochasticPaths.DefaultSeed(scenario);
        StochasticPaths source = McCommand.Source(deal, scenario, seed, paths);

        var frame = SimulationFrame.Of(deal, McCommand.DealHash(compilation), scenario.Name, seed, paths,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd))) with { Sampling = source.Sampling };
        int threads = request.Threads ?? Environment.ProcessorCount;
        SimulationTotals totals = ProgressDisplay.Run(console, console.ShowsProgress, $"report {scenario.Name}", paths,
            report => new SimulationEngine(program, source, checkCash: true).Run(0, paths, threads, null, report, console.Interruption?.Token ?? default));

        var metrics = CreditMetrics.Compute(frame, totals);
        McCommand.NoteStandardErrors(frame, console);
        string subtitle = string.Create(CultureInfo.InvariantCulture, $"Monte Carlo, scenario {scenario.Name}, {paths:N0} {(paths == 1 ? "path" : "paths")}, seed {seed}");
        return new ReportDocument(deal.Name, deal.Title, deal.Currency, subtitle, [MonteCarloCharts.Build(metrics, totals, name => IndexUnit(model, name), "montecarlo")]);
    }
}
