using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang mc FILE [--scenarios FILE]… --scenario NAME [--paths N] [--seed S] [--threads T] [--shard i/K --out FILE]
/// [--format table|csv|json|md] [--paths-out FILE.parquet|FILE.csv] [--replay-path P [--ledger]] [--replicates R] [-o FILE]</c>: compile
/// the deal, run a stochastic scenario's paths on T threads (<see cref="SimulationEngine"/>) with a progress bar on a
/// terminal, and print the credit metrics (<see cref="MonteCarloReport"/>); or the run R times at seeds S … S + R − 1
/// and one report of their means with standard errors across them (<see cref="Replicates"/>); or write one shard's exact totals
/// (<see cref="ShardFile"/>) for <c>deallang merge</c>; or replay one path alone with its full ledger. A deal that
/// imports deals runs as a chain (<see cref="McChain"/>).
/// </summary>
internal static class McCommand
{
    /// <summary>What the command line asked for.</summary>
    internal sealed record McRequest(
        string Path,
        string[] ScenarioFiles,
        string Scenario,
        int? Paths,
        ulong? Seed,
        int Threads,
        string? Shard,
        string? Out,
        ReportFormat Format,
        string? PathsOut,
        int? ReplayPath,
        bool Ledger,
        int? Replicates = null);

    public static Command Create(CliConsole console, CompileOptions options)
    {
        var file = CommonOptions.DealFileArgument();
        var scenarioFiles = CommonOptions.ScenarioFilesOption();
        var scenario = new Option<string>("--scenario", "-s") { Description = "The stochastic scenario to run.", HelpName = "name", Required = true };
        var paths = new Option<int?>("--paths", "-n") { Description = "Paths to run (default: the scenario's 'paths', else 10,000).", HelpName = "N" }.WholeNumber(least: 1);
        var seed = new Option<ulong?>("--seed") { Description = "The seed of every path's random stream (default: the scenario's 'seed', else 1).", HelpName = "S" }.WholeNumber(least: 0UL);
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Threads to run paths on (the result does not depend on it).",
            HelpName = "T",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        }.WholeNumber(least: 1, fallback: 1);
        var shard = new Option<string?>("--shard") { Description = "Run shard i of K (1 ≤ i ≤ K) and write its totals to --out, for 'deallang merge'.", HelpName = "i/K" };
        var outFile = new Option<string?>("--out") { Description = "The shard file to write (with --shard).", HelpName = "file" };
        var output = CommonOptions.OutputOption();
        output.Description = "Write the report to this file instead of standard output (with --shard: the shard file, as --out).";
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(ReportWriter.Formats);
        var pathsOut = new Option<string?>("--paths-out")
        {
            Description = "Write one summary row per path to this file: Parquet (file.parquet) or CSV (file.csv), by its extension.",
            HelpName = "file.parquet|file.csv",
        };
        var replay = new Option<int?>("--replay-path") { Description = "Run path P alone and print its summary (its full ledger with --ledger).", HelpName = "P" }.WholeNumber(least: 0);
        var ledger = new Option<bool>("--ledger") { Description = "With --replay-path: print the path's period ledger too." };
        var replicates = new Option<int?>("--replicates")
        {
            Description = "Run the scenario R times, at seeds S to S + R − 1, and print the means with standard errors across the runs (2 ≤ R ≤ 1000).",
            HelpName = "R",
        }.WholeNumber(least: Replicates.Fewest, most: Replicates.Most);
        var command = new Command("mc", "Run a deal's stochastic scenario: Monte Carlo credit metrics.")
        {
            file, scenarioFiles, scenario, paths, seed, threads, shard, outFile, output, format, pathsOut, replay, ledger, replicates,
        };
        command.SetAction(parse =>
        {
            // With --shard the shard file is the run's output: --output names it as --out does.
            string? shardFile = parse.GetValue(outFile);
            string? reportFile = parse.GetValue(output);
            if (parse.GetValue(shard) is not null && reportFile is not null)
            {
                if (shardFile is not null)
                {
                    throw new UsageException("--out and --output both name the shard file: give one");
                }

                (shardFile, reportFile) = (reportFile, null);
            }

            // A shard prints no report (its file is JSON of its own), so a --format given with it would be ignored.
            if (parse.GetValue(shard) is not null && parse.GetResult(format) is { Implicit: false })
            {
                throw new UsageException("--format sets the printed report, and --shard prints none (its shard file is JSON); 'deallang merge --format' sets the merged report's");
            }

            // A replayed path runs alone on this thread, so a --threads given with it would be ignored.
            if (parse.GetValue(replay) is not null && parse.GetResult(threads) is { Implicit: false })
            {
                throw new UsageException("--replay-path runs one path alone on one thread: it takes no --threads");
            }

            return ReportOutput.Run(console, reportFile, c => Execute(
                new McRequest(parse.GetValue(file)!, parse.GetValue(scenarioFiles) ?? [], parse.GetValue(scenario)!, parse.GetValue(paths),
                    parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(shard), shardFile,
                    ReportWriter.ParseFormat(parse.GetValue(format)!), parse.GetValue(pathsOut), parse.GetValue(replay), parse.GetValue(ledger),
                    parse.GetValue(replicates)),
                c, options));
        });
        return command;
    }

    private static int Execute(McRequest request, CliConsole console, CompileOptions options)
    {
        // The options' own mistakes first, before minutes of compiling.
        Validate(request);
        // A scenario file given alone runs with its deal, as 'mc DEAL.deal --scenarios x.scenarios' (ScenarioFileAlone).
        (string path, string[] scenarioFiles) = ScenarioFileAlone.Resolve("mc", request.Path, request.ScenarioFiles, console);
        request = request with { Path = path, ScenarioFiles = scenarioFiles };
        foreach (string? output in (string?[])[request.Out, request.PathsOut])
        {
            if (output is not null)
            {
                console.Inputs.Plan(output); // a deal file read as an output is refused before the run, not after it
            }
        }

        var compilation = DealFile.Compile(request.Path, request.ScenarioFiles, console);
        if (request.PathsOut is { } rows)
        {
            // paths.txt refused before building and running, not once the rows' file is opened; after reading the deal,
            // so an output that is the deal file is told so first (InputFiles)
            PathsFormats.Of(rows);
        }

        var result = DealFile.Build(compilation, options, console);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Compiled is null)
        {
            return result.Model is null ? ExitCodes.DealErrors : ExitCodes.InternalError;
        }

        // A deal that imports deals runs with them as a chain, every entity on the same drawn paths.
        if (compilation.Entities.Count > 0)
        {
            if (request.Replicates is not null)
            {
                // A chain's report is per entity (McChain); replicates combine one deal's report.
                throw new UsageException("--replicates combines one deal's report, and this deal imports deals (a chain run): run it at each seed with --seed and combine them by hand (docs/cli.md)");
            }

            return McChain.Execute(request, compilation, result, console, options);
        }

        using var host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        IDealProgram program = host.Program;
        DealDescription deal = program.Description;
        ScenarioSpec scenario = SelectScenario(deal, [.. result.Model!.Scenarios], request.Scenario);
        int paths = request.Paths ?? StochasticPaths.DefaultPaths(scenario);
        ulong seed = request.Seed ?? StochasticPaths.DefaultSeed(scenario);
        StochasticPaths source = Source(deal, scenario, seed, paths);

        var frame = SimulationFrame.Of(deal, DealHash(compilation), scenario.Name, seed, paths,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd))) with { Sampling = source.Sampling };
        return request.Replicates is not null
            ? SimulateReplicates(request, program, s => s == seed ? source : Source(deal, scenario, s, paths), frame, console)
            : Simulate(request, program, source, frame, console);
    }

    /// <summary>Usage mistakes the options make by themselves.</summary>
    internal static void Validate(McRequest request)
    {
        if (request.Paths is <= 0)
        {
            throw new UsageException($"--paths must be at least 1, not {request.Paths}");
        }

        if (request.Threads < 1)
        {
            throw new UsageException($"--threads must be at least 1, not {request.Threads}");
        }

        if (request.Shard is not null)
        {
            ParseShard(request.Shard);
            if (request.Out is null)
            {
                throw new UsageException("--shard writes a shard file: give it with --out FILE");
            }
        }
        else if (request.Out is not null)
        {
            throw new UsageException("--out names a shard's file: give --shard i/K too (without --shard the report is printed)");
        }

        if (request.ReplayPath is { } replay)
        {
            if (replay < 0)
            {
                throw new UsageException($"--replay-path must be a path number of 0 or more, not {replay}");
            }

            if (request.Shard is not null || request.PathsOut is not null)
            {
                throw new UsageException("--replay-path runs one path alone: it takes neither --shard nor --paths-out");
            }
        }
        else if (request.Ledger)
        {
            throw new UsageException("--ledger prints a replayed path's ledger: give --replay-path P too");
        }

        if (request.Replicates is { } r)
        {
            if (r is < Replicates.Fewest or > Replicates.Most)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"--replicates must be from {Replicates.Fewest} (a standard error needs two runs) to {Replicates.Most}, not {r}"));
            }

            if (request.Shard is not null || request.PathsOut is not null || request.ReplayPath is not null)
            {
                throw new UsageException("--replicates prints one report over whole runs: it takes no --shard, --paths-out or --replay-path");
            }
        }
    }

    /// <summary>"i/K" with 1 ≤ i ≤ K, each in plain digits as every whole number on the command line (01/4 refused).</summary>
    internal static (int Index, int Count) ParseShard(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !WholeNumberText.TryNonNegative(parts[0], out int index)
            || !WholeNumberText.TryNonNegative(parts[1], out int count))
        {
            throw new UsageException($"--shard takes i/K, shard i of K (e.g. 2/4), not '{text}'");
        }

        if (count < 1)
        {
            throw new UsageException($"--shard {text}: K, the number of shards, must be at least 1");
        }

        if (index < 1 || index > count)
        {
            throw new UsageException($"--shard {text}: shards of {count} are numbered 1 to {count}");
        }

        return (index, count);
    }

    /// <summary>The run itself, once the deal is loaded and the path source made (tests call it with sources of
    /// their own): a replayed path, a shard file, or the report.</summary>
    internal static int Simulate(McRequest request, IDealProgram program, IPathSource source, SimulationFrame frame, CliConsole console)
    {
        Validate(request);
        if (request.Replicates is not null)
        {
            throw new ArgumentException("A run of replicates is SimulateReplicates', which draws a source per seed.", nameof(request));
        }

        DealDescription deal = program.Description;
        if (request.ReplayPath is { } replay)
        {
            return Replay(request, program, source, frame, replay, console);
        }

        (int index, int count) = request.Shard is { } text ? ParseShard(text) : (1, 1);
        Shard shard = Shard.Of(index, count, source.Count, source.MirroredPairs);

        bool progress = console.ShowsProgress;
        using PathsFile? rows = request.PathsOut is { } rowsFile ? PathsFile.Create(rowsFile, PathColumns.For(deal, source), console.Inputs) : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SimulationTotals totals = ProgressDisplay.Run(console, progress, $"mc {frame.Scenario}", shard.To - shard.From,
            report => new SimulationEngine(program, source, checkCash: true).Run(shard.From, shard.To, request.Threads, rows, report, console.Interruption?.Token ?? default));
        // An empty shard's "none of the N paths; it adds nothing to the merge" read "… the merge on 2 thread(s) in …".
        console.Detail(shard.To > shard.From
            ? string.Create(CultureInfo.InvariantCulture, $"ran {shard.PathsOf(frame.Paths)} on {request.Threads} thread(s) in {clock.Elapsed.TotalSeconds:F3} s")
            : string.Create(CultureInfo.InvariantCulture, $"ran none of the {frame.Paths} paths (shard {shard.Index}/{shard.Count} has none) in {clock.Elapsed.TotalSeconds:F3} s"));

        string? rowsWritten = rows?.Commit();
        if (request.Shard is not null)
        {
            var outputs = new OutputFiles(console.Inputs);
            outputs.Add(request.Out!, ShardFile.Write(new ShardResult(frame, shard, totals)));
            foreach (string written in outputs.Commit())
            {
                console.Info(console.Out, string.Create(CultureInfo.InvariantCulture,
                    $"wrote {TerminalText.Escape(written)} (shard {shard.Index}/{shard.Count}: {shard.PathsOf(frame.Paths)})"));
            }
        }
        else
        {
            console.Out.Write(MonteCarloReport.Render(CreditMetrics.Compute(frame, totals), request.Format));
            NoteStandardErrors(frame, console);
        }

        if (rowsWritten is not null)
        {
            // Beside a report on standard output, on standard error, so the report stays one clean CSV or JSON document.
            console.Info(request.Shard is null ? console.Error : console.Out, $"wrote {TerminalText.Escape(rowsWritten)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The run R = <see cref="McRequest.Replicates"/> times, replicate r (1 … R) on the paths of <paramref name="sourceAt"/>
    /// seed S0 + r − 1 (S0 <paramref name="frame"/>'s seed; each seed's Sobol shift and Philox stream its own, so the
    /// replicates are independent), each on T threads as one run is, and one report of their means with standard
    /// errors across them (<see cref="Replicates.Combine"/>). Deterministic for a given S0 whatever T: each replicate's
    /// metrics are, and they are combined in seed order.
    /// </summary>
    internal static int SimulateReplicates(McRequest request, IDealProgram program, Func<ulong, IPathSource> sourceAt, SimulationFrame frame, CliConsole console)
    {
        Validate(request);
        int count = request.Replicates ?? throw new ArgumentException("A run of replicates has --replicates.", nameof(request));
        if (frame.Seed > ulong.MaxValue - (ulong)(count - 1))
        {
            // the seed given with --seed or the scenario's: S0 + R − 1 must be a seed too, not wrap round to 0
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--replicates {count} runs at seeds {frame.Seed} to {frame.Seed} + {count - 1}, past the largest seed, {ulong.MaxValue}: give a smaller --seed"));
        }

        var runs = new List<CreditMetrics>(count);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int r = 0; r < count; r++)
        {
            ulong seed = frame.Seed + (ulong)r;
            IPathSource source = sourceAt(seed);
            if (source.Count != frame.Paths)
            {
                throw new ArgumentException("Every replicate runs the frame's paths.", nameof(sourceAt));
            }

            SimulationTotals totals = ProgressDisplay.Run(console, console.ShowsProgress, string.Create(CultureInfo.InvariantCulture, $"mc {frame.Scenario} replicate {r + 1}/{count}"), source.Count,
                report => new SimulationEngine(program, source, checkCash: true).Run(0, source.Count, request.Threads, null, report, console.Interruption?.Token ?? default));
            runs.Add(CreditMetrics.Compute(frame with { Seed = seed }, totals));
        }

        console.Detail(string.Create(CultureInfo.InvariantCulture, $"ran {count} replicates of {frame.Paths} paths on {request.Threads} thread(s) in {clock.Elapsed.TotalSeconds:F3} s"));
        CreditMetrics combined = Replicates.Combine(runs);
        console.Out.Write(MonteCarloReport.Render(combined, request.Format));
        NoteStandardErrors(combined.Frame, console);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// After a printed report, on standard error (so a CSV or JSON report stays one clean document): what the report's ±
    /// measure when the paths are not independent (docs/language.md, "Monte Carlo results"). A Sobol run's points are
    /// not ("Sobol points"): its ± are the independent formulas', which overstate its error. An antithetic run's ± are
    /// over its mirrored pairs (<see cref="PairTotals"/>), which a CSV's rows, with no heading, cannot say.
    /// </summary>
    internal static void NoteStandardErrors(SimulationFrame frame, CliConsole console)
    {
        string scenario = frame.Scenario;
        if (frame.Replicates > 1)
        {
            // what the CSV's rows, with no heading, cannot say; under sobol it replaces the note that the ± overstate its error
            console.Info(console.Error, string.Create(CultureInfo.InvariantCulture,
                $"note: scenario {TerminalText.Escape(scenario)} ran {frame.Replicates} times, at seeds {frame.Seed} to {frame.Seed + (ulong)(frame.Replicates - 1)}: "
                + $"each estimate is the mean of the {frame.Replicates} runs' and its ± one standard error across them (docs/language.md, \"Standard errors under Sobol\")"));
        }
        else if (frame.Sampling == SimulationFrame.Sobol)
        {
            console.Info(console.Error, $"note: scenario {TerminalText.Escape(scenario)} uses sobol: the ± are plain Monte Carlo standard errors, "
                + "which overstate a Sobol estimate's; measure its error across seeds (docs/language.md, \"Sobol points\")");
        }
        else if (frame.Sampling == SimulationFrame.Antithetic)
        {
            console.Info(console.Error, $"note: scenario {TerminalText.Escape(scenario)} uses antithetic: its ± are standard errors over its "
                + "mirrored pairs (docs/language.md, \"Monte Carlo results\")");
        }
    }

    private static int Replay(McRequest request, IDealProgram program, IPathSource source, SimulationFrame frame, int path, CliConsole console)
    {
        DealDescription deal = program.Description;
        if (path >= source.Count)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--replay-path {path}: the run has paths 0 to {source.Count - 1}"));
        }

        string name = string.Create(CultureInfo.InvariantCulture, $"{frame.Scenario} path {path}");
        var (outcome, _) = PathReplay.Run(program, source, path, name);
        string stem = string.Create(CultureInfo.InvariantCulture, $"{deal.Name}.{frame.Scenario}.path{path}");
        var reports = new List<(string Title, string FileStem, string Text)>();
        if (request.Ledger)
        {
            reports.Add(($"{deal.Name}: scenario {frame.Scenario}, seed {frame.Seed}, path {path}: period ledger", stem + ".ledger",
                LedgerReport.Render(deal, program.Layout, outcome, request.Format)));
        }

        reports.Add(($"{deal.Name}: scenario {frame.Scenario}, seed {frame.Seed}, path {path}: summary", stem + ".summary",
            SummaryReport.Render(deal, [outcome], request.Format)));
        ReportWriter.Write(reports, request.Format, null, console);
        return ExitCodes.Ok;
    }

    /// <summary>The stochastic scenario <paramref name="name"/>; a usage error naming the stochastic ones when it is
    /// unknown or draws nothing, with <paramref name="instead"/>, where a deterministic scenario goes instead.</summary>
    internal static ScenarioSpec SelectScenario(DealDescription deal, ScenarioSpec[] declared, string name, string instead = "run it with 'deallang run'")
    {
        ScenarioSpec? match = Array.Find(declared, s => string.Equals(s.Name, name, StringComparison.Ordinal));
        string[] stochastic = [.. declared.Where(StochasticPaths.IsStochastic).Select(s => s.Name)];
        string choices = stochastic.Length == 0
            ? $"deal {deal.Name} has no stochastic scenario"
            : $"the stochastic scenarios of deal {deal.Name} are: {string.Join(", ", stochastic)}";
        if (match is null)
        {
            throw new UsageException($"unknown scenario '{name}'; {choices}");
        }

        if (!StochasticPaths.IsStochastic(match))
        {
            throw new UsageException($"scenario {name} is not stochastic (it draws nothing): {instead}; {choices}");
        }

        return match;
    }

    /// <summary>The paths of stochastic <paramref name="scenario"/> on <paramref name="deal"/> (every verb that runs
    /// them: <c>mc</c>, a chain's, <c>report --mc</c>); a scenario the deal cannot run is a usage error.</summary>
    internal static StochasticPaths Source(DealDescription deal, ScenarioSpec scenario, ulong seed, int paths)
    {
        try
        {
            return new StochasticPaths(deal, scenario, seed, paths);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"scenario {scenario.Name} cannot be run on deal {deal.Name}: {e.Message}", e);
        }
    }

    /// <summary>
    /// What makes shards of one run: the SHA-256 of DealLang's version and of the text of every file of the
    /// compilation (the deal, its imports, the scenario files) as it was read and checked, in UTF-8, in the order
    /// read — not of their paths, so the same files checked out anywhere (each node of a cluster) give the same hash;
    /// and not read again, so a deal from standard input or a pipe (a shell's <c>&lt;(cat deal.deal)</c>, which
    /// cannot be read twice) hashes as the file does, and a file edited while the run starts cannot hash as
    /// another.
    /// </summary>
    internal static string DealHash(Compilation compilation)
    {
        if (compilation.Texts.Count != compilation.Units.Count)
        {
            throw new InvalidOperationException("A compilation read from files has a text per file.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string version = typeof(SimulationEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(version + "\n"));
        foreach (string text in compilation.Texts)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
