using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>trigger CashTrap when Dscr &lt; 1.10x from 2030-11-30 trips after 2 cures after 2 =&gt; trap</c>:
/// <see cref="TripsAfter"/> and <see cref="CuresAfter"/> are the consecutive period ends the condition must hold to
/// trip it and fail to cure it (null: one, as written without them). <see cref="Effects"/> are what follows
/// <c>=&gt;</c>, in order (<c>=&gt; trap, sweep 50% to Notes</c>).</summary>
public sealed record TriggerSyntax(
    NameSyntax Name,
    ExpressionSyntax Condition,
    DateSyntax? From,
    ImmutableArray<TriggerEffectSyntax> Effects,
    SourceSpan Span,
    int? TripsAfter = null,
    int? CuresAfter = null,
    EquityCureSyntax? Cure = null) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Trigger;
}

/// <summary>One effect of a trigger, after <c>=&gt;</c>.</summary>
public abstract record TriggerEffectSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>An effect named by one word: <c>trap</c> (the flag waterfall conditions read) or
/// <c>event_of_default</c>; any other word is reported (DL0416).</summary>
public sealed record NamedEffectSyntax(NameSyntax Word, SourceSpan Span) : TriggerEffectSyntax(Span);

/// <summary><c>sweep 50% to Notes</c>: while the trigger is active, that share of the cash left before the regular
/// waterfall's final <c>distribute rest</c> prepays the tranche.</summary>
public sealed record SweepEffectSyntax(LiteralSyntax Share, NameSyntax Tranche, SourceSpan Span) : TriggerEffectSyntax(Span);

/// <summary><c>accelerate</c> (every tranche) or <c>accelerate (ClassA, ClassB)</c>: from the period after the trigger
/// first becomes active, the tranches' whole balance is principal due.</summary>
public sealed record AccelerateEffectSyntax(ImmutableArray<NameSyntax> Tranches, SourceSpan Span) : TriggerEffectSyntax(Span);

/// <summary><c>cure by Sponsor up to 2 times prepaying Notes</c>: when the test the trigger watches breaches, the equity
/// pays in the cash that makes it pass, at most <see cref="Times"/> times over the deal's life (null: unreadable,
/// reported), and that cash goes where <see cref="Prepaying"/> (tranches, in order) or <see cref="Into"/> (an account)
/// says, or both (<c>prepaying Notes then into CureAccount</c>: the account takes what the balances cannot), never to
/// the period's waterfall; neither given is reported (DL0457).</summary>
public sealed record EquityCureSyntax(NameSyntax Equity, int? Times, SourceSpan Span,
    ImmutableArray<NameSyntax> Prepaying = default, NameSyntax? Into = null) : SyntaxNode(Span);
