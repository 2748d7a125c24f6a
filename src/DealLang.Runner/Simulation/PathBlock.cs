using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// The <see cref="PathFigures"/> of a block of consecutive paths, one column per figure (<see cref="PathColumns"/>),
/// for a <see cref="IPathSink"/>: a buffer made once per thread and refilled block after block. A chain's block holds
/// every entity's figures side by side, in run order (<see cref="PathColumns.ForChain"/>).
/// </summary>
public sealed class PathBlock
{
    readonly PathColumn[] columns;

    public PathBlock(DealDescription deal, int capacity)
        : this(PathColumns.For(deal ?? throw new ArgumentNullException(nameof(deal))), capacity)
    {
    }

    /// <param name="columns">The columns, as <see cref="PathColumns"/> gives them for a deal or a chain.</param>
    /// <param name="capacity">Rows it holds.</param>
    public PathBlock(PathColumn[] columns, int capacity)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.columns = columns;
        Values = new double[columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            Values[c] = new double[capacity];
        }
    }

    /// <summary>What each column holds, in order.</summary>
    public IReadOnlyList<PathColumn> Columns => columns;

    /// <summary>The first path of the block.</summary>
    public int First { get; private set; }

    /// <summary>Paths in the block: rows 0 … Count − 1 of every column are paths First … First + Count − 1.</summary>
    public int Count { get; private set; }

    /// <summary>[column][row]: flags are 1 or 0, counts whole numbers, undefined figures NaN.</summary>
    public double[][] Values { get; }

    internal void Start(int first)
    {
        First = first;
        Count = 0;
    }

    /// <summary>A path: its figures, then what it drew (<see cref="PathColumns.For(DealDescription, Paths.IPathSource)"/>).</summary>
    internal void Add(PathFigures figures, PathDraws? draws = null)
    {
        int row = Count++;
        int c = 0;
        Fill(figures, row, ref c);
        if (draws is not null)
        {
            Fill(draws, row, ref c);
        }
    }

    /// <summary>A chain's path: each entity's figures in turn, in run order, on one row, then what the top's scenario drew.</summary>
    internal void Add(PathFigures[] entities, PathDraws draws)
    {
        int row = Count++;
        int c = 0;
        foreach (PathFigures figures in entities)
        {
            Fill(figures, row, ref c);
        }

        Fill(draws, row, ref c);
    }

    /// <summary>What the path drew, in <see cref="PathDraws.Columns"/>' order (<see cref="PathDraws.Row"/>).</summary>
    void Fill(PathDraws draws, int row, ref int c)
    {
        foreach (double value in draws.Row)
        {
            Values[c++][row] = value;
        }
    }

    /// <summary>One deal's figures on row <paramref name="row"/>, from column <paramref name="c"/> on, in
    /// <see cref="PathColumns.For"/>'s order.</summary>
    void Fill(PathFigures figures, int row, ref int c)
    {
        for (int i = 0; i < figures.Loss.Length; i++)
        {
            Values[c++][row] = figures.Loss[i];
            Values[c++][row] = figures.LossShare[i];
            Values[c++][row] = figures.UnpaidInterest[i];
            Values[c++][row] = figures.Irr[i];
            Values[c++][row] = figures.Wal[i];
        }

        for (int e = 0; e < figures.EquityIrr.Length; e++)
        {
            Values[c++][row] = figures.EquityIrr[e];
        }

        Values[c++][row] = figures.EventOfDefault ? 1 : 0;
        Values[c++][row] = figures.Sale ? 1 : 0;
        for (int p = 0; p < figures.PartyDefaulted.Length; p++)
        {
            Values[c++][row] = figures.PartyDefaulted[p] ? 1 : 0;
        }

        for (int g = 0; g < figures.GuaranteeCost.Length; g++)
        {
            Values[c++][row] = figures.GuaranteeCost[g];
            if (Running.GuaranteeSummaries.HasFee(figures.Deal.Guarantees[g]))
            {
                Values[c++][row] = figures.GuaranteeFee[g]; // PathColumns' order
            }
        }

        for (int h = 0; h < figures.Held.Length; h++)
        {
            Values[c++][row] = figures.HoldersLoss[h];
            Values[c++][row] = figures.HoldersLossShare[h];
            Values[c++][row] = figures.HoldersUnpaidInterest[h];
            Values[c++][row] = figures.HoldersIrr[h];
        }

        for (int l = 0; l < figures.LpClasses.Length; l++)
        {
            Values[c++][row] = figures.LpDistributions[l];
            Values[c++][row] = figures.LpIrr[l];
            Values[c++][row] = figures.LpLoss[l];
        }

        for (int f = 0; f < figures.GpCarry.Length; f++)
        {
            Values[c++][row] = figures.GpCarry[f];
            if (figures.Deal.Equities[figures.Funds[f]].Carry!.DealByDeal)
            {
                Values[c++][row] = figures.CarryUnpaid[f]; // PathColumns' order
            }
        }

        for (int u = 0; u < figures.Unpaid.Length; u++)
        {
            Values[c++][row] = figures.Unpaid[u];
        }
    }
}
