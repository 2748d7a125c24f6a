using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>accruing 8%</c> or <c>accruing coupon</c> after a loan's <c>recovery</c>: the rate its recovery claim
/// grows at during the workout; <see cref="Rate"/> is null for the loan's own coupon.</summary>
public sealed record RecoveryAccrualSyntax(ExpressionSyntax? Rate, SourceSpan Span) : SyntaxNode(Span)
{
    public bool AtCoupon => Rate is null;
}
