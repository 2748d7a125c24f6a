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
/// drawn workout lag (<c>P workout drawn …</c>, or a loan's own, <c>L workout drawn …</c>) its months (drawn on every path, whether or not the party defaults on it),
/// and per drawn partial-payment share (<c>L pays beta …</c>) the share drawn, and per drawn re-let utilisation
/// (<c>C relet after D at beta …</c>, <c>enforcement relet idle at beta …</c>) the utilisation drawn;
/// then what its factors drew: per factor its path shock Z, per drawn rate (a facility's value or the market rent's
/// deflation) the rate the path ran at, per index with jumps its jumps, and with regimes the share of the path spent in
/// the stress regime; last, per party whose default is drawn, its drawn default date (its <c>P defaulted</c> column says
/// whether the path's run reached it); a source that draws none of these has no such columns, so its rows are the ones it
/// always had. Buffers made once per thread; <see cref="Read"/> is called only for a row written or a path replayed.
/// </summary>
public sealed class PathDraws
{
    readonly StochasticPaths? source;

    // The parties whose default a path draws, in the deal's order (StochasticPaths.DefaultParties, worked out once).
    readonly int[] defaultParties;

    PathDraws(StochasticPaths? source)
    {
        this.source = source;
        RenewalsTaken = new int[source?.Renewals.Length ?? 0];
        DelayMonths = new int[source?.Delays.Length ?? 0];
        Recoveries = new double[source?.RecoveryParties.Length ?? 0];
        BreakMonths = new int[source?.Breaks.Length ?? 0];
        WorkoutMonths = new int[source?.Workouts.Length ?? 0];
        LoanWorkoutMonths = new int[source?.LoanWorkouts.Length ?? 0];
        PaymentShares = new double[source?.PaymentShares.Length ?? 0];
        ReletUtilisations = new double[source?.ReletUtilisations.Length ?? 0];
        Shocks = new double[source?.Factors.Length ?? 0];
        Rates = new double[source?.RateFactors.Length ?? 0];
        Jumps = new int[source?.JumpFactors.Length ?? 0];
        StressedShare = new double[source?.HasRegimes == true ? 1 : 0];
        defaultParties = source?.DefaultParties ?? [];
        DefaultDates = new double[defaultParties.Length];
        Row = new double[Columns(source).Length];
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
    /// <c>L workout months</c>, in the scenario's order, then per drawn partial-payment share <c>L pays share</c> (<c>L pays
    /// share w</c> for a loan of several windows), in the scenario's order, then per drawn re-let utilisation <c>C relet
    /// utilisation</c> (<c>C relet rising to</c> for a ramp's end; <c>enforcement relet …</c> for the scenario's re-let of
    /// idle units), in the scenario's order; then what the factors drew (<see cref="FactorColumns"/>); last,
    /// per party whose default is drawn (<c>P defaults drawn …</c>), in the deal's party order, <c>P default date</c>, the
    /// date the path drew (none after the deal's calendar), whether or not the path's run reached it.</summary>
    public static PathColumn[] Columns(IPathSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Columns(source as StochasticPaths);
    }

    static PathColumn[] Columns(StochasticPaths? stochastic)
    {
        if (stochastic is null)
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
            .. Enumerable.Range(0, stochastic.PaymentShares.Length).Select(m => new PathColumn(stochastic.PaymentShareName(m), PathColumnKind.Rate)),
            .. Enumerable.Range(0, stochastic.ReletUtilisations.Length).Select(m => new PathColumn(stochastic.ReletUtilisationName(m), PathColumnKind.Rate)),
            .. FactorColumns(stochastic),
            .. stochastic.DefaultParties.Select(p => new PathColumn($"{deal.Parties[p].Name} default date", PathColumnKind.Date)),
        ];
    }

    /// <summary>The factors' columns (docs/language.md §10, "What a path's row shows of its factors"), after every other
    /// draw's so the columns before keep their places: per factor <c>F shock</c>, its path shock Z (a standard normal), in
    /// the scenario's factor order; per factor drawn as a rate <c>F deflation</c>, the rate a year the path ran at
    /// (<c>Campus.value deflation</c>, <c>market_rent deflation</c>; a drawn growth as its negative), in the same order;
    /// per index with jumps <c>I jumps</c>, the launches that moved its levels, in the same order; and with
    /// <c>regimes</c> <c>stressed share</c>, the share of the path shocks' variance drawn in the stress regime.</summary>
    static PathColumn[] FactorColumns(StochasticPaths stochastic)
    {
        FactorSpec[] factors = stochastic.Factors;
        return
        [
            .. factors.Select(f => new PathColumn($"{f.Name} shock", PathColumnKind.Number)),
            .. stochastic.RateFactors.Select(f => new PathColumn($"{factors[f].Name} deflation", PathColumnKind.Rate)),
            .. stochastic.JumpFactors.Select(f => new PathColumn($"{factors[f].Name} jumps", PathColumnKind.Count)),
            .. stochastic.HasRegimes ? [new PathColumn("stressed share", PathColumnKind.Rate)] : Array.Empty<PathColumn>(),
        ];
    }

    /// <summary>Whether there is anything to read: the source draws factors, renewals, delays, recoveries, breaks or workout lags.</summary>
    public bool Any => Row.Length > 0;

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

    /// <summary>[drawn partial-payment share, the scenario's order]: the share of what falls due the loan's obligor pays
    /// in the window on the path (drawn on every path, whether or not the loan is still owed in the window).</summary>
    public double[] PaymentShares { get; }

    /// <summary>[drawn re-let utilisation, the scenario's order]: the utilisation the re-let ran at on the path (its
    /// level, or its ramp's start or end), drawn on every path whether or not the units are ever re-let.</summary>
    public double[] ReletUtilisations { get; }

    /// <summary>[factor, the scenario's order]: the path's shock Z_k, a standard normal.</summary>
    public double[] Shocks { get; }

    /// <summary>[factor drawn as a rate, the scenario's order]: the deflation a year the path ran at, m + s Z_k.</summary>
    public double[] Rates { get; }

    /// <summary>[index factor with jumps, the scenario's order]: the jumps that moved the levels the path's run read (its
    /// periods run, not the deal's whole calendar).</summary>
    public int[] Jumps { get; }

    /// <summary>With regimes, one entry: the share of the path shocks' variance drawn in the stress regime; else none.</summary>
    public double[] StressedShare { get; }

    /// <summary>[party whose default is drawn, the deal's order]: its drawn default date's day number
    /// (<see cref="Date.DayNumber"/>), NaN where the draw falls after the deal's calendar.</summary>
    public double[] DefaultDates { get; }

    /// <summary>Every draw above as its row's values, in <see cref="Columns(IPathSource)"/>' order (counts as whole
    /// numbers), what a path's row and its replay's summary show.</summary>
    public double[] Row { get; }

    /// <summary>Reads what path <paramref name="path"/>, the one last filled into <paramref name="inputs"/>, drew; its
    /// run read <paramref name="periodsRun"/> periods (<see cref="RunResult.PeriodsRun"/>; a chain's, the top's), over
    /// which its jumps are counted.</summary>
    public void Read(PathInputs inputs, int path, int periodsRun)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        if (!Any)
        {
            return;
        }

        source!.ReadDraws(inputs, RenewalsTaken, DelayMonths, Recoveries, BreakMonths, WorkoutMonths, LoanWorkoutMonths, PaymentShares, ReletUtilisations);
        source.ReadFactorDraws(inputs, path, periodsRun, Shocks, Rates, Jumps, StressedShare);
        source.ReadDefaultDates(inputs, defaultParties, DefaultDates);
        int c = 0;
        Put(RenewalsTaken, ref c);
        Put(DelayMonths, ref c);
        Put(Recoveries, ref c);
        Put(BreakMonths, ref c);
        Put(WorkoutMonths, ref c);
        Put(LoanWorkoutMonths, ref c);
        Put(PaymentShares, ref c);
        Put(ReletUtilisations, ref c);
        Put(Shocks, ref c);
        Put(Rates, ref c);
        Put(Jumps, ref c);
        Put(StressedShare, ref c);
        Put(DefaultDates, ref c);
    }

    /// <summary>The path's draws as (column, kind, value), in <see cref="Columns(IPathSource)"/>' order, for a replayed
    /// path's summary (after <see cref="Read"/>). Allocates: for a replay, not the path loop.</summary>
    public IEnumerable<(PathColumn Column, double Value)> Figures() => Columns(source).Zip(Row);

    void Put(int[] values, ref int c)
    {
        foreach (int v in values)
        {
            Row[c++] = v;
        }
    }

    void Put(double[] values, ref int c)
    {
        foreach (double v in values)
        {
            Row[c++] = v;
        }
    }
}
