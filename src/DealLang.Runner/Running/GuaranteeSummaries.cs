using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds each guarantee's <see cref="GuaranteeSummary"/> from a finished run's <see cref="RunResult.GuaranteePaid"/>
/// and <see cref="RunResult.GuaranteeRecovered"/>, and a tranche's guarantee's fee income from
/// <see cref="RunResult.GuaranteeFeePaid"/> (so a summary-only run has them too).</summary>
static class GuaranteeSummaries
{
    public static ImmutableArray<GuaranteeSummary> Build(DealDescription deal, RunResult result, int periods)
    {
        var summaries = ImmutableArray.CreateBuilder<GuaranteeSummary>(deal.Guarantees.Length);
        for (int g = 0; g < deal.Guarantees.Length; g++)
        {
            GuaranteeInfo info = deal.Guarantees[g];
            double[] paid = result.GuaranteePaid[g];
            Date? first = null, last = null;
            for (int t = 0; t < periods; t++)
            {
                if (paid[t] > 0)
                {
                    first ??= deal.Boundaries[t + 1];
                    last = deal.Boundaries[t + 1];
                }
            }

            double total = PeriodYears.Sum(paid, periods);
            summaries.Add(new GuaranteeSummary(
                info.Name,
                deal.Parties[info.Guarantor].Name,
                info.Cap,
                total,
                PeriodYears.Sum(result.GuaranteeRecovered[g], periods),
                FeeReceived(info, result, periods),
                first,
                last,
                CapUsed(total, info.Cap)));
        }

        return summaries.MoveToImmutable();
    }

    /// <summary>Whether the guarantee charges a fee: only a tranche's can (<c>guarantor … fee R</c>, paid by
    /// <c>pay T.guarantee_fee</c>); the summary's <c>guarantee fee received</c> row and <c>--paths-out</c>'s
    /// <c>G fee received</c> column are shown only for such a guarantee.</summary>
    internal static bool HasFee(GuaranteeInfo info) => info.Kind == GuaranteeTarget.Tranche && info.FeeRate > 0;

    /// <summary>The guarantee fee the guarantor was paid over the run (0 for a guarantee without a fee).</summary>
    internal static double FeeReceived(GuaranteeInfo info, RunResult result, int periods) =>
        HasFee(info) ? PeriodYears.Sum(result.GuaranteeFeePaid[info.Target], periods) : 0.0;

    /// <summary>What was paid over the cap (NaN for a cap of 0), exactly 1 when what is left of the cap is under half a
    /// cent either way: payments that exhaust the cap add up, as doubles, to an ulp or so off it (3.2bn paid on a
    /// 3.2bn cap summed to 0.9999999999999999), and a cap used up is used up, as a shortfall under half a cent is paid
    /// (<see cref="Flows.ShortfallTolerance"/>).</summary>
    internal static double CapUsed(double paid, double cap) =>
        cap == 0 ? double.NaN
        : Math.Abs(cap - paid) < Flows.ShortfallTolerance ? 1.0
        : paid / cap;
}
