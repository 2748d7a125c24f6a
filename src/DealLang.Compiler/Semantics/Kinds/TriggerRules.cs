using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>trigger CashTrap when Dscr &lt; 1.10x from 2030-11-30 =&gt; trap, sweep 50% to Notes</c>: a condition the
/// waterfall reads by its bare name, and its effects.</summary>
internal sealed class TriggerRules : DeclarationRules<TriggerSyntax>
{
    /// <summary>The effects a trigger may have, for messages and suggestions.</summary>
    internal static readonly string[] EffectWords = ["trap", "event_of_default", "sweep", "accelerate"];

    public override DeclarationKind Kind => DeclarationKind.Trigger;

    public override KindReading Reading { get; } = new KindReading.ByName(Quantity.TriggerActive, Unit.Bool);

    protected override void Bind(TriggerSyntax trigger, Binder binder)
    {
        binder.BindTerms(trigger.Condition);
        foreach (TriggerEffectSyntax effect in SyntaxWalk.Safe(trigger.Effects))
        {
            switch (effect)
            {
                case SweepEffectSyntax sweep:
                    binder.RequireKind(sweep.Tranche, SymbolKind.Tranche, "a trigger's sweep needs a tranche");
                    break;
                case AccelerateEffectSyntax accelerate:
                    foreach (NameSyntax tranche in SyntaxWalk.Safe(accelerate.Tranches))
                    {
                        binder.RequireKind(tranche, SymbolKind.Tranche, "accelerate needs tranches");
                    }

                    break;
            }
        }
    }

    protected override void CheckTerms(TriggerSyntax trigger, TypeChecker checker) =>
        checker.Condition(trigger.Condition, new ExpressionContext(
            ContextKind.Trigger, $"the condition of trigger '{trigger.Name?.Text}'", checker.Analysis.Symbols.For(trigger)));

    /// <summary>
    /// Each effect known (DL0416); a sweep's share a rate (DL0302) in [0%, 100%] (DL0307); an event of default with an
    /// enforcement block to start (DL0454, a warning as for the default rule); no effect twice in one trigger, nor a
    /// tranche twice in one <c>accelerate</c> (DL0455).
    /// </summary>
    protected override void CheckStructure(TriggerSyntax trigger, DealChecks checks)
    {
        string name = trigger.Name?.Text ?? "";
        var seen = new Dictionary<string, TriggerEffectSyntax>(StringComparer.Ordinal);
        foreach (TriggerEffectSyntax effect in SyntaxWalk.Safe(trigger.Effects))
        {
            string? key = null;
            switch (effect)
            {
                case NamedEffectSyntax { Word.Text: "trap" or "event_of_default" } named:
                    key = named.Word.Text;
                    if (key == "event_of_default" && checks.Analysis.Enforcement is null && !checks.Analysis.HasUnknownDeclarations)
                    {
                        checks.Diagnostics.Add(DiagnosticCatalogue.TriggerDefaultWithoutEnforcement(named.Span, name));
                    }

                    break;
                case NamedEffectSyntax { Word.Text.Length: > 0 } named:
                    checks.Diagnostics.Add(DiagnosticCatalogue.UnknownTriggerEffect(
                        named.Word.Span, named.Word.Text, NameSuggestions.Closest(named.Word.Text, EffectWords.Where(w => w != named.Word.Text))));
                    break;
                case SweepEffectSyntax sweep:
                    key = "sweep to " + sweep.Tranche?.Text;
                    CheckShare(sweep.Share, checks);
                    break;
                case AccelerateEffectSyntax accelerate:
                    key = "accelerate";
                    var named2 = new HashSet<string>(StringComparer.Ordinal);
                    foreach (NameSyntax tranche in SyntaxWalk.Safe(accelerate.Tranches))
                    {
                        if (!named2.Add(tranche.Text))
                        {
                            checks.Diagnostics.Add(DiagnosticCatalogue.TriggerEffectRepeated(tranche.Span, name, "tranche '" + tranche.Text + "' in 'accelerate'"));
                        }
                    }

                    break;
            }

            if (key is not null && !seen.TryAdd(key, effect))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.TriggerEffectRepeated(effect.Span, name, "'" + key + "'"));
            }
        }

        checks.RequireWithinDeal(trigger.From, $"the 'from' date of trigger '{name}'", checks.Maturity, "the deal's maturity");
    }

    private static void CheckShare(LiteralSyntax? share, DealChecks checks)
    {
        const string what = "the share a trigger's 'sweep' pays";
        if (share is null)
        {
            return;
        }

        if (share.Kind != LiteralKind.Rate)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.WrongUnit(share.Span, what, "a rate (such as 50%)", UnitNames.Described(TypeChecker.UnitOf(share.Kind))));
        }
        else if (share.Value is < 0 or > 1)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.FractionOutOfRange(share.Span, what, share.Value));
        }
    }
}
