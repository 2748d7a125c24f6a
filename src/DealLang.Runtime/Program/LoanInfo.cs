namespace DealLang.Runtime;

/// <summary>A loan the deal owns: its headline terms, for reports and analytics (the cash logic is generated).
/// <see cref="Obligor"/> indexes <see cref="DealDescription.Parties"/>; <see cref="Recovery"/> is a fraction of the
/// balance outstanding when the obligor defaults.</summary>
public sealed record LoanInfo(
    string Name,
    int Obligor,
    double Balance,
    double Coupon,
    Date Maturity,
    string Amortization,
    double Recovery);
