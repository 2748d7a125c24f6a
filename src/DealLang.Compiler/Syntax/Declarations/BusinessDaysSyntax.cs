using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>business_days modified_following [adjusted | unadjusted] [holidays { 2027-12-24, 2027-12-31 }]</c>: how payment
/// dates on a weekend or holiday move, and whether interest accrues to the moved dates. The words as written; the
/// checker maps them to a roll and an accrual (DL0442) and checks the holidays (DL0443, DL0444).
/// </summary>
public sealed record BusinessDaysSyntax(
    NameSyntax Roll,
    NameSyntax? Accrual,
    ImmutableArray<DateSyntax> Holidays,
    SourceSpan Span) : SyntaxNode(Span);
