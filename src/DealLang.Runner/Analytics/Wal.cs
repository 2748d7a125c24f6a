namespace DealLang.Runner.Analytics;

/// <summary>Weighted average life: the principal-weighted mean time to repayment.</summary>
public static class Wal
{
    /// <summary>
    /// Σ t_i p_i / Σ p_i with <paramref name="years"/> measured from the analysis date (not from the
    /// first payment, unlike <see cref="Irr"/>). <see cref="double.NaN"/> when no principal is paid,
    /// because a tranche that never amortises has no average life rather than a life of zero.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> years, ReadOnlySpan<double> principal)
    {
        FlowArguments.RequireSameLength(years, principal);
        var weighted = 0.0;
        var total = 0.0;
        for (var i = 0; i < years.Length; i++)
        {
            weighted += years[i] * principal[i];
            total += principal[i];
        }

        return total == 0.0 ? double.NaN : weighted / total;
    }
}
