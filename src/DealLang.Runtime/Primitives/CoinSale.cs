using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// A coin sale into a thin market (docs/language.md, "coins"): selling <c>q</c> coins in one period at the price
/// <c>P</c> realises <c>P × q × (1 − impact × q / depth)</c> (the average price falls linearly with the volume sold
/// relative to the market's depth: selling the whole depth costs <c>impact</c> of the price). A <c>sell … to
/// cover</c> step sells the fewest coins that raise the shortfall <c>S</c>, the smaller root of
/// <c>k·P·q² − P·q + S = 0</c> with <c>k = impact / depth</c>; when no sale raises <c>S</c> (too few coins held, or
/// <c>S</c> beyond the most the market pays, at <c>q = depth / (2 × impact)</c>) it sells what raises the most.
/// Allocation-free: the generated loop calls it.
/// </summary>
public static class CoinSale
{
    /// <summary>The coins to sell to raise <paramref name="shortfall"/>, at most <paramref name="held"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CoinsToSell(double shortfall, double price, double held, double depth, double impact)
    {
        if (shortfall <= 0.0 || price <= 0.0 || held <= 0.0)
        {
            return 0.0;
        }

        if (impact <= 0.0 || depth <= 0.0)
        {
            return Math.Min(held, shortfall / price);
        }

        double k = impact / depth;
        double most = Math.Min(held, 0.5 / k); // beyond it, selling more raises less
        if (Proceeds(most, price, depth, impact) <= shortfall)
        {
            return most;
        }

        // The smaller root, written as 2S / (P (1 + sqrt(1 − 4kS/P))) so it does not cancel when k·S/P is small.
        double disc = 1.0 - 4.0 * k * shortfall / price;
        return 2.0 * shortfall / (price * (1.0 + Math.Sqrt(Math.Max(0.0, disc))));
    }

    /// <summary>
    /// A pro-rata forced sale of several holdings (docs/language.md, "A forced sale"): selling the share <c>s</c> of
    /// each holding's marked value left <c>L_h</c> raises Σ_h s L_h P_h (1 − k_h s L_h) = <paramref name="linear"/> × s
    /// − <paramref name="quadratic"/> × s², with <c>linear</c> = Σ L_h P_h and <c>quadratic</c> = Σ
    /// <see cref="QuadraticTerm"/>. The least <c>s</c> in [0, 1] that raises <paramref name="shortfall"/>, the smaller
    /// root (written so it does not cancel, as <see cref="CoinsToSell"/>'s); when none does, the share that raises the
    /// most: 1, or <c>linear / (2 quadratic)</c> if that is less (beyond it selling more raises less).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ShareToSell(double shortfall, double linear, double quadratic)
    {
        if (shortfall <= 0.0 || linear <= 0.0)
        {
            return 0.0;
        }

        if (quadratic <= 0.0)
        {
            return Math.Min(1.0, shortfall / linear);
        }

        double most = Math.Min(1.0, 0.5 * linear / quadratic);
        if ((linear * most) - (quadratic * most * most) <= shortfall)
        {
            return most;
        }

        double disc = 1.0 - (4.0 * quadratic * shortfall / (linear * linear));
        return 2.0 * shortfall / (linear * (1.0 + Math.Sqrt(Math.Max(0.0, disc))));
    }

    /// <summary>A holding's part of <see cref="ShareToSell"/>'s <c>quadratic</c>: L² × P × impact / depth, the
    /// price its own market gives up as the share sold grows (0 without a depth or an impact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double QuadraticTerm(double left, double price, double depth, double impact) =>
        impact <= 0.0 || depth <= 0.0 ? 0.0 : left * left * price * impact / depth;

    /// <summary>What selling <paramref name="coins"/> in one period realises.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Proceeds(double coins, double price, double depth, double impact) =>
        impact <= 0.0 || depth <= 0.0 ? coins * price : coins * price * (1.0 - impact * coins / depth);

    /// <summary>What an enforcement sale of all <paramref name="held"/> coins in one period realises before the
    /// haircut: the market pays at most what <c>depth / (2 × impact)</c> coins fetch (beyond it selling more raises
    /// less), so the coins above that add nothing; without an impact, <c>held × price</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Liquidation(double held, double price, double depth, double impact) =>
        held <= 0.0 || price <= 0.0 ? 0.0
        : impact <= 0.0 || depth <= 0.0 ? held * price
        : Proceeds(Math.Min(held, 0.5 * depth / impact), price, depth, impact);

    /// <summary>
    /// What a period's share of a spread sale realises in a coins market that remembers (docs/language.md §9,
    /// "coin-impact-carry"), before the haircut: the share is priced on the depression <paramref name="depression"/>
    /// carried into the period as well as on its own impact, <c>P × q × max(0, 1 − D − impact × q / depth)</c>, with q
    /// capped at the most the depressed market pays, <c>depth × (1 − D) / (2 × impact)</c> (coins beyond it add
    /// nothing, as in <see cref="Liquidation"/>); nothing when D is 1 or more. With D = 0 it is <see cref="Liquidation"/>'s
    /// value, to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CarriedLiquidation(double coins, double price, double depth, double impact, double depression)
    {
        double left = 1.0 - depression; // the price factor the depression leaves before this period's own impact
        if (coins <= 0.0 || price <= 0.0 || left <= 0.0)
        {
            return 0.0;
        }

        if (impact <= 0.0 || depth <= 0.0)
        {
            return coins * price * left;
        }

        double q = Math.Min(coins, 0.5 * depth * left / impact);
        return q * price * (left - impact * q / depth);
    }

    /// <summary>The depression a spread sale's period carries into the next (docs/language.md §9, "coin-impact-carry"):
    /// <c>D' = decay × (D + impact × coins / depth)</c>, every coin the period sold weighing on the market (the coins
    /// beyond the most it pays fetch nothing, but they were sold into it); <paramref name="decay"/> is
    /// <see cref="PeriodDecay"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CarriedAfter(double coins, double depth, double impact, double depression, double decay) =>
        decay * (depression + (impact <= 0.0 || depth <= 0.0 ? 0.0 : impact * coins / depth));

    /// <summary>What a period keeps of the coins market's depression, 2^(−m / h) for periods of
    /// <paramref name="monthsPerPeriod"/> months and a half-life of <paramref name="halfLifeMonths"/> months; 0 (nothing
    /// carried) for a half-life of 0 or less.</summary>
    public static double PeriodDecay(int monthsPerPeriod, double halfLifeMonths) =>
        halfLifeMonths > 0.0 ? Math.Pow(2.0, -monthsPerPeriod / halfLifeMonths) : 0.0;

    /// <summary>Hours in each period (its actual days × 24), which a miner's rewards and power are counted over.</summary>
    public static double[] PeriodHours(Date[] boundaries)
    {
        var hours = new double[Math.Max(0, boundaries.Length - 1)];
        for (int t = 0; t < hours.Length; t++)
        {
            hours[t] = Date.DaysBetween(boundaries[t], boundaries[t + 1]) * 24.0;
        }

        return hours;
    }
}
