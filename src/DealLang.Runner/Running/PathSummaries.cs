using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// Streaming summaries of many paths of one deal (a Monte Carlo run): fixed buffers made once, to which each
/// finished path's <see cref="RunResult"/> is added with no allocation — per tranche its
/// <see cref="LossStatistics"/> of principal loss, per equity the <see cref="MeasureStatistics"/> of its IRR, and the
/// paths with an event of default and with an enforcement sale. The IRRs of a path are those of its
/// <see cref="ScenarioOutcome"/> (<see cref="TrancheSummary"/>, <see cref="EquitySummary"/>), bit for bit: the same
/// flows, ACT/365F years from closing, and the same solver (<see cref="Simulation.PathFigures"/>, which solves the WAL
/// too); the last path's are kept (<see cref="LastTrancheIrr"/>…). Neither the tranches' IRRs nor their WALs are
/// summarised over the paths, nor the last path's WAL kept: nothing read them (the Monte Carlo engine keeps its own,
/// from <see cref="Simulation.PathFigures"/>, which tests of a path's figures read too). Shards (a thread's or a
/// machine's paths) merge exactly (<see cref="Merge"/>): the result is the same, bit for bit, as one run over all
/// their paths, whatever the order. Not thread-safe: one per shard.
/// </summary>
public sealed class PathSummaries
{
    readonly LossStatistics[] tranches;
    readonly MeasureStatistics[] equityIrr;
    readonly double[] lastTrancheIrr;
    readonly double[] lastEquityIrr;

    // The path's figures (IRR and WAL solved as the outcome's are), read into buffers made once.
    readonly Simulation.PathFigures figures;

    /// <param name="deal">The deal whose paths are added.</param>
    /// <param name="solveEquityIrr">Whether to solve each equity's IRR on every path (one solve per equity, as
    /// costly as a tranche's); when false, <see cref="EquityIrr"/> stays empty and <see cref="LastEquityIrr"/> NaN.</param>
    public PathSummaries(DealDescription deal, bool solveEquityIrr = true)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deal = deal;
        SolvesEquityIrr = solveEquityIrr;
        tranches = new LossStatistics[deal.Tranches.Length];
        equityIrr = new MeasureStatistics[deal.Equities.Length];
        lastTrancheIrr = new double[deal.Tranches.Length];
        lastEquityIrr = new double[deal.Equities.Length];
        Array.Fill(lastEquityIrr, double.NaN);
        figures = new Simulation.PathFigures(deal, solveEquityIrr);
    }

    public DealDescription Deal { get; }

    /// <summary>Whether each path's equity IRRs are solved.</summary>
    public bool SolvesEquityIrr { get; }

    /// <summary>Paths added (directly or by merging).</summary>
    public long Paths { get; private set; }

    /// <summary>Paths with an event of default.</summary>
    public long PathsWithDefault { get; private set; }

    /// <summary>Paths in which enforcement sold the collateral.</summary>
    public long PathsWithSale { get; private set; }

    /// <summary>Tranche <paramref name="tranche"/>'s principal-loss statistics (a copy).</summary>
    public LossStatistics Tranche(int tranche) => tranches[tranche];

    /// <summary>Equity <paramref name="equity"/>'s IRR over the paths (a copy).</summary>
    public MeasureStatistics EquityIrr(int equity) => equityIrr[equity];

    /// <summary>Each tranche's IRR on the path added last (NaN where it has none).</summary>
    public ReadOnlySpan<double> LastTrancheIrr => lastTrancheIrr;

    /// <summary>Each equity's IRR on the path added last.</summary>
    public ReadOnlySpan<double> LastEquityIrr => lastEquityIrr;

    /// <summary>Adds one finished path (summary-only or full-ledger: only the summary buffers are read).</summary>
    public void Add(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.PrincipalLoss.Length != tranches.Length)
        {
            throw new ArgumentException($"The result was made for a deal with {result.PrincipalLoss.Length} tranches; '{Deal.Name}' has {tranches.Length}.", nameof(result));
        }

        figures.ReadInvestors(result); // which refuses a result whose equities or periods are another deal's
        for (int i = 0; i < tranches.Length; i++)
        {
            tranches[i].Add(figures.Loss[i]);
            lastTrancheIrr[i] = figures.Irr[i];
        }

        for (int e = 0; e < (SolvesEquityIrr ? equityIrr.Length : 0); e++)
        {
            lastEquityIrr[e] = figures.EquityIrr[e];
            equityIrr[e].Add(lastEquityIrr[e]);
        }

        Paths++;
        if (result.EventOfDefaultPeriod >= 0)
        {
            PathsWithDefault++;
        }

        if (result.SalePeriod >= 0)
        {
            PathsWithSale++;
        }
    }

    /// <summary>Adds another shard's paths of the same deal.</summary>
    public void Merge(PathSummaries other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.tranches.Length != tranches.Length || other.equityIrr.Length != equityIrr.Length)
        {
            throw new ArgumentException($"The summaries are of another deal: {other.tranches.Length} tranches and {other.equityIrr.Length} equities, '{Deal.Name}' has {tranches.Length} and {equityIrr.Length}.", nameof(other));
        }

        for (int i = 0; i < tranches.Length; i++)
        {
            tranches[i].Merge(other.tranches[i]);
        }

        for (int e = 0; e < equityIrr.Length; e++)
        {
            equityIrr[e].Merge(other.equityIrr[e]);
        }

        Paths += other.Paths;
        PathsWithDefault += other.PathsWithDefault;
        PathsWithSale += other.PathsWithSale;
    }
}
