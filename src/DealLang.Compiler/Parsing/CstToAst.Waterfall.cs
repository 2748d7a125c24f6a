using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The waterfall, its steps, and the enforcement block (sales and the post-default waterfall).
internal sealed partial class CstToAst
{
    // waterfallDecl : WATERFALL LBRACE step* RBRACE ;
    private WaterfallSyntax VisitWaterfallDecl(WaterfallDeclContext context) =>
        new(VisitSteps(context.step()), Span(context));

    private ImmutableArray<StepSyntax> VisitSteps(IEnumerable<StepContext> steps)
    {
        var result = ImmutableArray.CreateBuilder<StepSyntax>();
        foreach (StepContext step in steps)
        {
            if (VisitStep(step) is { } syntax)
            {
                result.Add(syntax);
            }
        }

        return result.ToImmutable();
    }

    // step
    //     : PAY target=reference (USING ident (COMMA ident)*)?        # payStep
    //     | FILL ident                                                # fillStep
    //     | RELEASE ident                                             # releaseStep
    //     | HOLD REST IN ident                                        # holdStep
    //     | DISTRIBUTE REST TO ident                                  # distributeStep
    //     | SWEEP share=QUANTITY OF REST TO ident                     # sweepStep
    //     | SELL ident (COMMA ident)* PRO_RATA? TO COVER target=reference   # sellStep
    //     | IF expr LBRACE step* RBRACE (ELSE LBRACE step* RBRACE)?   # ifStep
    //     | PRO_RATA LBRACE step* RBRACE                              # proRataStep
    //     ;
    private StepSyntax? VisitStep(StepContext context)
    {
        switch (context)
        {
            case PayStepContext pay:
                return VisitPayStep(pay);
            case FillStepContext fill:
                return VisitIdent(fill.ident()) is { } filled ? new FillStepSyntax(filled, Span(fill)) : null;
            case ReleaseStepContext release:
                return VisitIdent(release.ident()) is { } released ? new ReleaseStepSyntax(released, Span(release)) : null;
            case HoldStepContext hold:
                return VisitIdent(hold.ident()) is { } held ? new HoldStepSyntax(held, Span(hold)) : null;
            case DistributeStepContext distribute:
                return VisitDistributeStep(distribute);
            case SweepStepContext sweep:
                return Matched(sweep.share) is { } shareToken && VisitQuantityValue(shareToken, Literals.ValueSuffixes) is { } share
                    && VisitIdent(sweep.ident()) is { } tranche
                    ? new SweepStepSyntax(tranche, share, Span(sweep))
                    : null;
            case SellStepContext sell:
            {
                // The names sold in the order written; one that cannot be read drops the step (its error said why).
                var names = sell.ident().Select(VisitIdent).ToList();
                return names.Count > 0 && names.All(n => n is not null) && VisitReference(sell.target) is { } cover
                    ? new SellStepSyntax(names[0]!, new PayStepSyntax(cover, [], cover.Span), Span(sell), [.. names.Skip(1).Select(n => n!)])
                    {
                        ProRata = sell.PRO_RATA() is { } proRata ? Span(proRata.Symbol) : null,
                    }
                    : null;
            }
            case IfStepContext ifStep:
                return VisitIfStep(ifStep);
            case ProRataStepContext proRata:
                return new ProRataStepSyntax(VisitSteps(proRata.step()), Span(proRata), ByBalance: proRata.BALANCE() is not null);
            case SequentialStepContext sequential:
                return new SequentialStepSyntax(VisitSteps(sequential.step()), Span(sequential));
            default:
                return null;
        }
    }

    // DISTRIBUTE (share=QUANTITY OF)? REST TO ident   # distributeStep
    // A share with a value suffix other than a rate is read as written and checked (DL0302) with the other units.
    private DistributeStepSyntax? VisitDistributeStep(DistributeStepContext context)
    {
        LiteralSyntax? share = null;
        if (Matched(context.share) is { } token && (share = VisitQuantityValue(token, Literals.ValueSuffixes)) is null)
        {
            return null; // an unknown suffix, reported
        }

        return VisitIdent(context.ident()) is { } equity ? new DistributeStepSyntax(equity, Span(context), share) : null;
    }

    // PAY target=reference (USING ident (COMMA ident)*)?   # payStep
    private PayStepSyntax? VisitPayStep(PayStepContext context)
    {
        if (VisitReference(context.target) is not { } target)
        {
            return null;
        }

        return new PayStepSyntax(target, VisitNames(context.ident()), Span(context));
    }

    // IF expr LBRACE step* RBRACE (ELSE LBRACE step* RBRACE)?   # ifStep
    private IfStepSyntax? VisitIfStep(IfStepContext context)
    {
        // Both branches are children of one context; 'else' divides them.
        int elseIndex = Matched(context.ELSE())?.TokenIndex ?? int.MaxValue;
        StepContext[] steps = context.step();
        ImmutableArray<StepSyntax> then = VisitSteps(steps.Where(s => s.Start.TokenIndex < elseIndex));
        ImmutableArray<StepSyntax> otherwise = VisitSteps(steps.Where(s => s.Start.TokenIndex > elseIndex));
        ExpressionSyntax? condition = VisitExpr(context.expr());
        return condition is null ? null : new IfStepSyntax(condition, then, otherwise, Span(context));
    }

    // enforcementDecl : ENFORCEMENT LBRACE enforcementItem* RBRACE ;
    // enforcementItem : SELL ident (COMMA ident)* (sellTerm | subjectToLease)* # sellItem | waterfallDecl # enforcementWaterfallItem ;
    private EnforcementSyntax VisitEnforcementDecl(EnforcementDeclContext context)
    {
        var items = new ItemSet(this, "the enforcement block");
        var sales = ImmutableArray.CreateBuilder<SellSyntax>();
        WaterfallSyntax? waterfall = null;
        foreach (EnforcementItemContext item in context.enforcementItem())
        {
            switch (item)
            {
                case SellItemContext sell when VisitSellItem(sell) is { } sale:
                    sales.Add(sale);
                    break;
                case EnforcementWaterfallItemContext w when w.waterfallDecl() is { } declaration:
                    items.Keep(ref waterfall, "waterfall", w, VisitWaterfallDecl(declaration));
                    break;
            }
        }

        return new EnforcementSyntax(sales.ToImmutable(), waterfall, Span(context));
    }

    // SELL ident (COMMA ident)* (sellTerm | subjectToLease)*   # sellItem ;  subjectToLease : SUBJECT TO LEASE ;
    private SellSyntax? VisitSellItem(SellItemContext context)
    {
        ImmutableArray<NameSyntax> assets = VisitNames(context.ident());
        if (assets.IsEmpty)
        {
            return null;
        }

        string container = $"'sell {string.Join(", ", assets)}'";
        (ExpressionSyntax? haircut, DurationSyntax? lag, MarketTermsSyntax? market, SpreadSyntax? spread, LoanPriceSyntax? price) =
            VisitSellTerms(context.sellTerm(), container);
        // Written twice, the second is DL0105 (as any term written twice), and the first stands.
        var items = new ItemSet(this, container);
        SourceSpan? subject = null;
        foreach (SubjectToLeaseContext term in context.subjectToLease())
        {
            if (items.IsFirst("subject to lease", Span(term)))
            {
                subject = Span(term);
            }
        }

        return new SellSyntax(assets, haircut, lag, Span(context), market, spread, price, subject);
    }

    // sellTerm : HAIRCUT expr # haircutTerm | LAG duration # lagTerm | OVER NUMBER PERIODS # spreadTerm
    //          | DEPTH expr PER MONTH # depthTerm | IMPACT expr # impactTerm | LIMIT expr PER MONTH # limitTerm
    //          | COSTS expr # costsTerm | KEEP CONTRACTS # keepContractsTerm | RESERVE expr # reserveTerm
    //          | PRICE YIELD expr # priceYieldTerm | PRICE ident # priceIndexTerm
    //          | RELET IDLE AT utilisation=expr reletRamp? (FOR window=duration)? reletPricing? # reletIdleTerm
    //          | HALF_LIFE duration # halfLifeTerm ;
    private (ExpressionSyntax? Haircut, DurationSyntax? Lag, MarketTermsSyntax? Market, SpreadSyntax? Spread, LoanPriceSyntax? Price) VisitSellTerms(
        SellTermContext[] terms, string container)
    {
        var items = new ItemSet(this, container);
        ExpressionSyntax? haircut = null, depth = null, impact = null, limit = null, costs = null, reserve = null;
        DurationSyntax? lag = null, halfLife = null;
        KeepContractsSyntax? keep = null;
        ReletIdleSyntax? relet = null;
        SpreadSyntax? spread = null;
        LoanPriceSyntax? price = null;
        foreach (SellTermContext term in terms)
        {
            switch (term)
            {
                case HaircutTermContext h: items.Keep(ref haircut, "haircut", h, VisitExpr(h.expr())); break;
                case LagTermContext l: items.Keep(ref lag, "lag", l, VisitDuration(l.duration())); break;
                case SpreadTermContext o: items.Keep(ref spread, "over", o, VisitSpread(o)); break;
                case DepthTermContext d: items.Keep(ref depth, "depth", d, VisitExpr(d.expr())); break;
                case ImpactTermContext i: items.Keep(ref impact, "impact", i, VisitExpr(i.expr())); break;
                case LimitTermContext m: items.Keep(ref limit, "limit", m, VisitExpr(m.expr())); break;
                case CostsTermContext c: items.Keep(ref costs, "costs", c, VisitExpr(c.expr())); break;
                case ReserveTermContext r: items.Keep(ref reserve, "reserve", r, VisitExpr(r.expr())); break;
                case KeepContractsTermContext k: items.Keep(ref keep, "keep contracts", k, new KeepContractsSyntax(true, Span(k))); break;
                // A yield and an index are two ways of stating one price: either is 'price', written once.
                case PriceYieldTermContext y: items.Keep(ref price, "price", y, VisitExpr(y.expr()) is { } yield ? new LoanPriceSyntax(yield, null, Span(y)) : null); break;
                case PriceIndexTermContext i: items.Keep(ref price, "price", i, VisitIdent(i.ident()) is { } index ? new LoanPriceSyntax(null, index, Span(i)) : null); break;
                case ReletIdleTermContext r:
                {
                    var (rampTo, rampOver, drawnTo) = VisitReletRamp(r.reletRamp());
                    // A drawn utilisation ('at beta mean m sd s …') stands as its mean where a fixed one is read; a curve's first level likewise.
                    BetaRecoverySyntax? drawn = r.drawnUtilisation is { } d ? ShareDraw(d) : null;
                    ReletCurveSyntax? curve = VisitReletCurve(r.reletCurve());
                    ExpressionSyntax? utilisation = curve is null ? drawn?.Mean ?? VisitExpr(r.utilisation) : FirstLevel(curve);
                    items.Keep(ref relet, "relet idle", r, new ReletIdleSyntax(true, utilisation, r.window is { } window ? VisitDuration(window) : null, Span(r))
                    {
                        Curve = curve,
                        RampTo = rampTo,
                        RampOver = rampOver,
                        Price = VisitReletPricing(r.reletPricing()),
                        Drawn = drawn,
                        DrawnTo = drawnTo,
                    });
                    break;
                }

                case HalfLifeTermContext h: items.Keep(ref halfLife, "half_life", h, VisitDuration(h.duration())); break;
            }
        }

        // A half-life on a sale spread over periods is the coins market's memory from one period of the spread to the
        // next (docs/language.md §9, "coin-impact-carry"), the spread's term; written on a spread whose count is wrong
        // (DL0106, no spread) it goes with it. Elsewhere it is the repo market's.
        bool spreadWritten = terms.Any(t => t is SpreadTermContext);
        if (spreadWritten && halfLife is not null)
        {
            spread = spread is null ? null : spread with { HalfLife = halfLife };
            halfLife = null;
        }

        // The workout's terms (keep contracts, a reserve, a re-let of idle units) and the impact's half-life are the repo
        // market's: a sale sells units only into one.
        MarketTermsSyntax? market = depth is null && impact is null && limit is null && costs is null && reserve is null && keep is null && relet is null
            && halfLife is null
            ? null
            : new MarketTermsSyntax(depth, impact, limit, costs, reserve, keep, relet, halfLife);
        return (haircut, lag, market, spread, price);
    }

    // reletRamp : RISING TO (drawnTo=shareDraw | to=expr) OVER over=duration ;  (a sale's re-let of idle units and a
    // contract's re-let share it); a drawn end ('rising to beta …') stands as its mean in To.
    private (ExpressionSyntax? To, DurationSyntax? Over, BetaRecoverySyntax? DrawnTo) VisitReletRamp(ReletRampContext? ramp)
    {
        if (ramp is null)
        {
            return (null, null, null);
        }

        BetaRecoverySyntax? drawn = ramp.drawnTo is { } d ? ShareDraw(d) : null;
        return (drawn?.Mean ?? VisitExpr(ramp.to), ramp.over is { } over ? VisitDuration(over) : null, drawn);
    }

    // reletCurve : CURVE LBRACE reletCurvePoint* RBRACE ;  reletCurvePoint : duration (drawnLevel=shareDraw | level=expr) COMMA? ;
    // (docs/language.md §9, "relet-curve"); a point whose duration or level did not parse is left out (its error reported).
    private ReletCurveSyntax? VisitReletCurve(ReletCurveContext? curve)
    {
        if (curve is null)
        {
            return null;
        }

        // After a syntax error inside the curve (a month without its unit, '3 55%'), the parser's recovery pairs each
        // level with the next month ('55%' read as a month, '9m' as a level): the points from the error on are not the
        // ones written, and reading them would add an error for every one (DL0104 'expected a duration, found 55%') to
        // the one syntax error that says what is wrong. They are left unread.
        int errorAt = FirstErrorToken(curve);
        var points = ImmutableArray.CreateBuilder<ReletCurvePointSyntax>();
        foreach (ReletCurvePointContext point in curve.reletCurvePoint())
        {
            if (point.Start.TokenIndex >= errorAt || point.exception is not null)
            {
                break;
            }

            BetaRecoverySyntax? drawn = point.drawnLevel is { } d ? ShareDraw(d) : null;
            if (VisitDuration(point.duration()) is { } at && (drawn?.Mean ?? VisitExpr(point.level)) is { } level)
            {
                points.Add(new ReletCurvePointSyntax(at, level, Span(point)) { Drawn = drawn });
            }
        }

        return new ReletCurveSyntax(points.ToImmutable(), Span(curve));
    }

    // The token index of the first token the parser could not place inside the node, or of the first rule inside it that
    // failed (int.MaxValue where none; the node's own failure, a missing '}', leaves the points before it as written).
    private static int FirstErrorToken(IParseTree node)
    {
        var stack = new Stack<IParseTree>();
        stack.Push(node);
        int first = int.MaxValue;
        while (stack.Count > 0)
        {
            IParseTree tree = stack.Pop();
            if (tree is IErrorNode error && error.Symbol.TokenIndex >= 0) // a conjured missing token ('}') has index -1
            {
                first = Math.Min(first, error.Symbol.TokenIndex);
            }
            else if (tree is ParserRuleContext { exception: not null } failed && !ReferenceEquals(tree, node))
            {
                first = Math.Min(first, failed.Start.TokenIndex);
            }

            for (int i = 0; i < tree.ChildCount; i++)
            {
                stack.Push(tree.GetChild(i));
            }
        }

        return first;
    }

    // The level a re-let of a curve starts at (its first point's), where a flat re-let's utilisation is read.
    private static ExpressionSyntax? FirstLevel(ReletCurveSyntax curve) => curve.Points.IsEmpty ? null : curve.Points[0].Level;

    // reletPricing : PRICE expr ;
    private ExpressionSyntax? VisitReletPricing(ReletPricingContext? pricing) => pricing is null ? null : VisitExpr(pricing.expr());

    // OVER NUMBER PERIODS: the periods a sale of coins is spread over, a whole number of at least 1 (DL0106).
    private SpreadSyntax? VisitSpread(SpreadTermContext context) =>
        VisitWholeNumber(context.NUMBER()?.Symbol, "the periods a sale is spread over", 1) is { } periods
            ? new SpreadSyntax(periods, Span(context))
            : null;

    private ImmutableArray<NameSyntax> VisitNames(IdentContext[] idents)
    {
        var names = ImmutableArray.CreateBuilder<NameSyntax>(idents.Length);
        foreach (IdentContext ident in idents)
        {
            if (VisitIdent(ident) is { } name)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }
}
