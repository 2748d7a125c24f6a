using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>lease MetaLease on Campus { lessee Meta  rent 2.6bn per year escalating 2% per year
/// starts 2029-11-30  term 4y  renewals 4 x 4y at lessee option  rvg guarantees Notes.balance cap 28bn until 2045-11-30 }</c>.
/// <see cref="DayCount"/> is the lease's own rent basis (<c>daycount ACT/365F</c>), null when the lease states none.
/// </summary>
public sealed record LeaseSyntax(
    NameSyntax Name,
    NameSyntax Facility,
    NameSyntax? Lessee,
    ExpressionSyntax? Rent,
    ExpressionSyntax? Escalator,
    DateSyntax? Starts,
    DurationSyntax? Term,
    RenewalsSyntax? Renewals,
    RvgSyntax? Rvg,
    DayCountSyntax? DayCount,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Lease;

    /// <summary><c>guarantor Google cap 3.2bn [until DATE]</c>: who pays the rent once the lessee defaults; null when none.</summary>
    public GuarantorSyntax? Guarantor { get; init; }

    /// <summary><c>phased Built</c>: the completion index whose level is the share of the leased buildings handed over,
    /// which scales the rent (phased commencement); null when the rent starts in full.</summary>
    public NameSyntax? Phased { get; init; }

    /// <summary><c>rent 100m per year indexed CPI</c>: the index whose level over its level on the lease's start scales
    /// the rent; null when the rent is a constant (with its escalator).</summary>
    public NameSyntax? Indexed { get; init; }

    /// <summary><c>indexed CPI yearly floor 1% cap 4% lag 3m</c>: the indexed rent's terms after the index's name; null when
    /// the clause states none (the ratio read every period, unlagged, uncollared) or the rent is not indexed.</summary>
    public IndexationSyntax? Indexation { get; init; }

    /// <summary><c>termination_fee 900m [amortising [to F]]</c>: owed if the lessee defaults during the initial term, as
    /// a contract's customer's (<see cref="ContractSyntax.TerminationFee"/>); null when the lease states none.</summary>
    public ExpressionSyntax? TerminationFee { get; init; }

    /// <summary>Whether the fee falls linearly over the initial term (<c>amortising</c>).</summary>
    public bool FeeAmortising { get; init; }

    /// <summary><c>amortising to F</c>: the amount the fee falls to at the term's end; null for 0.</summary>
    public ExpressionSyntax? FeeFloor { get; init; }

    /// <summary><c>break_option at 60m, 120m fee 12m of rent</c>: the dates the lessee may terminate at, and the fee it
    /// then pays; null when the lease offers no break.</summary>
    public BreakOptionSyntax? BreakOption { get; init; }
}


/// <summary><c>yearly floor 1% cap 4% lag 3m</c> after <c>indexed CPI</c>, each part optional and in any order:
/// <see cref="Yearly"/> resets the ratio on the lease's anniversaries only, <see cref="Floor"/> and <see cref="Cap"/> collar
/// each reset's change, <see cref="Lag"/> reads the index that long before the reset.</summary>
public sealed record IndexationSyntax(SourceSpan? Yearly, ExpressionSyntax? Floor, ExpressionSyntax? Cap, DurationSyntax? Lag, SourceSpan Span)
    : SyntaxNode(Span);

/// <summary><c>renewals 4 x 4y at lessee option [rent at market] [with break_option at 36m [notice 6m] [fee 12m of rent]]
/// [with termination_fee 300m [amortising [to F]]]</c>, or on a contract <c>renewals 2 x 2y at customer option [with
/// break_option at 12m [notice 6m] [fee 3m]]</c> (always at market).</summary>
public sealed record RenewalsSyntax(int Count, DurationSyntax Term, bool RentAtMarket, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>Each renewal term's own break (<c>with break_option at 36m</c>): its dates are durations from the start of
    /// the renewal term it is exercised in; null when the renewals have none.</summary>
    public BreakOptionSyntax? BreakOption { get; init; }

    /// <summary>A lease's <c>with termination_fee 300m</c>: owed by a lessee defaulting during a renewal term it took,
    /// over that term as the initial term's fee is over the initial term; <c>300m, 150m</c>: one amount per renewal term,
    /// in order (one amount is every term's: DL0578 otherwise); empty when the renewals have none.</summary>
    public IReadOnlyList<ExpressionSyntax> TerminationFees { get; init; } = [];

    /// <summary>Whether the renewal terms' fee falls linearly over each renewal term (<c>amortising</c>).</summary>
    public bool FeeAmortising { get; init; }

    /// <summary><c>amortising to F</c>: the amount each renewal term's fee falls to at that term's end; null for 0.</summary>
    public ExpressionSyntax? FeeFloor { get; init; }
}

/// <summary><c>rvg guarantees EXPR cap EXPR until DATE [with guarantor P cap M [until DATE]]</c>: the lessee's residual
/// value guarantee. Also a break's own RVG terms (<c>break_option … with rvg guarantees 90m cap 20m</c>,
/// <see cref="BreakOptionSyntax.RvgTerms"/>), where each part not written is the lease's.</summary>
public sealed record RvgSyntax(
    ExpressionSyntax? Guarantees,
    ExpressionSyntax? Cap,
    DateSyntax? Until,
    SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary><c>with guarantor Parent cap 10bn [until DATE]</c> (written last): a third party that pays the part of the
    /// RVG claim a defaulted lessee does not (docs/language.md §5, "A guarantor behind the RVG"); null when none.</summary>
    public GuarantorSyntax? Guarantor { get; init; }

    /// <summary><c>against remarketing [cost R]</c> (a lease's rvg item only): the claim is measured against the net proceeds
    /// of selling the facility when the lease ends rather than its appraised value (docs/language.md §5, "An RVG against a
    /// remarketing sale"); null when the RVG is measured against the appraised value.</summary>
    public RemarketingSyntax? Remarketing { get; init; }
}

/// <summary><c>against remarketing [cost R]</c> in a lease's rvg item: the facility is sold when the lease ends, at its value
/// that day less <see cref="Cost"/> (a rate; null: 0), and the RVG pays the guaranteed amount's shortfall below the net
/// proceeds.</summary>
public sealed record RemarketingSyntax(ExpressionSyntax? Cost, SourceSpan Span) : SyntaxNode(Span);
