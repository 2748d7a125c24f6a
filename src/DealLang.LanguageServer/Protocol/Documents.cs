namespace DealLang.LanguageServer.Protocol;

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>With full sync each change is the whole new text; the last one wins.</summary>
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record TextDocumentContentChangeEvent(string Text);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>A file's diagnostics; <see cref="Version"/> the document's version they were found in, none for a file not
/// open.</summary>
public sealed record PublishDiagnosticsParams(string Uri, LspDiagnostic[] Diagnostics, int? Version = null);

/// <summary>A compiler diagnostic as the protocol shows it: <see cref="Severity"/> 1 error, 2 warning;
/// <see cref="Code"/> the DLxxxx code; <see cref="Source"/> <c>deallang</c>.</summary>
public sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message);
