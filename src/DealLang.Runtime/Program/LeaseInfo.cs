namespace DealLang.Runtime;

/// <summary>
/// A lease of a facility. Rent is <see cref="RentPerYear"/>, escalated by <see cref="Escalator"/> on each
/// anniversary of <see cref="Start"/>, accrued on the lease's own basis, never the tranches' day count: by
/// default in equal instalments per regular payment period (prorated on actual days for stubs and partial
/// periods), or by <see cref="RentDayCount"/> when the lease states one (docs/language.md, lease, "Rent"). The lessee may renew
/// <see cref="RenewalCount"/> times for <see cref="RenewalTermMonths"/> each; renewal rent either continues
/// the escalation or, if <see cref="RenewalAtMarket"/>, is the escalated rent times the scenario's market-rent index.
/// The residual value guarantee applies when the lease ends on or before <see cref="RvgUntil"/> (null: no RVG).
/// If the lessee defaults during the initial term it owes <see cref="TerminationFee"/> (amortising as a contract's:
/// <see cref="TerminationClaim"/>), and during a renewal term it took that term's fee (<see cref="RenewalFeeIn"/>) over
/// that term, of which its recovery is paid. It may break the lease at <see cref="BreakMonths"/>
/// from its start against <see cref="BreakFee"/> (a scenario's lever: docs/language.md §5, "Break option"), and in each
/// renewal term at <see cref="RenewalBreakMonths"/> from that term's start against its own fee (and, where the break
/// says <c>with rvg</c>, the RVG: <see cref="RvgOwedAtBreak"/>).
/// </summary>
public sealed record LeaseInfo(
    string Name,
    int Facility,
    int Lessee,
    double RentPerYear,
    double Escalator,
    Date Start,
    int TermMonths,
    int RenewalCount,
    int RenewalTermMonths,
    bool RenewalAtMarket,
    Date? RvgUntil,
    double RvgCap,
    DayCount? RentDayCount = null,
    double TerminationFee = 0,
    bool FeeAmortising = false,
    double FeeFloor = 0)
{
    /// <summary>The termination fee owed on a lessee's default on <paramref name="date"/>, as a contract's
    /// (<see cref="TerminationFees.Claim"/>): over the initial term [start, start + term) the initial term's fee; in
    /// renewal term k ≤ <paramref name="renewalsTaken"/> (the path's), [start + term + (k − 1) × renewal term,
    /// start + term + k × renewal term) in months from the start, renewal term k's own fee (<see cref="RenewalFeeIn"/>)
    /// over that term; none after the last renewal taken (docs/language.md §5, "Termination fee in the renewal terms").</summary>
    public double TerminationClaim(Date date, int renewalsTaken)
    {
        Date initialEnd = Start.AddMonthsClamped(TermMonths);
        if (date < initialEnd || !HasRenewalTerminationFee)
        {
            return TerminationFees.Claim(TerminationFee, FeeAmortising, FeeFloor, Start, initialEnd, date);
        }

        for (int k = 1; k <= Math.Min(renewalsTaken, RenewalCount); k++)
        {
            Date termEnd = Start.AddMonthsClamped(TermMonths + (k * RenewalTermMonths));
            if (date < termEnd)
            {
                Date termStart = Start.AddMonthsClamped(TermMonths + ((k - 1) * RenewalTermMonths));
                return TerminationFees.Claim(RenewalFeeIn(k), RenewalFeeAmortising, RenewalFeeFloor, termStart, termEnd, date);
            }
        }

        return 0;
    }

    /// <summary><c>renewals ... with termination_fee 300m</c>: the fee a lessee defaulting during a renewal term it took
    /// owes, over that term as <see cref="TerminationFee"/> is over the initial term, the same in every renewal term; 0
    /// when the renewals have none or give one fee per term (<see cref="RenewalTerminationFeeByTerm"/>).</summary>
    public double RenewalTerminationFee { get; init; }

    /// <summary><c>with termination_fee 300m, 150m</c>: renewal term k's fee at [k − 1], one per renewal term (the
    /// checker's DL0578); empty when one fee is every term's (<see cref="RenewalTerminationFee"/>).</summary>
    public double[] RenewalTerminationFeeByTerm { get; init; } = [];

    /// <summary>Renewal term <paramref name="k"/>'s (1-based) termination fee: its own when the fee steps from term to
    /// term, else the one fee of every term.</summary>
    public double RenewalFeeIn(int k) =>
        RenewalTerminationFeeByTerm.Length == 0 ? RenewalTerminationFee : RenewalTerminationFeeByTerm[k - 1];

    /// <summary>Whether any renewal term owes a termination fee.</summary>
    public bool HasRenewalTerminationFee => RenewalTerminationFee != 0 || RenewalTerminationFeeByTerm.Any(fee => fee != 0);

    /// <summary>Whether each renewal term's fee falls linearly over that term (<c>amortising</c>).</summary>
    public bool RenewalFeeAmortising { get; init; }

    /// <summary><c>amortising to F</c>: the amount each renewal term's fee falls to at that term's end (the same F for
    /// every term).</summary>
    public double RenewalFeeFloor { get; init; }

    /// <summary>The dates (whole months from <see cref="Start"/>, increasing, inside the initial term) at which the lessee
    /// may break the lease (<c>break_option at 60m, 120m</c>); empty when it may not.</summary>
    public int[] BreakMonths { get; init; } = [];

    /// <summary><c>fee 12m of rent</c>: the break fee in months of the rent payable at the break; 0 when the fee is an
    /// amount or there is none.</summary>
    public double BreakFeeMonths { get; init; }

    /// <summary><c>fee 40m</c>: the break fee as an amount; 0 when it is in months of rent or there is none.</summary>
    public double BreakFeeAmount { get; init; }

    /// <summary><c>notice 12m</c>: the months before the break date on which the lessee serves notice of it, from which
    /// a forward CFADS reads the rent as stopping on the break; 0 (the default) when it sees the break only as the lease
    /// ends (docs/language.md §5, "Break option").</summary>
    public int BreakNoticeMonths { get; init; }

    /// <summary>Whether the lease can ever receive a termination fee: its lessee's default's or its break's (the ledger's
    /// <c>termination fee L</c> column and the summary's row are there only then).</summary>
    public bool HasTerminationReceipts => TerminationFee != 0 || BreakFeeMonths != 0 || BreakFeeAmount != 0
        || RenewalBreakFeeMonths != 0 || RenewalBreakFeeAmount != 0 || HasRenewalTerminationFee;

    /// <summary>The renewal terms' own break (<c>renewals 2 x 5y ... with break_option at 36m</c>): whole months from the
    /// start of each renewal term, increasing, inside it; empty when the renewals have none.</summary>
    public int[] RenewalBreakMonths { get; init; } = [];

    /// <summary>The renewal terms' break fee in months of the rent payable at the break (<c>fee 12m of rent</c>); 0 when
    /// an amount or none.</summary>
    public double RenewalBreakFeeMonths { get; init; }

    /// <summary>The renewal terms' break fee as an amount; 0 when in months of rent or none.</summary>
    public double RenewalBreakFeeAmount { get; init; }

    /// <summary>The renewal terms' break notice in months (0: none).</summary>
    public int RenewalBreakNoticeMonths { get; init; }

    /// <summary><c>break_option ... with rvg</c>: a lessee breaking in the initial term owes the RVG as if the lease had
    /// ended on the break date (docs/language.md §5, "An RVG owed at a break").</summary>
    public bool BreakOwesRvg { get; init; }

    /// <summary><c>renewals ... with break_option ... with rvg</c>: the same for a break in a renewal term.</summary>
    public bool RenewalBreakOwesRvg { get; init; }

    /// <summary><c>rvg … against remarketing [cost R]</c>: when the RVG claim falls due the facility is sold that day at its
    /// value less <see cref="RemarketingCost"/>, and the claim is the guaranteed amount's shortfall below those net
    /// proceeds rather than below the appraised value (docs/language.md §5, "An RVG against a remarketing sale").</summary>
    public bool RvgRemarketing { get; init; }

    /// <summary>The remarketing sale's cost, a share of the facility's value in [0, 1) (the checker's DL0528); 0 without
    /// one.</summary>
    public double RemarketingCost { get; init; }

    /// <summary>Whether a break <paramref name="months"/> from <see cref="Start"/> owes the RVG: the renewal terms' term in a
    /// renewal term, the initial term's before.</summary>
    public bool RvgOwedAtBreak(int months) => InRenewal(months) ? RenewalBreakOwesRvg : BreakOwesRvg;

    /// <summary>Whether a break <paramref name="months"/> from <see cref="Start"/> falls in a renewal term (the initial
    /// term's break dates all lie inside the initial term).</summary>
    public bool InRenewal(int months) => BreakDates.InRenewal(months, TermMonths);

    /// <summary>Whether the lease offers a break <paramref name="months"/> from <see cref="Start"/>: one of the initial
    /// term's dates, or one of the renewal terms' dates counted from the start of one of its renewal terms
    /// (<see cref="BreakDates"/>, the lease's and the contract's one rule).</summary>
    public bool OffersBreakAt(int months) =>
        BreakDates.Offers(months, TermMonths, BreakMonths, RenewalCount, RenewalTermMonths, RenewalBreakMonths);

    /// <summary>The notice of a break <paramref name="months"/> from <see cref="Start"/>: the renewal terms' own in a
    /// renewal term, the initial term's before.</summary>
    public int BreakNoticeFor(int months) => InRenewal(months) ? RenewalBreakNoticeMonths : BreakNoticeMonths;

    /// <summary>The fee the lessee pays for breaking on <paramref name="date"/>: the amount, or the months of the rent
    /// payable from that date, the rent escalated once per lease year completed by then
    /// (<c>months / 12 × rent × (1 + escalator)^years</c>: a break on the fifth anniversary pays the sixth year's rent).</summary>
    public double BreakFee(Date date) =>
        BreakFeeAmount + (BreakFeeMonths == 0 ? 0.0
            : BreakFeeMonths / 12.0 * RentPerYear * Math.Pow(1 + Escalator, Flows.WholeYearsBetween(Start, date)));
}
