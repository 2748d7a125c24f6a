namespace DealLang.Runtime;

/// <summary>
/// A lease of a facility. Rent is <see cref="RentPerYear"/>, escalated by <see cref="Escalator"/> on each
/// anniversary of <see cref="Start"/>, accrued on the lease's own basis, never the tranches' day count: by
/// default in equal instalments per regular payment period (prorated on actual days for stubs and partial
/// periods), or by <see cref="RentDayCount"/> when the lease states one (docs/language.md, lease, "Rent"). The lessee may renew
/// <see cref="RenewalCount"/> times for <see cref="RenewalTermMonths"/> each; renewal rent either continues
/// the escalation or, if <see cref="RenewalAtMarket"/>, is the escalated rent times the scenario's market-rent index.
/// The residual value guarantee applies when the lease ends on or before <see cref="RvgUntil"/> (null: no RVG).
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
    DayCount? RentDayCount = null);
