using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

// Waterfall steps with their ledger labels, and the enforcement block.
internal sealed partial class Lowerer
{
    /// <summary>
    /// Labels name the step as the analyst wrote it: <c>pay Notes.interest</c>, <c>pay Opex</c>, <c>fill Dsra</c>,
    /// <c>release Dsra</c>, <c>hold rest in Trap</c>, <c>distribute rest to Sponsor</c>, <c>if CashTrap</c>.
    /// The ledger numbers them; the <c>using</c> accounts are not part of the label.
    /// </summary>
    private ImmutableArray<StepModel> LowerSteps(ImmutableArray<StepSyntax> steps)
    {
        var result = ImmutableArray.CreateBuilder<StepModel>();
        foreach (StepSyntax step in SyntaxWalk.Safe(steps))
        {
            StepModel? lowered = step switch
            {
                PayStepSyntax pay when _analysis.PayTargets.TryGetValue(pay, out PayTarget? target) => new PayStep(
                    $"pay {target.Text}", target.Kind, target.Symbol.Index, [.. SyntaxWalk.Safe(pay.Using).Select(IndexOf)]),
                FillStepSyntax fill => new FillStep($"fill {fill.Account?.Text}", IndexOf(fill.Account)),
                ReleaseStepSyntax release => new ReleaseStep($"release {release.Account?.Text}", IndexOf(release.Account)),
                HoldStepSyntax hold => new HoldStep($"hold rest in {hold.Account?.Text}", IndexOf(hold.Account)),
                DistributeStepSyntax { Share: { } share } distribute => new DistributeStep(
                    $"distribute {share.Text} of rest to {distribute.Equity?.Text}", IndexOf(distribute.Equity), share.Value),
                DistributeStepSyntax distribute => new DistributeStep($"distribute rest to {distribute.Equity?.Text}", IndexOf(distribute.Equity)),
                SweepStepSyntax sweep => new SweepStep($"sweep {sweep.Share.Text} of rest to {sweep.Tranche.Text}", IndexOf(sweep.Tranche), sweep.Share.Value),
                SellStepSyntax sell when _analysis.PayTargets.TryGetValue(sell.Cover, out PayTarget? cover)
                    && Symbols.TryLookup(sell.Coins.Text, out Symbol first) && first.Kind == SymbolKind.Holding => new SellHoldingsStep(
                    $"sell {string.Join(", ", sell.Names.Select(n => n.Text))}{(sell.ProRata is null ? "" : " pro_rata")} to cover {cover.Text}",
                    [.. sell.Names.Select(n => IndexOf(n))],
                    new PayStep($"pay {cover.Text}", cover.Kind, cover.Symbol.Index, []), sell.ProRata is not null),
                SellStepSyntax sell when _analysis.PayTargets.TryGetValue(sell.Cover, out PayTarget? cover) => new SellStep(
                    $"sell {sell.Coins.Text} to cover {cover.Text}", IndexOf(sell.Coins),
                    new PayStep($"pay {cover.Text}", cover.Kind, cover.Symbol.Index, [])),
                IfStepSyntax branch => new IfStep(
                    $"if {ExpressionPrinter.Print(branch.Condition)}",
                    Expression(branch.Condition) ?? new ConstantExpression(0, Unit.Bool),
                    LowerSteps(branch.Then),
                    LowerSteps(branch.Else)),
                ProRataStepSyntax group => new ProRataStep(group.ByBalance ? "pro_rata by balance" : "pro_rata", LowerSteps(group.Steps), group.ByBalance),
                SequentialStepSyntax group => new SequentialStep("sequential", LowerSteps(group.Steps)),
                _ => null,
            };
            if (lowered is not null)
            {
                result.Add(lowered);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A trigger's <c>sweep X% to T</c> effect as the regular waterfall's step <c>if Trigger { sweep X% of rest to T }</c>,
    /// just before its final <c>distribute rest to E</c> (the checks require one): so it is numbered, has its ledger
    /// column (<c>N Trigger => sweep X% to T swept</c>) and prepays as the sweep step does, at most the balance. One
    /// such step per sweep effect, in trigger then effect order; the enforcement waterfall has none.
    /// </summary>
    private ImmutableArray<StepModel> WithTriggerSweeps(ImmutableArray<StepModel> steps, ImmutableArray<TriggerModel> triggers)
    {
        var sweeps = triggers.SelectMany(t => t.ActionList.OfType<SweepAction>().Select(s => (Trigger: t, Sweep: s))).ToList();
        if (sweeps.Count == 0 || steps.IsEmpty)
        {
            return steps;
        }

        var guarded = sweeps.Select(s => (StepModel)new IfStep(
            $"if {s.Trigger.Name}",
            new QuantityExpression(Quantity.TriggerActive, s.Trigger.Index, Unit.Bool, IsFlow: false),
            [new SweepStep($"{s.Trigger.Name} => sweep {Percent(s.Sweep.Share)} to {Symbols.OfKind(SymbolKind.Tranche)[s.Sweep.Tranche].Name}", s.Sweep.Tranche, s.Sweep.Share)],
            []));
        return [.. steps.Take(steps.Length - 1), .. guarded, steps[^1]];
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>Sales with haircut 0 and lag 0 months unless given (days round up to whole months), in one period
    /// unless spread (<c>over N periods</c>, its impact carried with <c>half_life H</c>: whole months, 0 without), each
    /// selling collateral by kind and index; without an enforcement
    /// waterfall the regular one keeps running (an empty step list here).</summary>
    private EnforcementModel? LowerEnforcement()
    {
        if (_analysis.Enforcement is not { } enforcement)
        {
            return null;
        }

        ImmutableArray<SaleInfo> sales =
        [
            .. SyntaxWalk.Safe(enforcement.Sales).Select(s => new SaleInfo(
                [.. SyntaxWalk.Safe(s.Assets).Select(Collateral)], Constant(s.Haircut), DurationRules.WholeMonths(s.Lag), Market(s.Market),
                s.Spread?.Periods ?? 1, DurationRules.WholeMonths(s.Spread?.HalfLife)) { Price = Price(s.Price), SubjectToLease = s.SubjectToLease is not null }),
        ];
        return new EnforcementModel(sales, LowerSteps(enforcement.Waterfall?.Steps ?? []));
    }

    /// <summary>A loan's market price (docs/language.md §9, "A loan's market price"): a yield (a constant, or an index's
    /// level plus a constant spread, the shape the checks allow: <see cref="ContractRules.Price"/>), or an index of the deal.</summary>
    private LoanSalePrice? Price(LoanPriceSyntax? price) => price switch
    {
        null => null,
        { Yield: { } yield } => _analysis.BoundOf(yield) is { } bound && ContractRules.Price(bound) is { Index: >= 0 } read
            ? new LoanSalePrice(read.Spread, null, read.Index)
            : new LoanSalePrice(Constant(yield), null),
        { Index: { } index } => new LoanSalePrice(null, IndexOf(index, SymbolKind.Index)),
        _ => null,
    };

    /// <summary>A sale's repo market (docs/language.md §9). Defaults: the limit is the depth (a month sells what the
    /// market absorbs near its price); no price impact; no costs; every unit sold (contracts not kept); no reserve; no
    /// re-let (with one, without <c>for</c>, until the run's last period: −1 months; without <c>rising</c>, flat; without
    /// <c>price</c>, at the fleet's generation index); no impact carried (a half-life of 0).</summary>
    private SaleMarket? Market(MarketTermsSyntax? market)
    {
        if (market is null)
        {
            return null;
        }

        double depth = Constant(market.Depth);
        return new SaleMarket(depth, Constant(market.Impact), market.Limit is null ? depth : Constant(market.Limit), Constant(market.Costs),
            market.Keep?.KeepsContracts ?? false, Constant(market.Reserve),
            market.Relet is { Relets: true } relet ? Constant(relet.Utilisation) : 0, ReletMonths(market.Relet), DurationRules.WholeMonths(market.HalfLife),
            ReletTo: market.Relet is { Relets: true, RampTo: { } to } ? Constant(to) : 0, ReletRampMonths: ReletRampMonths(market.Relet),
            ReletPrice: ReletPriceOf(market.Relet), ReletCurve: ReletCurveOf(market.Relet?.Curve));
    }

    /// <summary>A re-let's curve (<c>at curve { 0m 30%  3m 55% … }</c>, docs/language.md §9, "relet-curve") as the
    /// runtime's, its months whole months from the re-let's start; null without one (a flat re-let or a straight ramp).</summary>
    internal ReletCurve? ReletCurveOf(ReletCurveSyntax? curve) => curve is null
        ? null
        : new ReletCurve([.. curve.Points.Select(p => DurationRules.WholeMonths(p.At))], [.. curve.Points.Select(p => Constant(p.Level))]);

    /// <summary>The months of a re-let's ramp (<c>over M</c>); 0 for a flat re-let or none.</summary>
    internal static int ReletRampMonths(ReletIdleSyntax? relet) =>
        relet is { Relets: true, RampTo: not null, RampOver: { } ramp } ? DurationRules.WholeMonths(ramp) : 0;

    /// <summary>A re-let's own price (<c>price 85% of H100Rent</c>) as the runtime's; null without one (the fleet's
    /// generation index).</summary>
    internal ReletPrice? ReletPriceOf(ReletIdleSyntax? relet) => relet is { Relets: true } ? ReletPriceOf(relet.Price) : null;

    /// <summary>A re-let's own price (a sale's re-let of idle units' or a contract's re-let's) as the runtime's; null
    /// without one.</summary>
    internal ReletPrice? ReletPriceOf(ExpressionSyntax? price) =>
        price is not null && _analysis.BoundOf(price) is { } bound && ReletPrices.Of(bound) is { } p
            ? new ReletPrice(p.Index, p.Share, p.Spread)
            : null;

    /// <summary>The months of a re-let window: <c>for D</c> in whole months, −1 without it (until the run's last period) or without a re-let.</summary>
    internal static int ReletMonths(ReletIdleSyntax? relet) =>
        relet is { Relets: true, For: { } window } ? DurationRules.WholeMonths(window) : -1;

    /// <summary>What a sale names, as collateral: its kind (<see cref="CollateralRules"/>; the checks let no other
    /// kind through) and its index among its kind (the first facility if unresolved, which a checked deal never is).</summary>
    private CollateralRef Collateral(NameSyntax name) =>
        Symbols.TryLookup(name.Text, out Symbol symbol) && CollateralRules.TryCollateralKind(symbol.Kind, out CollateralKind kind)
            ? new CollateralRef(kind, symbol.Index)
            : default;
}
