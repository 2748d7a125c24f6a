using System.Collections.Immutable;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Paths;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// Runs the entities of a chain on the same path (docs/language.md §5 "holding", §10 "Scenarios in a chain"): each
/// entity's own compiled program, in dependency order (each after every entity it holds; the top deal last), each
/// with its own reused path inputs and result buffers. For a scenario of the top deal, each entity's path is its
/// scenario as <see cref="ChainScenarios"/> maps it (the same default dates and index paths for every party and
/// index of one name), then each of its holdings' receipts and par rows are filled from the held entity's finished
/// run (<see cref="HoldingFlows"/>), then its loop runs. The loops stay independent, so a chain costs about the sum
/// of its entities; nothing is allocated per path but the outcomes. Not thread-safe: one runner per thread.
/// </summary>
public sealed class ChainRunner
{
    readonly Entity[] entities;

    /// <param name="programs">The chain's programs in the order they run, the top deal last, each with its own
    /// declared scenarios (those an entity's scenario of the top's name starts from).</param>
    public ChainRunner(IReadOnlyList<(IDealProgram Program, IReadOnlyList<ScenarioSpec> Scenarios)> programs, bool fullLedger = true, bool checkCash = false)
    {
        ArgumentNullException.ThrowIfNull(programs);
        if (programs.Count == 0)
        {
            throw new ArgumentException("A chain needs at least one program.", nameof(programs));
        }

        entities = new Entity[programs.Count];
        for (int e = 0; e < programs.Count; e++)
        {
            IDealProgram program = programs[e].Program;
            DealDescription deal = program.Description;
            var holdings = new (HoldingFlows Flows, int Held)[deal.Holdings.Length];
            for (int h = 0; h < holdings.Length; h++)
            {
                HoldingInfo holding = deal.Holdings[h];
                int held = Array.FindIndex(entities, 0, e, x => x.Deal.Name == holding.Entity);
                if (held < 0)
                {
                    throw new ArgumentException($"Holding '{holding.Name}' of deal '{deal.Name}' holds deal '{holding.Entity}', which does not run before it in the chain.", nameof(programs));
                }

                holdings[h] = (new HoldingFlows(deal, holding, entities[held].Deal), held);
            }

            DealPaths paths = DealPaths.For(deal);
            entities[e] = new Entity(
                program, deal, new LayoutIndex(deal, program.Layout), paths,
                new PathInputs(deal, paths.Layout) { CheckCashConservation = checkCash },
                new RunResult(deal, program.Layout, fullLedger), holdings, [.. programs[e].Scenarios]);
        }
    }

    sealed record Entity(
        IDealProgram Program, DealDescription Deal, LayoutIndex Index, DealPaths Paths, PathInputs Inputs, RunResult Result,
        (HoldingFlows Flows, int Held)[] Holdings, ScenarioSpec[] Scenarios);

    /// <summary>The top deal's description (the last entity's).</summary>
    public DealDescription Top => entities[^1].Deal;

    /// <summary>The top deal's scenarios run in order; none given means every entity as written.</summary>
    public IReadOnlyList<ChainOutcome> RunAll(IEnumerable<ScenarioSpec> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var outcomes = scenarios.Select(Run).ToList();
        if (outcomes.Count == 0)
        {
            outcomes.Add(Run(ScenarioSpec.AsWritten(Top)));
        }

        return outcomes;
    }

    /// <summary>Runs every entity under <paramref name="scenario"/>, a scenario of the top deal.</summary>
    public ChainOutcome Run(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (StochasticPaths.IsStochastic(scenario))
        {
            // Run deterministically, a stochastic scenario is its path 0 at its own seed (docs/language.md §10), the
            // whole chain on that path's draws.
            var source = new StochasticPaths(Top, scenario, StochasticPaths.DefaultSeed(scenario), 1);
            var paths = new ChainPaths(this, source, scenario);
            paths.Run(0);
            return WithTopDraws(OutcomeOf(scenario.Name, paths.DrawnScenarios(), PartySummaries.DrawnDefaults(Top, scenario.Stochastic)), source, 0);
        }

        ScenarioSpec[] specs = Prepare(scenario);
        RunPrepared(specs);
        return OutcomeOf(scenario.Name, specs);
    }

    /// <summary>Each entity's scenario (run order) for <paramref name="scenario"/> of the top deal: worked out once per
    /// scenario, so that running the chain's path (<see cref="RunPrepared"/>) allocates nothing.</summary>
    public ScenarioSpec[] Prepare(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var specs = new ScenarioSpec[entities.Length];
        for (int e = 0; e < entities.Length; e++)
        {
            specs[e] = e == entities.Length - 1 ? scenario : ChainScenarios.For(entities[e].Deal, entities[e].Scenarios, Top, scenario);
        }

        return specs;
    }

    /// <summary>Fills every entity's path inputs under <paramref name="specs"/> (from <see cref="Prepare"/>) without
    /// running it, so that a caller may change the top's inputs (a solver's scaled rent) before
    /// <see cref="RunFilled"/>: an entity's inputs do not depend on the entities run before it, only its holdings' rows,
    /// which its loop's run fills.</summary>
    public void Fill(ScenarioSpec[] specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Length != entities.Length)
        {
            throw new ArgumentException($"The chain has {entities.Length} entities, not {specs.Length}.", nameof(specs));
        }

        for (int e = 0; e < entities.Length; e++)
        {
            entities[e].Paths.Fill(specs[e], entities[e].Inputs);
        }
    }

    /// <summary>The chain's path under <paramref name="specs"/> (from <see cref="Prepare"/>): every entity in run order,
    /// into its reused buffers (<see cref="Buffers"/>), allocating nothing.</summary>
    public void RunPrepared(ScenarioSpec[] specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Length != entities.Length)
        {
            throw new ArgumentException($"The chain has {entities.Length} entities, not {specs.Length}.", nameof(specs));
        }

        for (int e = 0; e < entities.Length; e++)
        {
            RunPath(entities[e], specs[e]);
        }
    }

    /// <summary>One entity on this path: its scenario's inputs, its holdings' rows from the entities run before it,
    /// its loop.</summary>
    void RunPath(Entity entity, ScenarioSpec spec)
    {
        entity.Paths.Fill(spec, entity.Inputs);
        RunLoop(entity);
    }

    /// <summary>An entity whose path inputs are filled: its holdings' rows from the entities run before it, then its
    /// loop.</summary>
    void RunLoop(Entity entity)
    {
        for (int h = 0; h < entity.Holdings.Length; h++)
        {
            (HoldingFlows flows, int held) = entity.Holdings[h];
            flows.Fill(entities[held].Result, entity.Inputs.HoldingReceipts[h], entity.Inputs.HoldingPar[h], entities[held].Inputs, entity.Inputs.HoldingDraws[h]);
            entity.Inputs.HoldingClosingPar[h] = flows.ClosingPar(entities[held].Result);
        }

        entity.Result.Reset();
        entity.Program.Run(entity.Inputs, entity.Result);
    }

    /// <summary>The chain's path when every entity's inputs are already filled (a Monte Carlo path, filled by
    /// MonteCarlo.ChainPaths from the top's draws): each entity in run order, its holdings' rows from the entities
    /// before it, then its loop. Allocates nothing.</summary>
    public void RunFilled()
    {
        for (int e = 0; e < entities.Length; e++)
        {
            RunLoop(entities[e]);
        }
    }

    /// <summary>The entities, in run order (the top deal last).</summary>
    public int Count => entities.Length;

    /// <summary>Entity <paramref name="e"/>'s description (run order).</summary>
    public DealDescription DealOf(int e) => entities[e].Deal;

    /// <summary>Entity <paramref name="e"/>'s path building (run order).</summary>
    internal DealPaths PathsOf(int e) => entities[e].Paths;

    /// <summary>The chain's outcome named <paramref name="name"/> from the buffers as the last path left them, each
    /// entity's summary reading its scenario in <paramref name="specs"/> (run order: the dates and recoveries its
    /// path had), <paramref name="drawn"/> the PDs a stochastic scenario drew its defaults from, by party name
    /// (<see cref="PartySummaries.DrawnDefaults"/>: an entity shares a party with the top by its name). Allocates: for
    /// reports.</summary>
    public ChainOutcome OutcomeOf(string name, ScenarioSpec[] specs, IReadOnlyDictionary<string, DefaultModel>? drawn = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(specs);
        var results = ImmutableArray.CreateBuilder<EntityOutcome>(entities.Length);
        for (int e = 0; e < entities.Length; e++)
        {
            Entity entity = entities[e];
            results.Add(new EntityOutcome(entity.Deal, entity.Program.Layout, ScenarioRunner.Outcome(entity.Deal, entity.Index, entity.Result, specs[e], entity.Inputs, drawn)));
        }

        return new ChainOutcome(name, results.MoveToImmutable());
    }

    /// <summary><paramref name="outcome"/> (this chain's, from <see cref="OutcomeOf"/> after path <paramref name="path"/>
    /// of <paramref name="source"/>, the top's draws) with the top's summary listing what the path drew under
    /// <c>drawn</c>, as its <c>--paths-out</c> row's last columns hold it: the same rows for <c>deallang run</c> of a
    /// stochastic scenario (path 0) as for <c>mc --replay-path</c>.</summary>
    public ChainOutcome WithTopDraws(ChainOutcome outcome, IPathSource source, int path)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(source);
        EntityOutcome top = outcome.Entities[^1];
        var draws = PathReplay.DrawsOf(source, entities[^1].Inputs, path, entities[^1].Result.PeriodsRun);
        return outcome with { Entities = [.. outcome.Entities.Take(outcome.Entities.Length - 1), top with { Outcome = top.Outcome with { Draws = draws } }] };
    }

    /// <summary>The result buffers of entity <paramref name="e"/> (run order) after the last <see cref="Run"/>, and its
    /// inputs: for tests of what one entity paid and another received.</summary>
    public (RunResult Result, PathInputs Inputs) Buffers(int e) => (entities[e].Result, entities[e].Inputs);
}
