using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>Which of a finished run's stores of what is owed at the end an <see cref="UnpaidAtEnd"/> item reads.</summary>
public enum UnpaidSource
{
    /// <summary>A tranche's delayed-draw commitment fee (<see cref="RunResult.CommitmentFeeUnpaid"/>).</summary>
    CommitmentFee,

    /// <summary>A guaranteed tranche's guarantee fee (<see cref="RunResult.GuaranteeFeeUnpaid"/>).</summary>
    GuaranteeFee,

    /// <summary>A fee (<see cref="RunResult.FeeUnpaid"/>).</summary>
    Fee,

    /// <summary>A fleet's opex (<see cref="RunResult.FleetOpexUnpaid"/>).</summary>
    Opex,
}

/// <summary>
/// One item a run can end still owing (docs/language.md §12, <a href="#unpaid-at-end">unpaid at end</a>), whose mean
/// over a Monte Carlo run's paths its report gives: <see cref="Owner"/> names the section (the tranche, fee or fleet),
/// <see cref="Row"/> is the scenario summary's row (<c>unpaid at end</c>, <c>opex unpaid at end</c>, <c>commitment fee
/// unpaid at end</c>, <c>guarantee fee unpaid at end</c>). The run stores each once after its loop, so reading them costs
/// a path nothing per period.
/// </summary>
public sealed record UnpaidAtEnd(string Owner, string Row, UnpaidSource Source, int Index)
{
    /// <summary>The items <paramref name="deal"/> can end owing, in the summary's order: per tranche its commitment fee
    /// (a delayed draw's, only with a fee rate) and guarantee fee (only behind a guarantor), then every fee, then every
    /// fleet's opex. A tranche without either never owes them, so has no item (the summary never shows its row).</summary>
    public static UnpaidAtEnd[] Of(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var items = new List<UnpaidAtEnd>();
        HeldTranche[] held = HeldTranche.Of(deal);
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            string name = deal.Tranches[i].Name;
            if (deal.Tranches[i].CommitmentFee != 0)
            {
                items.Add(new(name, "commitment fee unpaid at end", UnpaidSource.CommitmentFee, i));
            }

            if (Array.Exists(held, h => h.Tranche == i))
            {
                items.Add(new(name, "guarantee fee unpaid at end", UnpaidSource.GuaranteeFee, i));
            }
        }

        for (int f = 0; f < deal.Fees.Length; f++)
        {
            items.Add(new(deal.Fees[f], "unpaid at end", UnpaidSource.Fee, f));
        }

        for (int f = 0; f < deal.Fleets.Length; f++)
        {
            items.Add(new(deal.Fleets[f].Name, "opex unpaid at end", UnpaidSource.Opex, f));
        }

        return [.. items];
    }

    /// <summary>What <paramref name="result"/>'s run ended owing of this item (the summary's figure, to the bit).</summary>
    public double Read(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Source switch
        {
            UnpaidSource.CommitmentFee => result.CommitmentFeeUnpaid[Index],
            UnpaidSource.GuaranteeFee => result.GuaranteeFeeUnpaid[Index],
            UnpaidSource.Fee => result.FeeUnpaid[Index],
            _ => result.FleetOpexUnpaid[Index],
        };
    }
}
