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
/// The completed share a forward debt service projects for each period of its window (docs/language.md §7, forward
/// debt service): a completion index's level at each period's start on this path (<see cref="Levels"/>: its dated
/// points as the scenario has moved them, the same levels a phased lease's forward CFADS reads), or a share held at
/// this period's (<see cref="Held"/>: a completion expression other than an index's name, which the projection cannot
/// read ahead), or all of it (<see cref="None"/>: no <c>completion</c>).
/// </summary>
public readonly struct CompletionShares
{
    private readonly double[]? levels;

    // The share held over the window, when isHeld; the default value (neither levels nor a held share) is None.
    private readonly double held;
    private readonly bool isHeld;

    private CompletionShares(double[]? levels, double held, bool isHeld)
    {
        this.levels = levels;
        this.held = held;
        this.isHeld = isHeld;
    }

    /// <summary>No <c>completion</c>: the whole scheduled principal, every period (also the default value).</summary>
    public static CompletionShares None => default;

    /// <summary>A completion index's levels per period on this path; period p reads <c>levels[p]</c> (the last
    /// level past the array's end).</summary>
    public static CompletionShares Levels(double[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return new(levels, 0.0, false);
    }

    /// <summary>A completion expression's value this period, held over the window.</summary>
    public static CompletionShares Held(double level) => new(null, CompletedShare.Of(level), true);

    /// <summary>The share of period <paramref name="p"/>'s scheduled principal due.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double At(int p) => levels is not null
        ? levels.Length == 0 ? 0.0 : CompletedShare.Of(levels[Math.Min(p, levels.Length - 1)])
        : isHeld ? held : 1.0;
}
