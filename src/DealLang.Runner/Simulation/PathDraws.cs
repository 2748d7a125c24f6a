using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// What a stochastic scenario's path drew that its <see cref="PathFigures"/> do not show, for its per-path row
/// (<c>--paths-out</c>), so an analyst can slice the losses by it: per lease or contract with drawn renewals
/// (<c>L renewals drawn p</c>) the renewals it took, per drawn completion delay (<c>I delayed drawn …</c>) its months,
/// per party whose recovery is drawn (<c>recovery beta …</c>, of a drawn or a dated default) its recovery — the numbers
/// the path's replay runs with (<see cref="StochasticPaths.Drawn"/>) — and per drawn break (<c>L breaks drawn at …</c>)
/// the month it was exercised at, an outcome to count (0: not broken, or its lessee or customer defaulted first), and per
/// drawn workout lag (<c>P workout drawn …</c>, or a loan's own, <c>L workout drawn …</c>) its months (drawn on every path, whether or not the party defaults on it). A path's drawn default dates already show in its
/// <c>P defaulted</c> columns; a source that draws none of these has no such columns, so its rows are the ones it
/// always had. Buffers made once per thread.
/// </summary>
public sealed class PathDraws
{
    readonly StochasticPaths? source;

    PathDraws(StochasticPaths? source)
    {
        this.source = source;
        RenewalsTaken = new int[source?.Renewals.Length ?? 0];
        DelayMonths = new int[source?.Delays.Length ?? 0];
        Recoveries = new double[source?.RecoveryParties.Length ?? 0];
        BreakMonths = new int[source?.Breaks.Length ?? 0];
        WorkoutMonths = new int[source?.Workouts.Length ?? 0];
        LoanWorkoutMonths = new int[source?.LoanWorkouts.Length ?? 0];
    }

    /// <summary>The draws of <paramref name="source"/>'s paths: none unless it is a stochastic scenario.</summary>
    public static PathDraws Of(IPathSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new PathDraws(source as StochasticPaths);
    }

    /// <summary>The columns of <paramref name="source"/>'s draws, after the deal's (<see cref="PathColumns"/>): per
    /// drawn-renewals lease or contract <c>L renewals taken</c>, then per drawn delay <c>I delay months</c>, in the scenario's order,
    /// then per party whose recovery is drawn <c>P recovery</c>, in the deal's party order, then per drawn break
    /// <c>L break month</c> (<c>L renewal k break month</c> for a renewal term's, its month from that term's start), then
    /// per drawn workout lag <c>P workout months</c>, in the scenario's order, then per loan's own drawn workout lag
    /// <c>L workout months</c>, in the scenario's order.</summary>
    public static PathColumn[] Columns(IPathSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is not StochasticPaths stochastic)
        {
            return [];
        }

        DealDescription deal = stochastic.Deal;
        return
        [
            .. stochastic.Renewals.Select(r => new PathColumn($"{(r.Of == BreakOf.Lease ? deal.Leases[r.Entity].Name : deal.Contracts[r.Entity].Name)} renewals taken", PathColumnKind.Count)),
            .. stochastic.Delays.Select(d => new PathColumn($"{deal.Indices[d.Index].Name} delay months", PathColumnKind.Count)),
            .. stochastic.RecoveryParties.Select(p => new PathColumn($"{deal.Parties[p].Name} recovery", PathColumnKind.Rate)),
            .. stochastic.Breaks.Select(b => new PathColumn(
                $"{(b.Of == BreakOf.Lease ? deal.Leases[b.Entity].Name : deal.Contracts[b.Entity].Name)}{(b.Renewal > 0 ? $" renewal {b.Renewal}" : "")} break month", PathColumnKind.Count)),
            .. stochastic.Workouts.Select(m => new PathColumn($"{deal.Parties[m.Party].Name} workout months", PathColumnKind.Count)),
            .. stochastic.LoanWorkouts.Select(m => new PathColumn($"{deal.Loans[m.Loan].Name} workout months", PathColumnKind.Count)),
        ];
    }

    /// <summary>Whether there is anything to read: the source draws renewals, delays, recoveries, breaks or workout lags.</summary>
    public bool Any => RenewalsTaken.Length + DelayMonths.Length + Recoveries.Length + BreakMonths.Length + WorkoutMonths.Length + LoanWorkoutMonths.Length > 0;

    /// <summary>[drawn-renewals lease or contract, the scenario's order]: the renewals the path took.</summary>
    public int[] RenewalsTaken { get; }

    /// <summary>[drawn delay, the scenario's order]: the path's delay, whole months.</summary>
    public int[] DelayMonths { get; }

    /// <summary>[party whose recovery is drawn, the deal's order]: the path's recovery, a share (drawn on every path,
    /// whether or not the party defaults on it).</summary>
    public double[] Recoveries { get; }

    /// <summary>[drawn break, the scenario's order]: the month from its start (a renewal term's: from that term's start)
    /// the lease or contract was broken at on the path, 0 when it was not (no date drawn, the renewal not taken, or a
    /// default on or before the date came first).</summary>
    public int[] BreakMonths { get; }

    /// <summary>[drawn workout lag, the scenario's order]: the path's lag, whole months (drawn on every path, whether or
    /// not the party defaults on it).</summary>
    public int[] WorkoutMonths { get; }

    /// <summary>[loan's own drawn workout lag, the scenario's order]: the path's lag, whole months (drawn on every path,
    /// whether or not its obligor defaults on it).</summary>
    public int[] LoanWorkoutMonths { get; }

    /// <summary>Reads what the path last filled into <paramref name="inputs"/> drew.</summary>
    public void Read(PathInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (Any)
        {
            source!.ReadDraws(inputs, RenewalsTaken, DelayMonths, Recoveries, BreakMonths, WorkoutMonths, LoanWorkoutMonths);
        }
    }
}
