using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>Re-letting a fleet's idle units in enforcement (<c>relet idle at R for D</c>, docs/language.md §9): its
/// utilisation in (0, 100%] and window of whole months within the workout limit (DL0439), a fleet with a generation
/// index and a scenario lever that reaches a sale (DL0549), the repo market's own rules (DL0464, DL0465), and its
/// lowering and workout room. The harness's deal is annual from 2025-01-01 to 2030-01-01; the extra lines start at line
/// 9, the enforcement block on line 12.</summary>
public sealed class ReletIdleRulesTests
{
    private static string Collateral(string sale, string generation = "  generation Rent") =>
        "  index Rent { level 2.00 per gpu_hour }\n"
        + $"  fleet Gpus {{ units 1000 gpus  unit_cost 30k per gpu  depreciate straight_line 6y{generation} }}\n"
        + "  default when Notes.interest_shortfall > 0\n"
        + $"  enforcement {{ {sale} }}\n";

    private const string Market = "sell Gpus haircut 10% lag 0m depth 500 gpus per month ";

    private static int ColumnOf(string sale, string part) => "  enforcement { ".Length + sale.IndexOf(part, StringComparison.Ordinal) + 1;

    [Fact]
    public void AReletLowersWithItsUtilisationAndWindow_AndWithoutForUntilTheRunsEnd()
    {
        var market = Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 60% for 6m"))).Enforcement!.Sales).Market!;
        Assert.Equal((0.6, 6), (market.Relet, market.ReletMonths));

        var open = Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 60%"))).Enforcement!.Sales).Market!;
        Assert.Equal((0.6, -1), (open.Relet, open.ReletMonths));

        Assert.Equal(0.0, Assert.Single(ModelOf(Deal(Collateral(Market))).Enforcement!.Sales).Market!.Relet);
    }

    [Fact]
    public void TheWorkoutHasRoomForTheWindowBeforeTheSale()
    {
        // Annual: a market sale alone has 20 years after the maturity (20 periods); re-letting first adds 10 more.
        Assert.Equal(5 + 20, ModelOf(Deal(Collateral(Market))).Periods);
        Assert.Equal(5 + 30, ModelOf(Deal(Collateral(Market + "relet idle at 60% for 6m"))).Periods);
    }

    [Theory]
    [InlineData("relet idle at 0%", "0%")]
    [InlineData("relet idle at 120% for 6m", "120%")]
    public void AUtilisationOutsideZeroToOneHundredPercentIsReportedAtIt(string relet, string value)
    {
        string sale = Market + relet;
        var error = Single(Errors(Deal(Collateral(sale))), "DL0439");

        Assert.Equal($"the re-let utilisation of the enforcement sale must be above 0% and at most 100% (e.g. 'relet idle at 60%'), not {value} (write 'not relet idle' in a scenario for none)", error.Message);
        At(error, 12, ColumnOf(sale, "at " + value) + "at ".Length);
    }

    [Fact]
    public void AWindowLongerThanTheWorkoutLimitIsReported_AndOneAsLongIsNot()
    {
        string sale = Market + "relet idle at 60% for 121m";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0439");

        Assert.Equal("the re-let window of the enforcement sale (121m) is longer than the workout limit of 10y: the schedule would have no room to sell after it", error.Message);
        At(error, 12, ColumnOf(sale, "121m"));
        Assert.Equal(120, Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 60% for 10y"))).Enforcement!.Sales).Market!.ReletMonths);
    }

    [Fact]
    public void AWindowThatIsNotWholeMonthsIsReported()
    {
        string sale = Market + "relet idle at 60% for 45d";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0439");

        Assert.Equal("the re-let window of the enforcement sale (45d) is not a whole number of months (e.g. 'for 6m'): the sale starts at the end of a period", error.Message);
        At(error, 12, ColumnOf(sale, "45d"));
    }

    [Fact]
    public void AFleetWithoutAGenerationCannotBeRelet()
    {
        string sale = Market + "relet idle at 60% for 6m";
        var error = Single(Errors(Deal(Collateral(sale, generation: ""))), "DL0549");

        Assert.Equal("the sale re-lets the idle units of fleet 'Gpus' at its spot price, but the fleet has no generation index to price them (give the fleet 'generation H100Rent')", error.Message);
        At(error, 12, ColumnOf(sale, "relet"));
    }

    [Fact]
    public void ReletIdleIsARepoMarketTerm()
    {
        // Without a depth the sale is not into the market (DL0465); a facility is sold whole (DL0464).
        Single(Errors(Deal(Collateral("sell Gpus haircut 10% relet idle at 60%"))), "DL0465");
        string sale = "sell Site depth 500 gpus per month relet idle at 60%";
        var error = Single(Errors(Deal("  facility Site { cost 50m  value straight_line 20y }\n" + Collateral(sale))), "DL0464");
        At(error, 13, ColumnOf(sale, "Site"));
    }

    [Fact]
    public void AScenarioOverridesTheReletOrTurnsItOff()
    {
        var scenarios = ModelOf(Deal(Collateral(Market + "relet idle at 60% for 6m"),
            scenarios: "scenario Longer for D { enforcement relet idle at 40% for 12m }\nscenario Open for D { enforcement relet idle at 40% }\n"
                       + "scenario Off for D { enforcement not relet idle }\nscenario Same for D { }")).Scenarios;
        Assert.Equal((0.4, 12), (scenarios[0].EnforcementReletUtilisation, scenarios[0].EnforcementReletMonths));
        Assert.Equal((0.4, -1), (scenarios[1].EnforcementReletUtilisation, scenarios[1].EnforcementReletMonths));
        Assert.Equal((0.0, -1), (scenarios[2].EnforcementReletUtilisation, scenarios[2].EnforcementReletMonths));
        Assert.Equal((null, null), (scenarios[3].EnforcementReletUtilisation, scenarios[3].EnforcementReletMonths));
    }

    [Fact]
    public void AScenarioReletWithNoSaleReletingIsReported_AndItsTermsAreChecked()
    {
        const string scenario = "scenario S for D { enforcement not relet idle }";
        var unused = Single(Errors(Deal(Collateral(Market), scenarios: scenario)), "DL0549");
        Assert.Equal("scenario 'S' sets the re-let of idle units, but no enforcement sale of the deal re-lets them (give the fleet's sale 'relet idle at 60% for 6m')", unused.Message);
        Assert.Equal("scenario S for D { ".Length + 1, unused.Span.Column);

        var window = Single(Errors(Deal(Collateral(Market + "relet idle at 60%"), scenarios: "scenario S for D { enforcement relet idle at 50% for 11y }")), "DL0439");
        Assert.Contains("of the enforcement override in scenario 'S' (11y) is longer than the workout limit", window.Message);
    }

    [Fact]
    public void AScenarioSettingTheReletTwiceIsWarned_AndTheLastIsUsed()
    {
        (var model, var diagnostics) = Analyze(Deal(Collateral(Market + "relet idle at 60%"),
            scenarios: "scenario S for D { enforcement relet idle at 50%\n enforcement not relet idle }"));
        var warning = Single(diagnostics, "DL0507");
        Assert.Equal("scenario 'S' sets the re-let of idle units more than once; the last one is used", warning.Message);
        Assert.Equal(0.0, Assert.Single(model!.Scenarios).EnforcementReletUtilisation);
    }

    [Fact]
    public void IdleStaysANameElsewhere()
    {
        // 'idle' became a keyword of the re-let; like the other soft keywords it still names a declaration.
        Assert.Single(ModelOf(Deal("  index idle { level 2% }\n  test T = idle\n")).Tests);
    }
}
