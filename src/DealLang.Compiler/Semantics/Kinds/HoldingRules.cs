using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

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
        binder.BindTerms(holding.Share, holding.Face);
        binder.RequireKind(holding.Mark, SymbolKind.Index, $"holding '{holding.Name?.Text}' is marked by an index");
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

    /// <summary>A tranche's face: its commitment (a delayed draw) or its balance, when the held entity's analysis
    /// folded it to a constant.</summary>
    internal static double? HeldFace(DealAnalysis entity, TrancheSyntax tranche) =>
        entity.BoundOf(tranche.Commitment ?? tranche.Balance) is ConstantExpression c ? c.Value : null;
}
