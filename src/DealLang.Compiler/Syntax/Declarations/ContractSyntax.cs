using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary><c>contract MsftH100 on Cluster { customer Microsoft  units 6000 gpus  price 2.35 per gpu_hour
/// hours 8760 hours per year  take_or_pay 90%  starts 2025-06-30  term 4y }</c>: compute sold from a fleet to a
/// customer, paid at least on the take-or-pay share of its hours (docs/language.md §5 "contract"). The price is
/// <see cref="Price"/> (a constant, or an index plus a spread), or, when <see cref="PriceAtMarket"/>, the fleet's
/// generation index. <see cref="TerminationFee"/> is owed if the customer defaults during the term, falling linearly
/// to 0 at the end when <see cref="FeeAmortising"/>.</summary>
public sealed record ContractSyntax(
    NameSyntax Name,
    NameSyntax Fleet,
    NameSyntax? Customer,
    ExpressionSyntax? Units,
    ExpressionSyntax? Price,
    bool PriceAtMarket,
    SourceSpan? PriceSpan,
    ExpressionSyntax? Hours,
    ExpressionSyntax? TakeOrPay,
    DateSyntax? Starts,
    DurationSyntax? Term,
    ExpressionSyntax? TerminationFee,
    bool FeeAmortising,
    SourceSpan Span) : NamedDeclarationSyntax(Name, Span)
{
    public override DeclarationKind Kind => DeclarationKind.Contract;

    /// <summary><c>guarantor Google cap 1.4bn [until DATE]</c>: who pays what the customer's default leaves unpaid of the
    /// term; null when none.</summary>
    public GuarantorSyntax? Guarantor { get; init; }

    /// <summary><c>renewals N x D at customer option [with break_option at B …]</c>: up to N renewals of D each at the
    /// market price, taken per scenario (<c>C renewals taken K</c>), each breakable at its own dates
    /// (<see cref="RenewalsSyntax.BreakOption"/>); null when the contract offers none.</summary>
    public RenewalsSyntax? Renewals { get; init; }

    /// <summary><c>prepayment M [applied over term]</c>: money the customer pays at the start; null when none.</summary>
    public ExpressionSyntax? Prepayment { get; init; }

    /// <summary><c>applied over term</c>: the prepayment is credited against the term's payments linearly.</summary>
    public bool PrepaymentApplied { get; init; }

    /// <summary><c>termination_fee M amortising to F</c>: the amount the amortising fee falls to at the term's end (a
    /// fee that declines from M to F linearly, TeraWulf's Abernathy JV); null: it falls to 0.</summary>
    public ExpressionSyntax? FeeFloor { get; init; }

    /// <summary><c>break_option at 24m, 36m fee 6m of revenue</c>: the dates the customer may terminate at, and the fee it
    /// then pays; null when the contract offers no break.</summary>
    public BreakOptionSyntax? BreakOption { get; init; }
}
