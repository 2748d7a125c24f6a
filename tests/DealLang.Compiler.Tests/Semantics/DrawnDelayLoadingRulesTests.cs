using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>Index delayed drawn D₁ with p₁, … loading F β</c> (docs/language.md §10, "Drawn delays"): the loadings are checked
/// as a drawn break's are (each naming a factor of the scenario, DL0533; each factor once, DL0513; βᵀRβ ≤ 1, DL0534),
/// and a loaded delay's outcomes are written shortest first (DL0516). Lowered, the loadings are one β per factor; an
/// unloaded delay has none, so it draws as before loadings existed.
/// </summary>
public sealed class DrawnDelayLoadingRulesTests
{
    // A campus handed over in two halves (Built's dated points), its value and the market rent drawn as deflations:
    // the scenario's factors, in that order, are Campus.value and market_rent.
    private const string Assets = """
          index Built { level 0% points stepped { 2026-06-30 50% 2027-06-30 100% } }
          facility Campus { cost 1bn value straight_line 30y }
        """;

    private const string Factors = "  Campus.value deflate 4% per year volatility 3% per year\n  market_rent deflate 2% per year volatility 5% per year\n";

    private static string Mc(string items, string factors = Factors) =>
        Deal(Assets, scenarios: $"scenario Mc for D {{\n{factors}{items}\n}}");

    [Fact]
    public void A_loaded_delay_lowers_to_one_loading_per_factor_and_an_unloaded_one_to_none()
    {
        DealModel model = ModelOf(Mc("  Built delayed drawn 0m with 60%, 6m with 30%, 12m with 10% loading market_rent -30% loading Campus.value 90%"));
        DelayModel delay = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Delays.Single();
        Assert.Equal([0, 6, 12], delay.Months);
        Assert.Equal([0.9, -0.3], delay.Loadings); // the factors' order, not the loadings'

        DelayModel unloaded = ModelOf(Mc("  Built delayed drawn 0m with 60%, 6m with 40%")).Scenarios.Single(s => s.Name == "Mc").Stochastic!.Delays.Single();
        Assert.Empty(unloaded.Loadings);
    }

    [Fact]
    public void A_loading_on_a_factor_the_scenario_does_not_draw_is_DL0533()
    {
        Assert.Equal(
            "'Sofr' is not a factor of scenario 'Mc': its factors are Campus.value, market_rent",
            Single(Errors(Mc("  Built delayed drawn 0m with 50%, 6m with 50% loading Sofr 40%")), "DL0533").Message);
    }

    [Fact]
    public void A_loading_in_a_scenario_that_draws_no_factor_is_DL0533()
    {
        // The drawn delay alone makes the scenario a Monte Carlo one, but it draws no factor to load on.
        Diagnostic error = Single(Errors(Mc("  Built delayed drawn 0m with 50%, 6m with 50% loading Campus.value 40%", factors: "")), "DL0533");
        Assert.StartsWith("'Campus.value' is not a factor of scenario 'Mc': it draws none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_loaded_twice_is_DL0513()
    {
        Assert.Equal(
            "Built's drawn delay in scenario 'Mc' loads Campus.value twice (30%, then 40%); a draw has one loading on a factor: keep the one meant",
            Single(Errors(Mc("  Built delayed drawn 0m with 50%, 6m with 50% loading Campus.value 30% loading Campus.value 40%")), "DL0513").Message);
    }

    [Fact]
    public void Loadings_of_a_variance_above_one_are_DL0534()
    {
        // 0.8² + 0.7² = 0.64 + 0.49 = 1.13 without a correlation; with Campus.value and market_rent correlated 50%,
        // 1.13 + 2 × 0.8 × 0.7 × 0.5 = 1.69. 0.8² + 0.6² = 1 is accepted.
        Assert.Equal(
            "the loadings of Built's drawn delay have a sum of squares of 1.13; it must be 1 or less",
            Single(Errors(Mc("  Built delayed drawn 0m with 50%, 6m with 50% loading Campus.value 80% loading market_rent 70%")), "DL0534").Message);
        Assert.Equal(
            "the loadings of Built's drawn delay, with the factors' correlations, give a variance (βᵀRβ) of 1.69; it must be 1 or less",
            Single(Errors(Mc("  correlate Campus.value with market_rent 50%\n  Built delayed drawn 0m with 50%, 6m with 50% loading Campus.value 80% loading market_rent 70%")), "DL0534").Message);
        ModelOf(Mc("  Built delayed drawn 0m with 50%, 6m with 50% loading Campus.value 80% loading market_rent 60%"));
    }

    [Fact]
    public void A_loaded_delay_written_out_of_order_is_DL0516_at_the_outcome()
    {
        Diagnostic error = Single(Errors(Mc("  Built delayed drawn 6m with 30%, 0m with 60%, 12m with 10% loading Campus.value 50%")), "DL0516");
        Assert.Equal(
            "the drawn delay of index 'Built' in scenario 'Mc' has loadings and lists 0m after 6m: write a loaded delay's outcomes from the shortest to the longest, so that a higher factor shock draws a longer delay for a positive loading",
            error.Message);

        // Line 20: the harness's deal (its extra from line 9) with Assets' two lines ends on line 16; the scenario's header,
        // its two factors, then the delay; column 36, the '0m' written after '  Built delayed drawn 6m with 30%, '.
        At(error, 20, 36);

        // Unloaded, the order is the analyst's: each outcome keeps its probability whatever the order.
        ModelOf(Mc("  Built delayed drawn 6m with 30%, 0m with 60%, 12m with 10%"));
    }
}
