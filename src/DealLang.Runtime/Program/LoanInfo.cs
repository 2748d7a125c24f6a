namespace DealLang.Runtime;

/// <summary>A loan the deal owns: its headline terms, for reports and analytics (the cash logic is generated).
/// <see cref="Obligor"/> indexes <see cref="DealDescription.Parties"/>; <see cref="Recovery"/> is a fraction of the
/// balance outstanding when the obligor defaults.</summary>
public sealed record LoanInfo(
    string Name,
    int Obligor,
    double Balance,
    double Coupon,
    Date Maturity,
    string Amortization,
    double Recovery)
{
    /// <summary>Whether its recovery claim accrues interest during a workout (<c>recovery 40% after 18m accruing
    /// 8%</c>): its summary then has a <c>workout interest</c> row.</summary>
    public bool RecoveryAccrues { get; init; }

    /// <summary>Whether a scenario of the deal has its obligor pay only part of what falls due (<c>L pays 60% from
    /// DATE</c>): its summary then has a <c>peak arrears</c> row.</summary>
    public bool PaysInPart { get; init; }

    /// <summary>Whether the compiled program reads the loan's own drawn workout lag (<c>L workout drawn</c>): only when a
    /// scenario of the deal draws it (the compiled-deal cache keys it). A scenario drawing it, or giving it, of a
    /// program without it is refused (Shapes).</summary>
    public bool DrawsOwnWorkout { get; init; }
}
