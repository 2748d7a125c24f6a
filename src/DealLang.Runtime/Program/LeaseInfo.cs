namespace DealLang.Runtime;

/// <summary>
/// A lease of a facility. Rent accrues daily (by the deal's day count) at <see cref="RentPerYear"/>,
/// escalated by <see cref="Escalator"/> on each anniversary of <see cref="Start"/>. The lessee may renew
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
    double RvgCap);
