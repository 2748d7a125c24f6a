using System.Globalization;

namespace DealLang.Runner.Simulation;

/// <summary>A set of shard files that do not make one run: of other deals, seeds or scenarios, overlapping, or
/// leaving paths out. Its message names the files and the paths.</summary>
public sealed class ShardMergeException(string message) : Exception(message)
{
    public ShardMergeException()
        : this("the shards do not make one run")
    {
    }

    public ShardMergeException(string message, Exception inner)
        : this(message + ": " + inner?.Message)
    {
    }
}

/// <summary>
/// Combines shard files into the run they split (<c>deallang merge</c>): every shard must be of the same run (equal
/// <see cref="SimulationFrame"/>s: deal and its hash, scenario, seed, paths), and together they must cover paths 0 to
/// n − 1 exactly once; their totals then add up, exactly, to those of the single run.
/// </summary>
public static class ShardMerge
{
    public static (SimulationFrame Frame, SimulationTotals Totals) Merge(IReadOnlyList<(string Name, ShardResult Shard)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ShardMergeException("no shard files given");
        }

        var (firstName, first) = shards[0];
        foreach (var (name, shard) in shards.Skip(1))
        {
            string? difference = Difference(first.Frame, shard.Frame);
            if (difference is not null)
            {
                throw new ShardMergeException($"{name} is not a shard of the same run as {firstName}: {difference}");
            }
        }

        // Sorted by their first path, the shards must tile 0 … n − 1: a gap is a missing shard, a start before the
        // previous end an overlap (a shard given twice, or shards of two splits).
        var ordered = shards.OrderBy(s => s.Shard.Shard.From).ThenBy(s => s.Shard.Shard.To).ToArray();
        int paths = first.Frame.Paths;
        int covered = 0;
        string? previous = null;
        foreach (var (name, shard) in ordered)
        {
            Shard s = shard.Shard;
            if (s.From > covered)
            {
                throw new ShardMergeException($"paths {covered} to {s.From - 1} are in no shard given (missing {Missing(ordered, covered, s.From)})");
            }

            if (s.From < covered)
            {
                throw new ShardMergeException($"{name} (shard {s.Index}/{s.Count}, paths {s.From} to {s.To - 1}) overlaps {previous}: paths {s.From} to {Math.Min(covered, s.To) - 1} are in both");
            }

            covered = s.To;
            previous = $"{name} (shard {s.Index}/{s.Count})";
        }

        if (covered < paths)
        {
            throw new ShardMergeException($"paths {covered} to {paths - 1} are in no shard given (missing {Missing(ordered, covered, paths)})");
        }

        // A file's totals of another shape, or sums that overflow together, passed the reading of each file alone
        // (a count dropped from a list, a sum edited): the file is damaged, a usage error, not an internal one.
        SimulationTotals totals = first.Totals.EmptyLike();
        foreach (var (name, shard) in ordered)
        {
            if (first.Totals.ShapeDifference(shard.Totals) is { } shape)
            {
                throw new ShardMergeException($"{name} cannot be merged: its contents are damaged (its totals hold {shape} as in {firstName})");
            }

            try
            {
                totals.Merge(shard.Totals);
            }
            catch (OverflowException e)
            {
                throw new ShardMergeException($"{name} cannot be merged: its contents are damaged (its sums and the other shards' add up to more than a run's sums hold)", e);
            }
        }

        return (first.Frame, totals);
    }

    /// <summary>
    /// Combines shard files of one deal or of one chain (<see cref="ShardFile.ReadRun"/>: each file's entities in run
    /// order): every file must hold the same entities, and each entity's shards then merge as
    /// <see cref="Merge"/>'s (same run, every path exactly once). Returns each entity's frame and totals, in run order.
    /// </summary>
    public static (SimulationFrame Frame, SimulationTotals Totals)[] MergeRun(IReadOnlyList<(string Name, IReadOnlyList<ShardResult> Entities)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ShardMergeException("no shard files given");
        }

        var (firstName, first) = files[0];
        foreach (var (name, entities) in files.Skip(1))
        {
            if (entities.Count != first.Count || !entities.Select(e => e.Frame.Deal).SequenceEqual(first.Select(e => e.Frame.Deal)))
            {
                throw new ShardMergeException($"{name} is not a shard of the same run as {firstName}: {What(entities)}, not {What(first)}");
            }
        }

        var merged = new (SimulationFrame, SimulationTotals)[first.Count];
        for (int e = 0; e < first.Count; e++)
        {
            merged[e] = Merge([.. files.Select(f => (f.Name, f.Entities[e]))]);
        }

        return merged;
    }

    /// <summary>A file's run for a message: its deal, or its chain's entities in run order.</summary>
    static string What(IReadOnlyList<ShardResult> entities) => entities.Count == 1
        ? $"deal {entities[0].Frame.Deal}"
        : $"the chain {string.Join(", ", entities.Select(e => e.Frame.Deal))}";

    /// <summary>The shards of the first file's split that would cover the gap, for the message.</summary>
    static string Missing((string Name, ShardResult Shard)[] shards, int from, int to)
    {
        Shard any = shards[0].Shard.Shard;
        int paths = shards[0].Shard.Frame.Paths;
        var names = new List<string>();
        for (int i = 1; i <= any.Count; i++)
        {
            Shard s = Shard.Of(i, any.Count, paths, shards[0].Shard.Frame.Sampling == SimulationFrame.Antithetic);
            if (s.From < to && s.To > from)
            {
                names.Add(string.Create(CultureInfo.InvariantCulture, $"{i}/{any.Count}"));
            }
        }

        return names.Count == 0 ? "a shard" : (names.Count == 1 ? "shard " : "shards ") + string.Join(", ", names);
    }

    static string? Difference(SimulationFrame a, SimulationFrame b)
    {
        if (a.Deal != b.Deal)
        {
            return $"deal {b.Deal}, not {a.Deal}";
        }

        if (a.DealHash != b.DealHash)
        {
            return $"deal {b.Deal} as compiled from other files (hash {Short(b.DealHash)}, not {Short(a.DealHash)})";
        }

        if (a.Scenario != b.Scenario)
        {
            return $"scenario {b.Scenario}, not {a.Scenario}";
        }

        if (a.Seed != b.Seed)
        {
            return $"seed {b.Seed}, not {a.Seed}";
        }

        if (a.Paths != b.Paths)
        {
            return $"{b.Paths} paths, not {a.Paths}";
        }

        return a.SameRun(b) ? null : "its deal's tranches, parties or indices differ";
    }

    static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
