using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The coins kind's parsing: 'coins Bitcoin { holdings 1500 coins  price BTC  hashrate 12 EH/s … }'. Found by its kind
// through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // coinsDecl : COINS name=ident LBRACE coinsItem* RBRACE ;
    // coinsItem
    //     : HOLDINGS expr        # holdingsItem
    //     | PRICE ident          # coinPriceItem
    //     | HASHRATE expr        # hashrateItem
    //     | NETWORK expr         # networkItem
    //     | REWARDS expr         # rewardsItem
    //     | POWER expr           # coinPowerItem
    //     | POWER_PRICE expr     # coinPowerPriceItem
    //     | DEPTH expr           # coinDepthItem
    //     | IMPACT expr          # coinImpactItem
    //     | KEEP expr            # coinKeepItem
    //     ;
    private CoinsSyntax? VisitCoinsDecl(CoinsDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"coins '{name.Text}'");
        NameSyntax? price = null;
        ExpressionSyntax? holdings = null, hashrate = null, network = null, rewards = null, power = null, powerPrice = null,
            depth = null, impact = null, keep = null;
        foreach (CoinsItemContext item in context.coinsItem())
        {
            switch (item)
            {
                case HoldingsItemContext h:
                    items.Keep(ref holdings, "holdings", h, VisitExpr(h.expr()));
                    break;
                case CoinPriceItemContext p:
                    items.Keep(ref price, "price", p, VisitIdent(p.ident()));
                    break;
                case HashrateItemContext r:
                    items.Keep(ref hashrate, "hashrate", r, VisitExpr(r.expr()));
                    break;
                case NetworkItemContext n:
                    items.Keep(ref network, "network", n, VisitExpr(n.expr()));
                    break;
                case RewardsItemContext w:
                    items.Keep(ref rewards, "rewards", w, VisitExpr(w.expr()));
                    break;
                case CoinPowerItemContext pw:
                    items.Keep(ref power, "power", pw, VisitExpr(pw.expr()));
                    break;
                case CoinPowerPriceItemContext pp:
                    items.Keep(ref powerPrice, "power_price", pp, VisitExpr(pp.expr()));
                    break;
                case CoinDepthItemContext d:
                    items.Keep(ref depth, "depth", d, VisitExpr(d.expr()));
                    break;
                case CoinImpactItemContext i:
                    items.Keep(ref impact, "impact", i, VisitExpr(i.expr()));
                    break;
                case CoinKeepItemContext k:
                    items.Keep(ref keep, "keep", k, VisitExpr(k.expr()));
                    break;
            }
        }

        return new CoinsSyntax(name, holdings, price, hashrate, network, rewards, power, powerPrice, depth, impact, keep, Span(context));
    }
}
