using System.Text.Json;

namespace DealLang.LanguageServer.Protocol;

/// <summary>The client's <c>initialize</c>: only the workspace root is read; the client's capabilities are not
/// needed (the server answers in the protocol's baseline forms: markdown hovers, hierarchical symbols).</summary>
public sealed record InitializeParams(int? ProcessId = null, string? RootUri = null, JsonElement? Capabilities = null);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

/// <summary>What the server does. <see cref="TextDocumentSync"/> 1 is full sync: each change sends the whole text.</summary>
public sealed record ServerCapabilities(
    int TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool RenameProvider,
    bool DocumentSymbolProvider,
    CompletionOptions CompletionProvider,
    bool DocumentFormattingProvider);

public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);
