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
/// payments linearly (<see cref="PrepaymentCreditPerYear"/>), else it is paid on top of them. The customer may break
/// the contract at <see cref="BreakMonths"/> from its start against <see cref="BreakFee"/> (a scenario's lever:
/// docs/language.md §5, "contract"), and in each renewal term at <see cref="RenewalBreakMonths"/> from that term's start
/// against <see cref="RenewalBreakFeeAmount"/>.
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

    /// <summary>Whether the compiled program reads the contract's re-let ramp and price (docs/language.md §5,
    /// "contract-relet-ramp"): only when some scenario of the deal re-lets it on a ramp or at a price of its own (the
    /// compiled-deal cache keys it). A scenario asking for one of a program without it is refused (Shapes), and the path
    /// fill writes those inputs only for a program that reads them.</summary>
    public bool ReletShaped { get; init; }

    /// <summary>The dates (whole months from <see cref="Start"/>, increasing, inside the term) at which the customer may
    /// break the contract (<c>break_option at 24m, 36m</c>); empty when it may not.</summary>
    public int[] BreakMonths { get; init; } = [];

    /// <summary><c>fee 6m of revenue</c>: the break fee in months of the take-or-pay revenue; 0 when the fee is an amount
    /// or there is none.</summary>
    public double BreakFeeMonths { get; init; }

    /// <summary><c>fee 5m</c>: the break fee as an amount; 0 when it is in months of revenue or there is none.</summary>
    public double BreakFeeAmount { get; init; }

    /// <summary><c>notice 12m</c>: the months before the break date on which the customer serves notice of it, from which
    /// a forward CFADS reads the take-or-pay revenue as stopping on the break; 0 (the default) when it sees the break only
    /// as the contract ends (docs/language.md §5, "Break option").</summary>
    public int BreakNoticeMonths { get; init; }

    /// <summary>Whether the contract can ever receive a termination fee: its customer's default's or its break's.</summary>
    public bool HasTerminationReceipts => TerminationFee != 0 || BreakFeeMonths != 0 || BreakFeeAmount != 0 || RenewalBreakFeeAmount != 0;

    /// <summary>The renewal terms' own break (<c>renewals 2 x 2y at customer option with break_option at 12m</c>): whole
    /// months from the start of each renewal term, increasing, inside it; empty when the renewals have none.</summary>
    public int[] RenewalBreakMonths { get; init; } = [];

    /// <summary>The renewal terms' break fee, an amount (a renewal is priced at market, so never in months of revenue:
    /// DL0224); 0 when there is none.</summary>
    public double RenewalBreakFeeAmount { get; init; }

    /// <summary>The renewal terms' break notice in months (0: none).</summary>
    public int RenewalBreakNoticeMonths { get; init; }

    /// <summary>Whether the customer may break the contract at all: in its initial term or in a renewal term.</summary>
    public bool CanBreak => BreakMonths.Length > 0 || RenewalBreakMonths.Length > 0;

    /// <summary>Whether a break <paramref name="months"/> from <see cref="Start"/> falls in a renewal term (the initial
    /// term's break dates all lie inside the initial term).</summary>
    public bool InRenewal(int months) => BreakDates.InRenewal(months, TermMonths);

    /// <summary>Whether the contract offers a break <paramref name="months"/> from <see cref="Start"/>: one of the initial
    /// term's dates, or one of the renewal terms' dates counted from the start of one of its renewal terms
    /// (<see cref="BreakDates"/>, the lease's and the contract's one rule).</summary>
    public bool OffersBreakAt(int months) =>
        BreakDates.Offers(months, TermMonths, BreakMonths, RenewalCount, RenewalTermMonths, RenewalBreakMonths);

    /// <summary>The notice of a break <paramref name="months"/> from <see cref="Start"/>: the renewal terms' own in a
    /// renewal term, the initial term's before.</summary>
    public int BreakNoticeFor(int months) => InRenewal(months) ? RenewalBreakNoticeMonths : BreakNoticeMonths;

    /// <summary>The fee for a break <paramref name="months"/> from <see cref="Start"/>: <see cref="BreakFee"/> in the
    /// initial term, the renewal terms' amount in a renewal term.</summary>
    public double BreakFeeFor(int months) => InRenewal(months) ? RenewalBreakFeeAmount : BreakFee;

    /// <summary>The fee the customer pays for breaking: the amount, or the months of the take-or-pay revenue of a year,
    /// <c>months / 12 × max(0, units × price × hours a year × take-or-pay − an applied prepayment's credit a year)</c>:
    /// what the customer is bound to pay, not the utilisation above it nor the fleet's share held (a break fee in months of
    /// revenue needs a constant price, DL0438, so <see cref="PriceSpread"/> is the price).</summary>
    public double BreakFee =>
        BreakFeeAmount + (BreakFeeMonths == 0 ? 0.0
            : BreakFeeMonths / 12.0 * Math.Max(0.0, Units * PriceSpread * HoursPerYear * TakeOrPay - PrepaymentCreditPerYear));
}
