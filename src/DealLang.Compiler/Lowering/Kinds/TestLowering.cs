using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A test as a <see cref="TestModel"/>, listed in evaluation order (each after the tests it reads);
/// <c>Index</c> is the position in that order. No trailing window is one period; no <c>from</c> is tested from the
/// first period (a <c>from</c> on one of the schedule's dates as rolled names its period as paid, <see cref="Lowerer.NamedByDate"/>); <c>over next D</c> is D in whole months (DL0343 refuses any other).</summary>
internal sealed class TestLowering : DeclarationLowering<TestSyntax, TestModel>
{
    public override DeclarationKind Kind => DeclarationKind.Test;

    protected override IReadOnlyList<Symbol> InModelOrder(Lowerer lowerer)
    {
        IReadOnlyList<Symbol> tests = lowerer.SymbolsOf(Kind);
        return [.. lowerer.Analysis.TestOrder.Select(declaration => tests[declaration])];
    }

    protected override TestModel Lower(TestSyntax test, Symbol symbol, int index, Lowerer lowerer)
    {
        int trailing = test.Trailing is { } window
            ? DurationRules.TrailingPeriods(window, lowerer.MonthsPerPeriod, out _)
            : 1;
        int forward = test.Next is { } next ? DurationRules.WholeMonths(next, out _) : 0;
        return new TestModel(
            symbol.Name, index, lowerer.BoundOf(test.Expression) ?? new ConstantExpression(0, Unit.Number), trailing,
            test.From?.Value is { } from ? lowerer.NamedByDate(from) : null, forward);
    }
}
