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
/// <see cref="TerminationClaim"/>), of which its recovery is paid.
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
    /// (<see cref="TerminationFees.Claim"/>) over the initial term [start, start + term): none on or after its end, so
    /// none in a renewal term.</summary>
    public double TerminationClaim(Date date) =>
        TerminationFees.Claim(TerminationFee, FeeAmortising, FeeFloor, Start, Start.AddMonthsClamped(TermMonths), date);
}
