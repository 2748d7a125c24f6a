using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each equity's <see cref="EquitySummary"/> from a finished run.</summary>
static class EquitySummaries
{
    public static ImmutableArray<EquitySummary> Build(DealDescription deal, RunResult result, int periods, double[] years)
    {
        var summaries = ImmutableArray.CreateBuilder<EquitySummary>(deal.Equities.Length);
        for (int e = 0; e < deal.Equities.Length; e++)
        {
            EquityInfo equity = deal.Equities[e];
            double distributed = PeriodYears.Sum(result.Distributions[e], periods);
            var holders = ImmutableArray.CreateBuilder<HolderShare>(equity.Holders.Length);
            foreach (EquityHolder holder in equity.Holders)
            {
                holders.Add(new HolderShare(HolderName(deal, holder.Party), holder.Share, distributed * holder.Share));
            }

            var summary = new EquitySummary(
                equity.Name,
                equity.Contributed,
                distributed,
                PeriodYears.Irr(years, equity.Contributed, result.Distributions[e], null, result.Injections[e]),
                holders.MoveToImmutable());
            if (equity.Carry is { } carry)
            {
                summary = WithCarry(deal, equity, carry, result.Distributions[e], result.Injections[e], years, periods, summary);
            }

            summaries.Add(summary);
        }

        return summaries.MoveToImmutable();
    }

    // With a carry the holders are LP classes sharing the LPs' part pro rata; the GP's part is the carry.
    static EquitySummary WithCarry(DealDescription deal, EquityInfo equity, CarryTerms carry, double[] distributions, double[] injections,
        double[] years, int periods, EquitySummary summary)
    {
        (double[] lps, double[] gp) = CarrySplit.Split(carry, equity.Contributed, distributions, injections, years, periods);
        double paidIn = PeriodYears.Sum(injections, periods);
        double toLps = PeriodYears.Sum(lps, periods);
        (string Name, double Share)[] classes = equity.Holders.Length > 0
            ? [.. equity.Holders.Select(h => (HolderName(deal, h.Party), h.Share))]
            : [(equity.Name, 1.0)];
        var lpClasses = ImmutableArray.CreateBuilder<LpClassSummary>(classes.Length);
        var scaled = new double[periods];
        var scaledIn = new double[periods];
        foreach ((string name, double share) in classes)
        {
            for (int t = 0; t < periods; t++)
            {
                scaled[t] = share * lps[t];
                scaledIn[t] = share * injections[t];
            }

            double capital = share * (equity.Contributed + paidIn);
            lpClasses.Add(new LpClassSummary(
                name,
                capital,
                share * toLps,
                PeriodYears.Irr(years, share * equity.Contributed, scaled, null, scaledIn),
                Math.Max(0.0, capital - share * toLps)));
        }

        // the holders' cut is of what reaches the LPs, not of the whole distribution
        var holders = summary.Holders.Select(h => h with { Distributions = h.Share * toLps }).ToImmutableArray();
        return summary with
        {
            Holders = holders,
            Carry = new CarrySummary(HolderName(deal, carry.Partner), PeriodYears.Sum(gp, periods), lpClasses.MoveToImmutable()),
        };
    }

    static string HolderName(DealDescription deal, int party) =>
        party >= 0 && party < deal.Parties.Length ? deal.Parties[party].Name : "party " + party.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
