using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// scenarioDecl : SCENARIO name=ident FOR deal=ident { scenarioItem* }
internal sealed partial class Binder
{
    private void BindScenarios()
    {
        var seen = new Dictionary<string, ScenarioSyntax>(StringComparer.Ordinal);
        foreach (ScenarioSyntax scenario in SyntaxWalk.Safe(_analysis.Scenarios))
        {
            _current = scenario;
            string name = scenario.Name?.Text ?? "";
            if (scenario.Name is { Text.Length: > 0 } scenarioName)
            {
                if (seen.TryGetValue(scenarioName.Text, out ScenarioSyntax? first))
                {
                    _diagnostics.Add(DiagnosticCatalogue.DuplicateScenario(
                        scenarioName.Span, scenarioName.Text, first.Name?.Span ?? first.Span));
                }
                else
                {
                    seen[scenarioName.Text] = scenario;
                }
            }

            if (scenario.Deal is { Text.Length: > 0 } deal && deal.Text != _analysis.DealName)
            {
                SourceSpan dealAt = _analysis.Deal.Name?.Span ?? _analysis.Deal.Span;
                _diagnostics.Add(DiagnosticCatalogue.ScenarioForOtherDeal(deal.Span, name, deal.Text, _analysis.DealName,
                    dealAt.Path == deal.Span.Path ? null : dealAt.ToString()));
            }

            foreach (ScenarioItemSyntax item in SyntaxWalk.Safe(scenario.Items))
            {
                BindScenarioItem(name, item);
            }
        }
    }

    // scenarioItem : lease RENEWALS TAKEN NUMBER | path (DEFLATE | GROW) expr perYear | path DROP expr BY DATE
    //              | party DEFAULTS ON DATE | ENFORCEMENT sellTerm+
    //              | index LEVEL expr | index POINTS pointsKind { schedulePoint* } | index LAUNCH DATE DOWN expr
    //              | index SHIFT PLUS? expr
    private void BindScenarioItem(string scenario, ScenarioItemSyntax item)
    {
        switch (item)
        {
            case RenewalsTakenSyntax renewals:
                // A lease's renewals, or a contract's.
                if (renewals.Lease is not { } taken || !Symbols.TryLookup(taken.Text, out Symbol on) || on.Kind != SymbolKind.Contract)
                {
                    ScenarioName(scenario, renewals.Lease, SymbolKind.Lease, "renewals can only be taken on a lease or a contract");
                }

                break;
            case DeflateSyntax deflate:
                ValuePath(scenario, deflate.Path, deflate.Verb);
                Expressions(_scenarioScope, deflate.Rate, deflate.Volatility);
                break;
            case IndexProcessSyntax process:
                ScenarioName(scenario, process.Index, SymbolKind.Index, "a process (gbm, reverts) moves an index's level");
                Expressions(_scenarioScope, process.Drift, process.Toward, process.Speed, process.Volatility);
                break;
            case JumpsSyntax jumps:
                ScenarioName(scenario, jumps.Index, SymbolKind.Index, "'jumps' steps an index down");
                Expressions(_scenarioScope, jumps.Rate, jumps.Down);
                break;
            case CorrelateSyntax correlate:
                // The two names are the scenario's factors, resolved against its own items (DealChecks.Stochastic.cs).
                Expressions(_scenarioScope, correlate.Normal, correlate.Stress);
                break;
            case RegimesSyntax regimes:
                Expressions(_scenarioScope, regimes.ToStress, regimes.ToNormal);
                break;
            case RenewalsDrawnSyntax drawnRenewals:
                // A lease's renewals, or a contract's, drawn per path.
                if (drawnRenewals.Lease is not { } drawnOn || !Symbols.TryLookup(drawnOn.Text, out Symbol renewed) || renewed.Kind != SymbolKind.Contract)
                {
                    ScenarioName(scenario, drawnRenewals.Lease, SymbolKind.Lease, "renewals can only be drawn on a lease or a contract");
                }

                Expressions(_scenarioScope, [drawnRenewals.Probability, .. drawnRenewals.Loadings.Select(l => l.Beta)]);
                break;
            case DrawnDefaultsSyntax drawn:
                ScenarioName(scenario, drawn.Party, SymbolKind.Party, "only a party can default");
                Expressions(_scenarioScope, [drawn.Pd, .. drawn.Steps.Select(s => s.Pd), .. drawn.Loadings.Select(l => l.Beta), .. RecoveryTerms(drawn.Recovery)]);
                break;
            case DropSyntax drop:
                ValuePath(scenario, drop.Path, "drop");
                Expressions(_scenarioScope, drop.Fraction);
                break;
            case LeaseBreaksSyntax breaks:
                // A lease's break option, or a contract's.
                if (breaks.Lease is not { } broken || !Symbols.TryLookup(broken.Text, out Symbol brokenSymbol) || brokenSymbol.Kind != SymbolKind.Contract)
                {
                    ScenarioName(scenario, breaks.Lease, SymbolKind.Lease, "'breaks at' exercises a lease's or a contract's break option");
                }

                break;
            case BreaksDrawnSyntax drawnBreaks:
                // A lease's break option, or a contract's, drawn per path.
                if (drawnBreaks.Lease is not { } drawnBroken || !Symbols.TryLookup(drawnBroken.Text, out Symbol drawnSymbol) || drawnSymbol.Kind != SymbolKind.Contract)
                {
                    ScenarioName(scenario, drawnBreaks.Lease, SymbolKind.Lease, "'breaks drawn' draws a lease's or a contract's break");
                }

                Expressions(_scenarioScope, [.. drawnBreaks.Chances.Select(c => c.Probability), .. drawnBreaks.Loadings.Select(l => l.Beta)]);
                break;
            case PartyDefaultsSyntax defaults:
                ScenarioName(scenario, defaults.Party, SymbolKind.Party, "only a party can default");
                Expressions(_scenarioScope, [.. RecoveryTerms(defaults.Recovery), .. defaults.DateLoadings.Select(l => l.Beta)]);
                break;
            case GuaranteeLeverSyntax guarantee:
                ScenarioName(scenario, guarantee.Party, SymbolKind.Party, "only a party guarantees");
                Expressions(_scenarioScope, guarantee.Share);
                break;
            case TrancheCalledSyntax called:
                ScenarioName(scenario, called.Tranche, SymbolKind.Tranche, "'called on' is an issuer's call of a tranche");
                Expressions(_scenarioScope, called.Price, called.Part);
                break;
            case TrancheCalledWhenSyntax calledWhen:
                ScenarioName(scenario, calledWhen.Tranche, SymbolKind.Tranche, "'called when' is an issuer's call of a tranche");
                Expressions(_scenarioScope, calledWhen.Condition, calledWhen.Price, calledWhen.Part);
                break;
            case TrancheConvertsSyntax converts:
                ScenarioName(scenario, converts.Tranche, SymbolKind.Tranche, "'converts' is the share of a convertible tranche its holders convert");
                Expressions(_scenarioScope, converts.Part);
                break;
            case LoanPaysSyntax pays:
                ScenarioName(scenario, pays.Loan, SymbolKind.Loan, "'pays' is the share of what falls due that a loan's obligor pays");
                // A drawn share's mean is its Share; its sd and loadings bound with it.
                Expressions(_scenarioScope, [pays.Share, pays.Drawn?.Sd, .. (pays.Drawn?.Loadings ?? []).Select(l => l.Beta)]);
                break;
            case HoldingMarketLeverSyntax market:
                ScenarioName(scenario, market.Holding, SymbolKind.Holding, "'market' sets the market a holding's forced sale sells into");
                Expressions(_scenarioScope, market.Market?.Discount, market.Market?.Depth, market.Market?.Impact);
                break;
            case UtilisationSyntax utilisation:
                ScenarioName(scenario, utilisation.Contract, SymbolKind.Contract, "'utilisation' is a contract's");
                Expressions(_scenarioScope, utilisation.Utilisation);
                break;
            case ReletSyntax relet:
                ScenarioName(scenario, relet.Contract, SymbolKind.Contract, "only a contract's units are re-let");
                // A drawn utilisation's mean is its Utilisation (a drawn end's its RampTo); their sds and loadings bound with them.
                Expressions(_scenarioScope, [relet.Utilisation, relet.RampTo, relet.Price, .. relet.DrawnExpressions, .. relet.CurveExpressions]);
                break;
            case EnforcementOverrideSyntax enforcement:
                Expressions(_scenarioScope, [enforcement.Haircut, enforcement.Yield, .. enforcement.Market?.Expressions ?? []]);
                break;
            case IndexLevelOverrideSyntax level:
                ScenarioName(scenario, level.Index, SymbolKind.Index, "'level' overrides an index's level");
                Expressions(_scenarioScope, level.Level);
                break;
            case IndexPointsOverrideSyntax points:
                ScenarioName(scenario, points.Index, SymbolKind.Index, "'points' overrides an index's points");
                foreach (SchedulePointSyntax point in SyntaxWalk.Safe(points.Points?.Points ?? []))
                {
                    Expressions(_scenarioScope, point.Amount);
                }

                break;
            case IndexLaunchOverrideSyntax launch:
                ScenarioName(scenario, launch.Index, SymbolKind.Index, "'launch' adds a launch to an index");
                Expressions(_scenarioScope, launch.Launch?.Down);
                break;
            case IndexDelayedSyntax delayed:
                ScenarioName(scenario, delayed.Index, SymbolKind.Index, "'delayed' moves an index's dated points");
                break;
            case IndexDelayDrawnSyntax drawnDelay:
                ScenarioName(scenario, drawnDelay.Index, SymbolKind.Index, "'delayed drawn' moves an index's dated points");
                Expressions(_scenarioScope, [.. drawnDelay.Outcomes.Select(o => o.Probability), .. drawnDelay.Loadings.Select(l => l.Beta)]);
                break;
            case WorkoutDrawnSyntax workout:
                // A party's lag reaches every loan it owes; a loan's is that loan's own.
                ScenarioName(scenario, workout.Party,
                    workout.Party is { } owner && Symbols.TryLookup(owner.Text, out Symbol lagged) && lagged.Kind == SymbolKind.Loan ? SymbolKind.Loan : SymbolKind.Party,
                    "'workout drawn' draws the workout lag of the loans a party owes, or of one loan");
                Expressions(_scenarioScope, [.. workout.Outcomes.Select(o => o.Probability), .. workout.Loadings.Select(l => l.Beta)]);
                break;
            case IndexShiftSyntax shift:
                ScenarioName(scenario, shift.Index, SymbolKind.Index, "'shift' moves an index's level");
                Expressions(_scenarioScope, shift.Shift);
                break;
        }
    }

    // A drawn recovery's terms: a beta's mean and sd, or each outcome's rate and probability (and the mean and sd of the
    // beta after 'else'), then its loadings; none when the default draws no recovery.
    private static IEnumerable<ExpressionSyntax?> RecoveryTerms(RecoveryDrawSyntax? recovery)
    {
        IEnumerable<ExpressionSyntax?> terms = recovery switch
        {
            BetaRecoverySyntax beta => [beta.Mean, beta.Sd],
            OutcomesRecoverySyntax drawn => drawn.Outcomes.SelectMany(o => new[] { o.Recovery, o.Probability })
                .Concat(drawn.Rest is { } rest ? [rest.Mean, rest.Sd] : []),
            _ => [],
        };
        return recovery is null ? terms : terms.Concat(recovery.Loadings.Select(l => l.Beta));
    }

    private Symbol? ScenarioName(string scenario, NameSyntax? name, SymbolKind expected, string requirement)
    {
        if (name is not { Text.Length: > 0 })
        {
            return null;
        }

        if (!Symbols.TryLookup(name.Text, out Symbol symbol))
        {
            ReportUnknown(DiagnosticCatalogue.ScenarioUnknownName(
                name.Span, scenario, name.Text, _analysis.DealName, Symbols.Suggest(name.Text, expected)));
            return null;
        }

        if (symbol.Kind == SymbolKind.Unknown)
        {
            return null;
        }

        if (symbol.Kind != expected)
        {
            if (!Symbols.WasAlsoDeclaredAs(name.Text, expected))
            {
                _diagnostics.Add(DiagnosticCatalogue.ScenarioWrongKind(name.Span, name.Text, symbol.Kind.Keyword(), requirement));
            }

            return null;
        }

        _analysis.Names[name] = symbol;
        return symbol;
    }

    /// <summary><c>Facility.value</c> (deflate, grow or drop), <c>market_rent</c> or an index by its bare name (deflate or
    /// grow: a drift).</summary>
    private void ValuePath(string scenario, ReferenceSyntax? path, string verb)
    {
        if (path?.Name is not { Text.Length: > 0 } name)
        {
            return;
        }

        if (name.Text == Builtins.MarketRent)
        {
            if (verb == "drop" || path.Member is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.ScenarioBadPath(path.Span, ExpressionPrinter.Print(path), verb, FirstFacilityOr("Campus")));
            }

            return;
        }

        if (!Symbols.TryLookup(name.Text, out Symbol symbol))
        {
            IEnumerable<string> candidates = Symbols.OfKind(SymbolKind.Facility).Select(s => s.Name);
            if (verb != "drop")
            {
                candidates = candidates.Append(Builtins.MarketRent).Concat(Symbols.OfKind(SymbolKind.Index).Select(s => s.Name));
            }

            ReportUnknown(DiagnosticCatalogue.ScenarioUnknownName(
                name.Span, scenario, name.Text, _analysis.DealName,
                NameSuggestions.Closest(name.Text, candidates) ?? _scenarioScope.Suggest(name.Text)));
            return;
        }

        if (symbol.Kind == SymbolKind.Unknown)
        {
            return;
        }

        if (symbol.Kind == SymbolKind.Index && verb != "drop")
        {
            // An index's drift: the bare name, as the index is read.
            _analysis.Names[name] = symbol;
            if (path.Member is not null)
            {
                _diagnostics.Add(DiagnosticCatalogue.ScenarioBadPath(path.Member.Span, ExpressionPrinter.Print(path), verb, FirstFacilityOr("Campus")));
            }

            return;
        }

        if (symbol.Kind != SymbolKind.Facility)
        {
            _diagnostics.Add(DiagnosticCatalogue.ScenarioWrongKind(
                name.Span, name.Text, symbol.Kind.Keyword(), $"{verb} applies to a facility's value, e.g. {FirstFacilityOr("Campus")}.value"));
            return;
        }

        _analysis.Names[name] = symbol;
        if (path.Member?.Text != "value")
        {
            _diagnostics.Add(DiagnosticCatalogue.ScenarioBadPath(path.Member?.Span ?? path.Span, ExpressionPrinter.Print(path), verb, symbol.Name));
        }
    }

    private string FirstFacilityOr(string fallback) =>
        Symbols.OfKind(SymbolKind.Facility) is { Count: > 0 } facilities ? facilities[0].Name : fallback;
}
