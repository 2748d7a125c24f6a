using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>Spans are 1-based and run from the first character to the last (inclusive). Expected positions
/// were counted by hand in the texts below.</summary>
public sealed class SpanTests
{
    private static void AssertSpan(SourceSpan span, int line, int column, int endLine, int endColumn) =>
        Assert.Equal((ParseHelper.Path, line, column, endLine, endColumn), (span.Path, span.Line, span.Column, span.EndLine, span.EndColumn));

    [Fact]
    public void NodesInASmallDeal()
    {
        //           1234567890123456789
        string text = "deal X {\n" +
                      "  test T = a + bb\n" +
                      "}";
        DealSyntax deal = ParseHelper.ParseDeal(text);
        AssertSpan(deal.Span, 1, 1, 3, 1);
        AssertSpan(deal.Name.Span, 1, 6, 1, 6);

        TestSyntax test = Assert.IsType<TestSyntax>(Assert.Single(deal.Declarations));
        AssertSpan(test.Span, 2, 3, 2, 17);
        AssertSpan(test.Name.Span, 2, 8, 2, 8);

        BinaryExpressionSyntax sum = Assert.IsType<BinaryExpressionSyntax>(test.Expression);
        AssertSpan(sum.Span, 2, 12, 2, 17);
        AssertSpan(sum.Left.Span, 2, 12, 2, 12);
        AssertSpan(sum.Right.Span, 2, 16, 2, 17);
    }

    [Fact]
    public void ParenthesesSpanTheInnerExpression()
    {
        // "deal X { test T = (a) }": 'a' is column 20.
        DealSyntax deal = ParseHelper.ParseDeal("deal X { test T = (a) }");
        AssertSpan(Assert.IsType<TestSyntax>(deal.Declarations[0]).Expression.Span, 1, 20, 1, 20);
    }

    [Fact]
    public void NodesInTheHyperionSample()
    {
        DealSyntax deal = ParseHelper.ParseDeal(ParsingSamples.Hyperion);
        TrancheSyntax notes = deal.OfKind<TrancheSyntax>().First();

        // Line 24 is "  tranche Notes {", line 29 its closing "  }".
        AssertSpan(notes.Span, 24, 3, 29, 3);
        AssertSpan(notes.Name.Span, 24, 11, 24, 15);
        // Line 25 is "    balance  27.3bn": the literal is columns 14..19.
        AssertSpan(notes.Balance!.Span, 25, 14, 25, 19);

        // Line 34 is "  account Dsra { target 6m of debt_service  initial 0  earns 4% }": '6m' starts at
        // column 25 (2 spaces, 'account' 3-9, 'Dsra' 11-14, '{' 16, 'target' 18-23) and the 18 characters
        // of '6m of debt_service' end at 42.
        AccountSyntax dsra = deal.OfKind<AccountSyntax>().Single();
        DurationOfSyntax target = Assert.IsType<DurationOfSyntax>(dsra.Target);
        AssertSpan(target.Span, 34, 25, 34, 42);
        AssertSpan(target.Duration.Span, 34, 25, 34, 26);
    }

    [Fact]
    public void ScenarioSpan()
    {
        (CompilationUnitSyntax unit, _) = ParseHelper.Parse("\n\nscenario S for D {\n  Meta defaults on 2030-01-01\n}\n");
        ScenarioSyntax scenario = Assert.Single(unit.Scenarios);
        AssertSpan(scenario.Span, 3, 1, 5, 1);
        AssertSpan(scenario.Items[0].Span, 4, 3, 4, 29);
    }

    [Fact]
    public void DiagnosticsPointAtTheOffendingToken()
    {
        // Column 27 is where the impossible date starts.
        (_, var diagnostics) = ParseHelper.Parse("deal X {\n  closing    2025-02-30\n}");
        Diagnostic invalid = Assert.Single(diagnostics);
        Assert.Equal("DL0103", invalid.Code);
        AssertSpan(invalid.Span, 2, 14, 2, 23);
        Assert.Equal("test.deal(2,14): error DL0103: 2025-02-30 is not a valid date", invalid.ToString());
    }
}
