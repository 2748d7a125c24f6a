using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>loan MinerLoan { obligor Miner  balance 400m  coupon 11% fixed  interest_only until DATE
/// amortize level  maturity DATE  recovery 40% }</c>: a receivable the deal owns. Its amortisation is written as a
/// tranche's (<see cref="AmortizationSyntax"/>).</summary>
public sealed record LoanSyntax(
    NameSyntax Name,
    NameSyntax? Obligor,
    ExpressionSyntax? Balance,
    ExpressionSyntax? Coupon,
    DateSyntax? InterestOnlyUntil,
    AmortizationSyntax? Amortization,
    DateSyntax? Maturity,
    ExpressionSyntax? Recovery,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Loan;
}
