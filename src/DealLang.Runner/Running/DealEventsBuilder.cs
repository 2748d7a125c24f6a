using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>Builds the <see cref="DealEvents"/> of a finished run.</summary>
static class DealEventsBuilder
{
    public static DealEvents Build(DealDescription deal, LayoutIndex index, RunResult result, int periods)
    {
        var rvg = ImmutableArray.CreateBuilder<LeaseAmount>(deal.Leases.Length);
        for (int l = 0; l < deal.Leases.Length; l++)
        {
            rvg.Add(new LeaseAmount(deal.Leases[l].Name, result.RvgPaid[l]));
        }

        // Every lease's termination fee when one has a fee; none at all otherwise (a deal of many leases without fees,
        // the usual deal, builds nothing per scenario for them).
        bool anyFee = deal.Leases.Any(l => l.HasTerminationReceipts);
        var fees = ImmutableArray.CreateBuilder<LeaseAmount>(anyFee ? deal.Leases.Length : 0);
        for (int l = 0; l < (anyFee ? deal.Leases.Length : 0); l++)
        {
            fees.Add(new LeaseAmount(deal.Leases[l].Name, PeriodYears.Sum(result.LeaseTerminationFee[l], periods)));
        }

        // A covenant is tested while the deal runs its own waterfall: up to the period of the event of default. After
        // it the lenders have accelerated and are selling the collateral, and a ratio of what the workout collects
        // to opex or a balance that only falls (CoreWeave's FireSale: a DSCR below zero, a book LTV of 2,172x) is no
        // covenant's figure. The ledger still shows every period's value.
        int tested = result.EventOfDefaultPeriod >= 0 ? Math.Min(periods, result.EventOfDefaultPeriod + 1) : periods;
        var tests = ImmutableArray.CreateBuilder<TestRange>(deal.Tests.Length);
        for (int k = 0; k < deal.Tests.Length; k++)
        {
            tests.Add(new TestRange(deal.Tests[k], Extreme(result.TestValues[k], tested, -1), index.TestKinds[k])
            {
                Maximum = Extreme(result.TestValues[k], tested, +1),
            });
        }

        var triggers = ImmutableArray.CreateBuilder<TriggerFirstActive>(deal.Triggers.Length);
        for (int k = 0; k < deal.Triggers.Length; k++)
        {
            triggers.Add(new TriggerFirstActive(deal.Triggers[k], EndOf(deal, FirstActive(result.TriggerActive[k], periods))));
        }

        return new DealEvents(
            triggers.MoveToImmutable(),
            EndOf(deal, result.EventOfDefaultPeriod),
            EndOf(deal, result.SalePeriod),
            result.SaleProceeds,
            rvg.MoveToImmutable(),
            tests.MoveToImmutable())
        {
            TerminationFees = fees.MoveToImmutable(),
            // Every lease's remarketing proceeds when one has an RVG against remarketing (its result has the slots).
            Remarketing = result.RemarketingProceeds.Length == 0 ? []
                : [.. deal.Leases.Select((l, i) => new LeaseAmount(l.Name, result.RemarketingProceeds[i]))],
        };
    }

    static int FirstActive(bool[] active, int periods)
    {
        for (int t = 0; t < periods; t++)
        {
            if (active[t])
            {
                return t;
            }
        }

        return -1;
    }

    // The least (sign −1) or greatest (+1) value; NaN marks a period where the test was undefined (a ratio over
    // nothing due), which is neither.
    static double Extreme(double[] values, int periods, int sign)
    {
        double extreme = double.NaN;
        for (int t = 0; t < periods; t++)
        {
            double v = values[t];
            if (!double.IsNaN(v) && (double.IsNaN(extreme) || (sign < 0 ? v < extreme : v > extreme)))
            {
                extreme = v;
            }
        }

        return extreme;
    }

    static Date? EndOf(DealDescription deal, int period) =>
        period >= 0 && period < deal.Periods ? deal.Boundaries[period + 1] : null;
}
