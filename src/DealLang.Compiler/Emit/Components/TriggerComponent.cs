using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A trigger's state in the generated C#.</summary>
internal sealed class TriggerState : EntityState
{
    public TriggerState(TriggerModel model)
        : base(DeclarationKind.Trigger, model.Name, model.Index)
    {
        Model = model;
        Active = Local("active", "bool", StateLife.Period, ledger: new LedgerSlot(LedgerSection.Flags, model.Name, ColumnKind.Flag));
    }

    public TriggerModel Model { get; }

    public StateVar Active { get; }

    public override string Heading => Name + " (trigger, " + Model.Effect + ")";
}

/// <summary>
/// Triggers: a flag per period (its condition, from its <c>from</c> date), after the tests, which waterfall
/// conditions read. A trigger receives, owes, holds and carries nothing, is the target of no step and is not
/// collateral.
/// </summary>
internal sealed class TriggerComponent(EmitContext ctx)
    : EmitterComponent<TriggerState>(ctx, () => ctx.Model.Triggers.Select(t => new TriggerState(t)))
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;

    public override string DescriptionProperty => "Triggers";

    public override IEnumerable<string> DescriptionElements() => States.Select(t => CSharpLiterals.String(t.Name));

    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Triggers.Select(t => (t.Condition, 1));

    public override string? Read(Quantity quantity, int index) =>
        quantity == Quantity.TriggerActive ? this[index].Active.Name : null;

    public override void WriteTests(IndentedWriter w)
    {
        foreach (var trigger in States)
        {
            var model = trigger.Model;
            string condition = model.From is { } from
                ? "periodEnd >= " + Ctx.DateConstant(from) + " && " + CSharpEmitter.Operand(Ctx, model.Condition, null)
                : CSharpEmitter.Expression(Ctx, model.Condition, null);
            w.Comment(trigger.Name + " (effect: " + model.Effect + ")");
            w.Line(trigger.Active + " = " + condition + ";");
            w.Line("result.TriggerActive[" + CSharpLiterals.Int(trigger.Index) + "][t] = " + trigger.Active + ";");
        }
    }
}
