using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>Compiles examples/hyperion.deal once and runs all its scenarios with full ledgers and the cash check on.</summary>
public sealed class HyperionRun : IDisposable
{
    private readonly DealHost _host;

    public HyperionRun()
    {
        const string file = "examples/hyperion.deal";
        var result = DealCompiler.Compile(file, File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        _host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        Outcomes = new ScenarioRunner(Program, fullLedger: true, checkCash: true).RunAll(result.Model!.Scenarios)
            .ToDictionary(o => o.Scenario, StringComparer.Ordinal);
    }

    public IDealProgram Program => _host.Program;

    public DealDescription Deal => Program.Description;

    public IReadOnlyDictionary<string, ScenarioOutcome> Outcomes { get; }

    /// <summary>The ledger value of the named column in period t (0-based).</summary>
    public double Ledger(string scenario, string column, int t)
    {
        int k = Array.FindIndex(Program.Layout.Columns, c => c.Name == column);
        if (k < 0)
        {
            throw new ArgumentException($"no ledger column '{column}'");
        }

        return Outcomes[scenario].Ledger![t, k];
    }

    public void Dispose() => _host.Dispose();
}
