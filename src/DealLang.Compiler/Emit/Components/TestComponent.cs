using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A test's state in the generated C#.</summary>
internal sealed class TestState : EntityState
{
    public TestState(TestModel model)
        : base(DeclarationKind.Test, model.Name, model.Index)
    {
        Model = model;
        Value = Local("value", "double", StateLife.Period, ledger: new LedgerSlot(LedgerSection.Measures, model.Name, ColumnKindOf(model)));
        Window = Static("window", "int");
        ForwardLast = Static("forwardLast", "int[]");
    }

    public TestModel Model { get; }

    public StateVar Value { get; }

    /// <summary>A trailing test's number of periods.</summary>
    public StateVar Window { get; }

    /// <summary>A forward test's last period of the window, per period (<c>ForwardWindow.LastPeriods</c>).</summary>
    public StateVar ForwardLast { get; }

    private static ColumnKind ColumnKindOf(TestModel test) => test.Expression.Unit switch
    {
        Unit.Money => ColumnKind.Money,
        Unit.Rate => ColumnKind.Rate,
        Unit.Measure => ColumnKind.Number,
        _ => ColumnKind.Ratio,
    };
}

/// <summary>
/// Tests: a value per period, each after the tests it reads (evaluation order), summed over a trailing window from
/// the flows' history when the test has one, or projected over the periods ahead when it is forward-looking
/// (<c>over next D</c>: debt service and cfads), n/a (NaN) before its <c>from</c> date. A test receives, owes, holds
/// and carries nothing, is the target of no step and is not collateral.
/// </summary>
internal sealed class TestComponent(EmitContext ctx)
    : EmitterComponent<TestState>(ctx, () => ctx.TestsByIndex.Select(t => new TestState(t)))
{
    public override DeclarationKind Kind => DeclarationKind.Test;

    public override string DescriptionProperty => "Tests";

    public override IEnumerable<string> DescriptionElements() => States.Select(t => CSharpLiterals.String(t.Name));

    /// <summary>In evaluation order, each over its trailing window (a forward test keeps no history: 1).</summary>
    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Tests.Select(t => (t.Expression, t.ForwardMonths > 0 ? 1 : t.TrailingPeriods));

    public override string? Read(Quantity quantity, int index) =>
        quantity == Quantity.TestValue ? this[index].Value.Name : null;

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var test in States)
        {
            if (test.Model.TrailingPeriods > 1)
            {
                w.Line();
                w.Comment(test.Name + ": periods in its trailing window.");
                w.Line("private const int " + test.Window + " = " + CSharpLiterals.Int(test.Model.TrailingPeriods) + ";");
            }

            if (test.Model.ForwardMonths > 0)
            {
                w.Line();
                // On the dates as rolled when business days move them: the next 12 months of a quarter paid on Friday
                // 2029-09-28 are the four quarters to 2030-09-30, not the three whose ends as paid fall by 2030-09-28.
                w.Comment(test.Name + ": the last period of each period's window, the next " + CSharpLiterals.Int(test.Model.ForwardMonths) + " months"
                    + (Ctx.Model.RolledBoundaries.IsEmpty ? "." : " of the schedule as rolled."));
                w.Line("private static readonly int[] " + test.ForwardLast + " = ForwardWindow.LastPeriods("
                    + (Ctx.Model.RolledBoundaries.IsEmpty ? "Boundaries" : "RolledDates") + ", "
                    + CSharpLiterals.Int(test.Model.ForwardMonths) + ", ScheduledPeriods);");
            }
        }
    }

    // 3. In dependency order (the model's), each after the tests it reads.
    public override void WriteTests(IndentedWriter w)
    {
        foreach (var model in Ctx.TestsInOrder)
        {
            var test = this[model.Index];
            ExpressionWindow? window = model.ForwardMonths > 0 ? new ExpressionWindow(test.ForwardLast.Name, Forward: true)
                : model.TrailingPeriods > 1 ? new ExpressionWindow(test.Window.Name, Forward: false)
                : null;
            w.Comment(test.Name + (window is null ? "" : window.Forward ? ", its debt service and cfads projected over the periods ahead" : ", over its trailing window") + (model.From is { } start ? ", tested from " + start.ToString() + " (n/a before)" : ""));
            string expression = CSharpEmitter.Expression(Ctx, model.Expression, window);

            // Before 'from' the value is n/a (NaN: comparisons with it are false). The history is written
            // every period all the same, so the first tested period sums a whole trailing window.
            w.Line(test.Value + " = " + (model.From is { } from ? "periodEnd >= " + Ctx.DateConstant(from) + " ? " + expression + " : double.NaN" : expression) + ";");
            w.Line(Ctx.ResultRow("TestValues", CSharpLiterals.Int(test.Index)) + "[t] = " + test.Value + ";");
        }
    }
}
