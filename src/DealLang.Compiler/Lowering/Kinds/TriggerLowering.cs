using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A trigger as a <see cref="TriggerModel"/>. Default effect: trap (the only one the checks accept).</summary>
internal sealed class TriggerLowering : DeclarationLowering<TriggerSyntax, TriggerModel>
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;

    protected override TriggerModel Lower(TriggerSyntax trigger, Symbol symbol, int index, Lowerer lowerer) => new(
        symbol.Name, index,
        lowerer.BoundOf(trigger.Condition) ?? new ConstantExpression(0, Unit.Bool),
        trigger.From?.Value,
        trigger.Effect?.Text ?? "trap",
        trigger.TripsAfter ?? 1,
        trigger.CuresAfter ?? 1);
}
