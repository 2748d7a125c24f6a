using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Each Monte Carlo path of a drawn scenario beside the same draws written as a dated scenario
/// (<see cref="StochasticPaths.Drawn"/>): the loop run on both, for a test to compare them and check the path's own
/// figures. The loan tests' "a drawn default on the path's own date is the same date written in a scenario".
/// </summary>
internal static class DrawnAgainstDated
{
    /// <param name="check">Called for each path with the deal, the path's draws as a dated scenario, the drawn path's
    /// results and the dated scenario's.</param>
    public static void EachPath(string source, string scenario, ulong seed, int paths, Action<DealDescription, ScenarioSpec, RunResult, RunResult> check)
    {
        var compiled = DealCompiler.Compile("small.deal", source);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var drawn = new StochasticPaths(deal, compiled.Model!.Scenarios.Single(s => s.Name == scenario), seed, paths);
        var dated = new DealPaths(deal);
        var inputs = new PathInputs(deal);
        var same = new PathInputs(deal);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        var expected = new RunResult(deal, host.Program.Layout, fullLedger: false);
        for (int p = 0; p < paths; p++)
        {
            drawn.Fill(p, inputs);
            result.Reset();
            host.Program.Run(inputs, result);
            ScenarioSpec spec = drawn.Drawn(inputs);
            dated.Fill(spec, same);
            expected.Reset();
            host.Program.Run(same, expected);
            check(deal, spec, result, expected);
        }
    }
}
