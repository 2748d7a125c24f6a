using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// What a guarantor paid under one guarantee in one scenario (docs/language.md §12, "The summary"), in the deal's
/// currency, unrounded: a state's fiscal cost is its <see cref="NetCost"/>.
/// </summary>
/// <param name="Name">The guarantee: <c>Google for FluidstackLease</c>.</param>
/// <param name="Paid">All it paid over the run: rent into the deal's collections, or interest and principal to a
/// tranche's holders.</param>
/// <param name="Recovered">What a tranche's guarantor got back from the holders out of the issuer's later payment of
/// arrears it had paid (its subrogation); zero behind a lease.</param>
/// <param name="FeeReceived">The guarantee fee the issuer paid it over the run (<c>pay T.guarantee_fee</c>, both
/// waterfalls); zero behind a lease or a contract, whose guarantees carry no fee.</param>
/// <param name="FirstPayment">The end date of the first period in which it paid; null when it never paid.</param>
/// <param name="LastPayment">The end date of the last period in which it paid; null when it never paid.</param>
/// <param name="CapUsed">What it paid over its cap (NaN for a cap of zero; exactly 1 when under half a cent of the cap is left).</param>
public sealed record GuaranteeSummary(
    string Name,
    string Guarantor,
    double Cap,
    double Paid,
    double Recovered,
    double FeeReceived,
    Date? FirstPayment,
    Date? LastPayment,
    double CapUsed)
{
    /// <summary>What it paid less what it got back and less the fee it was paid (docs/language.md §5, "Guarantors"):
    /// a state's fiscal cost, negative where the fees and recoveries exceed its payments (a guarantee never called
    /// costs minus its fees).</summary>
    public double NetCost => Paid - Recovered - FeeReceived;
}
