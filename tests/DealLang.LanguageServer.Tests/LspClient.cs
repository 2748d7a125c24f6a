using System.Collections.Concurrent;
using System.Text.Json;
using DealLang.LanguageServer.Features;
using DealLang.LanguageServer.Protocol;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace DealLang.LanguageServer.Tests;

/// <summary>
/// A language client for tests: starts <see cref="DealLanguageServer"/> over an in-memory duplex stream, speaks to
/// it with the protocol's framing (the same <see cref="HeaderDelimitedMessageHandler"/> an editor's client writes),
/// and collects the diagnostics it publishes. Requests go as raw protocol JSON objects, so a test sees what an
/// editor would.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ConcurrentDictionary<string, PublishDiagnosticsParams> _diagnostics = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _published = new(0);

    private LspClient(JsonRpc rpc, Task<int> server, StringWriter log)
    {
        _rpc = rpc;
        Server = server;
        Log = log;
    }

    public Task<int> Server { get; }

    public StringWriter Log { get; }

    public static async Task<LspClient> StartAsync(IDocumentFormatter? formatter = null, bool initialize = true)
    {
        (Stream clientSide, Stream serverSide) = FullDuplexStream.CreatePair();
        var log = new StringWriter();
        Task<int> server = Task.Run(() => DealLanguageServer.RunAsync(serverSide, serverSide, TextWriter.Synchronized(log), formatter));
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientSide, clientSide,
            new SystemTextJsonFormatter { JsonSerializerOptions = DealLanguageServer.Json }));
        var client = new LspClient(rpc, server, log);
        rpc.AddLocalRpcTarget(new Receiver(client));
        rpc.StartListening();
        if (initialize)
        {
            await client.Request("initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } });
            await client.Notify("initialized", new { });
        }

        return client;
    }

    public Task<JsonElement> Request(string method, object parameters) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters);

    public Task Notify(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "deallang", version, text } });

    public Task Change(string uri, string text, int version) =>
        Notify("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });

    public Task<JsonElement> At(string method, string uri, int line, int character, object? extra = null)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["textDocument"] = new { uri },
            ["position"] = new { line, character },
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            parameters[property.Name] = property.GetValue(extra);
        }

        return Request(method, parameters);
    }

    /// <summary>The diagnostics last published for <paramref name="uri"/> at <paramref name="version"/>, waiting
    /// for them (the server publishes after each edit).</summary>
    public async Task<PublishDiagnosticsParams> DiagnosticsFor(string uri, int? version)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_diagnostics.TryGetValue(uri, out PublishDiagnosticsParams? published) && published.Version == version)
            {
                return published;
            }

            await _published.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Forgets what was published for <paramref name="uri"/>, to wait for the next publication.</summary>
    public void Forget(string uri) => _diagnostics.TryRemove(uri, out _);

    public async Task<int> ShutdownAndExit()
    {
        await Request("shutdown", new { });
        await Notify("exit", new { });
        return await Server.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void OnDiagnostics(JsonElement parameters)
    {
        var published = parameters.Deserialize<PublishDiagnosticsParams>(DealLanguageServer.Json)!;
        _diagnostics[published.Uri] = published;
        _published.Release();
    }

    private sealed class Receiver(LspClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonElement parameters) => client.OnDiagnostics(parameters);
    }

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        await Server.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }
}
