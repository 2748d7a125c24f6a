namespace DealLang.Runner.Analytics;

/// <summary>
/// Macaulay and modified duration of future flows at an annually compounded yield. Times are years
/// from the valuation date (not from the first flow, unlike <see cref="Irr"/>), because duration is
/// the present-value-weighted time until each flow arrives.
/// </summary>
public static class Duration
{
    /// <summary>
    /// Σ t_i PV_i / Σ PV_i with PV_i = a_i / (1+y)^t_i. <see cref="double.NaN"/> when the flows are
    /// worth nothing at that yield, since the weights are then undefined.
    /// </summary>
    public static double Macaulay(double annualYield, ReadOnlySpan<double> years, ReadOnlySpan<double> amounts)
    {
        FlowArguments.RequireSameLength(years, amounts);
        RequireYieldAboveMinusOne(annualYield);
        var growth = 1.0 + annualYield;
        var weighted = 0.0;
        var value = 0.0;
        for (var i = 0; i < years.Length; i++)
        {
            var presentValue = amounts[i] / Math.Pow(growth, years[i]);
            weighted += years[i] * presentValue;
            value += presentValue;
        }

        return value == 0.0 ? double.NaN : weighted / value;
    }

    /// <summary>
    /// −(dP/dy)/P, which for annual compounding is Macaulay / (1+y): the relative price change per
    /// unit change in the annual yield.
    /// </summary>
    public static double Modified(double annualYield, ReadOnlySpan<double> years, ReadOnlySpan<double> amounts) =>
        Macaulay(annualYield, years, amounts) / (1.0 + annualYield);

    static void RequireYieldAboveMinusOne(double annualYield)
    {
        if (!(annualYield > -1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(annualYield), annualYield, "An annually compounded yield must be above −100%.");
        }
    }
}
