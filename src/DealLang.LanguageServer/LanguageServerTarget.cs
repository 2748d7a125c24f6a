using DealLang.Compiler;
using DealLang.LanguageServer.Features;
using DealLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace DealLang.LanguageServer;

/// <summary>
/// The protocol's methods. Each compiles the document as it is now (<see cref="Workspace"/>) and answers from the
/// compilation; none may take the server down: every handler catches what it did not expect, logs it, and
/// answers with nothing (null, an empty list) so the editor goes on. A rename to a name that cannot be is
/// answered with the protocol's error, which the editor shows.
/// </summary>
internal sealed class LanguageServerTarget(JsonRpc rpc, TextWriter log, IDocumentFormatter? formatter)
{
    private readonly Workspace _workspace = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Exited => _exited.Task;

    public bool ShutdownRequested { get; private set; }

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams request) => new(
        new ServerCapabilities(
            TextDocumentSync: 1,
            HoverProvider: true,
            DefinitionProvider: true,
            ReferencesProvider: true,
            RenameProvider: true,
            DocumentSymbolProvider: true,
            CompletionProvider: new CompletionOptions([" ", "\t"]),
            DocumentFormattingProvider: formatter is not null),
        new ServerInfo("deallang", typeof(LanguageServerTarget).Assembly.GetName().Version?.ToString(3) ?? "0"));

    [JsonRpcMethod("initialized")]
    public void Initialized(object? request)
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        ShutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public Task DidOpen(DidOpenTextDocumentParams request) => Edited(() =>
        _workspace.Open(request.TextDocument.Uri, request.TextDocument.Text, request.TextDocument.Version));

    [JsonRpcMethod("textDocument/didChange")]
    public Task DidChange(DidChangeTextDocumentParams request) => Edited(() =>
    {
        if (request.ContentChanges is [.., var last])
        {
            _workspace.Change(request.TextDocument.Uri, last.Text, request.TextDocument.Version);
        }
    });

    [JsonRpcMethod("textDocument/didClose")]
    public async Task DidClose(DidCloseTextDocumentParams request)
    {
        await Edited(() => _workspace.Close(request.TextDocument.Uri)).ConfigureAwait(false);
        await Notify(new PublishDiagnosticsParams(request.TextDocument.Uri, [])).ConfigureAwait(false);
    }

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(DidSaveTextDocumentParams request)
    {
    }

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(TextDocumentPositionParams request) =>
        Answer("hover", request.TextDocument, null, (d, c) => HoverFeature.At(d, c, request.Position));

    [JsonRpcMethod("textDocument/definition")]
    public Location[] Definition(TextDocumentPositionParams request) =>
        Answer("definition", request.TextDocument, [], (d, c) => NavigationFeature.Definition(d, c, request.Position, _workspace.UriOf));

    [JsonRpcMethod("textDocument/references")]
    public Location[] References(ReferenceParams request) =>
        Answer("references", request.TextDocument, [],
            (d, c) => NavigationFeature.References(d, c, request.Position, request.Context?.IncludeDeclaration ?? true, _workspace.UriOf));

    [JsonRpcMethod("textDocument/rename")]
    public WorkspaceEdit? Rename(RenameParams request) =>
        Answer("rename", request.TextDocument, null, (d, c) => NavigationFeature.Rename(d, c, request.Position, request.NewName, _workspace.UriOf));

    [JsonRpcMethod("textDocument/documentSymbol")]
    public DocumentSymbol[] DocumentSymbol(DocumentSymbolParams request) =>
        Answer("documentSymbol", request.TextDocument, [], OutlineFeature.For);

    [JsonRpcMethod("textDocument/completion")]
    public CompletionList Completion(TextDocumentPositionParams request) =>
        Answer("completion", request.TextDocument, new CompletionList(false, []), (d, c) => CompletionFeature.At(d, c, request.Position));

    [JsonRpcMethod("textDocument/formatting")]
    public TextEdit[] Formatting(DocumentFormattingParams request) =>
        formatter is null ? [] : Answer("formatting", request.TextDocument, [], (d, _) => FormattingFeature.For(d, formatter));

    // The files not open whose diagnostics were published last (an open document imports them), to clear when they
    // have none.
    private HashSet<string> _importsPublished = new(StringComparer.Ordinal);

    // An edit may change what any open document reports (one may import another): each is compiled again if
    // something it read changed (Workspace.Compile keeps the others' compilations) and the diagnostics of all are
    // published, with those of the files they import that are not open; an imported file that no longer reports any
    // (fixed, opened, or no longer imported) is cleared first.
    private async Task Edited(Action edit)
    {
        List<PublishDiagnosticsParams> publish;
        try
        {
            edit();
            if (SessionOver)
            {
                return; // nothing will be published: see Notify
            }

            var open = _workspace.Documents.Select(d => (d, _workspace.Compile(d))).ToList();
            var imports = DiagnosticsFeature.ForImports(open, _workspace.UriOf).ToList();
            var published = imports.Select(p => p.Uri).ToHashSet(StringComparer.Ordinal);
            publish = [.. _importsPublished.Where(u => !published.Contains(u)).Order(StringComparer.Ordinal).Select(u => new PublishDiagnosticsParams(u, [])),
                .. imports, .. open.Select(o => DiagnosticsFeature.For(o.d, o.Item2))];
            _importsPublished = published;
        }
#pragma warning disable CA1031 // see the class summary: a handler never takes the server down
        catch (Exception e)
#pragma warning restore CA1031
        {
            await log.WriteLineAsync($"deallang lsp: internal error while checking: {InternalErrorLine.Of(e)}").ConfigureAwait(false);
            return;
        }

        foreach (PublishDiagnosticsParams diagnostics in publish)
        {
            await Notify(diagnostics).ConfigureAwait(false);
        }
    }

    // After 'exit', or once the connection has ended, the edits still queued behind it publish nothing: the session
    // is over, and there is no one to tell (logging each would fill the editor's output panel as the server stops).
    private bool SessionOver => _exited.Task.IsCompleted || rpc.IsDisposed || rpc.Completion.IsCompleted;

    private async Task Notify(PublishDiagnosticsParams diagnostics)
    {
        if (SessionOver)
        {
            return;
        }

        try
        {
            await rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", diagnostics).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the client has gone: nothing to tell it
        catch (Exception e) when (!SessionOver)
#pragma warning restore CA1031
        {
            await log.WriteLineAsync($"deallang lsp: could not publish diagnostics: {e.Message}").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the session ended while this was sent: see SessionOver
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private T Answer<T>(string method, TextDocumentIdentifier document, T nothing, Func<OpenDocument, Compilation, T> handle)
    {
        try
        {
            return _workspace.Find(document.Uri) is { } open ? handle(open, _workspace.Compile(open)) : nothing;
        }
        catch (LocalRpcException)
        {
            throw; // the protocol's answer to a request that cannot be done (a rename to a keyword)
        }
#pragma warning disable CA1031 // see the class summary
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.WriteLine($"deallang lsp: internal error in {method}: {InternalErrorLine.Of(e)}");
            return nothing;
        }
    }
}
