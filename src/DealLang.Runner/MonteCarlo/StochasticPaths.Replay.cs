using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// What a filled path drew, read back after its fill and drawing nothing: the drawn models' lists, each path's draws for
// its per-path row, the deterministic scenario the path amounts to, and what a chain's other entities read of the draws.
public sealed partial class StochasticPaths
{
    /// <summary>Drawn delay <paramref name="model"/>'s outcome on the path last filled into <paramref name="into"/>
    /// (an index into its months), for a chain's other entities, which delay the same index by the same months.</summary>
    internal int DelayOutcome(PathInputs into, int model)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        return w.DelayOutcome[model];
    }

    /// <summary>The scenario's drawn delays, in the order written.</summary>
    internal DelayModel[] Delays => spec.Delays ?? [];

    /// <summary>The scenario's drawn breaks, in the order written.</summary>
    internal BreakModel[] Breaks => breaks;

    /// <summary>The scenario's drawn workout lags, in the order written.</summary>
    internal WorkoutModel[] Workouts => spec.Workouts ?? [];

    /// <summary>The scenario's loans' own drawn workout lags, in the order written.</summary>
    internal WorkoutModel[] LoanWorkouts => spec.LoanWorkouts ?? [];

    /// <summary>The scenario's drawn partial-payment shares, in the order written.</summary>
    internal PaymentShareModel[] PaymentShares => paymentShares;

    /// <summary>Drawn share <paramref name="m"/>'s name in a path's row: <c>L pays share</c>, and for a loan the scenario
    /// gives several windows <c>L pays share w</c>, w the window's number (1 the first) in the order written.</summary>
    internal string PaymentShareName(int m)
    {
        PaymentShareModel model = paymentShares[m];
        string name = Deal.Loans[model.Loan].Name + " pays share";
        return scenario.PaymentsOfLoan(model.Loan) is { Length: > 1 } ? $"{name} {model.Window + 1}" : name;
    }

    /// <summary>The scenario's drawn renewals, in the order written.</summary>
    internal RenewalModel[] Renewals => renewals;

    /// <summary>Every party whose recovery a path draws (<c>P defaults drawn … recovery beta …</c> or <c>P defaults on
    /// DATE recovery beta …</c>), in the deal's party order.</summary>
    internal int[] RecoveryParties => recoveryParties;

    /// <summary>Every party whose default a path draws (<c>P defaults drawn …</c>), in the deal's party order.</summary>
    internal int[] DefaultParties => [.. defaults.Select(d => d.Party).Distinct().Order()];

    /// <summary>Each of <see cref="DefaultParties"/>' default dates as the path last filled into <paramref name="into"/>
    /// drew it, as a day number (<see cref="Date.DayNumber"/>), NaN where its draw falls after the deal's calendar: the
    /// date <see cref="Drawn"/> runs the path with, whether or not the path's run reaches it (a run that ends earlier,
    /// its collateral sold, leaves the party's <c>P defaulted</c> false). Allocates nothing.</summary>
    internal void ReadDefaultDates(PathInputs into, ReadOnlySpan<int> parties, Span<double> dayNumbers)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        for (int p = 0; p < parties.Length; p++)
        {
            Date? date = w.Scenario.PartyDefaults[parties[p]]; // DrawDefaults wrote it
            dayNumbers[p] = date is Date d ? d.DayNumber : double.NaN;
        }
    }

    /// <summary>What the path last filled into <paramref name="into"/> drew that its figures do not show, for its
    /// per-path row (<see cref="Simulation.PathDraws"/>): each drawn lease's or contract's renewals taken (<see cref="Renewals"/>'
    /// order), each drawn delay's months (<see cref="Delays"/>' order) and each drawn recovery
    /// (<see cref="RecoveryParties"/>' order, drawn on every path, whether or not the party defaults on it), the numbers
    /// <see cref="Drawn"/> runs it with. Allocates nothing.</summary>
    internal void ReadDraws(PathInputs into, Span<int> renewalsTaken, Span<int> delayMonths, Span<double> recoveries, Span<int> breakMonths = default,
        Span<int> workoutMonths = default, Span<int> loanWorkoutMonths = default, Span<double> paymentShares = default, Span<double> reletUtilisations = default)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        for (int r = 0; r < renewals.Length; r++)
        {
            // DrawRenewals wrote it: a lease's count, or a contract's levers
            renewalsTaken[r] = renewals[r].Of == BreakOf.Lease
                ? w.Scenario.RenewalsTaken[renewals[r].Entity]!.Value
                : w.Scenario.Contracts[renewals[r].Entity]!.RenewalsTaken;
        }

        for (int d = 0; d < delays.Count; d++)
        {
            delayMonths[d] = delays[d].Months[w.DelayOutcome[d]];
        }

        for (int p = 0; p < recoveryParties.Length; p++)
        {
            recoveries[p] = w.Scenario.PartyRecoveries[recoveryParties[p]]!.Value; // DrawRecoveries or DrawDatedRecoveries wrote it
        }

        for (int m = 0; m < breakMonths.Length; m++)
        {
            breakMonths[m] = BreakExercised(w, m);
        }

        for (int m = 0; m < workoutMonths.Length; m++)
        {
            workoutMonths[m] = w.Scenario.PartyWorkoutMonths[workouts[m].Party]!.Value; // DrawWorkouts wrote it
        }

        for (int m = 0; m < loanWorkoutMonths.Length; m++)
        {
            loanWorkoutMonths[m] = w.Scenario.LoanWorkoutMonths[loanWorkouts[m].Loan]!.Value; // DrawLoanWorkouts wrote it
        }

        for (int m = 0; m < paymentShares.Length; m++)
        {
            paymentShares[m] = w.Scenario.LoanPaymentShares[this.paymentShares[m].Loan]![this.paymentShares[m].Window]; // DrawPaymentShares wrote it
        }

        for (int m = 0; m < reletUtilisations.Length; m++)
        {
            ReletUtilisationModel model = this.reletUtilisations[m];
            reletUtilisations[m] = w.Scenario.ReletUtilisationsDrawn[ScenarioSpec.ReletDrawSlot(model.Contract, model.RampEnd, Deal.Contracts.Length)]; // DrawReletUtilisations wrote it
        }
    }

    /// <summary>Drawn break <paramref name="m"/>'s month exercised on <paramref name="w"/>'s path, 0 for none: the month
    /// drawn, unless no date was drawn (or the path did not take the renewal it is in) or the lessee (customer) defaulted
    /// on or before it, as the deterministic code decides (<see cref="TerminationReceipts.Break"/>: a default comes
    /// first). Counted from the start of the term its dates are in, as the scenario writes them: a renewal's from that
    /// renewal term's start.</summary>
    int BreakExercised(Work w, int m)
    {
        BreakModel model = breaks[m];
        if (w.BreakOutcome[m] >= model.Months.Length)
        {
            return 0;
        }

        int months = model.Months[w.BreakOutcome[m]];
        (Date start, int party, int termStart) = model.Of == BreakOf.Lease
            ? (Deal.Leases[model.Entity].Start, Deal.Leases[model.Entity].Lessee, TermStart(model.Renewal, Deal.Leases[model.Entity].TermMonths, Deal.Leases[model.Entity].RenewalTermMonths))
            : (Deal.Contracts[model.Entity].Start, Deal.Contracts[model.Entity].Customer, TermStart(model.Renewal, Deal.Contracts[model.Entity].TermMonths, Deal.Contracts[model.Entity].RenewalTermMonths));
        Date? defaulted = party >= 0 && party < w.Scenario.PartyDefaults.Length ? w.Scenario.PartyDefaults[party] : null;
        return TerminationReceipts.Break(start, months, defaulted) is null ? 0 : months - termStart;
    }

    /// <summary>The deterministic scenario that the path last filled into <paramref name="into"/> amounts to, its
    /// drawn index rows aside: the drawn default dates, renewals taken, market-rent deflation and facility deflations in place of
    /// the scenario's, no stochastic part. Running it through the deterministic path building gives that path's
    /// every other slot, bit for bit (PathSourceEquivalenceTests); party and loan summaries read its dates.
    /// Allocates: for reports and tests, not the path loop.</summary>
    public ScenarioSpec Drawn(PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        ValueStress[] stress = [.. scenario.FacilityStress];
        if (drawsDeflation)
        {
            for (int f = 0; f < stress.Length; f++)
            {
                if (!double.IsNaN(w.Deflation[f]))
                {
                    stress[f] = stress[f] with { DeflatePerYear = w.Deflation[f] };
                }
            }
        }

        // A drawn delay is the path's points moved by its months, as a fixed 'delayed' would move them.
        IndexOverride?[] indices = scenario.Indices;
        if (delays.Count > 0)
        {
            indices = scenario.Indices.Length == 0 ? new IndexOverride?[Deal.Indices.Length] : (IndexOverride?[])scenario.Indices.Clone();
            for (int d = 0; d < delays.Count; d++)
            {
                DelayModel model = delays[d];
                indices[model.Index] = DrawnDelays.Moved(Deal, model.Index, indices[model.Index], model.Months[w.DelayOutcome[d]], model.From);
            }
        }

        // A drawn re-let utilisation is the re-let's on the path, as a fixed 'at R' (or 'rising to R1') would be.
        ContractLevers?[] contracts = (ContractLevers?[])w.Scenario.Contracts.Clone();
        double? reletUtilisation = w.Scenario.EnforcementReletUtilisation, reletTo = w.Scenario.EnforcementReletTo;
        foreach (ReletUtilisationModel model in reletUtilisations)
        {
            double drawn = w.Scenario.ReletUtilisationsDrawn[ScenarioSpec.ReletDrawSlot(model.Contract, model.RampEnd, Deal.Contracts.Length)];
            if (model.Contract is { } c)
            {
                contracts[c] = model.RampEnd ? contracts[c]! with { ReletTo = drawn } : contracts[c]! with { ReletUtilisation = drawn };
            }
            else if (model.RampEnd)
            {
                reletTo = drawn;
            }
            else
            {
                // A flat lever ramps to its own utilisation (Lowerer.Scenarios): the drawn one.
                (reletUtilisation, reletTo) = (drawn, w.Scenario.EnforcementReletRampMonths > 0 ? reletTo : drawn);
            }
        }

        return w.Scenario with
        {
            Indices = indices,
            RenewalsTaken = (int?[])w.Scenario.RenewalsTaken.Clone(),
            PartyDefaults = (Date?[])w.Scenario.PartyDefaults.Clone(),
            PartyRecoveries = (double?[])w.Scenario.PartyRecoveries.Clone(),
            LeaseBreaks = (int?[])w.Scenario.LeaseBreaks.Clone(),
            Contracts = contracts,
            EnforcementReletUtilisation = reletUtilisation,
            EnforcementReletTo = reletTo,
            ReletUtilisationsDrawn = [],
            PartyWorkoutMonths = (int?[])w.Scenario.PartyWorkoutMonths.Clone(),
            LoanWorkoutMonths = (int?[])w.Scenario.LoanWorkoutMonths.Clone(),
            // A drawn share is the window's share on the path, as a fixed 'pays X' would be.
            LoanPayments = [.. w.Scenario.LoanPayments.Select((windows, l) => windows?.Select((p, i) => p with { Share = w.Scenario.PaymentShareOf(l, i, p.Share) }).ToArray())],
            LoanPaymentShares = [],
            FacilityStress = stress,
            MarketRentDeflation = w.Market,
            Stochastic = null,
        };
    }

    /// <summary>What the path last filled into <paramref name="into"/> drew, without copying (for a chain's other
    /// entities, filled from the same draws: ChainPaths): its scenario, whose default dates and recoveries are the
    /// path's, live until the next fill; the market-rent deflation it used; and whether it wrote index
    /// <paramref name="index"/>'s row itself. Allocates nothing.</summary>
    internal (ScenarioSpec Scenario, double MarketRentDeflation) LastDraw(PathInputs into)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        return (w.Scenario, w.Market);
    }

    /// <summary>
    /// Drawn default <paramref name="d"/>'s date on the path last filled into <paramref name="into"/>, for a run whose
    /// last period ends on <paramref name="end"/>: the closing plus ⌈365 τ⌉ days (at least 1) when that is on or before
    /// <paramref name="end"/>, else none. The top deal's own date is this at its own horizon; a chain's entity whose run
    /// ends later reads its own (docs/language.md §10, "Stochastic scenarios in a chain"): a default drawn after the
    /// top's horizon still falls within a longer deal's.
    /// </summary>
    internal Date? DrawnDefault(PathInputs into, int d, Date end)
    {
        if (!works.TryGetValue(into, out Work? w))
        {
            throw new ArgumentException("These path inputs were never filled by this source.", nameof(into));
        }

        return DefaultDate(w.DefaultDays[d], Date.DaysBetween(Deal.Closing, end));
    }
}
