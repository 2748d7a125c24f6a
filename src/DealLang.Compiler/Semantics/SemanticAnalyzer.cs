using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Lowering;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The semantic stage: from a syntax tree to the validated <see cref="DealModel"/>. Runs the
/// <see cref="Binder"/> (names), the <see cref="TypeChecker"/> (units, constants), <see cref="DealChecks"/>
/// (structure, test order) and, only when no error has been reported, the <see cref="Lowerer"/>.
/// Every stage runs even after errors so one compile shows every problem; none of them throws, whatever the
/// tree (trees from files with syntax errors have null fields and missing pieces).
/// </summary>
public static class SemanticAnalyzer
{
    /// <summary>The deal's model, or null when <paramref name="diagnostics"/> holds any error (from this stage
    /// or an earlier one) or the deal holds an unknown declaration (a misspelt keyword, reported by the parser as
    /// DL0109). Warnings do not stop lowering.</summary>
    public static DealModel? Analyze(CompilationUnitSyntax unit, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (unit is null)
        {
            diagnostics.Add(DiagnosticCatalogue.NoDeal(SourceSpan.None));
            return null;
        }

        // Syntax errors already reported: findings that would only repeat them are held back (DealAnalysis.IsDamaged).
        SourceSpan[] earlier = [.. diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Span)];
        var deals = SyntaxWalk.Safe(unit.Deals).ToList();
        if (deals.Count == 0)
        {
            // 'dael Mini {': the misspelt keyword (DL0109) is the mistake; "declares no deal" would repeat it.
            // A file read only in part (DL0108) may well hold a deal after the point where reading stopped.
            if (!SyntaxWalk.Safe(unit.UnknownDeclarations).Any() && !unit.Unread)
            {
                diagnostics.Add(DiagnosticCatalogue.NoDeal(unit.Span));
            }

            return null;
        }

        DealSyntax deal = deals[0];
        for (int i = 1; i < deals.Count; i++)
        {
            diagnostics.Add(DiagnosticCatalogue.MoreThanOneDeal(
                deals[i].Name?.Span ?? deals[i].Span, deals[i].Name?.Text ?? "", deal.Name?.Text ?? ""));
        }

        var analysis = new DealAnalysis(unit, deal, SymbolTable.Declare(deal, diagnostics))
        {
            Frequency = Frequencies.TryParse(deal.Frequency?.Text, out Frequency f) ? f : null,
            DayCount = DayCounts.TryParse(deal.DayCount?.Text, out DayCount dc) ? dc : null,
            EarlierErrors = earlier,
        };

        Binder.Bind(analysis, diagnostics);
        TypeChecker.Check(analysis, diagnostics);
        DealChecks.Run(analysis, diagnostics);
        return diagnostics.HasErrors || analysis.HasUnknownDeclarations ? null : Lowerer.Lower(analysis);
    }
}
