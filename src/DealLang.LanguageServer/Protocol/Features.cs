namespace DealLang.LanguageServer.Protocol;

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, Range? Range = null);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null)
    : TextDocumentPositionParams(TextDocument, Position);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName)
    : TextDocumentPositionParams(TextDocument, Position);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

/// <summary>One entry of the outline; <see cref="Kind"/> is the protocol's SymbolKind number
/// (<see cref="SymbolKinds"/>).</summary>
public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

public sealed record CompletionItem(string Label, int Kind, string? Detail = null, string? SortText = null);

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record FormattingOptions(int TabSize, bool InsertSpaces);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options = null);

/// <summary>The protocol's numbers for the kinds the server uses.</summary>
public static class SymbolKinds
{
    public const int Module = 2;
    public const int Namespace = 3;
    public const int Class = 5;
    public const int Property = 7;
    public const int Field = 8;
    public const int Function = 12;
    public const int Variable = 13;
    public const int Constant = 14;
    public const int Boolean = 17;
    public const int Object = 19;
    public const int Event = 24;
}

/// <summary>The protocol's CompletionItemKind numbers the server uses.</summary>
public static class CompletionItemKinds
{
    public const int Field = 5;
    public const int Variable = 6;
    public const int Class = 7;
    public const int Module = 9;
    public const int Keyword = 14;
    public const int Constant = 21;
    public const int Event = 23;
}
