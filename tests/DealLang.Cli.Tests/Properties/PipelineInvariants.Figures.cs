using System.Text.Json;
using System.Text.Json.Serialization;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

internal static partial class PipelineInvariants
{
    /// <summary>Every field of a summary, doubles to the bit ("R" round trip), NaN and ±∞ by name.</summary>
    private static readonly JsonSerializerOptions EveryField = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Compiles the deal and runs every scenario twice, with the full ledger and summary-only (as Monte Carlo
    /// runs a path), the cash check on in both: the two runs' summaries must be the same to the bit (docs/codebase.md,
    /// "the summaries are built from the RunResult buffers, never the ledger, so a summary-only run has them too"), and
    /// the full run's figures must keep <see cref="FigureIdentities"/>. Each scenario is also run a third time into
    /// result buffers of the test's own (the terms the summary has no figure for) and a fourth as Monte Carlo runs a
    /// path, whose figures must be the summary's. A deal with holdings runs as a chain (both ways, compared), and the
    /// identities are checked on every entity of it.</summary>
    public static void FiguresHangTogether(string text, RunTally tally, FigureTally figures)
    {
        Compilation compilation = Compilation(text);
        CompileResult compiled = DealCompiler.Compile(compilation, InMemory);
        Assert.True(compiled.Compiled is not null && compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        if (compilation.Entities.Count > 0)
        {
            ChainFiguresHangTogether(compilation, compiled, text, tally, figures);
            return;
        }

        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        IDealProgram program = host.Program;
        DealDescription deal = program.Description;
        var full = ScenarioRunner.RunAll(program, compiled.Model.Scenarios, fullLedger: true, checkCash: true);
        var summaryOnly = ScenarioRunner.RunAll(program, compiled.Model.Scenarios, fullLedger: false, checkCash: true);
        tally.Add(full);
        var paths = new List<PathFigures>();
        IReadOnlyList<RunResult> raw = RawRuns(program, compiled.Model.Scenarios, paths);
        Assert.Equal(full.Count, summaryOnly.Count);
        Assert.Equal(full.Count, raw.Count);
        for (int k = 0; k < full.Count; k++)
        {
            SameSummaries(full[k], summaryOnly[k]);
            SameLedger(full[k], raw[k]);
            SameAsPath(deal, full[k], paths[k]);
            figures.Add(FigureIdentities.Check(deal, program.Layout, full[k], raw[k], PikUnpaid(text), figures, PartlyCalledOrConverted(text)));
        }
    }

    private static void ChainFiguresHangTogether(Compilation compilation, CompileResult top, string text, RunTally tally, FigureTally figures)
    {
        var entities = DealCompiler.CompileEntities(compilation, InMemory);
        var hosts = entities.Select(e => DealHost.Load(e.Compiled!.Image, e.Compiled.TypeName)).Append(DealHost.Load(top.Compiled!.Image, top.Compiled.TypeName)).ToList();
        try
        {
            var models = compilation.Entities.Append(top.Model!).ToList();
            IReadOnlyList<ChainOutcome> Run(bool fullLedger) =>
                new ChainRunner([.. hosts.Select((h, i) => (h.Program, (IReadOnlyList<ScenarioSpec>)[.. models[i].Scenarios]))], fullLedger, checkCash: true)
                    .RunAll(top.Model!.Scenarios);
            var full = Run(fullLedger: true);
            var summaryOnly = Run(fullLedger: false);
            tally.Add([.. full.Select(o => o.Entities[^1].Outcome)]);
            Assert.Equal(full.Count, summaryOnly.Count);
            for (int k = 0; k < full.Count; k++)
            {
                for (int e = 0; e < full[k].Entities.Length; e++)
                {
                    EntityOutcome entity = full[k].Entities[e];
                    SameSummaries(entity.Outcome, summaryOnly[k].Entities[e].Outcome);
                    // The scenario's calls and conversions are the top deal's (the last entity), its tranches called in part too.
                    bool isTop = e == full[k].Entities.Length - 1;
                    figures.Add(FigureIdentities.Check(entity.Deal, entity.Layout, entity.Outcome, raw: null, new HashSet<string>(), figures,
                        isTop ? PartlyCalledOrConverted(text) : null));
                }

                FigureIdentities.HoldingDrawsAsHeld(full[k].Entities, figures);
                FigureIdentities.ChainLayersAddUp(full[k], figures);
            }
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    /// <summary>Each scenario run as <see cref="ScenarioRunner.Run"/> runs it (a stochastic scenario is its path 0 at its
    /// own seed), into a result of its own, so that the buffers the summary has no figure for can be read; and again
    /// summary-only, its figures read into <paramref name="paths"/> as the Monte Carlo engine reads a path's.</summary>
    private static IReadOnlyList<RunResult> RawRuns(IDealProgram program, IReadOnlyList<ScenarioSpec> scenarios, List<PathFigures> paths)
    {
        DealDescription deal = program.Description;
        var source = DealPaths.For(deal);
        var inputs = new PathInputs(deal, source.Layout);
        var results = new List<RunResult>();
        IReadOnlyList<ScenarioSpec> run = scenarios.Count > 0 ? scenarios : [ScenarioSpec.AsWritten(deal)];
        foreach (ScenarioSpec scenario in run)
        {
            if (StochasticPaths.IsStochastic(scenario))
            {
                new StochasticPaths(deal, scenario, StochasticPaths.DefaultSeed(scenario), 1).Fill(0, inputs);
            }
            else
            {
                source.Fill(scenario, inputs);
            }

            var result = new RunResult(deal, program.Layout, fullLedger: true);
            program.Run(inputs, result);
            results.Add(result);
            // The same path as Monte Carlo runs it: summary-only, its figures read by the engine's PathFigures.
            var path = new RunResult(deal, program.Layout, fullLedger: false);
            program.Run(inputs, path);
            var figures = new PathFigures(deal);
            figures.Read(0, path, inputs);
            paths.Add(figures);
        }

        return results;
    }

    /// <summary>The tranches written <c>pik unpaid</c>: DealGen writes each tranche on one line.</summary>
    // The convertibles a scenario calls in part or converts in part ('T called on … part X', 'T called when … part X', 'T converts X'): their rest
    // may convert after a call (docs/language.md §5, "A partial hard call").
    private static HashSet<string> PartlyCalledOrConverted(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"(?m)^\s*(\w+) (called (?:on|when) [^\n]*\bpart\b|converts )").Select(m => m.Groups[1].Value)];

    private static HashSet<string> PikUnpaid(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"(?m)^\s*tranche (\w+) \{[^\n]*\bpik unpaid\b").Select(m => m.Groups[1].Value)];

    private static void SameSummaries(ScenarioOutcome full, ScenarioOutcome summaryOnly)
    {
        Assert.Null(summaryOnly.Ledger);
        string a = JsonSerializer.Serialize(full with { Ledger = null }, EveryField);
        string b = JsonSerializer.Serialize(summaryOnly, EveryField);
        Assert.True(a == b, $"scenario {full.Scenario}: the summary-only run's summary differs from the full run's\nfull:         {a}\nsummary-only: {b}");
    }

    /// <summary>docs/codebase.md, PathSummaries: a Monte Carlo path's figures are "solved on the path's flows exactly as
    /// TrancheSummaries and EquitySummaries do, so each path's figures are its outcome's bit for bit"; and a guarantee's
    /// cost on a path is its signed net cost, the summary's (PathFigures, since 4448ae3: a path where it got back more,
    /// or where paid − recovered leaves a rounding residue below 0, keeps its sign; only P(pays anything) floors it).
    /// Not an equity's IRR with capital calls: the summary counts each call at its date, Monte Carlo at the end of the
    /// period holding it (docs/language.md, "Commitments drawn over time").</summary>
    private static void SameAsPath(DealDescription deal, ScenarioOutcome outcome, PathFigures path)
    {
        static void Same(double summary, double onPath, string what) =>
            Assert.True(summary.Equals(onPath), FormattableString.Invariant($"{what}: the summary's {summary:R}, the Monte Carlo path's {onPath:R}"));

        string at = $"scenario {outcome.Scenario}";
        for (int i = 0; i < outcome.Tranches.Length; i++)
        {
            TrancheSummary s = outcome.Tranches[i];
            Same(s.PrincipalLoss, path.Loss[i], $"{at}, tranche {s.Name}, loss");
            Same(s.LossFraction, path.LossShare[i], $"{at}, tranche {s.Name}, loss %");
            Same(s.UnpaidInterest, path.UnpaidInterest[i], $"{at}, tranche {s.Name}, unpaid interest");
            Same(s.Irr, path.Irr[i], $"{at}, tranche {s.Name}, IRR");
            Same(s.WalYears, path.Wal[i], $"{at}, tranche {s.Name}, WAL");
        }

        for (int e = 0; e < outcome.Equities.Length; e++)
        {
            Same(outcome.Equities[e].Irr, path.EquityIrr[e], $"{at}, equity {outcome.Equities[e].Name}, IRR");
        }

        for (int g = 0; g < outcome.Guarantees.Length; g++)
        {
            Same(outcome.Guarantees[g].NetCost, path.GuaranteeCost[g], $"{at}, guarantee {outcome.Guarantees[g].Name}, cost");
            Same(outcome.Guarantees[g].FeeReceived, path.GuaranteeFee[g], $"{at}, guarantee {outcome.Guarantees[g].Name}, fee received");
        }

        Assert.Equal(outcome.Events.EventOfDefault is not null, path.EventOfDefault);
        Assert.Equal(outcome.Events.Sale is not null, path.Sale);
    }

    /// <summary>The raw run is the outcome's own: the same periods and ledger, bit for bit.</summary>
    private static void SameLedger(ScenarioOutcome outcome, RunResult raw)
    {
        Assert.Equal(outcome.PeriodsRun, Math.Clamp(raw.PeriodsRun, 0, raw.Ledger!.GetLength(0)));
        for (int t = 0; t < outcome.PeriodsRun; t++)
        {
            for (int c = 0; c < outcome.Ledger!.Columns; c++)
            {
                Assert.True(outcome.Ledger[t, c].Equals(raw.Ledger[t, c]), $"scenario {outcome.Scenario}: the raw run's ledger differs at period {t + 1}, column {c}");
            }
        }
    }
}
