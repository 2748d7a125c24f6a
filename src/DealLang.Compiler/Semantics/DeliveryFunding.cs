using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// What a tranche drawn against a fleet's deliveries draws on each delivery date (docs/language.md §5 "tranche",
/// "Draws tied to deliveries"): units are funded once both delivered and under contract, counted cumulatively, so
/// that after the batch delivered on <c>d</c>
/// <code>
/// funded(d) = min(delivered(d), contracted(d))     delivered: units of the batches delivered on or before d (so far)
///                                                  contracted: units of the fleet's contracts starting on or before d
/// </code>
/// and the batch's draw is the advance rate × the cost of the units numbered funded(before) … funded(d) in delivery
/// order (each unit at its own batch's cost). A funded unit is investment grade when the contract it falls in, with
/// the contracts stacked in start-date order (declaration order on a tie), is with an investment-grade customer.
/// Shared by the checks (DL0479) and the lowering, so both see the same amounts.
/// </summary>
internal static class DeliveryFunding
{
    /// <summary>A batch delivered: its date, units and cost per unit.</summary>
    public readonly record struct Batch(Date Date, double Units, double Cost);

    /// <summary>A contract on the fleet: its start, its units and whether its customer is investment grade.</summary>
    public readonly record struct Contract(Date Starts, double Units, bool InvestmentGrade);

    /// <summary>The draw against one batch (in the batch's order): the amount, and the part funding investment-grade
    /// contracts.</summary>
    public readonly record struct Draw(Date Date, double Amount, double InvestmentGrade);

    /// <summary>
    /// A fleet's batches (one at closing when written <c>units</c> and <c>unit_cost</c>) and the contracts on it, from
    /// their syntax; null when a term is not a constant (already reported). <paramref name="constant"/> folds a term,
    /// <paramref name="investmentGrade"/> classes a contract's customer.
    /// </summary>
    public static (IReadOnlyList<Batch> Batches, IReadOnlyList<Contract> Contracts)? Inputs(
        FleetSyntax fleet, IEnumerable<ContractSyntax> contracts, Date closing,
        Func<ExpressionSyntax?, double?> constant, Func<ContractSyntax, bool> investmentGrade)
    {
        var batches = new List<Batch>();
        if (fleet.Units is not null)
        {
            if (constant(fleet.Units) is not { } units || constant(fleet.UnitCost) is not { } cost)
            {
                return null;
            }

            batches.Add(new Batch(closing, units, cost));
        }
        else
        {
            foreach (DeliverySyntax delivery in SyntaxWalk.Safe(fleet.Deliveries))
            {
                if (delivery.Date is null || constant(delivery.Units) is not { } units || constant(delivery.Cost) is not { } cost)
                {
                    return null;
                }

                batches.Add(new Batch(delivery.Date.Value, units, cost));
            }
        }

        var stacked = new List<Contract>();
        foreach (ContractSyntax contract in contracts)
        {
            if (constant(contract.Units) is not { } units)
            {
                return null;
            }

            stacked.Add(new Contract(contract.Starts?.Value ?? closing, units, investmentGrade(contract)));
        }

        return (batches, stacked);
    }

    /// <summary>The contracts on the named fleet, in declaration order.</summary>
    public static IEnumerable<ContractSyntax> ContractsOn(DealSyntax deal, string fleet) =>
        SyntaxWalk.Safe(deal.Declarations).OfType<ContractSyntax>().Where(c => c.Fleet?.Text == fleet);

    /// <summary>One draw per batch, in delivery order (batches on one date in the order given).</summary>
    public static IReadOnlyList<Draw> Draws(IReadOnlyList<Batch> batches, IReadOnlyList<Contract> contracts, double advance)
    {
        Batch[] delivered = [.. batches.Select((b, i) => (b, i)).OrderBy(x => x.b.Date).ThenBy(x => x.i).Select(x => x.b)];
        Contract[] stacked = [.. contracts.Select((c, i) => (c, i)).OrderBy(x => x.c.Starts).ThenBy(x => x.i).Select(x => x.c)];
        var draws = new List<Draw>(delivered.Length);
        double deliveredUnits = 0, fundedBefore = 0;
        foreach (Batch batch in delivered)
        {
            deliveredUnits += Math.Max(0, batch.Units);
            double contracted = stacked.Where(c => c.Starts <= batch.Date).Sum(c => Math.Max(0, c.Units));
            double funded = Math.Max(fundedBefore, Math.Min(deliveredUnits, contracted));
            (double cost, double investmentGrade) = CostOf(delivered, stacked, fundedBefore, funded);
            draws.Add(new Draw(batch.Date, advance * cost, advance * investmentGrade));
            fundedBefore = funded;
        }

        return draws;
    }

    /// <summary>The cost of the units numbered (from, to] in delivery order, and the part of it under
    /// investment-grade contracts: both stacks are piecewise constant, so the interval is cut at every edge of
    /// either.</summary>
    private static (double Cost, double InvestmentGrade) CostOf(Batch[] delivered, Contract[] stacked, double from, double to)
    {
        if (to <= from)
        {
            return (0, 0);
        }

        var edges = new SortedSet<double> { from, to };
        AddEdges(edges, delivered.Select(b => Math.Max(0, b.Units)), from, to);
        AddEdges(edges, stacked.Select(c => Math.Max(0, c.Units)), from, to);
        double cost = 0, investmentGrade = 0, lower = from;
        foreach (double upper in edges.Where(e => e > from))
        {
            double middle = (lower + upper) / 2, length = upper - lower;
            double unitCost = delivered[IndexAt(delivered.Select(b => Math.Max(0, b.Units)), middle)].Cost;
            cost += length * unitCost;
            int contract = IndexAt(stacked.Select(c => Math.Max(0, c.Units)), middle);
            if (contract < stacked.Length && stacked[contract].InvestmentGrade)
            {
                investmentGrade += length * unitCost;
            }

            lower = upper;
        }

        return (cost, investmentGrade);
    }

    private static void AddEdges(SortedSet<double> edges, IEnumerable<double> sizes, double from, double to)
    {
        double edge = 0;
        foreach (double size in sizes)
        {
            edge += size;
            if (edge > from && edge < to)
            {
                edges.Add(edge);
            }
        }
    }

    /// <summary>Which piece of a stack of <paramref name="sizes"/> holds the position (the count when beyond it).</summary>
    private static int IndexAt(IEnumerable<double> sizes, double position)
    {
        int i = 0;
        double edge = 0;
        foreach (double size in sizes)
        {
            edge += size;
            if (position < edge)
            {
                return i;
            }

            i++;
        }

        return i;
    }
}
