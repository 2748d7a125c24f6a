using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// A loan sold in enforcement at a market price (docs/language.md §9, "A loan's market price"): <c>price yield Y</c>
/// with Y a constant rate in [0, 100%) (DL0227 outside), <c>price Index</c> with an index whose level is a share of par
/// (DL0227 otherwise, as DL0708 for a holding's mark), either on a sale of loans only (DL0525), and a scenario's
/// <c>enforcement price yield Y</c> only where a sale prices its loans at a yield (DL0525), never naming an index. Both
/// a price and a haircut may be written: the haircut comes off the price. Lowered, the sale carries the price.
/// </summary>
public sealed class LoanPriceRulesTests
{
    // A loan, a facility and two indices: a price (a share of par) and a rent (money a year).
    private const string Collateral = """
          party Cloud { pd 3% recovery 45% }
          party Tenant { pd 1% recovery 40% }
          index LoanMarks { level 85% }
          index Rent { level 10m }
          loan CloudLoan { obligor Cloud balance 50m coupon 8% fixed maturity 2029-01-01 }
          facility Site { cost 80m value straight_line 20y }
          lease SiteLease on Site { lessee Tenant rent 8m per year starts 2025-01-01 term 5y }
          default when Notes.interest_shortfall > 0
        """;

    private static string Sale(string sale, string scenario = "") =>
        Deal(Collateral + $"\n  enforcement {{ {sale} }}\n",
            scenarios: scenario.Length == 0 ? "" : $"scenario S for D {{\n  Cloud defaults on 2026-06-30\n  {scenario}\n}}");

    [Fact]
    public void A_yield_and_a_haircut_lower_onto_the_sale_and_an_index_by_its_position()
    {
        DealModel model = ModelOf(Sale("sell CloudLoan price yield 12% haircut 5% lag 3m  sell Site lag 3m", "enforcement price yield 16%"));
        SaleInfo sale = model.Enforcement!.Sales[0];
        Assert.Equal(new LoanSalePrice(0.12, null), sale.Price);
        Assert.Equal(0.05, sale.Haircut);
        Assert.Null(model.Enforcement.Sales[1].Price);
        Assert.Equal(0.16, model.Scenarios.Single(s => s.Name == "S").EnforcementYield);

        DealModel marked = ModelOf(Sale("sell CloudLoan price LoanMarks lag 3m  sell Site lag 3m"));
        Assert.Equal(new LoanSalePrice(null, 0), marked.Enforcement!.Sales[0].Price);
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("150%")]
    [InlineData("-1%")]
    public void A_yield_outside_0_to_100_percent_is_DL0227_at_the_yield(string yield)
    {
        var diagnostic = Single(Errors(Sale($"sell CloudLoan price yield {yield} lag 3m  sell Site lag 3m")), "DL0227");
        Assert.Equal($"the yield {yield} of the enforcement sale is not a loan's price: a loan's sale yield is a rate of at least 0 and below 100% a year (at a higher yield the price is a distressed claim's: sell it at a haircut, or let the obligor's default and recovery price it)",
            diagnostic.Message);
        At(diagnostic, 17, 44);
    }

    [Fact]
    public void A_scenarios_yield_out_of_range_is_DL0227_too()
    {
        var diagnostic = Single(Errors(Sale("sell CloudLoan price yield 12% lag 3m  sell Site lag 3m", "enforcement price yield 120%")), "DL0227");
        Assert.StartsWith("the yield 120% of the enforcement override in scenario 'S' is not a loan's price", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_whose_level_is_not_a_share_of_par_is_DL0227_at_its_name()
    {
        var diagnostic = Single(Errors(Sale("sell CloudLoan price Rent lag 3m  sell Site lag 3m")), "DL0227");
        Assert.Equal("index 'Rent' of the enforcement sale is not a loan's price: its level is money; a loan's price is a share of par, e.g. 'index LoanMarks { level 85% }'",
            diagnostic.Message);
        At(diagnostic, 17, 38);
    }

    [Fact]
    public void A_price_on_a_sale_listing_a_facility_is_DL0525_at_the_facility()
    {
        var diagnostic = Single(Errors(Sale("sell Site, CloudLoan price yield 12% lag 3m")), "DL0525");
        Assert.Equal("this price prices no loan: 'Site' is a facility, sold at its value less the haircut; only loans are sold at a market price: sell the facility in a sale of its own",
            diagnostic.Message);
        At(diagnostic, 17, 22);
    }

    [Fact]
    public void A_scenarios_yield_where_no_sale_prices_at_a_yield_or_naming_an_index_is_DL0525()
    {
        var unused = Single(Errors(Sale("sell CloudLoan lag 3m  sell Site lag 3m", "enforcement price yield 16%")), "DL0525");
        Assert.Equal("this price prices no loan: no enforcement sale of the deal prices its loans at a yield, so the yield in scenario 'S' would be ignored; write 'price yield Y' on the loans' sale",
            unused.Message);

        var (_, diagnostics) = Analyze(Sale("sell CloudLoan price LoanMarks lag 3m  sell Site lag 3m", "enforcement price LoanMarks"));
        Assert.Contains("a scenario cannot change which index prices the loans; move the level of 'LoanMarks' instead",
            Single(diagnostics, "DL0525").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_written_twice_is_DL0105_as_any_repeated_term()
    {
        // A yield and an index are two ways of stating the one price.
        var bag = new DealLang.Compiler.Diagnostics.DiagnosticBag();
        DealLang.Compiler.Parsing.DealParser.Parse(FilePath, Sale("sell CloudLoan price yield 12% price LoanMarks lag 3m  sell Site lag 3m"), bag);
        Assert.StartsWith("'price' is given twice in 'sell CloudLoan'", Single(bag.Items, "DL0105").Message, StringComparison.Ordinal);
    }
}
