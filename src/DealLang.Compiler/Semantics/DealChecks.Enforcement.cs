using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// Enforcement terms that decide whether the collateral is realised at all, and what CFADS counts.
internal sealed partial class DealChecks
{
    // The run is extended past the maturity until the last sale (the workout): a lag beyond the limit would put
    // the sale outside the run, so the collateral would be silently lost (docs/language.md, "Enforcement").
    private void CheckWorkoutLag(DurationSyntax lag)
    {
        if (DurationRules.Months(lag) > DurationRules.MaxWorkoutMonths)
        {
            _diagnostics.Add(DiagnosticCatalogue.LagBeyondWorkout(lag.Span, lag.Text ?? "", DurationRules.MaxWorkoutMonths / 12));
        }
    }

    // A sale into the repo market sells one fleet's units month by month (docs/language.md §9): its volume and price
    // impact are per GPU, so another kind, or two fleets sharing one market, has no meaning here.
    private void CheckMarketSale(SellSyntax sale)
    {
        if (sale.Market is not { } market)
        {
            return;
        }

        if (market.Depth is null)
        {
            _diagnostics.Add(DiagnosticCatalogue.MarketWithoutDepth(market.FirstSpan!.Value));
        }

        var assets = SyntaxWalk.Safe(sale.Assets).ToList();
        if (assets.Count > 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.MarketSaleNotOneFleet(assets[1].Span, "sell each fleet in a sale of its own"));
        }
        else if (assets.Count == 1 && _analysis.Symbols.TryLookup(assets[0].Text, out Symbol symbol)
                 && symbol.Kind is not SymbolKind.Fleet and not SymbolKind.Unknown && CollateralRules.TryCollateralKind(symbol.Kind, out _))
        {
            _diagnostics.Add(DiagnosticCatalogue.MarketSaleNotOneFleet(assets[0].Span, $"'{assets[0].Text}' is a {symbol.Kind.Keyword()}, sold whole"));
        }
    }

    // Coins are collateral (docs/language.md §9): a sale of coins that hold none at the closing realises nothing, as
    // mined coins are sold as mined and never join the holdings (DL0754, a warning: the deal still runs).
    private void CheckCoinsSale(SellSyntax sale)
    {
        foreach (NameSyntax asset in SyntaxWalk.Safe(sale.Assets))
        {
            if (_analysis.Symbols.TryLookup(asset.Text, out Symbol symbol) && symbol.Declaration is CoinsSyntax coins
                && _analysis.BoundOf(coins.Holdings) is Model.ConstantExpression { Value: <= 0.0 })
            {
                _diagnostics.Add(DiagnosticCatalogue.CoinsSoldButNoneHeld(asset.Span, asset.Text));
            }
        }
    }

    // 'over N periods' spreads a sale of coins into their market (docs/language.md §9): every other kind is sold at
    // once, or a fleet into the repo market, so listing one beside it is DL0756. The spread must fit the workout limit
    // that bounds every lag (DL0757), or a default in the deal's last period could never see it through.
    private void CheckSpreadSale(SellSyntax sale)
    {
        if (sale.Spread is not { } spread)
        {
            return;
        }

        foreach (NameSyntax asset in SyntaxWalk.Safe(sale.Assets))
        {
            if (_analysis.Symbols.TryLookup(asset.Text, out Symbol symbol)
                && symbol.Kind is not SymbolKind.Coins and not SymbolKind.Unknown && CollateralRules.TryCollateralKind(symbol.Kind, out _))
            {
                _diagnostics.Add(DiagnosticCatalogue.SpreadNotOnCoins(asset.Span,
                    $"'{asset.Text}' is a {symbol.Kind.Keyword()}, sold {(sale.Market is null ? "at once" : "into the repo market")}; sell the coins in a sale of their own"));
            }
        }

        if (Frequency is { } frequency)
        {
            int perPeriod = Frequencies.MonthsPerPeriod(frequency);
            int limit = DurationRules.MaxWorkoutMonths / perPeriod;
            if (spread.Periods > limit)
            {
                _diagnostics.Add(DiagnosticCatalogue.SpreadBeyondWorkout(spread.Span, spread.Periods, limit, DurationRules.MaxWorkoutMonths / 12));
            }
        }
    }

    // 'price yield 14%' and 'price LoanMarks' price a loan (docs/language.md §9, "A loan's market price"): a facility,
    // a fleet or coins listed in the same sale is sold at its own value, which neither gives (DL0525).
    private void CheckLoanPrice(SellSyntax sale)
    {
        if (sale.Price is null)
        {
            return;
        }

        foreach (NameSyntax asset in SyntaxWalk.Safe(sale.Assets))
        {
            if (_analysis.Symbols.TryLookup(asset.Text, out Symbol symbol)
                && symbol.Kind is not SymbolKind.Loan and not SymbolKind.Unknown && CollateralRules.TryCollateralKind(symbol.Kind, out _))
            {
                _diagnostics.Add(DiagnosticCatalogue.LoanPriceUnused(asset.Span,
                    $"'{asset.Text}' is a {symbol.Kind.Keyword()}, sold at its value less the haircut; only loans are sold at a market price: sell the {symbol.Kind.Keyword()} in a sale of its own"));
            }
        }
    }

    // 'subject to lease' (docs/language.md §9, "subject-to-lease") makes a facility's sale wait for the leases of it to end:
    // every listed asset must be a facility that a lease of the deal is on (DL0232), or there is nothing to wait for.
    private void CheckSubjectToLease(SellSyntax sale)
    {
        if (sale.SubjectToLease is null)
        {
            return;
        }

        var leased = SyntaxWalk.Safe(Deal.Declarations).OfType<LeaseSyntax>().Select(l => l.Facility?.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (NameSyntax asset in SyntaxWalk.Safe(sale.Assets))
        {
            if (!_analysis.Symbols.TryLookup(asset.Text, out Symbol symbol) || symbol.Kind is SymbolKind.Unknown || !CollateralRules.TryCollateralKind(symbol.Kind, out _))
            {
                continue; // an unknown name or one that is no collateral has its own diagnostic
            }

            if (symbol.Kind is not SymbolKind.Facility)
            {
                _diagnostics.Add(DiagnosticCatalogue.SubjectToLeaseWithoutLease(asset.Span, asset.Text, $"is a {symbol.Kind.Keyword()}, which no lease is on"));
            }
            else if (!leased.Contains(asset.Text))
            {
                _diagnostics.Add(DiagnosticCatalogue.SubjectToLeaseWithoutLease(asset.Span, asset.Text, "is a facility no lease of the deal is on"));
            }
        }
    }

    /// <summary>Whether an enforcement sale of the deal prices its loans at a yield (so a scenario's yield applies).</summary>
    private bool SellsLoansAtAYield() => SyntaxWalk.Safe(Deal.Declarations).OfType<EnforcementSyntax>()
        .SelectMany(e => SyntaxWalk.Safe(e.Sales)).Any(s => s.Price?.Yield is not null);

    /// <summary>Whether an enforcement sale of the deal sells into the repo market (so a scenario's market levers apply).</summary>
    private bool SellsIntoMarket() => SyntaxWalk.Safe(Deal.Declarations).OfType<EnforcementSyntax>()
        .SelectMany(e => SyntaxWalk.Safe(e.Sales)).Any(s => s.Market is not null);

    // 'cfads includes rvg': the one-off receipts a term sheet may count in CFADS. Today that is the RVG only
    // (sale proceeds arrive after the tests and end the deal, so counting them could change nothing).
    private void CheckCfadsRules(List<CfadsRuleSyntax> rules)
    {
        string[] known = ["rvg"];
        foreach (CfadsRuleSyntax rule in rules)
        {
            foreach (NameSyntax item in SyntaxWalk.Safe(rule.Included))
            {
                if (!known.Contains(item.Text, StringComparer.Ordinal))
                {
                    _diagnostics.Add(DiagnosticCatalogue.UnknownCfadsItem(item.Span, item.Text, NameSuggestions.Closest(item.Text, known)));
                }
            }
        }
    }
}
