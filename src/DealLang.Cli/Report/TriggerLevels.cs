using System.Collections.Immutable;
using DealLang.Compiler.Model;

namespace DealLang.Cli.Report;

/// <summary>
/// The levels the deal's triggers compare its tests with (<c>trigger CashTrap when Dscr &lt; 1.10x</c>: Dscr's level
/// 1.10x, named "CashTrap"), read from the bound model: every comparison of a test with a constant in a trigger's
/// condition, through <c>and</c>/<c>or</c>. A chart of a test draws them as dashed lines.
/// </summary>
internal sealed class TriggerLevels
{
    readonly Dictionary<string, ImmutableArray<ChartMark>> byTest;

    TriggerLevels(Dictionary<string, ImmutableArray<ChartMark>> byTest) => this.byTest = byTest;

    public static TriggerLevels Of(DealModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var marks = new Dictionary<string, List<ChartMark>>(StringComparer.Ordinal);
        foreach (var trigger in model.Triggers)
        {
            var pending = new Stack<BoundExpression>();
            pending.Push(trigger.Condition);
            while (pending.Count > 0)
            {
                if (pending.Pop() is not BinaryExpression binary)
                {
                    continue;
                }

                if (binary.Operator is BoundBinaryOperator.And or BoundBinaryOperator.Or)
                {
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    continue;
                }

                if (binary.Operator is BoundBinaryOperator.Less or BoundBinaryOperator.LessOrEqual
                    or BoundBinaryOperator.Greater or BoundBinaryOperator.GreaterOrEqual)
                {
                    var (test, level) = (binary.Left, binary.Right) switch
                    {
                        (QuantityExpression { Quantity: Quantity.TestValue } q, ConstantExpression k) => (q.Index, k.Value),
                        (ConstantExpression k, QuantityExpression { Quantity: Quantity.TestValue } q) => (q.Index, k.Value),
                        _ => (-1, double.NaN),
                    };
                    if (test >= 0 && test < model.Tests.Length)
                    {
                        string name = model.Tests[test].Name;
                        if (!marks.TryGetValue(name, out var list))
                        {
                            marks[name] = list = [];
                        }

                        list.Add(new ChartMark(trigger.Name, level));
                    }
                }
            }
        }

        return new TriggerLevels(marks.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>The levels of the test of that name, in trigger order; none when no trigger compares it with a constant.</summary>
    public ImmutableArray<ChartMark> Of(string test) => byTest.TryGetValue(test, out var marks) ? marks : [];
}
