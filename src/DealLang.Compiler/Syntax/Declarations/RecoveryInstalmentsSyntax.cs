using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;

namespace DealLang.Compiler.Syntax;

/// <summary><c>in 4 instalments</c> after a loan's <c>recovery</c>: the claim is received in this many equal parts,
/// one a period, the first when the workout lag has run; or <c>in instalments { 50% 30% 20% }</c>: in parts of unequal
/// size, <see cref="Shares"/> of the claim (empty for equal parts), as many as there are shares.</summary>
public sealed record RecoveryInstalmentsSyntax(int Count, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>Each instalment's share of the claim, in order (<c>{ 50% 30% 20% }</c>); empty for equal parts.</summary>
    public ImmutableArray<ExpressionSyntax> Shares { get; init; } = [];

    /// <summary>Written as a list of shares (<c>in instalments { … }</c>), even an empty one.</summary>
    public bool Listed { get; init; }

    /// <summary>The frequency word after the instalments (<c>in 8 instalments monthly</c>): the parts are spaced at it
    /// rather than one a deal period (null when absent; DL0568 when it is no frequency).</summary>
    public NameSyntax? Frequency { get; init; }

    /// <summary>The deal periods the parts are received over, the first included: one a period, or, at
    /// <see cref="Frequency"/> of <c>m</c> months, part <c>j</c> dated <c>j × m</c> months after the first and
    /// received in the period it falls in, ⌈(Count − 1) × m / <paramref name="dealMonths"/>⌉ + 1 (in long arithmetic:
    /// a count may be any int).</summary>
    public long Periods(int dealMonths) =>
        Frequencies.TryParse(Frequency?.Text, out Frequency every) && dealMonths > 0
            ? 1 + (((long)Count - 1) * Frequencies.MonthsPerPeriod(every) + dealMonths - 1) / dealMonths
            : Count;
}
