using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// A fund's distribution waterfall (docs/language.md §5 "A fund's LPs: hurdle and carry") over one stream of
/// distributions: each period's distributions go first to the LPs until they have back their capital and the
/// preferred return (the hurdle account), then to the GP's catch-up, then are split between LPs and GP by the
/// carry. Cumulative over the stream, so the GP takes no carry before the stream's LPs have their capital and
/// hurdle back. The stream is one LP class's share of the whole fund (whole-fund, "European"), or of one holding
/// (deal by deal, <see cref="DealByDealCarry"/>). The split moves no cash inside the deal: what the equity
/// receives leaves the deal either way.
/// </summary>
static class CarrySplit
{
    /// <summary>Capital paid in at <see cref="Years"/> (ACT/365F from the closing): a dated call, scaled to the stream.</summary>
    public readonly record struct Call(double Years, double Amount);

    /// <summary>An equity's dated capital calls, each at its ACT/365F years from the closing.</summary>
    public static Call[] CallsOf(DealDescription deal, EquityInfo equity) =>
        [.. equity.Calls.Select(c => new Call(DayCounts.YearFraction(DayCount.Act365F, deal.Closing, c.Date), c.Amount))];

    /// <summary>How many of <paramref name="calls"/> (in date order) a run of <paramref name="periods"/> periods reached:
    /// those dated on or before its last period's end (a run that ended early leaves the later ones uncalled).</summary>
    public static int CallsReached(ReadOnlySpan<Call> calls, ReadOnlySpan<double> years, int periods)
    {
        int made = 0;
        while (made < calls.Length && periods > 0 && calls[made].Years <= years[periods - 1])
        {
            made++;
        }

        return made;
    }

    /// <summary>Splits <paramref name="distributions"/> (per period) into the LPs' and the GP's parts, in buffers the
    /// caller owns (a Monte Carlo path's, path after path with no allocation): the first <paramref name="periods"/> of
    /// <paramref name="lps"/> and <paramref name="gp"/> are written.</summary>
    /// <param name="contributed">The stream's capital paid at the closing.</param>
    /// <param name="calls">The stream's capital called later, at their times; a call after the last period's end is not made.</param>
    /// <param name="injections">What the LPs paid in at each period's end (equity cures); empty: none.</param>
    /// <param name="years">ACT/365F years from closing to each period's end (the IRR's times).</param>
    public static void Split(CarryTerms terms, double contributed, ReadOnlySpan<Call> calls, ReadOnlySpan<double> distributions,
        ReadOnlySpan<double> injections, ReadOnlySpan<double> years, int periods, Span<double> lps, Span<double> gp)
    {
        double hurdleAccount = contributed; // unreturned capital plus preferred return, compounding
        double capital = contributed;
        double toLps = 0, toGp = 0;
        double previous = 0;
        int next = 0;
        for (int t = 0; t < periods; t++)
        {
            hurdleAccount *= Math.Pow(1 + terms.Hurdle, years[t] - previous);
            previous = years[t];

            // each call accrues the hurdle from its own date to the period's end
            for (; next < calls.Length && calls[next].Years <= years[t]; next++)
            {
                hurdleAccount += calls[next].Amount * Math.Pow(1 + terms.Hurdle, years[t] - calls[next].Years);
                capital += calls[next].Amount;
            }

            double paidIn = injections.IsEmpty ? 0.0 : injections[t];
            hurdleAccount += paidIn;
            capital += paidIn;

            double d = distributions[t];
            double lp = 0, g = 0;

            // 1. the LPs' capital and preferred return
            double first = Math.Min(d, hurdleAccount);
            hurdleAccount -= first;
            lp += first;
            d -= first;

            // 2. the GP's catch-up: catch_up of each unit until it holds carry × profits distributed so far
            if (d > 0 && terms.CatchUp > terms.Rate)
            {
                double deficit = terms.Rate * (toLps + lp + toGp + g - capital) - (toGp + g);
                if (deficit > 0)
                {
                    double x = Math.Min(d, deficit / (terms.CatchUp - terms.Rate));
                    g += terms.CatchUp * x;
                    lp += (1 - terms.CatchUp) * x;
                    d -= x;
                }
            }

            // 3. the carry split
            g += terms.Rate * d;
            lp += (1 - terms.Rate) * d;

            lps[t] = lp;
            gp[t] = g;
            toLps += lp;
            toGp += g;
        }
    }
}
