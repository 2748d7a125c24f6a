using DealLang.Compiler.Emit;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>A stochastic scenario's items lowered to <see cref="StochasticSpec"/> (Lowerer.Stochastic.cs): factors in
/// the order they first appear, each process's parameters as fractions, the correlation matrices with their
/// mirrors, drawn defaults with a loading per factor; none of it in the compiled deal.</summary>
public sealed class StochasticLoweringTests
{
    private static readonly string Valid017 = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "017-stochastic-rents-rates-and-defaults.deal"));
    private static readonly string Valid018 = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "018-stochastic-campus-value-and-market-rent.deal"));
    private static readonly string Valid020 = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "020-stochastic-sobol-campus.deal"));

    private static DealModel Model(string text)
    {
        CheckResult check = DealCompiler.Check("deal.deal", text);
        Assert.True(check.Succeeded, string.Join('\n', check.Diagnostics));
        return check.Model!;
    }

    [Fact]
    public void IndexProcessesCorrelationsRegimesAndDrawnDefaultsAreLowered()
    {
        DealModel model = Model(Valid017);
        Assert.Null(model.Scenarios[0].Stochastic);
        StochasticSpec s = model.Scenarios[1].Stochastic!;

        Assert.Equal((20000, 17UL, true), (s.Paths, s.Seed, s.Antithetic));
        // H100Rent (index 0): log-OU to its trend with jumps; Sofr (index 1): OU toward 3.5%.
        Assert.Equal(
            [new FactorSpec("H100Rent", FactorTarget.Index, 0, FactorProcess.LogMeanReverting) { Speed = 0.8, Volatility = 0.35, JumpIntensity = 0.5, JumpDown = 0.25 },
             new FactorSpec("Sofr", FactorTarget.Index, 1, FactorProcess.MeanReverting) { Speed = 0.3, LongRun = 0.035, Volatility = 0.01 }],
            s.Factors);
        Assert.Equal([1, -0.2, -0.2, 1], s.Correlation!.Normal);
        Assert.Equal([1, -0.6, -0.6, 1], s.Correlation.Stress!);
        Assert.Equal((0.25, 1.0), (s.Correlation.ToStressPerYear, s.Correlation.ToNormalPerYear));
        // Lab (party 1) at its own pd 3%, loading 50% on H100Rent; Hyperscaler (party 0) at the scenario's 0.1%.
        Assert.Equal(2, s.Defaults.Length);
        Assert.Equal((1, 0.03), (s.Defaults[0].Party, s.Defaults[0].AnnualPd));
        Assert.Equal([0.5, 0.0], s.Defaults[0].Loadings);
        Assert.Equal((0, 0.001), (s.Defaults[1].Party, s.Defaults[1].AnnualPd));
        Assert.Equal([0.1, 0.1], s.Defaults[1].Loadings);
        Assert.Equal([new PdStep(new Date(2028, 1, 1), 0.003)], s.Defaults[1].Steps);
        Assert.Empty(s.Defaults[0].Steps);
        // The deterministic lever beside them is lowered as always.
        Assert.True(model.Scenarios[1].Contracts[1]!.Relet);
    }

    [Fact]
    public void DrawnDeflationsAreFactorsNamedByTheirPath()
    {
        StochasticSpec s = Model(Valid018).Scenarios[1].Stochastic!;

        Assert.Equal((1_000_000, 7UL, false, false), (s.Paths, s.Seed, s.Antithetic, s.Sobol));
        Assert.Equal(
            [new FactorSpec("Site.value", FactorTarget.FacilityDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.04, Volatility = 0.03 },
             new FactorSpec("market_rent", FactorTarget.MarketRentDeflation, 0, FactorProcess.DrawnRate) { LongRun = 0.03, Volatility = 0.04 }],
            s.Factors);
        Assert.Equal([1, 0.7, 0.7, 1], s.Correlation!.Normal);
        Assert.Null(s.Correlation.Stress);
        Assert.Equal([-0.4, -0.4], s.Defaults.Single().Loadings); // negative: it defaults when the deflations run high
    }

    [Fact]
    public void ARecoverysLoadingsAreItsOwnAfterRecoveryAndTheDefaultsBeforeIt()
    {
        // Valid 047: the lab's default loads 50% on H100Rent before 'recovery', its recovery 60% after; the neocloud's
        // recovery has no loading (none lowered: drawn as before loadings existed); the operator's dated default's
        // recovery loads 40%.
        StochasticSpec s = Model(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "047-wrong-way-recovery-on-a-gpu-fleet-loan.deal"))).Scenarios[1].Stochastic!;
        Assert.Equal("H100Rent", s.Factors.Single().Name);
        Assert.Equal([0.5], s.Defaults[0].Loadings);
        Assert.Equal(new RecoveryBeta(0.40, 0.15) { Loadings = [0.6] }, s.Defaults[0].Recovery);
        Assert.Equal([0.0], s.Defaults[1].Loadings);
        Assert.Empty(s.Defaults[1].Recovery!.Loadings);
        Assert.False(s.Defaults[1].Recovery!.IsLoaded);
        Assert.Equal(new RecoveryBeta(0.35, 0.15) { Loadings = [0.4] }, s.Recoveries.Single().Recovery);
    }

    [Fact]
    public void ARecoveryDrawnFromOutcomesIsLoweredInTheOrderWrittenWithItsOwnLoadings()
    {
        // Valid 068: the neocloud's drawn default loads 50% on H100Rent, its recovery (0% with 30%, 50% with 70%) 60%;
        // the operator's dated default's recovery is three outcomes, loaded on nothing.
        StochasticSpec s = Model(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "068-gpu-loan-recovery-no-buyer-or-a-market-price.deal"))).Scenarios[1].Stochastic!;
        Assert.Equal([0.5], s.Defaults.Single().Loadings);
        Assert.Equal(new RecoveryOutcomes([0.0, 0.5], [0.3, 0.7]) { Loadings = [0.6] }, s.Defaults.Single().Recovery);
        Assert.Equal(new RecoveryOutcomes([0.15, 0.3, 0.5], [0.2, 0.3, 0.5]), s.Recoveries.Single().Recovery);
        Assert.False(s.Recoveries.Single().Recovery.IsLoaded);
    }

    [Fact]
    public void ARecoveryDrawnFromAMixtureIsLoweredWithTheBetaAfterElse()
    {
        // Valid 087: the neocloud's recovery is no buyer with 25% else a beta of mean 50% and sd 20%, loaded 60% on
        // H100Rent (the mixture's loading, not the beta's); the operator's a 15% floor with 20% else a beta, loaded on nothing.
        StochasticSpec s = Model(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "087-gpu-loan-recovery-no-buyer-or-else-a-beta-price.deal"))).Scenarios[1].Stochastic!;
        Assert.Equal(new RecoveryOutcomes([0.0], [0.25]) { Loadings = [0.6], Rest = new RecoveryBeta(0.5, 0.2) }, s.Defaults.Single().Recovery);
        Assert.Equal(new RecoveryOutcomes([0.15], [0.2]) { Rest = new RecoveryBeta(0.4, 0.15) }, s.Recoveries.Single().Recovery);
        Assert.NotEqual(new RecoveryOutcomes([0.15], [0.2]), s.Recoveries.Single().Recovery); // the beta is part of its number
    }

    [Fact]
    public void SobolIsLoweredBesideTheDrawnRates()
    {
        // Valid 020: 'sobol' with two drawn rates and a drawn default (three Sobol dimensions).
        StochasticSpec s = Model(Valid020).Scenarios[1].Stochastic!;
        Assert.Equal((4096, 7UL, false, true), (s.Paths, s.Seed, s.Antithetic, s.Sobol));
        Assert.Equal(2, s.Factors.Length);
        Assert.Single(s.Defaults);
    }

    [Fact]
    public void AStochasticScenarioLeavesTheCompiledDealAsItWas()
    {
        string bare = Valid017[..Valid017.IndexOf("\nscenario ", StringComparison.Ordinal)] + "\n";
        Assert.Equal(CSharpEmitter.Emit(Model(bare)).Source, CSharpEmitter.Emit(Model(Valid017)).Source);
    }
}
