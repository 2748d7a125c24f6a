using System.Collections.Immutable;
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
        if (trigger.Cure is { } cure)
        {
            binder.RequireKind(cure.Equity, SymbolKind.Equity, "an equity cure is paid in by an equity");
            foreach (NameSyntax tranche in SyntaxWalk.Safe(cure.Prepaying))
            {
                binder.RequireKind(tranche, SymbolKind.Tranche, "an equity cure prepays tranches");
            }

            if (cure.Into is { } account)
            {
                binder.RequireKind(account, SymbolKind.Account, "an equity cure is deposited in an account");
            }
        }

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
    /// tranche twice in one <c>accelerate</c> or an equity cure's <c>prepaying</c> (DL0455); an equity cure on a coverage
    /// test (DL0456) saying where its cash goes (DL0457).
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

        if (TrapReadByNothing(trigger, checks.Analysis, out List<string> readers))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.TrapReadByNothing(trigger.Name?.Span ?? trigger.Span, name, readers));
        }

        if (trigger.Cure is not null && WatchedTest(trigger, checks.Analysis, out string why) is null && why.Length > 0)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CureNeedsACoverageTest(trigger.Condition?.Span ?? trigger.Span, name, why));
        }

        CheckCureDestination(trigger, name, checks);

        checks.RequireWithinDeal(trigger.From, $"the 'from' date of trigger '{name}'", checks.Maturity, "the deal's maturity");
    }

    /// <summary>
    /// Whether the trigger's effects are <c>trap</c> alone (no sweep, acceleration, event of default or equity cure) and
    /// nothing that changes a figure reads it (DL0225): then it changes no figure, only its reported state. A read by
    /// another trigger that itself traps nothing changes nothing either, so the inert triggers are found together, as a
    /// fixpoint: every trap-only trigger starts inert, and one read anywhere but in the condition of an inert trigger
    /// (a waterfall step, the default rule, a trigger with an effect, a scenario) stops being so, until none changes. A
    /// trigger a reference names wrongly (DL0207, DL0205; read by itself or by a trigger declared before it, DL0211, as
    /// in a cycle of triggers reading each other) is not inert: the user meant to read it, and that error says what to
    /// fix; the trigger it reads back in a cycle is then read by a trigger that is not inert, so is not warned either. (A deal that holds another entity cannot read that entity's triggers, so the deal's own references
    /// are all there are.)
    /// </summary>
    static bool TrapReadByNothing(TriggerSyntax trigger, DealAnalysis analysis, out List<string> readers)
    {
        readers = [];
        if (analysis.Symbols.For(trigger) is not { } symbol)
        {
            return false;
        }

        Dictionary<Symbol, HashSet<ReferenceSyntax>> inert = InertTraps(analysis);
        if (!inert.ContainsKey(symbol))
        {
            return false;
        }

        foreach (TriggerSyntax reader in SyntaxWalk.Safe(analysis.Deal.Declarations).OfType<TriggerSyntax>())
        {
            if (analysis.Symbols.For(reader) is { } other && !ReferenceEquals(other, symbol) && inert.TryGetValue(other, out HashSet<ReferenceSyntax>? condition)
                && condition.Any(r => analysis.References.TryGetValue(r, out ResolvedReference? read) && ReferenceEquals(read.Symbol, symbol)))
            {
                readers.Add(reader.Name?.Text ?? "");
            }
        }

        return true;
    }

    /// <summary>The deal's inert trap-only triggers (see <see cref="TrapReadByNothing"/>), each with the references
    /// its condition holds.</summary>
    private static Dictionary<Symbol, HashSet<ReferenceSyntax>> InertTraps(DealAnalysis analysis)
    {
        var conditions = new Dictionary<Symbol, HashSet<ReferenceSyntax>>(ReferenceEqualityComparer.Instance);
        foreach (TriggerSyntax trigger in SyntaxWalk.Safe(analysis.Deal.Declarations).OfType<TriggerSyntax>())
        {
            ImmutableArray<TriggerEffectSyntax> effects = SyntaxWalk.Safe(trigger.Effects).ToImmutableArray();
            if (trigger.Cure is null && !effects.IsEmpty && effects.All(e => e is NamedEffectSyntax { Word.Text: "trap" })
                && analysis.Symbols.For(trigger) is { } symbol && !analysis.NamedInError.Contains(symbol))
            {
                conditions[symbol] = new HashSet<ReferenceSyntax>(SyntaxWalk.References(trigger.Condition), ReferenceEqualityComparer.Instance);
            }
        }

        var inert = new HashSet<Symbol>(conditions.Keys, ReferenceEqualityComparer.Instance);

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach ((ReferenceSyntax reference, ResolvedReference resolved) in analysis.References)
            {
                if (resolved.Symbol is { } read && inert.Contains(read)
                    && !inert.Any(reader => !ReferenceEquals(reader, read) && conditions[reader].Contains(reference)))
                {
                    inert.Remove(read);
                    changed = true;
                }
            }
        }

        return conditions.Where(c => inert.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, (IEqualityComparer<Symbol>)ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// The test an equity cure can cure (DL0456): the trigger's condition is <c>Test &lt; K</c>, K a constant, and the
    /// test, not trailing, is <c>cfads / X</c> with X reading neither cfads nor a test; then paying in
    /// <c>K × X − cfads</c> makes it K. Null with <paramref name="why"/> empty when an earlier error explains it.
    /// </summary>
    internal static TestSyntax? WatchedTest(TriggerSyntax trigger, DealAnalysis analysis, out string why)
    {
        why = "";
        if (trigger.Condition is null || analysis.BoundOf(trigger.Condition) is null or BadExpression)
        {
            return null;
        }

        why = "its condition must be 'Test < K' with K a constant, e.g. 'Dscr < 1.10x'";
        if (trigger.Condition is not BinaryExpressionSyntax { Operator: BinaryOperator.Less, Left: ReferenceSyntax { Member: null } test }
            || analysis.BoundOf(trigger.Condition) is not BinaryExpression { Left: QuantityExpression { Quantity: Quantity.TestValue }, Right: ConstantExpression }
            || !analysis.Symbols.TryLookup(test.Name?.Text, out Symbol symbol) || symbol.Declaration is not TestSyntax watched)
        {
            return null;
        }

        why = $"test '{watched.Name?.Text}' must be 'cfads / X' (X reading neither cfads nor a test), so that the cash paid in lifts it to the threshold";
        if (analysis.BoundOf(watched.Expression) is not BinaryExpression { Operator: BoundBinaryOperator.Divide, Left: QuantityExpression { Quantity: Quantity.Cfads } } ratio
            || BoundExpressionWalk.PreOrder(ratio.Right).Any(e => e is QuantityExpression { Quantity: Quantity.Cfads or Quantity.TestValue }))
        {
            return null;
        }

        if (watched.Trailing is not null)
        {
            why = $"test '{watched.Name?.Text}' is over a trailing window, and a cure is paid into one period's cfads; cure a test of the period";
            return null;
        }

        return watched;
    }

    /// <summary>An equity cure says where its cash goes (DL0457), and names no tranche twice in 'prepaying' (DL0455).</summary>
    private static void CheckCureDestination(TriggerSyntax trigger, string name, DealChecks checks)
    {
        if (trigger.Cure is not { } cure)
        {
            return;
        }

        if (cure.Prepaying.IsDefaultOrEmpty && cure.Into is null)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.CureWithoutDestination(cure.Span, name));
            return;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (NameSyntax tranche in SyntaxWalk.Safe(cure.Prepaying))
        {
            if (!named.Add(tranche.Text))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.TriggerEffectRepeated(tranche.Span, name, "tranche '" + tranche.Text + "' in 'prepaying'"));
            }
        }
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
