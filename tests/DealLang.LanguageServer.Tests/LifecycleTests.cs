using DealLang.LanguageServer.Protocol;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DealLang.LanguageServer.Tests;

/// <summary>initialize, shutdown and exit, and the exit codes the protocol asks for.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Initialize_AnnouncesFullSyncAndEveryFeature()
    {
        await using LspClient client = await LspClient.StartAsync(initialize: false);
        JsonElement result = await client.Request("initialize", new { processId = 1, rootUri = "file:///tmp", capabilities = new { } });
        JsonElement capabilities = result.GetProperty("capabilities");
        Assert.Equal(1, capabilities.GetProperty("textDocumentSync").GetInt32());
        foreach (string feature in new[] { "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentSymbolProvider" })
        {
            Assert.True(capabilities.GetProperty(feature).GetBoolean(), feature);
        }

        Assert.True(capabilities.TryGetProperty("completionProvider", out _));
        Assert.False(capabilities.GetProperty("documentFormattingProvider").GetBoolean()); // no formatter handed in
        Assert.Equal("deallang", result.GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ShutdownThenExit_EndsWithZero()
    {
        LspClient client = await LspClient.StartAsync();
        Assert.Equal(0, await client.ShutdownAndExit());
        await client.DisposeAsync();
    }

    [Fact]
    public async Task ExitWithoutShutdown_EndsWithOne()
    {
        LspClient client = await LspClient.StartAsync();
        await client.Notify("exit", new { });
        Assert.Equal(1, await client.Server.WaitAsync(TimeSpan.FromSeconds(30)));
        await client.DisposeAsync();
    }

    // A header that is not the protocol's ends the session (where the next message starts is unknown), exit 1, with
    // the reason in the log (the editor's output panel) rather than in silence.
    [Theory]
    [InlineData("Hello there\r\n\r\n{}", "Colon not found in header")]
    [InlineData("Content-Length: abc\r\n\r\n{}", "Content-Length")]
    [InlineData("Content-Size: 2\r\n\r\n{}", "No Content-Length header")]
    public async Task AHeaderThatCannotBeRead_EndsTheSessionWithTheReasonLogged(string bytes, string reason)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bytes));
        using var output = new MemoryStream();
        var log = new StringWriter();
        int exit = await DealLanguageServer.RunAsync(input, output, log).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, exit);
        Assert.StartsWith("deallang lsp: the connection ended on a message it could not read: ", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, log.ToString(), StringComparison.Ordinal);
    }

    // A whole message whose body is not JSON-RPC is answered as JSON-RPC asks, ParseError (−32700) or InvalidRequest
    // (−32600), with the request's id where it can be read, and logged; the session goes on, and its next request is
    // answered.
    [Theory]
    [InlineData("{abc}", -32700, null, "parse error: the message is not JSON ('a' is an invalid start of a property name.")]
    [InlineData("hello", -32700, null, "parse error: the message is not JSON ('h' is an invalid start of a value.")]
    [InlineData("[1, 2]", -32600, null, "invalid request: a message is a JSON object, not an array")]
    [InlineData("null", -32600, null, "invalid request: a message is a JSON object, not null")]
    [InlineData("{}", -32600, null, "invalid request: it is neither a request, a notification, a result nor an error")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":5}", -32600, 3L, "invalid request: its params are an object or an array, not a number")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"method\":\"initialize\",\"params\":\"x\"}", -32600, "q", "invalid request: its params are an object or an array, not a string")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":true}", -32600, null, "invalid request: its params are an object or an array, not a boolean")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":7}", -32600, 4L, "invalid request: its method is a string, not a number")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"shutdown\"}", -32600, null, "invalid request: its id is a string or an integer, not an object")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}", -32600, null, "invalid request: its id is a string or an integer, not a number that is not one")]
    public async Task AMessageThatIsNotJsonRpc_IsAnsweredWithAnError_AndTheSessionGoesOn(string body, int code, object? id, string message)
    {
        (Stream clientSide, Stream serverSide) = Nerdbank.Streams.FullDuplexStream.CreatePair();
        var log = new StringWriter();
        Task<int> server = Task.Run(() => DealLanguageServer.RunAsync(serverSide, serverSide, TextWriter.Synchronized(log)));
        await using (clientSide)
        {
            await RawMessages.Send(clientSide, body);
            using (JsonDocument answer = await RawMessages.Receive(clientSide))
            {
                JsonElement error = answer.RootElement.GetProperty("error");
                Assert.Equal(code, error.GetProperty("code").GetInt32());
                Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
                JsonElement answeredId = answer.RootElement.GetProperty("id");
                switch (id)
                {
                    case null: Assert.Equal(JsonValueKind.Null, answeredId.ValueKind); break;
                    case long number: Assert.Equal(number, answeredId.GetInt64()); break;
                    default: Assert.Equal(id, answeredId.GetString()); break;
                }
            }

            await RawMessages.Send(clientSide, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}");
            using (JsonDocument answer = await RawMessages.Receive(clientSide))
            {
                Assert.Equal(9, answer.RootElement.GetProperty("id").GetInt32());
                Assert.Equal(JsonValueKind.Null, answer.RootElement.GetProperty("result").ValueKind);
            }

            await RawMessages.Send(clientSide, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.StartsWith("deallang lsp: answered a message it could not read with an error: " + message, log.ToString(), StringComparison.Ordinal);
    }

    // Parameters that do not fit the method are the protocol's InvalidParams with where they went wrong, not
    // StreamJsonRpc's −32000 with a .NET exception's type and stack; the session goes on.
    [Fact]
    public async Task ParametersOfTheWrongKind_AreInvalidParams_AndTheSessionGoesOn()
    {
        await using LspClient client = await LspClient.StartAsync();
        // StreamJsonRpc's client raises InvalidParams (and MethodNotFound) as this type.
        var e = await Assert.ThrowsAsync<StreamJsonRpc.RemoteMethodNotFoundException>(() => client.Request("textDocument/hover",
            new { textDocument = new { uri = "file:///tmp/a.deal" }, position = new { line = 0, character = "x" } }));
        Assert.Equal(StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams, e.ErrorCode); // −32602
        Assert.Equal("invalid params: $.position.character is not of the kind textDocument/hover takes", e.Message);
        Assert.Equal(0, await client.ShutdownAndExit());
    }

    // A notification or request missing what the protocol requires (a didOpen without its text, a hover without its
    // position) is refused where it is read: it was once stored with no text, and every later edit's check failed on
    // it (an internal error, no diagnostics published again for any document).
    [Fact]
    public async Task AMessageMissingWhatTheProtocolRequires_IsRefused_AndTheWorkspaceIsUnharmed()
    {
        await using LspClient client = await LspClient.StartAsync();
        await client.Notify("textDocument/didOpen", new { textDocument = new { uri = "file:///tmp/no-text.deal", languageId = "deallang", version = 1 } });
        var e = await Assert.ThrowsAsync<StreamJsonRpc.RemoteMethodNotFoundException>(() =>
            client.Request("textDocument/hover", new { textDocument = new { uri = "file:///tmp/no-text.deal" } }));
        Assert.Equal(StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams, e.ErrorCode);

        const string uri = "file:///tmp/after-no-text.deal";
        await client.Open(uri, "deal X {");
        Assert.NotEmpty((await client.DiagnosticsFor(uri, 1)).Diagnostics);
        Assert.Equal(0, await client.ShutdownAndExit());
        Assert.DoesNotContain("internal error", client.Log.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("deallang lsp: ignored a textDocument/didOpen notification: invalid params: $.textDocument is not of the kind textDocument/didOpen takes", client.Log.ToString(), StringComparison.Ordinal);
    }

    // A session given whole, then the end of the input (a script piping it in): every request is answered before the
    // server ends (exit 1 without shutdown; 0 with shutdown and exit at the end, sent at once). StreamJsonRpc ended the
    // connection at the end of the input, and the answers still being worked on were lost. (The server also waits for
    // its answers after exit: over a process's pipes an exit right behind a shutdown whose answer was queued behind a
    // megabyte-long one ended the process first, which these in-memory streams do not reproduce.)
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASessionGivenWholeThenEndOfInput_IsAnsweredInFull(bool shutdownAndExit)
    {
        string hyperion = Examples.UriOf(Examples.PathOf("hyperion.deal"));
        string text = JsonSerializer.Serialize(File.ReadAllText(Examples.PathOf("hyperion.deal")));
        var session = new StringBuilder();
        string[] end = shutdownAndExit ? ["{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}", "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"] : [];
        string[] bodies =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""",
            """{"jsonrpc":"2.0","method":"initialized","params":{}}""",
            $$"""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"{{hyperion}}","languageId":"deallang","version":1,"text":{{text}}} } }""",
            $$"""{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"{{hyperion}}"} } }""",
            $$"""{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"{{hyperion}}"},"position":{"line":0,"character":0} } }""",
            """{"jsonrpc":"2.0","id":4,"method":"textDocument/unknown","params":{}}""",
            .. end,
        ];
        foreach (string body in bodies)
        {
            session.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        }

        using var input = new MemoryStream(Encoding.UTF8.GetBytes(session.ToString()));
        using var output = new MemoryStream();
        var log = new StringWriter();
        Assert.Equal(shutdownAndExit ? 0 : 1, await DealLanguageServer.RunAsync(input, output, TextWriter.Synchronized(log)).WaitAsync(TimeSpan.FromSeconds(60)));

        using var answers = new MemoryStream(output.ToArray()); // the server closes its output as it ends
        var answered = new List<int>();
        while (answers.Position < answers.Length)
        {
            using JsonDocument message = await RawMessages.Receive(answers);
            if (message.RootElement.TryGetProperty("id", out JsonElement id))
            {
                answered.Add(id.GetInt32());
            }
        }

        int[] requests = shutdownAndExit ? [1, 2, 3, 4, 5] : [1, 2, 3, 4];
        Assert.True(answered.Order().SequenceEqual(requests), $"answered {string.Join(", ", answered)}; log: {log}");
    }

    // An edit still queued when the session ends ('exit', or the connection gone) publishes nothing and logs nothing:
    // each such edit logged "could not publish diagnostics: Cannot access a disposed object" as the server stopped
    // (over the CLI's pipes, a session with every example open, forty edits, shutdown and exit given whole: 1 run in 3).
    [Fact]
    public async Task AnEditAfterTheSessionEnded_PublishesNothing_AndLogsNothing()
    {
        using var streams = new MemoryStream();
        var rpc = new StreamJsonRpc.JsonRpc(streams);
        rpc.StartListening();
        rpc.Dispose(); // the connection has ended
        var log = new StringWriter();
        var target = new LanguageServerTarget(rpc, log, formatter: null);
        string uri = Examples.UriOf(Examples.PathOf("hyperion.deal"));

        await target.DidOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "deallang", 1, File.ReadAllText(Examples.PathOf("hyperion.deal")))));
        await target.DidChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), [new TextDocumentContentChangeEvent("deal X {")]));

        Assert.True(log.ToString().Length == 0, log.ToString());
    }

    [Fact]
    public async Task ClosedInput_EndsTheServer()
    {
        LspClient client = await LspClient.StartAsync();
        await client.DisposeAsync(); // closes the client's end of the stream: the server sees its input end
        Assert.Equal(1, await client.Server);
    }
}
