using DealLang.Compiler.Emit;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using Microsoft.CodeAnalysis;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>BoundExpression → C#: precedence, n/a-safe ratios, built-ins, and that the values computed are right.</summary>
public class ExpressionTests
{
    private static readonly QuantityExpression C = new(Quantity.Collections, 0, Unit.Money, IsFlow: true);
    private static readonly QuantityExpression I = new(Quantity.TrancheInterestDue, 0, Unit.Money, IsFlow: true);
    private static readonly QuantityExpression P = new(Quantity.TranchePrincipalDue, 0, Unit.Money, IsFlow: true);

    private static BinaryExpression Op(BoundBinaryOperator op, BoundExpression l, BoundExpression r, Unit unit = Unit.Money) => new(op, l, r, unit);

    private static ConstantExpression K(double value, Unit unit = Unit.Number) => new(value, unit);

    [Fact]
    public void ParenthesesFollowCSharpPrecedence()
    {
        var tests = new BoundExpression[]
        {
            Op(BoundBinaryOperator.Subtract, C, Op(BoundBinaryOperator.Subtract, I, P)),                 // X1
            Op(BoundBinaryOperator.Subtract, Op(BoundBinaryOperator.Subtract, C, I), P),                 // X2
            Op(BoundBinaryOperator.Multiply, Op(BoundBinaryOperator.Add, C, I), K(-2)),                  // X3
            Op(BoundBinaryOperator.Divide, C, K(4)),                                                // X4
            Op(BoundBinaryOperator.Divide, C, P, Unit.Ratio),                                       // X5
            new CallExpression(BuiltinFunction.Min, [C, I, P], Unit.Money),                   // X6
            new UnaryExpression(BoundUnaryOperator.Negate, Op(BoundBinaryOperator.Add, C, I), Unit.Money), // X7
        };
        string source = CSharpEmitter.Emit(HyperionModel.Create(extraTests: tests)).Source;

        Assert.Contains("test_X1_value = collections - (tranche_Notes_interestDue - tranche_Notes_principalDue);", source, StringComparison.Ordinal);
        Assert.Contains("test_X2_value = collections - tranche_Notes_interestDue - tranche_Notes_principalDue;", source, StringComparison.Ordinal);
        Assert.Contains("test_X3_value = (collections + tranche_Notes_interestDue) * (-2.0);", source, StringComparison.Ordinal);
        Assert.Contains("test_X4_value = collections / 4.0;", source, StringComparison.Ordinal);
        Assert.Contains("test_X5_value = Flows.Ratio(collections, tranche_Notes_principalDue);", source, StringComparison.Ordinal);
        Assert.Contains("test_X6_value = Math.Min(collections, Math.Min(tranche_Notes_interestDue, tranche_Notes_principalDue));", source, StringComparison.Ordinal);
        Assert.Contains("test_X7_value = -(collections + tranche_Notes_interestDue);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCompiledExpressionsComputeWhatTheyShould()
    {
        var tests = new BoundExpression[]
        {
            Op(BoundBinaryOperator.Subtract, C, Op(BoundBinaryOperator.Subtract, I, P)),
            Op(BoundBinaryOperator.Subtract, Op(BoundBinaryOperator.Subtract, C, I), P),
            Op(BoundBinaryOperator.Divide, C, P, Unit.Ratio),
            new CallExpression(BuiltinFunction.Max, [I, P], Unit.Money),
        };
        using var deal = DealHarness.Load(HyperionModel.Create(extraTests: tests));
        var result = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        var ledger = result.Ledger!;

        for (int t = 0; t < HyperionModel.Periods; t++)
        {
            double c = ledger[t, deal.Column("collections")];
            double i = ledger[t, deal.Column("Notes interest due")];
            double p = ledger[t, deal.Column("Notes principal due")];
            Assert.Equal(c - (i - p), result.TestValues[1][t]);
            Assert.Equal(c - i - p, result.TestValues[2][t]);
            Assert.Equal(Math.Max(i, p), result.TestValues[4][t]);

            // No principal is due in interest-only periods: the ratio is n/a there, not infinity.
            if (p == 0)
            {
                Assert.True(double.IsNaN(result.TestValues[3][t]));
            }
            else
            {
                Assert.Equal(c / p, result.TestValues[3][t]);
            }
        }

        Assert.True(double.IsNaN(result.TestValues[3][0]));
        Assert.Equal(ColumnKind.Ratio, deal.Program.Layout.Columns[deal.Column("X3")].Kind);
        Assert.Equal(ColumnKind.Money, deal.Program.Layout.Columns[deal.Column("X1")].Kind);
    }

    [Fact]
    public void NotEqualIsFalseForNotApplicableRatios()
    {
        // X1 = collections / principal due (n/a in interest-only periods); X2 = 1 when X1 != 0, written as a trigger-like test.
        var ratio = Op(BoundBinaryOperator.Divide, C, P, Unit.Ratio);
        var differs = Op(BoundBinaryOperator.NotEqual, new QuantityExpression(Quantity.TestValue, 1, Unit.Ratio, false), K(0, Unit.Ratio), Unit.Bool);
        var model = HyperionModel.Create(extraTests: [ratio]);
        model = model with
        {
            Triggers = [model.Triggers[0], new TriggerModel("Differs", 1, differs, null, "trap")],
        };

        string source = CSharpEmitter.Emit(model).Source;
        Assert.Contains("trigger_Differs_active = NotEqual(test_X1_value, 0.0);", source, StringComparison.Ordinal);
        Assert.Contains("private static bool NotEqual(double left, double right)", source, StringComparison.Ordinal);

        using var deal = DealHarness.Load(model);
        var result = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        Assert.False(result.TriggerActive[1][0]); // n/a != 0 is false, as every comparison with n/a
        Assert.True(result.TriggerActive[1][20]);
    }

    [Fact]
    public void DateComparisonsReadHoistedDateConstants()
    {
        var late = Op(BoundBinaryOperator.GreaterOrEqual,
            new QuantityExpression(Quantity.PeriodEnd, 0, Unit.Date, false),
            new DateConstantExpression(new Date(2030, 1, 1)), Unit.Bool);
        var model = HyperionModel.Create();
        model = model with { Triggers = [model.Triggers[0], new TriggerModel("Late", 1, late, null, "trap")] };

        string source = CSharpEmitter.Emit(model).Source;
        Assert.Contains("private static readonly Date date_2030_01_01 = new Date(2030, 1, 1);", source, StringComparison.Ordinal);
        Assert.Contains("trigger_Late_active = periodEnd >= date_2030_01_01;", source, StringComparison.Ordinal);

        using var deal = DealHarness.Load(model);
        var result = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        Assert.False(result.TriggerActive[1][8]); // period 8 ends 2029-11-30
        Assert.True(result.TriggerActive[1][9]); // period 9 ends 2030-05-30
    }

    [Fact]
    public void AVeryLongSumIsEmittedBalancedAndCompiles()
    {
        // A deal file summing thousands of terms gives a left-deep tree thousands deep: neither the emitter nor the
        // generated code may recurse that deep, and Roslyn compiles a flat C# chain that long in super-linear time,
        // so it is written as a balanced tree (parentheses nested about log2(terms) deep).
        const int terms = 5000;
        BoundExpression sum = C;
        for (int k = 1; k < terms; k++)
        {
            sum = Op(BoundBinaryOperator.Add, sum, C);
        }

        var model = HyperionModel.Create(extraTests: [sum]);
        var emitted = CSharpEmitter.Emit(model);
        string line = emitted.Source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("test_X1_value = ", StringComparison.Ordinal)).Distinct().Single(); // the line of Run, RunSummary and RunDefaulted
        Assert.InRange(MaxParenthesisDepth(line), 1, 20);
        Assert.Empty(RoslynCompiler.CreateCompilation(emitted).GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));

        using var deal = DealHarness.Load(model);
        var result = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        Assert.Equal(terms * result.Collections[3], result.TestValues[1][3], terms * result.Collections[3] * 1e-12);
    }

    [Fact]
    public void ABalancedChainKeepsEverySign()
    {
        // collections - 1 + collections + 2 - collections + 3 ... : regrouping a - b + c as a - (b - c) must keep
        // each term's sign. The expected value is the same chain computed left to right here.
        const int terms = 1001;
        var signs = new List<(bool Subtract, double? Constant)>();
        BoundExpression chain = C;
        for (int k = 1; k < terms; k++)
        {
            bool subtract = k % 3 != 1;
            double? constant = k % 2 == 0 ? k * 1000.0 : null;
            signs.Add((subtract, constant));
            BoundExpression term = constant is { } value ? new ConstantExpression(value, Unit.Money) : C;
            chain = Op(subtract ? BoundBinaryOperator.Subtract : BoundBinaryOperator.Add, chain, term);
        }

        var model = HyperionModel.Create(extraTests: [chain]);
        string line = CSharpEmitter.Emit(model).Source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("test_X1_value = ", StringComparison.Ordinal)).Distinct().Single(); // the line of Run, RunSummary and RunDefaulted
        Assert.Contains(" - (", line, StringComparison.Ordinal); // a regrouped half that starts with a subtracted term
        using var deal = DealHarness.Load(model);
        var result = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        double collections = result.Collections[3];
        double expected = collections;
        foreach (var (subtract, constant) in signs)
        {
            double term = constant ?? collections;
            expected = subtract ? expected - term : expected + term;
        }

        Assert.Equal(expected, result.TestValues[1][3], Math.Abs(collections) * terms * 1e-12);
    }

    private static int MaxParenthesisDepth(string text)
    {
        int depth = 0, max = 0;
        foreach (char c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            max = Math.Max(max, depth);
        }

        return max;
    }

    [Fact]
    public void TrailingTestsReadAmountsPaidOverCompletedPeriods()
    {
        // X1 = Notes.interest_paid over trailing 12m (2 periods): paid amounts are known only after the waterfall, so
        // in period t the window is periods t-2 and t-1.
        var paid = new QuantityExpression(Quantity.TrancheInterestPaid, 0, Unit.Money, IsFlow: true);
        var model = HyperionModel.Create(extraTests: [paid]);
        model = model with { Tests = [model.Tests[0], model.Tests[1] with { TrailingPeriods = 2 }] };

        string source = CSharpEmitter.Emit(model).Source;
        Assert.Contains("test_X1_value = Flows.Trailing(history_tranche_Notes_interestPaid, t - 1, test_X1_window);", source, StringComparison.Ordinal);

        using var deal = DealHarness.Load(model);
        var result = deal.Run(deal.Inputs(_ => 2e9, t => 27e9 - (0.3e9 * t)));
        Assert.Equal(0.0, result.TestValues[1][0]);
        Assert.Equal(result.InterestPaid[0][0], result.TestValues[1][1]);
        Assert.Equal(result.InterestPaid[0][3] + result.InterestPaid[0][4], result.TestValues[1][5]);
    }
}
