using System.Collections.Immutable;
using DealLang.Compiler.Lowering.Kinds;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

// scenarioDecl : SCENARIO name FOR deal { scenarioItem* }  ->  ScenarioSpec (runtime data the path builder reads)
internal sealed partial class Lowerer
{
    /// <summary>One spec per scenario block, arrays in the deal's declaration order; a later item overrides an
    /// earlier one that sets the same lever.</summary>
    private ImmutableArray<ScenarioSpec> LowerScenarios() =>
    [
        .. SyntaxWalk.Safe(_analysis.Scenarios).Select(LowerScenario),
    ];

    /// <summary>A call at the scenario's price (par without <c>at</c>); of notes with a call schedule, at the price of the
    /// step in force on the call's date, or before the first step at the make-whole price the run works out
    /// (docs/language.md §5, "A call schedule"; a price given, or a call before the first step without a make-whole, was
    /// DL0561, DL0562). The run places the call by the day it is paid (<see cref="PaidOn"/>: with business days a call on
    /// a quarter end is that quarter's), and a step is in force on it when the day its date is paid is on or before.</summary>
    private TrancheCall Call(TrancheCalledSyntax called, TrancheSyntax tranche)
    {
        double part = called.Part is null ? 1.0 : Constant(called.Part);
        Date on = PaidOn(called.On.Value);
        if (TrancheLowering.CallSchedule(tranche, this) is { } schedule)
        {
            return schedule.PriceOn(on, PaidOn) is { } price
                ? new TrancheCall(on, price, part)
                : new TrancheCall(on, 1.0, part) { MakeWhole = true };
        }

        return new TrancheCall(on, called.Price is null ? 1.0 : Constant(called.Price), part);
    }

    /// <summary>A call decided in the run (docs/language.md §10, "A call decided in the run"): its condition's indices and
    /// constants, from its <c>from</c> date (the closing without one), at the scenario's price, or of notes with a call
    /// schedule at the schedule's steps and make-whole, which the runner reads at the period it finds. The <c>from</c> date
    /// and the steps' dates go to the run as the days they are paid (<see cref="PaidOn"/>), the days it places them by
    /// against the periods' ends as paid.</summary>
    private TrancheCall CallWhen(TrancheCalledWhenSyntax called, TrancheSyntax tranche)
    {
        var compare = (BinaryExpressionSyntax)called.Condition; // '<' or '<=' (DL0582)
        var indices = new List<int>();
        var signs = new List<double>();
        double constant = 0;
        foreach ((ExpressionSyntax term, double sign) in CallConditionTerms.Of(compare.Left))
        {
            if (term is ReferenceSyntax reference && IndexOf(reference.Name, SymbolKind.Index) is { } index)
            {
                indices.Add(index);
                signs.Add(sign);
            }
            else
            {
                constant += sign * Constant(term);
            }
        }

        var when = new CallCondition([.. indices], [.. signs], constant, Constant(compare.Right), compare.Operator == BinaryOperator.LessOrEqual);
        Date from = called.From?.Value is { } written ? PaidOn(written) : _closing;
        double part = called.Part is null ? 1.0 : Constant(called.Part);
        if (TrancheLowering.CallSchedule(tranche, this) is { } schedule)
        {
            return new TrancheCall(from, 1.0, part)
            {
                When = when,
                Steps = [.. schedule.Steps.Select(s => new CallStepPrice(PaidOn(s.From), s.Price))],
                MakeWhole = schedule.HasMakeWhole,
            };
        }

        return new TrancheCall(from, called.Price is null ? 1.0 : Constant(called.Price), part) { When = when };
    }

    private ScenarioSpec LowerScenario(ScenarioSyntax scenario)
    {
        var renewals = new int?[Symbols.OfKind(SymbolKind.Lease).Count];
        ValueStress[] stress = [.. Enumerable.Repeat(ValueStress.None, Symbols.OfKind(SymbolKind.Facility).Count)];
        var defaults = new Date?[Symbols.OfKind(SymbolKind.Party).Count];
        double marketDeflation = 0;
        double? haircut = null;
        int? lag = null;
        double? depth = null, impact = null, limit = null, costs = null, reserve = null, yield = null;
        bool? keepContracts = null;
        double? reletUtilisation = null;
        int? reletMonths = null, halfLifeMonths = null, reletRampMonths = null;
        double? reletTo = null;
        ReletPrice? reletPrice = null;
        ReletCurve? reletCurve = null;
        var indices = new IndexOverride?[Symbols.OfKind(SymbolKind.Index).Count];
        IndexOverride Levers(int i) => indices[i] ?? IndexOverride.None;
        var contracts = new ContractLevers?[Symbols.OfKind(SymbolKind.Contract).Count];
        ContractLevers Contract(int c) => contracts[c] ?? ContractLevers.None;
        var guarantors = new GuarantorLevers?[Symbols.OfKind(SymbolKind.Party).Count];
        var holdings = new HoldingLevers?[Symbols.OfKind(SymbolKind.Holding).Count];
        var breaks = new int?[renewals.Length];
        var calls = new List<TrancheCall>?[Symbols.OfKind(SymbolKind.Tranche).Count];
        var converts = new double?[calls.Length];
        var payments = new List<PartialPayment>?[Symbols.OfKind(SymbolKind.Loan).Count];

        foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
        {
            switch (item)
            {
                case RenewalsTakenSyntax r when IndexOf(r.Lease, SymbolKind.Contract) is { } c:
                    contracts[c] = Contract(c) with { RenewalsTaken = r.Count };
                    break;
                case RenewalsTakenSyntax r when IndexOf(r.Lease, SymbolKind.Lease) is { } lease:
                    renewals[lease] = r.Count;
                    break;
                case LeaseBreaksSyntax b when IndexOf(b.Lease, SymbolKind.Lease) is { } lease:
                    breaks[lease] = BreakMonthsFromStart(b, (LeaseSyntax)Symbols.OfKind(SymbolKind.Lease)[lease].Declaration);
                    break;
                case LeaseBreaksSyntax b when IndexOf(b.Lease, SymbolKind.Contract) is { } c:
                    contracts[c] = Contract(c) with { BreakMonths = ContractBreakMonthsFromStart(b, (ContractSyntax)Symbols.OfKind(SymbolKind.Contract)[c].Declaration) };
                    break;
                case DeflateSyntax d when d.Path?.Name?.Text == Builtins.MarketRent:
                    marketDeflation = DeflationOf(d.Rate, d.Grows);
                    break;
                case DeflateSyntax d when IndexOf(d.Path?.Name, SymbolKind.Index) is { } i:
                    indices[i] = Levers(i) with { DeflatePerYear = DeflationOf(d.Rate, d.Grows) };
                    break;
                case IndexLevelOverrideSyntax l when IndexOf(l.Index, SymbolKind.Index) is { } i:
                    indices[i] = Levers(i) with { Level = Constant(l.Level) };
                    break;
                case IndexPointsOverrideSyntax p when IndexOf(p.Index, SymbolKind.Index) is { } i:
                    indices[i] = Levers(i) with { Points = IndexLowering.Points(p.Points, this) };
                    break;
                case IndexLaunchOverrideSyntax a when IndexOf(a.Index, SymbolKind.Index) is { } i:
                    indices[i] = Levers(i) with { AddedLaunches = [.. Levers(i).AddedLaunches, .. IndexLowering.Launches([a.Launch], this)] };
                    break;
                case IndexDelayedSyntax dl when IndexOf(dl.Index, SymbolKind.Index) is { } i
                    && (Levers(i).Points ?? IndexLowering.Points(((IndexSyntax)Symbols.OfKind(SymbolKind.Index)[i].Declaration).Points, this)) is { } points:
                    // The points in force (this scenario's, else the deal's) move later by whole months: those on or
                    // after 'from' when it is given.
                    indices[i] = Levers(i) with { Points = points.Delayed(DurationRules.WholeMonths(dl.Delay), dl.From?.Value) };
                    break;
                case IndexShiftSyntax h when IndexOf(h.Index, SymbolKind.Index) is { } i:
                    indices[i] = Levers(i) with { Shift = Constant(h.Shift), NeverNegative = !IsRateIndex(i) };
                    break;
                case DeflateSyntax d when IndexOf(d.Path?.Name, SymbolKind.Facility) is { } facility:
                    stress[facility] = stress[facility] with { DeflatePerYear = DeflationOf(d.Rate, d.Grows) };
                    break;
                case DropSyntax d when IndexOf(d.Path?.Name, SymbolKind.Facility) is { } facility:
                    stress[facility] = stress[facility] with { DropFraction = Constant(d.Fraction), DropBy = d.By?.Value };
                    break;
                case UtilisationSyntax u when IndexOf(u.Contract, SymbolKind.Contract) is { } c:
                    contracts[c] = Contract(c) with { Utilisation = Constant(u.Utilisation) };
                    break;
                case ReletSyntax r when IndexOf(r.Contract, SymbolKind.Contract) is { } c:
                    contracts[c] = r.After is null
                        ? Contract(c) with { Relet = false, ReletAfterMonths = 0, ReletUtilisation = 0, ReletTo = 0, ReletRampMonths = 0, ReletPrice = null, ReletCurve = null }
                        : Contract(c) with
                        {
                            Relet = true, ReletAfterMonths = DurationRules.WholeMonths(r.After), ReletUtilisation = Constant(r.Utilisation),
                            // Flat without 'rising' (0 months, its end unread: the runner ramps it to its own utilisation); the
                            // fleet's generation index without 'price'. A plain re-let's levers are what they were.
                            ReletTo = r.RampTo is { } rampTo && r.RampOver is not null ? Constant(rampTo) : 0,
                            ReletRampMonths = r.RampTo is not null && r.RampOver is { } ramp ? DurationRules.WholeMonths(ramp) : 0,
                            ReletPrice = ReletPriceOf(r.Price),
                            // A curve's first level is the utilisation above; the ramp flat (docs/language.md §5, "contract-relet-curve").
                            ReletCurve = ReletCurveOf(r.Curve),
                        };
                    break;
                case GuaranteeLeverSyntax g when IndexOf(g.Party, SymbolKind.Party) is { } guarantor:
                    guarantors[guarantor] = g.Disowned
                        ? new GuarantorLevers(1.0, true, g.From?.Value)
                        : new GuarantorLevers(g.Share is null ? 1.0 : Constant(g.Share), false, null);
                    break;
                case HoldingMarketLeverSyntax m when IndexOf(m.Holding, SymbolKind.Holding) is { } h && m.Market is { } market:
                    HoldingLevers was = holdings[h] ?? HoldingLevers.None;
                    holdings[h] = new HoldingLevers(
                        market.Discount is null ? was.Discount : Constant(market.Discount),
                        market.Depth is null ? was.Depth : Constant(market.Depth),
                        market.Impact is null ? was.Impact : Constant(market.Impact));
                    break;
                case TrancheCalledSyntax c when IndexOf(c.Tranche, SymbolKind.Tranche) is { } tranche:
                    // In turn, each in a later period than the one before (DL0560). A call on a date already called is
                    // the lever set again, and the last one is used (DL0507): it replaces the earlier, whose place it takes.
                    TrancheCall call = Call(c, (TrancheSyntax)Symbols.OfKind(SymbolKind.Tranche)[tranche].Declaration);
                    List<TrancheCall> made = calls[tranche] ??= [];
                    int again = made.FindIndex(k => k.On == call.On);
                    if (again >= 0)
                    {
                        made[again] = call;
                    }
                    else
                    {
                        made.Add(call);
                    }

                    break;
                case TrancheCalledWhenSyntax w when IndexOf(w.Tranche, SymbolKind.Tranche) is { } tranche:
                    // The tranche's one call in this scenario (DL0583).
                    calls[tranche] = [CallWhen(w, (TrancheSyntax)Symbols.OfKind(SymbolKind.Tranche)[tranche].Declaration)];
                    break;
                case TrancheConvertsSyntax c when IndexOf(c.Tranche, SymbolKind.Tranche) is { } tranche:
                    converts[tranche] = Constant(c.Part);
                    break;
                case LoanPaysSyntax p when IndexOf(p.Loan, SymbolKind.Loan) is { } loan:
                    // Each window in the order written, which the checker holds to time order (DL0590, DL0591).
                    // 'then arrears over D' in the deal's periods (whole: DL0580); 0 for 'capitalised'; 1, at once, without either.
                    (payments[loan] ??= []).Add(new PartialPayment(Constant(p.Share), p.From?.Value, p.To?.Value)
                    {
                        ArrearsPeriods = p.ArrearsCapitalised ? 0
                            : p.ArrearsOver is { } over ? DurationRules.ArrearsPeriods(over, MonthsPerPeriod) ?? 1 : 1,
                    });
                    break;
                case PartyDefaultsSyntax p when Index(p.Party, defaults.Length) is { } party:
                    defaults[party] = p.On?.Value;
                    break;
                case EnforcementOverrideSyntax e:
                    haircut = e.Haircut is null ? haircut : Constant(e.Haircut);
                    lag = e.Lag is null ? lag : DurationRules.WholeMonths(e.Lag);
                    depth = e.Market?.Depth is null ? depth : Constant(e.Market.Depth);
                    impact = e.Market?.Impact is null ? impact : Constant(e.Market.Impact);
                    limit = e.Market?.Limit is null ? limit : Constant(e.Market.Limit);
                    costs = e.Market?.Costs is null ? costs : Constant(e.Market.Costs);
                    reserve = e.Market?.Reserve is null ? reserve : Constant(e.Market.Reserve);
                    keepContracts = e.Market?.Keep?.KeepsContracts ?? keepContracts;
                    halfLifeMonths = e.Market?.HalfLife is { } halfLife ? DurationRules.WholeMonths(halfLife) : halfLifeMonths;
                    yield = e.Yield is null ? yield : Constant(e.Yield);
                    if (e.Market?.Relet is { } relet)
                    {
                        reletUtilisation = relet.Relets ? Constant(relet.Utilisation) : 0;
                        reletMonths = ReletMonths(relet);
                        // The lever restates the ramp (flat without 'rising'); without 'price' each sale keeps its own.
                        reletRampMonths = ReletRampMonths(relet);
                        reletTo = relet is { Relets: true, RampTo: { } to } ? Constant(to) : reletUtilisation;
                        reletPrice = ReletPriceOf(relet);
                        // A curve in place of a ramp (or none: the lever restates the shape, a flat or straight one replacing a sale's curve).
                        reletCurve = relet.Relets ? ReletCurveOf(relet.Curve) : null;
                    }

                    break;
            }
        }

        return new ScenarioSpec(scenario.Name?.Text ?? "", renewals, stress, marketDeflation, defaults, haircut, lag, depth, impact, limit, costs)
        {
            Indices = indices,
            Contracts = contracts,
            Guarantors = guarantors.Any(g => g is not null) ? guarantors : [],
            Holdings = holdings.Any(h => h is not null) ? holdings : [],
            LeaseBreaks = breaks.Any(b => b is not null) ? breaks : [],
            TrancheCalls = calls.Any(c => c is not null) ? [.. calls.Select(c => c?.ToArray())] : [],
            TrancheConverts = converts.Any(c => c is not null) ? converts : [],
            LoanPayments = payments.Any(p => p is not null) ? [.. payments.Select(p => p?.ToArray())] : [],
            EnforcementKeepContracts = keepContracts,
            EnforcementReserve = reserve,
            EnforcementYield = yield,
            EnforcementReletUtilisation = reletUtilisation,
            EnforcementReletMonths = reletMonths,
            EnforcementReletTo = reletTo,
            EnforcementReletRampMonths = reletRampMonths,
            EnforcementReletPrice = reletPrice,
            EnforcementReletCurve = reletCurve,
            EnforcementHalfLifeMonths = halfLifeMonths,
            Stochastic = LowerStochastic(scenario),
        };
    }

    /// <summary>A lease's break as months from its <c>starts</c>, the one count the runner reads: <c>breaks at D</c> is D;
    /// <c>breaks in renewal k at D</c> is the initial term, k − 1 renewal terms and D (docs/language.md §5, "Break option").</summary>
    private static int BreakMonthsFromStart(LeaseBreaksSyntax broken, LeaseSyntax lease) =>
        DurationRules.WholeMonths(broken.At) + TermStartMonths(broken.Renewal, lease.Term, lease.Renewals?.Term);

    /// <summary>A contract's break as months from its <c>starts</c>, as a lease's (<see cref="BreakMonthsFromStart"/>).</summary>
    private static int ContractBreakMonthsFromStart(LeaseBreaksSyntax broken, ContractSyntax contract) =>
        DurationRules.WholeMonths(broken.At) + TermStartMonths(broken.Renewal, contract.Term, contract.Renewals?.Term);

    /// <summary>Months from a lease's (contract's) <c>starts</c> to the start of renewal term <paramref name="renewal"/>
    /// (the initial term and k − 1 renewal terms), 0 for the initial term (null): what a break written from that term's
    /// start adds to be counted from the start, fixed or drawn (<see cref="LowerStochastic"/>).</summary>
    private static int TermStartMonths(int? renewal, DurationSyntax? term, DurationSyntax? renewalTerm) =>
        renewal is { } k ? DurationRules.WholeMonths(term) + (k - 1) * DurationRules.WholeMonths(renewalTerm) : 0;

    /// <summary>The per-kind index of a name declared as <paramref name="kind"/> (null for a name of another kind).</summary>
    private int? IndexOf(NameSyntax? name, SymbolKind kind) =>
        Symbols.TryLookup(name?.Text, out Symbol symbol) && symbol.Kind == kind ? symbol.Index : null;

    private int? Index(NameSyntax? name, int count) =>
        Symbols.TryLookup(name?.Text, out Symbol symbol) && symbol.Index < count ? symbol.Index : null;
}
