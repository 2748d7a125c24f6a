using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// Scenario limits: renewals the lease offers, drops dated after closing, each lever set once,
// enforcement overrides only where something is sold.
internal sealed partial class DealChecks
{
    private void CheckScenarios()
    {
        bool sellsSomething = _analysis.Enforcement is { } enforcement && SyntaxWalk.Safe(enforcement.Sales).Any();
        foreach (ScenarioSyntax scenario in SyntaxWalk.Safe(_analysis.Scenarios))
        {
            string name = scenario.Name?.Text ?? "";
            if (name == "all") // the CLI's word for every scenario (RunCommand.SelectScenarios)
            {
                _diagnostics.Add(DiagnosticCatalogue.ScenarioNamedAll(scenario.Name!.Span));
            }

            var levers = new HashSet<string>(StringComparer.Ordinal);
            var calls = new Dictionary<string, TrancheCalledSyntax>(StringComparer.Ordinal);
            var windows = new Dictionary<string, LoanPaysSyntax>(StringComparer.Ordinal);
            foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
            {
                // A loan's lag drawn twice is an error of its own (DL0522), not a lever set again.
                foreach (string lever in item is WorkoutDrawnSyntax w && IsLoan(w.Party) ? [] : LeversSetBy(item))
                {
                    if (!levers.Add(lever))
                    {
                        _diagnostics.Add(DiagnosticCatalogue.ScenarioItemRepeated(item.Span, name, lever));
                    }
                }

                switch (item)
                {
                    case RenewalsTakenSyntax renewals:
                        CheckRenewals(renewals);
                        break;
                    case LeaseBreaksSyntax breaks:
                        CheckBreak(breaks, scenario, name);
                        break;
                    case BreaksDrawnSyntax drawnBreaks:
                        CheckDrawnBreak(drawnBreaks, scenario, name);
                        break;
                    case ReletSyntax relet:
                        CheckRelet(relet, name);
                        break;
                    case GuaranteeLeverSyntax guarantee:
                        CheckGuarantor(guarantee, name);
                        break;
                    case HoldingMarketLeverSyntax market:
                        CheckHoldingMarket(market, name);
                        break;
                    case TrancheCalledSyntax called:
                        CheckHardCall(called, name, calls);
                        break;
                    case TrancheCalledWhenSyntax calledWhen:
                        CheckCallWhen(calledWhen, name);
                        break;
                    case TrancheConvertsSyntax converts:
                        CheckPartialConversion(converts, name);
                        break;
                    case LoanPaysSyntax pays:
                        CheckPartialPayments(pays, name, windows);
                        break;
                    case IndexProcessSyntax or JumpsSyntax or CorrelateSyntax or RegimesSyntax or DrawnDefaultsSyntax or RenewalsDrawnSyntax or PathsSyntax or SeedSyntax or AntitheticSyntax or SobolSyntax:
                        break;
                    case IndexPointsOverrideSyntax points:
                        IndexRules.CheckPointDates(points.Points, $"the points of index '{points.Index?.Text}' in scenario '{name}'", this);
                        break;
                    case IndexDelayedSyntax delayed:
                        CheckDelay(delayed, name);
                        break;
                    case IndexDelayDrawnSyntax drawnDelay:
                        CheckDrawnDelay(drawnDelay, scenario, name);
                        break;
                    case WorkoutDrawnSyntax workout:
                        CheckDrawnWorkout(workout, scenario, name);
                        break;
                    case IndexLaunchOverrideSyntax launch:
                        RequireWithinDeal(launch.Launch?.Date, $"the launch date of index '{launch.Index?.Text}' in scenario '{name}'", Maturity, "the deal's maturity");
                        break;
                    case DropSyntax { By: { } by } when Closing is { } closing && by.Value <= closing:
                        _diagnostics.Add(DiagnosticCatalogue.DropDateNotAfterClosing(by.Span, by.Value.ToString(), closing.ToString()));
                        break;
                    case PartyDefaultsSyntax defaults:
                        CheckRecoveryAfterTheRun(defaults, name, PaidInPart(scenario));
                        // This deal's own party against this deal's closing. A held deal's party, brought into scope from its file
                        // by the import so a chain's scenario reaches it, is that deal's to date, and it may close earlier (the
                        // credit fund's FireSale defaults CoreWeave's AiLab in 2025, after CoreWeave's 2024 closing).
                        if (defaults.On is { } on && Closing is { } opened && on.Value < opened
                            && _analysis.Symbols.TryLookup(defaults.Party?.Text, out Symbol party) && party.Kind == SymbolKind.Party
                            && party.Declaration.Span.Path == _analysis.Deal.Span.Path)
                        {
                            _diagnostics.Add(DiagnosticCatalogue.DefaultBeforeClosing(on.Span, defaults.Party?.Text ?? "", on.Value.ToString(), name, opened.ToString()));
                        }

                        break;
                    case EnforcementOverrideSyntax enforcementOverride:
                        if (!sellsSomething)
                        {
                            _diagnostics.Add(DiagnosticCatalogue.ScenarioEnforcementUnused(item.Span, name));
                        }

                        if (enforcementOverride.Yield is { } yield && sellsSomething && !SellsLoansAtAYield())
                        {
                            _diagnostics.Add(DiagnosticCatalogue.LoanPriceUnused(yield.Span,
                                $"no enforcement sale of the deal prices its loans at a yield, so the yield in scenario '{name}' would be ignored; write 'price yield Y' on the loans' sale"));
                        }

                        if (enforcementOverride.Market is not null && sellsSomething && !SellsIntoMarket())
                        {
                            _diagnostics.Add(DiagnosticCatalogue.MarketLeverWithoutMarket(item.Span, name));
                        }
                        else if (enforcementOverride.Market?.Keep is { KeepsContracts: true } keep && sellsSomething && !SellsContractedFleetIntoMarket())
                        {
                            _diagnostics.Add(DiagnosticCatalogue.KeepContractsLeverUnused(keep.Span, name));
                        }
                        else if (enforcementOverride.Market?.Relet is { } relet && sellsSomething && !ReletsIdleUnits())
                        {
                            ReportReletLeverUnused(relet, name);
                        }

                        CheckReletIdle(enforcementOverride.Market?.Relet, $"of the enforcement override in scenario '{name}'");
                        if (sellsSomething && SellsIntoMarket())
                        {
                            CheckHalfLifeLever(enforcementOverride.Market?.HalfLife, name);
                        }

                        if (enforcementOverride.Lag is { } lag)
                        {
                            CheckWorkoutLag(lag);
                            int months = DurationRules.WholeMonths(lag, out bool exact);
                            if (!exact)
                            {
                                _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(lag.Span, lag.Text ?? "", months));
                            }
                        }

                        break;
                }
            }

            CheckCallWhenAlone(scenario, name);
            CheckStochastic(scenario, name);
        }
    }

    // A re-let is priced at the fleet's spot index (its generation, DL0469); its idle gap is whole months, 0 or more.
    // 'Built delayed 6m': whole months (a part month is rounded up, with a warning, as a lag is); delaying an index
    // whose deal gives it no dated points moves nothing (DL0764), unless the scenario gives it points of its own.
    private void CheckDelay(IndexDelayedSyntax delayed, string scenario)
    {
        int months = DurationRules.WholeMonths(delayed.Delay, out bool exact);
        if (!exact)
        {
            _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(delayed.Delay.Span, delayed.Delay.Text ?? "", months));
        }

        if (_analysis.Symbols.TryLookup(delayed.Index?.Text, out Symbol index) && index.Declaration is IndexSyntax { Points: null }
            && !SyntaxWalk.Safe(_analysis.Scenarios).Any(s => s.Name?.Text == scenario
                && SyntaxWalk.Safe(s.Items).OfType<IndexPointsOverrideSyntax>().Any(p => p.Index?.Text == index.Name)))
        {
            _diagnostics.Add(DiagnosticCatalogue.DelayWithoutPoints(delayed.Span, index.Name, scenario));
        }

        CheckDelayFrom(delayed.Index?.Text, delayed.From, scenario);
    }

    // 'Built delayed 6m from 2027-06-30' moves the points on or after the date; when the points in force (the scenario's,
    // else the deal's) have none there, the delay moves nothing (DL0776's warning, as DL0764's for no points at all).
    private void CheckDelayFrom(string? index, DateSyntax? from, string scenario)
    {
        if (from is null || index is null || !_analysis.Symbols.TryLookup(index, out Symbol symbol) || symbol.Declaration is not IndexSyntax declared)
        {
            return;
        }

        IndexPointsSyntax? points = SyntaxWalk.Safe(_analysis.Scenarios).Where(s => s.Name?.Text == scenario)
            .SelectMany(s => SyntaxWalk.Safe(s.Items)).OfType<IndexPointsOverrideSyntax>().LastOrDefault(p => p.Index?.Text == index)?.Points
            ?? declared.Points;
        if (points is not null && !SyntaxWalk.Safe(points.Points).Any(p => p.Date is { } d && d.Value >= from.Value))
        {
            _diagnostics.Add(DiagnosticCatalogue.DelayFromAfterPoints(from.Span, index, scenario, from.Value.ToString()));
        }
    }

    private void CheckRelet(ReletSyntax relet, string scenario)
    {
        if (relet.After is { } gap)
        {
            // A gap of 0 is allowed (re-let at once); a part month is rounded up, with a warning, as a lag is.
            int months = DurationRules.WholeMonths(gap, out bool exact);
            if (!exact)
            {
                _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(gap.Span, gap.Text ?? "", months));
            }
        }

        if (relet.After is null || relet.Contract is null || !_analysis.Symbols.TryLookup(relet.Contract.Text, out Symbol contract)
            || contract.Declaration is not ContractSyntax syntax)
        {
            return;
        }

        CheckReletDraws(relet.Drawn, relet.DrawnTo, $"the utilisation of the re-let of contract '{contract.Name}' in scenario '{scenario}'",
            $"the re-let's end utilisation of contract '{contract.Name}' in scenario '{scenario}'");
        CheckReletRamp(relet.DrawnTo is null ? relet.RampTo : null, relet.RampOver, $"of contract '{contract.Name}' in scenario '{scenario}'", "the re-let's start");
        CheckReletCurve(relet.Curve, relet.RampTo ?? relet.DrawnTo?.Mean, $"of contract '{contract.Name}' in scenario '{scenario}'", "the re-let's start");
        FleetSyntax? fleet = SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<FleetSyntax>().FirstOrDefault(f => f.Name?.Text == syntax.Fleet?.Text);
        // A re-let with a price of its own reads its own index, not the fleet's generation (as a sale's re-let of idle units).
        if (fleet is { Generation: null } && relet.Price is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.ReletWithoutSpot(relet.Span, contract.Name, fleet.Name?.Text ?? "", scenario));
        }
    }

    // 'L breaks at 60m' (or 'C breaks at 24m' on a contract): one of its break dates (DL0428), compared in whole months as
    // its own are; its renewals not taken nor drawn in the same scenario (DL0429: the break ends it before any renewal).
    // 'L breaks in renewal k at 36m' (or 'C breaks in renewal k at 12m'): one of the renewal terms' break dates (DL0428), with at least k renewals taken
    // (DL0223) and none drawn (DL0429: a path not drawing renewal k could not break it).
    private void CheckBreak(LeaseBreaksSyntax breaks, ScenarioSyntax scenario, string name)
    {
        if (!_analysis.Symbols.TryLookup(breaks.Lease.Text, out Symbol symbol))
        {
            return;
        }

        (string kind, BreakOptionSyntax? option) = symbol.Declaration switch
        {
            LeaseSyntax lease when breaks.Renewal is not null => ("lease", lease.Renewals?.BreakOption),
            LeaseSyntax lease => ("lease", lease.BreakOption),
            ContractSyntax contract when breaks.Renewal is not null => ("contract", contract.Renewals?.BreakOption),
            ContractSyntax contract => ("contract", contract.BreakOption),
            _ => ("", null),
        };
        if (kind.Length == 0)
        {
            return;
        }

        int months = DurationRules.WholeMonths(breaks.At, out bool exact);
        if (!exact)
        {
            _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(breaks.At.Span, breaks.At.Text ?? "", months));
        }

        ImmutableArray<DurationSyntax> offered = option?.At ?? [];
        if (!offered.Any(at => DurationRules.WholeMonths(at) == months))
        {
            string dates = (offered.IsEmpty, breaks.Renewal) switch
            {
                (true, null) => "it has no break option",
                (true, _) => "its renewal terms have no break option",
                (false, null) => $"its break dates are {string.Join(", ", offered.Select(at => at.Text))} from its start",
                (false, _) => $"its renewal terms' break dates are {string.Join(", ", offered.Select(at => at.Text))} from the renewal's start",
            };
            _diagnostics.Add(DiagnosticCatalogue.BreakNotOffered(breaks.At.Span, name, kind, symbol.Name, breaks.At.Text ?? "", dates));
        }

        if (breaks.Renewal is not { } renewal)
        {
            if (TakesRenewals(scenario, symbol.Name))
            {
                _diagnostics.Add(DiagnosticCatalogue.BreakWithRenewals(breaks.Span, name, kind, symbol.Name));
            }

            return;
        }

        if (SyntaxWalk.Safe(scenario.Items).Any(i => i is RenewalsDrawnSyntax d && d.Lease?.Text == symbol.Name))
        {
            _diagnostics.Add(DiagnosticCatalogue.BreakWithRenewals(breaks.Span, name, kind, symbol.Name, inRenewal: true));
        }
        else if (RenewalsTaken(scenario, symbol.Name) is var taken && taken < renewal)
        {
            _diagnostics.Add(DiagnosticCatalogue.RenewalBreakNotTaken(breaks.Span, name, kind, symbol.Name, kind == "lease" ? "lessee" : "customer", renewal, taken));
        }
    }

    /// <summary>How many renewals of lease (contract) <paramref name="name"/> <paramref name="scenario"/> takes (0 unless it says).</summary>
    private static int RenewalsTaken(ScenarioSyntax scenario, string name) =>
        SyntaxWalk.Safe(scenario.Items).OfType<RenewalsTakenSyntax>().LastOrDefault(r => r.Lease?.Text == name)?.Count ?? 0;

    /// <summary>Whether <paramref name="scenario"/> takes or draws the renewals of lease (contract) <paramref name="name"/>.</summary>
    private static bool TakesRenewals(ScenarioSyntax scenario, string name) =>
        SyntaxWalk.Safe(scenario.Items).Any(i => i is RenewalsTakenSyntax { Count: > 0 } r && r.Lease?.Text == name
            || i is RenewalsDrawnSyntax d && d.Lease?.Text == name);

    // 'L breaks drawn at 60m with 20%, 120m with 30%' (docs/language.md §10, "Drawn breaks"): each date one the lease or
    // contract offers (DL0428), in increasing order, each once (DL0548: they are decided in order); not beside a fixed
    // 'breaks at' on the same lease (DL0547) nor its renewals taken or drawn (DL0429). The probabilities' range is the
    // common term check's (DL0307); the loadings are checked with the scenario's factors (DealChecks.Stochastic.cs).
    // 'L breaks drawn in renewal k at 18m with 20%': a renewal it offers (DL0524), its dates the renewal terms' (DL0428),
    // renewal k taken (DL0223) or the renewals drawn; one lease's (contract's) drawn breaks in one term only (DL0523).
    private void CheckDrawnBreak(BreaksDrawnSyntax drawn, ScenarioSyntax scenario, string name)
    {
        if (!_analysis.Symbols.TryLookup(drawn.Lease.Text, out Symbol symbol))
        {
            return;
        }

        (string kind, BreakOptionSyntax? option, int renewals) = (symbol.Declaration, drawn.Renewal) switch
        {
            (LeaseSyntax lease, null) => ("lease", lease.BreakOption, 0),
            (LeaseSyntax lease, _) => ("lease", lease.Renewals?.BreakOption, lease.Renewals?.Count ?? 0),
            (ContractSyntax contract, null) => ("contract", contract.BreakOption, 0),
            (ContractSyntax contract, _) => ("contract", contract.Renewals?.BreakOption, contract.Renewals?.Count ?? 0),
            _ => ("", null, 0),
        };
        if (kind.Length == 0)
        {
            return;
        }

        if (SyntaxWalk.Safe(scenario.Items).OfType<BreaksDrawnSyntax>().TakeWhile(i => !ReferenceEquals(i, drawn))
                .FirstOrDefault(i => i.Lease?.Text == symbol.Name && i.Renewal != drawn.Renewal) is { } other)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnBreaksInTwoTerms(drawn.Span, name, kind, symbol.Name, TermName(other.Renewal), TermName(drawn.Renewal)));
        }

        if (drawn.Renewal is { } renewal && renewal > renewals)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnBreakRenewalNotOffered(drawn.Span, name, kind, symbol.Name, renewal, renewals));
            return; // its dates and renewals taken are moot
        }

        ImmutableArray<DurationSyntax> offered = option?.At ?? [];
        DurationSyntax? previous = null;
        foreach (BreakChanceSyntax chance in SyntaxWalk.Safe(drawn.Chances))
        {
            int months = DurationRules.WholeMonths(chance.At, out bool exact);
            if (!exact)
            {
                _diagnostics.Add(DiagnosticCatalogue.DurationRoundedToMonths(chance.At.Span, chance.At.Text ?? "", months));
            }

            if (!offered.Any(at => DurationRules.WholeMonths(at) == months))
            {
                string dates = (offered.IsEmpty, drawn.Renewal) switch
                {
                    (true, null) => "it has no break option",
                    (true, _) => "its renewal terms have no break option",
                    (false, null) => $"its break dates are {string.Join(", ", offered.Select(at => at.Text))} from its start",
                    (false, _) => $"its renewal terms' break dates are {string.Join(", ", offered.Select(at => at.Text))} from the renewal's start",
                };
                _diagnostics.Add(DiagnosticCatalogue.BreakNotOffered(chance.At.Span, name, kind, symbol.Name, chance.At.Text ?? "", dates));
            }

            if (previous is not null && months <= DurationRules.WholeMonths(previous))
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnBreakDatesNotIncreasing(chance.At.Span, name, kind, symbol.Name, chance.At.Text ?? "", previous.Text ?? ""));
            }

            previous = chance.At;
        }

        if (SyntaxWalk.Safe(scenario.Items).Any(i => i is LeaseBreaksSyntax b && b.Lease?.Text == symbol.Name))
        {
            _diagnostics.Add(DiagnosticCatalogue.BreakFixedAndDrawn(drawn.Span, name, kind, symbol.Name));
        }

        if (drawn.Renewal is not { } k)
        {
            if (TakesRenewals(scenario, symbol.Name))
            {
                _diagnostics.Add(DiagnosticCatalogue.BreakWithRenewals(drawn.Span, name, kind, symbol.Name));
            }

            return;
        }

        // Drawn renewals decide per path whether renewal k is entered (a path that does not take it never breaks in it);
        // without them, the renewals taken must reach k or no path could break there.
        if (!SyntaxWalk.Safe(scenario.Items).Any(i => i is RenewalsDrawnSyntax d && d.Lease?.Text == symbol.Name)
            && RenewalsTaken(scenario, symbol.Name) is var taken && taken < k)
        {
            _diagnostics.Add(DiagnosticCatalogue.RenewalBreakNotTaken(drawn.Span, name, kind, symbol.Name, kind == "lease" ? "lessee" : "customer", k, taken));
        }
    }

    private static string TermName(int? renewal) => renewal is { } k ? $"renewal {k}" : "its initial term";

    private void CheckRenewals(RenewalsTakenSyntax renewals)
    {
        if (renewals.Lease is null || !_analysis.Symbols.TryLookup(renewals.Lease.Text, out Symbol lease))
        {
            return;
        }

        if (lease.Declaration is ContractSyntax contract)
        {
            int options = contract.Renewals?.Count ?? 0;
            if (renewals.Count > options || renewals.Count < 0)
            {
                _diagnostics.Add(DiagnosticCatalogue.TooManyContractRenewals(renewals.Span, lease.Name, options, renewals.Count));
            }

            return;
        }

        if (lease.Declaration is not LeaseSyntax syntax)
        {
            return;
        }

        int offered = syntax.Renewals?.Count ?? 0;
        if (renewals.Count > offered || renewals.Count < 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.TooManyRenewals(renewals.Span, lease.Name, offered, renewals.Count));
        }
    }

    /// <summary>A guarantee lever must name a party that guarantees a lease (its rent or its RVG), a contract or a tranche of
    /// the deal (DL0734).</summary>
    private void CheckGuarantor(GuaranteeLeverSyntax lever, string scenario)
    {
        if (lever.Party is not { Text.Length: > 0 } party || !_analysis.Symbols.TryLookup(party.Text, out Symbol symbol) || symbol.Kind != SymbolKind.Party)
        {
            return;
        }

        // In a chain a party is one party in every entity (docs/language.md §10, "Scenarios in a chain"): the lever
        // reaches its guarantees in the entities this deal can see too (Google behind an SPV's lease, set in the
        // parent's scenario).
        bool guarantees = Guarantees(_analysis, party.Text) || _analysis.Entities.Values.Any(e => Guarantees(e, party.Text));
        if (!guarantees && !_analysis.HasUnknownDeclarations)
        {
            _diagnostics.Add(DiagnosticCatalogue.NotAGuarantor(party.Span, scenario, party.Text));
        }
    }

    /// <summary>An issuer's call, <c>Converts called on DATE at P [part X]</c>, of a convertible or of plain notes: on
    /// a date inside its life as its put and provisional call dates are (DL0770), at a price above 0% of the principal
    /// (DL0777), of a share of the balance in (0, 100%] (DL0559); a tranche called again is called in a later period,
    /// and not after a call of its whole balance (DL0560); notes with a call schedule are called at its price, not the
    /// scenario's (DL0561), and before its first date only with a make-whole (DL0562). <paramref name="calls"/>: the scenario's last call of each
    /// tranche so far.</summary>
    private void CheckHardCall(TrancheCalledSyntax called, string scenario, Dictionary<string, TrancheCalledSyntax> calls)
    {
        if (called.Price is { } price && _analysis.BoundOf(price) is Model.ConstantExpression { Value: <= 0.0 } zero)
        {
            _diagnostics.Add(DiagnosticCatalogue.CallPriceNotPositive(price.Span, scenario, called.Tranche.Text, zero.Value));
        }

        if (called.Part is { } part && _analysis.BoundOf(part) is Model.ConstantExpression { Value: <= 0.0 or > 1.0 } outside)
        {
            _diagnostics.Add(DiagnosticCatalogue.ConvertiblePartOutOfRange(part.Span, $"the share of tranche '{called.Tranche.Text}' called in scenario '{scenario}'",
                outside.Value));
        }

        // The same date twice is the lever set twice (DL0507), not a call out of turn as well.
        if (called.Tranche is { Text.Length: > 0 } calledName && calls.TryGetValue(calledName.Text, out TrancheCalledSyntax? earlier)
            && called.On.Value != earlier.On.Value)
        {
            // Two calls in one period would be one decision; a call after the whole balance was called finds nothing.
            bool afterWhole = earlier.Part is null || _analysis.BoundOf(earlier.Part) is Model.ConstantExpression { Value: >= 1.0 };
            if (afterWhole || !InALaterPeriod(called.On.Value, earlier.On.Value))
            {
                _diagnostics.Add(DiagnosticCatalogue.HardCallOutOfTurn(called.On.Span, scenario, calledName.Text, called.On.Value.ToString(),
                    earlier.On.Value.ToString(), afterWhole));
            }
        }

        if (called.Tranche is { Text.Length: > 0 } key)
        {
            calls[key.Text] = called;
        }

        if (called.Tranche is not { Text.Length: > 0 } name || !_analysis.Symbols.TryLookup(name.Text, out Symbol symbol)
            || symbol.Declaration is not TrancheSyntax tranche)
        {
            return; // not a tranche: the binder has said so
        }

        if (Closing is { } closing && (tranche.Maturity?.Value ?? Maturity) is { } maturity
            && (called.On.Value <= closing || called.On.Value >= maturity))
        {
            _diagnostics.Add(DiagnosticCatalogue.ConvertibleDateOutsideLife(called.On.Span, $"the hard call date in scenario '{scenario}'", name.Text,
                called.On.Value.ToString(), closing.ToString(), maturity.ToString()));
        }

        // Notes with a call schedule are called at its price (DL0561); before its first date only at the make-whole
        // price, and without one not at all (DL0562).
        if (tranche.CallSchedule is { Steps: [{ From: { } first }, ..] } schedule)
        {
            if (called.Price is { } given)
            {
                _diagnostics.Add(DiagnosticCatalogue.CallPriceOfScheduledNotes(given.Span, scenario, name.Text));
            }
            // Compared by the days they are paid, as the lowering prices the call (CallScheduleModel.PriceOn).
            else if (_analysis.PaidOn(called.On.Value) < _analysis.PaidOn(first.Value) && !schedule.HasMakeWhole)
            {
                _diagnostics.Add(DiagnosticCatalogue.CallBeforeFirstCallDate(called.On.Span, scenario, name.Text, called.On.Value.ToString(), first.Value.ToString()));
            }
        }
    }

    /// <summary>A call decided in the run, <c>Notes called when UST5Y + 3% &lt; 8% [from D] [at P] [part X]</c>: its
    /// price, part and schedule as a call on a date (DL0777, DL0559, DL0561), its <c>from</c> date inside the tranche's
    /// life (DL0770). A schedule without a make-whole is no error: the run waits for its first call date.</summary>
    private void CheckCallWhen(TrancheCalledWhenSyntax called, string scenario)
    {
        if (called.Price is { } price && _analysis.BoundOf(price) is Model.ConstantExpression { Value: <= 0.0 } zero)
        {
            _diagnostics.Add(DiagnosticCatalogue.CallPriceNotPositive(price.Span, scenario, called.Tranche.Text, zero.Value));
        }

        if (called.Part is { } part && _analysis.BoundOf(part) is Model.ConstantExpression { Value: <= 0.0 or > 1.0 } outside)
        {
            _diagnostics.Add(DiagnosticCatalogue.ConvertiblePartOutOfRange(part.Span, $"the share of tranche '{called.Tranche.Text}' called in scenario '{scenario}'",
                outside.Value));
        }

        if (called.Tranche is not { Text.Length: > 0 } name || !_analysis.Symbols.TryLookup(name.Text, out Symbol symbol)
            || symbol.Declaration is not TrancheSyntax tranche)
        {
            return; // not a tranche: the binder has said so
        }

        if (called.From is { } from && Closing is { } closing && (tranche.Maturity?.Value ?? Maturity) is { } maturity
            && (from.Value <= closing || from.Value >= maturity))
        {
            _diagnostics.Add(DiagnosticCatalogue.ConvertibleDateOutsideLife(from.Span, $"the first date of the call in scenario '{scenario}'", name.Text,
                from.Value.ToString(), closing.ToString(), maturity.ToString()));
        }

        if (tranche.CallSchedule is { Steps: [{ From: not null }, ..] } && called.Price is { } given)
        {
            _diagnostics.Add(DiagnosticCatalogue.CallPriceOfScheduledNotes(given.Span, scenario, name.Text));
        }
    }

    /// <summary>One <c>called when</c> of a tranche per scenario, and not with a <c>called on</c> of it (DL0583): reported
    /// at each item after the first that calls a tranche some way already taken.</summary>
    private void CheckCallWhenAlone(ScenarioSyntax scenario, string name)
    {
        var onCalled = new HashSet<string>(StringComparer.Ordinal);
        var whenCalled = new HashSet<string>(StringComparer.Ordinal);
        foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
        {
            if (item is TrancheCalledWhenSyntax { Tranche.Text: { Length: > 0 } w } calledWhen)
            {
                if (whenCalled.Contains(w) || onCalled.Contains(w))
                {
                    _diagnostics.Add(DiagnosticCatalogue.CallWhenRepeated(calledWhen.Span, name, w, alsoOn: onCalled.Contains(w)));
                }

                whenCalled.Add(w);
            }
            else if (item is TrancheCalledSyntax { Tranche.Text: { Length: > 0 } o } calledOn)
            {
                if (whenCalled.Contains(o) && !onCalled.Contains(o))
                {
                    _diagnostics.Add(DiagnosticCatalogue.CallWhenRepeated(calledOn.Span, name, o, alsoOn: true));
                }

                onCalled.Add(o);
            }
        }
    }

    /// <summary>Whether <paramref name="date"/> falls in a period after <paramref name="earlier"/>'s (on the deal's schedule,
    /// each by the day it is paid, DealAnalysis.PaidOn, as the lowering places a call; without one, whether it is later).</summary>
    private bool InALaterPeriod(DealLang.Runtime.Date date, DealLang.Runtime.Date earlier) =>
        PeriodEndOf(_analysis.PaidOn(date)) is { } end && PeriodEndOf(_analysis.PaidOn(earlier)) is { } earlierEnd ? end > earlierEnd : date > earlier;

    /// <summary>A partial conversion, <c>Converts converts 60%</c>: only on a convertible (DL0778), a share in (0, 100%]
    /// (DL0559).</summary>
    private void CheckPartialConversion(TrancheConvertsSyntax converts, string scenario)
    {
        if (_analysis.BoundOf(converts.Part) is Model.ConstantExpression { Value: <= 0.0 or > 1.0 } outside)
        {
            _diagnostics.Add(DiagnosticCatalogue.ConvertiblePartOutOfRange(converts.Part.Span,
                $"the share of tranche '{converts.Tranche.Text}' its holders convert in scenario '{scenario}'", outside.Value));
        }

        if (converts.Tranche is { Text.Length: > 0 } name && _analysis.Symbols.TryLookup(name.Text, out Symbol symbol)
            && symbol.Declaration is TrancheSyntax { Convertible: null })
        {
            _diagnostics.Add(DiagnosticCatalogue.ConversionOfPlainTranche(name.Span, scenario, name.Text));
        }
    }

    /// <summary>Partial payments, <c>MinerLoan pays 60% from DATE to DATE</c>: a share in (0, 100%] (DL0565), a window
    /// that does not end before it starts (DL0566), its dates inside the deal (DL0567); a loan's next window written
    /// after the one before it in time, in a later period than its last (DL0590), which must have a <c>to</c>
    /// (DL0591). <paramref name="windows"/> holds each loan's window written last in the scenario.</summary>
    private void CheckPartialPayments(LoanPaysSyntax pays, string scenario, Dictionary<string, LoanPaysSyntax> windows)
    {
        if (pays.Loan is { Text.Length: > 0 } loanName)
        {
            // A first window, or one after a period in no window (which cured the arrears before it), carries no
            // arrears in: after the loan's maturity it changes nothing (DL0592).
            if (!windows.TryGetValue(loanName.Text, out LoanPaysSyntax? before) || AfterAPeriodInNoWindow(pays, before))
            {
                CheckWindowAfterTheMaturity(pays, scenario);
            }

            if (windows.TryGetValue(loanName.Text, out LoanPaysSyntax? earlier))
            {
                CheckWindowAfter(pays, earlier, scenario);
                if (earlier.ReschedulesArrears)
                {
                    _diagnostics.Add(DiagnosticCatalogue.ArrearsRescheduledBeforeAnotherWindow(earlier.ArrearsSpan ?? earlier.Span, scenario, loanName.Text, pays.From?.Value.ToString()));
                }
            }

            windows[loanName.Text] = pays;
        }

        string loan = pays.Loan.Text;
        if (pays.Drawn is { } drawn)
        {
            // A drawn share is a beta's (DL0599, as a drawn recovery's DL0541): its mean strictly inside (0, 100%), so
            // DL0565's range holds of every share drawn; its loadings are the scenario's factors' (DealChecks.Stochastic).
            double mean = _analysis.ConstantOf(drawn.Mean, 0.5), sd = _analysis.ConstantOf(drawn.Sd, 0.1);
            if (mean <= 0 || mean >= 1 || sd <= 0 || sd * sd >= mean * (1 - mean))
            {
                _diagnostics.Add(DiagnosticCatalogue.LoanPaysShareBeta(drawn.Span, scenario, loan, mean, sd));
            }
        }
        else if (_analysis.BoundOf(pays.Share) is Model.ConstantExpression { Value: <= 0.0 or > 1.0 } outside)
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPaysShareOutOfRange(pays.Share.Span, scenario, loan, outside.Value));
        }

        foreach (DateSyntax date in new[] { pays.From, pays.To }.OfType<DateSyntax>())
        {
            if (Closing is { } closing && Maturity is { } maturity && (date.Value <= closing || date.Value > maturity))
            {
                _diagnostics.Add(DiagnosticCatalogue.LoanPaysDateOutsideDeal(date.Span, scenario, loan, date.Value.ToString(), closing.ToString(), maturity.ToString()));
            }
        }

        if (pays is { From: { } from, To: { } to } && to.Value < from.Value)
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPaysWindowReversed(to.Span, scenario, loan, from.Value.ToString(), to.Value.ToString()));
        }

        CheckArrearsRescheduled(pays, scenario, loan);
    }

    /// <summary>A standstill's <c>then arrears over D</c> or <c>then arrears capitalised</c> (docs/language.md §10, "Arrears
    /// rescheduled"): D a whole number of the deal's periods above zero (DL0580), on a window with a <c>to</c> (DL0596) that ends
    /// before the loan's maturity period (DL0587, a warning: the clause would change nothing). The window another follows is
    /// DL0597, found when the next window is met (<see cref="CheckPartialPayments"/>).</summary>
    private void CheckArrearsRescheduled(LoanPaysSyntax pays, string scenario, string loan)
    {
        if (!pays.ReschedulesArrears)
        {
            return;
        }

        SourceSpan span = pays.ArrearsSpan ?? pays.Span;
        if (pays.To is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.ArrearsRescheduledWithoutWindowEnd(span, scenario, loan));
        }

        if (pays.ArrearsOver is { } over && DurationRules.ArrearsPeriods(over, _analysis.MonthsPerPeriod) is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.ArrearsOverNotWholePeriods(over.Span, scenario, loan, over.Text, _analysis.MonthsPerPeriod));
        }

        // Too late a window leaves the loan no period to reschedule into, and the clause silently changes nothing: after
        // one ending in the loan's maturity period or later, the arrears fall due at once (or stay at the run's end), and
        // 'over D' from the maturity period on has them all fall due there. The periods as the run places them: the
        // window's end as a lever names it, the maturity as paid. A loan maturing after the deal is DL0417's error, and
        // the warning would name a maturity the user did not write: it waits for the maturity to be put right.
        if (pays.To is { } to && Maturity is { } dealMaturity && _analysis.Symbols.TryLookup(loan, out Symbol symbol)
            && symbol.Declaration is LoanSyntax declared
            && (declared.Maturity?.Value ?? dealMaturity) is var loanMaturity && loanMaturity <= dealMaturity
            && _analysis.ScheduledBoundaries() is { } boundaries
            && PeriodEndOf(_analysis.NamedByLever(to.Value)) is { } windowEnd
            && PeriodEndOf(_analysis.PaidOn(loanMaturity)) is { } maturityEnd)
        {
            // The period before the maturity period ends on the boundary before its end (the closing for the first).
            DealLang.Runtime.Date lastToReschedule = pays.ArrearsCapitalised ? maturityEnd : boundaries[Math.Max(0, Array.IndexOf(boundaries, maturityEnd) - 1)];
            if (windowEnd >= lastToReschedule)
            {
                _diagnostics.Add(DiagnosticCatalogue.ArrearsRescheduledAfterTheMaturity(span, scenario, loan, to.Value.ToString(), loanMaturity.ToString(), pays.ArrearsCapitalised));
            }
        }
    }

    /// <summary>Whether a period in no window lies between <paramref name="before"/>'s last period and
    /// <paramref name="pays"/>' first (the periods as a lever names them): that period cured the arrears, so none carry
    /// into <paramref name="pays"/>. False when it cannot tell (a date missing: DL0591 and the like report it).</summary>
    private bool AfterAPeriodInNoWindow(LoanPaysSyntax pays, LoanPaysSyntax before) =>
        pays.From is { } from && before.To is { } to && _analysis.ScheduledBoundaries() is { } boundaries
        && PeriodEndOf(_analysis.NamedByLever(from.Value)) is { } start
        && PeriodEndOf(_analysis.NamedByLever(to.Value)) is { } end
        && Array.IndexOf(boundaries, start) is > 0 and var i && boundaries[i - 1] > end;

    /// <summary>A loan's window starting in a period after the loan's maturity period with no arrears carried into it
    /// (its first window, or one after a period in no window; DL0592, a warning): nothing falls due in it and nothing
    /// is owed in arrears, so it changes nothing. A window following another with no period between is not checked: it
    /// carries that window's arrears on, bearing interest. The periods as the run places them: the window's start as a
    /// lever names it, the maturity as paid.</summary>
    private void CheckWindowAfterTheMaturity(LoanPaysSyntax pays, string scenario)
    {
        string loan = pays.Loan.Text;
        if (pays.From is { } from && Maturity is { } dealMaturity && _analysis.Symbols.TryLookup(loan, out Symbol symbol)
            && symbol.Declaration is LoanSyntax { Maturity.Value: { } loanMaturity } && loanMaturity <= dealMaturity
            && PeriodEndOf(_analysis.NamedByLever(from.Value)) is { } windowStart
            && PeriodEndOf(_analysis.PaidOn(loanMaturity)) is { } maturityEnd
            && windowStart > maturityEnd)
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPaysAfterTheMaturity(from.Span, scenario, loan, from.Value.ToString(), loanMaturity.ToString()));
        }
    }

    /// <summary>A loan's window written after <paramref name="earlier"/>: the earlier one must end (DL0591: one without
    /// <c>to</c> runs to the maturity, so nothing can follow it), and this one start in a period after the one its end
    /// names (DL0590: periods named as the run names them, a schedule date standing for its day paid).</summary>
    private void CheckWindowAfter(LoanPaysSyntax pays, LoanPaysSyntax earlier, string scenario)
    {
        string loan = pays.Loan.Text;
        if (earlier.To is not { } earlierTo)
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPaysOpenWindowNotLast(earlier.Span, scenario, loan, earlier.From?.Value.ToString()));
            return;
        }

        if (pays.From is not { } from || !InALaterLeverPeriod(from.Value, earlierTo.Value))
        {
            _diagnostics.Add(DiagnosticCatalogue.LoanPaysWindowsOverlap(pays.From?.Span ?? pays.Span, scenario, loan,
                pays.From?.Value.ToString(), earlier.From?.Value.ToString(), earlierTo.Value.ToString()));
        }
    }

    // Whether a lever's date names a period after the one another names (the period whose end first reaches it, a
    // schedule date standing for its day paid, as the run places a window: Runner's LeverPeriods); the dates compared
    // as written outside the deal's periods (an error of its own).
    private bool InALaterLeverPeriod(DealLang.Runtime.Date date, DealLang.Runtime.Date earlier) =>
        PeriodEndOf(_analysis.NamedByLever(date)) is { } end && PeriodEndOf(_analysis.NamedByLever(earlier)) is { } earlierEnd
            ? end > earlierEnd
            : date > earlier;

    /// <summary>A price impact needs a depth, the lever's or the holding's own (DL0785).</summary>
    private void CheckHoldingMarket(HoldingMarketLeverSyntax lever, string scenario)
    {
        if (lever.Market is not { Impact: { } impact, Depth: null } || lever.Holding is not { Text.Length: > 0 } holding
            || !_analysis.Symbols.TryLookup(holding.Text, out Symbol symbol) || symbol.Declaration is not HoldingSyntax declared)
        {
            return;
        }

        if (declared.Market?.Depth is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.HoldingImpactWithoutDepth(impact.Span, scenario, holding.Text));
        }
    }

    private static bool Guarantees(DealAnalysis deal, string party) =>
        deal.Symbols.OfKind(SymbolKind.Lease).Any(l => l.Declaration is LeaseSyntax { Guarantor.Guarantor.Text: var g } && g == party)
        || deal.Symbols.OfKind(SymbolKind.Lease).Any(l => l.Declaration is LeaseSyntax { Rvg.Guarantor.Guarantor.Text: var g } && g == party)
        || deal.Symbols.OfKind(SymbolKind.Contract).Any(c => c.Declaration is ContractSyntax { Guarantor.Guarantor.Text: var g } && g == party)
        || deal.Symbols.OfKind(SymbolKind.Tranche).Any(t => t.Declaration is TrancheSyntax { Guarantor.Guarantor.Text: var g } && g == party);

    /// <summary>What a scenario item sets, in words, so a second setting of the same lever can be named.</summary>
    private static IEnumerable<string> LeversSetBy(ScenarioItemSyntax item)
    {
        switch (item)
        {
            case RenewalsTakenSyntax r:
                yield return $"the renewals taken on {r.Lease?.Text}";
                break;
            case DeflateSyntax d:
                // 'deflate' and 'grow' set one drift: either after the other is the lever set twice.
                yield return $"the drift ('deflate' or 'grow') of {ExpressionPrinter.Print(d.Path)}";
                break;
            case DropSyntax d:
                yield return $"the drop of {ExpressionPrinter.Print(d.Path)}";
                break;
            case LeaseBreaksSyntax broken:
                yield return $"the break of {broken.Lease?.Text}";
                break;
            case PartyDefaultsSyntax p:
                yield return $"the default of {p.Party?.Text}";
                break;
            case UtilisationSyntax u:
                yield return $"the utilisation of {u.Contract?.Text}";
                break;
            case HoldingMarketLeverSyntax m:
                foreach (var (term, what) in new[] { (m.Market?.Discount, "sale discount"), (m.Market?.Depth, "market depth"), (m.Market?.Impact, "price impact") })
                {
                    if (term is not null)
                    {
                        yield return $"the {what} of {m.Holding?.Text}";
                    }
                }

                break;
            case GuaranteeLeverSyntax g:
                yield return $"the guarantees of {g.Party?.Text}";
                break;
            case TrancheCalledSyntax c:
                // A tranche may be called in turn (a partial call, then another): each date is a call of its own.
                yield return $"the call of {c.Tranche?.Text} on {c.On?.Value}";
                break;
            case TrancheConvertsSyntax c:
                yield return $"the share of {c.Tranche?.Text} converted";
                break;
            case LoanPaysSyntax:
                // A loan's windows follow one another (a restructuring that steps), each a lever of its own: two that
                // share a period are an error (DL0590), not the lever set again.
                break;
            case ReletSyntax r:
                yield return $"the re-letting of {r.Contract?.Text}";
                break;
            case IndexLevelOverrideSyntax l:
                yield return $"the level of {l.Index?.Text}";
                break;
            case IndexPointsOverrideSyntax p:
                yield return $"the points of {p.Index?.Text}";
                break;
            case IndexShiftSyntax s:
                yield return $"the shift of {s.Index?.Text}";
                break;
            case IndexDelayedSyntax d:
                yield return $"the delay of {d.Index?.Text}";
                break;
            case IndexDelayDrawnSyntax d:
                yield return $"the drawn delay of {d.Index?.Text}";
                break;
            case WorkoutDrawnSyntax w:
                yield return $"the drawn workout lag of {w.Party?.Text}";
                break;

            case PathsSyntax:
                yield return "the number of paths";
                break;
            case SeedSyntax:
                yield return "the seed";
                break;
            case AntitheticSyntax:
                yield return "antithetic";
                break;
            case SobolSyntax:
                yield return "sobol";
                break;
            case IndexProcessSyntax p:
                yield return $"the process of {p.Index?.Text}";
                break;
            case JumpsSyntax j:
                yield return $"the jumps of {j.Index?.Text}";
                break;
            case CorrelateSyntax c:
                string a = ExpressionPrinter.Print(c.A), b = ExpressionPrinter.Print(c.B);
                yield return string.CompareOrdinal(a, b) <= 0 ? $"the correlation of {a} and {b}" : $"the correlation of {b} and {a}";
                break;
            case RegimesSyntax:
                yield return "the regimes";
                break;
            case DrawnDefaultsSyntax d:
                yield return $"the drawn default of {d.Party?.Text}";
                break;
            case RenewalsDrawnSyntax r:
                yield return $"the drawn renewals of {r.Lease?.Text}";
                break;
            case BreaksDrawnSyntax drawnBreak:
                yield return $"the drawn break of {drawnBreak.Lease?.Text}" + (drawnBreak.Renewal is { } renewal ? $" in renewal {renewal}" : "");
                break;

            // A launch adds to the index's launches: several are several shocks, not a lever set twice.
            case EnforcementOverrideSyntax e:
                if (e.Haircut is not null)
                {
                    yield return "the enforcement haircut";
                }

                if (e.Lag is not null)
                {
                    yield return "the enforcement lag";
                }

                if (e.Yield is not null)
                {
                    yield return "the yield loans are sold at";
                }

                foreach ((ExpressionSyntax? term, string lever) in new[]
                         {
                             (e.Market?.Depth, "the market depth"), (e.Market?.Impact, "the price impact"),
                             (e.Market?.Limit, "the monthly sales limit"), (e.Market?.Costs, "the removal and transport costs"),
                             (e.Market?.Reserve, "the reserve price"),
                         })
                {
                    if (term is not null)
                    {
                        yield return lever;
                    }
                }

                // 'enforcement keep contracts' and 'enforcement sell all' set one lever, either way.
                if (e.Market?.Keep is not null)
                {
                    yield return "whether the lender keeps contracts running";
                }

                // 'enforcement relet idle at R for D' and 'enforcement not relet idle' likewise.
                if (e.Market?.Relet is not null)
                {
                    yield return "the re-let of idle units";
                }

                if (e.Market?.HalfLife is not null)
                {
                    yield return "the half-life of the price impact";
                }

                break;
        }
    }
}
