using System.Globalization;

namespace DealLang.Runtime;

/// <summary>
/// The conservation invariant of ARCHITECTURE.md: every period,
/// collections = payments out (fees, interest, principal, distributions) + change in account balances.
/// Tolerance scales with the cash involved because the amounts are doubles.
/// </summary>
public static class CashCheck
{
    public static void Verify(int period, double collections, double paidOut, double accountsStart, double accountsEnd)
    {
        double delta = accountsEnd - accountsStart;
        double error = collections - paidOut - delta;
        double scale = Math.Max(1.0, Math.Abs(collections) + Math.Abs(paidOut) + Math.Abs(accountsStart) + Math.Abs(accountsEnd));
        if (!(Math.Abs(error) <= 1e-9 * scale))
        {
            throw new CashConservationException(string.Create(CultureInfo.InvariantCulture,
                $"cash not conserved in period {period}: collections {collections:F2} != paid {paidOut:F2} + account change {delta:F2} (error {error:G6})"));
        }
    }
}
