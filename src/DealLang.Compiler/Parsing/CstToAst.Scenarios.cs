using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Scenarios: deterministic overrides of a deal's assumptions.
internal sealed partial class CstToAst
{
    // scenarioDecl : SCENARIO name=ident FOR deal=ident LBRACE scenarioItem* RBRACE ;
    private ScenarioSyntax? VisitScenarioDecl(ScenarioDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name || VisitIdent(context.deal) is not { } deal)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<ScenarioItemSyntax>();
        foreach (ScenarioItemContext item in context.scenarioItem())
        {
            if (VisitScenarioItem(item, name) is { } syntax)
            {
                items.Add(syntax);
            }
        }

        return new ScenarioSyntax(name, deal, items.ToImmutable(), Span(context));
    }

    // scenarioItem
    //     : lease=ident RENEWALS TAKEN NUMBER          # renewalsTakenItem
    //     | path=reference (DEFLATE | GROW) expr perYear (VOLATILITY expr perYear)?   # deflateItem
    //     | path=reference DROP expr BY DATE           # dropItem
    //     | party=ident DEFAULTS (ON DATE loading* recoveryDraw? | DRAWN (PD expr perYear pdStep*)? loading* recoveryDraw?)   # partyDefaultsItem (drawn: stochastic)
    //     | ENFORCEMENT sellTerm+                      # enforcementOverrideItem
    //     | ENFORCEMENT SELL ALL                       # enforcementSellAllItem
    //     | ENFORCEMENT NOT RELET IDLE                 # enforcementNotReletItem
    //     | index=ident LEVEL expr                                        # indexLevelOverrideItem
    //     | index=ident POINTS pointsKind LBRACE schedulePoint* RBRACE    # indexPointsOverrideItem
    //     | index=ident LAUNCH DATE DOWN expr                             # indexLaunchOverrideItem
    //     | index=ident SHIFT PLUS? expr                                  # indexShiftItem
    //     | contract=ident UTILISATION expr                               # utilisationItem
    //     | contract=ident RELET AFTER duration AT (drawnUtilisation=shareDraw | utilisation=expr) reletRamp? reletPricing?   # reletItem
    //     | contract=ident NOT RELET                                      # notReletItem
    //     | PATHS NUMBER | SEED NUMBER | ANTITHETIC | SOBOL                 # stochastic items
    //     | index=ident GBM DRIFT expr perYear VOLATILITY expr perYear
    //     | index=ident REVERTS TO (TREND | expr) SPEED expr perYear VOLATILITY expr perYear
    //     | index=ident JUMPS expr perYear DOWN expr
    //     | CORRELATE reference WITH reference expr (STRESS expr)?
    //     | REGIMES STRESS expr perYear NORMAL expr perYear
    //     ;
    // loading : LOADING factor=reference beta=expr ; null when any of them did not parse.
    private ImmutableArray<LoadingSyntax>? VisitLoadings(LoadingContext[] contexts)
    {
        var loadings = ImmutableArray.CreateBuilder<LoadingSyntax>();
        foreach (LoadingContext loading in contexts)
        {
            ReferenceSyntax? factor = VisitReference(loading.factor);
            ExpressionSyntax? beta = VisitExpr(loading.beta);
            if (factor is null || beta is null)
            {
                return null;
            }

            loadings.Add(new LoadingSyntax(factor, beta, Span(loading)));
        }

        return loadings.ToImmutable();
    }

    // recoveryDraw
    //     : RECOVERY BETA MEAN mean=expr SD sd=expr loading*                      # betaRecovery
    //     | RECOVERY DRAWN AT recoveryOutcome (COMMA recoveryOutcome)* loading*   # outcomesRecovery
    //     ;
    // recoveryOutcome : rate=expr WITH p=expr ;
    // null when absent or when any part did not parse.
    private RecoveryDrawSyntax? VisitRecoveryDraw(RecoveryDrawContext? draw)
    {
        switch (draw)
        {
            case BetaRecoveryContext beta:
            {
                ExpressionSyntax? mean = VisitExpr(beta.mean), sd = VisitExpr(beta.sd);
                ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(beta.loading());
                return mean is null || sd is null || loadings is null ? null : new BetaRecoverySyntax(mean, sd, Span(beta)) { Loadings = loadings.Value };
            }

            case OutcomesRecoveryContext drawn:
            {
                var outcomes = ImmutableArray.CreateBuilder<RecoveryOutcomeSyntax>();
                foreach (RecoveryOutcomeContext outcome in drawn.recoveryOutcome())
                {
                    ExpressionSyntax? rate = VisitExpr(outcome.rate), probability = VisitExpr(outcome.p);
                    if (rate is null || probability is null)
                    {
                        return null;
                    }

                    outcomes.Add(new RecoveryOutcomeSyntax(rate, probability, Span(outcome)));
                }

                BetaRecoverySyntax? rest = null;
                if (drawn.recoveryRest() is { } beta)
                {
                    ExpressionSyntax? mean = VisitExpr(beta.mean), sd = VisitExpr(beta.sd);
                    if (mean is null || sd is null)
                    {
                        return null;
                    }

                    rest = new BetaRecoverySyntax(mean, sd, Span(beta));
                }

                ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(drawn.loading());
                return loadings is null ? null : new OutcomesRecoverySyntax(outcomes.ToImmutable(), Span(drawn)) { Loadings = loadings.Value, Rest = rest };
            }

            default:
                return null;
        }
    }

    // shareDraw : BETA MEAN mean=expr SD sd=expr loading* ; a partial payment's drawn share, a beta with its loadings as
    // a drawn recovery's (so the checks and the lowering read it as one); null when any part did not parse.
    private BetaRecoverySyntax? ShareDraw(ShareDrawContext draw)
    {
        ExpressionSyntax? mean = VisitExpr(draw.mean), sd = VisitExpr(draw.sd);
        ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(draw.loading());
        return mean is null || sd is null || loadings is null ? null : new BetaRecoverySyntax(mean, sd, Span(draw)) { Loadings = loadings.Value };
    }

    // delayOutcome : MINUS? duration WITH p=expr ; a drawn delay's or a drawn workout lag's outcomes, null when any did
    // not parse.
    private ImmutableArray<DelayOutcomeSyntax>? VisitDelayOutcomes(DelayOutcomeContext[] contexts)
    {
        var outcomes = ImmutableArray.CreateBuilder<DelayOutcomeSyntax>();
        foreach (DelayOutcomeContext outcome in contexts)
        {
            DurationSyntax? delay = VisitDuration(outcome.duration());
            ExpressionSyntax? probability = VisitExpr(outcome.p);
            if (delay is null || probability is null)
            {
                return null;
            }

            outcomes.Add(new DelayOutcomeSyntax(delay, outcome.MINUS() is not null, probability, Span(outcome)));
        }

        return outcomes.ToImmutable();
    }

    private ScenarioItemSyntax? VisitScenarioItem(ScenarioItemContext context, NameSyntax scenario)
    {
        switch (context)
        {
            case RenewalsTakenItemContext taken:
            {
                NameSyntax? lease = VisitIdent(taken.lease);
                int? count = VisitWholeNumber(Matched(taken.NUMBER()), "the number of renewals taken", minimum: 0);
                return lease is null || count is null ? null : new RenewalsTakenSyntax(lease, count.Value, Span(taken));
            }

            // lease=ident BREAKS (IN RENEWAL renewal=NUMBER)? AT duration
            case LeaseBreaksItemContext breaks:
            {
                NameSyntax? lease = VisitIdent(breaks.lease);
                DurationSyntax? at = VisitDuration(breaks.duration());
                int? renewal = null;
                if (Matched(breaks.renewal) is { } number && (renewal = VisitWholeNumber(number, "the renewal broken", minimum: 1)) is null)
                {
                    return null;
                }

                return lease is null || at is null ? null : new LeaseBreaksSyntax(lease, at, Span(breaks)) { Renewal = renewal };
            }

            // lease=ident BREAKS DRAWN (IN RENEWAL renewal=NUMBER)? AT breakChance (COMMA breakChance)* loading*
            case BreaksDrawnItemContext drawnBreaks:
            {
                NameSyntax? lease = VisitIdent(drawnBreaks.lease);
                int? renewal = null;
                if (Matched(drawnBreaks.renewal) is { } number && (renewal = VisitWholeNumber(number, "the renewal broken", minimum: 1)) is null)
                {
                    return null;
                }

                var chances = ImmutableArray.CreateBuilder<BreakChanceSyntax>();
                foreach (BreakChanceContext chance in drawnBreaks.breakChance())
                {
                    DurationSyntax? at = VisitDuration(chance.duration());
                    ExpressionSyntax? probability = VisitExpr(chance.p);
                    if (at is null || probability is null)
                    {
                        return null;
                    }

                    chances.Add(new BreakChanceSyntax(at, probability, Span(chance)));
                }

                ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(drawnBreaks.loading());
                return lease is null || loadings is null
                    ? null
                    : new BreaksDrawnSyntax(lease, chances.ToImmutable(), loadings.Value, Span(drawnBreaks)) { Renewal = renewal };
            }

            // lease=ident RENEWALS DRAWN p=expr loading*
            case RenewalsDrawnItemContext drawnRenewals:
            {
                NameSyntax? lease = VisitIdent(drawnRenewals.lease);
                ExpressionSyntax? probability = VisitExpr(drawnRenewals.p);
                ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(drawnRenewals.loading());
                return lease is null || probability is null || loadings is null
                    ? null
                    : new RenewalsDrawnSyntax(lease, probability, loadings.Value, Span(drawnRenewals));
            }

            case DeflateItemContext deflate:
            {
                ReferenceSyntax? path = VisitReference(deflate.path);
                ExpressionSyntax? rate = VisitExpr(deflate.rate);
                ExpressionSyntax? volatility = deflate.vol is null ? null : VisitExpr(deflate.vol);
                return path is null || rate is null || (deflate.vol is not null && volatility is null)
                    ? null
                    : new DeflateSyntax(path, rate, Span(deflate), volatility, Grows: deflate.GROW() is not null);
            }

            case PathsItemContext paths:
            {
                int? count = VisitWholeNumber(Matched(paths.NUMBER()), "the number of paths", minimum: 1);
                return count is null ? null : new PathsSyntax(count.Value, Span(paths));
            }

            case SeedItemContext seed:
            {
                int? value = VisitWholeNumber(Matched(seed.NUMBER()), "the seed", minimum: 0);
                return value is null ? null : new SeedSyntax((ulong)value.Value, Span(seed));
            }

            case AntitheticItemContext antithetic:
                return new AntitheticSyntax(Span(antithetic));

            case SobolItemContext sobol:
                return new SobolSyntax(Span(sobol));

            case GbmItemContext gbm:
            {
                NameSyntax? index = VisitIdent(gbm.index);
                ExpressionSyntax? drift = VisitExpr(gbm.drift);
                ExpressionSyntax? volatility = VisitExpr(gbm.vol);
                return index is null || drift is null || volatility is null
                    ? null
                    : new IndexProcessSyntax(index, drift, null, null, volatility, Span(gbm));
            }

            case RevertsItemContext reverts:
            {
                NameSyntax? index = VisitIdent(reverts.index);
                ExpressionSyntax? toward = reverts.toward is null ? null : VisitExpr(reverts.toward);
                ExpressionSyntax? speed = VisitExpr(reverts.speed);
                ExpressionSyntax? volatility = VisitExpr(reverts.vol);
                return index is null || speed is null || volatility is null || (reverts.toward is not null && toward is null)
                    ? null
                    : new IndexProcessSyntax(index, null, toward, speed, volatility, Span(reverts));
            }

            case JumpsItemContext jumps:
            {
                NameSyntax? index = VisitIdent(jumps.index);
                ExpressionSyntax? rate = VisitExpr(jumps.rate);
                ExpressionSyntax? down = VisitExpr(jumps.down);
                return index is null || rate is null || down is null ? null : new JumpsSyntax(index, rate, down, Span(jumps));
            }

            case CorrelateItemContext correlate:
            {
                ReferenceSyntax? a = VisitReference(correlate.a);
                ReferenceSyntax? b = VisitReference(correlate.b);
                ExpressionSyntax? normal = VisitExpr(correlate.normal);
                ExpressionSyntax? stress = correlate.stress is null ? null : VisitExpr(correlate.stress);
                return a is null || b is null || normal is null || (correlate.stress is not null && stress is null)
                    ? null
                    : new CorrelateSyntax(a, b, normal, stress, Span(correlate));
            }

            case RegimesItemContext regimes:
            {
                ExpressionSyntax? toStress = VisitExpr(regimes.toStress);
                ExpressionSyntax? toNormal = VisitExpr(regimes.toNormal);
                return toStress is null || toNormal is null ? null : new RegimesSyntax(toStress, toNormal, Span(regimes));
            }

            case DropItemContext drop:
            {
                ReferenceSyntax? path = VisitReference(drop.path);
                ExpressionSyntax? fraction = VisitExpr(drop.expr());
                DateSyntax? by = VisitDate(drop.DATE());
                return path is null || fraction is null || by is null ? null : new DropSyntax(path, fraction, by, Span(drop));
            }

            case UtilisationItemContext utilisation:
            {
                NameSyntax? contract = VisitIdent(utilisation.contract);
                ExpressionSyntax? share = VisitExpr(utilisation.expr());
                return contract is null || share is null ? null : new UtilisationSyntax(contract, share, Span(utilisation));
            }

            case ReletItemContext relet:
            {
                NameSyntax? contract = VisitIdent(relet.contract);
                DurationSyntax? after = VisitDuration(relet.duration());
                // A drawn utilisation ('at beta mean m sd s …') stands as its mean where a fixed one is read.
                BetaRecoverySyntax? drawn = relet.drawnUtilisation is { } d ? ShareDraw(d) : null;
                // A curve's first level stands where a flat re-let's utilisation is read (docs/language.md §5, "contract-relet-curve").
                ReletCurveSyntax? curve = VisitReletCurve(relet.reletCurve());
                ExpressionSyntax? share = curve is null ? drawn?.Mean ?? VisitExpr(relet.utilisation) : FirstLevel(curve);
                var (rampTo, rampOver, drawnTo) = VisitReletRamp(relet.reletRamp());
                // A curve of no point has no first level: kept, so that the checks say what it lacks (DL0515).
                return contract is null || after is null || (share is null && curve is null) ? null : new ReletSyntax(contract, after, share, Span(relet))
                {
                    RampTo = rampTo,
                    RampOver = rampOver,
                    Price = VisitReletPricing(relet.reletPricing()),
                    Drawn = drawn,
                    DrawnTo = drawnTo,
                    Curve = curve,
                };
            }

            case GuaranteeHonouredItemContext honoured:
            {
                // A share with a suffix other than a rate is read as written and checked with the units (DL0733).
                NameSyntax? party = VisitIdent(honoured.party);
                LiteralSyntax? share = null;
                if (Matched(honoured.share) is { } token && (share = VisitQuantityValue(token, Literals.ValueSuffixes)) is null)
                {
                    return null;
                }

                return party is null ? null : new GuaranteeLeverSyntax(party, share, Disowned: false, From: null, Span(honoured));
            }

            case TrancheCalledItemContext called:
            {
                NameSyntax? tranche = VisitIdent(called.tranche);
                DateSyntax? on = VisitDate(called.DATE());
                ExpressionSyntax? price = called.price is null ? null : VisitExpr(called.price);
                ExpressionSyntax? part = called.part is null ? null : VisitExpr(called.part);
                return tranche is null || on is null || (called.price is not null && price is null) || (called.part is not null && part is null)
                    ? null
                    : new TrancheCalledSyntax(tranche, on, price, Span(called)) { Part = part };
            }

            case TrancheCalledWhenItemContext calledWhen:
            {
                NameSyntax? tranche = VisitIdent(calledWhen.tranche);
                ExpressionSyntax? condition = VisitExpr(calledWhen.condition);
                DateSyntax? from = calledWhen.DATE() is null ? null : VisitDate(calledWhen.DATE());
                ExpressionSyntax? price = calledWhen.price is null ? null : VisitExpr(calledWhen.price);
                ExpressionSyntax? part = calledWhen.part is null ? null : VisitExpr(calledWhen.part);
                return tranche is null || condition is null || (calledWhen.DATE() is not null && from is null)
                    || (calledWhen.price is not null && price is null) || (calledWhen.part is not null && part is null)
                    ? null
                    : new TrancheCalledWhenSyntax(tranche, condition, from, price, Span(calledWhen)) { Part = part };
            }

            case TrancheConvertsItemContext converts:
            {
                NameSyntax? tranche = VisitIdent(converts.tranche);
                ExpressionSyntax? part = VisitExpr(converts.part);
                return tranche is null || part is null ? null : new TrancheConvertsSyntax(tranche, part, Span(converts));
            }

            case LoanPaysItemContext pays:
            {
                NameSyntax? loan = VisitIdent(pays.loan);
                // A drawn share ('pays beta mean m sd s …') stands as its mean where a fixed share is read.
                BetaRecoverySyntax? drawnShare = pays.drawnShare is { } d ? ShareDraw(d) : null;
                ExpressionSyntax? share = drawnShare?.Mean ?? VisitExpr(pays.share);
                // The labels are tokens; the dates' nodes are DATE(0) and DATE(1), in the order written.
                DateSyntax? from = pays.first is null ? null : VisitDate(pays.DATE(0));
                DateSyntax? to = pays.last is null ? null : VisitDate(pays.DATE(pays.first is null ? 0 : 1));
                DurationSyntax? over = pays.over is null ? null : VisitDuration(pays.over);
                return loan is null || share is null || (pays.first is not null && from is null) || (pays.last is not null && to is null)
                    || (pays.over is not null && over is null)
                    ? null
                    : new LoanPaysSyntax(loan, share, from, to, Span(pays))
                    {
                        Drawn = drawnShare,
                        ArrearsOver = over,
                        ArrearsCapitalised = pays.capitalised is not null,
                        ArrearsSpan = pays.over is not null ? Spans.Join(Span(pays.THEN().Symbol), Span(pays.over))
                            : pays.capitalised is not null ? Spans.Join(Span(pays.THEN().Symbol), Span(pays.capitalised))
                            : null,
                    };
            }

            case HoldingMarketLeverItemContext market:
            {
                NameSyntax? holding = VisitIdent(market.holding);
                return holding is null
                    ? null
                    : new HoldingMarketLeverSyntax(holding, VisitHoldingMarket(market.holdingMarketTerm(), Span(market), $"the market of holding '{holding.Text}'"), Span(market));
            }

            case GuaranteeDisownedItemContext disowned:
            {
                NameSyntax? party = VisitIdent(disowned.party);
                DateSyntax? from = disowned.DATE() is null ? null : VisitDate(disowned.DATE());
                return party is null || (disowned.DATE() is not null && from is null)
                    ? null
                    : new GuaranteeLeverSyntax(party, Share: null, Disowned: true, from, Span(disowned));
            }

            case NotReletItemContext notRelet:
            {
                NameSyntax? contract = VisitIdent(notRelet.contract);
                return contract is null ? null : new ReletSyntax(contract, null, null, Span(notRelet));
            }

            case PartyDefaultsItemContext drawn when drawn.DRAWN() is not null:
            {
                NameSyntax? party = VisitIdent(drawn.party);
                ExpressionSyntax? pd = drawn.pd is null ? null : VisitExpr(drawn.pd);
                var loadings = ImmutableArray.CreateBuilder<LoadingSyntax>();
                foreach (LoadingContext loading in drawn.loading())
                {
                    ReferenceSyntax? factor = VisitReference(loading.factor);
                    ExpressionSyntax? beta = VisitExpr(loading.beta);
                    if (factor is null || beta is null)
                    {
                        return null;
                    }

                    loadings.Add(new LoadingSyntax(factor, beta, Span(loading)));
                }

                var steps = ImmutableArray.CreateBuilder<PdStepSyntax>();
                foreach (PdStepContext step in drawn.pdStep())
                {
                    DateSyntax? from = VisitDate(step.DATE());
                    ExpressionSyntax? stepPd = VisitExpr(step.expr());
                    if (from is null || stepPd is null)
                    {
                        return null;
                    }

                    steps.Add(new PdStepSyntax(from, stepPd, Span(step)));
                }

                RecoveryDrawSyntax? recovery = VisitRecoveryDraw(drawn.recoveryDraw());
                return party is null || (drawn.pd is not null && pd is null) || (drawn.recoveryDraw() is not null && recovery is null)
                    ? null
                    : new DrawnDefaultsSyntax(party, pd, loadings.ToImmutable(), Span(drawn)) { Steps = steps.ToImmutable(), Recovery = recovery };
            }

            case PartyDefaultsItemContext defaults:
            {
                NameSyntax? party = VisitIdent(defaults.party);
                DateSyntax? on = VisitDate(defaults.DATE());
                RecoveryDrawSyntax? recovery = VisitRecoveryDraw(defaults.recoveryDraw());
                ImmutableArray<LoadingSyntax>? dateLoadings = VisitLoadings(defaults.loading());
                return party is null || on is null || (defaults.recoveryDraw() is not null && recovery is null) || dateLoadings is null
                    ? null
                    : new PartyDefaultsSyntax(party, on, Span(defaults)) { Recovery = recovery, DateLoadings = dateLoadings.Value };
            }

            case EnforcementOverrideItemContext enforcement:
            {
                (ExpressionSyntax? haircut, DurationSyntax? lag, MarketTermsSyntax? market, SpreadSyntax? spread, LoanPriceSyntax? price) = VisitSellTerms(
                    enforcement.sellTerm(), $"the enforcement override of scenario '{scenario.Text}'");
                if (spread is not null)
                {
                    // The periods a sale is spread over are the deal's term, fixed when it compiles (as its workout's room).
                    Report(DiagnosticCatalogue.SpreadNotOnCoins(spread.Span, "a scenario cannot change it, it is the deal's own sale term"));
                }

                if (price?.Index is { } index)
                {
                    // Which index prices a sale is the deal's term; the index's level is the scenario's lever.
                    Report(DiagnosticCatalogue.LoanPriceUnused(price.Span,
                        $"a scenario cannot change which index prices the loans; move the level of '{index.Text}' instead ('{index.Text} level 80%')"));
                }

                ExpressionSyntax? yield = price?.Yield;
                return haircut is null && lag is null && market is null && yield is null
                    ? null
                    : new EnforcementOverrideSyntax(haircut, lag, Span(enforcement), market) { Yield = yield };
            }

            // 'enforcement sell all': the lender keeps no contract running (the repo market's keep-contracts lever off).
            case EnforcementSellAllItemContext sellAll:
                return new EnforcementOverrideSyntax(null, null, Span(sellAll),
                    new MarketTermsSyntax(null, null, null, null, null, new KeepContractsSyntax(false, Span(sellAll))));

            // 'enforcement not relet idle': no sale re-lets its idle units (the repo market's re-let lever off).
            case EnforcementNotReletItemContext notRelet:
                return new EnforcementOverrideSyntax(null, null, Span(notRelet),
                    new MarketTermsSyntax(null, null, null, null, null, Relet: new ReletIdleSyntax(false, null, null, Span(notRelet))));

            case IndexLevelOverrideItemContext level:
            {
                NameSyntax? index = VisitIdent(level.index);
                ExpressionSyntax? value = VisitExpr(level.expr());
                return index is null || value is null ? null : new IndexLevelOverrideSyntax(index, value, Span(level));
            }

            case IndexPointsOverrideItemContext points:
            {
                NameSyntax? index = VisitIdent(points.index);
                IndexPointsSyntax? value = VisitPoints(points.pointsKind(), points.schedulePoint(), points);
                return index is null || value is null ? null : new IndexPointsOverrideSyntax(index, value, Span(points));
            }

            case IndexLaunchOverrideItemContext launch:
            {
                NameSyntax? index = VisitIdent(launch.index);
                LaunchSyntax? value = VisitLaunch(launch.DATE(), launch.expr(), launch);
                return index is null || value?.Down is null ? null : new IndexLaunchOverrideSyntax(index, value, Span(launch));
            }

            case IndexDelayedItemContext delayed:
            {
                NameSyntax? index = VisitIdent(delayed.index);
                DurationSyntax? delay = VisitDuration(delayed.duration());
                DateSyntax? from = delayed.DATE() is null ? null : VisitDate(delayed.DATE());
                return index is null || delay is null || (delayed.DATE() is not null && from is null)
                    ? null
                    : new IndexDelayedSyntax(index, delay, Span(delayed)) { From = from };
            }

            // index=ident DELAYED DRAWN delayOutcome (COMMA delayOutcome)* (FROM DATE)? loading*
            case IndexDelayDrawnItemContext drawnDelay:
            {
                NameSyntax? index = VisitIdent(drawnDelay.index);
                ImmutableArray<DelayOutcomeSyntax>? outcomes = VisitDelayOutcomes(drawnDelay.delayOutcome());
                DateSyntax? from = drawnDelay.DATE() is null ? null : VisitDate(drawnDelay.DATE());
                ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(drawnDelay.loading());
                return index is null || outcomes is null || (drawnDelay.DATE() is not null && from is null) || loadings is null
                    ? null
                    : new IndexDelayDrawnSyntax(index, outcomes.Value, Span(drawnDelay)) { From = from, Loadings = loadings.Value };
            }

            // party=ident WORKOUT DRAWN delayOutcome (COMMA delayOutcome)* loading*
            case WorkoutDrawnItemContext workout:
            {
                NameSyntax? party = VisitIdent(workout.party);
                ImmutableArray<DelayOutcomeSyntax>? outcomes = VisitDelayOutcomes(workout.delayOutcome());
                ImmutableArray<LoadingSyntax>? loadings = VisitLoadings(workout.loading());
                return party is null || outcomes is null || loadings is null
                    ? null
                    : new WorkoutDrawnSyntax(party, outcomes.Value, Span(workout)) { Loadings = loadings.Value };
            }

            case IndexShiftItemContext shift:
            {
                // '+100bp': the sign is part of the lever as written; the value is the expression's.
                NameSyntax? index = VisitIdent(shift.index);
                ExpressionSyntax? value = VisitExpr(shift.expr());
                return index is null || value is null ? null : new IndexShiftSyntax(index, value, Span(shift));
            }

            default:
                return null;
        }
    }
}
