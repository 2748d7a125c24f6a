using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Lowering;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler;

/// <summary>
/// One deal and everything that goes with it, checked together: the files given (the deal file first, then any
/// scenario files), the files they import, the deal found among them, the scenarios of every file bound against
/// it, and, when nothing is wrong, the lowered <see cref="DealModel"/>. Pipeline: read and parse every file
/// (<see cref="CompilationLoader"/>) → Semantics (<see cref="SemanticAnalyzer"/>) → Lowering (only without errors
/// and unknown declarations). <see cref="SemanticModel"/> answers questions about names and units whatever the
/// errors, for tools. Nothing here throws for a user's mistake; every diagnostic names the file it is in.
/// </summary>
public sealed class Compilation
{
    private Compilation(
        IReadOnlyList<CompilationUnitSyntax> units, IReadOnlyList<string> texts, DealModel? model, IReadOnlyList<DealModel> entities,
        SemanticModel semanticModel, IReadOnlyList<Diagnostic> diagnostics)
    {
        Entities = entities;
        Units = units;
        Texts = texts;
        Model = model;
        SemanticModel = semanticModel;
        Diagnostics = diagnostics;
    }

    /// <summary>Every file of the compilation, in the order read: the first file given, what it imports (depth
    /// first), then the next file given and its imports.</summary>
    public IReadOnlyList<CompilationUnitSyntax> Units { get; }

    /// <summary>The text of each of <see cref="Units"/>, index for index, as it was read (decoded once: a file read
    /// from a pipe cannot be read again); empty for a compilation of trees built by hand (tests), whose deal is then
    /// cached by its generated C# (<see cref="Emit.CacheKeys"/>).</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>The lowered deal, or null when any file holds an error (warnings do not stop it) or the deal holds
    /// a declaration with a misspelt keyword.</summary>
    public DealModel? Model { get; }

    /// <summary>The other entities of the chain when the deal imports files that declare deals (docs/language.md §5
    /// "holding"): each lowered, in the order they run (each after those it holds; <see cref="Model"/> runs last).
    /// Empty for a deal that imports no deal, and whenever <see cref="Model"/> is null.</summary>
    public IReadOnlyList<DealModel> Entities { get; }

    public SemanticModel SemanticModel { get; }

    /// <summary>Every diagnostic of every file, sorted by path, line, column and code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads <paramref name="root"/>, then each of <paramref name="others"/> (scenario files, say), and the
    /// files they import through <paramref name="files"/>, and checks them as one deal.</summary>
    public static Compilation Create(SourceDocument root, ISourceFiles files, params IEnumerable<SourceDocument> others)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(others);
        var bag = new DiagnosticBag();
        var loader = new CompilationLoader(files, bag);
        loader.Add(root);
        foreach (SourceDocument other in others)
        {
            loader.Add(other);
        }

        return Analyze(loader.Units, loader.Texts, bag);
    }

    /// <summary>Semantics, then Lowering when the analysis holds no error and no unknown declaration.</summary>
    internal static Compilation Analyze(IReadOnlyList<CompilationUnitSyntax> units, DiagnosticBag bag) => Analyze(units, [], bag);

    private static Compilation Analyze(IReadOnlyList<CompilationUnitSyntax> units, IReadOnlyList<string> texts, DiagnosticBag bag)
    {
        DealAnalysis? analysis = SemanticAnalyzer.Analyze(units, bag);
        bool lowers = analysis is not null && !bag.HasErrors && !analysis.HasUnknownDeclarations && !analysis.Chain.Any(e => e.HasUnknownDeclarations);
        DealModel? model = lowers ? Lowerer.Lower(analysis!) : null;
        IReadOnlyList<DealModel> entities = lowers ? [.. analysis!.Chain.Select(Lowerer.Lower)] : [];
        // An imported party or index is checked in each entity that declares or brings it: one message is enough.
        return new Compilation(units, texts, model, entities, SemanticModelBuilder.Build(analysis), [.. bag.Sorted().Distinct()]);
    }
}
