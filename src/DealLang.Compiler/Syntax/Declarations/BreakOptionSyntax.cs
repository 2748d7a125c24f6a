using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>break_option at 60m, 120m [notice 12m] [fee 12m of rent | fee 40m] [with rvg]</c> on a lease, <c>break_option at 24m
/// [notice 6m] [fee 6m of revenue | fee 5m]</c> on a contract: the break dates, as durations from its start, and the fee: <see cref="FeeMonths"/>
/// months of what is payable at the break (<see cref="FeeBasis"/>: <c>rent</c> on a lease, <c>revenue</c> on a contract),
/// or <see cref="FeeAmount"/> (at most one of them; neither when the break is free).</summary>
public sealed record BreakOptionSyntax(
    System.Collections.Immutable.ImmutableArray<DurationSyntax> At,
    DurationSyntax? FeeMonths,
    ExpressionSyntax? FeeAmount,
    SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The word after <c>of</c> in <c>fee 12m of rent</c>; null for an amount or no fee.</summary>
    public NameSyntax? FeeBasis { get; init; }

    /// <summary><c>notice 12m</c> (written after the dates): how long before the break the lessee or customer serves
    /// notice; null when not written (no notice: a forward CFADS sees the break when the lease or contract ends).</summary>
    public DurationSyntax? Notice { get; init; }

    /// <summary><c>with rvg</c> (written last): where <c>with rvg</c> is, a lessee that breaks owes the lease's residual
    /// value guarantee as if the lease had ended on the break date; null when not written (no RVG at a break).</summary>
    public SourceSpan? WithRvg { get; init; }

    /// <summary><c>with rvg guarantees 90m cap 20m</c>: the amount guaranteed and the cap of the RVG owed at this break, each
    /// in place of the lease's (docs/language.md §5, "An RVG owed at a break"); null when <c>with rvg</c> states no term of
    /// its own (or is not written). Its <see cref="RvgSyntax.Until"/> is an error (DL0585): the window is the lease's.</summary>
    public RvgSyntax? RvgTerms { get; init; }
}
