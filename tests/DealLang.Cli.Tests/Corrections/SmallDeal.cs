using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>A deal written in a test, compiled through the real pipeline and run under each of its scenarios with
/// full ledgers and the cash check on (every period conserves cash; the last one leaves nothing in the accounts).</summary>
public sealed class SmallDeal : IDisposable
{
    private readonly DealHost _host;

    public SmallDeal(string source)
    {
        var result = DealCompiler.Compile("small.deal", source);
        Diagnostics = result.Diagnostics;
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        _host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        Outcomes = new ScenarioRunner(Program, fullLedger: true, checkCash: true)
            .RunAll(ScenarioRunner.ScenariosOf(Program.Description))
            .ToDictionary(o => o.Scenario, StringComparer.Ordinal);
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IDealProgram Program => _host.Program;

    public IReadOnlyDictionary<string, ScenarioOutcome> Outcomes { get; }

    /// <summary>The only scenario's outcome (the deal as written when it declares none).</summary>
    public ScenarioOutcome Single => Outcomes.Values.Single();

    /// <summary>The ledger value of the named column in period t (0-based) of a scenario (the only one if null).</summary>
    public double Ledger(string column, int t, string? scenario = null)
    {
        int k = Array.FindIndex(Program.Layout.Columns, c => c.Name == column);
        if (k < 0)
        {
            throw new ArgumentException($"no ledger column '{column}' (has: {string.Join(", ", Program.Layout.Columns.Select(c => c.Name))})");
        }

        ScenarioOutcome outcome = scenario is null ? Single : Outcomes[scenario];
        return outcome.Ledger![t, k];
    }

    public void Dispose() => _host.Dispose();
}
