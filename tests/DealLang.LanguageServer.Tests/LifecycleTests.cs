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

    [Fact]
    public async Task ClosedInput_EndsTheServer()
    {
        LspClient client = await LspClient.StartAsync();
        await client.DisposeAsync(); // closes the client's end of the stream: the server sees its input end
        Assert.Equal(1, await client.Server);
    }
}
