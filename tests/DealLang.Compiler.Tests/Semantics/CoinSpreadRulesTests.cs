using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>An enforcement sale of coins spread over several periods (<c>sell C over N periods</c>, docs/language.md
/// §9): its count (DL0106), the coins-only rule (DL0756), the workout limit (DL0757) and its lowering. The harness's
/// deal is annual from 2025-01-01 to 2030-01-01, so the workout limit of 10 years is 10 periods; the extra lines start
/// at line 9, the enforcement block on line 12.</summary>
public sealed class CoinSpreadRulesTests
{
    private static string Collateral(string sale) =>
        "  index BTC { level 100k per coin }\n"
        + "  coins Btc { holdings 1000 coins  price BTC  depth 500 coins  impact 10% }\n"
        + "  default when Notes.interest_shortfall > 0\n"
        + $"  enforcement {{ {sale} }}\n";

    private static int ColumnOf(string sale, string part) => "  enforcement { ".Length + sale.IndexOf(part, StringComparison.Ordinal) + 1;

    [Fact]
    public void ASpreadSaleLowersWithItsPeriods_AndAnUnspreadOneWithOne()
    {
        var sales = ModelOf(Deal(Collateral("sell Btc over 4 periods haircut 20% lag 0m"))).Enforcement!.Sales;
        Assert.Equal((4, 0.2, 0), (Assert.Single(sales).SpreadPeriods, sales[0].Haircut, sales[0].LagMonths));

        Assert.Equal(1, Assert.Single(ModelOf(Deal(Collateral("sell Btc haircut 20%"))).Enforcement!.Sales).SpreadPeriods);
        Assert.Equal(1, Assert.Single(ModelOf(Deal(Collateral("sell Btc over 1 period"))).Enforcement!.Sales).SpreadPeriods);
    }

    [Theory]
    [InlineData("sell Btc over 0 periods", "0")]
    [InlineData("sell Btc over 2.5 periods haircut 20%", "2.5")]
    public void ASpreadThatIsNotAWholeNumberOfAtLeastOneIsReportedAtIt(string sale, string count)
    {
        // A syntax-stage diagnostic: the harness's Errors takes syntactically valid input, so the whole compiler checks it.
        var error = Single(DealCompiler.Check(FilePath, Deal(Collateral(sale))).Diagnostics.ToList(), "DL0106");

        Assert.Equal($"the periods a sale is spread over must be a whole number of at least 1, found '{count}'", error.Message);
        At(error, 12, ColumnOf(sale, count + " period"));
    }

    [Fact]
    public void ASpreadSaleOfAFacilityBesideTheCoinsIsReportedAtTheFacility()
    {
        string sale = "sell Site, Btc over 3 periods";
        var error = Single(Errors(Deal("  facility Site { cost 50m  value straight_line 20y }\n" + Collateral(sale).Replace("\n  enforcement", "\n  enforcement", StringComparison.Ordinal))), "DL0756");

        Assert.Equal("'over N periods' spreads a sale of coins only: 'Site' is a facility, sold at once; sell the coins in a sale of their own", error.Message);
        At(error, 13, ColumnOf(sale, "Site"));
    }

    [Fact]
    public void AScenarioCannotSpreadTheSale()
    {
        var error = Single(Errors(Deal(Collateral("sell Btc haircut 20%"), scenarios: "scenario S for D { enforcement over 3 periods }")), "DL0756");

        Assert.Contains("a scenario cannot change it", error.Message);
        Assert.Equal("scenario S for D { ".Length + 1 + "enforcement ".Length, error.Span.Column);
    }

    [Fact]
    public void ASpreadLongerThanTheWorkoutLimitIsReported_AndOneAsLongIsNot()
    {
        string sale = "sell Btc over 11 periods";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0757");

        Assert.Equal("a sale spread over 11 periods is longer than the workout limit of 10y (10 periods at the deal's frequency): a default late in the deal leaves no room for it; spread it over at most 10", error.Message);
        At(error, 12, ColumnOf(sale, "over"));
        Assert.Equal(10, Assert.Single(ModelOf(Deal(Collateral("sell Btc over 10 periods"))).Enforcement!.Sales).SpreadPeriods);
    }

    [Fact]
    public void PeriodsStaysANameElsewhere()
    {
        // 'periods' became a keyword of the spread; like the other soft keywords it still names a declaration.
        Assert.Single(ModelOf(Deal("  index periods { level 2% }\n  test T = periods\n")).Tests);
    }
}
