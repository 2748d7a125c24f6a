using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// examples/coreweave-ddtl2.deal's <c>Stochastic</c> scenario is calibrated so that its launches are part of the
/// rent's decline, not on top of it: the mean H100 rent over the paths is Base's row. The log-OU moves around its row
/// with mean 1, and the launches (40% a year, each 15% down) multiply the mean by e^(−0.06 t) (t in years, ACT/365F, from
/// the closing); the scenario's row — FACTS.md's points × e^(0.06 t_i), then 9.74% a year from the last — times that is
/// Base's: (1 − 9.74%) e^(−0.06) = 0.85 a year from the last point, 2026-03-01. So at every period start from then on the
/// mean over 8,000 paths is Base's level within 4 standard errors (and the row's rounding to 4 digits, 0.01%).
/// </summary>
public sealed class CoreWeaveStochasticRentTests
{
    [Fact]
    public void TheMeanRentOverThePathsIsBasesRowFromTheLastPointOn()
    {
        string file = Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal");
        CompileResult result = DealCompiler.Compile(file, File.ReadAllText(file));
        Assert.NotNull(result.Compiled);
        using DealHost host = DealHost.Load(result.Compiled!.Image, result.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        ScenarioSpec stochastic = result.Model!.Scenarios.Single(s => s.Name == "Stochastic");
        ScenarioSpec baseCase = result.Model.Scenarios.Single(s => s.Name == "Base");
        int rent = Array.FindIndex(deal.Indices, i => i.Name == "H100Rent");

        var basePath = new PathInputs(deal);
        PathBuilder.Build(deal, baseCase, basePath);
        double[] baseRow = basePath.IndexLevel[rent];

        const int n = 8000;
        var source = new StochasticPaths(deal, stochastic, 42, n);
        var inputs = new PathInputs(deal);
        int periods = deal.ScheduledPeriods;
        var sum = new double[periods];
        var squares = new double[periods];
        for (int p = 0; p < n; p++)
        {
            source.Fill(p, inputs);
            for (int t = 0; t < periods; t++)
            {
                double x = inputs.IndexLevel[rent][t];
                sum[t] += x;
                squares[t] += x * x;
            }
        }

        int checkedPeriods = 0;
        for (int t = 0; t < periods; t++)
        {
            if (deal.Boundaries[t] < new Date(2026, 3, 1))
            {
                continue;
            }

            double mean = sum[t] / n, se = Math.Sqrt(((squares[t] / n) - (mean * mean)) / (n - 1));
            Assert.InRange(mean - baseRow[t], (-4 * se) - (1e-4 * baseRow[t]), (4 * se) + (1e-4 * baseRow[t]));
            checkedPeriods++;
        }

        Assert.True(checkedPeriods >= 12, $"{checkedPeriods} periods checked");
    }
}
