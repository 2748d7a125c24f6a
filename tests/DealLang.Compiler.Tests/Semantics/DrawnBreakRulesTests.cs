using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// <c>L breaks drawn at D₁ with p₁, D₂ with p₂ [loading F β]…</c> (docs/language.md §10, "Drawn breaks"): each date one
/// the lease or contract offers (DL0428), in increasing order (DL0548), each probability a fraction (DL0307), not beside
/// a fixed <c>breaks at</c> (DL0547) nor renewals taken or drawn (DL0429), loadings on the scenario's factors (DL0533)
/// with βᵀRβ ≤ 1 (DL0534), and under <c>sobol</c> a dimension per date (DL0544). Lowered, the lever is a
/// <see cref="BreakModel"/> of whole months.
/// </summary>
public sealed class DrawnBreakRulesTests
{
    // The lease breaks at 24m or 36m; the contract (a fleet's) at 18m or 24m.
    private const string Assets = """
          party Meta { }
          party Lab { recovery 30% }
          index Spot { level 2 per gpu_hour }
          facility Campus { cost 1bn value straight_line 30y }
          lease MetaLease on Campus { lessee Meta rent 100m per year starts 2025-01-01 term 4y renewals 2 x 1y at lessee option break_option at 24m, 36m fee 6m of rent }
          fleet Cluster { units 1000 gpus unit_cost 30k per gpu depreciate straight_line 6y generation Spot }
          contract LabDeal on Cluster { customer Lab units 1000 gpus price 2 per gpu_hour hours 8760 hours per year take_or_pay 90% starts 2025-02-15 term 4y break_option at 18m, 24m fee 5m }
        """;

    private static string Mc(string items) =>
        Deal(Assets, scenarios: $"scenario Mc for D {{\n  Campus.value deflate 4% per year volatility 3% per year\n{items}\n}}");

    [Fact]
    public void A_drawn_break_on_offered_dates_lowers_to_whole_months()
    {
        DealModel model = ModelOf(Mc("  MetaLease breaks drawn at 2y with 10%, 36m with 25% loading Campus.value -40%\n  LabDeal breaks drawn at 18m with 5%"));
        BreakModel[] breaks = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Breaks;
        Assert.Equal(2, breaks.Length);
        Assert.Equal(new BreakModel(BreakOf.Lease, 0, [24, 36], [0.1, 0.25], [-0.4]), breaks[0]);
        Assert.Equal(new BreakModel(BreakOf.Contract, 0, [18], [0.05], [0]), breaks[1]);
    }

    [Fact]
    public void A_date_not_offered_is_DL0428_on_a_lease_and_on_a_contract()
    {
        Assert.Equal(
            "scenario 'Mc' breaks lease 'MetaLease' at 30m, which the lease does not offer: its break dates are 24m, 36m from its start",
            Single(Errors(Mc("  MetaLease breaks drawn at 24m with 10%, 30m with 20%")), "DL0428").Message);
        Assert.Equal(
            "scenario 'Mc' breaks contract 'LabDeal' at 36m, which the contract does not offer: its break dates are 18m, 24m from its start",
            Single(Errors(Mc("  LabDeal breaks drawn at 36m with 10%")), "DL0428").Message);
    }

    [Fact]
    public void A_probability_above_100_percent_is_DL0307()
    {
        Assert.Contains("the probability that MetaLease is broken at 36m in scenario 'Mc' must be between 0% and 100%, not 120%",
            Single(Errors(Mc("  MetaLease breaks drawn at 24m with 10%, 36m with 120%")), "DL0307").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_out_of_order_or_repeated_are_DL0548()
    {
        Single(Errors(Mc("  MetaLease breaks drawn at 36m with 10%, 24m with 20%")), "DL0548");
        Single(Errors(Mc("  MetaLease breaks drawn at 24m with 10%, 2y with 20%")), "DL0548");
    }

    [Fact]
    public void Fixed_and_drawn_is_DL0547()
    {
        Assert.Equal(
            "scenario 'Mc' both fixes the break of contract 'LabDeal' ('breaks at') and draws it ('breaks drawn at'); keep one",
            Single(Errors(Mc("  LabDeal breaks at 18m\n  LabDeal breaks drawn at 18m with 10%")), "DL0547").Message);
    }

    [Fact]
    public void Drawn_breaks_with_renewals_taken_or_drawn_are_DL0429()
    {
        Single(Errors(Mc("  MetaLease renewals taken 1\n  MetaLease breaks drawn at 24m with 10%")), "DL0429");
        Single(Errors(Mc("  MetaLease renewals drawn 50%\n  MetaLease breaks drawn at 24m with 10%")), "DL0429");
    }

    [Fact]
    public void Loadings_name_factors_and_keep_their_variance_within_one()
    {
        Single(Errors(Mc("  MetaLease breaks drawn at 24m with 10% loading market_rent 30%")), "DL0533");
        Assert.Equal(
            "the loadings of MetaLease's drawn break have a sum of squares of 1.21; it must be 1 or less",
            Single(Errors(Mc("  MetaLease breaks drawn at 24m with 10% loading Campus.value 110%")), "DL0534").Message);
    }

    [Fact]
    public void Under_sobol_each_date_is_a_dimension()
    {
        // A factor and 2 + 1 break dates take 4 dimensions: accepted. A factor, 31 drawn defaults and the lease's 2 dates
        // take 34: refused, the message counting the dates.
        ModelOf(Mc("  sobol\n  MetaLease breaks drawn at 24m with 10%, 36m with 20%\n  LabDeal breaks drawn at 18m with 5%"));
        string parties = string.Concat(Enumerable.Range(0, 31).Select(i => $"  party P{i} {{ pd 1% }}\n"));
        string defaults = string.Concat(Enumerable.Range(0, 31).Select(i => $"  P{i} defaults drawn\n"));
        string text = Deal(Assets + "\n" + parties, scenarios: $"scenario Mc for D {{\n  sobol\n  Campus.value deflate 4% per year volatility 3% per year\n{defaults}  MetaLease breaks drawn at 24m with 10%, 36m with 20%\n}}");
        Assert.Equal(
            "scenario 'Mc' draws 1 factor(s), 31 default(s) and 2 drawn break date(s), 34 Sobol dimensions a path; 'sobol' supports at most 32",
            Single(Errors(text), "DL0544").Message);
    }

    // A break drawn in a renewal term ('L breaks drawn in renewal k at D with p'): the lease offers 2 renewals of 4y,
    // breakable 18m and 30m into each; the contract 1 renewal of 2y, breakable 12m into it. The initial terms are 3y and
    // 2y: the lease's renewal 1 starts 36 months in, renewal 2 84; the contract's renewal 1 24 months in.
    private const string RenewalAssets = """
          party Meta { }
          party Lab { recovery 30% }
          index Spot { level 2 per gpu_hour }
          facility Campus { cost 1bn value straight_line 30y }
          lease MetaLease on Campus { lessee Meta rent 100m per year starts 2025-01-01 term 3y renewals 2 x 4y at lessee option rent at market with break_option at 18m, 30m fee 6m of rent }
          fleet Cluster { units 1000 gpus unit_cost 30k per gpu depreciate straight_line 6y generation Spot }
          contract LabDeal on Cluster { customer Lab units 1000 gpus price 2 per gpu_hour hours 8760 hours per year take_or_pay 90% starts 2025-02-15 term 2y renewals 1 x 2y at customer option with break_option at 12m fee 5m }
        """;

    private static string RenewalMc(string items) =>
        Deal(RenewalAssets, scenarios: $"scenario Mc for D {{\n  Campus.value deflate 4% per year volatility 3% per year\n{items}\n}}");

    [Fact]
    public void A_renewals_drawn_break_lowers_to_months_from_the_start()
    {
        // Renewal 2 of the lease starts 36 + 48 = 84 months in: 18m and 30m into it are 102 and 114; the contract's
        // renewal 1 starts 24 months in: 12m into it is 36.
        DealModel model = ModelOf(RenewalMc("  MetaLease renewals drawn 60%\n  MetaLease breaks drawn in renewal 2 at 18m with 10%, 30m with 25% loading Campus.value -40%\n"
            + "  LabDeal renewals taken 1\n  LabDeal breaks drawn in renewal 1 at 12m with 5%"));
        BreakModel[] breaks = model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Breaks;
        Assert.Equal(new BreakModel(BreakOf.Lease, 0, [102, 114], [0.1, 0.25], [-0.4]) { Renewal = 2 }, breaks[0]);
        Assert.Equal(new BreakModel(BreakOf.Contract, 0, [36], [0.05], [0]) { Renewal = 1 }, breaks[1]);
        Assert.NotEqual(new BreakModel(BreakOf.Contract, 0, [36], [0.05], [0]), breaks[1]); // the renewal is part of the model
    }

    [Fact]
    public void A_renewal_the_lease_does_not_offer_is_DL0524()
    {
        Assert.Equal(
            "scenario 'Mc' draws the break of lease 'MetaLease' in renewal 3, and the lease offers 2 renewals: name one of its renewal terms (1 to 2)",
            Single(Errors(RenewalMc("  MetaLease renewals drawn 60%\n  MetaLease breaks drawn in renewal 3 at 18m with 10%")), "DL0524").Message);
        Single(Errors(RenewalMc("  LabDeal renewals taken 1\n  LabDeal breaks drawn in renewal 2 at 12m with 10%")), "DL0524");
    }

    [Fact]
    public void A_date_not_among_the_renewal_terms_is_DL0428()
    {
        Assert.Equal(
            "scenario 'Mc' breaks lease 'MetaLease' at 24m, which the lease does not offer: its renewal terms' break dates are 18m, 30m from the renewal's start",
            Single(Errors(RenewalMc("  MetaLease renewals taken 1\n  MetaLease breaks drawn in renewal 1 at 18m with 10%, 24m with 20%")), "DL0428").Message);

        // The drawn initial-term break of a lease whose renewals alone offer a break: it has none in its initial term.
        Assert.Equal(
            "scenario 'Mc' breaks contract 'LabDeal' at 12m, which the contract does not offer: it has no break option",
            Single(Errors(RenewalMc("  LabDeal breaks drawn at 12m with 10%")), "DL0428").Message);
    }

    [Fact]
    public void A_renewal_neither_taken_nor_drawn_is_DL0223()
    {
        Assert.Equal(
            "scenario 'Mc' breaks lease 'MetaLease' in renewal 2 but takes 1 of its renewals: the lessee can break only a renewal term it has taken; write 'MetaLease renewals taken 2' (or more)",
            Single(Errors(RenewalMc("  MetaLease renewals taken 1\n  MetaLease breaks drawn in renewal 2 at 18m with 10%")), "DL0223").Message);
        Single(Errors(RenewalMc("  LabDeal breaks drawn in renewal 1 at 12m with 10%")), "DL0223");

        // Drawn renewals decide it per path: no error (a path not taking renewal 2 never breaks in it).
        ModelOf(RenewalMc("  MetaLease renewals drawn 60%\n  MetaLease breaks drawn in renewal 2 at 18m with 10%"));
    }

    [Fact]
    public void Drawn_breaks_in_two_terms_of_one_lease_are_DL0523()
    {
        Assert.Equal(
            "scenario 'Mc' draws the break of lease 'MetaLease' in renewal 1 and again in renewal 2: a path breaks a lease once, and its break is drawn in one term; keep one of the two",
            Single(Errors(RenewalMc("  MetaLease renewals drawn 60%\n  MetaLease breaks drawn in renewal 1 at 18m with 10%\n  MetaLease breaks drawn in renewal 2 at 18m with 10%")), "DL0523").Message);

        // The same term written twice is a lever set twice: DL0507's warning, the last used.
        DealModel model = ModelOf(RenewalMc("  MetaLease renewals drawn 60%\n  MetaLease breaks drawn in renewal 1 at 18m with 10%\n  MetaLease breaks drawn in renewal 1 at 30m with 20%"));
        Assert.Equal([66], model.Scenarios.Single(s => s.Name == "Mc").Stochastic!.Breaks.Single().Months);
    }

    [Fact]
    public void Fixed_and_drawn_renewal_breaks_are_DL0547_and_the_probability_names_the_renewal()
    {
        Single(Errors(RenewalMc("  MetaLease renewals taken 1\n  MetaLease breaks in renewal 1 at 18m\n  MetaLease breaks drawn in renewal 1 at 30m with 10%")), "DL0547");
        Assert.Contains("the probability that MetaLease is broken in renewal 1 at 30m in scenario 'Mc' must be between 0% and 100%, not 120%",
            Single(Errors(RenewalMc("  MetaLease renewals taken 1\n  MetaLease breaks drawn in renewal 1 at 18m with 10%, 30m with 120%")), "DL0307").Message, StringComparison.Ordinal);
    }
}
