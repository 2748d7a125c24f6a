using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>trigger CashTrap when Dscr &lt; 1.10x from 2030-11-30 =&gt; trap</c>: a condition the waterfall reads by
/// its bare name.</summary>
internal sealed class TriggerRules : DeclarationRules<TriggerSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;

    public override KindReading Reading { get; } = new KindReading.ByName(Quantity.TriggerActive, Unit.Bool);

    protected override void Bind(TriggerSyntax trigger, Binder binder) => binder.BindTerms(trigger.Condition);

    protected override void CheckTerms(TriggerSyntax trigger, TypeChecker checker) =>
        checker.Condition(trigger.Condition, new ExpressionContext(
            ContextKind.Trigger, $"the condition of trigger '{trigger.Name?.Text}'", checker.Analysis.Symbols.For(trigger)));

    protected override void CheckStructure(TriggerSyntax trigger, DealChecks checks)
    {
        if (trigger.Effect is { Text.Length: > 0 } effect && effect.Text != "trap")
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.UnknownTriggerEffect(effect.Span, effect.Text, NameSuggestions.Closest(effect.Text, ["trap"])));
        }

        checks.RequireWithinDeal(trigger.From, $"the 'from' date of trigger '{trigger.Name?.Text}'", checks.Maturity, "the deal's maturity");
    }
}
