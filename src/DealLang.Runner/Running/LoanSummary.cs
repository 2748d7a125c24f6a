using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// What a loan the deal owns paid it in one scenario, in the deal's currency, unrounded: interest and scheduled
/// principal over the periods run, and, if its obligor defaulted while it was outstanding, the recovery received
/// then and the rest of the balance written off.
/// </summary>
/// <param name="Loss">The balance outstanding at the obligor's default less the recovery; zero if it never defaulted.</param>
/// <param name="DefaultDate">The date the scenario makes its obligor default, when the loan was still outstanding
/// then (and the deal still running); null otherwise, e.g. when the loan had already been repaid.</param>
public sealed record LoanSummary(
    string Name,
    double InterestReceived,
    double PrincipalReceived,
    double Recovery,
    double Loss,
    Date? DefaultDate);
