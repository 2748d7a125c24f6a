using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>Tests are evaluated after the tests they read; cycles are errors that name the cycle.</summary>
public sealed class TestOrderTests
{
    [Fact]
    public void ATwoTestCycleIsNamedInReadingOrderAtTheFirstTest()
    {
        var diagnostics = Errors(Deal("  test A = B + 1x\n  test B = A * 2"));

        Diagnostic d = Single(diagnostics, "DL0414");
        Assert.Equal("tests depend on each other in a cycle: A → B → A", d.Message);
        At(d, 9, 8);
        Assert.Single(diagnostics); // the cycle, not unit errors caused by it
    }

    [Fact]
    public void ATestReadingItselfIsACycleOfOne()
    {
        Assert.Equal("test 'A' depends on itself", Single(Errors(Deal("  test A = A + 1x")), "DL0414").Message);
    }

    [Fact]
    public void ALongerCycleIsReportedOnceWhereverItIsEntered()
    {
        var diagnostics = Errors(Deal("  test X = C * 1\n  test A = C + 1x\n  test B = A * 2\n  test C = B / 2"));

        Assert.Equal("tests depend on each other in a cycle: A → C → B → A", Single(diagnostics, "DL0414").Message);
    }

    [Fact]
    public void TestsAreOrderedAfterWhatTheyReadAndIndexedByThatOrder()
    {
        DealModel model = ModelOf(Deal("  test C = A + B\n  test A = cfads / debt_service\n  test B = A * 2"));

        Assert.Equal(["A", "B", "C"], model.Tests.Select(t => t.Name));
        Assert.Equal([0, 1, 2], model.Tests.Select(t => t.Index));

        // B reads A (position 0); C reads A and B (positions 0 and 1), and has their unit, a ratio.
        var b = Assert.IsType<BinaryExpression>(model.Tests[1].Expression);
        Assert.Equal(new QuantityExpression(Quantity.TestValue, 0, Unit.Ratio, false), b.Left);
        var c = Assert.IsType<BinaryExpression>(model.Tests[2].Expression);
        Assert.Equal(new QuantityExpression(Quantity.TestValue, 0, Unit.Ratio, false), c.Left);
        Assert.Equal(new QuantityExpression(Quantity.TestValue, 1, Unit.Ratio, false), c.Right);
        Assert.Equal(Unit.Ratio, c.Unit);
    }

    [Fact]
    public void IndependentTestsKeepDeclarationOrder()
    {
        DealModel model = ModelOf(Deal("  test Z = cfads / debt_service\n  test Y = Notes.balance\n  test X = Notes.coupon"));

        Assert.Equal(["Z", "Y", "X"], model.Tests.Select(t => t.Name));
    }

    [Fact]
    public void TriggersAndTheWaterfallReadTestsByTheirPosition()
    {
        DealModel model = ModelOf(Deal(
            "  test Later = Early * 2\n  test Early = cfads / debt_service\n  trigger Trap when Later < 1.10x => trap",
            "pay Notes.interest\n    pay Notes.principal\n    if Early > 2x { pay Notes.balance }\n    distribute rest to Eq"));

        var trigger = Assert.IsType<BinaryExpression>(model.Triggers[0].Condition);
        Assert.Equal(new QuantityExpression(Quantity.TestValue, 1, Unit.Ratio, false), trigger.Left); // Later is second
        var branch = Assert.IsType<IfStep>(model.Waterfall[2]);
        Assert.Equal(new QuantityExpression(Quantity.TestValue, 0, Unit.Ratio, false), ((BinaryExpression)branch.Condition).Left);
    }
}
