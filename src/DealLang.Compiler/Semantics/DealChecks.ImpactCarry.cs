using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

// 'half_life 3m' on a sale into the repo market (docs/language.md §9, "impact-carry"): the impact a month's sales leave
// on the market's price fades by half every that many months. The carry is stepped a month at a time, so the half-life
// is whole months above 0 (DL0557); it carries the market's impact, so a market without one has nothing to carry
// (DL0558), and a scenario's 'enforcement half_life' needs a sale that carries its impact. Its other limits are the
// repo market's: on a sale of anything but one fleet DL0464, without a depth DL0465. Written with 'over N periods' it
// is a coin spread sale's instead ("coin-impact-carry"), checked by the same codes.
internal sealed partial class DealChecks
{
    private void CheckHalfLife(DurationSyntax? halfLife, string where,
        string notWhole = "is not a whole number of months (e.g. 'half_life 3m'): the market's memory is stepped a month at a time")
    {
        if (halfLife is null)
        {
            return;
        }

        int months = DurationRules.WholeMonths(halfLife, out bool exact);
        if (!exact || months < 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.HalfLifeNotWholeMonths(halfLife.Span, $"the half-life of the price impact {where} ({halfLife.Text})",
                !exact ? notWhole
                    : "is 0: a half-life above 0 carries the impact (leave 'half_life' out for none)"));
        }
    }

    // The sale's own: a half-life needs an impact to carry (absent, the impact is 0; a constant 0 is as good as none).
    private void CheckHalfLifeSale(SellSyntax sale)
    {
        if (sale.Market is not { HalfLife: { } halfLife } market)
        {
            return;
        }

        CheckHalfLife(halfLife, "of the enforcement sale");
        if (market.Impact is null || _analysis.BoundOf(market.Impact) is Model.ConstantExpression { Value: 0.0 })
        {
            _diagnostics.Add(DiagnosticCatalogue.HalfLifeWithoutImpact(halfLife.Span, "the sale's price impact has a half-life",
                market.Impact is null ? "the market has no impact to carry (give it one: 'impact 20% half_life 3m')"
                    : "its impact is 0%, so there is nothing to carry (give it one: 'impact 20% half_life 3m')"));
        }
    }

    // 'over 3 periods half_life 3m' (docs/language.md §9, "coin-impact-carry"): the coins' market remembers each period
    // of the spread into the next, fading by 2^(−months a period / h) a period. The half-life is written in whole
    // months as the repo market's is (DL0557); it carries the coins' own impact, so when none of the coins the sale
    // lists has one there is nothing to carry, and a sale in one period has no later period to carry it into (DL0558).
    private void CheckSpreadHalfLife(SellSyntax sale)
    {
        if (sale.Spread is not { HalfLife: { } halfLife } spread)
        {
            return;
        }

        CheckHalfLife(halfLife, "of the enforcement sale",
            "is not a whole number of months (e.g. 'half_life 3m'): a market's half-life is written in months, as the periods it fades over are");
        var coins = SyntaxWalk.Safe(sale.Assets)
            .Select(a => _analysis.Symbols.TryLookup(a.Text, out Symbol symbol) ? symbol.Declaration as CoinsSyntax : null)
            .OfType<CoinsSyntax>().ToList();
        if (spread.Periods == 1)
        {
            _diagnostics.Add(DiagnosticCatalogue.HalfLifeWithoutImpact(halfLife.Span, "the sale's price impact has a half-life",
                "the sale is in one period ('over 1 period'), so there is no later period to carry it into (spread it: 'over 3 periods half_life 3m')"));
        }
        else if (coins.Count > 0 && coins.TrueForAll(c => c.Impact is null || _analysis.BoundOf(c.Impact) is Model.ConstantExpression { Value: 0.0 }))
        {
            string names = string.Join(", ", coins.Select(c => "'" + c.Name.Text + "'"));
            _diagnostics.Add(DiagnosticCatalogue.HalfLifeWithoutImpact(halfLife.Span, "the sale's price impact has a half-life",
                $"the coins it sells ({names}) have no impact to carry (give them one beside their depth: 'depth 1000 coins  impact 10%')"));
        }
    }

    // A scenario's half-life lever reaches only a sale that carries its impact: the others are priced month by month
    // on their own volume, and the lever would be ignored.
    private void CheckHalfLifeLever(DurationSyntax? halfLife, string scenario)
    {
        if (halfLife is null)
        {
            return;
        }

        CheckHalfLife(halfLife, $"of the enforcement override in scenario '{scenario}'");
        if (!CarriesImpact())
        {
            _diagnostics.Add(DiagnosticCatalogue.HalfLifeWithoutImpact(halfLife.Span, $"scenario '{scenario}' sets the half-life of the price impact",
                "no enforcement sale of the deal carries its impact (give the fleet's sale one: 'impact 20% half_life 3m')"));
        }
    }

    /// <summary>Whether an enforcement sale of the deal carries its impact (so a scenario's half-life lever applies).</summary>
    private bool CarriesImpact() => SyntaxWalk.Safe(Deal.Declarations).OfType<EnforcementSyntax>()
        .SelectMany(e => SyntaxWalk.Safe(e.Sales)).Any(s => s.Market?.HalfLife is not null);
}
