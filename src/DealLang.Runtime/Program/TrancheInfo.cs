namespace DealLang.Runtime;

/// <summary>A debt tranche's headline terms, for reports and analytics (the cash logic is generated).</summary>
public sealed record TrancheInfo(
    string Name,
    double Balance,
    double Coupon,
    int Seniority,
    Date Maturity,
    string Amortization);
