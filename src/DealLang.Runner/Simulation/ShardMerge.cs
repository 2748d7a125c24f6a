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
        var merger = new ShardMerger();
        foreach (var (name, shard) in shards)
        {
            merger.Add(name, [shard]);
        }

        return merger.Finish()[0];
    }

    /// <summary>
    /// Combines shard files of one deal or of one chain (<see cref="ShardFile.ReadRun"/>: each file's entities in run
    /// order): every file must hold the same entities, and each entity's shards then merge as
    /// <see cref="Merge"/>'s (same run, every path exactly once). Returns each entity's frame and totals, in run order.
    /// </summary>
    public static (SimulationFrame Frame, SimulationTotals Totals)[] MergeRun(IReadOnlyList<(string Name, IReadOnlyList<ShardResult> Entities)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var merger = new ShardMerger();
        foreach (var (name, entities) in files)
        {
            merger.Add(name, entities);
        }

        return merger.Finish();
    }

    /// <summary>Throws <see cref="ShardMergeException"/> when <paramref name="shard"/> (a file's entity) is not of the
    /// run <paramref name="first"/> began (another deal, hash, scenario, seed or path count) or its totals are of
    /// another shape, naming <paramref name="name"/>.</summary>
    internal static void Check(string firstName, ShardResult first, string name, ShardResult shard)
    {
        string? difference = Difference(first.Frame, shard.Frame);
        if (difference is not null)
        {
            throw new ShardMergeException($"{name} is not a shard of the same run as {firstName}: {difference}");
        }

        // A file's totals of another shape, or sums that overflow together, passed the reading of each file alone
        // (a count dropped from a list, a sum edited): the file is damaged, a usage error, not an internal one.
        if (first.Totals.ShapeDifference(shard.Totals) is { } shape)
        {
            throw new ShardMergeException($"{name} cannot be merged: its contents are damaged (its totals hold {shape} as in {firstName})");
        }
    }

    /// <summary>The shards given must tile paths 0 … n − 1: sorted by their first path, a gap is a missing shard, a
    /// start before the previous end an overlap (a shard given twice, or shards of two splits).</summary>
    internal static void CheckTiling(IReadOnlyList<(string Name, Shard Shard)> shards, SimulationFrame frame)
    {
        var ordered = shards.OrderBy(s => s.Shard.From).ThenBy(s => s.Shard.To).ToArray();
        int paths = frame.Paths;
        int covered = 0;
        string? previous = null;
        foreach (var (name, s) in ordered)
        {
            if (s.From > covered)
            {
                throw new ShardMergeException($"paths {covered} to {s.From - 1} are in no shard given (missing {Missing(ordered, frame, covered, s.From)})");
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
            throw new ShardMergeException($"paths {covered} to {paths - 1} are in no shard given (missing {Missing(ordered, frame, covered, paths)})");
        }
    }

    /// <summary>A file's entities against the first file's: the same deal, or the same chain's entities in order.</summary>
    internal static void CheckEntities(string firstName, IReadOnlyList<ShardResult> first, string name, IReadOnlyList<ShardResult> entities)
    {
        if (entities.Count != first.Count || !entities.Select(e => e.Frame.Deal).SequenceEqual(first.Select(e => e.Frame.Deal)))
        {
            throw new ShardMergeException($"{name} is not a shard of the same run as {firstName}: {What(entities)}, not {What(first)}");
        }
    }

    /// <summary>A file's run for a message: its deal, or its chain's entities in run order.</summary>
    static string What(IReadOnlyList<ShardResult> entities) => entities.Count == 1
        ? $"deal {entities[0].Frame.Deal}"
        : $"the chain {string.Join(", ", entities.Select(e => e.Frame.Deal))}";

    /// <summary>The shards of the first file's split that would cover the gap, for the message.</summary>
    static string Missing((string Name, Shard Shard)[] shards, SimulationFrame frame, int from, int to)
    {
        Shard any = shards[0].Shard;
        var names = new List<string>();
        for (int i = 1; i <= any.Count; i++)
        {
            Shard s = Shard.Of(i, any.Count, frame.Paths, frame.Sampling == SimulationFrame.Antithetic);
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

/// <summary>
/// Merges shard files one at a time, as they are read (<c>deallang merge</c>): each file is checked against the first
/// (the same entities, run and shape of totals) and its totals added into the run's at once, so that only the running
/// totals and one file's are held, not every file's (a merge of 1,001 shards of a 1,000-path run of corpus 017 held
/// 3.2 GB of them, the fuzz3 hunt's). <see cref="Finish"/> then checks that the shards tile the paths exactly once.
/// The totals are exact sums, so the order the files come in changes nothing.
/// </summary>
public sealed class ShardMerger
{
    string? firstName;
    IReadOnlyList<ShardResult>? first;
    SimulationTotals[] totals = [];
    List<(string Name, Shard Shard)>[] ranges = [];

    /// <summary>Adds one file's entities (one, or a chain's in run order); throws <see cref="ShardMergeException"/>
    /// when they are not of the first file's run or their totals are damaged.</summary>
    public void Add(string name, IReadOnlyList<ShardResult> entities)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(entities);
        if (first is null)
        {
            firstName = name;
            first = entities;
            totals = [.. entities.Select(e => e.Totals.EmptyLike())];
            ranges = [.. entities.Select(_ => new List<(string, Shard)>())];
        }
        else
        {
            ShardMerge.CheckEntities(firstName!, first, name, entities);
        }

        for (int e = 0; e < entities.Count; e++)
        {
            ShardMerge.Check(firstName!, first[e], name, entities[e]);
            try
            {
                totals[e].Merge(entities[e].Totals);
            }
            catch (OverflowException ex)
            {
                throw new ShardMergeException($"{name} cannot be merged: its contents are damaged (its sums and the other shards' add up to more than a run's sums hold)", ex);
            }

            ranges[e].Add((name, entities[e].Shard));
        }
    }

    /// <summary>Each entity's frame and merged totals, in run order, once the shards are seen to cover every path
    /// exactly once.</summary>
    public (SimulationFrame Frame, SimulationTotals Totals)[] Finish()
    {
        if (first is null)
        {
            throw new ShardMergeException("no shard files given");
        }

        var merged = new (SimulationFrame, SimulationTotals)[first.Count];
        for (int e = 0; e < first.Count; e++)
        {
            ShardMerge.CheckTiling(ranges[e], first[e].Frame);
            merged[e] = (first[e].Frame, totals[e]);
        }

        return merged;
    }
}
