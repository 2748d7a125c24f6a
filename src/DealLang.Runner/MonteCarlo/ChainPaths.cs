using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A Monte Carlo path of a whole chain (docs/language.md §10, "Stochastic scenarios in a chain"): the top deal's
/// stochastic scenario draws the path once (<see cref="StochasticPaths"/>, path i from (seed, i) alone), into the
/// top's inputs; every other entity's inputs are then filled from the same draws — each party it shares with the top
/// (matched by name) defaults on the drawn date with the drawn recovery (a date after the top's horizon counts where it
/// falls within the entity's own run: <see cref="StochasticPaths.DrawnDefault"/>), each index it shares with a drawn index of the
/// top reads the drawn row, and a drawn market-rent deflation is every entity's — on top of the entity's scenario as
/// <see cref="ChainScenarios"/> maps the top's (worked out once). An entity whose periods differ from the top's reads
/// a drawn index at its own period starts as the level in force there: the top's period whose [start, end) holds that
/// date, the first period's level before the top's closing and the last period's after its horizon. The runner then
/// runs the entities in dependency order (<see cref="ChainRunner.RunFilled"/>). One per <see cref="ChainRunner"/>
/// (its buffers); a path allocates nothing.
/// </summary>
public sealed class ChainPaths
{
    readonly ChainRunner runner;
    readonly StochasticPaths source;
    readonly PathInputs topInputs;
    readonly Other[] others;

    sealed record Other(
        DealPaths Paths, PathInputs Inputs, ScenarioSpec Work, ScenarioSpec Prepared, PathMemo Memo,
        int[] DrawnParties, int[] TopParties, int[] TopDefaults, bool[] DrawnRecovery, bool[] DrawnIndexMask, int[] DrawnIndices,
        int[] TopIndices, int[] TopPeriodOf, Date End, DelayedIndex[] Delayed, int[] RecoveredParties, int[] RecoveredTop,
        int[] WorkoutParties, int[] WorkoutTop);

    /// <summary>An entity's index that the top's scenario delays by a drawn delay (matched by name): the top's model
    /// and the entity's own row at each of its outcomes, its own points moved by the same months.</summary>
    sealed record DelayedIndex(int Index, int Model, double[][] Rows);

    /// <param name="runner">The chain's runner, whose buffers this fills.</param>
    /// <param name="source">The top deal's stochastic scenario as a path source.</param>
    /// <param name="scenario">That scenario (the one <paramref name="source"/> was made from).</param>
    /// <param name="prepared">Each entity's scenario, when not the chain's own (<see cref="ChainRunner.Prepare"/> of
    /// <paramref name="scenario"/>): a solver's lever laid into a held deal's scenario.</param>
    public ChainPaths(ChainRunner runner, StochasticPaths source, ScenarioSpec scenario, ScenarioSpec[]? prepared = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Stochastic is not { } stochastic)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' is not stochastic.", nameof(scenario));
        }

        this.runner = runner;
        this.source = source;
        DealDescription top = runner.Top;
        if (!ReferenceEquals(source.Deal, top) && source.Deal.Name != top.Name)
        {
            throw new ArgumentException($"The path source is for deal '{source.Deal.Name}', not the chain's top deal '{top.Name}'.", nameof(source));
        }

        topInputs = runner.Buffers(runner.Count - 1).Inputs;
        prepared ??= runner.Prepare(scenario);
        if (prepared.Length != runner.Count)
        {
            throw new ArgumentException($"The chain has {runner.Count} entities, not {prepared.Length}.", nameof(prepared));
        }

        var drawnTop = new HashSet<int>(stochastic.Defaults.Select(d => d.Party));
        var recoveryTop = new HashSet<int>(stochastic.Defaults.Where(d => d.Recovery is not null).Select(d => d.Party));

        // A party whose default the top dates and whose recovery it draws: its date reaches the entity through the
        // prepared scenario (ChainScenarios), its recovery each path, as a drawn default's does.
        var datedTop = new HashSet<int>(stochastic.Recoveries.Select(r => r.Party));

        // A party whose loans' workout lag the top draws: the path's lag reaches the loans an entity's party of that name
        // owes, each rounded to the entity's own periods (DealPaths), as its default reaches it.
        var workoutTop = new HashSet<int>(stochastic.Workouts.Select(m => m.Party));
        others = new Other[runner.Count - 1];
        for (int e = 0; e < others.Length; e++)
        {
            DealDescription deal = runner.DealOf(e);
            ScenarioSpec spec = prepared[e];
            var parties = new List<int>();
            var topParties = new List<int>();
            var topDefaults = new List<int>();
            var recovery = new List<bool>();
            var recovered = new List<int>();
            var recoveredTop = new List<int>();
            var workoutParties = new List<int>();
            var workoutTopParties = new List<int>();
            for (int p = 0; p < deal.Parties.Length; p++)
            {
                int q = Array.FindIndex(top.Parties, x => x.Name == deal.Parties[p].Name);
                if (q >= 0 && workoutTop.Contains(q))
                {
                    workoutParties.Add(p);
                    workoutTopParties.Add(q);
                }

                if (q >= 0 && datedTop.Contains(q))
                {
                    recovered.Add(p);
                    recoveredTop.Add(q);
                }

                if (q >= 0 && drawnTop.Contains(q))
                {
                    parties.Add(p);
                    topParties.Add(q);
                    topDefaults.Add(Array.FindIndex(stochastic.Defaults, m => m.Party == q));
                    recovery.Add(recoveryTop.Contains(q));
                }
            }

            var mask = new bool[deal.Indices.Length];
            var indices = new List<int>();
            var topIndices = new List<int>();
            for (int i = 0; i < deal.Indices.Length; i++)
            {
                int j = Array.FindIndex(top.Indices, x => x.Name == deal.Indices[i].Name);
                if (j >= 0 && source.DrawsIndex(j))
                {
                    mask[i] = true;
                    indices.Add(i);
                    topIndices.Add(j);
                }
            }

            var delayed = new List<DelayedIndex>();
            for (int d = 0; d < source.Delays.Length; d++)
            {
                DelayModel model = source.Delays[d];
                int i = Array.FindIndex(deal.Indices, x => x.Name == top.Indices[model.Index].Name);
                if (i >= 0)
                {
                    IndexOverride? levers = spec.Indices.Length == 0 ? null : spec.Indices[i];
                    mask[i] = true;
                    delayed.Add(new DelayedIndex(i, d, [.. model.Months.Select(m => DrawnDelays.RowOf(deal, i, levers, m, model.From))]));
                }
            }

            // Its own copy of the prepared scenario, whose drawn parties' dates and recoveries each path overwrites.
            ScenarioSpec work = spec with
            {
                PartyDefaults = (Date?[])spec.PartyDefaults.Clone(),
                PartyRecoveries = recovery.Contains(true) || recovered.Count > 0
                    ? [.. Enumerable.Range(0, deal.Parties.Length).Select(p => p < spec.PartyRecoveries.Length ? spec.PartyRecoveries[p] : null)]
                    : (double?[])spec.PartyRecoveries.Clone(),
                PartyWorkoutMonths = workoutParties.Count > 0 ? new int?[deal.Parties.Length] : (int?[])spec.PartyWorkoutMonths.Clone(),
            };
            DealPaths paths = runner.PathsOf(e);
            others[e] = new Other(
                paths, runner.Buffers(e).Inputs, work, spec, paths.NewMemo(), [.. parties], [.. topParties], [.. topDefaults], [.. recovery],
                mask, [.. indices], [.. topIndices], TopPeriods(top.Boundaries, deal.Boundaries, deal.Periods), deal.Boundaries[^1], [.. delayed],
                [.. recovered], [.. recoveredTop], [.. workoutParties], [.. workoutTopParties]);
        }
    }

    /// <summary>Per period of an entity: the top's period whose [start, end) holds the entity period's start (clamped
    /// to the top's first and last periods), whose drawn level the entity reads.</summary>
    public static int[] TopPeriods(Date[] top, Date[] entity, int periods)
    {
        var map = new int[periods];
        int topPeriods = top.Length - 1;
        for (int t = 0; t < periods; t++)
        {
            int s = Array.BinarySearch(top, entity[t]);
            s = s >= 0 ? s : ~s - 1;
            map[t] = Math.Clamp(s, 0, topPeriods - 1);
        }

        return map;
    }

    /// <summary>Fills every entity's inputs with path <paramref name="path"/> (the top's draws first).</summary>
    public void Fill(int path)
    {
        source.Fill(path, topInputs);
        (ScenarioSpec drawn, double topMarket) = source.LastDraw(topInputs);
        bool drawsMarket = source.DrawsMarketRent;
        foreach (Other o in others)
        {
            for (int k = 0; k < o.DrawnParties.Length; k++)
            {
                int p = o.DrawnParties[k], q = o.TopParties[k];
                o.Work.PartyDefaults[p] = source.DrawnDefault(topInputs, o.TopDefaults[k], o.End);
                if (o.DrawnRecovery[k])
                {
                    o.Work.PartyRecoveries[p] = drawn.PartyRecoveries[q];
                }
            }

            for (int k = 0; k < o.RecoveredParties.Length; k++)
            {
                o.Work.PartyRecoveries[o.RecoveredParties[k]] = drawn.PartyRecoveries[o.RecoveredTop[k]];
            }

            for (int k = 0; k < o.WorkoutParties.Length; k++)
            {
                o.Work.PartyWorkoutMonths[o.WorkoutParties[k]] = drawn.PartyWorkoutMonths[o.WorkoutTop[k]];
            }

            double market = drawsMarket ? topMarket : o.Prepared.MarketRentDeflation;
            o.Paths.FillDrawn(o.Work, market, null, o.DrawnIndexMask, o.Inputs, o.Memo);
            for (int k = 0; k < o.DrawnIndices.Length; k++)
            {
                double[] row = o.Inputs.OwnIndexLevel(o.DrawnIndices[k]);
                double[] drawnRow = topInputs.IndexLevel[o.TopIndices[k]];
                int[] map = o.TopPeriodOf;
                for (int t = 0; t < row.Length; t++)
                {
                    row[t] = drawnRow[map[t]];
                }
            }

            // The top's drawn delay, on the entity's own points and periods: its levels and (projected) its schedule.
            foreach (DelayedIndex d in o.Delayed)
            {
                double[] row = d.Rows[source.DelayOutcome(topInputs, d.Model)];
                o.Inputs.ShareIndexLevel(d.Index, row);
                if (o.Paths.Deal.ProjectsCompletion)
                {
                    o.Inputs.ShareIndexSchedule(d.Index, row);
                }
            }

            // A call decided in the run reads the entity's levels on the top's path, written only now.
            TrancheCalls.FillWhen(o.Paths.Deal, o.Work, o.Inputs);
        }
    }

    /// <summary>Each entity's scenario (run order) on the path last filled: the deterministic scenario its inputs
    /// amount to, with the drawn default dates and recoveries (the top's: <see cref="StochasticPaths.Drawn"/>), for
    /// its summary. Allocates: for reports and tests.</summary>
    public ScenarioSpec[] DrawnScenarios()
    {
        var specs = new ScenarioSpec[others.Length + 1];
        for (int e = 0; e < others.Length; e++)
        {
            ScenarioSpec work = others[e].Work;
            IndexOverride?[] indices = work.Indices;
            if (others[e].Delayed.Length > 0)
            {
                DealDescription deal = others[e].Paths.Deal;
                indices = work.Indices.Length == 0 ? new IndexOverride?[deal.Indices.Length] : (IndexOverride?[])work.Indices.Clone();
                foreach (DelayedIndex d in others[e].Delayed)
                {
                    DelayModel model = source.Delays[d.Model];
                    indices[d.Index] = DrawnDelays.Moved(deal, d.Index, indices[d.Index], model.Months[source.DelayOutcome(topInputs, d.Model)], model.From);
                }
            }

            specs[e] = work with
            {
                Indices = indices,
                PartyDefaults = (Date?[])work.PartyDefaults.Clone(),
                PartyRecoveries = (double?[])work.PartyRecoveries.Clone(),
                PartyWorkoutMonths = (int?[])work.PartyWorkoutMonths.Clone(),
            };
        }

        specs[^1] = source.Drawn(topInputs);
        return specs;
    }

    /// <summary>Fills path <paramref name="path"/> and runs the chain on it (<see cref="ChainRunner.RunFilled"/>).</summary>
    public void Run(int path)
    {
        Fill(path);
        runner.RunFilled();
    }
}
