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

    // A client that sends what is not the protocol ends the session, exit 1, with the reason in the log (the editor's
    // output panel) rather than in silence.
    [Theory]
    [InlineData("Hello there\r\n\r\n{}", "Colon not found in header")]
    [InlineData("Content-Length: abc\r\n\r\n{}", "Content-Length")]
    [InlineData("Content-Length: 5\r\n\r\n{abc}", "invalid start of a property name")]
    public async Task AMessageThatCannotBeRead_EndsTheSessionWithTheReasonLogged(string bytes, string reason)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bytes));
        using var output = new MemoryStream();
        var log = new StringWriter();
        int exit = await DealLanguageServer.RunAsync(input, output, log).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, exit);
        Assert.StartsWith("deallang lsp: the connection ended on a message it could not read: ", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, log.ToString(), StringComparison.Ordinal);
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

    [Fact]
    public async Task ClosedInput_EndsTheServer()
    {
        LspClient client = await LspClient.StartAsync();
        await client.DisposeAsync(); // closes the client's end of the stream: the server sees its input end
        Assert.Equal(1, await client.Server);
    }
}
