using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>Issue 11: the coins' parsing, rules and lowering (CoinsRules, CoinsLowering), the sale step's binding and a
/// convertible's lowering. The harness's deal is annual from 2025-01-01 to 2030-01-01; extra lines start at line 9.</summary>
public sealed class CoinsRulesTests
{
    private const string Index = "  index BTC { level 100k per coin }\n";

    private static string Coins(string items) => Index + $"  coins Btc {{ {items} }}\n";

    private const string Mining = "hashrate 10 EH/s  network 800 EH/s  rewards 450 coins per day  power 200 MW  power_price 80 per MWh";

    [Theory]
    [InlineData("Btc.units", Quantity.CoinsUnits, Unit.Measure)]
    [InlineData("Btc.value", Quantity.CoinsValue, Unit.Money)]
    [InlineData("Btc.mined", Quantity.CoinsMined, Unit.Measure)]
    [InlineData("Btc.revenue", Quantity.CoinsRevenue, Unit.Money)]
    [InlineData("Btc.power_cost", Quantity.CoinsPowerCost, Unit.Money)]
    public void MembersReadTheCoins_Issue11(string reference, Quantity quantity, Unit unit)
    {
        var read = Assert.IsType<QuantityExpression>(TestExpression(reference, Coins("holdings 1000 coins  price BTC  " + Mining)));

        Assert.Equal((quantity, 0, unit), (read.Quantity, read.Index, read.Unit));
    }

    [Fact]
    public void TheCoinsLowerWithTheirUnitsInBaseUnits_Issue11()
    {
        CoinsModel coins = Assert.Single(ModelOf(Deal(Coins("holdings 1000 coins  price BTC  " + Mining + "  depth 500 coins  impact 10%"))).Coins);

        // 200 MW is 200,000 kW; 80 per MWh is 0.08 per kWh; 450 coins a day is 18.75 coins an hour.
        Assert.Equal(("Btc", 1000.0, 0, 500.0, 0.1), (coins.Name, coins.Holdings, coins.PriceIndex, coins.Depth, coins.Impact));
        MiningModel mining = Assert.IsType<MiningModel>(coins.Mining);
        Assert.Equal((10.0, 200_000.0), (mining.Hashrate, mining.Power));
        Assert.Equal(0.08, Assert.IsType<ConstantExpression>(mining.PowerPrice).Value, 12);
        Assert.Equal(18.75, Assert.IsType<ConstantExpression>(mining.Rewards).Value, 12);
    }

    [Fact]
    public void MiningWithoutItsRewardsIsReported_Issue11()
    {
        var error = Single(Errors(Deal(Coins("holdings 1000 coins  price BTC  hashrate 10 EH/s  network 800 EH/s  power 200 MW  power_price 80 per MWh"))), "DL0408");

        Assert.Contains("the network's rewards", error.Message);
    }

    [Fact]
    public void AHashrateInKilowattsIsAUnitMistake_Issue11()
    {
        var error = Single(Errors(Deal(Coins("holdings 1000 coins  price BTC  hashrate 12 kW  network 800 EH/s  rewards 450 coins per day  power 200 MW  power_price 0.05 per kWh"))), "DL0750");

        Assert.Contains("must be EH/s", error.Message);
    }

    [Fact]
    public void AHashratePlusMoneyIsAUnitMistake_Issue11()
    {
        var error = Single(TestErrors("Btc.value + 10 EH/s", Coins("holdings 1000 coins  price BTC")), "DL0301");

        Assert.Contains("cannot add money and EH/s", error.Message);
    }

    [Fact]
    public void OnlyCoinsAreSoldToCoverAShortfall_Issue11()
    {
        var error = Single(Errors(Deal(Coins("holdings 1000 coins  price BTC"),
            "sell Notes to cover Notes.principal\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq")), "DL0205");

        Assert.Contains("sells coins the deal holds", error.Message);
    }

    [Fact]
    public void ASaleStepLowersWithThePaymentItCovers_Issue11()
    {
        DealModel model = ModelOf(Deal(Coins("holdings 1000 coins  price BTC"),
            "pay Notes.interest\n    sell Btc to cover Notes.principal\n    pay Notes.principal\n    distribute rest to Eq"));

        var sell = Assert.IsType<SellStep>(model.Waterfall[1]);
        Assert.Equal(("sell Btc to cover Notes.principal", 0, PayKind.Principal), (sell.Label, sell.Coins, sell.Cover.Kind));
    }

    [Fact]
    public void AConvertibleLowersItsConversionTerms_Issue11()
    {
        DealModel model = ModelOf(Deal(Index + "  index WULF { level 10 per share }\n"
            + "  tranche Cv { balance 50m  coupon 1%  convertible at 12.50 per share against WULF * (BTC / 100k per coin) early above 130% }\n",
            "pay Notes.interest\n    pay Cv.interest\n    pay Notes.principal\n    pay Cv.principal\n    distribute rest to Eq"));

        ConversionModel conversion = Assert.IsType<ConversionModel>(model.Tranches.Single(t => t.Name == "Cv").Conversion);
        Assert.Equal((12.5, 1.3), (conversion.Price, conversion.EarlyAbove));
        Assert.Equal(12.5, model.Tranches.Single(t => t.Name == "Cv").ToInfo().ConversionPrice);
        Assert.Null(model.Tranches.Single(t => t.Name == "Notes").Conversion);
    }

    [Fact]
    public void AConvertibleLowersItsPutsAndCallToPeriods()
    {
        // Annual periods from 2025-01-01 (index 0): a put on 2027-06-30 falls in the period ending 2028-01-01 (index 2),
        // one on 2029-01-01 in the period it closes (index 3); the call from 2027-06-30 runs from the first period
        // starting on or after it, the one from 2028-01-01 (index 3).
        DealModel model = ModelOf(Deal("  index WULF { level 10 per share }\n"
            + "  tranche Cv { balance 50m  coupon 1%  convertible at 12.50 per share against WULF put 2027-06-30 at 100% put 2029-01-01 at 105%"
            + " call from 2027-06-30 above 130% }\n",
            "pay Notes.interest\n    pay Cv.interest\n    pay Notes.principal\n    pay Cv.principal\n    distribute rest to Eq"));

        ConversionModel conversion = Assert.IsType<ConversionModel>(model.Tranches.Single(t => t.Name == "Cv").Conversion);
        Assert.Equal([(2, 1.0), (3, 1.05)], conversion.Puts.Select(p => (p.Period, p.Price)));
        Assert.Equal((3, 1.3), (conversion.Call!.FromPeriod, conversion.Call.Above));
    }

    [Fact]
    public void AProvisionalCallDateOutsideTheTranchesLifeIsDL0770()
    {
        // The tranche matures on 2028-01-01: a call from then on would never be reached.
        var errors = Errors(Deal("  index WULF { level 10 per share }\n"
            + "  tranche Cv { balance 50m  coupon 1%  maturity 2028-01-01  convertible at 12.50 per share against WULF call from 2028-01-01 above 130% }\n",
            "pay Notes.interest\n    pay Cv.interest\n    pay Notes.principal\n    pay Cv.principal\n    distribute rest to Eq"));

        Assert.Contains("the provisional call date of tranche 'Cv' (2028-01-01)", Single(errors, "DL0770").Message);
    }

    private const string Convertible = "  index WULF { level 10 per share }\n"
        + "  tranche Cv { balance 50m  coupon 1%  maturity 2028-01-01  convertible at 12.50 per share against WULF }\n";

    private const string PaysCv = "pay Notes.interest\n    pay Cv.interest\n    pay Notes.principal\n    pay Cv.principal\n    distribute rest to Eq";

    [Fact]
    public void AHardCallLowersToTheScenariosTrancheCalls_AtParWithoutAPrice()
    {
        // Tranches in declaration order: Notes (0), Cv (1). 'at 101%' is 1.01 of the principal; without 'at', par.
        DealModel model = ModelOf(Deal(Convertible, PaysCv,
            "scenario Refi for D { Cv called on 2027-06-30 at 101% }\nscenario Par for D { Cv called on 2026-01-01 }\nscenario None for D { }\n"));

        Assert.Equal(2, model.Scenarios[0].TrancheCalls.Length);
        Assert.Null(model.Scenarios[0].TrancheCalls[0]);
        Assert.Equal([new TrancheCall(new Date(2027, 6, 30), 1.01)], model.Scenarios[0].TrancheCalls[1]!);
        Assert.Equal([new TrancheCall(new Date(2026, 1, 1), 1.0)], model.Scenarios[1].TrancheCalls[1]!);
        Assert.Empty(model.Scenarios[2].TrancheCalls);
        Assert.True(model.Scenarios[0].Calls(1) && !model.Scenarios[0].Calls(0) && !model.Scenarios[2].Calls(1));
    }

    [Fact]
    public void AHardCallDateOutsideTheTranchesLifeIsDL0770()
    {
        // Cv matures on 2028-01-01: a call then (or at the closing) would never be one.
        var errors = Errors(Deal(Convertible, PaysCv, "scenario Refi for D { Cv called on 2028-01-01 }\nscenario Early for D { Cv called on 2025-01-01 }\n"));

        Assert.Equal(2, errors.Count(e => e.Code == "DL0770"));
        Assert.Contains(errors, e => e.Message.StartsWith("the hard call date in scenario 'Refi' of tranche 'Cv' (2028-01-01)", StringComparison.Ordinal));
    }

    [Fact]
    public void AHardCallAtNoPriceIsDL0777_AndTwiceDL0507_AndPlainNotesAreCalledUnderTheSameChecks()
    {
        var zero = Errors(Deal(Convertible, PaysCv, "scenario Refi for D { Cv called on 2027-01-01 at 0% }\n"));
        Assert.Contains("calls tranche 'Cv' at a share of the principal, which must be above 0%, not 0%", Single(zero, "DL0777").Message);

        // Plain notes are called as a convertible is (no DL0778), under its checks: price (DL0777), date window (DL0770).
        Assert.Empty(DealCompiler.Check("d.deal", Deal(Convertible, PaysCv, "scenario Refi for D { Notes called on 2027-01-01 at 104% part 50% }\n")).Diagnostics);
        Assert.Single(Errors(Deal(Convertible, PaysCv, "scenario Refi for D { Notes called on 2027-01-01 at 0% }\n")), e => e.Code == "DL0777");
        Assert.Single(Errors(Deal(Convertible, PaysCv, "scenario Refi for D { Notes called on 2025-01-01 }\n")), e => e.Code == "DL0770");

        // Only the plain tranche a scenario calls is marked so (its program then reads the call); the convertible is callable anyway.
        DealModel called = ModelOf(Deal(Convertible, PaysCv, "scenario Refi for D { Notes called on 2027-01-01 at 104% }\n"));
        Assert.Equal((true, false), (called.Tranches[0].CalledByScenario, called.Tranches[1].CalledByScenario));
        Assert.True(called.Tranches[0].Callable && called.Tranches[1].Callable);
        Assert.False(ModelOf(Deal(Convertible, PaysCv, "scenario None for D { }\n")).Tranches[0].Callable);

        var twice = DealCompiler.Check("d.deal", Deal(Convertible, PaysCv, "scenario Refi for D {\n  Cv called on 2026-01-01 part 50%\n  Cv called on 2026-01-01 part 20%\n}\n")).Diagnostics;
        Assert.Contains(twice, d => d.Code == "DL0507" && d.Message.Contains("the call of Cv on 2026-01-01", StringComparison.Ordinal));
        Assert.DoesNotContain(twice, d => d.Code == "DL0560");
    }

    [Fact]
    public void AHardCallOnADateAlreadyCalledReplacesTheEarlierInItsPlace_AsDL0507Says()
    {
        // Found by fuzzing (a call line duplicated): DL0507 said the last one is used, but the lowering kept both calls
        // on 2027-06-30, and the runner refused the scenario (a call not in a period after the one before): exit 3.
        DealModel model = ModelOf(Deal(Convertible, PaysCv,
            "scenario Refi for D {\n  Cv called on 2026-06-30 part 50%\n  Cv called on 2027-06-30 part 20%\n  Cv called on 2027-06-30 at 101% part 25%\n}\n"));

        Assert.Equal([new TrancheCall(new Date(2026, 6, 30), 1.0, 0.5), new TrancheCall(new Date(2027, 6, 30), 1.01, 0.25)], model.Scenarios[0].TrancheCalls[1]!);
    }

    [Fact]
    public void PartialHardCallsLowerInTurn_AndThePartialConversionPerTranche()
    {
        // 'part 50%' is half the balance; a second call on a later date is a call of its own; without 'part', all of it.
        DealModel model = ModelOf(Deal(Convertible, PaysCv,
            "scenario Refi for D {\n  Cv called on 2026-06-30 at 101% part 50%\n  Cv called on 2027-06-30\n  Cv converts 60%\n}\nscenario None for D { }\n"));

        Assert.Equal([new TrancheCall(new Date(2026, 6, 30), 1.01, 0.5), new TrancheCall(new Date(2027, 6, 30), 1.0, 1.0)], model.Scenarios[0].TrancheCalls[1]!);
        Assert.Equal([null, 0.6], model.Scenarios[0].TrancheConverts);
        Assert.Equal((1.0, 0.6, 1.0), (model.Scenarios[0].ConvertPartOf(0), model.Scenarios[0].ConvertPartOf(1), model.Scenarios[1].ConvertPartOf(1)));
        Assert.Empty(model.Scenarios[1].TrancheConverts);
    }

    [Theory]
    [InlineData("Cv called on 2027-01-01 part 0%", 32, "the share of tranche 'Cv' called in scenario 'S' must be above 0% and at most 100% of the balance, not 0%")]
    [InlineData("Cv called on 2027-01-01 part 120%", 32, "the share of tranche 'Cv' called in scenario 'S' must be above 0% and at most 100% of the balance, not 120%")]
    [InlineData("Cv converts 0%", 15, "the share of tranche 'Cv' its holders convert in scenario 'S' must be above 0% and at most 100% of the balance, not 0%")]
    [InlineData("Cv converts 100.5%", 15, "the share of tranche 'Cv' its holders convert in scenario 'S' must be above 0% and at most 100% of the balance, not 100.5%")]
    public void APartOutsideZeroToAHundredPercentIsDL0559(string item, int column, string message)
    {
        var errors = Errors(Deal(Convertible, PaysCv, "scenario S for D {\n  " + item + "\n}\n"));

        Diagnostic error = Single(errors, "DL0559");
        Assert.Equal(message, error.Message);
        At(error, 21, column); // the share, on the scenario's first line after 'scenario S for D {' (line 20)
    }

    [Fact]
    public void ACallNotInALaterPeriod_OrAfterAWholeCall_IsDL0560_AndConvertsOfAPlainTrancheDL0778()
    {
        // Annual periods: 2026-03-01 and 2026-09-01 fall in the same period (2026-01-01 to 2027-01-01): one decision.
        var samePeriod = Errors(Deal(Convertible, PaysCv, "scenario S for D {\n  Cv called on 2026-03-01 part 50%\n  Cv called on 2026-09-01 part 50%\n}\n"));
        Assert.Equal("scenario 'S' calls tranche 'Cv' on 2026-09-01, not in a period after its call on 2026-03-01: a tranche's calls are made in turn, each in a later period",
            Single(samePeriod, "DL0560").Message);

        var earlier = Errors(Deal(Convertible, PaysCv, "scenario S for D {\n  Cv called on 2027-03-01 part 50%\n  Cv called on 2026-03-01 part 50%\n}\n"));
        Assert.Single(earlier, e => e.Code == "DL0560");

        var afterWhole = Errors(Deal(Convertible, PaysCv, "scenario S for D {\n  Cv called on 2026-03-01 at 101%\n  Cv called on 2027-03-01 part 50%\n}\n"));
        Diagnostic after = Single(afterWhole, "DL0560");
        Assert.Contains("after calling all of it on 2026-03-01: nothing is left to call", after.Message);
        At(after, 22, 16); // the second call's date

        var inTurn = DealCompiler.Check("d.deal", Deal(Convertible, PaysCv, "scenario S for D {\n  Cv called on 2026-03-01 part 50%\n  Cv called on 2027-03-01\n}\n")).Diagnostics;
        Assert.Empty(inTurn);

        var plain = Errors(Deal(Convertible, PaysCv, "scenario S for D { Notes converts 60% }\n"));
        Assert.Contains("scenario 'S' converts tranche 'Notes', which is not convertible", Single(plain, "DL0778").Message);
    }

    [Fact]
    public void APartialCallOnOrAfterTheNotesMatureIsDL0770()
    {
        // Cv matures on 2028-01-01: a partial call then finds the notes due anyway, after it finds them gone.
        var errors = Errors(Deal(Convertible, PaysCv, "scenario S for D {\n  Cv called on 2027-03-01 part 50%\n  Cv called on 2028-06-01 part 50%\n}\n"));

        Assert.StartsWith("the hard call date in scenario 'S' of tranche 'Cv' (2028-06-01)", Single(errors, "DL0770").Message, StringComparison.Ordinal);
    }
}
