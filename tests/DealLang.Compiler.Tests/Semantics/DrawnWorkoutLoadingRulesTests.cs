using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>P workout drawn D₁ with p₁, … loading F β</c> (docs/language.md §10, "Drawn workout lags"): the loadings are checked
/// as a drawn delay's are (each naming a factor of the scenario, DL0533; each factor once, DL0513; βᵀRβ ≤ 1, DL0534; the
/// lags already written shortest first, DL0519, so a positive β draws the longer lags where the factor's shock is high).
/// Lowered, the loadings are one β per factor; an unloaded lag has none, so it draws as before loadings existed.
/// </summary>
public sealed class DrawnWorkoutLoadingRulesTests
{
    // Miner owes a loan recovering 40% after 18m; the campus's value and the market rent are drawn as deflations: the
    // scenario's factors, in that order, are Campus.value and market_rent.
    private const string Assets = """
          party Miner { pd 8% recovery 30% }
          loan MinerLoan { obligor Miner balance 50m coupon 8% fixed maturity 2029-01-01 recovery 40% after 18m }
          facility Campus { cost 1bn value straight_line 30y }
        """;

    private const string Factors = "  Campus.value deflate 4% per year volatility 3% per year\n  market_rent deflate 2% per year volatility 5% per year\n";

    private static string Mc(string items, string factors = Factors) =>
        Deal(Assets, scenarios: $"scenario Mc for D {{\n{factors}  Miner defaults on 2026-06-30\n{items}\n}}");

    [Fact]
    public void A_loaded_lag_lowers_to_one_loading_per_factor_and_an_unloaded_one_to_none()
    {
        DealModel model = ModelOf(Mc("  Miner workout drawn 6m with 30%, 18m with 50%, 36m with 20% loading market_rent -30% loading Campus.value 70%"));
        WorkoutModel lag = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Workouts.Single();
        Assert.Equal([6, 18, 36], lag.Months);
        Assert.Equal([0.7, -0.3], lag.Loadings); // the factors' order, not the loadings'

        WorkoutModel unloaded = ModelOf(Mc("  Miner workout drawn 6m with 50%, 18m with 50%")).Scenarios.Single(s => s.Name == "Mc").Stochastic!.Workouts.Single();
        Assert.Empty(unloaded.Loadings);
    }

    [Fact]
    public void A_loading_on_a_factor_the_scenario_does_not_draw_is_DL0533()
    {
        Assert.Equal(
            "'Sofr' is not a factor of scenario 'Mc': its factors are Campus.value, market_rent",
            Single(Errors(Mc("  Miner workout drawn 6m with 50%, 18m with 50% loading Sofr 40%")), "DL0533").Message);

        // The drawn lag alone makes the scenario a Monte Carlo one, but it draws no factor to load on.
        Assert.StartsWith("'Campus.value' is not a factor of scenario 'Mc': it draws none",
            Single(Errors(Mc("  Miner workout drawn 6m with 50%, 18m with 50% loading Campus.value 40%", factors: "")), "DL0533").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_loaded_twice_is_DL0513()
    {
        Assert.Equal(
            "Miner's drawn workout lag in scenario 'Mc' loads Campus.value twice (30%, then 40%); a draw has one loading on a factor: keep the one meant",
            Single(Errors(Mc("  Miner workout drawn 6m with 50%, 18m with 50% loading Campus.value 30% loading Campus.value 40%")), "DL0513").Message);
    }

    [Fact]
    public void Loadings_of_a_variance_above_one_are_DL0534()
    {
        // 0.8² + 0.7² = 0.64 + 0.49 = 1.13 without a correlation; with the two correlated 50%, 1.13 + 2 × 0.8 × 0.7 × 0.5 =
        // 1.69. 0.8² + 0.6² = 1 is accepted.
        Assert.Equal(
            "the loadings of Miner's drawn workout lag have a sum of squares of 1.13; it must be 1 or less",
            Single(Errors(Mc("  Miner workout drawn 6m with 50%, 18m with 50% loading Campus.value 80% loading market_rent 70%")), "DL0534").Message);
        Assert.Equal(
            "the loadings of Miner's drawn workout lag, with the factors' correlations, give a variance (βᵀRβ) of 1.69; it must be 1 or less",
            Single(Errors(Mc("  correlate Campus.value with market_rent 50%\n  Miner workout drawn 6m with 50%, 18m with 50% loading Campus.value 80% loading market_rent 70%")), "DL0534").Message);
        ModelOf(Mc("  Miner workout drawn 6m with 50%, 18m with 50% loading Campus.value 80% loading market_rent 60%"));
    }

    [Fact]
    public void A_loading_is_a_rate()
    {
        // A loading is a number like a correlation, written as a percentage: money is not one.
        Assert.Contains(Errors(Mc("  Miner workout drawn 6m with 50%, 18m with 50% loading Campus.value 5m")),
            d => d.Message.Contains("the loading of Miner's drawn workout lag on Campus.value in scenario 'Mc'", StringComparison.Ordinal));
    }
}
