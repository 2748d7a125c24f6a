using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>One step of a waterfall.</summary>
public abstract record StepSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>pay Notes.interest using Dsra, Reserve</c>: pay what is due from available cash, then draw
/// the named accounts in order for any shortfall.</summary>
public sealed record PayStepSyntax(ReferenceSyntax Target, ImmutableArray<NameSyntax> Using, SourceSpan Span)
    : StepSyntax(Span);

/// <summary><c>fill Dsra</c>: top the account up to its target from available cash.</summary>
public sealed record FillStepSyntax(NameSyntax Account, SourceSpan Span) : StepSyntax(Span);

/// <summary><c>release Dsra</c>: move the account's balance above its target back to available cash.</summary>
public sealed record ReleaseStepSyntax(NameSyntax Account, SourceSpan Span) : StepSyntax(Span);

/// <summary><c>hold rest in Trap</c>: move all available cash into the account.</summary>
public sealed record HoldStepSyntax(NameSyntax Account, SourceSpan Span) : StepSyntax(Span);

/// <summary><c>distribute rest to Sponsor</c>: pay all available cash to an equity piece; with a
/// <see cref="Share"/>, <c>distribute 40% of rest to Sponsor</c>, that share of it (the rest stays available).</summary>
public sealed record DistributeStepSyntax(NameSyntax Equity, SourceSpan Span, LiteralSyntax? Share = null) : StepSyntax(Span);

/// <summary><c>sweep 50% of rest to Notes</c>: that share of the cash still unapplied prepays the tranche's balance
/// (at most the balance); the rest stays available for the steps after.</summary>
public sealed record SweepStepSyntax(NameSyntax Tranche, LiteralSyntax Share, SourceSpan Span) : StepSyntax(Span);

/// <summary><c>sell Bitcoin to cover Notes.interest</c>: sells enough of the coins to raise what the pay target is
/// owed beyond the cash available (at most the coins held), into the coins' market; <c>sell H1, H2 to cover
/// Bank.principal</c> sells holdings the same way, one after the other in the order written (a fund's forced sale
/// on a margin call), or with <c>pro_rata</c> all at once, the same share of each (<see cref="ProRata"/>, the word's
/// span). <see cref="Coins"/> is the first name, <see cref="Rest"/> those after it. <see cref="Cover"/> is the pay
/// step it covers, as if written alone (never run by itself: it is bound and checked as a pay target).</summary>
public sealed record SellStepSyntax(NameSyntax Coins, PayStepSyntax Cover, SourceSpan Span, ImmutableArray<NameSyntax> Rest = default) : StepSyntax(Span)
{
    /// <summary>Every name the step sells, in the order written.</summary>
    public IEnumerable<NameSyntax> Names => Rest.IsDefault ? [Coins] : [Coins, .. Rest];

    /// <summary>Where <c>pro_rata</c> is written; null for a sale in the order written.</summary>
    public SourceSpan? ProRata { get; init; }
}

/// <summary><c>if CONDITION { steps } else { steps }</c></summary>
public sealed record IfStepSyntax(
    ExpressionSyntax Condition,
    ImmutableArray<StepSyntax> Then,
    ImmutableArray<StepSyntax> Else,
    SourceSpan Span) : StepSyntax(Span);

/// <summary><c>pro_rata { pay A.interest  pay B.interest }</c>: pari passu payments, each getting its share of what
/// cash there is in proportion to what it is owed. Only <c>pay</c> steps without <c>using</c> belong here (DL0452);
/// <c>pro_rata by balance { ... }</c> shares a shortfall by the tranches' balances instead (tranches only).</summary>
public sealed record ProRataStepSyntax(ImmutableArray<StepSyntax> Steps, SourceSpan Span, bool ByBalance = false) : StepSyntax(Span);

/// <summary><c>sequential { pay A.interest  pay A.principal }</c>: steps paid in order, each before the next. On its
/// own it is the same as its steps written in its place; as a member of a <c>pro_rata</c> group it is one stack that
/// shares the group's cash by the total its payments are owed, then pays them in order from its share (only
/// <c>pay</c> steps without <c>using</c> there, and not in a group <c>by balance</c>: DL0453).</summary>
public sealed record SequentialStepSyntax(ImmutableArray<StepSyntax> Steps, SourceSpan Span) : StepSyntax(Span);
