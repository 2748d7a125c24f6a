using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>Expression shapes: precedence, associativity, 'of', calls and literals in context.</summary>
public sealed class ExpressionTests
{
    // A compact rendering of the tree: binary nodes in parentheses, literals as value:kind.
    private static string Show(ExpressionSyntax expression) => expression switch
    {
        BinaryExpressionSyntax b => $"({Show(b.Left)} {b.Operator} {Show(b.Right)})",
        UnaryExpressionSyntax u => $"({u.Operator} {Show(u.Operand)})",
        DurationOfSyntax d => $"({d.Duration.Amount}{d.Duration.Unit} DurationOf {Show(d.Flow)})",
        CallExpressionSyntax c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Show))})",
        LiteralSyntax l => FormattableString.Invariant($"{l.Value}:{l.Kind}"),
        DateLiteralSyntax d => d.Value.ToString(),
        ReferenceSyntax r => r.ToString(),
        _ => expression.GetType().Name,
    };

    [Theory]
    // Precedence, tightest first: unary minus, of, * /, + -, comparisons, not, and, or.
    [InlineData("1 + 2 * 3", "(1:Number Add (2:Number Multiply 3:Number))")]
    [InlineData("a - b - c", "((a Subtract b) Subtract c)")]
    [InlineData("a / b * c", "((a Divide b) Multiply c)")]
    [InlineData("(1 + 2) * 3", "((1:Number Add 2:Number) Multiply 3:Number)")]
    [InlineData("-a * b", "((Negate a) Multiply b)")]
    [InlineData("a * 1% of b", "(a Multiply (0.01:Rate Of b))")]
    [InlineData("a + b < c", "((a Add b) Less c)")]
    [InlineData("not a < b and c", "((Not (a Less b)) And c)")]
    [InlineData("a or b and c", "(a Or (b And c))")]
    [InlineData("a <= b", "(a LessOrEqual b)")]
    [InlineData("a >= b", "(a GreaterOrEqual b)")]
    [InlineData("a == b", "(a Equal b)")]
    [InlineData("a != b", "(a NotEqual b)")]
    [InlineData("max(Notes.balance, 1bn) - min(0, a)", "(max(Notes.balance, 1000000000:Money) Subtract min(0:Number, a))")]
    [InlineData("date >= 2030-11-30", "(date GreaterOrEqual 2030-11-30)")]
    public void Shapes(string text, string expected) =>
        Assert.Equal(expected, Show(ParseHelper.ParseTestExpression(text)));

    [Theory]
    // A time suffix on the left of 'of' makes a duration; 'm' there is months, not millions.
    [InlineData("6m of debt_service", "(6Months DurationOf debt_service)")]
    [InlineData("2y of Notes.interest", "(2Years DurationOf Notes.interest)")]
    [InlineData("90d of cfads", "(90Days DurationOf cfads)")]
    [InlineData("2w of cfads", "(2Weeks DurationOf cfads)")]
    [InlineData("6m of debt_service + 1bn", "((6Months DurationOf debt_service) Add 1000000000:Money)")]
    [InlineData("6bn of cfads", "(6000000000:Money Of cfads)")]
    [InlineData("1% of 6m of cfads", "((0.01:Rate Of 6000000:Money) Of cfads)")]
    public void DurationOf(string text, string expected) =>
        Assert.Equal(expected, Show(ParseHelper.ParseTestExpression(text)));

    [Fact]
    public void ParenthesesGiveTheInnerNode()
    {
        ExpressionSyntax expression = ParseHelper.ParseTestExpression("((a))");
        Assert.Equal("a", Assert.IsType<ReferenceSyntax>(expression).ToString());
    }

    [Fact]
    public void DateInAnExpression()
    {
        DateLiteralSyntax date = Assert.IsType<DateLiteralSyntax>(ParseHelper.ParseTestExpression("2030-11-30"));
        Assert.Equal(new Date(2030, 11, 30), date.Value);
    }

    [Fact]
    public void ALongChainIsALeftDeepTreeBuiltWithoutDeepRecursion()
    {
        // 20 000 terms: the parser loops over a chain, and so must the tree builder.
        const int terms = 20_000;
        string text = string.Join(" + ", Enumerable.Repeat("1", terms));
        ExpressionSyntax expression = ParseHelper.ParseTestExpression(text);

        int depth = 0;
        while (expression is BinaryExpressionSyntax { Operator: BinaryOperator.Add } add)
        {
            Assert.IsType<LiteralSyntax>(add.Right);
            expression = add.Left;
            depth++;
        }

        Assert.Equal(terms - 1, depth);
    }
}
