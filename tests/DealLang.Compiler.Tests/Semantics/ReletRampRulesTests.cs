using DealLang.Compiler.Emit;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A re-let of idle units whose utilisation ramps and whose price is its own (<c>relet idle at 30% rising to 80%
/// over 12m for 24m price 85% of H100Rent</c>, docs/language.md §9, "relet-ramp"): every combination of its parts, on a
/// sale and in a scenario's lever, lowers to the terms the runner reads; the ramp's end in (0, 100%] (DL0574), its months
/// whole, above 0 and within the workout limit, past the window allowed (DL0575); the price an index of money per
/// GPU-hour, a share of one or one plus or minus a constant (DL0576), its share above 0 (DL0577). The harness's deal is
/// annual from 2025-01-01; the extra lines start at line 9, the enforcement block on line 13.</summary>
public sealed class ReletRampRulesTests
{
    private static string Collateral(string sale, string generation = "  generation Rent") =>
        "  index Rent { level 2.00 per gpu_hour }\n"
        + "  index Spot { level 1.60 per gpu_hour }\n"
        + $"  fleet Gpus {{ units 1000 gpus  unit_cost 30k per gpu  depreciate straight_line 6y{generation} }}\n"
        + "  default when Notes.interest_shortfall > 0\n"
        + $"  enforcement {{ {sale} }}\n";

    private const string Market = "sell Gpus haircut 10% lag 0m depth 500 gpus per month ";

    private static int ColumnOf(string sale, string part) => "  enforcement { ".Length + sale.IndexOf(part, StringComparison.Ordinal) + 1;

    // The parts of a re-let, each written or not: the eight combinations of the ramp, the window and the price.
    public static TheoryData<bool, bool, bool> Combinations()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (bool ramp in new[] { false, true })
        {
            foreach (bool window in new[] { false, true })
            {
                foreach (bool price in new[] { false, true })
                {
                    data.Add(ramp, window, price);
                }
            }
        }

        return data;
    }

    private static string Relet(bool ramp, bool window, bool price) =>
        "relet idle at 30%" + (ramp ? " rising to 80% over 12m" : "") + (window ? " for 24m" : "") + (price ? " price 85% of Spot" : "");

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryCombinationOnASaleLowersToItsTerms(bool ramp, bool window, bool price)
    {
        var market = Assert.Single(ModelOf(Deal(Collateral(Market + Relet(ramp, window, price)))).Enforcement!.Sales).Market!;

        Assert.Equal(0.3, market.Relet);
        Assert.Equal(ramp ? (0.8, 12) : (0.0, 0), (market.ReletTo, market.ReletRampMonths));
        Assert.Equal(window ? 24 : -1, market.ReletMonths);
        // Index 1 is Spot (Rent is 0).
        Assert.Equal(price ? new ReletPrice(1, 0.85, 0.0) : null, market.ReletPrice);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryCombinationOfTheLeverLowersToItsTerms(bool ramp, bool window, bool price)
    {
        var scenario = Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 60% rising to 90% over 6m price Rent - 0.30"),
            scenarios: "scenario S for D { enforcement " + Relet(ramp, window, price) + " }")).Scenarios);

        // The lever restates the utilisation, its ramp (flat without 'rising': to its own utilisation over 0 months) and its
        // window; without 'price' each sale keeps its own (null).
        Assert.Equal(0.3, scenario.EnforcementReletUtilisation);
        Assert.Equal(ramp ? (0.8, 12) : (0.3, 0), (scenario.EnforcementReletTo, scenario.EnforcementReletRampMonths));
        Assert.Equal(window ? 24 : -1, scenario.EnforcementReletMonths);
        Assert.Equal(price ? new ReletPrice(1, 0.85, 0.0) : null, scenario.EnforcementReletPrice);
    }

    [Theory]
    [InlineData("price Rent", 0, 1.0, 0.0)]
    [InlineData("price 85% of Rent", 0, 0.85, 0.0)]
    [InlineData("price Rent - 0.30", 0, 1.0, -0.30)]
    [InlineData("price Spot + 0.10 per gpu_hour", 1, 1.0, 0.10)]
    [InlineData("price 0.10 + Spot", 1, 1.0, 0.10)]
    [InlineData("price 90% of Spot - 0.10", 1, 0.9, -0.10)]
    [InlineData("price Spot * 1.1", 1, 1.1, 0.0)]
    public void APriceIsAShareOfAnIndexPlusASpread(string price, int index, double share, double spread)
    {
        var market = Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 50% " + price))).Enforcement!.Sales).Market!;
        Assert.Equal(index, market.ReletPrice!.Index);
        Assert.Equal(share, market.ReletPrice.Share, 12);
        Assert.Equal(spread, market.ReletPrice.Spread, 12);
    }

    [Fact]
    public void ARampMayFadeAndMayRunPastTheWindow()
    {
        // 80% falling to 30%, over 24 months past a 6-month window: the ramp is the market's, not the window's.
        var market = Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 80% rising to 30% over 24m for 6m"))).Enforcement!.Sales).Market!;
        Assert.Equal((0.8, 0.3, 24, 6), (market.Relet, market.ReletTo, market.ReletRampMonths, market.ReletMonths));
    }

    [Theory]
    [InlineData("0%")]
    [InlineData("120%")]
    public void ARampEndOutsideZeroToOneHundredPercentIsReportedAtIt(string value)
    {
        string sale = Market + $"relet idle at 30% rising to {value} over 6m";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0574");

        Assert.Equal($"the re-let's end utilisation of the enforcement sale must be above 0% and at most 100% (e.g. 'rising to 80% over 12m'), not {value}", error.Message);
        At(error, 13, ColumnOf(sale, "to " + value) + "to ".Length);
    }

    [Theory]
    [InlineData("45d", "is not a whole number of months above 0 (e.g. 'over 12m'): the utilisation moves at each month from the sale date")]
    [InlineData("0m", "is not a whole number of months above 0 (e.g. 'over 12m'): the utilisation moves at each month from the sale date")]
    [InlineData("121m", "is longer than the workout limit of 10y: no re-let runs that long")]
    public void ARampNotOfWholeMonthsAboveZeroAndWithinTheWorkoutLimitIsReported(string months, string why)
    {
        string sale = Market + $"relet idle at 30% rising to 80% over {months}";
        var error = Single(Errors(Deal(Collateral(sale))), "DL0575");

        Assert.Equal($"the re-let's ramp of the enforcement sale ({months}) {why}", error.Message);
        At(error, 13, ColumnOf(sale, "over " + months) + "over ".Length);
    }

    [Theory]
    [InlineData("price Sofr", "is a rate, not money per GPU-hour")]
    [InlineData("price 1.50 per gpu_hour", "reads no index in a shape a re-let follows")]
    [InlineData("price Rent + Spot", "reads no index in a shape a re-let follows")]
    public void APriceThatIsNotAnIndexOfMoneyPerGpuHourIsReported(string price, string why)
    {
        string sale = Market + "relet idle at 50% " + price;
        var error = Single(Errors(Deal("  index Sofr { level 4% }\n" + Collateral(sale))), "DL0576");

        Assert.Equal($"the re-let price of the enforcement sale {why}: a re-let is priced at an index of money per GPU-hour, a share of one ('price 85% of H100Rent') or one plus or minus a constant ('price H100Rent - 0.30')", error.Message);
        At(error, 14, ColumnOf(sale, price) + "price ".Length);
    }

    [Theory]
    [InlineData("0% of Rent", "0%")]
    [InlineData("-10% of Rent", "-10%")]
    public void AShareOfNothingOrLessIsReported(string price, string value)
    {
        string sale = Market + "relet idle at 50% price " + price;
        var error = Single(Errors(Deal(Collateral(sale))), "DL0577");

        Assert.Equal($"the re-let price of the enforcement sale is {value} of its index: a share must be above 0% (e.g. 'price 85% of H100Rent')", error.Message);
    }

    [Fact]
    public void AReletWithAPriceOfItsOwnNeedsNoGeneration()
    {
        // Without 'price' the fleet's generation prices it (DL0549 without one); with one, its own index does.
        Assert.Single(ModelOf(Deal(Collateral(Market + "relet idle at 50% price 85% of Spot", generation: ""))).Enforcement!.Sales);
        Single(Errors(Deal(Collateral(Market + "relet idle at 50%", generation: ""))), "DL0549");
    }

    [Fact]
    public void TheLeversTermsAreCheckedWhereTheyAreWritten()
    {
        const string scenario = "scenario S for D { enforcement relet idle at 50% rising to 0% over 6m price 0% of Rent }";
        var errors = Errors(Deal(Collateral(Market + "relet idle at 60%"), scenarios: scenario));

        Assert.Contains("in scenario 'S'", Single(errors, "DL0574").Message);
        Assert.Contains("in scenario 'S'", Single(errors, "DL0577").Message);
    }

    [Fact]
    public void AFlatReletAtTheGenerationKeepsItsGeneratedCSharp_AndARampOrAPriceOrALeverWithOneReadsThem()
    {
        // A plain re-let reads the generation's level and the flat utilisation, as before the ramp and price existed; the
        // ramp and price are read only in a deal (or a scenario) that uses one.
        string plain = CSharpEmitter.Emit(ModelOf(Deal(Collateral(Market + "relet idle at 60% for 6m"),
            scenarios: "scenario S for D { enforcement relet idle at 40% for 12m }"))).Source;
        Assert.DoesNotContain("ReletRamp.Utilisation", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("reletPriceIndex", plain, StringComparison.Ordinal);
        Assert.Contains("* 8760.0 * (Date.DaysBetween(reletFrom, periodEnd) / 365.0) * sale1_reletUtilisation;", plain, StringComparison.Ordinal);

        foreach (string shaped in new[]
        {
            Deal(Collateral(Market + "relet idle at 60% rising to 80% over 6m")),
            Deal(Collateral(Market + "relet idle at 60% price Spot")),
            Deal(Collateral(Market + "relet idle at 60%"), scenarios: "scenario S for D { enforcement relet idle at 40% price 90% of Rent }"),
            // A curve, the sale's own or a lever's (docs/language.md §9, "relet-curve"), read with the ramp.
            Deal(Collateral(Market + "relet idle at curve { 0m 60%  6m 80% }")),
            Deal(Collateral(Market + "relet idle at 60%"), scenarios: "scenario S for D { enforcement relet idle at curve { 0m 40%  3m 70% } }"),
        })
        {
            string source = CSharpEmitter.Emit(ModelOf(shaped)).Source;
            Assert.Contains("ReletCurve? sale1_reletCurve = input.SaleReletCurve[0];", source, StringComparison.Ordinal);
            Assert.Contains("ReletRamp.Utilisation(sale1_reletCurve, ", source, StringComparison.Ordinal);
            Assert.Contains("reletPriceIndex", source, StringComparison.Ordinal);
        }
    }
}
