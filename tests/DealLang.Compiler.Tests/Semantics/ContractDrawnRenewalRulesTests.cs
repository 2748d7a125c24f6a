using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>C renewals drawn p [loading F β]…</c> on a compute contract (docs/language.md §10, "Drawn renewals"), checked as a
/// lease's: the contract offers renewals (DL0545), p a fraction (DL0307), not beside <c>C renewals taken</c> (DL0546),
/// nor beside a break in its initial term (DL0429), loadings on the scenario's factors, and under <c>sobol</c> one
/// dimension per option (DL0544). Lowered, a <see cref="RenewalModel"/> of the contract, among the leases' in the order
/// written. The item makes its scenario a Monte Carlo one, as every drawn item.
/// </summary>
public sealed class ContractDrawnRenewalRulesTests
{
    // LabDeal (a 2y term, breakable 12m in) offers 2 renewals of 1y, breakable 6m into each; Spare none; MetaLease 2 of 4y.
    private const string Assets = """
          party Meta { }
          party Lab { recovery 30% }
          index Spot { level 2 per gpu_hour }
          facility Campus { cost 1bn value straight_line 30y }
          lease MetaLease on Campus { lessee Meta rent 100m per year starts 2025-01-01 term 3y renewals 2 x 4y at lessee option }
          fleet Cluster { units 1000 gpus unit_cost 30k per gpu depreciate straight_line 6y generation Spot }
          contract LabDeal on Cluster { customer Lab units 500 gpus price 2 per gpu_hour hours 8760 hours per year take_or_pay 90% starts 2025-02-15 term 2y break_option at 12m fee 5m renewals 2 x 1y at customer option with break_option at 6m fee 5m }
          contract Spare on Cluster { customer Lab units 500 gpus price 2 per gpu_hour hours 8760 hours per year take_or_pay 90% starts 2025-02-15 term 2y break_option at 12m fee 5m }
        """;

    private static string Mc(string items) =>
        Deal(Assets, scenarios: $"scenario Mc for D {{\n  Campus.value deflate 4% per year volatility 3% per year\n{items}\n}}");

    [Fact]
    public void A_contracts_drawn_renewals_lower_to_a_contract_model_in_the_order_written()
    {
        DealModel model = ModelOf(Mc("  LabDeal renewals drawn 60% loading Campus.value -30%\n  MetaLease renewals drawn 70%"));
        RenewalModel[] renewals = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Renewals;
        Assert.Equal([new RenewalModel(0, 0.6, [-0.3]) { Of = BreakOf.Contract }, new RenewalModel(0, 0.7, [0])], renewals);
        Assert.NotEqual(new RenewalModel(0, 0.6, [-0.3]), renewals[0]); // a lease's is another model
    }

    [Fact]
    public void The_item_alone_makes_a_monte_carlo_scenario()
    {
        // No factor, no 'paths': still a stochastic scenario (its paths the default), as a lease's drawn renewals make one.
        DealModel model = ModelOf(Deal(Assets, scenarios: "scenario Mc for D {\n  LabDeal renewals drawn 60%\n}"));
        StochasticSpec s = model.Scenarios.Single(x => x.Name == "Mc").Stochastic!;
        Assert.Empty(s.Factors);
        Assert.Equal(new RenewalModel(0, 0.6, []) { Of = BreakOf.Contract }, s.Renewals.Single());
    }

    [Fact]
    public void A_contract_without_renewals_is_DL0545()
    {
        Assert.Equal(
            "scenario 'Mc' draws the renewals of contract 'Spare', which has no renewal options; give the contract 'renewals N x D at customer option', or remove the lever",
            Single(Errors(Mc("  Spare renewals drawn 60%")), "DL0545").Message);
    }

    [Theory]
    [InlineData("120%")]
    [InlineData("-5%")]
    public void A_probability_outside_0_to_100_percent_is_DL0307(string p)
    {
        Assert.Contains($"the probability that LabDeal's customer takes each renewal in scenario 'Mc' must be between 0% and 100%, not {p}",
            Single(Errors(Mc($"  LabDeal renewals drawn {p}")), "DL0307").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Taken_and_drawn_is_DL0546()
    {
        string text = Mc("  LabDeal renewals taken 1\n  LabDeal renewals drawn 60%");
        Diagnostic d = Single(Errors(text), "DL0546");
        Assert.Equal("scenario 'Mc' both fixes the renewals LabDeal's customer takes ('renewals taken') and draws them ('renewals drawn'); keep one", d.Message);
        int line = Array.FindIndex(text.Split('\n'), l => l.Contains("LabDeal renewals drawn", StringComparison.Ordinal)) + 1;
        Assert.Equal((line, 3), (d.Span.Line, d.Span.Column)); // at the drawn item
    }

    [Fact]
    public void Beside_a_break_they_follow_the_renewal_rules()
    {
        // A break in the initial term ends the contract before any renewal (DL0429), drawn or fixed; a fixed break in a
        // renewal needs the renewal taken on every path (DL0429 in a renewal); a drawn one in renewal 1 is entered by the
        // paths that take it, so it needs no 'renewals taken' (no DL0223).
        Single(Errors(Mc("  LabDeal renewals drawn 60%\n  LabDeal breaks at 12m")), "DL0429");
        Single(Errors(Mc("  LabDeal renewals drawn 60%\n  LabDeal breaks drawn at 12m with 10%")), "DL0429");
        Single(Errors(Mc("  LabDeal renewals drawn 60%\n  LabDeal breaks in renewal 1 at 6m")), "DL0429");
        DealModel model = ModelOf(Mc("  LabDeal renewals drawn 60%\n  LabDeal breaks drawn in renewal 1 at 6m with 20%"));
        Assert.Equal(new BreakModel(BreakOf.Contract, 0, [30], [0.2], [0]) { Renewal = 1 }, model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Breaks.Single());
    }

    [Fact]
    public void Renewals_drawn_on_something_else_is_DL0505()
    {
        Assert.Contains("renewals can only be drawn on a lease or a contract", Single(Errors(Mc("  Cluster renewals drawn 60%")), "DL0505").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_sobol_each_contract_option_is_a_dimension()
    {
        // A factor, 29 drawn defaults and LabDeal's 2 options take 32 dimensions: accepted. With MetaLease's 2 options
        // too, 34: refused, the message counting the 4 options.
        string parties = string.Concat(Enumerable.Range(0, 29).Select(i => $"  party P{i} {{ pd 1% }}\n"));
        string defaults = string.Concat(Enumerable.Range(0, 29).Select(i => $"  P{i} defaults drawn\n"));
        string Text(string renewals) =>
            Deal(Assets + "\n" + parties, scenarios: $"scenario Mc for D {{\n  sobol\n  Campus.value deflate 4% per year volatility 3% per year\n{defaults}{renewals}}}");
        ModelOf(Text("  LabDeal renewals drawn 60%\n"));
        Assert.Equal(
            "scenario 'Mc' draws 1 factor(s), 29 default(s) and 4 renewal option(s), 34 Sobol dimensions a path; 'sobol' supports at most 32",
            Single(Errors(Text("  LabDeal renewals drawn 60%\n  MetaLease renewals drawn 60%\n")), "DL0544").Message);
    }
}
