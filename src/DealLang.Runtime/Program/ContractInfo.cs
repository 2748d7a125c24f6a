namespace DealLang.Runtime;

/// <summary>
/// A take-or-pay compute contract (docs/language.md §5 "contract"): <see cref="Units"/> GPUs of fleet
/// <see cref="Fleet"/> sold to party <see cref="Customer"/> from <see cref="Start"/> for <see cref="TermMonths"/>, at
/// a price per GPU-hour of <see cref="PriceSpread"/> plus, when <see cref="PriceIndex"/> is not −1, that index's level
/// (an index of <see cref="DealDescription.Indices"/>), for <see cref="HoursPerYear"/> hours a year, of which the
/// share <see cref="TakeOrPay"/> is paid whether used or not. If the customer defaults during the term it owes
/// <see cref="TerminationFee"/> (× the share of the term left when <see cref="FeeAmortising"/>), of which its
/// recovery is paid (<see cref="TerminationClaim"/>). It offers <see cref="RenewalCount"/> renewals of
/// <see cref="RenewalTermMonths"/> each at the market price; a scenario says how many are taken. The customer pays
/// <see cref="Prepayment"/> at the start; when <see cref="PrepaymentApplied"/> it is credited against the term's
/// payments linearly (<see cref="PrepaymentCreditPerYear"/>), else it is paid on top of them.
/// </summary>
public sealed record ContractInfo(
    string Name,
    int Fleet,
    int Customer,
    double Units,
    int PriceIndex,
    double PriceSpread,
    double HoursPerYear,
    double TakeOrPay,
    Date Start,
    int TermMonths,
    double TerminationFee = 0,
    bool FeeAmortising = false,
    int RenewalCount = 0,
    int RenewalTermMonths = 0,
    double Prepayment = 0,
    bool PrepaymentApplied = false,
    double FeeFloor = 0)
{
    /// <summary>The term's length in years of 365 days, as the revenue counts its days (<see cref="ContractCurves"/>).</summary>
    public double TermYears => Date.DaysBetween(Start, End) / 365.0;

    /// <summary>What an applied prepayment takes off each year of the term's payments: the prepayment over the term's
    /// years (so the term's credits add up to it); 0 when it is not applied or the term is empty.</summary>
    public double PrepaymentCreditPerYear => PrepaymentApplied && TermYears > 0 ? Prepayment / TermYears : 0.0;

    /// <summary>The day the contract ends after <paramref name="renewals"/> renewals taken (each adds
    /// <see cref="RenewalTermMonths"/>).</summary>
    public Date EndAfter(int renewals) => Start.AddMonthsClamped((int)Math.Min(TermMonths + ((long)renewals * RenewalTermMonths), int.MaxValue));

    /// <summary>The day the contract ends (the end of its term; units are idle from that day).</summary>
    public Date End => Start.AddMonthsClamped(TermMonths);

    /// <summary>The termination fee owed on a default on <paramref name="date"/> (<see cref="TerminationFees.Claim"/>):
    /// 0 outside [start, end); the fee, or with <see cref="FeeAmortising"/> falling linearly in days from the fee at
    /// the start to <see cref="FeeFloor"/> (0 unless <c>amortising to F</c>) at the end.</summary>
    public double TerminationClaim(Date date) => TerminationFees.Claim(TerminationFee, FeeAmortising, FeeFloor, Start, End, date);
}
