using System.Text.Json;
using DealLang.LanguageServer.Features;
using StreamJsonRpc;

namespace DealLang.LanguageServer.Tests;

/// <summary>hover, definition, references, rename, documentSymbol and formatting on examples/hyperion.deal.</summary>
public sealed class FeatureTests
{
    private static readonly string HyperionPath = Examples.PathOf("hyperion.deal");
    private static readonly string Hyperion = File.ReadAllText(HyperionPath);
    private static readonly string Uri = Examples.UriOf(HyperionPath);

    private static async Task<LspClient> OpenHyperion(IDocumentFormatter? formatter = null)
    {
        LspClient client = await LspClient.StartAsync(formatter);
        await client.Open(Uri, Hyperion);
        await client.DiagnosticsFor(Uri, 1);
        return client;
    }

    [Fact]
    public async Task Hover_OnAUse_GivesKindUnitAndDeclarationLine()
    {
        await using LspClient client = await OpenHyperion();
        (int line, int character) = Examples.Find(Hyperion, "Notes", after: "pay Notes.interest");
        (int declared, _) = Examples.Find(Hyperion, "Notes", after: "tranche Notes");
        string hover = (await client.At("textDocument/hover", Uri, line, character)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.StartsWith("**tranche** `Notes`", hover, StringComparison.Ordinal);
        Assert.Contains($"declared at line {declared + 1}", hover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_OnAConstantFee_GivesItsValue()
    {
        await using LspClient client = await OpenHyperion();
        // fee Trustee { 5m per year escalating 2% per year }: 5,000,000 of money.
        (int line, int character) = Examples.Find(Hyperion, "Trustee", after: "fee Trustee");
        string hover = (await client.At("textDocument/hover", Uri, line, character + 2)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("**fee** `Trustee`", hover, StringComparison.Ordinal);
        Assert.Contains("unit: money", hover, StringComparison.Ordinal);
        Assert.Contains("value: 5,000,000", hover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_OnAnIndex_GivesItsLevel()
    {
        // CoreWeave's index SOFR { level 5.30% … }: a rate.
        string path = Examples.PathOf("coreweave-ddtl2.deal");
        string text = File.ReadAllText(path);
        string uri = Examples.UriOf(path);
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(uri, text);
        await client.DiagnosticsFor(uri, 1);
        (int line, int character) = Examples.Find(text, "SOFR", after: "index SOFR");
        string hover = (await client.At("textDocument/hover", uri, line, character)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.StartsWith("**index** `SOFR`", hover, StringComparison.Ordinal);
        Assert.Contains("unit: rate", hover, StringComparison.Ordinal);
        Assert.Contains("value: 5.3%", hover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_OnAUnitInAnExpression_GivesTheUnitThere()
    {
        await using LspClient client = await OpenHyperion();
        // 'Dscr < 1.10x' in CashTrap: Dscr is a test whose value, cfads / debt_service, is a ratio.
        (int line, int character) = Examples.Find(Hyperion, "Dscr", after: "trigger CashTrap");
        string hover = (await client.At("textDocument/hover", Uri, line, character)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("**test** `Dscr`", hover, StringComparison.Ordinal);
        Assert.Contains("unit: ratio", hover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_OffAnyName_IsNull()
    {
        await using LspClient client = await OpenHyperion();
        Assert.Equal(JsonValueKind.Null, (await client.At("textDocument/hover", Uri, 0, 0)).ValueKind);
    }

    [Fact]
    public async Task Definition_FromAUse_IsTheDeclaration()
    {
        await using LspClient client = await OpenHyperion();
        (int line, int character) = Examples.Find(Hyperion, "Dsra", after: "fill Dsra");
        (int declaredLine, int declaredCharacter) = Examples.Find(Hyperion, "Dsra", after: "account Dsra");
        JsonElement location = Assert.Single((await client.At("textDocument/definition", Uri, line, character + "Dsra".Length)).EnumerateArray());
        Assert.Equal(Uri, location.GetProperty("uri").GetString());
        Assert.Equal(declaredLine, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(declaredCharacter, location.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task References_AreTheDeclarationAndEveryUse()
    {
        await using LspClient client = await OpenHyperion();
        (int line, int character) = Examples.Find(Hyperion, "Dsra", after: "account Dsra");
        // Dsra: its declaration, 'using InterestReserve, Dsra', 'using Dsra', 'fill Dsra' (hand-counted in the file).
        int expected = CountWord(Hyperion, "Dsra");
        JsonElement all = await client.At("textDocument/references", Uri, line, character, new { context = new { includeDeclaration = true } });
        Assert.Equal(expected, all.GetArrayLength());
        JsonElement uses = await client.At("textDocument/references", Uri, line, character, new { context = new { includeDeclaration = false } });
        Assert.Equal(expected - 1, uses.GetArrayLength());
    }

    [Fact]
    public async Task Rename_EditsEveryReference_AndTheResultChecksClean()
    {
        await using LspClient client = await OpenHyperion();
        (int line, int character) = Examples.Find(Hyperion, "Trap", after: "account Trap");
        JsonElement edit = await client.At("textDocument/rename", Uri, line, character, new { newName = "CashTrapAccount" });
        JsonElement edits = edit.GetProperty("changes").GetProperty(Uri);
        Assert.Equal(CountWord(Hyperion, "Trap"), edits.GetArrayLength());

        string renamed = Apply(Hyperion, edits);
        Assert.Equal(0, CountWord(renamed, "Trap"));
        await client.Change(Uri, renamed, 2);
        Assert.DoesNotContain((await client.DiagnosticsFor(Uri, 2)).Diagnostics, d => d.Severity == 1);
    }

    [Theory]
    [InlineData("pay")]          // a reserved keyword
    [InlineData("2Notes")]       // not a name
    [InlineData("Dsra")]         // another declaration's name
    public async Task Rename_ToWhatCannotBe_IsRefused(string newName)
    {
        await using LspClient client = await OpenHyperion();
        (int line, int character) = Examples.Find(Hyperion, "Trap", after: "account Trap");
        RemoteInvocationException refused = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.At("textDocument/rename", Uri, line, character, new { newName }));
        Assert.Equal(-32803, refused.ErrorCode); // the protocol's RequestFailed, whose message the editor shows
        Assert.Equal(JsonValueKind.Array, (await client.At("textDocument/definition", Uri, line, character)).ValueKind); // still serving
    }

    [Fact]
    public async Task DocumentSymbol_IsTheDealsDeclarationsByKind_ThenTheScenarios()
    {
        await using LspClient client = await OpenHyperion();
        JsonElement[] top = [.. (await client.Request("textDocument/documentSymbol", new { textDocument = new { uri = Uri } })).EnumerateArray()];
        Assert.Equal("Hyperion", top[0].GetProperty("name").GetString());
        JsonElement[] groups = [.. top[0].GetProperty("children").EnumerateArray()];
        string[] kinds = [.. groups.Select(g => g.GetProperty("name").GetString()!)];
        Assert.Equal(["party", "facility", "lease", "tranche", "equity", "account", "fee", "test", "trigger"], kinds);
        JsonElement accounts = groups.Single(g => g.GetProperty("name").GetString() == "account");
        Assert.Equal(["InterestReserve", "Dsra", "Trap"], accounts.GetProperty("children").EnumerateArray().Select(a => a.GetProperty("name").GetString()!));
        Assert.Equal(["Base", "SlowProductivity", "Refuted"], top.Skip(1).Select(s => s.GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task DocumentSymbol_RangesAreWholeDeclarations_SelectionsTheirNames()
    {
        await using LspClient client = await OpenHyperion();
        JsonElement[] top = [.. (await client.Request("textDocument/documentSymbol", new { textDocument = new { uri = Uri } })).EnumerateArray()];
        JsonElement tranches = top[0].GetProperty("children").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "tranche");
        JsonElement notes = tranches.GetProperty("children").EnumerateArray().Single();

        // `tranche Notes {` … `}`: from the keyword (0-based line and character) to just past the closing brace; the
        // selection is the name.
        (int line, int character) = Examples.Find(Hyperion, "tranche", after: "  tranche Notes {");
        string[] lines = Hyperion.Split('\n');
        int closing = Array.FindIndex(lines, line, l => l == "  }");
        Assert.Equal((line, character, closing, 3), RangeOf(notes.GetProperty("range")));
        Assert.Equal((line, character + "tranche ".Length, line, character + "tranche Notes".Length), RangeOf(notes.GetProperty("selectionRange")));

        // Every range holds its selection and its children's ranges: the deal its groups, a group its declarations.
        void Holds(JsonElement symbol)
        {
            var range = RangeOf(symbol.GetProperty("range"));
            Assert.True(Inside(RangeOf(symbol.GetProperty("selectionRange")), range), symbol.GetProperty("name").GetString());
            if (symbol.TryGetProperty("children", out JsonElement children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement child in children.EnumerateArray())
                {
                    Assert.True(Inside(RangeOf(child.GetProperty("range")), range), child.GetProperty("name").GetString() + " in " + symbol.GetProperty("name").GetString());
                    Holds(child);
                }
            }
        }

        foreach (JsonElement symbol in top)
        {
            Holds(symbol);
        }

        // The deal's range is the deal block; a scenario's is its whole block too.
        Assert.True(RangeOf(top[0].GetProperty("range")).Item3 > closing);
        var refuted = RangeOf(top[^1].GetProperty("range"));
        Assert.True(refuted.Item3 > refuted.Item1, "the Refuted scenario spans lines");
    }

    private static (int, int, int, int) RangeOf(JsonElement range) =>
        (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
         range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32());

    private static bool Inside((int, int, int, int) inner, (int, int, int, int) outer) =>
        (inner.Item1, inner.Item2).CompareTo((outer.Item1, outer.Item2)) >= 0 && (inner.Item3, inner.Item4).CompareTo((outer.Item3, outer.Item4)) <= 0;

    [Fact]
    public async Task Formatting_ReplacesTheDocumentWithWhatTheFormatterGives()
    {
        var formatter = new UpperCaseTitleFormatter();
        await using LspClient client = await OpenHyperion(formatter);
        JsonElement edits = await client.Request("textDocument/formatting",
            new { textDocument = new { uri = Uri }, options = new { tabSize = 2, insertSpaces = true } });
        Assert.Equal(formatter.Format(Hyperion, HyperionPath), Apply(Hyperion, edits));
        Assert.Equal(HyperionPath, formatter.LastPath);
    }

    [Fact]
    public async Task Formatting_ThatTheFormatterRefuses_LeavesTheDocument()
    {
        await using LspClient client = await LspClient.StartAsync(new RefusingFormatter());
        await client.Open("file:///tmp/lsp-fmt.deal", "deal {");
        JsonElement edits = await client.Request("textDocument/formatting", new { textDocument = new { uri = "file:///tmp/lsp-fmt.deal" } });
        Assert.Equal(0, edits.GetArrayLength());
    }

    [Fact]
    public async Task AHandlerThatFails_LogsOneLine_AndAnswersNothing()
    {
        // It logged the exception whole, its stack trace over many lines, where docs/editors.md says one line.
        await using LspClient client = await LspClient.StartAsync(new FailingFormatter());
        await client.Open(Uri, Hyperion);
        await client.DiagnosticsFor(Uri, 1);
        JsonElement edits = await client.Request("textDocument/formatting", new { textDocument = new { uri = Uri } });

        Assert.Equal(0, edits.GetArrayLength());
        string logged = Assert.Single(client.Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("deallang lsp: internal error in formatting: InvalidOperationException: the formatter broke here", logged, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await client.At("textDocument/definition", Uri, 0, 0)).ValueKind); // still serving
    }

    [Fact]
    public async Task Formatting_WithDeallangFmtsFormatter_GivesWhatFmtGives()
    {
        // Hyperion with its indentation removed: the server's edit must give back deallang fmt's text
        // (the example is formatted, so that is the example itself).
        string spoiled = System.Text.RegularExpressions.Regex.Replace(Hyperion, "(?m)^ +", "");
        Assert.NotEqual(Hyperion, spoiled);
        await using LspClient client = await LspClient.StartAsync(new DealDocumentFormatter());
        await client.Open(Uri, spoiled);
        JsonElement edits = await client.Request("textDocument/formatting",
            new { textDocument = new { uri = Uri }, options = new { tabSize = 2, insertSpaces = true } });
        Assert.Equal(DealLang.Compiler.Format.DealFormatter.Format(spoiled, HyperionPath).Text, Apply(spoiled, edits));
        Assert.Equal(Hyperion.ReplaceLineEndings("\n"), Apply(spoiled, edits).ReplaceLineEndings("\n"));
    }

    internal static int CountWord(string text, string word) =>
        System.Text.RegularExpressions.Regex.Matches(text, $@"\b{word}\b").Count;

    /// <summary>Applies protocol text edits (non-overlapping) to a text.</summary>
    internal static string Apply(string text, JsonElement edits)
    {
        var list = edits.EnumerateArray().Select(e => (
            Start: Offset(text, e.GetProperty("range").GetProperty("start")),
            End: Offset(text, e.GetProperty("range").GetProperty("end")),
            NewText: e.GetProperty("newText").GetString()!)).OrderByDescending(e => e.Start).ToList();
        foreach (var (start, end, newText) in list)
        {
            text = text[..start] + newText + text[end..];
        }

        return text;
    }

    private static int Offset(string text, JsonElement position)
    {
        int line = position.GetProperty("line").GetInt32();
        int offset = 0;
        for (int i = 0; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + position.GetProperty("character").GetInt32();
    }

    private sealed class UpperCaseTitleFormatter : IDocumentFormatter
    {
        public string? LastPath { get; private set; }

        public string? Format(string text, string path)
        {
            LastPath = path;
            return text.Replace("title", "title ", StringComparison.Ordinal).TrimEnd() + "\n// formatted\n";
        }
    }

    private sealed class RefusingFormatter : IDocumentFormatter
    {
        public string? Format(string text, string path) => null;
    }

    private sealed class FailingFormatter : IDocumentFormatter
    {
        public string? Format(string text, string path) => throw new InvalidOperationException("the formatter broke\nhere");
    }
}
