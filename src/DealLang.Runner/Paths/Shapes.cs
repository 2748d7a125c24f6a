using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>Checks that a scenario and a set of path buffers were made for the deal at hand. A mismatch would
/// otherwise show up as an index error deep in the loop, or worse as another deal's numbers. Scenarios are
/// run-time data (they are not compiled with the deal), so this is the check that replaces "same compile".</summary>
public static class Shapes
{
    /// <summary>Throws <see cref="ArgumentException"/> (parameter <c>scenario</c>, a message naming the scenario,
    /// the deal and what differs) when <paramref name="scenario"/> does not fit
    /// <paramref name="deal"/>: its per-lease, per-facility, per-party and (unless empty) per-index arrays are not the deal's size, its levers on an index are out of range, it takes
    /// more renewals than a lease has (or fewer than none), a facility has no stress, or its enforcement lag is
    /// negative.</summary>
    public static void Require(DealDescription deal, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(scenario);
        Count(deal, scenario, scenario.RenewalsTaken?.Length, deal.Leases.Length, "lease");
        Count(deal, scenario, scenario.FacilityStress?.Length, deal.Facilities.Length, "facility");
        Count(deal, scenario, scenario.PartyDefaults?.Length, deal.Parties.Length, "party");
        if (scenario.Indices is null || scenario.Indices.Length != 0)
        {
            // Empty: no index touched (a scenario made without indices in mind); else one entry per index.
            Count(deal, scenario, scenario.Indices?.Length, deal.Indices.Length, "index");
        }

        CheckIndexLevers(deal, scenario);
        if (scenario.Contracts is null || scenario.Contracts.Length != 0)
        {
            // Empty: no contract touched; else one entry per contract, with utilisations in [0, 1] and a gap of 0 or more.
            Count(deal, scenario, scenario.Contracts?.Length, deal.Contracts.Length, "contract");
            foreach (ContractLevers? levers in scenario.Contracts!)
            {
                if (levers is { } c && (c.Utilisation is { } u && !(u >= 0 && u <= 1) || !(c.ReletUtilisation >= 0 && c.ReletUtilisation <= 1)
                    || c.ReletAfterMonths < 0))
                {
                    throw Mismatch(deal, scenario, "its contract levers are not utilisations in [0, 100%] and an idle gap of 0 months or more");
                }

                // A re-let's ramp and price (docs/language.md §5, "contract-relet-ramp"), as a sale's re-let's are checked below.
                if (levers is { Relet: true } r && (!(r.ReletTo is >= 0 and <= 1) || r.ReletRampMonths < 0
                    || r.ReletPrice is { } own && !ReletPriceFits(deal, own) || r.ReletCurve is { } ownCurve && (!ownCurve.Fits() || r.ReletRampMonths != 0)))
                {
                    throw Mismatch(deal, scenario, "its contract's re-let ramp is not to a utilisation in [0, 100%] over 0 or more months, its curve not at least two points from 0 months strictly increasing each in (0, 100%] (and no ramp beside it), or its price is not a share above 0 of one of the deal's indices plus a finite spread");
                }

                // Nothing set and then not read: a contract not re-let has no re-let terms, a flat re-let (0 months) no end
                // utilisation of its own (it ramps to its utilisation), as the lowering builds them from a deal's scenario.
                if (levers is { Relet: false } none && (none.ReletAfterMonths != 0 || none.ReletUtilisation != 0 || none.ReletTo != 0
                    || none.ReletRampMonths != 0 || none.ReletPrice is not null || none.ReletCurve is not null))
                {
                    throw Mismatch(deal, scenario, "its contract levers give a re-let's gap, utilisation, ramp or price to a contract they do not re-let");
                }

                if (levers is { Relet: true, ReletRampMonths: 0 } flat && flat.ReletTo != 0)
                {
                    throw Mismatch(deal, scenario, "its contract levers give a flat re-let (a ramp of 0 months) a utilisation to ramp to");
                }
            }

            for (int c = 0; c < deal.Contracts.Length; c++)
            {
                if (scenario.Contracts![c] is { } levers && (levers.RenewalsTaken < 0 || levers.RenewalsTaken > deal.Contracts[c].RenewalCount))
                {
                    throw Mismatch(deal, scenario, $"it takes {levers.RenewalsTaken} renewals of contract '{deal.Contracts[c].Name}', which has {deal.Contracts[c].RenewalCount}");
                }

                // A break on one of the contract's dates (DL0428 in a deal).
                if (scenario.Contracts![c]?.BreakMonths is { } months && !deal.Contracts[c].OffersBreakAt(months))
                {
                    throw Mismatch(deal, scenario, $"it breaks contract '{deal.Contracts[c].Name}' at {months} months, which the contract does not offer");
                }

                // A re-let on a ramp or at a price of its own, of a program compiled without one (no scenario of its deal
                // shaped this contract's re-let, so its loop does not read the ramp or the price): refused rather than run
                // flat, as a call of notes the program cannot call is (ContractInfo.ReletShaped).
                if (scenario.Contracts![c] is { Relet: true } shaped && (shaped.ReletRampMonths > 0 || shaped.ReletPrice is not null || shaped.ReletCurve is not null)
                    && !deal.Contracts[c].ReletShaped)
                {
                    throw Mismatch(deal, scenario, $"it re-lets contract '{deal.Contracts[c].Name}' on a ramp, a curve or at a price of its own, which this compiled deal does not read: compile the deal with a scenario that does so");
                }
            }
        }

        if (scenario.Guarantors is null || scenario.Guarantors.Length != 0)
        {
            // Empty: every guarantor honours its guarantees in full; else one entry per party, honouring a share in [0, 1].
            Count(deal, scenario, scenario.Guarantors?.Length, deal.Parties.Length, "party");
            if (scenario.Guarantors!.Any(g => g is { } levers && !(levers.Honour >= 0 && levers.Honour <= 1)))
            {
                throw Mismatch(deal, scenario, "its guarantors' levers are not shares honoured in [0, 100%]");
            }
        }

        if (scenario.Holdings is null || scenario.Holdings.Length != 0)
        {
            // Empty: every holding's market as the deal says; else one entry per holding, discounts and impacts in
            // [0, 1] and depths above 0.
            Count(deal, scenario, scenario.Holdings?.Length, deal.Holdings.Length, "holding");
            if (scenario.Holdings!.Any(h => h is { } levers && (levers.Discount is { } d && !(d >= 0 && d <= 1)
                || levers.Impact is { } i && !(i >= 0 && i <= 1) || levers.Depth is { } depth && !(depth > 0))))
            {
                throw Mismatch(deal, scenario, "its holdings' market levers are not discounts and impacts in [0, 100%] and depths above 0");
            }
        }

        if (scenario.LeaseBreaks is null || scenario.LeaseBreaks.Length != 0)
        {
            // Empty: no lease broken; else one entry per lease, each a break date its lease offers (DL0428 in a deal).
            Count(deal, scenario, scenario.LeaseBreaks?.Length, deal.Leases.Length, "lease");
            for (int l = 0; l < deal.Leases.Length; l++)
            {
                if (scenario.LeaseBreaks![l] is { } months && !deal.Leases[l].OffersBreakAt(months))
                {
                    throw Mismatch(deal, scenario, $"it breaks lease '{deal.Leases[l].Name}' at {months} months, which the lease does not offer");
                }
            }
        }

        if (scenario.TrancheCalls is null || scenario.TrancheCalls.Length != 0)
        {
            // Empty: no tranche called; else one entry per tranche, each call of a tranche the program can call (a
            // convertible, or plain notes a scenario of the deal calls: the others read no call) at a price above 0, of a
            // share in (0, 100%], in increasing periods (DL0777, DL0559, DL0560 in a deal).
            Count(deal, scenario, scenario.TrancheCalls?.Length, deal.Tranches.Length, "tranche");
            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                int before = -1;
                foreach (TrancheCall call in scenario.TrancheCalls![i] ?? [])
                {
                    int period = LeaseTerms.EndPeriod(deal.Boundaries, call.On);
                    if (deal.Tranches[i] is { ConversionPrice: 0, CalledByScenario: false } || !(call.Price > 0 && double.IsFinite(call.Price)) || !(call.Part is > 0 and <= 1)
                        || period <= before || (call.MakeWhole && !deal.Tranches[i].CallsAtMakeWhole))
                    {
                        throw Mismatch(deal, scenario, $"it calls tranche '{deal.Tranches[i].Name}', which no scenario of its deal calls and is not convertible, at a price not above 0%, of a share outside (0, 100%], not after its earlier call, or at a make-whole the notes do not have");
                    }

                    // A call decided in the run is its tranche's only call, and reads indices of the deal (DL0583).
                    if (call.When is { } when && (scenario.TrancheCalls[i]!.Length != 1 || !ReadsIndicesOf(when, deal.Indices.Length)))
                    {
                        throw Mismatch(deal, scenario, $"it calls tranche '{deal.Tranches[i].Name}' when a condition holds, beside another call or reading an index the deal does not have");
                    }

                    before = period;
                }
            }
        }

        if (scenario.TrancheConverts is null || scenario.TrancheConverts.Length != 0)
        {
            // Empty: every convertible converts whole; else one entry per tranche, a share in (0, 100%] of a convertible
            // (DL0778, DL0559 in a deal).
            Count(deal, scenario, scenario.TrancheConverts?.Length, deal.Tranches.Length, "tranche");
            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                if (scenario.TrancheConverts![i] is { } part && (deal.Tranches[i].ConversionPrice == 0 || !(part is > 0 and <= 1)))
                {
                    throw Mismatch(deal, scenario, $"it converts a share of tranche '{deal.Tranches[i].Name}', which is not convertible or outside (0, 100%]");
                }
            }
        }

        if (scenario.PartyWorkoutMonths is null || scenario.PartyWorkoutMonths.Length != 0)
        {
            // Empty: every loan's own lag; else one entry per party, each a lag of 1 to 120 whole months (DL0768).
            Count(deal, scenario, scenario.PartyWorkoutMonths?.Length, deal.Parties.Length, "party");
            if (scenario.PartyWorkoutMonths!.Any(m => m is < 1 or > MonteCarlo.DrawnWorkouts.MaxMonths))
            {
                throw Mismatch(deal, scenario, $"its parties' workout lags are not whole months from 1 to {MonteCarlo.DrawnWorkouts.MaxMonths}");
            }
        }

        if (scenario.LoanWorkoutMonths is null || scenario.LoanWorkoutMonths.Length != 0)
        {
            // Empty: no loan's own drawn lag; else one entry per loan, each a lag of 1 to 120 whole months (DL0768).
            Count(deal, scenario, scenario.LoanWorkoutMonths?.Length, deal.Loans.Length, "loan");
            if (scenario.LoanWorkoutMonths!.Any(m => m is < 1 or > MonteCarlo.DrawnWorkouts.MaxMonths))
            {
                throw Mismatch(deal, scenario, $"its loans' workout lags are not whole months from 1 to {MonteCarlo.DrawnWorkouts.MaxMonths}");
            }
        }

        if (scenario.LoanPaymentShares is null || scenario.LoanPaymentShares.Length != 0)
        {
            // Empty: no share drawn; else one entry per loan, each a share in [0, 1] (or NaN, the window's own) per window.
            Count(deal, scenario, scenario.LoanPaymentShares?.Length, deal.Loans.Length, "loan");
            for (int l = 0; l < deal.Loans.Length; l++)
            {
                if (scenario.LoanPaymentShares![l] is { } shares
                    && (shares.Length != (scenario.PaymentsOfLoan(l)?.Length ?? 0) || shares.Any(x => !double.IsNaN(x) && x is < 0 or > 1)))
                {
                    throw Mismatch(deal, scenario, $"its drawn shares of loan '{deal.Loans[l].Name}' are not one share from 0 to 1 per window");
                }
            }
        }

        // Empty: no re-let utilisation drawn; else two per contract and two for the enforcement re-let, each NaN (the
        // scenario's own) or a utilisation in [0, 1].
        if (scenario.ReletUtilisationsDrawn is null || scenario.ReletUtilisationsDrawn.Length != 0
            && (scenario.ReletUtilisationsDrawn.Length != 2 * (deal.Contracts.Length + 1) || scenario.ReletUtilisationsDrawn.Any(x => !double.IsNaN(x) && x is < 0 or > 1)))
        {
            throw Mismatch(deal, scenario, "its drawn re-let utilisations are not two utilisations from 0 to 1 per contract and two for the enforcement re-let");
        }

        for (int l = 0; l < deal.Loans.Length; l++)
        {
            // Partial payments of a loan whose program does not read them (LoanInfo.PaysInPart: no scenario of its deal has
            // its obligor pay in part): refused rather than paid in full.
            if (scenario.PaymentsOfLoan(l) is not null && !deal.Loans[l].PaysInPart)
            {
                throw Mismatch(deal, scenario, $"its obligor of loan '{deal.Loans[l].Name}' pays in part, which this compiled deal does not read: compile the deal with a scenario that does so");
            }

            // Its own workout lag, drawn or given per path, of a program that reads only its obligor's (LoanInfo.DrawsOwnWorkout).
            if (!deal.Loans[l].DrawsOwnWorkout && (scenario.WorkoutMonthsOfLoan(l) >= 0 || DrawsWorkoutOf(scenario, l)))
            {
                throw Mismatch(deal, scenario, $"it draws or gives loan '{deal.Loans[l].Name}' a workout lag of its own, which this compiled deal does not read: compile the deal with a scenario that draws it");
            }
        }

        for (int l = 0; l < deal.Leases.Length; l++)
        {
            LeaseInfo lease = deal.Leases[l];
            if (scenario.RenewalsTaken![l] is { } taken && (taken < 0 || taken > lease.RenewalCount))
            {
                throw Mismatch(deal, scenario, $"it takes {taken} renewals of lease '{lease.Name}', which has {lease.RenewalCount}");
            }
        }

        for (int f = 0; f < deal.Facilities.Length; f++)
        {
            if (scenario.FacilityStress![f] is null)
            {
                throw Mismatch(deal, scenario, $"it has no value stress for facility '{deal.Facilities[f].Name}' (use ValueStress.None)");
            }
        }

        if (scenario.EnforcementLagMonths is < 0 || scenario.EnforcementHaircut is { } haircut && !double.IsFinite(haircut))
        {
            // A lag past the workout is not an error: the sale then never falls inside the run, as when a lag
            // reaches past the calendar's end, and the loop ends at the horizon with what is still owed lost.
            throw Mismatch(deal, scenario, "its enforcement terms are not a lag of 0 months or more and a finite haircut");
        }

        if (scenario.EnforcementDepth is { } depth && !(depth > 0 && double.IsFinite(depth))
            || scenario.EnforcementLimit is { } limit && !(limit > 0 && double.IsFinite(limit))
            || scenario.EnforcementImpact is { } impact && !(impact >= 0 && double.IsFinite(impact))
            || scenario.EnforcementCosts is { } costs && !(costs >= 0 && double.IsFinite(costs))
            || scenario.EnforcementReserve is { } reserve && !(reserve >= 0 && double.IsFinite(reserve)))
        {
            throw Mismatch(deal, scenario, "its repo market is not a depth and limit above 0 with a finite impact, costs and reserve of 0 or more");
        }

        if (scenario.EnforcementYield is { } yield && !(yield >= 0 && double.IsFinite(yield)))
        {
            throw Mismatch(deal, scenario, "its yield for the loans sold is not a finite rate of 0 or more");
        }

        if (scenario.EnforcementReletUtilisation is { } relet && !(relet is >= 0 and <= 1)
            || scenario.EnforcementReletMonths is < -1)
        {
            throw Mismatch(deal, scenario, "its re-let of idle units is not a utilisation in [0, 100%] over 0 or more months (or until the run's end)");
        }

        if (scenario.EnforcementReletTo is { } to && !(to is >= 0 and <= 1) || scenario.EnforcementReletRampMonths is < 0
            || scenario.EnforcementReletPrice is { } price && !ReletPriceFits(deal, price))
        {
            throw Mismatch(deal, scenario, "its re-let's ramp is not to a utilisation in [0, 100%] over 0 or more months, or its price is not a share above 0 of one of the deal's indices plus a finite spread");
        }

        // A curve (docs/language.md §9, "relet-curve") is the checks' DL0514 and DL0515 of a deal's: points that make one.
        if (scenario.EnforcementReletCurve is { } curve && !curve.Fits())
        {
            throw Mismatch(deal, scenario, "its re-let's curve is not at least two points from 0 months, the months strictly increasing, each a utilisation above 0% and at most 100%");
        }

        // The same for a sale's re-let of idle units (DealDescription.ShapesSaleRelets); a deal with no such re-let reads none.
        if ((scenario.EnforcementReletRampMonths > 0 || scenario.EnforcementReletPrice is not null || scenario.EnforcementReletCurve is not null) && !deal.ShapesSaleRelets
            && deal.Sales.Any(sale => sale.Market is { Relet: > 0 }))
        {
            throw Mismatch(deal, scenario, "it re-lets the idle units sold on a ramp, a curve or at a price of their own, which this compiled deal does not read: compile the deal with a scenario that does so");
        }

        if (scenario.EnforcementHalfLifeMonths is < 1)
        {
            throw Mismatch(deal, scenario, "its half-life of the repo market's price impact is not a whole number of months above 0");
        }
    }

    /// <summary>Whether a stochastic scenario draws loan <paramref name="loan"/>'s own workout lag (a loop, not a lambda:
    /// one capturing the loan would allocate on every path's check).</summary>
    static bool DrawsWorkoutOf(ScenarioSpec scenario, int loan)
    {
        foreach (WorkoutModel model in scenario.Stochastic?.LoanWorkouts ?? [])
        {
            if (model.Loan == loan)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a re-let's price reads one of the deal's indices, at a finite share above 0 plus a finite spread.</summary>
    static bool ReletPriceFits(DealDescription deal, ReletPrice price) =>
        price.Index >= 0 && price.Index < deal.Indices.Length && price.Share > 0 && double.IsFinite(price.Share) && double.IsFinite(price.Spread);

    static void CheckIndexLevers(DealDescription deal, ScenarioSpec scenario)
    {
        for (int i = 0; i < scenario.Indices.Length; i++)
        {
            if (scenario.Indices[i] is not { } levers)
            {
                continue;
            }

            if (levers.AddedLaunches is null || levers.DeflatePerYear is < -1 or >= 1 || !double.IsFinite(levers.Shift)
                || levers.Level is { } level && !double.IsFinite(level)
                || levers.Points is { } p && (p.Dates.Length == 0 || p.Dates.Length != p.Values.Length))
            {
                throw Mismatch(deal, scenario,
                    $"its levers on index '{deal.Indices[i].Name}' are not a finite level and shift, a drift in [−100%, 100%) (a growth of at most 100%, a deflation below 100%), points with a value per date, and a list of launches");
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="into"/> was sized for another deal
    /// (a programming error: buffers come from <c>new PathInputs(deal, layout)</c>).</summary>
    public static void Require(DealDescription deal, PathInputs into)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(into);
        if (!into.Layout.Fits(deal) || (into.Series.Length > 0 && into.Series[0].Length != deal.Periods)
            || (into.Flags.Length > 0 && into.Flags[0].Length != deal.Periods))
        {
            throw new ArgumentException($"The path inputs were sized for another deal: '{deal.Name}' has {deal.Periods} periods, "
                + $"{deal.Facilities.Length} facilities, {deal.Leases.Length} leases, {deal.Parties.Length} parties, {deal.Sales.Length} sales and {deal.Indices.Length} indices.", nameof(into));
        }
    }

    static void Count(DealDescription deal, ScenarioSpec scenario, int? actual, int expected, string per)
    {
        if (actual != expected)
        {
            throw Mismatch(deal, scenario,
                $"it was made for a deal with {actual ?? 0} {Plural(per, actual ?? 0)}, and this one has {expected}");
        }
    }

    static string Plural(string noun, int n) => n == 1 ? noun : noun == "facility" ? "facilities" : noun == "party" ? "parties" : noun == "index" ? "indices" : noun + "s";

    static ArgumentException Mismatch(DealDescription deal, ScenarioSpec scenario, string what) =>
        new($"Scenario '{scenario.Name}' does not fit deal '{deal.Name}': {what}.", nameof(scenario));

    /// <summary>Whether a call's condition reads only indices of a deal with <paramref name="indices"/> of them, one sign
    /// each (a loop, not a lambda: one capturing the deal would allocate on every path's check).</summary>
    static bool ReadsIndicesOf(CallCondition when, int indices)
    {
        if (when.Indices.Length != when.Signs.Length)
        {
            return false;
        }

        foreach (int k in when.Indices)
        {
            if ((uint)k >= (uint)indices)
            {
                return false;
            }
        }

        return true;
    }
}
