using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// How a tranche fared in one scenario. Amounts are in the deal's currency, unrounded. Rates are fractions
/// (0.0658 = 6.58%). NaN means "not defined" and is printed n/a: no IRR when the investor never gets paid
/// enough to have one, no WAL when no principal was repaid, no loss % on a zero balance.
/// </summary>
/// <param name="LossFraction">Principal loss as a fraction of <paramref name="OriginalBalance"/>.</param>
/// <param name="WalYears">Weighted average life of principal repaid, in ACT/365F years from closing.</param>
/// <param name="OriginalBalance">The principal funded: the balance at closing plus every draw on a commitment.</param>
/// <param name="Irr">Annual IRR of buying the closing balance at the issue price (par unless <c>issue_price</c> says
/// otherwise), funding each draw at the issue price at the end of its period, and receiving interest and principal
/// at each period end (XIRR conventions, see <see cref="Analytics.Irr"/>).</param>
/// <param name="BondEquivalentYield">The same return compounded semiannually, 2 × ((1 + IRR)^(1/2) − 1): the yield a
/// bond desk quotes (<see cref="Analytics.BondEquivalentYield"/>); NaN when the IRR is.</param>
/// <param name="FirstPrincipalShortfall">End date of the first period in which principal due went unpaid: scheduled
/// principal, or the balance written off at the run's end.</param>
public sealed record TrancheSummary(
    string Name,
    double OriginalBalance,
    double InterestPaid,
    double PrincipalPaid,
    double PrincipalLoss,
    double LossFraction,
    double UnpaidInterest,
    double WalYears,
    double Irr,
    double BondEquivalentYield,
    Date? FirstPrincipalShortfall)
{
    /// <summary>Whether a guarantor stands behind the tranche (docs/language.md §5, "Guarantors"): then the figures above
    /// are the issuer's, without the guarantee, and the three below the holders', with it.</summary>
    public bool Guaranteed { get; init; }

    /// <summary>What the guarantor paid the holders, less what it got back from them (zero without a guarantor).</summary>
    public double PaidByGuarantor { get; init; }

    /// <summary>The holders' IRR with the guarantor's payments (as <see cref="Irr"/>, with those flows added); NaN
    /// without a guarantor.</summary>
    public double HoldersIrr { get; init; } = double.NaN;

    /// <summary>What the holders never received, principal and interest, once the guarantor has paid: the principal
    /// loss plus the unpaid interest, less <see cref="PaidByGuarantor"/> (not below zero).</summary>
    public double HoldersLoss { get; init; }

    /// <summary>A delayed-draw tranche with a commitment fee: the fee its lender was paid over the run (0 otherwise).</summary>
    public double CommitmentFeePaid { get; init; }

    /// <summary>A delayed-draw tranche's commitment fee due and still unpaid when the run ended: what its last period
    /// carried (0 for any other tranche).</summary>
    public double CommitmentFeeUnpaid { get; init; }

    /// <summary>A guaranteed tranche's guarantee fee due and still unpaid when the run ended: what its last period
    /// carried, owed to the guarantor (0 for any other tranche).</summary>
    public double GuaranteeFeeUnpaid { get; init; }

    /// <summary>A delayed-draw tranche with a commitment fee: the lender's all-in IRR, <see cref="Irr"/>'s flows with
    /// the commitment fee paid added at each period's end; NaN for any other tranche.</summary>
    public double IrrWithCommitmentFee { get; init; } = double.NaN;

    /// <summary>A convertible's: the end of the period its holder converted in; null when it did not (or cannot).</summary>
    public Date? ConvertedOn { get; init; }

    /// <summary>A convertible's: what the shares it converted into were worth then (0 when it did not convert).</summary>
    public double SharesValue { get; init; }

    /// <summary>A convertible with a put: the end of the period its holder put the notes in; null when it did not.</summary>
    public Date? PutOn { get; init; }

    /// <summary>A convertible whose conversion price resets: the price in force at the run's end, after its resets; NaN
    /// for any other tranche.</summary>
    public double ConversionPrice { get; init; } = double.NaN;

    /// <summary>Whether the scenario has the issuer call this tranche (<c>T called on DATE</c>, a convertible or plain notes): its deal's summary
    /// then has a <c>called on</c> row.</summary>
    public bool Called { get; init; }

    /// <summary>A tranche the scenario calls: the end of the period the issuer called it in (whether the holder then
    /// converted or took the cash); null when it did not (the notes had converted, been put or repaid before).</summary>
    public Date? CalledOn { get; init; }
}
