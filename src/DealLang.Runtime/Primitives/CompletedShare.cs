using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// The share of the buildings completed, as a tranche's <c>completion</c> and a lease's <c>phased</c> read it
/// (docs/language.md §5 "Completion", "Phased commencement"): a level read at a period's start, n/a counting as
/// nothing completed, clamped to [0, 1]. The period loop and both forward projections (a phased lease's forward
/// CFADS, a <c>completion</c> tranche's forward debt service) read the share through <see cref="Of"/>, so the
/// numerator and the denominator of a forward DSCR stand on the same completions.
/// </summary>
public static class CompletedShare
{
    /// <summary>min(1, max(0, <paramref name="level"/>)), n/a as 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double level) => Math.Clamp(Flows.AmountOrZero(level), 0.0, 1.0);
}

/// <summary>
/// The completed share a forward projection reads for each period of its window (docs/language.md §7, forward debt
/// service and forward CFADS): a completion index's shares from what is known at the test's period t
/// (<see cref="Projected"/>: its schedule, moved by what the path has shown by t; in a deterministic scenario its levels
/// themselves, the same levels the period loop reads), or a share held at this period's (<see cref="Held"/>: a completion
/// expression other than an index's name, which the projection cannot read ahead), or all of it (<see cref="None"/>: no
/// <c>completion</c>). A tranche's forward debt service and a phased lease's forward CFADS read the same shares, so a
/// forward DSCR's numerator and denominator stand on the same completions.
/// </summary>
public readonly struct CompletionShares
{
    private readonly double[]? levels;

    // A projected index's schedule is scaled by factor (1 when the path has shown nothing the schedule does not say);
    // held replaces it when the path's level has left a schedule at nothing. The default value (no levels, not held) is None.
    private readonly double factor;
    private readonly double held;
    private readonly bool isHeld;

    private CompletionShares(double[]? levels, double factor, double held, bool isHeld)
    {
        this.levels = levels;
        this.factor = factor;
        this.held = held;
        this.isHeld = isHeld;
    }

    /// <summary>No <c>completion</c>: the whole scheduled principal, every period (also the default value).</summary>
    public static CompletionShares None => default;

    /// <summary>A completion index's levels per period, read as they are: period p reads <c>levels[p]</c> (the last
    /// level past the array's end). What <see cref="Projected"/> gives when the path has shown nothing beyond its schedule.</summary>
    public static CompletionShares Levels(double[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return new(levels, 1.0, 0.0, false);
    }

    /// <summary>
    /// A completion index's shares as known at period <paramref name="t"/> (docs/language.md §7, "Forward debt service"):
    /// <paramref name="schedule"/> is the index's row under the scenario's levers alone, without a path's draws (its dated
    /// points as the scenario has moved them), <paramref name="levels"/> its row on this path, of which the projection
    /// reads only <c>levels[t]</c>, the level the period loop read this period. Period p of the window reads
    /// <c>schedule[p]</c> when the path's level at t is the schedule's (every deterministic scenario, whose row is its
    /// schedule, bit for bit); else <c>schedule[p] × levels[t] / schedule[t]</c>, the path's shortfall or lead on the
    /// schedule so far held as a factor (for <c>jumps</c>, the path with no further jump); and where the schedule is at
    /// nothing at t (no factor to take), <c>levels[t]</c> held. A drawn index's later levels are the path's future
    /// draws: a forward test reading them would see a delay before it happens.
    /// </summary>
    public static CompletionShares Projected(double[] levels, double[] schedule, int t)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(schedule);
        if (levels.Length == 0 || schedule.Length == 0)
        {
            return new(schedule, 1.0, 0.0, false);
        }

        double level = levels[Math.Clamp(t, 0, levels.Length - 1)], planned = schedule[Math.Clamp(t, 0, schedule.Length - 1)];
        if (level.Equals(planned) || !double.IsFinite(level) || !double.IsFinite(planned))
        {
            return new(schedule, 1.0, 0.0, false);
        }

        return planned != 0.0 ? new(schedule, level / planned, 0.0, false) : new(null, 1.0, CompletedShare.Of(level), true);
    }

    /// <summary>A completion expression's value this period, held over the window.</summary>
    public static CompletionShares Held(double level) => new(null, 1.0, CompletedShare.Of(level), true);

    /// <summary>The share of period <paramref name="p"/>'s scheduled principal (or phased rent) due.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double At(int p) => levels is not null
        ? levels.Length == 0 ? 0.0 : CompletedShare.Of(levels[Math.Min(p, levels.Length - 1)] * factor)
        : isHeld ? held : 1.0;
}
