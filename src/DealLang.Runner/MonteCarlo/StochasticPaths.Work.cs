using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// The per-buffer work arrays a path fills (one set for each PathInputs a thread fills), apart from the draws that use them.
public sealed partial class StochasticPaths
{
    /// <summary>One set of buffers' work arrays and its own copy of the scenario, whose default dates each path
    /// overwrites with its draws.</summary>
    sealed class Work(DealDescription deal, ScenarioSpec scenario, DealPaths plan, int k, int jumpFactors, int delays)
    {
        // Each drawn delay's outcome on the path (DrawDelays).
        public readonly int[] DelayOutcome = new int[delays];

        // Each drawn break's date taken on the path, its dates' count for none (DrawBreaks).
        public readonly int[] BreakOutcome = new int[scenario.Stochastic?.Breaks.Length ?? 0];

        public readonly ScenarioSpec Scenario = scenario with
        {
            RenewalsTaken = (int?[])scenario.RenewalsTaken.Clone(),
            PartyDefaults = (Date?[])scenario.PartyDefaults.Clone(),
            // The scenario's own recoveries (a solver's recovery lever) hold on every path; a drawn one overwrites its party's.
            PartyRecoveries = scenario.Stochastic is { } drawn && (drawn.Defaults.Any(m => m.Recovery is not null) || drawn.Recoveries.Length > 0)
                ? [.. Enumerable.Range(0, deal.Parties.Length).Select(p => p < scenario.PartyRecoveries.Length ? scenario.PartyRecoveries[p] : null)]
                : (double?[])scenario.PartyRecoveries.Clone(),
            // A drawn break writes its month where a fixed 'breaks at' does: one entry per lease (contract) when any is drawn.
            LeaseBreaks = scenario.Stochastic is { } withBreaks && withBreaks.Breaks.Any(b => b.Of == BreakOf.Lease) && scenario.LeaseBreaks.Length == 0
                ? new int?[deal.Leases.Length]
                : (int?[])scenario.LeaseBreaks.Clone(),
            Contracts = scenario.Stochastic is { } withContractDraws && (withContractDraws.Breaks.Any(b => b.Of == BreakOf.Contract) || withContractDraws.Renewals.Any(r => r.Of == BreakOf.Contract))
                && scenario.Contracts.Length == 0
                ? new ContractLevers?[deal.Contracts.Length]
                : (ContractLevers?[])scenario.Contracts.Clone(),
            // A drawn workout lag writes the party's months: one entry per party when any is drawn.
            PartyWorkoutMonths = scenario.Stochastic is { Workouts.Length: > 0 }
                ? [.. Enumerable.Range(0, deal.Parties.Length).Select(p => p < scenario.PartyWorkoutMonths.Length ? scenario.PartyWorkoutMonths[p] : null)]
                : (int?[])scenario.PartyWorkoutMonths.Clone(),
            // A loan's own drawn lag writes the loan's months: one entry per loan when any is drawn.
            LoanWorkoutMonths = scenario.Stochastic is { LoanWorkouts.Length: > 0 }
                ? [.. Enumerable.Range(0, deal.Loans.Length).Select(l => l < scenario.LoanWorkoutMonths.Length ? scenario.LoanWorkoutMonths[l] : null)]
                : (int?[])scenario.LoanWorkoutMonths.Clone(),
            // A drawn share writes its window's entry: per loan with one, a row of NaN (the window's own share) per window.
            LoanPaymentShares = scenario.Stochastic is { PaymentShares.Length: > 0 } withShares
                ? [.. Enumerable.Range(0, deal.Loans.Length).Select(l => withShares.PaymentShares.Any(m => m.Loan == l)
                    ? Enumerable.Repeat(double.NaN, scenario.PaymentsOfLoan(l)?.Length ?? 0).ToArray()
                    : null)]
                : scenario.LoanPaymentShares,
            // A drawn re-let utilisation writes its slot: two per contract and two for the enforcement re-let, NaN (the
            // scenario's own) where none is drawn.
            ReletUtilisationsDrawn = scenario.Stochastic is { ReletUtilisations.Length: > 0 }
                ? Enumerable.Repeat(double.NaN, 2 * (deal.Contracts.Length + 1)).ToArray()
                : scenario.ReletUtilisationsDrawn,
        };
        public readonly PathMemo Memo = plan.NewMemo();

        /// <summary>The token of the source whose work this is (StochasticPaths.WorkOf checks it on the buffers).</summary>
        public object? Source { get; init; }
        public readonly double[] Shock = new double[k], Xi = new double[k];

        // The share of the path shocks' variance drawn in the stress regime (DrawFactors; 0 with one regime).
        public double StressedShare;

        // Each drawn default's day after the closing, ⌈365 τ⌉, however far past the horizon (DrawDefaults).
        public readonly double[] DefaultDays = new double[(scenario.Stochastic?.Defaults.Length) ?? 0];

        // Per period, the factor an index factor's jumps have left it at the period's end (DrawFactors).
        public readonly double[] JumpAt = new double[deal.Periods];

        // An index factor's row of exponents, then of their exponentials (IndexRow).
        public readonly double[] Exponents = new double[deal.Periods];

        // A path's draws for its periods (DrawFactors): each period's regime uniform, k normals and jump uniforms as
        // drawn (a regime's or not, at most one more a period), and the normals (then each period's correlated shocks).
        public readonly ulong[] Draws = new ulong[deal.Periods * (1 + k + jumpFactors)];
        public readonly double[] NormalDraws = new double[deal.Periods * k];
        public readonly double[] Deflation = new double[deal.Facilities.Length];
        public double Market;
    }
}
