using DealLang.Compiler.Emit;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A contract's re-let that ramps and has a price of its own (<c>C relet after 3m at 30% rising to 80% over 12m
/// price 85% of Spot</c>, docs/language.md §5, "contract-relet-ramp"): its parts are a sale's re-let's (the same grammar
/// rules, the same checks: DL0574 to DL0577), every combination lowers to the levers the runner reads, a price of its own
/// needs no generation (DL0469 without one), and a contract re-let flat at the spot index keeps its generated C#. The
/// harness's deal is annual from 2025-01-01; the extra lines start at line 9; the scenario's lever is on line 22 (23 with an index before them).</summary>
public sealed class ContractReletRampRulesTests
{
    private static string Setup(string generation = "  generation Rent") =>
        "  index Rent { level 2.00 per gpu_hour }\n"
        + "  index Spot { level 1.60 per gpu_hour }\n"
        + "  party Big { }\n"
        + $"  fleet F {{ units 100 gpus  unit_cost 30k per gpu  depreciate straight_line 6y{generation} }}\n"
        + "  contract C on F { customer Big  units 60 gpus  price 2.50 per gpu_hour  hours 8760 hours per year  take_or_pay 90%  starts 2025-01-01  term 2y }\n";

    private static string WithLever(string lever, string generation = "  generation Rent") =>
        Deal(Setup(generation), scenarios: "scenario S for D {\n  " + lever + "\n}");

    // Line 22: the lever, after two spaces.
    private static int ColumnOf(string lever, string part) => "  ".Length + lever.IndexOf(part, StringComparison.Ordinal) + 1;

    public static TheoryData<bool, bool> Combinations() => new() { { false, false }, { true, false }, { false, true }, { true, true } };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryCombinationLowersToItsLevers(bool ramp, bool price)
    {
        string lever = "C relet after 3m at 30%" + (ramp ? " rising to 80% over 12m" : "") + (price ? " price 85% of Spot" : "");
        ContractLevers levers = Assert.Single(ModelOf(WithLever(lever)).Scenarios).Contracts[0]!;

        Assert.Equal((true, 3, 0.3), (levers.Relet, levers.ReletAfterMonths, levers.ReletUtilisation));
        // Flat without 'rising': 0 months, its end unread (0), so a plain re-let's levers are what they were.
        Assert.Equal(ramp ? (0.8, 12) : (0.0, 0), (levers.ReletTo, levers.ReletRampMonths));
        // Index 1 is Spot (Rent is 0); without 'price', null: the fleet's generation.
        Assert.Equal(price ? new ReletPrice(1, 0.85, 0.0) : null, levers.ReletPrice);
    }

    [Theory]
    [InlineData("price Rent - 0.30", 0, 1.0, -0.30)]
    [InlineData("price 90% of Spot - 0.10", 1, 0.9, -0.10)]
    public void APriceIsAShareOfAnIndexPlusASpread(string price, int index, double share, double spread)
    {
        ReletPrice own = Assert.Single(ModelOf(WithLever("C relet after 0m at 50% " + price)).Scenarios).Contracts[0]!.ReletPrice!;
        Assert.Equal((index, share, spread), (own.Index, Math.Round(own.Share, 12), Math.Round(own.Spread, 12)));
    }

    [Theory]
    [InlineData("0%")]
    [InlineData("120%")]
    public void ARampEndOutsideZeroToOneHundredPercentIsDL0574(string value)
    {
        string lever = $"C relet after 3m at 30% rising to {value} over 12m";
        var error = Single(Errors(WithLever(lever)), "DL0574");

        Assert.Equal($"the re-let's end utilisation of contract 'C' in scenario 'S' must be above 0% and at most 100% (e.g. 'rising to 80% over 12m'), not {value}", error.Message);
        At(error, 22, ColumnOf(lever, "to " + value) + "to ".Length);
    }

    [Theory]
    [InlineData("45d", "is not a whole number of months above 0 (e.g. 'over 12m'): the utilisation moves at each month from the re-let's start")]
    [InlineData("0m", "is not a whole number of months above 0 (e.g. 'over 12m'): the utilisation moves at each month from the re-let's start")]
    [InlineData("121m", "is longer than the workout limit of 10y: no re-let runs that long")]
    public void ARampNotOfWholeMonthsAboveZeroAndWithinTheWorkoutLimitIsDL0575(string months, string why)
    {
        string lever = $"C relet after 3m at 30% rising to 80% over {months}";
        var error = Single(Errors(WithLever(lever)), "DL0575");

        Assert.Equal($"the re-let's ramp of contract 'C' in scenario 'S' ({months}) {why}", error.Message);
        At(error, 22, ColumnOf(lever, "over " + months) + "over ".Length);
    }

    [Theory]
    [InlineData("price Sofr", "DL0576", "the re-let price of contract 'C' in scenario 'S' is a rate, not money per GPU-hour: a re-let is priced at an index of money per GPU-hour, a share of one ('price 85% of H100Rent') or one plus or minus a constant ('price H100Rent - 0.30')")]
    [InlineData("price 1.50 per gpu_hour", "DL0576", "the re-let price of contract 'C' in scenario 'S' reads no index in a shape a re-let follows: a re-let is priced at an index of money per GPU-hour, a share of one ('price 85% of H100Rent') or one plus or minus a constant ('price H100Rent - 0.30')")]
    [InlineData("price 0% of Rent", "DL0577", "the re-let price of contract 'C' in scenario 'S' is 0% of its index: a share must be above 0% (e.g. 'price 85% of H100Rent')")]
    public void APriceIsCheckedAsASaleReletsIs(string price, string code, string message)
    {
        string lever = "C relet after 3m at 30% " + price;
        var error = Single(Errors(Deal("  index Sofr { level 4% }\n" + Setup(), scenarios: "scenario S for D {\n  " + lever + "\n}")), code);

        Assert.Equal(message, error.Message);
        At(error, 23, ColumnOf(lever, price) + "price ".Length);
    }

    [Fact]
    public void AReletWithAPriceOfItsOwnNeedsNoGeneration()
    {
        // Without 'price' the fleet's generation prices it (DL0469 without one); with one, its own index does.
        Assert.Single(ModelOf(WithLever("C relet after 3m at 30% rising to 80% over 12m price 85% of Spot", generation: "")).Scenarios);
        Single(Errors(WithLever("C relet after 3m at 30% rising to 80% over 12m", generation: "")), "DL0469");
    }

    [Fact]
    public void AContractReletFlatAtTheSpotIndexKeepsItsGeneratedCSharp_AndARampOrAPriceReadsThem()
    {
        // A plain re-let reads the generation's level and the flat utilisation, as before the ramp and price existed.
        string plain = CSharpEmitter.Emit(ModelOf(WithLever("C relet after 3m at 30%"))).Source;
        Assert.DoesNotContain("ReletRamp.Utilisation", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("reletPriceIndex", plain, StringComparison.Ordinal);
        Assert.Contains("contract_C_reletYears[t] * contract_C_reletUtilisation", plain, StringComparison.Ordinal);

        // A curve is read where the ramp is (docs/language.md §5, "contract-relet-curve"): null on a path without one.
        foreach (string lever in new[] { "C relet after 3m at 30% rising to 80% over 12m", "C relet after 3m at 30% price Spot", "C relet after 3m at curve { 0m 30%  6m 70% }" })
        {
            string source = CSharpEmitter.Emit(ModelOf(WithLever(lever))).Source;
            Assert.Contains("ReletCurve? contract_C_reletCurve = input.ContractReletCurve[0];", source, StringComparison.Ordinal);
            Assert.Contains("double contract_C_reletRate = ReletRamp.Utilisation(contract_C_reletCurve, contract_C_reletUtilisation, contract_C_reletTo, contract_C_reletRampMonths, "
                + "contract_C_reletStart, Date.Max(Boundaries[t], contract_C_reletStart));", source, StringComparison.Ordinal);
            Assert.Contains("Math.Max(0.0, contract_C_reletPriceShare * contract_C_reletPriceLevels[t] + contract_C_reletPriceSpread)", source, StringComparison.Ordinal);
        }
    }
}
