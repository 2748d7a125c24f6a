namespace DealLang.Runtime;

/// <summary>
/// A termination fee (docs/language.md §5, "contract" and "lease"): owed by a contract's customer or a lease's lessee
/// that defaults during the term [start, end), the fee itself or, amortising, falling linearly to the floor at the
/// end. One home for the arithmetic both kinds owe (<see cref="ContractInfo.TerminationClaim"/>,
/// <see cref="LeaseInfo.TerminationClaim"/>).
/// </summary>
public static class TerminationFees
{
    /// <summary>The fee owed on a default on <paramref name="date"/>: 0 without a fee or outside [start, end); the fee,
    /// or with <paramref name="amortising"/> the floor + (fee − floor) × (end − date) / (end − start) in days.</summary>
    public static double Claim(double fee, bool amortising, double floor, Date start, Date end, Date date)
    {
        if (fee == 0 || date < start || date >= end)
        {
            return 0;
        }

        return amortising
            ? floor + ((fee - floor) * Date.DaysBetween(date, end) / Date.DaysBetween(start, end))
            : fee;
    }
}
