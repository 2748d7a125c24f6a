using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A trigger as a <see cref="TriggerModel"/>: its effects as written (<see cref="TriggerModel.Effect"/>) and
/// the actions beyond its flag; <c>accelerate</c> without names accelerates every tranche.</summary>
internal sealed class TriggerLowering : DeclarationLowering<TriggerSyntax, TriggerModel>
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;

    protected override TriggerModel Lower(TriggerSyntax trigger, Symbol symbol, int index, Lowerer lowerer)
    {
        var effects = SyntaxWalk.Safe(trigger.Effects).ToList();
        var actions = ImmutableArray.CreateBuilder<TriggerAction>();
        foreach (TriggerEffectSyntax effect in effects)
        {
            switch (effect)
            {
                case SweepEffectSyntax sweep:
                    actions.Add(new SweepAction(lowerer.IndexOfName(sweep.Tranche), sweep.Share.Value));
                    break;
                case NamedEffectSyntax { Word.Text: "event_of_default" }:
                    actions.Add(new EventOfDefaultAction());
                    break;
                case AccelerateEffectSyntax accelerate:
                    var named = SyntaxWalk.Safe(accelerate.Tranches).Select(lowerer.IndexOfName).ToList();
                    actions.Add(new AccelerateAction(named.Count > 0
                        ? [.. named.Distinct()]
                        : [.. lowerer.SymbolsOf(DeclarationKind.Tranche).Select(t => t.Index)]));
                    break;
            }
        }

        return new(
            symbol.Name, index,
            lowerer.BoundOf(trigger.Condition) ?? new ConstantExpression(0, Unit.Bool),
            trigger.From?.Value is { } from ? lowerer.NamedByDate(from) : null, // a scheduled date names its period as paid
            effects.Count == 0 ? "trap" : string.Join(", ", effects.Select(Text)),
            trigger.TripsAfter ?? 1,
            trigger.CuresAfter ?? 1,
            actions.Count == 0 ? default : actions.ToImmutable(),
            LowerCure(trigger, lowerer));
    }

    // The checks (TriggerRules.WatchedTest) let a cure through only on 'Test < K' over a test 'cfads / X', and only with a
    // destination (DL0457): its tranches (a repeat, warned about by DL0455, prepays nothing more) or its account.
    private static EquityCureModel? LowerCure(TriggerSyntax trigger, Lowerer lowerer)
    {
        if (trigger.Cure is not { } cure
            || lowerer.BoundOf(trigger.Condition) is not BinaryExpression { Left: QuantityExpression { Quantity: Quantity.TestValue } test, Right: ConstantExpression threshold }
            || TriggerRules.WatchedTest(trigger, lowerer.Analysis, out _) is not { } watched
            || lowerer.BoundOf(watched.Expression) is not BinaryExpression { Right: var denominator })
        {
            return null;
        }

        return new EquityCureModel(lowerer.IndexOfName(cure.Equity), cure.Times ?? 1, test.Index, threshold.Value, denominator,
            [.. SyntaxWalk.Safe(cure.Prepaying).Select(lowerer.IndexOfName).Distinct()], cure.Into is { } into ? lowerer.IndexOfName(into) : -1);
    }

    /// <summary>An effect as written: <c>trap</c>, <c>sweep 50% to Notes</c>, <c>accelerate (A, B)</c>.</summary>
    private static string Text(TriggerEffectSyntax effect) => effect switch
    {
        NamedEffectSyntax named => named.Word?.Text ?? "",
        SweepEffectSyntax sweep => $"sweep {sweep.Share?.Text} to {sweep.Tranche?.Text}",
        AccelerateEffectSyntax { Tranches.IsDefaultOrEmpty: true } => "accelerate",
        AccelerateEffectSyntax accelerate => $"accelerate ({string.Join(", ", SyntaxWalk.Safe(accelerate.Tranches).Select(t => t.Text))})",
        _ => "",
    };
}
