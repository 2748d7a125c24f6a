using System.Collections.Immutable;
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
        // The deals of files the deal's file imports (directly or through others) are the chain's other entities
        // (docs/language.md §5 "holding"); any other deal is a second deal of the compilation.
        HashSet<CompilationUnitSyntax> imported = ImportClosure(files, dealUnit);
        var entities = new List<(CompilationUnitSyntax Unit, DealSyntax Deal)>();
        var names = new Dictionary<string, DealSyntax>(StringComparer.Ordinal) { [deal.Name?.Text ?? ""] = deal };
        var clashing = new HashSet<CompilationUnitSyntax>(ReferenceEqualityComparer.Instance);
        for (int i = 1; i < deals.Count; i++)
        {
            DealSyntax other = deals[i].Deal;
            SourceSpan at = other.Name?.Span ?? other.Span;
            if (ReferenceEquals(deals[i].Unit, dealUnit))
            {
                diagnostics.Add(DiagnosticCatalogue.MoreThanOneDeal(at, other.Name?.Text ?? "", deal.Name?.Text ?? ""));
            }
            else if (!imported.Contains(deals[i].Unit) || entities.Exists(e => ReferenceEquals(e.Unit, deals[i].Unit)))
            {
                diagnostics.Add(DiagnosticCatalogue.DealInAnotherFile(at, other.Name?.Text ?? "", deal.Name?.Text ?? "", deal.Name?.Span ?? deal.Span));
            }
            else if (names.TryGetValue(other.Name?.Text ?? "", out DealSyntax? first))
            {
                // Reported in the importing deal's file when the clash is with it (the file the analyst is editing).
                bool withDeal = ReferenceEquals(first, deal);
                clashing.Add(deals[i].Unit);
                diagnostics.Add(DiagnosticCatalogue.EntityNameClash(
                    withDeal ? first.Name?.Span ?? first.Span : at, other.Name?.Text ?? "", withDeal ? at : first.Name?.Span ?? first.Span));
            }
            else
            {
                names[other.Name?.Text ?? ""] = other;
                entities.Add(deals[i]);
            }
        }

        // A clashing file's scenarios are its deal's, which is not analysed: they would only repeat DL0700.
        var scenarios = files.Where(u => !clashing.Contains(u)).SelectMany(u => SyntaxWalk.Safe(u.Scenarios)).ToList();
        if (entities.Count == 0)
        {
            DealAnalysis alone = AnalyzeDeal(dealUnit, deal, earlier, [.. scenarios], new Dictionary<string, DealAnalysis>(StringComparer.Ordinal), diagnostics, clashing.Count > 0);
            return alone;
        }

        // Each entity is analysed after those it holds (ChainOrder), with theirs in scope; the deal itself last.
        var all = new List<(CompilationUnitSyntax Unit, DealSyntax Deal)>(entities) { (dealUnit, deal) };
        var analysed = new Dictionary<string, DealAnalysis>(StringComparer.Ordinal);
        var chain = new List<DealAnalysis>();
        foreach (int i in ChainOrder.Of(all.Select(e => e.Deal).ToList(), diagnostics))
        {
            (CompilationUnitSyntax unit, DealSyntax entity) = all[i];
            string name = entity.Name?.Text ?? "";
            bool main = ReferenceEquals(entity, deal);
            // A scenario belongs to the entity its 'for' names; the deal's own takes the rest (DL05xx for a wrong name).
            ImmutableArray<ScenarioSyntax> own = [.. scenarios.Where(s => main
                ? !entities.Exists(e => e.Deal.Name?.Text == s.Deal?.Text)
                : s.Deal?.Text == name)];
            if (!main)
            {
                // An entity's own file's scenarios are for running it alone. One written for it elsewhere (beside the
                // deal, or in a file given with it) is there for the chain, which runs it only under the deal's scenario
                // of the same name: without one it is checked and never run, which the writer would not expect.
                string entityFile = ImportPaths.Identity(unit.Span.Path);
                foreach (ScenarioSyntax elsewhere in own.Where(s => ImportPaths.Identity(s.Span.Path) != entityFile
                    && !scenarios.Exists(top => top.Deal?.Text == deal.Name?.Text && top.Name?.Text == s.Name?.Text)))
                {
                    diagnostics.Add(DiagnosticCatalogue.EntityScenarioNotRun(
                        elsewhere.Deal?.Span ?? elsewhere.Span, elsewhere.Name?.Text ?? "", name, deal.Name?.Text ?? "", unit.Span.Path));
                }

                // A chain makes only the deal's draws: under the deal's scenario of its name, an entity's own scenario
                // that draws is not run (the entity runs as written with the deal's levers laid over it), its
                // deterministic levers with it. Silent before 2026-12-07 (fuzz5 noticed it).
                foreach (ScenarioSyntax drawing in own.Where(s => SyntaxWalk.Safe(s.Items).Any(StochasticItems.Draws)
                    && scenarios.Exists(top => top.Deal?.Text == deal.Name?.Text && top.Name?.Text == s.Name?.Text)))
                {
                    diagnostics.Add(DiagnosticCatalogue.EntityStochasticScenarioNotRun(
                        drawing.Name?.Span ?? drawing.Span, drawing.Name?.Text ?? "", name, deal.Name?.Text ?? ""));
                }
            }

            // The parties and indices of the entities it can see (the deal: all of them; an entity: those it holds,
            // with theirs) are declared in it too, unless it declares the name itself: Meta is one Meta everywhere.
            IEnumerable<DealAnalysis> visible = main ? chain : Held(entity).Select(h => analysed.GetValueOrDefault(h)).OfType<DealAnalysis>();
            (DealSyntax withImports, Dictionary<IndexSyntax, Date> indexClosings) = WithImportedParties(entity, visible);
            DealAnalysis analysis = AnalyzeDeal(unit, withImports, earlier, own, analysed, diagnostics, clashing.Count > 0, indexClosings);
            analysed[name] = analysis;
            if (main)
            {
                analysis.Chain = chain;
                return analysis;
            }

            chain.Add(analysis);
        }

        return null; // unreachable: the deal itself is always in the order
    }

    private static DealAnalysis AnalyzeDeal(
        CompilationUnitSyntax unit, DealSyntax deal, SourceSpan[] earlier, ImmutableArray<ScenarioSyntax> scenarios,
        IReadOnlyDictionary<string, DealAnalysis> entities, DiagnosticBag diagnostics, bool nameClash,
        IReadOnlyDictionary<IndexSyntax, Date>? importedIndexClosings = null)
    {
        var analysis = new DealAnalysis(unit, deal, SymbolTable.Declare(deal, diagnostics))
        {
            Frequency = Frequencies.TryParse(deal.Frequency?.Text, out Frequency f) ? f : null,
            DayCount = DayCounts.TryParse(deal.DayCount?.Text, out DayCount dc) ? dc : null,
            BusinessDays = BusinessDayRules.Calendar(deal.BusinessDays),
            AccruesUnadjusted = BusinessDayRules.AccruesUnadjusted(deal.BusinessDays),
            EarlierErrors = earlier,
            Scenarios = scenarios,
            Entities = new Dictionary<string, DealAnalysis>(entities, StringComparer.Ordinal),
            EntityNameClash = nameClash,
            ImportedIndexClosings = importedIndexClosings ?? new Dictionary<IndexSyntax, Date>(),
        };

        Binder.Bind(analysis, diagnostics);
        TypeChecker.Check(analysis, diagnostics);
        DealChecks.Run(analysis, diagnostics);
        return analysis;
    }

    /// <summary>The entities a deal's holdings name (as written: each once, in order).</summary>
    internal static IEnumerable<string> Held(DealSyntax deal) =>
        SyntaxWalk.Safe(deal.Declarations).OfType<HoldingSyntax>().Select(h => h.Entity?.Text).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>The deal with the parties and indices of <paramref name="visible"/> entities put before its own
    /// declarations, each name once (its own declaration, else the first entity's): the same party and index in
    /// every entity that names it, so a scenario's default date or index lever reaches them all. With it, the closing of
    /// the deal that declares each index brought in (through any number of entities): the index's drift runs from there
    /// in every entity, not from each entity's own closing, or entities closing on different days would read different
    /// levels on the same date.</summary>
    private static (DealSyntax Deal, Dictionary<IndexSyntax, Date> IndexClosings) WithImportedParties(DealSyntax deal, IEnumerable<DealAnalysis> visible)
    {
        var indexClosings = new Dictionary<IndexSyntax, Date>(ReferenceEqualityComparer.Instance);
        var declared = SyntaxWalk.Safe(deal.Declarations).OfType<NamedDeclarationSyntax>().Select(d => d.Name?.Text).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var brought = new List<DeclarationSyntax>();
        foreach (DealAnalysis entity in visible)
        {
            foreach (NamedDeclarationSyntax d in SyntaxWalk.Safe(entity.Deal.Declarations).OfType<NamedDeclarationSyntax>())
            {
                if (d is PartySyntax or IndexSyntax && d.Name?.Text is { } name && declared.Add(name))
                {
                    brought.Add(d);
                    if (d is IndexSyntax index && (entity.DeclaringClosing(index) ?? entity.Deal.Closing?.Value) is { } closing)
                    {
                        indexClosings[index] = closing;
                    }
                }
            }
        }

        return (brought.Count == 0 ? deal : deal with { Declarations = [.. brought, .. SyntaxWalk.Safe(deal.Declarations)] }, indexClosings);
    }

    /// <summary>The files <paramref name="root"/> imports, directly or through others (by the importing file's
    /// resolved path, as the loader reads them).</summary>
    private static HashSet<CompilationUnitSyntax> ImportClosure(IReadOnlyList<CompilationUnitSyntax> files, CompilationUnitSyntax root)
    {
        var byIdentity = new Dictionary<string, CompilationUnitSyntax>(StringComparer.Ordinal);
        foreach (CompilationUnitSyntax unit in files)
        {
            byIdentity.TryAdd(ImportPaths.Identity(unit.Span.Path), unit);
        }

        var closure = new HashSet<CompilationUnitSyntax>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<CompilationUnitSyntax>([root]);
        while (stack.Count > 0)
        {
            CompilationUnitSyntax unit = stack.Pop();
            foreach (ImportSyntax import in SyntaxWalk.Safe(unit.Imports))
            {
                if (import.Misplaced || import.Path is not { } written || ImportPaths.Problem(written.Value) is not null)
                {
                    continue;
                }

                if (byIdentity.TryGetValue(ImportPaths.Identity(ImportPaths.Resolve(unit.Span.Path, written.Value)), out var target)
                    && !ReferenceEquals(target, root) && closure.Add(target))
                {
                    stack.Push(target);
                }
            }
        }

        return closure;
    }
}
