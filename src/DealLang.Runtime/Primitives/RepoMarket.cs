namespace DealLang.Runtime;

/// <summary>
/// The repo market's volumes (docs/language.md §9, "The repo market", "reserve"): how many of the units offered in a
/// period a lender sells, never past the volume that pays it most, the holding cost of the units it keeps counted
/// (<see cref="BestVolumeHolding"/>), and none below a
/// reserve price when it has one. The price per unit falls linearly with the month's volume, so
/// the volume whose price is exactly the reserve is the most it sells. With a half-life (docs/language.md §9,
/// "impact-carry") the impact a month's sales leave on the price carries into the months after it: a period of m months
/// is stepped a month at a time, each month selling q / m units at a price cut by the depression carried into it and by
/// its own volume's impact. Allocation-free, called by the generated loop.
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

    /// <summary>The factor the carried depression is multiplied by each month, 2^(−1/h) for a half-life of
    /// <paramref name="halfLifeMonths"/> months; 0 (nothing carried) for a half-life of 0 or less.</summary>
    public static double MonthlyDecay(double halfLifeMonths) => halfLifeMonths > 0.0 ? Math.Pow(2.0, -1.0 / halfLifeMonths) : 0.0;

    /// <summary>What <paramref name="sold"/> units realise over a period of <paramref name="months"/> months whose first
    /// month's price is depressed by <paramref name="carried"/>: each month k = 0 … m − 1 sells s = sold / months at
    /// <c>max(0, gross × max(0, 1 − D_k − a) − costs)</c>, with a = impact × s / depth the month's own impact and
    /// D_(k+1) = decay × (D_k + a) the depression carried into the next month (<see cref="MonthlyDecay"/>); D_0 =
    /// <paramref name="carried"/>. With a decay of 0 and nothing carried, the period's price is the market's without a
    /// memory, <c>max(0, gross × max(0, 1 − a) − costs)</c>, every month.</summary>
    public static double CarriedProceeds(double sold, double gross, double months, double depth, double impact, double costs, double carried, double decay)
    {
        double monthly = sold / months, own = impact * monthly / depth, depression = carried, proceeds = 0.0;
        for (int k = 0; k < months; k++)
        {
            proceeds += monthly * Math.Max(0.0, gross * Math.Max(0.0, 1.0 - depression - own) - costs);
            depression = decay * (depression + own);
        }

        return proceeds;
    }

    /// <summary>The depression carried out of a period of <paramref name="months"/> months into the next one's first
    /// month, after <paramref name="sold"/> units were sold in it (sold / months a month) on a depression of
    /// <paramref name="carried"/> at its start: D_m of <see cref="CarriedProceeds"/>. A period that sells nothing lets the
    /// depression fade by decay^m.</summary>
    public static double CarriedAfter(double sold, double months, double depth, double impact, double carried, double decay)
    {
        double own = impact * (sold / months) / depth, depression = carried;
        for (int k = 0; k < months; k++)
        {
            depression = decay * (depression + own);
        }

        return depression;
    }

    /// <summary>The units sold of <paramref name="offered"/> with a reserve in a market that carries its impact: all of
    /// them when every month's price (<see cref="CarriedProceeds"/>) is at least <paramref name="reserve"/>; otherwise
    /// the most whole units whose every month fetches it. Month k's price is at least R = reserve when its price factor
    /// is at least r = (R + costs) / gross: with x = impact × (q / m) / depth, D_k = decay^k × D_0 + x × S_k (S_k = decay
    /// + … + decay^k, S_0 = 0), so 1 − decay^k × D_0 − x × (1 + S_k) ≥ r for every k below m, and
    /// <c>q_R = floor(m × depth / impact × min_k (1 − r − decay^k × D_0) / (1 + S_k))</c>, none when that is not
    /// above 0 (even the first unit's price is below the reserve). Without a carry (D_0 = 0, decay 0) it is
    /// <see cref="VolumeAtReserve"/>'s volume.</summary>
    public static double VolumeAtReserveCarried(double offered, double gross, double months, double depth, double impact, double costs,
        double reserve, double carried, double decay)
    {
        if (offered <= 0.0 || EveryMonthFetches(offered, gross, months, depth, impact, costs, reserve, carried, decay))
        {
            return offered;
        }

        if (impact <= 0.0 || gross <= 0.0)
        {
            return 0.0; // the volume moves no price: the months below the reserve stay below it at any volume
        }

        double r = (reserve + costs) / gross, lowest = double.PositiveInfinity, fade = 1.0, sum = 0.0;
        for (int k = 0; k < months; k++)
        {
            lowest = Math.Min(lowest, (1.0 - r - (fade * carried)) / (1.0 + sum));
            fade *= decay;
            sum += fade;
        }

        return lowest <= 0.0 ? 0.0 : Math.Clamp(Math.Floor(months * depth * lowest / impact), 0.0, offered);
    }

    /// <summary>
    /// The units of <paramref name="offered"/> a period sells before selling more would raise less (docs/language.md §9,
    /// "The repo market"): a lender does not sell past the volume the market pays most for, as a coins or holdings sale
    /// does not. Month k of the period sells s = q / m at <c>gross × (1 − decay^k × D_0 − a × (1 + S_k)) − costs</c>, a =
    /// impact × s / depth, S_k = decay + … + decay^k (S_0 = 0): the period raises s × A − s² × B, with A = Σ_k (gross ×
    /// (1 − decay^k × D_0) − costs) and B = gross × impact / depth × Σ_k (1 + S_k), most at s* = A / (2B), so
    /// <c>q* = floor(m × A / (2B))</c> whole units. Without a carry (D_0 = 0, decay 0) that is
    /// <c>floor(m × depth × (1 − costs / gross) / (2 × impact))</c>, each unit then fetching (gross − costs) / 2. All that
    /// is offered when the price does not fall with the volume (no impact) or no volume raises anything (A ≤ 0: the units
    /// are given away at 0 either way, and one held back would only cost its opex). Myopic: the period's own proceeds, not
    /// the depression a period's sales carry into the next ones; <see cref="BestVolumeHolding"/> weighs the opex of the
    /// units held back too.
    /// </summary>
    public static double BestVolume(double offered, double gross, double months, double depth, double impact, double costs, double carried, double decay)
    {
        if (offered <= 0.0 || impact <= 0.0 || gross <= 0.0)
        {
            return offered;
        }

        double linear = 0.0, quadratic = 0.0, fade = 1.0, sum = 0.0;
        for (int k = 0; k < months; k++)
        {
            linear += (gross * (1.0 - (fade * carried))) - costs;
            quadratic += 1.0 + sum;
            fade *= decay;
            sum += fade;
        }

        if (linear <= 0.0)
        {
            return offered;
        }

        double best = Math.Floor(months * linear / (2.0 * gross * impact / depth * quadratic));
        return Math.Clamp(best, 0.0, offered);
    }

    /// <summary>
    /// The units of <paramref name="offered"/> a period sells when each unit held back costs <paramref name="holding"/>
    /// over the next period (docs/language.md §9, "The repo market": an idle unit's power and maintenance at the fleet's
    /// idle_cost share). The lender weighs the period's proceeds against the holding cost of the units it keeps:
    /// s × A − s² × B − holding × (offered − m × s), most at s* = (A + m × holding) / (2B). A unit sold in any month of
    /// the period saves the whole next period's holding cost, so that is <see cref="BestVolume"/> with
    /// <c>costs − holding</c> per unit (A gains m × holding: one holding per unit, not spread over the months). The
    /// quadratic is the proceeds only while every month's price is at least 0: past the volume that takes a month's
    /// price to 0, selling more raises nothing there but still saves the holding cost, so the lender sells all that is
    /// offered when that is worth more, its proceeds (<see cref="CarriedProceeds"/>, floored at 0) plus the holding
    /// saved, than the vertex's. Without a carry the objective is concave up to that volume and rises after it, so these
    /// two are its only candidates; with a half-life the months' prices reach 0 at different volumes, and only these two
    /// are compared. One period's holding cost, not every period's until the unit would be sold: myopic as
    /// <see cref="BestVolume"/> is (the next period faces the same choice). A holding cost of 0 or less is
    /// <see cref="BestVolume"/>'s volume exactly.
    /// </summary>
    public static double BestVolumeHolding(double offered, double gross, double months, double depth, double impact, double costs, double carried,
        double decay, double holding)
    {
        if (holding <= 0.0)
        {
            return BestVolume(offered, gross, months, depth, impact, costs, carried, decay);
        }

        double vertex = BestVolume(offered, gross, months, depth, impact, costs - holding, carried, decay);
        if (vertex >= offered)
        {
            return offered;
        }

        // Each objective less the holding of every unit offered (the same for both): proceeds + holding × units sold.
        double atVertex = CarriedProceeds(vertex, gross, months, depth, impact, costs, carried, decay) + (holding * vertex);
        double atAll = CarriedProceeds(offered, gross, months, depth, impact, costs, carried, decay) + (holding * offered);
        return atAll > atVertex ? offered : vertex;
    }

    // Whether every month of the period prices the offered units at the reserve or more.
    private static bool EveryMonthFetches(double offered, double gross, double months, double depth, double impact, double costs, double reserve,
        double carried, double decay)
    {
        double own = impact * (offered / months) / depth, depression = carried;
        for (int k = 0; k < months; k++)
        {
            if (Math.Max(0.0, gross * Math.Max(0.0, 1.0 - depression - own) - costs) < reserve)
            {
                return false;
            }

            depression = decay * (depression + own);
        }

        return true;
    }
}
