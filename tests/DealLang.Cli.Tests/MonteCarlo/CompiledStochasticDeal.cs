using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// A small deal compiled in memory with its scenarios, for tests that fill and run its Monte Carlo paths one at a time
/// (the drawn recoveries' and drawn shares' tests): its description, program, a scenario's path source, and a loan's loss
/// path by path. The deal must compile without a diagnostic.
/// </summary>
internal sealed class CompiledStochasticDeal : IDisposable
{
    private readonly DealHost host;
    private readonly ScenarioSpec[] scenarios;

    private CompiledStochasticDeal(DealHost host, ScenarioSpec[] scenarios)
    {
        this.host = host;
        this.scenarios = scenarios;
    }

    public DealDescription Deal => host.Program.Description;

    public IDealProgram Program => host.Program;

    /// <summary>Compiles <paramref name="source"/> under the file name <paramref name="path"/> (the name diagnostics would give).</summary>
    public static CompiledStochasticDeal Of(string path, string source)
    {
        var result = DealCompiler.Compile(path, source);
        Assert.True(result.Compiled is not null, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return new CompiledStochasticDeal(DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName), [.. result.Model!.Scenarios]);
    }

    public StochasticPaths Source(string scenario, ulong seed, int paths) =>
        new(Deal, scenarios.Single(s => s.Name == scenario), seed, paths);

    public int Party(string name) => Array.FindIndex(Deal.Parties, p => p.Name == name);

    public int Loan(string name) => Array.FindIndex(Deal.Loans, l => l.Name == name);

    /// <summary>
    /// Loan <paramref name="loan"/>'s loss on each path of <paramref name="scenario"/>; <paramref name="eachPath"/>, when
    /// given, reads what else a test needs of path p from its filled inputs and source before the next path is filled.
    /// </summary>
    public double[] LoanLosses(string loan, string scenario, ulong seed, int paths, Action<int, StochasticPaths, PathInputs>? eachPath = null)
    {
        StochasticPaths source = Source(scenario, seed, paths);
        var inputs = new PathInputs(Deal);
        var result = new RunResult(Deal, host.Program.Layout, fullLedger: false);
        int index = Loan(loan);
        var losses = new double[paths];
        for (int p = 0; p < paths; p++)
        {
            source.Fill(p, inputs);
            host.Program.Run(inputs, result);
            losses[p] = result.LoanLoss[index];
            eachPath?.Invoke(p, source, inputs);
        }

        return losses;
    }

    public void Dispose() => host.Dispose();
}
