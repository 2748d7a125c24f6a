using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// A stochastic scenario's structure (docs/language.md §10, "Stochastic scenarios"): its factors (an index with a
// process or jumps, a facility's value or market_rent with a drawn deflation), correlations and loadings that name
// them, correlation matrices that can hold (the runtime's own Cholesky test, Correlations), loadings whose squares sum
// to 1 or less, and a drawn default with a PD and no date.
internal sealed partial class DealChecks
{
    /// <summary>The scenario's factors in the order the lowering numbers them (Lowerer.Stochastic.cs uses the same walk).</summary>
    internal static List<string> StochasticFactors(ScenarioSyntax scenario, SymbolTable symbols)
    {
        var factors = new List<string>();
        foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
        {
            string? name = item switch
            {
                IndexProcessSyntax p when IsKind(symbols, p.Index?.Text, SymbolKind.Index) => p.Index!.Text,
                JumpsSyntax j when IsKind(symbols, j.Index?.Text, SymbolKind.Index) => j.Index!.Text,
                DeflateSyntax { Volatility: not null } d when d.Path?.Name?.Text == Builtins.MarketRent => Builtins.MarketRent,
                DeflateSyntax { Volatility: not null } d when IsKind(symbols, d.Path?.Name?.Text, SymbolKind.Facility) => d.Path!.Name!.Text + ".value",
                _ => null,
            };
            if (name is not null && !factors.Contains(name))
            {
                factors.Add(name);
            }
        }

        return factors;
    }

    private static bool IsKind(SymbolTable symbols, string? name, SymbolKind kind) =>
        symbols.TryLookup(name, out Symbol symbol) && symbol.Kind == kind;

    private void CheckStochastic(ScenarioSyntax scenario, string name)
    {
        List<string> factors = StochasticFactors(scenario, _analysis.Symbols);
        string list = string.Join(", ", factors);
        int k = factors.Count;
        var normal = new double[k * k];
        var stress = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            normal[(i * k) + i] = stress[(i * k) + i] = 1;
        }

        bool hasStress = false, hasRegimes = false, badEntry = false;
        CorrelateSyntax? firstCorrelation = null;
        var loaded = new List<(DrawnDefaultsSyntax Drawn, double[] Beta)>();
        var loadedRenewals = new List<(RenewalsDrawnSyntax Drawn, double[] Beta)>();
        var loadedBreaks = new List<(BreaksDrawnSyntax Drawn, double[] Beta)>();
        var loadedDelays = new List<(IndexDelayDrawnSyntax Drawn, double[] Beta)>();
        var loadedWorkouts = new List<(WorkoutDrawnSyntax Drawn, double[] Beta)>();
        var loadedRecoveries = new List<(RecoveryDrawSyntax Recovery, string Party, double[] Gamma)>();
        var loadedShares = new List<(RecoveryDrawSyntax Share, string Loan, double[] Gamma)>();
        var loadedRelets = new List<(RecoveryDrawSyntax Utilisation, string Holder, double[] Gamma)>();
        var dated = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
        {
            if (item is PartyDefaultsSyntax { Party.Text: { } party })
            {
                dated.Add(party);
            }
            else if (item is RenewalsTakenSyntax { Lease.Text: { } lease })
            {
                taken.Add(lease);
            }
        }

        foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
        {
            switch (item)
            {
                case DeflateSyntax { Volatility: { } volatility } d when IsKind(_analysis.Symbols, d.Path?.Name?.Text, SymbolKind.Index):
                    _diagnostics.Add(DiagnosticCatalogue.DrawnDeflationOnIndex(volatility.Span, d.Path!.Name!.Text));
                    break;
                case IndexProcessSyntax { Toward: not null } p when _analysis.ConstantOf(p.Volatility, 0) is < 0 and double v:
                    _diagnostics.Add(DiagnosticCatalogue.NegativeVolatility(p.Volatility.Span, $"the volatility of index '{p.Index?.Text}' in scenario '{name}'", v));
                    break;
                case RegimesSyntax:
                    hasRegimes = true;
                    break;
                case CorrelateSyntax c:
                    firstCorrelation ??= c;
                    int a = Factor(c.A, factors, name, list), b = Factor(c.B, factors, name, list);
                    if (a >= 0 && a == b)
                    {
                        _diagnostics.Add(DiagnosticCatalogue.CorrelationWithItself(c.B.Span, ExpressionPrinter.Print(c.B)));
                        badEntry = true;
                        break;
                    }

                    string pair = $"{ExpressionPrinter.Print(c.A)} and {ExpressionPrinter.Print(c.B)}";
                    badEntry |= !Entry(c.Normal, $"the correlation of {pair}", out double rho) | !Entry(c.Stress, $"the stress correlation of {pair}", out double rhoStress);
                    hasStress |= c.Stress is not null;
                    if (a >= 0 && b >= 0)
                    {
                        normal[(a * k) + b] = normal[(b * k) + a] = rho;
                        stress[(a * k) + b] = stress[(b * k) + a] = c.Stress is null ? rho : rhoStress;
                    }
                    else
                    {
                        badEntry = true;
                    }

                    break;
                case DrawnDefaultsSyntax drawn:
                    loaded.Add((drawn, CheckDrawnDefault(drawn, name, factors, list, dated)));
                    if (drawn.Recovery is { } drawnRecovery)
                    {
                        loadedRecoveries.Add((drawnRecovery, drawn.Party?.Text ?? "", RecoveryLoadings(drawnRecovery, drawn.Party?.Text ?? "", name, factors, list)));
                    }

                    break;
                case RenewalsDrawnSyntax drawnRenewals:
                    loadedRenewals.Add((drawnRenewals, CheckDrawnRenewals(drawnRenewals, name, factors, list, taken)));
                    break;
                case BreaksDrawnSyntax drawnBreaks:
                    loadedBreaks.Add((drawnBreaks, Loadings(drawnBreaks.Loadings, factors, name, list, $"{drawnBreaks.Lease?.Text}'s drawn break")));
                    break;
                case IndexDelayDrawnSyntax drawnDelay:
                    loadedDelays.Add((drawnDelay, Loadings(drawnDelay.Loadings, factors, name, list, $"{drawnDelay.Index?.Text}'s drawn delay")));
                    break;
                case WorkoutDrawnSyntax drawnWorkout:
                    loadedWorkouts.Add((drawnWorkout, Loadings(drawnWorkout.Loadings, factors, name, list, $"{drawnWorkout.Party?.Text}'s drawn workout lag")));
                    break;
                case LoanPaysSyntax { Drawn: { } drawnShare } pays:
                    // A drawn share's loadings are a drawn recovery's: each naming a factor (DL0533), once (DL0513), γᵀRγ ≤ 1 (DL0534).
                    loadedShares.Add((drawnShare, pays.Loan?.Text ?? "", Loadings(drawnShare.Loadings, factors, name, list, $"{pays.Loan?.Text}'s drawn share")));
                    break;
                case ReletSyntax relet:
                    // A drawn re-let utilisation's loadings are a drawn share's: each naming a factor (DL0533), once (DL0513), γᵀRγ ≤ 1 (DL0534).
                    foreach ((BetaRecoverySyntax beta, _) in ReletDraws.Of(relet.Drawn, relet.DrawnTo))
                    {
                        loadedRelets.Add((beta, relet.Contract?.Text ?? "", Loadings(beta.Loadings, factors, name, list, $"{relet.Contract?.Text}'s drawn re-let utilisation")));
                    }

                    break;
                case EnforcementOverrideSyntax { Market.Relet: { } enforcementRelet }:
                    foreach ((BetaRecoverySyntax beta, _) in ReletDraws.Of(enforcementRelet.Drawn, enforcementRelet.DrawnTo))
                    {
                        loadedRelets.Add((beta, "the enforcement", Loadings(beta.Loadings, factors, name, list, "the enforcement's drawn re-let utilisation")));
                    }

                    break;
                case PartyDefaultsSyntax datedDefault:
                    string datedParty = datedDefault.Party?.Text ?? "";
                    foreach (LoadingSyntax loading in SyntaxWalk.Safe(datedDefault.DateLoadings))
                    {
                        _diagnostics.Add(DiagnosticCatalogue.LoadingOnDatedDefault(loading.Span, name, datedParty, recoveryDrawn: datedDefault.Recovery is not null));
                    }

                    if (datedDefault.Recovery is { } recovery)
                    {
                        CheckRecoveryDraw(recovery, datedParty, name);
                        loadedRecoveries.Add((recovery, datedParty, RecoveryLoadings(recovery, datedParty, name, factors, list)));
                    }

                    break;
            }
        }

        if (firstCorrelation is not null && !badEntry)
        {
            if (Correlations.Problem(normal, k) is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.CorrelationNotPositive(firstCorrelation.Span, name, "normal", list));
            }
            else if (hasStress && Correlations.Problem(stress, k) is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.CorrelationNotPositive(firstCorrelation.Span, name, "stress", list));
            }
        }

        // The loadings against the correlations, once every correlation is read (they may come after the defaults).
        bool matricesHold = !badEntry && Correlations.Problem(normal, k) is null && (!hasStress || Correlations.Problem(stress, k) is null);
        // Each copula's loadings: βᵀRβ at most 1 in either regime (DL0534).
        void CheckLoadedVariance(double[] beta, SourceSpan span, string holder, string what)
        {
            double variance = matricesHold ? Math.Max(Correlations.LoadedVariance(beta, normal), hasStress ? Correlations.LoadedVariance(beta, stress) : 0) : Correlations.LoadedVariance(beta, null);
            if (variance > 1 + Correlations.Tolerance)
            {
                _diagnostics.Add(DiagnosticCatalogue.LoadingsTooLarge(span, holder, variance, correlated: matricesHold && firstCorrelation is not null, what));
            }
        }

        foreach ((DrawnDefaultsSyntax drawn, double[] beta) in loaded)
        {
            CheckLoadedVariance(beta, drawn.Span, drawn.Party?.Text ?? "", "default");
        }

        foreach ((RenewalsDrawnSyntax drawn, double[] beta) in loadedRenewals)
        {
            CheckLoadedVariance(beta, drawn.Span, drawn.Lease?.Text ?? "", "renewals");
        }

        foreach ((BreaksDrawnSyntax drawn, double[] beta) in loadedBreaks)
        {
            CheckLoadedVariance(beta, drawn.Span, drawn.Lease?.Text ?? "", "break");
        }

        foreach ((IndexDelayDrawnSyntax drawn, double[] beta) in loadedDelays)
        {
            CheckLoadedVariance(beta, drawn.Span, drawn.Index?.Text ?? "", "delay");
        }

        foreach ((WorkoutDrawnSyntax drawn, double[] beta) in loadedWorkouts)
        {
            CheckLoadedVariance(beta, drawn.Span, drawn.Party?.Text ?? "", "workout lag");
        }

        foreach ((RecoveryDrawSyntax recovery, string party, double[] gamma) in loadedRecoveries)
        {
            CheckLoadedVariance(gamma, recovery.Span, party, "recovery");
        }

        foreach ((RecoveryDrawSyntax share, string loan, double[] gamma) in loadedShares)
        {
            CheckLoadedVariance(gamma, share.Span, loan, "share");
        }

        foreach ((RecoveryDrawSyntax utilisation, string holder, double[] gamma) in loadedRelets)
        {
            CheckLoadedVariance(gamma, utilisation.Span, holder, "re-let utilisation");
        }

        if (hasStress != hasRegimes && SyntaxWalk.Safe(scenario.Items).FirstOrDefault(i => i is RegimesSyntax || i is CorrelateSyntax { Stress: not null }) is { } at)
        {
            _diagnostics.Add(DiagnosticCatalogue.RegimesUnused(at.Span, name, stressWithoutRegimes: hasStress));
        }

        CheckSobol(scenario, name, k);
    }

    /// <summary><c>sobol</c> fits where each path draws a few numbers, fixed in advance: every factor a drawn rate (its
    /// path shock drawn directly) and one regime, no <c>antithetic</c>, and factors, drawn defaults, drawn renewal
    /// options and drawn delays within the embedded Joe–Kuo table (the runtime's <see cref="SobolPoints.MaxDimensions"/>).</summary>
    private void CheckSobol(ScenarioSyntax scenario, string name, int factors)
    {
        ScenarioItemSyntax[] items = [.. SyntaxWalk.Safe(scenario.Items)];
        if (Array.Find(items, i => i is SobolSyntax) is not { } sobol)
        {
            return;
        }

        if (items.Any(i => i is AntitheticSyntax))
        {
            _diagnostics.Add(DiagnosticCatalogue.SobolWithAntithetic(sobol.Span, name));
        }

        string? perPeriod = Array.Find(items, i => i is IndexProcessSyntax or JumpsSyntax or RegimesSyntax) switch
        {
            IndexProcessSyntax p => $"gives index '{p.Index?.Text}' a process",
            JumpsSyntax j => $"gives index '{j.Index?.Text}' jumps",
            RegimesSyntax => "switches regimes",
            _ => null,
        };
        if (perPeriod is not null)
        {
            _diagnostics.Add(DiagnosticCatalogue.SobolPerPeriod(sobol.Span, name, perPeriod));
            return;
        }

        int defaults = items.OfType<DrawnDefaultsSyntax>().Select(d => d.Party?.Text).Distinct(StringComparer.Ordinal).Count();

        // Each drawn lease or contract takes one dimension per renewal option, taken or not (StochasticPaths.DrawRenewals).
        int options = items.OfType<RenewalsDrawnSyntax>().Select(r => r.Lease?.Text).Distinct(StringComparer.Ordinal).Sum(RenewalOptions);

        // Each drawn delay takes one dimension, after the renewal options (StochasticPaths.DrawDelays).
        int delays = items.OfType<IndexDelayDrawnSyntax>().Select(d => d.Index?.Text).Distinct(StringComparer.Ordinal).Count();

        // Each drawn break takes one dimension per date written, broken there or not, after the drawn delays
        // (StochasticPaths.DrawBreaks), a renewal term's after the drawn workout lags (DrawRenewalBreaks); set twice,
        // the last is the one drawn (Lowerer.Stochastic).
        int breakDates = items.OfType<BreaksDrawnSyntax>().GroupBy(b => b.Lease?.Text, StringComparer.Ordinal).Sum(g => g.Last().Chances.Length);

        // Each party's drawn workout lag takes one dimension, after the break dates (StochasticPaths.DrawWorkouts), and
        // each loan's own one after every other (DrawLoanWorkouts); a loan's and a party's names differ, so each counts once.
        int workouts = items.OfType<WorkoutDrawnSyntax>().Select(w => w.Party?.Text).Distinct(StringComparer.Ordinal).Count();
        if (factors + defaults + options + delays + breakDates + workouts > SobolPoints.MaxDimensions)
        {
            _diagnostics.Add(DiagnosticCatalogue.SobolTooManyDimensions(sobol.Span, name, factors, defaults, SobolPoints.MaxDimensions, options, delays, breakDates, workouts));
        }
    }

    private bool Entry(ExpressionSyntax? expression, string what, out double value)
    {
        value = _analysis.ConstantOf(expression, 0);
        if (expression is not null && value is < -1 or > 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.CorrelationOutOfRange(expression.Span, what, value));
            return false;
        }

        return true;
    }

    private int Factor(ReferenceSyntax? reference, List<string> factors, string scenario, string list)
    {
        if (reference is null)
        {
            return -1;
        }

        string text = ExpressionPrinter.Print(reference);
        int at = factors.IndexOf(text);
        if (at < 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.NotAFactor(reference.Span, scenario, text, list));
        }

        return at;
    }

    /// <summary>The renewal options of lease or contract <paramref name="lease"/>; 0 for one without, or neither.</summary>
    private int RenewalOptions(string? lease) =>
        lease is null || !_analysis.Symbols.TryLookup(lease, out Symbol symbol) ? 0
        : symbol.Declaration is LeaseSyntax syntax ? syntax.Renewals?.Count ?? 0
        : symbol.Declaration is ContractSyntax contract ? contract.Renewals?.Count ?? 0
        : 0;

    /// <summary>Checks one lease's (or contract's) drawn renewals (it has options, DL0545; they are not also taken,
    /// DL0546; the loadings name factors, DL0533) and returns their loadings by factor. The probability's range is the
    /// common term check's (DL0307).</summary>
    private double[] CheckDrawnRenewals(RenewalsDrawnSyntax drawn, string scenario, List<string> factors, string list, HashSet<string> taken)
    {
        string lease = drawn.Lease?.Text ?? "";
        if (_analysis.Symbols.TryLookup(lease, out Symbol symbol) && symbol.Kind is SymbolKind.Lease or SymbolKind.Contract && RenewalOptions(lease) == 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnRenewalsWithoutOptions(drawn.Span, scenario, symbol.Kind == SymbolKind.Lease ? "lease" : "contract", lease));
        }

        if (taken.Contains(lease))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnAndTakenRenewals(drawn.Span, scenario, lease, symbol.Kind == SymbolKind.Contract ? "customer" : "lessee"));
        }

        return Loadings(drawn.Loadings, factors, scenario, list, $"{lease}'s drawn renewals");
    }

    /// <summary>A drawn item's (<paramref name="what"/>: "Lab's drawn default") loadings by factor (each naming a factor,
    /// DL0533; 0 for a factor it does not load on). A factor loaded twice is DL0513 at the second loading: the lowering
    /// keeps one β per factor, so a second one would be checked (DL0534) as one value and simulated as another.</summary>
    private double[] Loadings(ImmutableArray<LoadingSyntax> loadings, List<string> factors, string scenario, string list, string what)
    {
        var beta = new double[factors.Count];
        var first = new LoadingSyntax?[factors.Count];
        foreach (LoadingSyntax loading in SyntaxWalk.Safe(loadings))
        {
            int at = Factor(loading.Factor, factors, scenario, list);
            if (at < 0)
            {
                continue;
            }

            if (first[at] is { } earlier)
            {
                _diagnostics.Add(DiagnosticCatalogue.FactorLoadedTwice(loading.Span, scenario, what, factors[at],
                    _analysis.ConstantOf(earlier.Beta, 0), _analysis.ConstantOf(loading.Beta, 0)));
                continue;
            }

            first[at] = loading;
            beta[at] = _analysis.ConstantOf(loading.Beta, 0);
        }

        return beta;
    }

    /// <summary>Checks one drawn default and returns its loadings by factor (0 for a factor it does not load on).</summary>
    private double[] CheckDrawnDefault(DrawnDefaultsSyntax drawn, string scenario, List<string> factors, string list, HashSet<string> dated)
    {
        string party = drawn.Party?.Text ?? "";
        if (dated.Contains(party))
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnAndDatedDefault(drawn.Span, scenario, party));
        }

        double pd = drawn.Pd is not null
            ? _analysis.ConstantOf(drawn.Pd, 0)
            : SyntaxWalk.Safe(Deal.Declarations).OfType<PartySyntax>().FirstOrDefault(p => p.Name?.Text == party) is { } declared
                ? _analysis.ConstantOf(declared.Pd, 0)
                : 0.5; // an unknown party is reported by the binder
        if (pd <= 0 || pd >= 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.DrawnDefaultPd(drawn.Pd?.Span ?? drawn.Party?.Span ?? drawn.Span, party, pd));
        }

        Date? previous = Closing;
        foreach (PdStepSyntax step in SyntaxWalk.Safe(drawn.Steps))
        {
            double stepPd = _analysis.ConstantOf(step.Pd, 0);
            if (stepPd <= 0 || stepPd >= 1)
            {
                _diagnostics.Add(DiagnosticCatalogue.DrawnDefaultPd(step.Pd.Span, party, stepPd));
            }

            if (step.From?.Value is { } from)
            {
                if (previous is { } p && from <= p)
                {
                    _diagnostics.Add(DiagnosticCatalogue.PdStepDate(step.From.Span, party, from.ToString(), p.ToString(), afterMaturity: false));
                }
                else if (Maturity is { } m && from > m)
                {
                    _diagnostics.Add(DiagnosticCatalogue.PdStepDate(step.From.Span, party, from.ToString(), m.ToString(), afterMaturity: true));
                }

                previous = from;
            }
        }

        double[] beta = Loadings(drawn.Loadings, factors, scenario, list, $"{party}'s drawn default");
        CheckRecoveryDraw(drawn.Recovery, party, scenario);
        return beta;
    }

    /// <summary>A drawn recovery's loadings by factor (0 for a factor it does not load on), each naming a factor of the
    /// scenario (DL0533), as a drawn default's do (docs/language.md §10, "Wrong-way recoveries").</summary>
    private double[] RecoveryLoadings(RecoveryDrawSyntax recovery, string party, string scenario, List<string> factors, string list) =>
        Loadings(recovery.Loadings, factors, scenario, list, $"{party}'s drawn recovery");

    /// <summary>A drawn recovery (a drawn default's or a dated one's): a beta's (<see cref="CheckRecoveryBeta"/>) or its
    /// outcomes' (<see cref="CheckRecoveryOutcomes"/>).</summary>
    private void CheckRecoveryDraw(RecoveryDrawSyntax? recovery, string party, string scenario)
    {
        switch (recovery)
        {
            case BetaRecoverySyntax beta:
                CheckRecoveryBeta(beta, party);
                break;
            case OutcomesRecoverySyntax outcomes:
                CheckRecoveryOutcomes(outcomes, party, scenario);
                if (outcomes.Rest is { } rest)
                {
                    CheckRecoveryBeta(rest, party);
                }

                break;
        }
    }

    /// <summary>A drawn recovery is a beta distribution with mean m and sd s only when α + β = m(1 − m)/s² − 1 is
    /// positive (DL0541, docs/language.md §10).</summary>
    private void CheckRecoveryBeta(BetaRecoverySyntax recovery, string party)
    {
        double mean = _analysis.ConstantOf(recovery.Mean, 0.5), sd = _analysis.ConstantOf(recovery.Sd, 0.1);
        if (mean <= 0 || mean >= 1 || sd <= 0 || sd * sd >= mean * (1 - mean))
        {
            _diagnostics.Add(DiagnosticCatalogue.RecoveryBeta(recovery.Span, party, mean, sd));
        }
    }
}
