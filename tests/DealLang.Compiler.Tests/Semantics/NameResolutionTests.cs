using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>DL02xx: every name resolves to one declaration or built-in, or is reported where it is written.
/// Columns are counted by hand from the inserted line ("  test T = " is 11 characters, so the expression starts at 12).</summary>
public sealed class NameResolutionTests
{
    [Fact]
    public void AMemberReferenceBindsToTheDeclarationsQuantity()
    {
        BoundExpression bound = TestExpression("Notes.balance");

        Assert.Equal(new QuantityExpression(Quantity.TrancheBalance, 0, Unit.Money, IsFlow: false), bound);
    }

    [Fact]
    public void BuiltinsBindWithoutAMemberAndFlowsAreMarked()
    {
        var bound = Assert.IsType<BinaryExpression>(TestExpression("collections - debt_service"));

        Assert.Equal(new QuantityExpression(Quantity.Collections, 0, Unit.Money, IsFlow: true), bound.Left);
        Assert.Equal(new QuantityExpression(Quantity.DebtService, 0, Unit.Money, IsFlow: true), bound.Right);
    }

    [Fact]
    public void AnUnknownNameIsReportedWhereItIsWrittenWithTheClosestName()
    {
        Diagnostic d = Single(TestErrors("Notse.balance"), "DL0202");

        Assert.Equal("'Notse' is not declared in deal 'D'; did you mean 'Notes'?", d.Message);
        At(d, 9, 12);
    }

    [Fact]
    public void NamesAreCaseSensitiveAndTheCorrectCaseIsSuggested()
    {
        Diagnostic d = Single(TestErrors("notes.balance"), "DL0202");

        Assert.EndsWith("did you mean 'Notes'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSuggestionWhenNothingIsWithinTwoEdits()
    {
        Diagnostic d = Single(TestErrors("Zzzzzz.balance"), "DL0202");

        Assert.Equal("'Zzzzzz' is not declared in deal 'D'", d.Message);
    }

    [Fact]
    public void BuiltinsAreSuggestedToo()
    {
        Diagnostic d = Single(TestErrors("cfad / debt_service"), "DL0202");

        Assert.EndsWith("did you mean 'cfads'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownMemberIsReportedAtTheMemberWithTheClosestMember()
    {
        Diagnostic d = Single(TestErrors("Notes.intrest"), "DL0203");

        Assert.StartsWith("tranche 'Notes' has no member 'intrest'; did you mean 'interest'? (it has: balance, scheduled_balance, interest,", d.Message, StringComparison.Ordinal);
        At(d, 9, 18); // "Notes." is 6 characters after column 12
    }

    [Fact]
    public void ADeclarationUsedAsAValueNeedsAMember()
    {
        Diagnostic d = Single(TestErrors("Notes"), "DL0204");

        Assert.StartsWith("tranche 'Notes' is not a value by itself; use one of Notes.balance, Notes.scheduled_balance, Notes.interest,", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateNameNamesTheFirstDeclaration()
    {
        Diagnostic d = Single(Errors(Deal("  account Notes")), "DL0201");

        Assert.Equal("'Notes' is already declared (as tranche at test.deal(7,11))", d.Message);
        At(d, 9, 11);
    }

    [Fact]
    public void ADeclarationCannotTakeABuiltinName()
    {
        Diagnostic d = Single(Errors(Deal("  account cfads")), "DL0206");

        Assert.Equal("account 'cfads' cannot be called 'cfads': that is the name of a built-in quantity", d.Message);
    }

    [Theory]
    [InlineData("cfads.total", "the built-in quantity 'cfads' has no members; write just 'cfads'")]
    [InlineData("U.value", "test 'U' has no members; write just 'U'")]
    public void BuiltinsAndTestsHaveNoMembers(string expression, string message)
    {
        Diagnostic d = Single(TestErrors(expression, "  test U = cfads / debt_service"), "DL0207");

        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void AnEquityCannotBeReadInAnExpression()
    {
        Diagnostic d = Single(TestErrors("Eq"), "DL0205");

        Assert.Equal("'Eq' is an equity; an equity has no quantities an expression can read", d.Message);
    }

    [Theory]
    [InlineData("fill Notes\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq", "'Notes' is a tranche; fill needs an account")]
    [InlineData("pay Notes.interest\n    pay Notes.principal\n    distribute rest to Notes", "'Notes' is a tranche; distribute rest to needs an equity")]
    [InlineData("pay Eq\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq", "'Eq' is an equity; pay needs a tranche or a fee")]
    [InlineData("pay Notes.interest using Eq\n    pay Notes.principal\n    distribute rest to Eq", "'Eq' is an equity; 'using' draws on accounts")]
    public void WaterfallStepsNeedTheRightKind(string waterfall, string message)
    {
        Diagnostic d = Single(Errors(Deal(waterfall: waterfall)), "DL0205");

        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void PayingATrancheMustSayWhatToPay()
    {
        Diagnostic d = Single(Errors(Deal(waterfall: "pay Notes\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq")), "DL0213");

        Assert.Equal("cannot pay 'Notes'; say what to pay: Notes.interest, Notes.principal or Notes.balance", d.Message);
        At(d, 11, 9);
    }

    [Fact]
    public void AFeeIsPaidAsAWhole()
    {
        var diagnostics = Errors(Deal(
            "  fee Opex { 1m per year }",
            "pay Opex.due\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq"));

        Assert.Equal("cannot pay 'Opex.due'; a fee is paid as a whole: write 'pay Opex'", Single(diagnostics, "DL0213").Message);
    }

    [Fact]
    public void AnUnknownPayTargetSuggestsATrancheOrFee()
    {
        Diagnostic d = Single(Errors(Deal(waterfall: "pay Note.interest\n    pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq")), "DL0202");

        Assert.Equal("'Note' is not declared in deal 'D'; did you mean 'Notes'?", d.Message);
    }

    [Fact]
    public void ALesseeMustBeAParty()
    {
        var diagnostics = Errors(Deal(
            "  facility Campus { cost 1bn value straight_line 30y }\n" +
            "  lease L on Campus { lessee Campus rent 10m per year starts 2025-01-01 term 4y }"));

        Assert.Equal("'Campus' is a facility; the lessee of lease 'L' must be a party", Single(diagnostics, "DL0205").Message);
    }

    [Fact]
    public void AnUnknownFunctionSuggestsTheClosestOne()
    {
        Diagnostic d = Single(TestErrors("mn(cfads, debt_service)"), "DL0208");

        Assert.Equal("there is no function 'mn'; did you mean 'min'? (functions: min, max, abs)", d.Message);
    }

    [Theory]
    [InlineData("abs(cfads, debt_service)", "abs takes one value, not 2")]
    [InlineData("max(cfads)", "max takes at least two values, not 1")]
    public void FunctionsCheckTheirArgumentCount(string expression, string message)
    {
        Assert.Equal(message, Single(TestErrors(expression), "DL0209").Message);
    }

    [Fact]
    public void AFeeCannotReadCfadsWhichIsComputedFromTheFees()
    {
        var diagnostics = Errors(Deal("  fee Opex { 1% of cfads per year }"));

        Diagnostic d = Single(diagnostics, "DL0210");
        Assert.StartsWith("the amount of fee 'Opex' cannot read 'cfads': fees are worked out", d.Message, StringComparison.Ordinal);
        At(d, 9, 20); // "  fee Opex { 1% of " is 19 characters
    }

    [Fact]
    public void ATestCannotReadATrigger()
    {
        var diagnostics = Errors(Deal("  trigger Trap when cfads < 0 => trap\n  test T = Trap"));

        Assert.StartsWith("test 'T' cannot read trigger 'Trap'", Single(diagnostics, "DL0212").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATriggerMayReadEarlierTriggersOnly()
    {
        var diagnostics = Errors(Deal("  trigger A when B => trap\n  trigger B when cfads < 0 and not A => trap"));

        Assert.Equal("trigger 'A' reads trigger 'B', which is declared after it; declare 'B' first", Single(diagnostics, "DL0211").Message);
    }
}
