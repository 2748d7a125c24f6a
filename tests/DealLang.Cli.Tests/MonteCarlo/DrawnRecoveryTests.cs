using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>
/// Valid 019's miner has its recovery drawn per path (<c>recovery beta mean 30% sd 15%</c>); its loan states no
/// recovery of its own, so on a path where the miner defaults while the loan is outstanding the generated loop
/// recovers the loan's 400m balance times that path's draw, and loses the rest. The neocloud's loan keeps its fixed 45%.
/// </summary>
public sealed class DrawnRecoveryTests
{
    [Fact]
    public void ALoanRecoversItsObligorsDrawnRecoveryOnEachPath()
    {
        var compilation = DealFile.Compile(Path.Combine(RepoPaths.Root, "tests/corpus/valid/019-stochastic-loan-warehouse-run-by-mc.deal"));
        var compiled = DealCompiler.Compile(compilation);
        Assert.NotNull(compiled.Compiled);
        using var host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        IDealProgram program = host.Program;
        DealDescription deal = program.Description;
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == "Stochastic");
        var source = new StochasticPaths(deal, scenario, 19, 400);
        var inputs = new PathInputs(deal);
        var result = new RunResult(deal, program.Layout, fullLedger: true);
        int miner = Array.FindIndex(deal.Parties, p => p.Name == "Miner"), cloud = Array.FindIndex(deal.Parties, p => p.Name == "Neocloud");
        int minerLoan = Array.FindIndex(deal.Loans, l => l.Name == "MinerLoan"), cloudLoan = Array.FindIndex(deal.Loans, l => l.Name == "CloudLoan");
        var recoveries = new HashSet<double>();
        int cloudDefaults = 0;
        for (int p = 0; p < source.Count; p++)
        {
            source.Fill(p, inputs);
            program.Run(inputs, result);
            Assert.Equal(0.45, inputs.PartyRecovery[cloud]);
            ScenarioSpec drawn = source.Drawn(inputs);
            if (drawn.PartyDefaults[miner] is { } date && date < new Date(2029, 3, 31))
            {
                // Bullet: 400m outstanding until the maturity, so recovery = 400m × r and loss = 400m × (1 − r).
                double r = inputs.PartyRecovery[miner];
                Assert.Equal(400e6 * r, result.LoanRecovery[minerLoan].Sum(), 1e-3);
                Assert.Equal(400e6 * (1 - r), result.LoanLoss[minerLoan], 1e-3);
                recoveries.Add(r);
            }

            if (drawn.PartyDefaults[cloud] is { } c && c < new Date(2029, 9, 30))
            {
                Assert.Equal(250e6 * 0.45, result.LoanRecovery[cloudLoan].Sum(), 1e-3);
                cloudDefaults++;
            }
        }

        // About 28% of 400 paths see the miner default (1 − 0.92^4 = 28.4%, a little less before the loan's maturity),
        // each with its own recovery.
        Assert.InRange(recoveries.Count, 60, 160);
        Assert.True(cloudDefaults > 0);
    }
}
