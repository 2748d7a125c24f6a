using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>holding HyperionNotes { of Hyperion.Notes  face 500m  mark par }</c>: a share or face amount of another
/// entity's tranche, or a share of its equity. The entity is the deal of an imported file (analysed before the holder,
/// <see cref="DealAnalysis.Entities"/>); what it pays the holding is the holder's collections.</summary>
internal sealed class HoldingRules : DeclarationRules<HoldingSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Holding;

    // Both are path inputs the runner fills from the held entity's run before the holder's loop starts, so every
    // expression may read them at any phase.
    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("receipts", Quantity.HoldingReceipts, Unit.Money, true),
        new("value", Quantity.HoldingValue, Unit.Money, false),
    ]);

    protected override void Bind(HoldingSyntax holding, Binder binder)
    {
        binder.BindTerms(holding.Share, holding.Face, holding.Market?.Discount, holding.Market?.Depth, holding.Market?.Impact);
        binder.RequireKind(holding.Mark, SymbolKind.Index, $"holding '{holding.Name?.Text}' is marked by an index");
        binder.RequireKind(holding.DrawsFrom, SymbolKind.Equity, $"holding '{holding.Name?.Text}' calls its draws from an equity of its deal");
        string name = holding.Name?.Text ?? "";
        if (holding.Entity is not { Text.Length: > 0 } entity || holding.Member is not { Text.Length: > 0 } member)
        {
            return; // DL0709 (CheckStructure), or a syntax error
        }

        DealAnalysis analysis = binder.Analysis;
        if (!analysis.Entities.TryGetValue(entity.Text, out DealAnalysis? held))
        {
            // In a circle of holdings (DL0701) the entity is not analysed before the holder: said once already.
            if (!IsInCircle(binder.Diagnostics, entity) && !analysis.EntityNameClash)
            {
                binder.Diagnostics.Add(DiagnosticCatalogue.UnknownEntity(entity.Span, name, entity.Text, NameSuggestions.Closest(entity.Text, analysis.Entities.Keys)));
            }

            return;
        }

        if (!held.Symbols.TryLookup(member.Text, out Symbol symbol) || symbol.Kind is not (SymbolKind.Tranche or SymbolKind.Equity))
        {
            string known = string.Join(", ", held.Symbols.All.Where(s => s.Kind is SymbolKind.Tranche or SymbolKind.Equity).Select(s => s.Name));
            binder.Diagnostics.Add(DiagnosticCatalogue.UnknownHeldMember(member.Span, name, entity.Text, member.Text, known.Length == 0 ? "none" : known));
            return;
        }

        analysis.Held[holding] = new HeldTarget(held, symbol);
    }

    private static bool IsInCircle(DiagnosticBag diagnostics, NameSyntax entity) =>
        diagnostics.Items.Any(d => d.Code == "DL0701" && d.Span == entity.Span);

    protected override void CheckTerms(HoldingSyntax holding, TypeChecker checker)
    {
        string h = $"holding '{holding.Name?.Text}'";
        checker.Term(holding.Share, Unit.Rate, $"the share of {h}", TypeChecker.Range.Any);
        checker.Term(holding.Face, Unit.Money, $"the face amount of {h}", TypeChecker.Range.Any);
        CheckMarket(holding.Market, h, checker);
        if (holding.Mark is { } mark && checker.Analysis.Symbols.TryLookup(mark.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Index
            && symbol.Declaration is IndexSyntax index)
        {
            BoundExpression level = checker.IndexLevel(index);
            if (level is not BadExpression && level.Unit is not (Unit.Rate or Unit.Ratio))
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.HoldingMarkNotAPrice(mark.Span, holding.Name?.Text ?? "", mark.Text, UnitNames.Described(level)));
            }
        }
    }

    protected override void CheckStructure(HoldingSyntax holding, DealChecks checks)
    {
        string name = holding.Name?.Text ?? "";
        SourceSpan at = holding.Name?.Span ?? holding.Span;
        if (holding.Entity is null)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.HoldingOfMissing(at, name));
            return;
        }

        if (holding.Market is { } market)
        {
            if (market.Impact is not null && market.Depth is null)
            {
                checks.Missing(holding, "a market depth for its price impact (e.g. 'market depth 200m impact 30%')");
            }

            if (!SoldBySteps(checks.Analysis).Contains(name) && !checks.Analysis.HasUnknownDeclarations)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.HoldingMarketUnused(market.Span, name));
            }
        }

        CheckDrawsCall(holding, checks);
        if ((holding.Share is null) == (holding.Face is null))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.HoldingAmount(at, name, both: holding.Share is not null));
            return;
        }

        DealAnalysis analysis = checks.Analysis;
        if (holding.Share is { } share && analysis.BoundOf(share) is ConstantExpression { Value: var s } && (s <= 0 || s > 1 + 1e-12))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.HoldingShareOutOfRange(share.Span, name, s));
        }

        if (holding.Face is not { } face || !analysis.Held.TryGetValue(holding, out HeldTarget? target))
        {
            return;
        }

        if (target.Member.Declaration is EquitySyntax)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.HoldingFaceOfEquity(face.Span, name, target.Member.Name));
            return;
        }

        if (analysis.BoundOf(face) is ConstantExpression { Value: var f } && target.Member.Declaration is TrancheSyntax tranche
            && HeldFace(target.Entity, tranche) is { } balance && (f <= 0 || f > balance * (1 + 1e-12)))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.HoldingFaceOutOfRange(face.Span, name, target.Member.Name, f, balance));
        }
    }

    // Who is called for the draws the holder's cash cannot fund: the equity 'draws called from' names, which must
    // state a commitment (DL0796), on a holding that funds draws (else DL0797, a warning); unnamed, the deal's one
    // equity stating a commitment, and with several, none is assumed (DL0795, only for a holding that funds draws).
    // A holding funds the draws that land while the holder runs, after its closing and up to its maturity
    // (HeldDraws, the runner's rule too): one whose draws all land after the holder's maturity funds none.
    private static void CheckDrawsCall(HoldingSyntax holding, DealChecks checks)
    {
        string name = holding.Name?.Text ?? "";
        DealAnalysis analysis = checks.Analysis;
        if (holding.DrawsFrom is { } from)
        {
            if (analysis.Symbols.TryLookup(from.Text, out Symbol symbol) && symbol.Declaration is EquitySyntax { Commitment: null })
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.DrawsCalledFromNoCommitment(from.Span, name, from.Text));
            }
            else if (analysis.Held.TryGetValue(holding, out HeldTarget? held) && analysis.Deal.Closing?.Value is { } start
                && analysis.Deal.Maturity?.Value is { } end
                && (held.Member.Declaration is not TrancheSyntax { Commitment: not null } drawn || LaterDraws(held.Entity, drawn, start, end) is { Amount: <= 0 }))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.DrawsCallUnused(from.Span, name, held.Entity.DealName + "." + held.Member.Name));
            }

            return;
        }

        List<string> committed = [.. CommittedEquities(analysis.Symbols.OfKind(SymbolKind.Equity)).Select(e => e.Name)];
        if (committed.Count > 1 && analysis.Held.TryGetValue(holding, out HeldTarget? target) && target.Member.Declaration is TrancheSyntax tranche
            && analysis.Deal.Closing?.Value is { } closing && analysis.Deal.Maturity?.Value is { } maturity
            && LaterDraws(target.Entity, tranche, closing, maturity) is { Amount: > 0 })
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DrawsCallUnnamed(holding.Name?.Span ?? holding.Span, name,
                target.Entity.DealName + "." + target.Member.Name, committed));
        }
    }

    /// <summary>The equities that state a commitment, in declaration order: those a holding's draws may call.</summary>
    internal static IEnumerable<Symbol> CommittedEquities(IEnumerable<Symbol> equities) =>
        equities.Where(e => e.Declaration is EquitySyntax { Commitment: not null });

    /// <summary>The terms of a holding's market, the holding's own or a scenario's lever on it: a discount and an
    /// impact are rates in [0, 100%] (DL0307), a depth is money above 0 (DL0782); each a constant.</summary>
    internal static void CheckMarket(HoldingMarketSyntax? market, string of, TypeChecker checker)
    {
        if (market is null)
        {
            return;
        }

        checker.Term(market.Discount, Unit.Rate, $"the sale discount of {of}", TypeChecker.Range.Fraction);
        checker.Term(market.Impact, Unit.Rate, $"the price impact of {of}", TypeChecker.Range.Fraction);
        checker.Term(market.Depth, Unit.Money, $"the market depth of {of}", TypeChecker.Range.Any);
        if (market.Depth is { } depth && checker.Analysis.BoundOf(depth) is ConstantExpression { Value: var d } && !(d > 0))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.HoldingDepthNotPositive(depth.Span, $"the market depth of {of}", d));
        }
    }

    /// <summary>The names every <c>sell … to cover</c> step of the deal's waterfalls sells.</summary>
    internal static HashSet<string> SoldBySteps(DealAnalysis analysis)
    {
        var sold = new HashSet<string>(StringComparer.Ordinal);
        foreach (var steps in new[] { analysis.Waterfall?.Steps, analysis.Enforcement?.Waterfall?.Steps })
        {
            foreach (SellStepSyntax sell in SyntaxWalk.Steps(steps ?? default).OfType<SellStepSyntax>())
            {
                sold.UnionWith(sell.Names.Where(n => n is not null).Select(n => n.Text));
            }
        }

        return sold;
    }

    /// <summary>What a delayed-draw tranche of <paramref name="entity"/> draws at the ends of its periods that the holder
    /// funds (<see cref="HeldDraws.FundedBy"/>: after the holder's <paramref name="closing"/> and up to its
    /// <paramref name="maturity"/>, as the runner buckets them; the lowering asks too), and the first such end: each dated draw, and each delivery's under
    /// <c>draws against</c>, lands at the end of the entity's period containing its date (a dated draw's as it is paid under
    /// the entity's business days), as the lowering places it
    /// (docs/language.md, "Delayed draw"). Null when the entity's schedule or a term is not known, each an error of the
    /// entity's own (a missing header item DL0403, a closing not before the maturity DL0404, an unknown frequency
    /// DL0406, a term not constant DL0306): the holder's DL0795 and DL0797 are then not said (its draws are unknown),
    /// and the compilation fails on the entity's error before anything is lowered.</summary>
    internal static (double Amount, Date First)? LaterDraws(DealAnalysis entity, TrancheSyntax tranche, Date closing, Date maturity)
    {
        // The entity's schedule as its lowering builds it (rolled, then moved to its business days).
        if (tranche.Commitment is null || entity.ScheduledBoundaries() is not { } boundaries)
        {
            return null;
        }

        DealSyntax deal = entity.Deal;
        Date start = boundaries[0];

        var draws = new List<(Date Date, double Amount)>();
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Draws?.Points ?? []))
        {
            if (point.Date?.Value is { } date && entity.BoundOf(point.Amount) is ConstantExpression { Value: var amount })
            {
                // On the day it is paid (DealAnalysis.PaidOn), as the lowering places it: with business days a draw dated on
                // a quarter end is that quarter's.
                draws.Add((entity.PaidOn(date), amount));
            }
        }

        if (tranche.DrawsAgainst is { Fleet: { } fleetName } against && entity.Names.TryGetValue(fleetName, out Symbol? symbol)
            && symbol.Declaration is FleetSyntax fleet && (entity.BoundOf(against.Advance) as ConstantExpression)?.Value is { } advance
            && DeliveryFunding.Inputs(fleet, DeliveryFunding.ContractsOn(deal, fleet.Name.Text), start, e => (entity.BoundOf(e) as ConstantExpression)?.Value, _ => false)
                is { } inputs)
        {
            // A delivery on the entity's closing is drawn in its first period, as the lowering has it.
            draws.AddRange(DeliveryFunding.Draws(inputs.Batches, inputs.Contracts, advance).Select(d => (d.Date > start ? d.Date : boundaries[1], d.Amount)));
        }

        double later = 0;
        Date? first = null;
        foreach ((Date date, double amount) in draws)
        {
            int period = Schedule.PeriodIndexOf(boundaries, date);
            if (period >= 0 && period < boundaries.Length - 1 && HeldDraws.FundedBy(boundaries[period + 1], closing, maturity) && amount > 0)
            {
                later += amount;
                first = first is { } f && f < boundaries[period + 1] ? f : boundaries[period + 1];
            }
        }

        return first is { } firstEnd ? (later, firstEnd) : (0.0, start);
    }

    /// <summary>A tranche's face: its commitment (a delayed draw) or its balance, when the held entity's analysis
    /// folded it to a constant.</summary>
    internal static double? HeldFace(DealAnalysis entity, TrancheSyntax tranche) =>
        entity.BoundOf(tranche.Commitment ?? tranche.Balance) is ConstantExpression c ? c.Value : null;
}
