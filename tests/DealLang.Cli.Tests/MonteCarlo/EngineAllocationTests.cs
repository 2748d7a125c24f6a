using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>What a worker of the engine does per path — fill from the stochastic source, run the compiled loop
/// summary-only, read the path's figures and add them to the totals — allocates nothing.</summary>
public sealed class EngineAllocationTests(StochasticHyperion hyperion) : IClassFixture<StochasticHyperion>
{
    [Fact]
    public void AStochasticHyperionPathAllocatesNothing()
    {
        IDealProgram program = hyperion.Program;
        DealDescription deal = program.Description;
        StochasticPaths source = hyperion.Source(42, 1000);
        var inputs = new PathInputs(deal);
        var result = new RunResult(deal, program.Layout, fullLedger: false);
        var figures = new PathFigures(deal);
        SimulationTotals totals = SimulationTotals.For(deal);

        // The first paths make the source's per-buffer work state and warm the loop.
        for (int p = 0; p < 20; p++)
        {
            RunPath(p);
        }

        // Each window runs paths 20 to 999 again: the totals count every path added.
        int windows = AllocationWindows.AssertOneAllocatesNothing("980 paths", () =>
        {
            for (int p = 20; p < 1000; p++)
            {
                RunPath(p);
            }
        });

        Assert.Equal(20 + (980 * windows), totals.Paths);
        Assert.InRange(totals.PartyDefaults[0], 1, totals.Paths - 1); // Meta defaults on some paths and not on others

        void RunPath(int p)
        {
            source.Fill(p, inputs);
            program.Run(inputs, result);
            figures.Read(p, result, inputs);
            totals.Add(figures, inputs);
        }
    }
}
