namespace DealLang.Runtime;

/// <summary>A debt tranche's headline terms, for reports and analytics (the cash logic is generated).
/// <see cref="Balance"/> is funded at closing; <see cref="IssuePrice"/> is what the lender pays per unit of par, for
/// it and for every later draw (1 = par; below par is an original issue discount).</summary>
public sealed record TrancheInfo(
    string Name,
    double Balance,
    double Coupon,
    int Seniority,
    Date Maturity,
    string Amortization,
    double IssuePrice = 1.0)
{
    /// <summary>A convertible's conversion price, money per share (0 for a tranche that does not convert).</summary>
    public double ConversionPrice { get; init; }

    /// <summary>Whether a convertible has a holder's put (its summary then has a <c>put on</c> row).</summary>
    public bool HasPuts { get; init; }

    /// <summary>Whether a convertible's conversion price resets (its ledger then has a <c>conversion price</c> column and
    /// its summary a <c>conversion price</c> row, the last in force).</summary>
    public bool HasReset { get; init; }

    /// <summary>Whether the tranche is not convertible and some scenario of the deal calls it (<c>T called on DATE</c>):
    /// its program then reads the call's inputs (<see cref="DealDescription.HasTrancheCalls"/>).</summary>
    public bool CalledByScenario { get; init; }

    /// <summary>Whether the tranche's call schedule has a make-whole: a scenario's call before its first call date
    /// (<see cref="TrancheCall.MakeWhole"/>) is then priced in the run.</summary>
    public bool CallsAtMakeWhole { get; init; }

    /// <summary>A delayed-draw tranche's commitment fee, a rate a year on the undrawn commitment (0 without one).</summary>
    public double CommitmentFee { get; init; }
}
