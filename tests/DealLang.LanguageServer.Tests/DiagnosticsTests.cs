using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Tests;

/// <summary>textDocument/publishDiagnostics after didOpen and didChange: the checker's diagnostics, located, with
/// code and severity, for the document's own file.</summary>
public sealed class DiagnosticsTests
{
    public static TheoryData<string> ExampleDeals => [.. Examples.Deals.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public async Task AnExample_HasNoErrors(string name)
    {
        string path = Examples.PathOf(name);
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Examples.UriOf(path), File.ReadAllText(path));
        PublishDiagnosticsParams published = await client.DiagnosticsFor(Examples.UriOf(path), 1);
        Assert.DoesNotContain(published.Diagnostics, d => d.Severity == 1);
    }

    [Fact]
    public async Task AnEdit_ThatMisspellsAName_IsReportedWhereItStands()
    {
        string path = Examples.PathOf("hyperion.deal");
        string uri = Examples.UriOf(path);
        string text = File.ReadAllText(path);
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(uri, text);
        Assert.DoesNotContain((await client.DiagnosticsFor(uri, 1)).Diagnostics, d => d.Severity == 1);

        // 'pay Trustee' in the waterfall becomes 'pay Trustea': DL0202, unknown name, on that word.
        (int line, int character) = Examples.Find(text, "Trustee", after: "waterfall {");
        string edited = text[..text.IndexOf("pay Trustee", text.IndexOf("waterfall {", StringComparison.Ordinal), StringComparison.Ordinal)]
            + "pay Trustea" + text[(text.IndexOf("pay Trustee", text.IndexOf("waterfall {", StringComparison.Ordinal), StringComparison.Ordinal) + "pay Trustee".Length)..];
        await client.Change(uri, edited, 2);
        PublishDiagnosticsParams published = await client.DiagnosticsFor(uri, 2);
        LspDiagnostic diagnostic = Assert.Single(published.Diagnostics, d => d.Severity == 1);
        Assert.Equal("DL0202", diagnostic.Code);
        Assert.Equal("deallang", diagnostic.Source);
        Assert.Contains("did you mean 'Trustee'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new Position(line, character), diagnostic.Range.Start);
        Assert.Equal(new Position(line, character + "Trustea".Length), diagnostic.Range.End);

        // Put back: the error goes.
        await client.Change(uri, text, 3);
        Assert.DoesNotContain((await client.DiagnosticsFor(uri, 3)).Diagnostics, d => d.Severity == 1);
    }

    [Fact]
    public async Task Positions_AfterACharacterOutsideTheBasicPlane_CountUtf16CodeUnits()
    {
        // A rocket (U+1F680, two UTF-16 code units, one code point) in a comment before 'fill Dsr': the diagnostic,
        // and a hover on the same line, are at the word's UTF-16 offset, as the protocol counts.
        string path = Examples.PathOf("hyperion.deal");
        string uri = Examples.UriOf(path);
        // A line of its own in the waterfall, before Hyperion's 'if LeaseEnded { … } else { fill Dsra }'.
        string text = File.ReadAllText(path).Replace("    if LeaseEnded", "    /* \U0001F680 */ fill Dsr  pay Trustee\n    if LeaseEnded", StringComparison.Ordinal);
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(uri, text);

        (int line, int character) = Examples.Find(text, "Dsr", after: "\U0001F680");
        Assert.Equal(18, character); // "    /* " 7, the rocket 2, " */ fill " 9
        LspDiagnostic diagnostic = Assert.Single((await client.DiagnosticsFor(uri, 1)).Diagnostics, d => d.Code == "DL0202");
        Assert.Equal(new Position(line, character), diagnostic.Range.Start);
        Assert.Equal(new Position(line, character + "Dsr".Length), diagnostic.Range.End);

        (int trusteeLine, int trusteeCharacter) = Examples.Find(text, "Trustee", after: "\U0001F680");
        string hover = (await client.At("textDocument/hover", uri, trusteeLine, trusteeCharacter)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.StartsWith("**fee** `Trustee`", hover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWarning_IsPublishedWithSeverityTwo()
    {
        // Malformed 056: cash held in an account that is never released is a warning (DL0415), not an error.
        string path = Path.Combine(DealLang.TestSupport.RepoPaths.Tests, "corpus", "malformed", "056-trap-never-released.deal");
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Examples.UriOf(path), File.ReadAllText(path));
        LspDiagnostic diagnostic = Assert.Single((await client.DiagnosticsFor(Examples.UriOf(path), 1)).Diagnostics);
        Assert.Equal(("DL0415", 2), (diagnostic.Code, diagnostic.Severity));
    }

    [Fact]
    public async Task ADocument_ThatImportsAnother_ResolvesItBesideItself()
    {
        string path = Path.Combine(DealLang.TestSupport.RepoPaths.Tests, "corpus", "valid", "022-parent-holding-spv-equity-and-notes.deal");
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Examples.UriOf(path), File.ReadAllText(path));
        Assert.Empty((await client.DiagnosticsFor(Examples.UriOf(path), 1)).Diagnostics);
    }

    [Fact]
    public async Task AnImportedFile_OpenWithUnsavedEdits_IsReadFromTheEditor()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-lsp-").FullName;
        try
        {
            var (spvPath, parentPath) = CopyChain(folder);
            await using LspClient client = await LspClient.StartAsync();
            await client.Open(Examples.UriOf(parentPath), File.ReadAllText(parentPath));
            Assert.Empty((await client.DiagnosticsFor(Examples.UriOf(parentPath), 1)).Diagnostics);

            // The SPV's equity renamed in its (unsaved) buffer: the parent's 'of Spv.SpvEquity' no longer resolves.
            client.Forget(Examples.UriOf(parentPath));
            await client.Open(Examples.UriOf(spvPath), File.ReadAllText(spvPath).Replace("SpvEquity", "SpvShares", StringComparison.Ordinal));
            PublishDiagnosticsParams published = await client.DiagnosticsFor(Examples.UriOf(parentPath), 1);
            Assert.Contains(published.Diagnostics, d => d.Severity == 1 && d.Message.Contains("SpvEquity", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AMistakeInAnImportedFileNotOpen_IsPublishedUnderItsUri_AndClearedOnceOpen()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-lsp-").FullName;
        try
        {
            // The SPV on disk, with its notes' coupon misspelled; only the parent that imports it is open.
            var (spvPath, parentPath) = CopyChain(folder);
            string spvText = File.ReadAllText(spvPath);
            Assert.Contains("coupon ", spvText, StringComparison.Ordinal);
            File.WriteAllText(spvPath, spvText.Replace("coupon ", "cuopon ", StringComparison.Ordinal));
            await using LspClient client = await LspClient.StartAsync();
            await client.Open(Examples.UriOf(parentPath), File.ReadAllText(parentPath));
            await client.DiagnosticsFor(Examples.UriOf(parentPath), 1);

            // Published under the SPV's own URI, located in it, once however many times the compilation reports it.
            PublishDiagnosticsParams imported = await client.DiagnosticsFor(Examples.UriOf(spvPath), null);
            LspDiagnostic mistake = Assert.Single(imported.Diagnostics, d => d.Severity == 1);
            int line = Array.FindIndex(File.ReadAllLines(spvPath), l => l.Contains("cuopon", StringComparison.Ordinal));
            Assert.Equal(line, mistake.Range.Start.Line);
            Assert.Equal(imported.Diagnostics.Length, imported.Diagnostics.Distinct().Count());

            // Opened and fixed in the editor: its own publication has no error, and the URI's is cleared.
            client.Forget(Examples.UriOf(spvPath));
            await client.Open(Examples.UriOf(spvPath), spvText);
            Assert.Empty((await client.DiagnosticsFor(Examples.UriOf(spvPath), 1)).Diagnostics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AMistakeInAnImportedFileNotOpen_IsClearedOnceNoLongerImported()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-lsp-").FullName;
        try
        {
            var (spvPath, parentPath) = CopyChain(folder);
            File.WriteAllText(spvPath, File.ReadAllText(spvPath).Replace("coupon ", "cuopon ", StringComparison.Ordinal));
            string parentText = File.ReadAllText(parentPath);
            string parentUri = Examples.UriOf(parentPath);
            await using LspClient client = await LspClient.StartAsync();
            await client.Open(parentUri, parentText);
            await client.DiagnosticsFor(parentUri, 1);
            Assert.Contains((await client.DiagnosticsFor(Examples.UriOf(spvPath), null)).Diagnostics, d => d.Severity == 1);

            // The parent's import line removed in the editor (its holdings of the SPV are now its own errors): the
            // SPV is no longer part of any open document's compilation, so what was listed under it is cleared.
            string import = "import \"021-project-spv-held-by-a-parent.deal\"";
            Assert.Contains(import, parentText, StringComparison.Ordinal);
            client.Forget(Examples.UriOf(spvPath));
            await client.Change(parentUri, parentText.Replace(import, "", StringComparison.Ordinal), 2);
            await client.DiagnosticsFor(parentUri, 2);
            Assert.Empty((await client.DiagnosticsFor(Examples.UriOf(spvPath), null)).Diagnostics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Valid 021 (an SPV) and 022 (its parent, which imports it) copied into the folder: their paths there.
    private static (string Spv, string Parent) CopyChain(string folder)
    {
        string valid = Path.Combine(DealLang.TestSupport.RepoPaths.Tests, "corpus", "valid");
        string spv = Path.Combine(folder, "021-project-spv-held-by-a-parent.deal");
        string parent = Path.Combine(folder, "022-parent-holding-spv-equity-and-notes.deal");
        File.Copy(Path.Combine(valid, Path.GetFileName(spv)), spv);
        File.Copy(Path.Combine(valid, Path.GetFileName(parent)), parent);
        return (spv, parent);
    }

    [Fact]
    public async Task Closing_ClearsTheDocumentsDiagnostics()
    {
        await using LspClient client = await LspClient.StartAsync();
        await client.Open("file:///tmp/lsp-broken.deal", "deal X { tranche }");
        Assert.NotEmpty((await client.DiagnosticsFor("file:///tmp/lsp-broken.deal", 1)).Diagnostics);
        await client.Notify("textDocument/didClose", new { textDocument = new { uri = "file:///tmp/lsp-broken.deal" } });
        Assert.Empty((await client.DiagnosticsFor("file:///tmp/lsp-broken.deal", null)).Diagnostics);
    }
}
