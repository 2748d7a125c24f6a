using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>DL03xx: the unit rules of docs/language.md §6, one per test, checked on the bound tree or the message.</summary>
public sealed class UnitTests
{
    private static readonly QuantityExpression Balance = new(Quantity.TrancheBalance, 0, Unit.Money, false);

    [Fact]
    public void MoneyPlusRateIsAnError()
    {
        Diagnostic d = Single(TestErrors("Notes.balance + Notes.coupon"), "DL0301");

        Assert.Equal("cannot add money and rate", d.Message);
        At(d, 9, 12);
    }

    [Fact]
    public void SubtractionNamesBothUnitsInReadingOrder()
    {
        Assert.Equal("cannot subtract rate from money", Single(TestErrors("Notes.balance - Notes.coupon"), "DL0301").Message);
    }

    [Theory]
    [InlineData("Notes.balance * Notes.coupon")]
    [InlineData("Notes.coupon * Notes.balance")]
    public void MoneyTimesRateIsMoneyInEitherOrder(string expression)
    {
        var bound = Assert.IsType<BinaryExpression>(TestExpression(expression));

        Assert.Equal(BoundBinaryOperator.Multiply, bound.Operator);
        Assert.Equal(Unit.Money, bound.Unit);
    }

    [Fact]
    public void OfIsMultiplication()
    {
        var bound = Assert.IsType<BinaryExpression>(TestExpression("1% of Notes.balance"));

        Assert.Equal(new BinaryExpression(BoundBinaryOperator.Multiply, new ConstantExpression(0.01, Unit.Rate), Balance, Unit.Money), bound);
    }

    [Fact]
    public void MoneyOverMoneyIsARatio()
    {
        Assert.Equal(Unit.Ratio, TestExpression("cfads / debt_service").Unit);
    }

    [Theory]
    [InlineData("Notes.balance * Notes.balance", "cannot multiply money by money")]
    [InlineData("Notes.coupon * Notes.coupon", "cannot multiply rate by rate")]
    [InlineData("Notes.balance / Notes.coupon", "cannot divide money by rate")]
    [InlineData("Notes.coupon / Notes.balance", "cannot divide rate by money")]
    [InlineData("min(Notes.balance, Notes.coupon)", "cannot take the min of money and rate")]
    public void ProductsAndQuotientsThatMeanNothingAreErrors(string expression, string message)
    {
        Assert.Equal(message, Single(TestErrors(expression), "DL0301").Message);
    }

    [Theory]
    [InlineData("Notes.coupon / Notes.coupon", Unit.Ratio)]
    [InlineData("Notes.balance * 1.5x", Unit.Money)]
    [InlineData("Notes.coupon * 1.5x", Unit.Rate)]
    [InlineData("Notes.balance / 2", Unit.Money)]
    [InlineData("2 * Notes.coupon", Unit.Rate)]
    [InlineData("max(Notes.balance, 0)", Unit.Money)]
    public void OtherProductsFollowTheTable(string expression, Unit unit)
    {
        Assert.Equal(unit, TestExpression(expression).Unit);
    }

    [Fact]
    public void ComparisonWithABareZeroAdoptsTheOtherUnit()
    {
        DealModel model = ModelOf(Deal("  trigger Short when Notes.interest_shortfall > 0 => trap"));

        var condition = Assert.IsType<BinaryExpression>(model.Triggers[0].Condition);
        Assert.Equal(Unit.Bool, condition.Unit);
        Assert.Equal(new ConstantExpression(0, Unit.Money), condition.Right);
    }

    [Fact]
    public void ANumberAddedToMoneyBecomesMoney()
    {
        var bound = Assert.IsType<BinaryExpression>(TestExpression("Notes.balance + 1_000"));

        Assert.Equal(new ConstantExpression(1000, Unit.Money), bound.Right);
        Assert.Equal(Unit.Money, bound.Unit);
    }

    [Fact]
    public void ARateWrittenAsABareNumberIsAnErrorWithAHint()
    {
        string text = Deal().Replace("coupon 5%", "coupon 0.06581", StringComparison.Ordinal);

        Diagnostic d = Single(Errors(text), "DL0303");

        Assert.Equal("the coupon of tranche 'Notes' is a rate and must be written with % or bp, e.g. 6.581% or 658.1bp", d.Message);
        At(d, 7, 39); // "  tranche Notes { balance 100m coupon " is 38 characters
    }

    [Fact]
    public void ABareNumberComparedWithARateIsAnErrorToo()
    {
        Diagnostic d = Single(TestErrors("Notes.coupon > 0.05"), "DL0303");

        Assert.Equal("'0.05' here is a rate and must be written with % or bp, e.g. 5% or 500bp", d.Message);
    }

    [Fact]
    public void ABareZeroRateIsFine()
    {
        DealModel model = ModelOf(Deal("  account A { earns 0 }", "pay Notes.interest using A\n    pay Notes.principal\n    distribute rest to Eq"));

        Assert.Equal(0, model.Accounts[0].Rate);
    }

    [Fact]
    public void ATermInTheWrongUnitNamesBoth()
    {
        string text = Deal().Replace("balance 100m", "balance 5%", StringComparison.Ordinal);

        Assert.Equal("the balance of tranche 'Notes' must be money, but this is a rate", Single(Errors(text), "DL0302").Message);
    }

    [Fact]
    public void ATermMustBeAConstant()
    {
        var diagnostics = Errors(Deal("  tranche B { balance Notes.balance coupon 5% }"));

        Assert.Equal("the balance of tranche 'B' must be a constant; it cannot read deal state", Single(diagnostics, "DL0306").Message);
    }

    [Theory]
    [InlineData("  party P { recovery 150% }", "the recovery of party 'P' must be between 0% and 100%, not 150%")]
    [InlineData("  party P { pd -1% }", "the pd of party 'P' must be between 0% and 100%, not -1%")]
    public void FractionsStayBetweenZeroAndOneHundredPercent(string extra, string message)
    {
        Assert.Equal(message, Single(Errors(Deal(extra)), "DL0307").Message);
    }

    [Fact]
    public void AnAmountCannotBeNegative()
    {
        string text = Deal().Replace("balance 100m", "balance -100m", StringComparison.Ordinal);

        Assert.Equal("the balance of tranche 'Notes' cannot be negative", Single(Errors(text), "DL0312").Message);
    }

    [Fact]
    public void ConditionsMustBeTrueOrFalse()
    {
        Diagnostic d = Single(Errors(Deal("  trigger X when Notes.balance => trap")), "DL0304");

        Assert.StartsWith("the condition of trigger 'X' must be a condition (true or false), but this is money", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATestCannotBeACondition()
    {
        Diagnostic d = Single(TestErrors("Notes.balance > 0"), "DL0308");

        Assert.StartsWith("test 'T' must be money, a rate, a ratio or a number, but this is a condition", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AndNeedsConditionsOnBothSides()
    {
        var diagnostics = Errors(Deal("  trigger X when cfads > 0 and Notes.balance => trap"));

        Assert.Equal("'and' needs conditions (true or false), but this is money", Single(diagnostics, "DL0309").Message);
    }

    [Fact]
    public void DatesCompareWithDatesOnly()
    {
        ModelOf(Deal("  trigger Late when date > 2027-06-30 => trap"));

        var diagnostics = Errors(Deal("  trigger X when date > Notes.balance => trap"));
        Assert.Equal("cannot compare date with money", Single(diagnostics, "DL0301").Message);
    }

    [Fact]
    public void AShareOfMoneyOverMoneyComparesWithAPercentage()
    {
        // Share = 100m / 100m... is a ratio; 35% is the fraction 0.35, as 0.35x would be, so the two compare.
        var model = ModelOf(Deal("  test Share = Notes.balance / Notes.balance\n  trigger Big when Share > 35% => trap\n  trigger Small when 35% >= Share => trap"));
        var big = Assert.IsType<BinaryExpression>(model.Triggers[0].Condition);
        Assert.Equal((Unit.Ratio, Unit.Rate, 0.35), (big.Left.Unit, big.Right.Unit, Assert.IsType<ConstantExpression>(big.Right).Value));

        // Money still does not compare with a rate.
        Assert.Equal(
            "cannot compare money with rate; a rate compares with a share of money over money, such as A / B > 35%",
            Single(Errors(Deal("  trigger X when Notes.balance > 35% => trap")), "DL0301").Message);
    }

    [Fact]
    public void ADateCannotBeNegated()
    {
        Assert.Equal("'-' cannot be applied to a date", Single(Errors(Deal("  trigger X when -date > 2027-06-30 => trap")), "DL0310").Message);
    }

    [Fact]
    public void MonthsOfAFlowArePeriodsOfIt()
    {
        DealModel model = ModelOf(Deal("  account A { target 6m of debt_service }", "pay Notes.interest using A\n    pay Notes.principal\n    fill A\n    distribute rest to Eq"));

        // Annual deal: six months are 6 / 12 = 0.5 periods of debt service.
        Assert.Equal(new DurationOfExpression(0.5, new QuantityExpression(Quantity.DebtService, 0, Unit.Money, true)), model.Accounts[0].Target);
    }

    [Fact]
    public void MonthsOfABalanceIsAnError()
    {
        var diagnostics = Errors(Deal("  account A { target 6m of Notes.balance }"));

        Assert.StartsWith("'6m of Notes.balance' needs a per-period flow", Single(diagnostics, "DL0305").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DividingByAConstantZeroIsAnError()
    {
        Diagnostic d = Single(TestErrors("cfads / 0"), "DL0311");

        At(d, 9, 20); // "cfads / " is 8 characters after column 12
    }

    [Fact]
    public void OneMistakeGivesOneMessageNotACascade()
    {
        // The bad sum makes the whole comparison bad; only the sum is reported.
        var diagnostics = Errors(Deal("  trigger X when (Notes.balance + Notes.coupon) * 2 > 0 and cfads > 0 => trap"));

        Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("DL0301", diagnostics.Single(d => d.Severity == Severity.Error).Code);
    }
}
