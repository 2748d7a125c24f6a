using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

internal static partial class FigureIdentities
{
    /// <summary>
    /// docs/language.md §12 "The chain report", "How a loss passes up": each claim on a fund, and each LP class behind a
    /// carry (a fund's LPs, a promoted SPV's sponsor), is in exactly one row. The holders' loss of the funds' tranches is
    /// the banks row plus the parts the chain's entities hold (kept at the end, in the funds row); the loss of every
    /// carried equity's LP classes is the LPs row plus the SPV sponsors row plus the parts the chain's entities hold.
    /// A loss in no row (a promoted SPV's sponsor before the sponsors row) breaks the second.
    /// </summary>
    public static void ChainLayersAddUp(ChainOutcome chain, FigureTally? tally)
    {
        ChainLayerOutcome layers = ChainLayers.Of(chain);
        double Row(string layer) => layers.Layers.FirstOrDefault(l => l.Layer == layer)?.Loss ?? 0;
        var funds = layers.FundEntities.ToHashSet(StringComparer.Ordinal);
        static double HoldersLoss(TrancheSummary t) => t.Guaranteed ? t.HoldersLoss : t.PrincipalLoss + t.UnpaidInterest;
        static double ClassesLoss(EquitySummary q) => q.Carry?.Classes.Sum(c => c.Loss) ?? 0;

        double fundTranches = chain.Entities.Where(e => funds.Contains(e.Deal.Name)).Sum(e => e.Outcome.Tranches.Sum(HoldersLoss));
        double classes = chain.Entities.Sum(e => e.Outcome.Equities.Sum(ClassesLoss));
        double tranchesHeld = 0, classesHeld = 0;
        foreach (EntityOutcome holder in chain.Entities)
        {
            for (int h = 0; h < holder.Deal.Holdings.Length; h++)
            {
                HoldingInfo info = holder.Deal.Holdings[h];
                EntityOutcome? held = chain.Entities.FirstOrDefault(e => e.Deal.Name == info.Entity);
                if (held is null)
                {
                    continue;
                }

                double kept = info.Share * (1 - (h < holder.Outcome.Holdings.Length ? holder.Outcome.Holdings[h].ShareSold : 0));
                if (!info.Equity && funds.Contains(held.Deal.Name) && held.Outcome.Tranches.FirstOrDefault(t => t.Name == info.Member) is { } tranche)
                {
                    tranchesHeld += kept * HoldersLoss(tranche);
                }
                else if (info.Equity && held.Outcome.Equities.FirstOrDefault(q => q.Name == info.Member) is { Carry: not null } equity)
                {
                    classesHeld += kept * ClassesLoss(equity);
                }
            }
        }

        Count(tally, "chains whose layers add up with LP classes behind a carry", classes > 0);
        Count(tally, "chains with a loss in the SPV sponsors row (a promoted SPV's sponsor)", Row(ChainLayers.Sponsors) > 0);
        Near(fundTranches, Row(ChainLayers.Banks) + tranchesHeld,
            $"scenario {chain.Scenario}: the funds' tranches' holders' loss = the banks row + the parts the chain holds", Row(ChainLayers.Banks), tranchesHeld);
        Near(classes, Row(ChainLayers.Lps) + Row(ChainLayers.Sponsors) + classesHeld,
            $"scenario {chain.Scenario}: the LP classes' loss = the LPs row + the SPV sponsors row + the parts the chain holds",
            Row(ChainLayers.Lps), Row(ChainLayers.Sponsors), classesHeld);
    }
}
