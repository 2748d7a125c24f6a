using System.Text.Json;
using DealLang.TestSupport;

namespace DealLang.LanguageServer.Tests;

/// <summary>
/// The server never dies on a malformed or half-typed document: every example cut at many points (as it stands
/// while being typed), and every malformed corpus case, gets every request at several positions, and each
/// answers (a result or null, never an error), and the server still answers afterwards.
/// </summary>
public sealed class BrokenInputTests
{
    private static readonly string[] PositionRequests =
        ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion"];

    public static TheoryData<string> ExampleDeals => [.. Examples.Deals.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public async Task AHalfTypedExample_AnswersEveryRequest(string name)
    {
        string text = File.ReadAllText(Examples.PathOf(name));
        const string uri = "file:///tmp/lsp-half-typed.deal";
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(uri, "");
        int version = 1;
        // 24 cuts across the file, each as a didChange of a buffer being typed.
        for (int cut = 1; cut <= 24; cut++)
        {
            string prefix = text[..(text.Length * cut / 25)];
            await client.Change(uri, prefix, ++version);
            await client.DiagnosticsFor(uri, version);
            await AskEverything(client, uri, prefix);
        }

        Assert.Equal(0, await client.ShutdownAndExit());
        Assert.DoesNotContain("internal error", client.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMalformedCorpusCase_AnswersEveryRequest()
    {
        string[] cases = Directory.GetFiles(Path.Combine(RepoPaths.Tests, "corpus", "malformed"), "*.deal");
        Assert.True(cases.Length > 100);
        await using LspClient client = await LspClient.StartAsync();
        foreach (string path in cases.Order(StringComparer.Ordinal).Where((_, i) => i % 4 == 0))
        {
            string uri = Examples.UriOf(path);
            string text = File.ReadAllText(path);
            await client.Open(uri, text);
            Assert.NotEmpty((await client.DiagnosticsFor(uri, 1)).Diagnostics);
            await AskEverything(client, uri, text);
            await client.Notify("textDocument/didClose", new { textDocument = new { uri } });
        }

        Assert.DoesNotContain("internal error", client.Log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("deal")]
    [InlineData("deal X {")]
    [InlineData("deal X { tranche A { balance ")]
    [InlineData("deal X { waterfall { pay A. } }")]
    [InlineData("scenario S for")]
    [InlineData("import \"nowhere.deal\"\ndeal X { }")]
    [InlineData("deal X { title \"unclosed\n tranche }")]
    [InlineData("/* never closed")]
    [InlineData("deal X { test T = ((((((((((((1 }")]
    [InlineData("\u00e9\u00a7\r\r\n\t\0")]
    public async Task ATinyBrokenDocument_AnswersEveryRequest(string text)
    {
        const string uri = "file:///tmp/lsp-tiny.deal";
        await using LspClient client = await LspClient.StartAsync(new ThrowingFormatter());
        await client.Open(uri, text);
        await client.DiagnosticsFor(uri, 1);
        await AskEverything(client, uri, text);
        Assert.Equal(JsonValueKind.Array, (await client.Request("textDocument/formatting", new { textDocument = new { uri } })).ValueKind);
        Assert.Contains("internal error in formatting", client.Log.ToString(), StringComparison.Ordinal); // logged, answered
    }

    [Fact]
    public async Task ARequestOnADocumentNeverOpened_AnswersNothing()
    {
        await using LspClient client = await LspClient.StartAsync();
        Assert.Equal(JsonValueKind.Null, (await client.At("textDocument/hover", "file:///tmp/never.deal", 0, 0)).ValueKind);
        Assert.Equal(0, (await client.At("textDocument/definition", "file:///tmp/never.deal", 0, 0)).GetArrayLength());
    }

    private static async Task AskEverything(LspClient client, string uri, string text)
    {
        int lines = text.Count(c => c == '\n') + 1;
        foreach (int line in new[] { 0, lines / 3, lines / 2, lines - 1, lines + 5 })
        {
            foreach (int character in new[] { 0, 3, 9, 200 })
            {
                foreach (string method in PositionRequests)
                {
                    await client.At(method, uri, line, character);
                }
            }
        }

        await client.Request("textDocument/documentSymbol", new { textDocument = new { uri } });
        try
        {
            await client.At("textDocument/rename", uri, lines / 2, 3, new { newName = "Renamed" });
        }
        catch (StreamJsonRpc.RemoteInvocationException e) when (e.ErrorCode == -32803)
        {
            // a rename refused with a reason is an answer (the name 'Renamed' taken, say)
        }
    }

    private sealed class ThrowingFormatter : DealLang.LanguageServer.Features.IDocumentFormatter
    {
        public string? Format(string text, string path) => throw new InvalidOperationException("formatter bug");
    }
}
