using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>A deal written in a test, compiled through the real pipeline and run under each of its scenarios with
/// full ledgers and the cash check on (every period conserves cash; the last one leaves nothing in the accounts).
/// The compiled deal is unloaded once its outcomes are copied. Without <c>fullLedger</c> it runs as Monte Carlo
/// paths do, summaries only.</summary>
public sealed class SmallDeal
{
    private readonly string[] _columns;

    public SmallDeal(string source, bool fullLedger = true)
    {
        var result = DealCompiler.Compile("small.deal", source);
        Diagnostics = result.Diagnostics;
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        using DealHost host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        _columns = [.. host.Program.Layout.Columns.Select(c => c.Name)];
        Outcomes = new ScenarioRunner(host.Program, fullLedger, checkCash: true)
            .RunAll(result.Model!.Scenarios)
            .ToDictionary(o => o.Scenario, StringComparer.Ordinal);
        Description = host.Program.Description;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The ledger's column names, in the order of its columns.</summary>
    public string[] Columns => _columns;

    public DealLang.Runtime.DealDescription Description { get; }

    public IReadOnlyDictionary<string, ScenarioOutcome> Outcomes { get; }

    /// <summary>The only scenario's outcome (the deal as written when it declares none).</summary>
    public ScenarioOutcome Single => Outcomes.Values.Single();

    /// <summary>The ledger value of the named column in period t (0-based) of a scenario (the only one if null).</summary>
    public double Ledger(string column, int t, string? scenario = null)
    {
        int k = Array.IndexOf(_columns, column);
        if (k < 0)
        {
            throw new ArgumentException($"no ledger column '{column}' (has: {string.Join(", ", _columns)})");
        }

        ScenarioOutcome outcome = scenario is null ? Single : Outcomes[scenario];
        return outcome.Ledger![t, k];
    }

    /// <summary>The deal as written run as a Monte Carlo path is (summary-only, inputs from the path source), and the
    /// figures the engine reads from that path (<see cref="PathFigures.Read(RunResult)"/>).</summary>
    public static PathFigures PathFiguresOf(string source)
    {
        var compiled = DealCompiler.Compile("small.deal", source);
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var inputs = new PathInputs(deal);
        new DealPaths(deal).Fill(ScenarioSpec.AsWritten(deal), inputs);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        host.Program.Run(inputs, result);
        var figures = new PathFigures(deal);
        figures.Read(result);
        return figures;
    }
}
