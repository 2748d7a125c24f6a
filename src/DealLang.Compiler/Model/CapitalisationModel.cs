namespace DealLang.Compiler.Model;

/// <summary>
/// How a tranche's interest is settled: in cash (every tranche so far), or partly or wholly in kind (PIK), added to
/// the balance on the period's date instead of being paid. One strategy per record, one case in the emitter.
/// </summary>
public abstract record CapitalisationModel;

/// <summary>All interest is due in cash; what the waterfall cannot pay is carried as an arrear (earning none).</summary>
public sealed record CashInterest : CapitalisationModel;

/// <summary>
/// <c>pik</c>, <c>pik 50%</c>, <c>pik when Cond</c>: <see cref="Share"/> of the period's interest capitalises into the
/// balance (and then earns the coupon), the rest is due in cash; with <see cref="When"/>, only in periods where the
/// condition holds at the period's start (a PIK toggle), all of it in cash otherwise.
/// </summary>
public sealed record PaidInKind(double Share, BoundExpression? When) : CapitalisationModel;

/// <summary><c>pik unpaid</c>: interest is due in cash; what the waterfall leaves unpaid at the period's end is added to
/// the balance (and earns the coupon) instead of being carried as an arrear that earns nothing: junior interest that
/// capitalises rather than defers.</summary>
public sealed record UnpaidCapitalises : CapitalisationModel;
