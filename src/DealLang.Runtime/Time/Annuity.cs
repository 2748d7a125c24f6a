using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// Level-payment (mortgage-style) and straight-line amortisation amounts. Rates are per period
/// (an annual 6% paid monthly is 0.005); a per-period rate of −1 or less is meaningless and not checked.
/// The generated loop's <c>level</c> amortisation uses the unequal-period forms (with weights); their inputs come
/// from <see cref="PeriodRates"/> and <see cref="PeriodWeights"/> (Annuity.Periods.cs).
/// </summary>
public static partial class Annuity
{
    /// <summary>
    /// The constant payment that repays <paramref name="balance"/> with interest over <paramref name="periods"/>
    /// equal periods: balance·r / (1 − (1 + r)^−n). A zero rate spreads the balance evenly; no periods left
    /// means the whole balance is due now.
    /// </summary>
    public static double Payment(double balance, double periodRate, int periods)
    {
        if (periods <= 0)
        {
            return balance;
        }

        if (periodRate == 0.0)
        {
            return balance / periods;
        }

        return balance * periodRate / (1.0 - Math.Pow(1.0 + periodRate, -periods));
    }

    /// <summary>
    /// The constant payment for periods of unequal length (e.g. ACT/360 accrual): period <c>k</c> accrues
    /// <c>periodRates[k]</c> on the balance outstanding during it and the payment falls at its end, so that
    /// the balance is exactly repaid after the last period. With equal rates this equals
    /// <see cref="Payment(double, double, int)"/>. The ACTUS ANN convention: every date pays the same amount.
    /// </summary>
    public static double Payment(double balance, ReadOnlySpan<double> periodRates) =>
        Payment(balance, periodRates, []);

    /// <summary>
    /// As <see cref="Payment(double, ReadOnlySpan{double})"/>, but period <c>k</c> pays <c>periodWeights[k]</c>
    /// times the returned payment P (an empty span: every weight 1), so a stub can pay its share of a regular
    /// period's payment: P = balance·Π(1 + r_k) / Σ_j w_j·Π_{k &gt; j}(1 + r_k).
    /// </summary>
    public static double Payment(double balance, ReadOnlySpan<double> periodRates, ReadOnlySpan<double> periodWeights)
    {
        if (periodRates.IsEmpty)
        {
            return balance;
        }

        // One backward pass: growth is the compounding from period k to the end, and each payment is worth
        // its weight times the growth after it at maturity.
        double growth = 1.0;
        double paymentsAtMaturity = 0.0;
        for (int k = periodRates.Length - 1; k >= 0; k--)
        {
            paymentsAtMaturity += (periodWeights.IsEmpty ? 1.0 : periodWeights[k]) * growth;
            growth *= 1.0 + periodRates[k];
        }

        return balance * growth / paymentsAtMaturity;
    }

    /// <summary>
    /// The principal part of this period's payment under <see cref="Payment(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/>,
    /// where the spans start at this period and run to the last: w_0·P − balance·r_0, kept within [0, balance].
    /// Recomputed each period it gives the same P as long as every payment is made. A non-positive balance
    /// amortises nothing; the last period (or none left) repays the balance exactly. What the generated loop
    /// calls for <c>amortize level</c>.
    /// </summary>
    public static double LevelPrincipal(double balance, ReadOnlySpan<double> periodRates, ReadOnlySpan<double> periodWeights)
    {
        if (balance <= 0.0)
        {
            return 0.0;
        }

        if (periodRates.Length <= 1)
        {
            return balance;
        }

        double weight = periodWeights.IsEmpty ? 1.0 : periodWeights[0];
        double payment = Payment(balance, periodRates, periodWeights);
        return Math.Clamp((weight * payment) - (balance * periodRates[0]), 0.0, balance);
    }

    /// <summary>
    /// <see cref="LevelPrincipal(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/> from the precomputed sums
    /// of <see cref="LevelSums"/> (what the generated loop calls: O(1) a period): w·P − balance·r with
    /// P = balance·growth / paymentsAtMaturity, within [0, balance]; the last period repays the balance.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // every amortising period of every level entity
    public static double LevelPrincipal(
        double balance, double periodRate, double periodWeight, double growth, double paymentsAtMaturity, int remainingPeriods)
    {
        if (balance <= 0.0)
        {
            return 0.0;
        }

        if (remainingPeriods <= 1)
        {
            return balance;
        }

        double payment = balance * growth / paymentsAtMaturity;
        return Math.Clamp((periodWeight * payment) - (balance * periodRate), 0.0, balance);
    }

    /// <summary>
    /// The principal part of this period's level payment: <see cref="Payment(double, double, int)"/> minus
    /// this period's interest, kept within [0, balance] so that rounding can neither lend more nor repay more
    /// than is outstanding. A non-positive balance amortises nothing. The last period (or none left) repays
    /// the balance exactly, so no rounding dust is carried past maturity.
    /// </summary>
    public static double LevelPrincipal(double balance, double periodRate, int remainingPeriods)
    {
        if (balance <= 0.0)
        {
            return 0.0;
        }

        if (remainingPeriods <= 1)
        {
            return balance;
        }

        return Math.Clamp(Payment(balance, periodRate, remainingPeriods) - (balance * periodRate), 0.0, balance);
    }

    /// <summary>Straight-line amortisation: an equal share of the balance per remaining period; all of it when none remain.</summary>
    public static double LinearPrincipal(double balance, int remainingPeriods) =>
        remainingPeriods <= 0 ? balance : balance / remainingPeriods;
}
