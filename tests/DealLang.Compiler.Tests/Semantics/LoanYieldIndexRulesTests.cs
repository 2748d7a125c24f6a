using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A loan sold at a yield read from an index (docs/language.md §9, "A loan's market price"): <c>price yield I</c>,
/// <c>I + s</c> or <c>I − s</c>, I a rate index of the deal and s a constant rate, lowers to the spread and the index's
/// position; any other shape is DL0227 at the yield, as is a yield outside [0, 100%) at the index's own level; a
/// scenario's <c>enforcement price yield</c> stays a constant.
/// </summary>
public sealed class LoanYieldIndexRulesTests
{
    // A loan, a rate index (SOFR, position 0) and a money index (Rent, position 1).
    private const string Collateral = """
          party Cloud { pd 3% recovery 45% }
          index SOFR { level 4% }
          index Rent { level 10m }
          loan CloudLoan { obligor Cloud balance 50m coupon 8% fixed maturity 2029-01-01 }
          default when Notes.interest_shortfall > 0
        """;

    private static string Sale(string yield, string scenario = "") =>
        Deal(Collateral + $"\n  enforcement {{ sell CloudLoan price yield {yield} lag 3m }}\n",
            scenarios: scenario.Length == 0 ? "" : $"scenario S for D {{\n  Cloud defaults on 2026-06-30\n  {scenario}\n}}");

    [Theory]
    [InlineData("SOFR + 6%", 0.06)]
    [InlineData("SOFR - 1%", -0.01)]
    [InlineData("SOFR", 0.0)]
    [InlineData("6% + SOFR", 0.06)]
    public void An_index_plus_or_minus_a_spread_lowers_to_the_spread_and_the_index(string yield, double spread)
    {
        DealModel model = ModelOf(Sale(yield));
        Assert.Equal(new LoanSalePrice(spread, null, YieldIndex: 0), model.Enforcement!.Sales[0].Price);
    }

    [Fact]
    public void A_constant_yield_lowers_as_before_with_no_index()
    {
        Assert.Equal(new LoanSalePrice(0.12, null), ModelOf(Sale("12%")).Enforcement!.Sales[0].Price);
    }

    [Theory]
    [InlineData("SOFR * 2")]
    [InlineData("SOFR + SOFR")]
    [InlineData("2% - SOFR")]
    public void Any_other_shape_is_DL0227_at_the_yield(string yield)
    {
        var diagnostic = Single(Errors(Sale(yield)), "DL0227");
        Assert.Equal($"the yield {yield} of the enforcement sale is not a loan's price: a loan's sale yield is a constant rate ('14%') or a rate index plus or minus a constant spread ('SOFR + 6%'), read at the start of the sale period",
            diagnostic.Message);
        At(diagnostic, 14, 44);
    }

    [Fact]
    public void A_yield_below_0_at_the_index_level_is_DL0227()
    {
        // 4% − 6% = −2%: no yield at the deal's own level (a scenario or a path moving SOFR below is held at 0 at run time).
        var diagnostic = Single(Errors(Sale("SOFR - 6%")), "DL0227");
        Assert.StartsWith("the yield SOFR - 6% of the enforcement sale, -2% at SOFR's level 4%, is not a loan's price: a loan's sale yield is a rate of at least 0",
            diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_money_index_is_no_yield()
    {
        // The yield is a rate: a money index is refused by its unit, as any term of the wrong unit.
        var diagnostic = Single(Errors(Sale("Rent")), "DL0302");
        Assert.Equal("the yield of the enforcement sale must be a rate, but this is money", diagnostic.Message);
        Single(Errors(Sale("Rent + 6%")), "DL0301");
    }

    [Fact]
    public void A_scenarios_yield_must_still_be_a_constant()
    {
        // The lever replaces the whole yield with one constant; a scenario moves SOFR with its own levers instead.
        var diagnostic = Single(Errors(Sale("SOFR + 6%", "enforcement price yield SOFR + 1%")), "DL0306");
        Assert.Equal("the yield of the enforcement override in scenario 'S' must be a constant; it cannot read deal state", diagnostic.Message);
    }
}
