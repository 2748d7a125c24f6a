using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A repo market's impact carried from one month to the next (<c>impact 20% half_life 3m</c>, docs/language.md
/// §9, "impact-carry"): a half-life of whole months above 0 (DL0557), an impact to carry (DL0558), a scenario lever that
/// reaches a sale (DL0558), the repo market's own rules (DL0464, DL0465), and its lowering. The harness's deal is annual
/// from 2025-01-01 to 2030-01-01; the extra lines start at line 9, the enforcement block on line 11.</summary>
public sealed class ImpactCarryRulesTests
{
    private static string Collateral(string sale) =>
        "  fleet Gpus { units 1000 gpus  unit_cost 30k per gpu  depreciate straight_line 6y }\n"
        + "  default when Notes.interest_shortfall > 0\n"
        + $"  enforcement {{ {sale} }}\n";

    private const string Market = "sell Gpus haircut 10% lag 0m depth 500 gpus per month ";

    // The last occurrence: the half-life comes after the lag (a "0m" of its own).
    private static int ColumnOf(string sale, string part) => "  enforcement { ".Length + sale.LastIndexOf(part, StringComparison.Ordinal) + 1;

    [Fact]
    public void AHalfLifeLowersInWholeMonths_AndWithoutOneNothingIsCarried()
    {
        var market = Assert.Single(ModelOf(Deal(Collateral(Market + "impact 20% half_life 3m"))).Enforcement!.Sales).Market!;
        Assert.Equal((0.2, 3), (market.Impact, market.HalfLifeMonths));
        Assert.Equal(12, Assert.Single(ModelOf(Deal(Collateral(Market + "half_life 1y impact 20%"))).Enforcement!.Sales).Market!.HalfLifeMonths);
        Assert.Equal(0, Assert.Single(ModelOf(Deal(Collateral(Market + "impact 20%"))).Enforcement!.Sales).Market!.HalfLifeMonths);
    }

    [Theory]
    [InlineData("45d", "is not a whole number of months (e.g. 'half_life 3m'): the market's memory is stepped a month at a time")]
    [InlineData("0m", "is 0: a half-life above 0 carries the impact (leave 'half_life' out for none)")]
    public void AHalfLifeThatIsNotWholeMonthsAboveZeroIsReportedAtIt(string halfLife, string why)
    {
        string sale = Market + "impact 20% half_life " + halfLife;
        var error = Single(Errors(Deal(Collateral(sale))), "DL0557");

        Assert.Equal($"the half-life of the price impact of the enforcement sale ({halfLife}) {why}", error.Message);
        At(error, 11, ColumnOf(sale, halfLife));
    }

    [Theory]
    [InlineData("half_life 3m", "the market has no impact to carry (give it one: 'impact 20% half_life 3m')")]
    [InlineData("impact 0% half_life 3m", "its impact is 0%, so there is nothing to carry (give it one: 'impact 20% half_life 3m')")]
    public void AHalfLifeWithoutAnImpactIsReported(string terms, string why)
    {
        string sale = Market + terms;
        var error = Single(Errors(Deal(Collateral(sale))), "DL0558");

        Assert.Equal($"the sale's price impact has a half-life, but {why}", error.Message);
        At(error, 11, ColumnOf(sale, "3m"));
    }

    [Fact]
    public void AHalfLifeIsARepoMarketTerm()
    {
        // Without a depth the sale is not into the market (DL0465); a facility is sold whole (DL0464).
        Single(Errors(Deal(Collateral("sell Gpus haircut 10% impact 20% half_life 3m"))), "DL0465");
        string sale = "sell Site depth 500 gpus per month impact 20% half_life 3m";
        var error = Single(Errors(Deal("  facility Site { cost 50m  value straight_line 20y }\n" + Collateral(sale))), "DL0464");
        At(error, 12, ColumnOf(sale, "Site"));
    }

    [Fact]
    public void AScenarioOverridesTheHalfLife()
    {
        var scenarios = ModelOf(Deal(Collateral(Market + "impact 20% half_life 3m"),
            scenarios: "scenario Longer for D { enforcement half_life 1y }\nscenario Same for D { }")).Scenarios;
        Assert.Equal(12, scenarios[0].EnforcementHalfLifeMonths);
        Assert.Null(scenarios[1].EnforcementHalfLifeMonths);
    }

    [Fact]
    public void AScenarioHalfLifeWithNoSaleCarryingIsReported_AndItsTermIsChecked()
    {
        const string scenario = "scenario S for D { enforcement half_life 6m }";
        var unused = Single(Errors(Deal(Collateral(Market + "impact 20%"), scenarios: scenario)), "DL0558");
        Assert.Equal("scenario 'S' sets the half-life of the price impact, but no enforcement sale of the deal carries its impact (give the fleet's sale one: 'impact 20% half_life 3m')", unused.Message);
        Assert.Equal("scenario S for D { enforcement half_life ".Length + 1, unused.Span.Column);

        var zero = Single(Errors(Deal(Collateral(Market + "impact 20% half_life 3m"), scenarios: "scenario S for D { enforcement half_life 0m }")), "DL0557");
        Assert.Equal("the half-life of the price impact of the enforcement override in scenario 'S' (0m) is 0: a half-life above 0 carries the impact (leave 'half_life' out for none)", zero.Message);
    }

    [Fact]
    public void AScenarioSettingTheHalfLifeTwiceIsWarned_AndTheLastIsUsed()
    {
        (var model, var diagnostics) = Analyze(Deal(Collateral(Market + "impact 20% half_life 3m"),
            scenarios: "scenario S for D { enforcement half_life 6m\n enforcement half_life 2m }"));
        var warning = Single(diagnostics, "DL0507");
        Assert.Equal("scenario 'S' sets the half-life of the price impact more than once; the last one is used", warning.Message);
        Assert.Equal(2, Assert.Single(model!.Scenarios).EnforcementHalfLifeMonths);
    }

    [Fact]
    public void HalfLifeStaysANameElsewhere()
    {
        // 'half_life' became a keyword of the market; like the other soft keywords it still names a declaration.
        Assert.Single(ModelOf(Deal("  index half_life { level 2% }\n  test T = half_life\n")).Tests);
    }
}
