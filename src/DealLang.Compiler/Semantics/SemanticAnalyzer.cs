using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// The semantic stage: from the syntax trees of a compilation's files to a checked <see cref="DealAnalysis"/>.
/// Finds the one deal among the files (DL0401/DL0606 for another, DL0402 for none), gathers the scenarios of
/// every file, and runs the <see cref="Binder"/> (names), the <see cref="TypeChecker"/> (units, constants) and
/// <see cref="DealChecks"/> (structure, test order). Lowering is not this stage's business: the compiler facade
/// (<see cref="Compilation"/>) lowers an analysis that holds no error.
/// Every pass runs even after errors so one compile shows every problem; none of them throws, whatever the
/// tree (trees from files with syntax errors have null fields and missing pieces).
/// </summary>
internal static class SemanticAnalyzer
{
    /// <summary>The analysis of the compilation's deal, or null when there is none (reported, unless a misspelt
    /// top-level keyword or a file read only in part explains it). <paramref name="units"/> are in compilation
    /// order: the first deal found is the deal, and scenarios keep that order.</summary>
    public static DealAnalysis? Analyze(IReadOnlyList<CompilationUnitSyntax?> units, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (units.Count == 0 || units[0] is not { } root)
        {
            diagnostics.Add(DiagnosticCatalogue.NoDeal(SourceSpan.None));
            return null;
        }

        // Syntax errors already reported: findings that would only repeat them are held back (DealAnalysis.IsDamaged).
        SourceSpan[] earlier = [.. diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Span)];
        var files = units.OfType<CompilationUnitSyntax>().ToList();
        var deals = files.SelectMany(u => SyntaxWalk.Safe(u.Deals).Select(d => (Unit: u, Deal: d))).ToList();
        if (deals.Count == 0)
        {
            // 'dael Mini {': the misspelt keyword (DL0109) is the mistake; "declares no deal" would repeat it.
            // A file read only in part (DL0108) may well hold a deal after the point where reading stopped.
            if (!files.Any(u => SyntaxWalk.Safe(u.UnknownDeclarations).Any() || u.Unread))
            {
                diagnostics.Add(DiagnosticCatalogue.NoDeal(root.Span));
            }

            return null;
        }

        (CompilationUnitSyntax dealUnit, DealSyntax deal) = deals[0];
        for (int i = 1; i < deals.Count; i++)
        {
            DealSyntax other = deals[i].Deal;
            SourceSpan at = other.Name?.Span ?? other.Span;
            diagnostics.Add(ReferenceEquals(deals[i].Unit, dealUnit)
                ? DiagnosticCatalogue.MoreThanOneDeal(at, other.Name?.Text ?? "", deal.Name?.Text ?? "")
                : DiagnosticCatalogue.DealInAnotherFile(at, other.Name?.Text ?? "", deal.Name?.Text ?? "", deal.Name?.Span ?? deal.Span));
        }

        var analysis = new DealAnalysis(dealUnit, deal, SymbolTable.Declare(deal, diagnostics))
        {
            Frequency = Frequencies.TryParse(deal.Frequency?.Text, out Frequency f) ? f : null,
            DayCount = DayCounts.TryParse(deal.DayCount?.Text, out DayCount dc) ? dc : null,
            EarlierErrors = earlier,
            Scenarios = [.. files.SelectMany(u => SyntaxWalk.Safe(u.Scenarios))],
        };

        Binder.Bind(analysis, diagnostics);
        TypeChecker.Check(analysis, diagnostics);
        DealChecks.Run(analysis, diagnostics);
        return analysis;
    }
}
