namespace DealLang.Runtime;

/// <summary>
/// The repo market's reserve (docs/language.md §9, "reserve"): how many of the units offered in a period a lender
/// sells when it sells none below a reserve price. The price per unit falls linearly with the month's volume, so
/// the volume whose price is exactly the reserve is the most it sells; allocation-free, called by the generated loop.
/// </summary>
public static class RepoMarket
{
    /// <summary>The units sold of <paramref name="offered"/> in a period of <paramref name="months"/> months with a
    /// reserve: all of them when their price is at least <paramref name="reserve"/>; none when even the first unit's
    /// (the gross price less the costs) is below it; otherwise the volume <c>q</c> whose price
    /// <c>gross × (1 − impact × (q / months) / depth) − costs</c> equals the reserve,
    /// <c>months × depth × (1 − (reserve + costs) / gross) / impact</c>, rounded down to whole GPUs (so each fetches at
    /// least the reserve). <paramref name="gross"/> is the market value per unit less the haircut.</summary>
    public static double VolumeAtReserve(double offered, double gross, double months, double depth, double impact, double costs, double reserve)
    {
        double price = Math.Max(0.0, gross * Math.Max(0.0, 1.0 - (impact * (offered / months) / depth)) - costs);
        if (price >= reserve || offered <= 0.0)
        {
            return offered;
        }

        if (gross - costs < reserve || impact <= 0.0 || gross <= 0.0)
        {
            return 0.0; // no volume fetches the reserve (with no impact, the price is the same at any volume)
        }

        return Math.Clamp(Math.Floor(months * depth * (1.0 - ((reserve + costs) / gross)) / impact), 0.0, offered);
    }
}
