using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A coins market that remembers a spread sale from one period to the next (<c>sell Bitcoin over 3 periods
/// half_life 1y</c>, docs/language.md §9, "coin-impact-carry"): the half-life is the spread's term, lowered in whole
/// months; not whole months above 0 is DL0557; coins with no impact to carry, or a sale in one period, DL0558. The
/// harness's deal is annual; the extra lines start at line 9 (the index), the coins on 10, the enforcement block on 12.</summary>
public sealed class CoinImpactCarryRulesTests
{
    private static string Collateral(string sale, string market = "depth 1000 coins  impact 10%") =>
        "  index BTC { level 100k per coin }\n"
        + $"  coins Bitcoin {{ holdings 3000 coins  price BTC  {market} }}\n"
        + "  default when Notes.interest_shortfall > 0\n"
        + $"  enforcement {{ {sale} }}\n";

    // The half-life's duration, just after 'half_life ' (the lag's '0m' comes after it).
    private static int HalfLifeColumn(string sale) => "  enforcement { ".Length + sale.IndexOf("half_life ", StringComparison.Ordinal) + "half_life ".Length + 1;

    [Fact]
    public void AHalfLifeOnASpreadSaleIsTheSpreadsTerm_InWholeMonths()
    {
        var sale = Assert.Single(ModelOf(Deal(Collateral("sell Bitcoin over 3 periods half_life 1y haircut 20% lag 0m"))).Enforcement!.Sales);
        Assert.Equal((3, 12), (sale.SpreadPeriods, sale.SpreadHalfLifeMonths));
        Assert.Null(sale.Market); // not the repo market's term: no DL0464 / DL0465 either

        var forgetful = Assert.Single(ModelOf(Deal(Collateral("sell Bitcoin over 3 periods haircut 20% lag 0m"))).Enforcement!.Sales);
        Assert.Equal(0, forgetful.SpreadHalfLifeMonths);
    }

    [Theory]
    [InlineData("45d", "is not a whole number of months (e.g. 'half_life 3m'): a market's half-life is written in months, as the periods it fades over are")]
    [InlineData("0m", "is 0: a half-life above 0 carries the impact (leave 'half_life' out for none)")]
    public void AHalfLifeThatIsNotWholeMonthsAboveZeroIsDL0557(string halfLife, string why)
    {
        string sale = "sell Bitcoin over 3 periods half_life " + halfLife + " haircut 20% lag 0m";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0557");
        Assert.Equal($"the half-life of the price impact of the enforcement sale ({halfLife}) {why}", error.Message);
        At(error, 12, HalfLifeColumn(sale));
    }

    [Theory]
    [InlineData("depth 1000 coins")]
    [InlineData("depth 1000 coins  impact 0%")]
    public void CoinsWithoutAnImpactHaveNothingToCarry_DL0558(string market)
    {
        string sale = "sell Bitcoin over 3 periods half_life 3m haircut 20% lag 0m";
        var error = Single(Errors(Deal(Collateral(sale, market))), "DL0558");
        Assert.Equal("the sale's price impact has a half-life, but the coins it sells ('Bitcoin') have no impact to carry "
            + "(give them one beside their depth: 'depth 1000 coins  impact 10%')", error.Message);
        At(error, 12, HalfLifeColumn(sale));
    }

    [Fact]
    public void ASaleInOnePeriodHasNoLaterPeriodToCarryInto_DL0558()
    {
        string sale = "sell Bitcoin over 1 period half_life 3m haircut 20% lag 0m";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0558");
        Assert.Equal("the sale's price impact has a half-life, but the sale is in one period ('over 1 period'), so there is no later period "
            + "to carry it into (spread it: 'over 3 periods half_life 3m')", error.Message);
        At(error, 12, HalfLifeColumn(sale));
    }

    [Fact]
    public void ASpreadWhoseCountIsWrongTakesItsHalfLifeWithIt()
    {
        // 'over 0 periods' is DL0106 (no spread): the half-life is not then reported as a repo-market term without a
        // depth. (The harness refuses a syntax error, so the deal is parsed and analysed here.)
        var bag = new DiagnosticBag();
        DealCompiler.Analyze(DealParser.Parse(FilePath, Deal(Collateral("sell Bitcoin over 0 periods half_life 3m haircut 20% lag 0m")), bag), bag);
        var errors = bag.Sorted();
        Single(errors, "DL0106");
        Assert.DoesNotContain(errors, e => e.Code is "DL0465" or "DL0464" or "DL0558");
    }
}
