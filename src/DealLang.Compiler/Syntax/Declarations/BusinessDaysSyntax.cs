using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>
/// <c>business_days modified_following [adjusted | unadjusted] [holidays TARGET2 + { 2027-12-24, 2027-12-31 }]</c>: how
/// payment dates on a weekend or holiday move, and whether interest accrues to the moved dates. The words as written;
/// the checker maps them to a roll and an accrual (DL0442), the calendars' names to the named calendars (DL0214,
/// DL0459, DL0463) and checks the holidays listed (DL0443, DL0444, DL0458).
/// </summary>
public sealed record BusinessDaysSyntax(
    NameSyntax Roll,
    NameSyntax? Accrual,
    ImmutableArray<NameSyntax> Calendars,
    ImmutableArray<DateSyntax> Holidays,
    SourceSpan Span) : SyntaxNode(Span);
