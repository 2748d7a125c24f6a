using System.Globalization;
using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// The conservation invariant (docs/codebase.md, "Cash is conserved"): every period,
/// collections = payments out (fees, interest, principal, distributions) + change in account balances.
/// Tolerance scales with the cash involved because the amounts are doubles.
/// The checks are inlined into the generated loop (Run's and RunDefaulted's, each period; RunSummary's after its
/// periods, <see cref="VerifyPeriods"/>), and their failures are throw helpers the JIT knows never return: a call the
/// loop makes and comes back from would make the JIT keep the deal's whole state on the stack around it
/// (bench/HISTORY.md, "Session 2026-12-03b"). The Monte Carlo engine checks cash on every path.
/// </summary>
public static class CashCheck
{
    /// <summary>
    /// Throws <see cref="CashConservationException"/> when the period's cash does not add up. A period whose
    /// amounts are not all finite is not checked: an amount beyond ±1.8e308 (a deal compounding a 1e300 coupon,
    /// or 100% a quarter for 2,000 years) is infinite, infinities subtract to NaN, and conservation cannot be
    /// measured in either. That is the deal's arithmetic leaving the range of doubles, not a DealLang bug; the
    /// reports show such amounts as n/a. (An n/a ratio inside an amount never gets here: the generated loop
    /// counts such an amount as 0, <see cref="Flows.AmountOrZero"/>.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Verify(int period, double collections, double paidOut, double accountsStart, double accountsEnd)
    {
        if (!double.IsFinite(collections) || !double.IsFinite(paidOut)
            || !double.IsFinite(accountsStart) || !double.IsFinite(accountsEnd))
        {
            return;
        }

        double delta = accountsEnd - accountsStart;
        double error = collections - paidOut - delta;
        double scale = Math.Max(1.0, Math.Abs(collections) + Math.Abs(paidOut) + Math.Abs(accountsStart) + Math.Abs(accountsEnd));
        if (!(Math.Abs(error) <= 1e-9 * scale))
        {
            NotConserved(period, collections, paidOut, delta, error);
        }
    }

    /// <summary>
    /// Throws <see cref="CashConservationException"/> when cash is left in the accounts after the run's last period:
    /// the final period releases every account into the waterfall, so nothing may be stranded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void VerifyNothingLeft(int period, double accountsEnd)
    {
        if (double.IsFinite(accountsEnd) && Math.Abs(accountsEnd) > 0.005)
        {
            Stranded(period, accountsEnd);
        }
    }

    /// <summary>
    /// The checks of periods 0 to <paramref name="periods"/> − 1 of a summary-only loop, which stored their terms in
    /// <paramref name="result"/> (<see cref="RunResult.CashPaidOut"/>, with <see cref="RunResult.Collections"/>) rather
    /// than checking each period as it ran: the same <see cref="Verify"/> of each period in order (the first that fails
    /// throws, naming it), and <see cref="VerifyNothingLeft"/> at <paramref name="finalPeriod"/> if it is among them.
    /// Out of the loop, the check's arithmetic and branches no longer crowd the JIT's registers in every period
    /// (CoreWeave's loop was about 5% faster for it: bench/HISTORY.md, "Session 2026-12-03c").
    /// </summary>
    public static void VerifyPeriods(RunResult result, int periods, int finalPeriod)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] collections = result.Collections;
        double[] paidOut = result.CashPaidOut;
        double[] start = result.CashHeldStart;
        double[] end = result.CashHeldEnd;
        for (int t = 0; t < periods; t++)
        {
            Verify(t, collections[t], paidOut[t], start[t], end[t]);
        }

        if (finalPeriod >= 0 && finalPeriod < periods)
        {
            VerifyNothingLeft(finalPeriod, end[finalPeriod]);
        }
    }

    // The failures: they only throw, so the JIT does not inline them and treats a call to one as the end of the path.
    private static void NotConserved(int period, double collections, double paidOut, double delta, double error) =>
        throw new CashConservationException(string.Create(CultureInfo.InvariantCulture,
            $"cash not conserved in period {period}: collections {collections:F2} != paid {paidOut:F2} + account change {delta:F2} (error {error:G6})"));

    private static void Stranded(int period, double accountsEnd) =>
        throw new CashConservationException(string.Create(CultureInfo.InvariantCulture,
            $"cash stranded after the last period {period}: the accounts still hold {accountsEnd:F2}"));
}
