using DealLang.Compiler;
using DealLang.Compiler.Parsing;
using DealLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/definition, references and rename, from the semantic model's symbols and references: the
/// declaration and every use of a name across the compilation's files (the document, what it imports, and for a
/// scenario file the deal it is for). A rename rewrites each of those spans, and refuses a new name that is not a
/// name (<see cref="CompletionProbe.IsName"/>) or that another declaration already has.
/// </summary>
internal static class NavigationFeature
{
    public static Location[] Definition(OpenDocument document, Compilation compilation, Position position, Func<string, string> uriOf) =>
        SymbolLookup.At(compilation.SemanticModel, document.Path, position) is { } at
            ? [ToLocation(at.Symbol.Declaration, uriOf)]
            : [];

    public static Location[] References(OpenDocument document, Compilation compilation, Position position, bool includeDeclaration, Func<string, string> uriOf)
    {
        SemanticModel model = compilation.SemanticModel;
        if (SymbolLookup.At(model, document.Path, position) is not { } at)
        {
            return [];
        }

        return [.. model.ReferencesOf(at.Symbol).Where(r => includeDeclaration || !r.IsDeclaration).Select(r => ToLocation(r.Span, uriOf))];
    }

    public static WorkspaceEdit? Rename(OpenDocument document, Compilation compilation, Position position, string newName, Func<string, string> uriOf)
    {
        SemanticModel model = compilation.SemanticModel;
        if (SymbolLookup.At(model, document.Path, position) is not { } at)
        {
            return null;
        }

        if (!CompletionProbe.IsName(newName))
        {
            throw new LocalRpcException($"'{newName}' is not a name: a name starts with a letter or '_', holds letters, digits and '_', and is not a reserved keyword")
            { ErrorCode = RequestFailed };
        }

        if (newName != at.Symbol.Name && model.Symbols.Any(s => s.Name == newName && (s.Kind == "scenario") == (at.Symbol.Kind == "scenario")))
        {
            throw new LocalRpcException($"the deal already has a declaration named '{newName}'") { ErrorCode = RequestFailed };
        }

        var changes = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal);
        foreach (var file in model.ReferencesOf(at.Symbol).GroupBy(r => DocumentUris.Key(r.Span.Path), StringComparer.Ordinal))
        {
            changes[uriOf(file.Key)] = [.. file.Select(r => new TextEdit(TextPositions.ToRange(r.Span), newName))];
        }

        return new WorkspaceEdit(changes);
    }

    // The protocol's RequestFailed: the request was valid, and cannot be carried out; the editor shows the message.
    private const int RequestFailed = -32803;

    private static Location ToLocation(Compiler.Diagnostics.SourceSpan span, Func<string, string> uriOf) =>
        new(uriOf(span.Path), TextPositions.ToRange(span));
}
