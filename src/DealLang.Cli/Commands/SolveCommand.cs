using System.CommandLine;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runner.Solvers;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang solve FILE (--breakeven LEVER --until COND | --hurdle INPUT --target COND | --fair-spread TRANCHE
/// [--curve RATE|INDEX]) [--scenarios FILE]… [--scenario NAME] [--paths N] [--seed S] [--threads T] [--probability P]
/// [--format FMT]</c> (docs/cli.md, "solve"): compiles the deal once and solves for one number by running it with
/// changed path inputs (Runner/Solvers); under a stochastic scenario the objective is a Monte Carlo estimate over the
/// same N paths at every lever value (common random numbers).
/// </summary>
internal static class SolveCommand
{
    /// <summary>The scenario the lever's text is checked in (never run, never shown).</summary>
    internal const string ProbeScenario = "SolveLeverCheck";

    public static Command Create(CliConsole console, CompileOptions options)
    {
        var file = CommonOptions.DealFileArgument();
        var scenarioFiles = CommonOptions.ScenarioFilesOption();
        var scenario = new Option<string?>("--scenario", "-s")
        {
            Description = "The scenario the lever is applied on top of (default: the deal as written).",
            HelpName = "name",
        };
        var breakeven = new Option<string?>("--breakeven")
        {
            Description = "A scenario lever taking one number ('Campus.value deflate'): find where --until first holds.",
            HelpName = "lever",
        };
        var until = new Option<string?>("--until")
        {
            Description = "The stop condition or target of --breakeven ('Notes loses principal').",
            HelpName = "condition",
        };
        var hurdle = new Option<string?>("--hurdle")
        {
            Description = "A deal input scaled by a factor ('MetaLease.rent'): find the factor that meets --target.",
            HelpName = "input",
        };
        var target = new Option<string?>("--target")
        {
            Description = "The target of --hurdle ('Sponsor irr = 10%').",
            HelpName = "condition",
        };
        var fairSpread = new Option<string?>("--fair-spread")
        {
            Description = "A tranche: the spread over --curve at which its discounted flows equal its price.",
            HelpName = "tranche",
        };
        var curve = new Option<string?>("--curve")
        {
            Description = "The discount curve of --fair-spread: a flat rate (4.5%) or a rate index of the deal (SOFR). Default 0%.",
            HelpName = "rate|index",
        };
        var paths = new Option<int?>("--paths", "-n")
        {
            Description = "Under a stochastic scenario: the paths every evaluation runs (default: the scenario's 'paths', else 10,000).",
            HelpName = "N",
        }.WholeNumber(least: 1);
        var seed = new Option<ulong?>("--seed")
        {
            Description = "Under a stochastic scenario: the seed of the paths' streams (default: the scenario's 'seed', else 1).",
            HelpName = "S",
        }.WholeNumber(least: 0UL);
        var threads = new Option<int?>("--threads", "-t")
        {
            Description = "Under a stochastic scenario: threads to run paths on (the answer does not depend on it; default: all cores).",
            HelpName = "T",
        }.WholeNumber(least: 1);
        var probability = new Option<string?>("--probability")
        {
            Description = "Under a stochastic scenario: a stop condition holds where its probability over the paths reaches P (5%).",
            HelpName = "P",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(ReportWriter.Formats);
        var output = CommonOptions.OutputOption();
        var command = new Command("solve", "Solve for a break-even lever, a hurdle input or a tranche's fair spread.")
        {
            file, scenarioFiles, scenario, breakeven, until, hurdle, target, fairSpread, curve, paths, seed, threads, probability, format, output,
        };
        command.SetAction(parse => ReportOutput.Run(console, parse.GetValue(output), c => Execute(
            new SolveRequest(parse.GetValue(file)!, parse.GetValue(scenarioFiles) ?? [], parse.GetValue(scenario),
                parse.GetValue(breakeven), parse.GetValue(until), parse.GetValue(hurdle), parse.GetValue(target),
                parse.GetValue(fairSpread), parse.GetValue(curve), ReportWriter.ParseFormat(parse.GetValue(format)!))
            {
                Paths = parse.GetValue(paths),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Probability = parse.GetValue(probability),
            },
            c, options)));
        return command;
    }

    private sealed record SolveRequest(
        string Path, string[] ScenarioFiles, string? Scenario, string? Breakeven, string? Until, string? Hurdle, string? Target,
        string? FairSpread, string? Curve, ReportFormat Format)
    {
        public int? Paths { get; init; }

        public ulong? Seed { get; init; }

        public int? Threads { get; init; }

        public string? Probability { get; init; }

        public bool MonteCarloOptions => Paths is not null || Seed is not null || Threads is not null || Probability is not null;
    }

    /// <summary>How a stochastic scenario is run: N paths from seed S on T threads.</summary>
    private sealed record MonteCarlo(int Paths, ulong Seed, int Threads, double? Probability);

    private static int Execute(SolveRequest request, CliConsole console, CompileOptions options)
    {
        Validate(request);
        // A scenario file given alone runs with its deal, as 'solve DEAL.deal --scenarios x.scenarios' (ScenarioFileAlone).
        (string path, string[] scenarioFiles) = ScenarioFileAlone.Resolve("solve", request.Path, request.ScenarioFiles, console);
        request = request with { Path = path, ScenarioFiles = scenarioFiles };
        Compilation compilation = DealFile.Compile(request.Path, request.ScenarioFiles, console);
        var result = DealFile.Build(compilation, options, console);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Compiled is null)
        {
            return result.Model is null ? ExitCodes.DealErrors : ExitCodes.InternalError;
        }

        // A deal that holds others runs on what they pay it: the whole chain runs at every value (ChainRunner), as
        // 'run' runs it. Run alone, its holdings would pay nothing and every answer would be wrong.
        using ChainPrograms? chain = compilation.Entities.Count > 0 ? ChainPrograms.Load(compilation, result, options, console) : null;
        if (compilation.Entities.Count > 0 && chain is null)
        {
            return ExitCodes.InternalError; // every entity checked without errors: a failure after that is a DealLang bug
        }

        using DealHost? host = chain is null ? DealHost.Load(result.Compiled.Image, result.Compiled.TypeName) : null;
        IDealProgram program = chain?.Programs[^1].Program ?? host!.Program;
        DealDescription deal = program.Description;
        ScenarioSpec baseScenario = Scenario(deal, [.. result.Model!.Scenarios], request.Scenario);
        // On a chain the figures read are the top's or, for a condition on a held deal's tranche or a fair spread of one,
        // that deal's (figuresOf, its index in run order).
        LeverRunner RunnerFor(Lever lever, int? figuresOf = null) => chain is null
            ? new LeverRunner(program, baseScenario, lever)
            : new LeverRunner(new ChainRunner(chain.Programs, fullLedger: false, checkCash: true), baseScenario, lever, figuresOf);
        try
        {
            MonteCarlo? mc = MonteCarloOf(request, baseScenario);
            IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> programs = chain?.Programs ?? [(program, [])];

            // A chain's deals in run order, the top last (a deal alone is its own). A lever, an input, a condition or a
            // tranche may be a held deal's: the lever is laid into that deal's scenario or rows, and a condition or a fair
            // spread reads that deal's figures (figuresOf, its index in run order).
            IReadOnlyList<DealDescription> entities = chain is null ? [deal] : [.. chain.Programs.Select(p => p.Program.Description)];

            // A search runs the deal many times (under a stochastic scenario, many paths each): a spinner after a second.
            SolveResult Search()
            {
                if (request.Breakeven is { } leverText)
                {
                    // A lever on a held deal's own facility or contract is checked as that deal's scenario would write it.
                    (int? entity, string item) = ChainLevers.ScenarioTarget(entities, leverText);
                    CheckLever(request, entity is { } e ? entities[e].Name : deal.Name, item);
                    Lever lever = ChainLevers.ChainScenario(entities, leverText);
                    (int figuresOf, SolveCondition condition) = ChainLevers.Condition(entities, request.Until!);
                    return LeverSearch.Solve(Problem(RunnerFor, programs, baseScenario, lever, condition, mc, figuresOf), "break-even");
                }
                else if (request.Hurdle is { } input)
                {
                    Lever lever = chain is null ? Levers.Input(deal, input) : ChainLevers.ChainInput(entities, input);
                    (int figuresOf, SolveCondition condition) = ChainLevers.Condition(entities, request.Target!);
                    return LeverSearch.Solve(Problem(RunnerFor, programs, baseScenario, lever, condition, mc, figuresOf), "hurdle");
                }
                else
                {
                    // A held deal's tranche is priced under the chain's scenario, its index the curve.
                    (int entity, int tranche) = ChainLevers.Tranche(entities, request.FairSpread!);
                    DealDescription priced = entities[entity];
                    (int? index, double flat, string curveText) = Curve(priced, request.Curve);
                    SolveResult spread = mc is null
                        ? Runner.Solvers.FairSpread.Of(RunnerFor(new NoLever(), entity), tranche, index, flat, curveText)
                        : MonteCarloFairSpread.Of(new MonteCarloLeverRunner(programs, baseScenario, new NoLever(), mc.Seed, mc.Paths, mc.Threads, entity), tranche, index, flat,
                            index is null ? curveText : $"{request.Curve} as each path has it");
                    return entity == entities.Count - 1 ? spread : spread with { Lever = $"{priced.Name}.{spread.Lever}" };
                }
            }

            SolveResult answer = ProgressDisplay.Stage(console, $"solving {deal.Name}", Search);

            if (mc is not null)
            {
                answer = answer with { Paths = mc.Paths, Seed = mc.Seed };
            }

            ReportWriter.Write([($"{deal.Name}: {answer.Kind}", $"{deal.Name}.solve", SolveReport.Render(deal.Name, answer, request.Format))],
                request.Format, outDir: null, console);
            return ExitCodes.Ok;
        }
        catch (SolveUsageException e)
        {
            throw new UsageException(e.Message, e);
        }
        catch (NoSolutionException e)
        {
            console.Error.WriteLine($"deallang: no solution: {TerminalText.Escape(e.Message)}");
            return ExitCodes.NoSolution;
        }
    }

    /// <summary>The objective of one run, or under a stochastic scenario the Monte Carlo estimate over its paths.</summary>
    private static ILeverProblem Problem(
        Func<Lever, int?, LeverRunner> runnerFor, IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> programs, ScenarioSpec scenario,
        Lever lever, SolveCondition condition, MonteCarlo? mc, int figuresOf)
    {
        if (mc is null)
        {
            return new DeterministicProblem(runnerFor(lever, figuresOf), condition);
        }

        if (condition.IsIndicator && mc.Probability is null)
        {
            throw new UsageException(
                $"under stochastic scenario {scenario.Name}, '{condition.Text}' holds on some paths and not on others: " +
                "give --probability P, the probability over the paths at which it counts (5%)");
        }

        if (!condition.IsIndicator && mc.Probability is not null)
        {
            throw new UsageException($"--probability is for a stop condition ('T loses principal', 'T misses interest', 'G holders lose principal', 'G holders miss interest'); '{condition.Text}' is a target, solved on its mean");
        }

        return new MonteCarloProblem(new MonteCarloLeverRunner(programs, scenario, lever, mc.Seed, mc.Paths, mc.Threads, figuresOf), condition, mc.Probability ?? 0);
    }

    /// <summary>The Monte Carlo run under a stochastic scenario (null under a deterministic one, where the Monte Carlo
    /// options are a usage error).</summary>
    private static MonteCarlo? MonteCarloOf(SolveRequest request, ScenarioSpec scenario)
    {
        if (scenario.Stochastic is null)
        {
            return request.MonteCarloOptions
                ? throw new UsageException(
                    $"--paths, --seed, --threads and --probability are for a stochastic scenario, and scenario {scenario.Name} is deterministic")
                : null;
        }

        double? probability = null;
        if (request.Probability is { } text)
        {
            try
            {
                probability = SolveCondition.Percent("--probability", text, 0, 1);
            }
            catch (SolveUsageException e)
            {
                throw new UsageException(e.Message, e);
            }

            if (probability == 0)
            {
                throw new UsageException("--probability 0% holds everywhere: give a probability above 0%");
            }
        }

        return new MonteCarlo(
            request.Paths ?? Runner.MonteCarlo.StochasticPaths.DefaultPaths(scenario),
            request.Seed ?? Runner.MonteCarlo.StochasticPaths.DefaultSeed(scenario),
            request.Threads ?? Environment.ProcessorCount,
            probability);
    }

    /// <summary>Exactly one of the three questions, each with its condition: usage errors before anything is compiled.</summary>
    private static void Validate(SolveRequest r)
    {
        int asked = (r.Breakeven is null ? 0 : 1) + (r.Hurdle is null ? 0 : 1) + (r.FairSpread is null ? 0 : 1);
        if (asked != 1)
        {
            throw new UsageException("solve needs exactly one of --breakeven LEVER --until COND, --hurdle INPUT --target COND, --fair-spread TRANCHE");
        }

        if (r.Breakeven is not null && (r.Until is null || r.Target is not null))
        {
            throw new UsageException("--breakeven needs --until COND (and no --target)");
        }

        if (r.Hurdle is not null && (r.Target is null || r.Until is not null))
        {
            throw new UsageException("--hurdle needs --target COND (and no --until)");
        }

        if (r.FairSpread is not null && (r.Until is not null || r.Target is not null))
        {
            throw new UsageException("--fair-spread takes no --until or --target");
        }

        if (r.Curve is not null && r.FairSpread is null)
        {
            throw new UsageException("--curve is for --fair-spread");
        }

        if (r.Paths is < 1)
        {
            throw new UsageException($"--paths must be at least 1, not {r.Paths}");
        }

        if (r.Threads is < 1)
        {
            throw new UsageException($"--threads must be at least 1, not {r.Threads}");
        }

        if (r.Probability is not null && r.FairSpread is not null)
        {
            throw new UsageException("--probability is for a stop condition; --fair-spread solves on the mean discounted value");
        }
    }

    /// <summary>
    /// Checks the lever's text with the scenario language itself: it is compiled as the one item of a scenario
    /// (<c>scenario SolveLeverCheck for Deal {</c> / the lever and a probe number / <c>}</c>) beside the deal, its
    /// line alone, so a diagnostic's column is its position in the argument; any diagnostic there is a usage error.
    /// </summary>
    private static void CheckLever(SolveRequest request, string dealName, string lever)
    {
        if (lever.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ' ')))
        {
            throw new UsageException($"--breakeven '{lever}': a lever is names and words only (letters, digits, '_', '.', spaces)");
        }

        string probe = lever.TrimEnd().Split(' ')[^1] switch
        {
            "deflate" or "grow" => "1% per year",
            "shift" => "+1bp",
            "haircut" or "utilisation" or "level" or "yield" => "10%",
            _ => throw new UsageException(
                $"--breakeven '{lever}' is not a lever a break-even can move; one of: {string.Join(", ", Levers.ScenarioForms)} (F a facility, I an index, C a contract)"),
        };
        const string Source = "--breakeven";
        string text = $"scenario {ProbeScenario} for {dealName} {{\n{lever} {probe}\n}}\n";
        SourceDocument root = SourceDocument.FromBytes(request.Path, DealFile.Read(request.Path));
        SourceDocument[] others =
        [
            .. request.ScenarioFiles.Select(f => SourceDocument.FromBytes(f, DealFile.Read(f, DealFile.ScenarioFile))),
            SourceDocument.FromText(Source, text),
        ];
        var check = DealCompiler.Check(Compilation.Create(root, DiskSourceFiles.Instance, others));
        // DL0511: a probe for a held deal is a scenario no top scenario runs, which is what it is here.
        Diagnostic? first = check.Diagnostics.FirstOrDefault(d => d.Span.Path == Source && d.Code != "DL0511");
        if (first is not null)
        {
            string message = first.Message.Replace($"scenario '{ProbeScenario}' ", "the lever ", StringComparison.Ordinal);
            // A warning here is a lever the deal does not read (DL0508: no enforcement sale to change): searching it
            // would move nothing, which is the mistake, not the warning's advice.
            throw new UsageException(first.Severity == Severity.Warning
                ? $"--breakeven '{lever}' would move nothing (column {first.Span.Column}, warning {first.Code}): {message}"
                : $"--breakeven '{lever}', at column {first.Span.Column}: error {first.Code}: {message}");
        }
    }

    private static ScenarioSpec Scenario(DealDescription deal, ScenarioSpec[] declared, string? name)
    {
        if (name is null or "AsWritten")
        {
            return ScenarioSpec.AsWritten(deal);
        }

        ScenarioSpec? found = Array.Find(declared, s => s.Name == name);
        return found
            ?? throw new UsageException(
                $"unknown scenario '{name}'; deal {deal.Name} has: {string.Join(", ", declared.Select(s => s.Name).Prepend("AsWritten"))}");
    }

    /// <summary>A flat rate (<c>4.5%</c>, <c>450bp</c>) or the name of an index of the deal.</summary>
    private static (int? Index, double Flat, string Text) Curve(DealDescription deal, string? text)
    {
        if (text is null)
        {
            return (null, 0, "a flat 0%");
        }

        int index = Array.FindIndex(deal.Indices, i => i.Name == text);
        if (index >= 0)
        {
            return (index, 0, $"{text} as the scenario has it");
        }

        if (text.EndsWith('%') || text.EndsWith("bp", StringComparison.Ordinal))
        {
            try
            {
                return (null, SolveCondition.Percent("--curve", text, -0.05, 1), $"a flat {text}");
            }
            catch (SolveUsageException e)
            {
                throw new UsageException(e.Message, e);
            }
        }

        throw new UsageException(
            $"--curve '{text}' is neither a rate (4.5%, 450bp) nor an index of deal {deal.Name}" +
            (deal.Indices.Length == 0 ? "" : $" ({string.Join(", ", deal.Indices.Select(i => i.Name))})"));
    }
}
