namespace DealLang.Runtime;

/// <summary>
/// Where a lease's or a compute contract's break option may be exercised (docs/language.md §5, "Break option", and the
/// contract's "A break in a renewal term"): one rule for both kinds. A break is written in months from the start: the
/// initial term's dates as the deal gives them, and each renewal term's dates from that renewal term's start, in every
/// renewal the agreement offers.
/// </summary>
public static class BreakDates
{
    /// <summary>Whether a break <paramref name="months"/> from the start falls in a renewal term (the initial term's break
    /// dates all lie inside the initial term of <paramref name="termMonths"/>).</summary>
    public static bool InRenewal(int months, int termMonths) => months > termMonths;

    /// <summary>Whether a break <paramref name="months"/> from the start is offered: one of <paramref name="termBreaks"/> in
    /// the initial term, or, in one of the <paramref name="renewals"/> renewal terms of <paramref name="renewalMonths"/>
    /// each, one of <paramref name="renewalBreaks"/> counted from that renewal term's start.</summary>
    public static bool Offers(int months, int termMonths, int[] termBreaks, int renewals, int renewalMonths, int[] renewalBreaks)
    {
        if (!InRenewal(months, termMonths))
        {
            return Array.IndexOf(termBreaks, months) >= 0;
        }

        int intoRenewals = months - termMonths;
        return renewalMonths > 0 && intoRenewals / renewalMonths < renewals
            && Array.IndexOf(renewalBreaks, intoRenewals % renewalMonths) >= 0;
    }
}
