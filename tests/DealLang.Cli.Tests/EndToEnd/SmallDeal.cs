using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>Compiles a deal written inline in a test and runs its scenarios with the cash check on.</summary>
internal sealed class SmallDeal
{
    private readonly string[] _columns;

    private SmallDeal(IReadOnlyDictionary<string, ScenarioOutcome> outcomes, string[] columns)
    {
        Outcomes = outcomes;
        _columns = columns;
    }

    public IReadOnlyDictionary<string, ScenarioOutcome> Outcomes { get; }

    public static SmallDeal Run(string text)
    {
        var result = DealCompiler.Compile("small.deal", text);
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        using DealHost host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        var outcomes = ScenarioRunner.RunAll(host.Program, fullLedger: true, checkCash: true)
            .ToDictionary(o => o.Scenario, StringComparer.Ordinal);
        return new SmallDeal(outcomes, host.Program.Layout.Columns.Select(c => c.Name).ToArray());
    }

    /// <summary>The ledger value of the named column in period t (0-based).</summary>
    public double Ledger(string scenario, string column, int t)
    {
        int k = Array.IndexOf(_columns, column);
        if (k < 0)
        {
            throw new ArgumentException($"no ledger column '{column}'");
        }

        return Outcomes[scenario].Ledger![t, k];
    }
}
