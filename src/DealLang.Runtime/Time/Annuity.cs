namespace DealLang.Runtime;

/// <summary>
/// Level-payment (mortgage-style) and straight-line amortisation amounts. Rates are per period
/// (an annual 6% paid monthly is 0.005); a per-period rate of −1 or less is meaningless and not checked.
/// </summary>
public static class Annuity
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
    /// <see cref="Payment(double, double, int)"/>.
    /// </summary>
    public static double Payment(double balance, ReadOnlySpan<double> periodRates)
    {
        if (periodRates.IsEmpty)
        {
            return balance;
        }

        // Solves balance·Π(1 + r_k) = P·Σ_j Π_{k ≥ j}(1 + r_k) in one backward pass: growth is the
        // compounding from period j to the end, and each payment is worth its own growth at maturity.
        double growth = 1.0;
        double paymentsAtMaturity = 0.0;
        for (int k = periodRates.Length - 1; k >= 0; k--)
        {
            paymentsAtMaturity += growth;
            growth *= 1.0 + periodRates[k];
        }

        return balance * growth / paymentsAtMaturity;
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
