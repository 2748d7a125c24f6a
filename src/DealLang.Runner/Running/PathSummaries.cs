using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// Streaming summaries of many paths of one deal (a Monte Carlo run): fixed buffers made once, to which each
/// finished path's <see cref="RunResult"/> is added with no allocation — per tranche its
/// <see cref="LossStatistics"/> of principal loss, and the paths with an event of default and with an
/// enforcement sale. Shards (a thread's or a machine's paths) merge exactly (<see cref="Merge"/>): the result is
/// the same, bit for bit, as one run over all their paths, whatever the order. Not thread-safe: one per shard.
/// </summary>
public sealed class PathSummaries
{
    readonly LossStatistics[] tranches;

    public PathSummaries(DealDescription deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deal = deal;
        tranches = new LossStatistics[deal.Tranches.Length];
    }

    public DealDescription Deal { get; }

    /// <summary>Paths added (directly or by merging).</summary>
    public long Paths { get; private set; }

    /// <summary>Paths with an event of default.</summary>
    public long PathsWithDefault { get; private set; }

    /// <summary>Paths in which enforcement sold the collateral.</summary>
    public long PathsWithSale { get; private set; }

    /// <summary>Tranche <paramref name="tranche"/>'s principal-loss statistics (a copy).</summary>
    public LossStatistics Tranche(int tranche) => tranches[tranche];

    /// <summary>Adds one finished path.</summary>
    public void Add(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.PrincipalLoss.Length != tranches.Length)
        {
            throw new ArgumentException($"The result was made for a deal with {result.PrincipalLoss.Length} tranches; '{Deal.Name}' has {tranches.Length}.", nameof(result));
        }

        for (int i = 0; i < tranches.Length; i++)
        {
            tranches[i].Add(result.PrincipalLoss[i]);
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
        if (other.tranches.Length != tranches.Length)
        {
            throw new ArgumentException($"The summaries are of another deal: {other.tranches.Length} tranches, '{Deal.Name}' has {tranches.Length}.", nameof(other));
        }

        for (int i = 0; i < tranches.Length; i++)
        {
            tranches[i].Merge(other.tranches[i]);
        }

        Paths += other.Paths;
        PathsWithDefault += other.PathsWithDefault;
        PathsWithSale += other.PathsWithSale;
    }
}
