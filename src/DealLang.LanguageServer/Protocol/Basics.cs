namespace DealLang.LanguageServer.Protocol;

// The Language Server Protocol's types that deallang lsp uses, as small records: the Microsoft/OmniSharp protocol
// libraries are not available here, and the server needs only these. Property names become the protocol's
// camelCase names through the serializer's naming policy (DealLanguageServer.Json); nulls are left out of what is sent.
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/

/// <summary>A place in a document: 0-based line, and 0-based character in UTF-16 code units.</summary>
public sealed record Position(int Line, int Character);

/// <summary>From <see cref="Start"/> up to, not including, <see cref="End"/>.</summary>
public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record TextEdit(Range Range, string NewText);

/// <summary>Edits by document URI.</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, TextEdit[]> Changes);
