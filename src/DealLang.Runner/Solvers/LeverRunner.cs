using System.Collections.Immutable;
using DealLang.Runner.Paths;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// Runs a compiled deal with one lever at a given value, as a solver asks: the scenario with the lever applied is
/// filled into one reused set of path inputs (<see cref="DealPaths"/>), an input lever then scales its rows, and the
/// program runs summary-only into one reused result. The deal is never recompiled: only its path inputs change.
/// A chain (a deal that holds others) runs whole at each value, as <c>run</c> runs it (<see cref="ChainRunner"/>):
/// the lever's scenario is the top deal's, laid over each entity as a chain's scenario is (a party's recovery, an
/// index, the market rent), and an input lever scales the top's own rows or, for a held deal's lease or facility
/// (<see cref="Lever.Entity"/>), that deal's; a lever on a held deal's facility or contract is laid into that deal's
/// scenario alone. Cash conservation is checked on every
/// run, as the CLI's runs are. Not thread-safe.
/// </summary>
public sealed class LeverRunner
{
    readonly IDealProgram? program;
    readonly ChainRunner? chain;
    readonly DealDescription deal;
    readonly DealPaths? paths;
    readonly PathInputs inputs;
    readonly RunResult result;
    readonly HeldTranche[] held;

    public LeverRunner(IDealProgram program, ScenarioSpec scenario, Lever lever)
        : this(Alone(program), scenario, lever)
    {
        if (lever.Entity is not null)
        {
            throw new ArgumentException($"Lever '{lever.Text}' moves a held deal's input, and a deal alone holds none.", nameof(lever));
        }

        this.program = program;
    }

    /// <summary>The lever on a chain's top deal: <paramref name="chain"/> (made with the cash check) runs every entity at
    /// each value; the figures are the top's, or those of entity <paramref name="figuresOf"/> (its index in run order:
    /// a held deal's tranche priced under the chain's scenario).</summary>
    public LeverRunner(ChainRunner chain, ScenarioSpec scenario, Lever lever, int? figuresOf = null)
        : this(Entity(chain, figuresOf), scenario, lever)
    {
        this.chain = chain;
    }

    LeverRunner((DealDescription Deal, DealPaths? Paths, PathInputs Inputs, RunResult Result) buffers, ScenarioSpec scenario, Lever lever)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(lever);
        (deal, paths, inputs, result) = buffers;
        held = HeldTranche.Of(deal);
        Scenario = scenario;
        Lever = lever;
    }

    // A deal alone: its own path building, inputs and summary-only result.
    static (DealDescription, DealPaths?, PathInputs, RunResult) Alone(IDealProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        DealDescription deal = program.Description;
        DealPaths paths = DealPaths.For(deal);
        return (deal, paths, new PathInputs(deal, paths.Layout) { CheckCashConservation = true }, new RunResult(deal, program.Layout, fullLedger: false));
    }

    // A chain's entity whose figures are read (the top by default): the chain fills and runs its buffers.
    static (DealDescription, DealPaths?, PathInputs, RunResult) Entity(ChainRunner chain, int? figuresOf)
    {
        ArgumentNullException.ThrowIfNull(chain);
        int e = figuresOf ?? chain.Count - 1;
        ArgumentOutOfRangeException.ThrowIfNegative(e, nameof(figuresOf));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(e, chain.Count, nameof(figuresOf));
        (RunResult result, PathInputs inputs) = chain.Buffers(e);
        return (chain.DealOf(e), null, inputs, result);
    }

    public DealDescription Deal => deal;

    public ScenarioSpec Scenario { get; }

    public Lever Lever { get; }

    /// <summary>Runs so far (each a full run of the deal).</summary>
    public int Evaluations { get; private set; }

    /// <summary>Index <paramref name="index"/>'s level at each period's start in the last run (a copy).</summary>
    public double[] IndexLevels(int index) => [.. inputs.IndexLevel[index]];

    public LeverRun Run(double value)
    {
        Evaluations++;
        if (chain is not null)
        {
            chain.Fill(Lever.Prepare(chain, Scenario, value));
            Lever.Scale(chain.Buffers(Lever.Entity ?? chain.Count - 1).Inputs, value); // filled above; the chain runs its loops after
            chain.RunFilled();
        }
        else
        {
            paths!.Fill(Lever.Apply(Scenario, value), inputs);
            Lever.Scale(inputs, value);
            result.Reset();
            program!.Run(inputs, result);
        }

        int periods = Math.Clamp(result.PeriodsRun, 0, deal.Periods);
        double[] years = PeriodYears.FromClosing(deal, periods);
        var shortfall = new double[deal.Tranches.Length];
        var flows = new TrancheFlows[deal.Tranches.Length];
        for (int i = 0; i < shortfall.Length; i++)
        {
            for (int t = 0; t < periods; t++)
            {
                shortfall[i] = Math.Max(shortfall[i], result.InterestShortfall[i][t]);
            }

            flows[i] = new TrancheFlows(
                result.InterestPaid[i].AsSpan(0, periods).ToArray(),
                result.PrincipalPaid[i].AsSpan(0, periods).ToArray(),
                result.TrancheDrawn[i].AsSpan(0, periods).ToArray());
        }

        ImmutableArray<TrancheSummary> tranches = TrancheSummaries.Build(deal, result, Scenario, periods, years);
        return new LeverRun(
            value,
            periods,
            tranches,
            EquitySummaries.Build(deal, result, periods, years, inputs),
            shortfall,
            [.. flows])
        {
            Currency = deal.Currency,
            Holders = [.. held.Select(h => Holders(h, tranches[h.Tranche], periods))],
        };
    }

    // A guaranteed tranche's holders' figures in this run, as the Monte Carlo report reads them per path (PathFigures):
    // their principal loss max(0, loss − S) (none under half a cent), S the guarantor's subrogated principal at the end, over the principal
    // funded; their largest interest shortfall at a period's end; the summary's holders' IRR with guarantee.
    HoldersRun Holders(HeldTranche h, TrancheSummary summary, int periods)
    {
        double loss = periods == 0 ? 0.0 : Flows.Shortfall(summary.PrincipalLoss, result.GuarantorPrincipal[h.Guarantee][periods - 1]);
        return new HoldersRun(
            loss,
            summary.OriginalBalance == 0 ? double.NaN : loss / summary.OriginalBalance,
            h.LargestInterestShortfall(result, periods),
            summary.HoldersIrr);
    }
}

/// <summary>What one run at a lever value produced, copied out of the runner's buffers.</summary>
public sealed record LeverRun(
    double Value,
    int PeriodsRun,
    ImmutableArray<TrancheSummary> Tranches,
    ImmutableArray<EquitySummary> Equities,
    double[] InterestShortfallPeak,
    ImmutableArray<TrancheFlows> Flows)
{
    public double LargestInterestShortfall(int tranche) => InterestShortfallPeak[tranche];

    /// <summary>The deal's currency, which the figures describing the run name (an amount in units, not millions).</summary>
    public string Currency { get; init; } = "";

    /// <summary>[held tranche, <see cref="HeldTranche.Of"/>]: a guaranteed tranche's holders' figures (empty without one).</summary>
    public ImmutableArray<HoldersRun> Holders { get; init; } = [];
}

/// <summary>A guaranteed tranche's holders' figures in one run (docs/language.md §5, "Guarantors"): what neither the issuer
/// nor its guarantor paid them.</summary>
/// <param name="PrincipalLoss">max(0, the issuer's principal loss − S), S the guarantor's subrogated principal at the end.</param>
/// <param name="LossFraction"><paramref name="PrincipalLoss"/> over the principal funded (NaN where none was).</param>
/// <param name="LargestInterestShortfall">Their largest unpaid interest at a period's end
/// (<see cref="HeldTranche.LargestInterestShortfall"/>).</param>
/// <param name="Irr">The summary's holders' IRR with guarantee (NaN where there is none).</param>
public sealed record HoldersRun(double PrincipalLoss, double LossFraction, double LargestInterestShortfall, double Irr);

/// <summary>A tranche's cash per period (interest and principal received, draws funded), for its fair spread.</summary>
public sealed record TrancheFlows(double[] Interest, double[] Principal, double[] Drawn);
