using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A re-let's utilisation drawn per path (docs/language.md §5, "drawn-relet-utilisation"): <c>C relet after D at beta mean
/// m sd s [loading F γ]…</c>, a ramp's end <c>rising to beta …</c>, and a scenario's <c>enforcement relet idle at beta …</c>.
/// It makes the scenario a Monte Carlo one; it lowers to a <see cref="ReletUtilisationModel"/> naming its contract (none
/// for the enforcement re-let) and whether it is the ramp's end, the lever keeping the mean; set again, the last lever is
/// the one drawn; its beta must exist (DL0526), a sale's own utilisation cannot be drawn (DL0527), and its loadings fit
/// the scenario's factors as a drawn share's (DL0533, DL0534, DL0513).
/// </summary>
public sealed class DrawnReletRulesTests
{
    // Annual periods from 2025-01-01; Rent is index 0. Two contracts on the fleet: Other is contract 0, Anchor's H100s 1.
    // The sale re-lets idle units, so a scenario's 'enforcement relet idle' reaches it.
    private const string Fleet = """
          party Lab { pd 5% recovery 30% }
          index Rent { level 2.00 per gpu_hour }
          fleet Gpus { units 1000 gpus  unit_cost 30k per gpu  depreciate straight_line 6y  generation Rent }
          contract Other on Gpus { customer Lab  units 400 gpus  price 2.20 per gpu_hour  hours 8760 hours per year  take_or_pay 100%  starts 2025-01-01  term 2y }
          contract H100s on Gpus { customer Lab  units 600 gpus  price 2.20 per gpu_hour  hours 8760 hours per year  take_or_pay 100%  starts 2025-01-01  term 2y }
          default when Notes.interest_shortfall > 0
        """;

    private static string Sale(string relet) => $"\n  enforcement {{ sell Gpus haircut 10% lag 0m depth 500 gpus per month {relet} }}\n";

    private static string Scenario(string items, string relet = "relet idle at 60% for 6m") =>
        Deal(Fleet + Sale(relet), scenarios: $"scenario Mc for D {{\n{items}\n}}");

    private static ScenarioSpec Mc(string items) => ModelOf(Scenario(items)).Scenarios.Single(s => s.Name == "Mc");

    [Fact]
    public void Each_drawn_utilisation_lowers_to_its_contract_and_end_in_the_order_written_the_levers_keeping_the_mean()
    {
        ScenarioSpec scenario = Mc("""
              Rent gbm drift 0% per year volatility 30% per year
              H100s relet after 3m at 30% rising to beta mean 70% sd 10% loading Rent 50% over 12m
              Other relet after 0m at beta mean 60% sd 15%
              enforcement relet idle at beta mean 50% sd 20% rising to beta mean 80% sd 10% over 6m for 12m
            """);
        Assert.Equal(
            [
                new ReletUtilisationModel(1, true, new RecoveryBeta(0.7, 0.1) { Loadings = [0.5] }),
                new ReletUtilisationModel(0, false, new RecoveryBeta(0.6, 0.15) { Loadings = [] }),
                new ReletUtilisationModel(null, false, new RecoveryBeta(0.5, 0.2) { Loadings = [] }),
                new ReletUtilisationModel(null, true, new RecoveryBeta(0.8, 0.1) { Loadings = [] }),
            ],
            scenario.Stochastic!.ReletUtilisations);

        // The levers are the fixed ones at the means: H100s ramps from 30% to 70%, Other is flat at 60%, every sale's
        // re-let of idle units ramps from 50% to 80% over 6 months.
        Assert.Equal((0.3, 0.7, 12), (scenario.Contracts[1]!.ReletUtilisation, scenario.Contracts[1]!.ReletTo, scenario.Contracts[1]!.ReletRampMonths));
        Assert.Equal(0.6, scenario.Contracts[0]!.ReletUtilisation);
        Assert.Equal((0.5, 0.8, 6), (scenario.EnforcementReletUtilisation, scenario.EnforcementReletTo, scenario.EnforcementReletRampMonths));
    }

    [Fact]
    public void The_drawn_form_alone_makes_the_scenario_a_monte_carlo_one_and_the_last_lever_is_the_one_drawn()
    {
        Assert.NotNull(Mc("  H100s relet after 3m at beta mean 60% sd 15%").Stochastic);
        Assert.NotNull(Mc("  H100s relet after 3m at 30% rising to beta mean 60% sd 15% over 12m").Stochastic);
        Assert.NotNull(Mc("  enforcement relet idle at beta mean 60% sd 15%").Stochastic);
        Assert.Null(Mc("  H100s relet after 3m at 60%").Stochastic);

        // Set again (DL0507's warning), the last lever holds: a fixed one draws nothing, a drawn one after a fixed one draws.
        Assert.Empty(Mc("  H100s relet after 3m at beta mean 60% sd 15%\n  H100s relet after 3m at 40%").Stochastic!.ReletUtilisations);
        Assert.Empty(Mc("  enforcement relet idle at beta mean 60% sd 15%\n  enforcement not relet idle").Stochastic!.ReletUtilisations);
        Assert.Equal(new ReletUtilisationModel(1, false, new RecoveryBeta(0.5, 0.1) { Loadings = [] }),
            Assert.Single(Mc("  H100s relet after 3m at 40%\n  H100s relet after 3m at beta mean 50% sd 10%").Stochastic!.ReletUtilisations));
    }

    [Fact]
    public void A_beta_that_cannot_exist_is_DL0526_and_not_the_fixed_utilisations_range()
    {
        Assert.Equal(
            "the utilisation of the re-let of contract 'H100s' in scenario 'Mc', drawn per path, has a standard deviation of 60%, too large for a mean of 40%: a beta distribution's sd is below √(mean × (1 − mean)) = 48.99%",
            Single(Errors(Scenario("  H100s relet after 3m at beta mean 40% sd 60%")), "DL0526").Message);
        Assert.Contains("has a mean of 100%", Single(Errors(Scenario("  H100s relet after 3m at beta mean 100% sd 10%")), "DL0526").Message, StringComparison.Ordinal);
        // A ramp's end's fixed form is 'rising to R1', not 'at R' (which would replace the ramp's start).
        Assert.Equal("the re-let's end utilisation of contract 'H100s' in scenario 'Mc', drawn per path, has a standard deviation of 0%: give one above 0%, or a fixed utilisation ('rising to 50%')",
            Single(Errors(Scenario("  H100s relet after 3m at 30% rising to beta mean 50% sd 0% over 12m")), "DL0526").Message);
        Assert.EndsWith("or a fixed utilisation ('at 50%')", Single(Errors(Scenario("  H100s relet after 3m at beta mean 50% sd 0%")), "DL0526").Message, StringComparison.Ordinal);
        // A mean of 0% points to no fixed 0%, which DL0439 refuses: none is 'not relet'.
        Assert.Equal("the re-let utilisation of the enforcement override in scenario 'Mc', drawn per path, has a mean of 0%: a beta distribution's mean is strictly between 0% and 100% (a utilisation is above 0%, fixed or drawn; no re-let at all is 'not relet')",
            Single(Errors(Scenario("  enforcement relet idle at beta mean 0% sd 10%")), "DL0526").Message);
        Assert.EndsWith("(a utilisation known for sure is written fixed: 'rising to 100%')",
            Single(Errors(Scenario("  H100s relet after 3m at 30% rising to beta mean 100% sd 10% over 12m")), "DL0526").Message, StringComparison.Ordinal);

        // Not the fixed utilisation's range besides (DL0439, DL0574, the term's DL0307): the mean is checked as a beta's.
        IReadOnlyList<Diagnostic> errors = Errors(Scenario("  H100s relet after 3m at beta mean 0% sd 10% rising to beta mean 120% sd 10% over 12m\n  enforcement relet idle at beta mean 0% sd 10%"));
        Assert.Equal(["DL0526", "DL0526", "DL0526"], errors.Where(d => d.Code is "DL0526" or "DL0439" or "DL0574" or "DL0307").Select(d => d.Code));
    }

    [Fact]
    public void A_sales_own_utilisation_drawn_is_DL0527_at_its_beta()
    {
        // The enforcement block is on line 15 (the harness's deal, the fleet's six lines and the sale); the beta starts
        // after 'relet idle at '.
        string sale = "relet idle at 30% rising to beta mean 60% sd 15% over 12m for 6m";
        Diagnostic error = Single(Errors(Deal(Fleet + Sale(sale))), "DL0527");
        // The fixes are in the user's own figures, the ramp and window kept: the sale's re-let with the beta's mean in its
        // place, or the scenario's lever drawing it as written (it used to suggest a flat 'relet idle at 60% for 6m',
        // which dropped the ramp from 30%).
        Assert.Equal(
            "a re-let's utilisation is drawn per path only in a stochastic scenario: give the sale a fixed utilisation ('relet idle at 30% rising to 60% over 12m for 6m', the mean) and draw it in a scenario ('enforcement relet idle at 30% rising to beta mean 60% sd 15% over 12m for 6m')",
            error.Message);
        At(error, 15, "  enforcement { sell Gpus haircut 10% lag 0m depth 500 gpus per month ".Length + sale.IndexOf("beta", StringComparison.Ordinal) + 1);
        Assert.Contains("('relet idle at 50% for 12m', the mean) and draw it in a scenario ('enforcement relet idle at beta mean 50% sd 20% loading Rent 40% for 12m')",
            Single(Errors(Deal(Fleet + Sale("relet idle at beta mean 50% sd 20% loading Rent 40% for 12m"))), "DL0527").Message, StringComparison.Ordinal);
        // A sale with a price of its own keeps it in the fixed re-let that replaces the drawn one (it was left out, so the
        // fix re-let at the fleet's spot index); the scenario's lever leaves it out: without one it keeps each sale's.
        Assert.Contains("('relet idle at 50% for 12m price 85% of Rent', the mean) and draw it in a scenario ('enforcement relet idle at beta mean 50% sd 20% for 12m')",
            Single(Errors(Deal(Fleet + Sale("relet idle at beta mean 50% sd 20% for 12m price 85% of Rent"))), "DL0527").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_loadings_are_checked_as_a_drawn_shares()
    {
        Assert.Contains("Hashprice", Single(Errors(Scenario("  H100s relet after 3m at beta mean 40% sd 20% loading Hashprice 50%")), "DL0533").Message, StringComparison.Ordinal);
        Assert.Equal(
            "the loadings of H100s's drawn re-let utilisation have a sum of squares of 1.21; it must be 1 or less",
            Single(Errors(Scenario("  Rent gbm drift 0% per year volatility 30% per year\n  H100s relet after 3m at beta mean 40% sd 20% loading Rent 110%")), "DL0534").Message);
        Assert.Equal(
            "the loadings of the enforcement's drawn re-let utilisation have a sum of squares of 1.44; it must be 1 or less",
            Single(Errors(Scenario("  Rent gbm drift 0% per year volatility 30% per year\n  enforcement relet idle at beta mean 40% sd 20% loading Rent 120%")), "DL0534").Message);
        Assert.Contains("H100s's drawn re-let utilisation",
            Single(Errors(Scenario("  Rent gbm drift 0% per year volatility 30% per year\n  H100s relet after 3m at beta mean 40% sd 20% loading Rent 50% loading Rent 20%")), "DL0513").Message,
            StringComparison.Ordinal);
    }
}
