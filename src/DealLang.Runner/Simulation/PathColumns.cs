using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>What a per-path column holds, for its type in a file.</summary>
public enum PathColumnKind
{
    /// <summary>An amount in the deal's currency.</summary>
    Money,

    /// <summary>A fraction (a loss share, a recovery) or a rate (an IRR); NaN where undefined.</summary>
    Rate,

    /// <summary>Years (a WAL); NaN where undefined.</summary>
    Years,

    /// <summary>True or false (1 or 0).</summary>
    Flag,

    /// <summary>A whole number (renewals taken, months of a delay).</summary>
    Count,

    /// <summary>A number without a unit, defined on every path (a factor's path shock, a standard normal).</summary>
    Number,

    /// <summary>A date (a drawn default's), held as its day number (<see cref="Date.DayNumber"/>); NaN where there is
    /// none.</summary>
    Date,
}

/// <summary>One per-path column: its name (as a file's header) and kind.</summary>
public sealed record PathColumn(string Name, PathColumnKind Kind);

/// <summary>
/// The per-path columns of a deal, in order (docs/cli.md, <c>--paths-out</c>), after the path's number: per
/// tranche <c>T loss</c>, <c>T loss share</c>, <c>T unpaid interest</c>, <c>T irr</c>, <c>T wal</c>; per equity
/// <c>E irr</c>; <c>event of default</c>, <c>sale</c>; per party <c>P defaulted</c>; per guarantee <c>G paid</c> (and for one with a fee <c>G fee received</c>); per
/// guaranteed tranche <c>T holders' loss</c>, <c>T holders' loss share</c>, <c>T holders' unpaid interest</c>, <c>T holders' irr</c>;
/// per LP class <c>E LP X distributions</c>, <c>irr</c>, <c>loss</c>; per fund <c>E carry</c> (and under a deal-by-deal carry <c>E carry unpaid</c>);
/// per item <see cref="UnpaidAtEnd.Of"/> lists <c>T commitment fee unpaid at end</c>, <c>T guarantee fee unpaid at end</c>,
/// <c>F unpaid at end</c>, <c>Fleet opex unpaid at end</c>;
/// then, for a stochastic scenario that draws them, what each path drew (<see cref="PathDraws"/>: <c>L renewals
/// taken</c>, <c>I delay months</c>, <c>P recovery</c>, …, then its factors' <c>F shock</c>, <c>F deflation</c>,
/// <c>I jumps</c>, <c>stressed share</c>, and each drawn default's <c>P default date</c>). A chain's columns are each entity's, in run order, each prefixed by the entity's
/// name and a dot (<c>Spv.SpvNotes loss</c>, <c>Spv.event of default</c>), the top's draws last.
/// </summary>
public static class PathColumns
{
    public static PathColumn[] For(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var columns = new List<PathColumn>();
        foreach (TrancheInfo tranche in deal.Tranches)
        {
            columns.Add(new($"{tranche.Name} loss", PathColumnKind.Money));
            columns.Add(new($"{tranche.Name} loss share", PathColumnKind.Rate));
            columns.Add(new($"{tranche.Name} unpaid interest", PathColumnKind.Money));
            columns.Add(new($"{tranche.Name} irr", PathColumnKind.Rate));
            columns.Add(new($"{tranche.Name} wal", PathColumnKind.Years));
        }

        foreach (EquityInfo equity in deal.Equities)
        {
            columns.Add(new($"{equity.Name} irr", PathColumnKind.Rate));
        }

        columns.Add(new("event of default", PathColumnKind.Flag));
        columns.Add(new("sale", PathColumnKind.Flag));
        foreach (PartyInfo party in deal.Parties)
        {
            columns.Add(new($"{party.Name} defaulted", PathColumnKind.Flag));
        }

        // last, so a deal without guarantees or funds has the columns it always had
        foreach (GuaranteeInfo guarantee in deal.Guarantees)
        {
            columns.Add(new($"{guarantee.Name} paid", PathColumnKind.Money));
            if (Running.GuaranteeSummaries.HasFee(guarantee))
            {
                // the fee its `paid` nets (PathFigures.GuaranteeFee): only a tranche's guarantee can have one
                columns.Add(new($"{guarantee.Name} fee received", PathColumnKind.Money));
            }
        }

        // a guaranteed tranche's holders' figures beside the issuer's `T loss`, … (PathFigures.HoldersLoss, …)
        foreach (HeldTranche held in HeldTranche.Of(deal))
        {
            string name = deal.Tranches[held.Tranche].Name;
            columns.Add(new($"{name} holders' loss", PathColumnKind.Money));
            columns.Add(new($"{name} holders' loss share", PathColumnKind.Rate));
            columns.Add(new($"{name} holders' unpaid interest", PathColumnKind.Money));
            columns.Add(new($"{name} holders' irr", PathColumnKind.Rate));
        }

        foreach (LpClass lp in LpClass.Of(deal))
        {
            string name = lp.Label(deal);
            columns.Add(new($"{name} distributions", PathColumnKind.Money));
            columns.Add(new($"{name} irr", PathColumnKind.Rate));
            columns.Add(new($"{name} loss", PathColumnKind.Money));
        }

        foreach (EquityInfo equity in deal.Equities.Where(e => e.Carry is not null))
        {
            columns.Add(new($"{equity.Name} carry", PathColumnKind.Money));
            if (equity.Carry!.DealByDeal)
            {
                // as the summary's row, only where carry can be deferred: a whole-fund carry's would be 0 on every path
                columns.Add(new($"{equity.Name} carry unpaid", PathColumnKind.Money));
            }
        }

        // what the path ended owing of each fee, fleet's opex, commitment fee and guarantee fee (PathFigures.Unpaid), the
        // report's `P(… unpaid at end)` path by path: every item the deal can owe, as the columns are fixed before a path runs
        foreach (UnpaidAtEnd item in UnpaidAtEnd.Of(deal))
        {
            columns.Add(new($"{item.Owner} {item.Row}", PathColumnKind.Money));
        }

        return [.. columns];
    }

    /// <summary>The columns of <paramref name="source"/>'s rows: the deal's, then what its paths drew
    /// (<see cref="PathDraws.Columns"/>; none from a source that draws no renewals, delays or recoveries).</summary>
    public static PathColumn[] For(DealDescription deal, IPathSource source) => [.. For(deal), .. PathDraws.Columns(source)];

    /// <summary>A chain's columns: every entity's <see cref="For(DealDescription)"/> columns in run order, named
    /// <c>Entity.column</c>, then what the top's scenario drew (<paramref name="source"/>'s, named as the top's).</summary>
    public static PathColumn[] ForChain(IReadOnlyList<DealDescription> deals, IPathSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        PathColumn[] draws = source is null ? [] : PathDraws.Columns(source);
        return
        [
            .. deals.SelectMany(deal => For(deal).Select(c => c with { Name = $"{deal.Name}.{c.Name}" })),
            .. draws.Select(c => c with { Name = $"{source!.Deal.Name}.{c.Name}" }),
        ];
    }
}
