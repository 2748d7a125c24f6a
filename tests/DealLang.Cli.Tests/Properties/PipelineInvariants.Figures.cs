using System.Text.Json;
using System.Text.Json.Serialization;
using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

internal static partial class PipelineInvariants
{
    /// <summary>Every field of a summary, doubles to the bit ("R" round trip), NaN and ±∞ by name.</summary>
    private static readonly JsonSerializerOptions EveryField = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = false,
    };

    /// <summary>Compiles the deal and runs every scenario twice, with the full ledger and summary-only (as Monte Carlo
    /// runs a path), the cash check on in both: the two runs' summaries must be the same to the bit (docs/codebase.md,
    /// "the summaries are built from the RunResult buffers, never the ledger, so a summary-only run has them too"), and
    /// the full run's figures must keep <see cref="FigureIdentities"/>. A deal with holdings runs as a chain, and the
    /// identities are checked on every entity of it.</summary>
    public static void FiguresHangTogether(string text, RunTally tally, FigureTally figures)
    {
        Compilation compilation = Compilation(text);
        CompileResult compiled = DealCompiler.Compile(compilation, InMemory);
        Assert.True(compiled.Compiled is not null && compiled.Model is not null, string.Join('\n', compiled.Diagnostics));
        if (compilation.Entities.Count > 0)
        {
            ChainFiguresHangTogether(compilation, compiled, tally, figures);
            return;
        }

        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        IDealProgram program = host.Program;
        DealDescription deal = program.Description;
        var full = ScenarioRunner.RunAll(program, compiled.Model.Scenarios, fullLedger: true, checkCash: true);
        var summaryOnly = ScenarioRunner.RunAll(program, compiled.Model.Scenarios, fullLedger: false, checkCash: true);
        tally.Add(full);
        IReadOnlyList<RunResult> raw = RawRuns(program, compiled.Model.Scenarios);
        Assert.Equal(full.Count, summaryOnly.Count);
        Assert.Equal(full.Count, raw.Count);
        for (int k = 0; k < full.Count; k++)
        {
            SameSummaries(full[k], summaryOnly[k]);
            SameLedger(full[k], raw[k]);
            figures.Add(FigureIdentities.Check(deal, program.Layout, full[k], raw[k], PikUnpaid(text), figures));
        }
    }

    private static void ChainFiguresHangTogether(Compilation compilation, CompileResult top, RunTally tally, FigureTally figures)
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
                    figures.Add(FigureIdentities.Check(entity.Deal, entity.Layout, entity.Outcome, raw: null, new HashSet<string>(), figures));
                }
            }
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    /// <summary>Each scenario run as <see cref="ScenarioRunner.Run"/> runs it (a stochastic scenario is its path 0 at its
    /// own seed), into a result of its own, so that the buffers the summary has no figure for can be read.</summary>
    private static IReadOnlyList<RunResult> RawRuns(IDealProgram program, IReadOnlyList<ScenarioSpec> scenarios)
    {
        DealDescription deal = program.Description;
        var paths = DealPaths.For(deal);
        var inputs = new PathInputs(deal, paths.Layout);
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
                paths.Fill(scenario, inputs);
            }

            var result = new RunResult(deal, program.Layout, fullLedger: true);
            program.Run(inputs, result);
            results.Add(result);
        }

        return results;
    }

    /// <summary>The tranches written <c>pik unpaid</c>: DealGen writes each tranche on one line.</summary>
    private static HashSet<string> PikUnpaid(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"(?m)^\s*tranche (\w+) \{[^\n]*\bpik unpaid\b").Select(m => m.Groups[1].Value)];

    private static void SameSummaries(ScenarioOutcome full, ScenarioOutcome summaryOnly)
    {
        Assert.Null(summaryOnly.Ledger);
        string a = JsonSerializer.Serialize(full with { Ledger = null }, EveryField);
        string b = JsonSerializer.Serialize(summaryOnly, EveryField);
        Assert.True(a == b, $"scenario {full.Scenario}: the summary-only run's summary differs from the full run's\nfull:         {a}\nsummary-only: {b}");
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
