using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A re-let whose utilisation follows a curve (<c>at curve { 0m 30%  3m 55%  9m 75% }</c>, docs/language.md §9,
/// "relet-curve", §5 "contract-relet-curve"): on a sale, in a scenario's <c>enforcement relet idle</c> and on a contract's
/// re-let it lowers to the runtime's curve, the re-let's utilisation its first level and the ramp flat; each level a fixed
/// share in (0, 100%] (DL0514, a drawn one refused too); at least two points, the first at 0m, whole months strictly
/// increasing and within the workout limit (DL0515); a curve and a straight ramp together do not parse. The harness's deal
/// is annual from 2025-01-01; the sale's enforcement block is on line 13, the contract's lever on line 22.</summary>
public sealed class ReletCurveRulesTests
{
    private const string Market = "sell Gpus haircut 10% lag 0m depth 500 gpus per month ";

    private static string Sale(string relet) =>
        "  index Rent { level 2.00 per gpu_hour }\n"
        + "  index Spot { level 1.60 per gpu_hour }\n"
        + "  fleet Gpus { units 1000 gpus  unit_cost 30k per gpu  depreciate straight_line 6y  generation Rent }\n"
        + "  default when Notes.interest_shortfall > 0\n"
        + $"  enforcement {{ {Market}{relet} }}\n";

    private static string Contract(string lever) => Deal(
        "  index Rent { level 2.00 per gpu_hour }\n"
        + "  index Spot { level 1.60 per gpu_hour }\n"
        + "  party Big { }\n"
        + "  fleet F { units 100 gpus  unit_cost 30k per gpu  depreciate straight_line 6y  generation Rent }\n"
        + "  contract C on F { customer Big  units 60 gpus  price 2.50 per gpu_hour  hours 8760 hours per year  take_or_pay 90%  starts 2025-01-01  term 2y }\n",
        scenarios: "scenario S for D {\n  " + lever + "\n}");

    // Line 13, the sale's re-let after "  enforcement { " and the market's terms; line 22, the lever after two spaces.
    private static int SaleColumn(string relet, string part) => "  enforcement { ".Length + Market.Length + relet.IndexOf(part, StringComparison.Ordinal) + 1;

    private static int LeverColumn(string lever, string part) => "  ".Length + lever.IndexOf(part, StringComparison.Ordinal) + 1;

    [Fact]
    public void ASalesCurveLowersToItsPoints_TheReletAtItsFirstLevel_AndTheRampFlat()
    {
        var market = Assert.Single(ModelOf(Deal(Sale("relet idle at curve { 0m 30%  3m 55%, 9m 75%  21m 80% } for 24m price 85% of Spot"))).Enforcement!.Sales).Market!;

        Assert.Equal([0, 3, 9, 21], market.ReletCurve!.Months);
        Assert.Equal([0.30, 0.55, 0.75, 0.80], market.ReletCurve.Levels);
        Assert.Equal((0.30, 0.0, 0, 24), (market.Relet, market.ReletTo, market.ReletRampMonths, market.ReletMonths));
        Assert.Equal(new ReletPrice(1, 0.85, 0.0), market.ReletPrice);
    }

    [Fact]
    public void AContractsCurveAndAScenariosLeverLowerToTheirPoints()
    {
        ContractLevers levers = Assert.Single(ModelOf(Contract("C relet after 3m at curve { 0m 30%  6m 70% } price Spot")).Scenarios).Contracts[0]!;
        Assert.Equal((true, 3, 0.30, 0.0, 0), (levers.Relet, levers.ReletAfterMonths, levers.ReletUtilisation, levers.ReletTo, levers.ReletRampMonths));
        Assert.Equal([0, 6], levers.ReletCurve!.Months);
        Assert.Equal([0.30, 0.70], levers.ReletCurve.Levels);

        // A scenario's lever restates the shape: its curve, the utilisation its first level, the ramp flat (to that level).
        string text = Deal(Sale("relet idle at 50% for 6m"), scenarios: "scenario S for D { enforcement relet idle at curve { 0m 20%  4m 60% } for 3m }");
        ScenarioSpec scenario = Assert.Single(ModelOf(text).Scenarios);
        Assert.Equal((0.20, 3, 0.20, 0), (scenario.EnforcementReletUtilisation, scenario.EnforcementReletMonths, scenario.EnforcementReletTo, scenario.EnforcementReletRampMonths));
        Assert.Equal([0, 4], scenario.EnforcementReletCurve!.Months);
        // A flat lever replaces a sale's curve with none.
        string flat = Deal(Sale("relet idle at curve { 0m 20%  4m 60% }"), scenarios: "scenario S for D { enforcement relet idle at 50% }");
        Assert.Null(Assert.Single(ModelOf(flat).Scenarios).EnforcementReletCurve);
    }

    [Theory]
    [InlineData("0%")]
    [InlineData("120%")]
    public void ALevelOutsideZeroToOneHundredPercentIsDL0514(string value)
    {
        string relet = $"relet idle at curve {{ 0m 30%  3m {value} }}";
        var error = Single(Errors(Deal(Sale(relet))), "DL0514");
        Assert.Equal($"the level at 3m of the re-let's curve of the enforcement sale must be above 0% and at most 100% (e.g. '3m 55%'), not {value}", error.Message);
        At(error, 13, SaleColumn(relet, "3m " + value) + "3m ".Length);

        string lever = $"C relet after 3m at curve {{ 0m {value}  3m 55% }}";
        var first = Single(Errors(Contract(lever)), "DL0514");
        Assert.Equal($"the level at 0m of the re-let's curve of contract 'C' in scenario 'S' must be above 0% and at most 100% (e.g. '0m 55%'), not {value}", first.Message);
        At(first, 22, LeverColumn(lever, value));
    }

    [Fact]
    public void ALevelDrawnPerPathIsDL0514()
    {
        string lever = "C relet after 3m at curve { 0m 30%  6m beta mean 60% sd 10% }";
        var error = Single(Errors(Contract(lever)), "DL0514");
        Assert.Equal("the level at 6m of the re-let's curve of contract 'C' in scenario 'S' is drawn per path: a curve's levels are fixed utilisations (write its mean, '6m 60%'); a drawn utilisation is a flat or straight re-let's ('at beta mean … sd …')", error.Message);
        At(error, 22, LeverColumn(lever, "beta"));
    }

    [Theory]
    [InlineData("{ }", "curve", "has no point: a curve has a level at 0m and at least one later (a re-let at one level is written 'at 60%')")]
    [InlineData("{ 0m 30% }", "curve", "has one point: a curve has a level at 0m and at least one later (a re-let at one level is written 'at 60%')")]
    [InlineData("{ 1m 30%  6m 70% }", "1m", "starts at 1m: its first point is the level at the sale date, written '0m …'")]
    [InlineData("{ 0m 30%  6m 50%  6m 70% }", "6m 70%", "has a point at 6m not after the point before it (6m): the points' months are strictly increasing")]
    [InlineData("{ 0m 30%  9m 50%  6m 70% }", "6m", "has a point at 6m not after the point before it (9m): the points' months are strictly increasing")]
    [InlineData("{ 0m 30%  45d 70% }", "45d", "has a point at 45d, not a whole number of months: the utilisation moves at each month from the sale date")]
    [InlineData("{ 0m 30%  121m 70% }", "121m", "has a point at 121m, past the workout limit of 10y: no re-let runs that long")]
    public void PointsThatMakeNoCurveAreDL0515(string curve, string part, string why)
    {
        string relet = "relet idle at curve " + curve;
        var error = Single(Errors(Deal(Sale(relet))), "DL0515");
        Assert.Equal("the re-let's curve of the enforcement sale " + why, error.Message);
        At(error, 13, SaleColumn(relet, part));
    }

    [Fact]
    public void ASyntaxErrorEarlierOnTheSalesLineLeavesTheCurvesOwnCheck()
    {
        // 'per monthh' is a syntax error on line 13 before the curve; the parser recovers and reads the curve whole, so
        // its one point is still DL0515 (DealAnalysis.IsDamaged counts an error from the node's first character, not
        // from the start of its first line: before, the error earlier on the line silenced the curve's check).
        string relet = "relet idle at curve { 0m 30% } for 6m";
        string text = Deal(Sale(relet)).Replace("per month relet", "per monthh relet", StringComparison.Ordinal);
        var errors = DealCompiler.Check(FilePath, text).Diagnostics; // the harness's Errors refuses a syntax error
        Assert.Equal(13, Single(errors, "DL0101").Span.Line);
        var error = Single(errors, "DL0515");
        Assert.Equal("the re-let's curve of the enforcement sale has one point: a curve has a level at 0m and at least one later (a re-let at one level is written 'at 60%')", error.Message);
        At(error, 13, SaleColumn(relet, "curve") + 1); // one column on for the extra 'h'

        // A point the parser cannot read inside the curve still leaves it to that syntax error.
        var inside = DealCompiler.Check(FilePath, Deal(Sale("relet idle at curve { 0m 30%  3 55% } for 6m"))).Diagnostics;
        Assert.Contains(inside, d => d.Code == "DL0101");
        Assert.DoesNotContain(inside, d => d.Code == "DL0515");
    }

        [Fact]
    public void AContractsCurveCountsFromTheReletsStart()
    {
        var error = Single(Errors(Contract("C relet after 3m at curve { 3m 30%  6m 70% }")), "DL0515");
        Assert.Equal("the re-let's curve of contract 'C' in scenario 'S' starts at 3m: its first point is the level at the re-let's start, written '0m …'", error.Message);
    }

    [Fact]
    public void ACurveFollowedByAStraightRampIsDL0515()
    {
        string lever = "C relet after 3m at curve { 0m 30%  6m 70% } rising to 80% over 12m";
        var error = Single(Errors(Contract(lever)), "DL0515");
        Assert.Equal("the re-let's curve of contract 'C' in scenario 'S' is followed by a straight ramp ('rising to … over …'): a curve ends at its last point, so write the ramp's end as one more point ('12m 80%')", error.Message);
        At(error, 22, LeverColumn(lever, "80%"));
    }
}
