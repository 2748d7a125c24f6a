using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

// A scenario's stochastic items -> StochasticSpec (docs/language.md §10, "Stochastic scenarios"): run-time data
// that the Monte Carlo path source (Runner/MonteCarlo/StochasticPaths) draws from, never compiled into the deal.
internal sealed partial class Lowerer
{
    /// <summary>Null for a scenario without stochastic items. Factors are numbered in the order the checks number
    /// them (<see cref="DealChecks.StochasticFactors"/>): the first item that makes each one.</summary>
    private StochasticSpec? LowerStochastic(ScenarioSyntax scenario)
    {
        ScenarioItemSyntax[] items = [.. SyntaxWalk.Safe(scenario.Items)];
        if (!items.Any(IsStochastic))
        {
            return null;
        }

        List<string> names = DealChecks.StochasticFactors(scenario, Symbols);
        int k = names.Count;
        var factors = new FactorSpec?[k];
        double[] normal = Correlations.Identity(k), stress = Correlations.Identity(k);
        bool hasStress = false;
        double toStress = 0, toNormal = 0;
        int? paths = null;
        ulong? seed = null;
        bool antithetic = false, sobol = false;
        var defaults = new List<DefaultModel>();
        var renewals = new List<RenewalModel>();
        var delays = new List<DelayModel>();
        var recoveries = new List<RecoveryModel>();
        var breaks = new List<BreakModel>();
        var workouts = new List<WorkoutModel>();
        var loanWorkouts = new List<WorkoutModel>();
        var shares = new List<PaymentShareModel>();
        var relets = new List<ReletUtilisationModel>();

        // Each loan's windows counted as the scenario's lowering adds them (Lowerer.Scenarios: in the order written), so
        // a drawn share names its window by the same number.
        var windows = new int[Symbols.OfKind(SymbolKind.Loan).Count];

        foreach (ScenarioItemSyntax item in items)
        {
            switch (item)
            {
                case PathsSyntax p:
                    paths = p.Count;
                    break;
                case SeedSyntax s:
                    seed = s.Seed;
                    break;
                case AntitheticSyntax:
                    antithetic = true;
                    break;
                case SobolSyntax:
                    sobol = true;
                    break;
                case IndexProcessSyntax p when IndexOf(p.Index, SymbolKind.Index) is { } i:
                {
                    int f = names.IndexOf(p.Index.Text);
                    FactorProcess process = p.IsGbm ? FactorProcess.Gbm : p.ToTrend ? FactorProcess.LogMeanReverting : FactorProcess.MeanReverting;
                    factors[f] = new FactorSpec(p.Index.Text, FactorTarget.Index, i, process)
                    {
                        Drift = Constant(p.Drift),
                        Volatility = Constant(p.Volatility),
                        Speed = Constant(p.Speed),
                        LongRun = Constant(p.Toward),
                        JumpIntensity = factors[f]?.JumpIntensity ?? 0,
                        JumpDown = factors[f]?.JumpDown ?? 0,
                        NeverNegative = process == FactorProcess.MeanReverting && !IsRateIndex(i),
                    };
                    break;
                }

                case JumpsSyntax j when IndexOf(j.Index, SymbolKind.Index) is { } i:
                {
                    // Jumps alone: the index's own row with the launches drawn on it (a log-OU of no volatility).
                    int f = names.IndexOf(j.Index.Text);
                    factors[f] = (factors[f] ?? new FactorSpec(j.Index.Text, FactorTarget.Index, i, FactorProcess.LogMeanReverting))
                        with { JumpIntensity = Constant(j.Rate), JumpDown = Constant(j.Down) };
                    break;
                }

                // A drawn growth ('grow m per year volatility s per year') is a deflation of −m + sZ: the shock's sign is
                // the deflation's whichever word gives the mean, so a correlation or a loading means the same.
                case DeflateSyntax { Volatility: not null } d when d.Path?.Name?.Text == Builtins.MarketRent:
                    factors[names.IndexOf(Builtins.MarketRent)] = new FactorSpec(Builtins.MarketRent, FactorTarget.MarketRentDeflation, 0, FactorProcess.DrawnRate)
                    {
                        LongRun = DeflationOf(d.Rate, d.Grows),
                        Volatility = Constant(d.Volatility),
                    };
                    break;
                case DeflateSyntax { Volatility: not null } d when IndexOf(d.Path?.Name, SymbolKind.Facility) is { } facility:
                {
                    string name = d.Path!.Name!.Text + ".value";
                    factors[names.IndexOf(name)] = new FactorSpec(name, FactorTarget.FacilityDeflation, facility, FactorProcess.DrawnRate)
                    {
                        LongRun = DeflationOf(d.Rate, d.Grows),
                        Volatility = Constant(d.Volatility),
                    };
                    break;
                }

                case CorrelateSyntax c:
                {
                    int a = names.IndexOf(ExpressionPrinter.Print(c.A)), b = names.IndexOf(ExpressionPrinter.Print(c.B));
                    if (a >= 0 && b >= 0 && a != b)
                    {
                        double rho = Constant(c.Normal);
                        normal[(a * k) + b] = normal[(b * k) + a] = rho;
                        stress[(a * k) + b] = stress[(b * k) + a] = c.Stress is null ? rho : Constant(c.Stress);
                        hasStress |= c.Stress is not null;
                    }

                    break;
                }

                case RegimesSyntax r:
                    toStress = Constant(r.ToStress);
                    toNormal = Constant(r.ToNormal);
                    break;
                case RenewalsDrawnSyntax r when BreakHolder(r.Lease) is { } holder:
                {
                    double[] loadings = LowerLoadings(r.Loadings, names);
                    // Set twice, the last is used (DL0507's warning), as for a drawn default. A contract's sit among the
                    // leases' in the order written: a scenario drawing only leases' draws what it drew before.
                    renewals.RemoveAll(m => m.Of == holder.Of && m.Entity == holder.Entity);
                    renewals.Add(new RenewalModel(holder.Entity, Constant(r.Probability), loadings) { Of = holder.Of });
                    break;
                }

                case BreaksDrawnSyntax b when BreakHolder(b.Lease) is { } holder:
                {
                    double[] loadings = LowerLoadings(b.Loadings, names);

                    // Whole months, as a fixed 'breaks at' (DL0428 checks them offered), counted from the start as a
                    // fixed 'breaks in renewal k at' is (Lowerer.Scenarios); set twice, the last is used (DL0507's
                    // warning; one lease's drawn breaks in two terms are DL0523's error).
                    BreakChanceSyntax[] chances = [.. SyntaxWalk.Safe(b.Chances)];
                    int offset = holder.Of == BreakOf.Lease
                        ? Symbols.OfKind(SymbolKind.Lease)[holder.Entity].Declaration is LeaseSyntax lease ? TermStartMonths(b.Renewal, lease.Term, lease.Renewals?.Term) : 0
                        : Symbols.OfKind(SymbolKind.Contract)[holder.Entity].Declaration is ContractSyntax contract ? TermStartMonths(b.Renewal, contract.Term, contract.Renewals?.Term) : 0;
                    breaks.RemoveAll(m => m.Of == holder.Of && m.Entity == holder.Entity);
                    breaks.Add(new BreakModel(holder.Of, holder.Entity, [.. chances.Select(c => offset + DurationRules.WholeMonths(c.At))], [.. chances.Select(c => Constant(c.Probability))], loadings)
                    {
                        Renewal = b.Renewal ?? 0,
                    });
                    break;
                }

                case IndexDelayDrawnSyntax d when IndexOf(d.Index, SymbolKind.Index) is { } index:
                {
                    // Whole months, each once (DL0768, DL0773), shortest first when loaded (DL0516); set twice, the last
                    // is used (DL0507's warning). Without loadings none, so the delay draws as before they existed.
                    DelayOutcomeSyntax[] outcomes = [.. SyntaxWalk.Safe(d.Outcomes)];
                    delays.RemoveAll(m => m.Index == index);
                    delays.Add(new DelayModel(index, [.. outcomes.Select(o => o.Delay.WholeMonths ?? 0)], [.. outcomes.Select(o => Constant(o.Probability))])
                    {
                        From = d.From?.Value,
                        Loadings = d.Loadings.IsDefaultOrEmpty ? [] : LowerLoadings(d.Loadings, names),
                    });
                    break;
                }

                // A loan's own lag: drawn once (DL0522), with its loan and obligor, after every other draw.
                case WorkoutDrawnSyntax w when IndexOf(w.Party, SymbolKind.Loan) is { } loan
                    && Symbols.TryLookup(w.Party!.Text, out Symbol loanSymbol) && loanSymbol.Declaration is LoanSyntax { Obligor: var obligorName }
                    && IndexOf(obligorName, SymbolKind.Party) is { } obligor:
                {
                    DelayOutcomeSyntax[] outcomes = [.. SyntaxWalk.Safe(w.Outcomes)];
                    loanWorkouts.Add(new WorkoutModel(obligor, [.. outcomes.Select(o => o.Delay.WholeMonths ?? 0)], [.. outcomes.Select(o => Constant(o.Probability))])
                    {
                        Loadings = w.Loadings.IsDefaultOrEmpty ? [] : LowerLoadings(w.Loadings, names),
                        Loan = loan,
                    });
                    break;
                }

                case WorkoutDrawnSyntax w when IndexOf(w.Party, SymbolKind.Party) is { } party:
                {
                    // Whole months in [1, 120], increasing, each once (DL0768, DL0519, DL0773); set twice, the last
                    // is used (DL0507's warning). Without loadings none, so the lag draws as before they existed.
                    DelayOutcomeSyntax[] outcomes = [.. SyntaxWalk.Safe(w.Outcomes)];
                    workouts.RemoveAll(m => m.Party == party);
                    workouts.Add(new WorkoutModel(party, [.. outcomes.Select(o => o.Delay.WholeMonths ?? 0)], [.. outcomes.Select(o => Constant(o.Probability))])
                    {
                        Loadings = w.Loadings.IsDefaultOrEmpty ? [] : LowerLoadings(w.Loadings, names),
                    });
                    break;
                }

                // A window's share drawn per path: the beta of its mean and sd, its loadings the share's (as a drawn
                // recovery's); a fixed window only counts.
                case LoanPaysSyntax p when IndexOf(p.Loan, SymbolKind.Loan) is { } loan:
                    if (p.Drawn is { } drawnShare)
                    {
                        shares.Add(new PaymentShareModel(loan, windows[loan], (RecoveryBeta)LowerRecovery(drawnShare, names)));
                    }

                    windows[loan]++;
                    break;

                // A re-let's utilisations drawn per path ('at beta …', 'rising to beta …'); the re-let set again, the last
                // is used (DL0507's warning), drawn or not, and the scenario's 'enforcement relet idle' alike.
                case ReletSyntax r when IndexOf(r.Contract, SymbolKind.Contract) is { } contract:
                    LowerReletDraws(relets, contract, r.Drawn, r.DrawnTo, names);
                    break;
                case EnforcementOverrideSyntax { Market.Relet: { } relet }:
                    LowerReletDraws(relets, null, relet.Drawn, relet.DrawnTo, names);
                    break;

                // A dated default with a drawn recovery; set again, the last is used (DL0507's warning), with or
                // without a drawn recovery.
                case PartyDefaultsSyntax p when IndexOf(p.Party, SymbolKind.Party) is { } party:
                    recoveries.RemoveAll(m => m.Party == party);
                    if (p.Recovery is { } drawnRecovery)
                    {
                        recoveries.Add(new RecoveryModel(party, LowerRecovery(drawnRecovery, names)));
                    }

                    break;
                case DrawnDefaultsSyntax d when IndexOf(d.Party, SymbolKind.Party) is { } party:
                {
                    double[] loadings = LowerLoadings(d.Loadings, names);
                    double pd = d.Pd is not null
                        ? Constant(d.Pd)
                        : SyntaxWalk.Safe(_analysis.Deal.Declarations).OfType<PartySyntax>().FirstOrDefault(p => p.Name?.Text == d.Party.Text) is { } declared
                            ? Constant(declared.Pd)
                            : 0;
                    defaults.RemoveAll(m => m.Party == party);
                    defaults.Add(new DefaultModel(party, pd, loadings)
                    {
                        Steps = [.. SyntaxWalk.Safe(d.Steps).Where(s => s.From is not null).Select(s => new PdStep(s.From.Value, Constant(s.Pd)))],
                        Recovery = d.Recovery is { } r ? LowerRecovery(r, names) : null,
                    });
                    break;
                }
            }
        }

        bool correlated = items.Any(i => i is CorrelateSyntax) || items.Any(i => i is RegimesSyntax);
        CorrelationSpec? correlation = correlated
            ? new CorrelationSpec(normal, hasStress || items.Any(i => i is RegimesSyntax) ? stress : null, toStress, toNormal)
            : null;
        return new StochasticSpec(paths, seed, antithetic, [.. factors.Select(f => f!)], correlation, [.. defaults]) { Sobol = sobol, Renewals = [.. renewals], Delays = [.. delays], Recoveries = [.. recoveries], Breaks = [.. breaks], Workouts = [.. workouts], LoanWorkouts = [.. loanWorkouts], PaymentShares = [.. shares], ReletUtilisations = [.. relets] };
    }

    /// <summary>Contract <paramref name="contract"/>'s re-let's drawn utilisations (null: the scenario's <c>enforcement
    /// relet idle</c>) in place of any an earlier lever drew: its level's, then its ramp's end's.</summary>
    private void LowerReletDraws(List<ReletUtilisationModel> relets, int? contract, BetaRecoverySyntax? at, BetaRecoverySyntax? to, List<string> names)
    {
        relets.RemoveAll(m => m.Contract == contract);
        foreach ((BetaRecoverySyntax beta, bool rampEnd) in ReletDraws.Of(at, to))
        {
            relets.Add(new ReletUtilisationModel(contract, rampEnd, (RecoveryBeta)LowerRecovery(beta, names)));
        }
    }

    /// <summary>The lease or contract a drawn break (or drawn renewals) names, by its index among its kind; null when it names neither.</summary>
    private (BreakOf Of, int Entity)? BreakHolder(NameSyntax? name) =>
        IndexOf(name, SymbolKind.Lease) is { } lease ? (BreakOf.Lease, lease)
        : IndexOf(name, SymbolKind.Contract) is { } contract ? (BreakOf.Contract, contract)
        : null;

    /// <summary>A drawn item's loadings by factor: one β per factor of the scenario (<paramref name="names"/>' order), 0
    /// for a factor it does not load on (each factor loaded once, DL0513; each naming one, DL0533).</summary>
    private double[] LowerLoadings(ImmutableArray<LoadingSyntax> written, List<string> names)
    {
        var loadings = new double[names.Count];
        foreach (LoadingSyntax loading in SyntaxWalk.Safe(written))
        {
            if (names.IndexOf(ExpressionPrinter.Print(loading.Factor)) is >= 0 and int f)
            {
                loadings[f] = Constant(loading.Beta);
            }
        }

        return loadings;
    }

    /// <summary>A drawn recovery's beta or outcomes (in the order written, which the checks require increasing, DL0554)
    /// and, when it has any, its loadings by factor (each factor loaded once, DL0513, as a drawn default's); without
    /// loadings none, so the recovery is drawn as before they existed.</summary>
    private RecoveryDraw LowerRecovery(RecoveryDrawSyntax recovery, List<string> names)
    {
        double[] loadings = recovery.Loadings.IsDefaultOrEmpty ? [] : LowerLoadings(recovery.Loadings, names);
        RecoveryDraw draw = recovery switch
        {
            BetaRecoverySyntax beta => new RecoveryBeta(Constant(beta.Mean), Constant(beta.Sd)),
            OutcomesRecoverySyntax drawn => new RecoveryOutcomes(
                [.. SyntaxWalk.Safe(drawn.Outcomes).Select(o => Constant(o.Recovery))],
                [.. SyntaxWalk.Safe(drawn.Outcomes).Select(o => Constant(o.Probability))])
            {
                Rest = drawn.Rest is { } rest ? new RecoveryBeta(Constant(rest.Mean), Constant(rest.Sd)) : null,
            },
            _ => throw new InvalidOperationException($"a drawn recovery of kind {recovery.GetType().Name}, which the lowering does not know"),
        };
        return draw with { Loadings = loadings };
    }

    private static bool IsStochastic(ScenarioItemSyntax item) => StochasticItems.Draws(item);

    /// <summary>Whether index <paramref name="i"/>'s level is a rate (which may go below zero); otherwise it is a price
    /// (money, or money per unit) or a ratio, which may not (<see cref="FactorSpec.NeverNegative"/>).</summary>
    private bool IsRateIndex(int i) =>
        Symbols.OfKind(SymbolKind.Index)[i].Declaration is IndexSyntax { Level: { } level } && BoundOf(level)?.Unit == Unit.Rate;
}
