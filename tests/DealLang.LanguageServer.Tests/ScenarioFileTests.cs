using System.Text.Json;

namespace DealLang.LanguageServer.Tests;

/// <summary>A <c>.scenarios</c> file is checked with the deal it names (as <c>--scenarios</c> adds it), found
/// beside it on disk or among the open documents.</summary>
public sealed class ScenarioFileTests
{
    private static readonly string StressPath = Examples.PathOf("hyperion-stress.scenarios");
    private static readonly string Stress = File.ReadAllText(StressPath);
    private static readonly string Uri = Examples.UriOf(StressPath);

    [Fact]
    public async Task AScenarioFile_ChecksCleanAgainstItsDealOnDisk_AndNavigatesIntoIt()
    {
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Uri, Stress);
        Assert.Empty((await client.DiagnosticsFor(Uri, 1)).Diagnostics);

        (int line, int character) = Examples.Find(Stress, "MetaLease", after: "scenario GpuRentStress");
        JsonElement location = Assert.Single((await client.At("textDocument/definition", Uri, line, character)).EnumerateArray());
        Assert.Equal(Examples.UriOf(Examples.PathOf("hyperion.deal")), location.GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Hover_InAScenarioFile_NamesTheDealsFileItIsDeclaredIn()
    {
        string deal = File.ReadAllText(Examples.PathOf("hyperion.deal"));
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Uri, Stress);
        await client.DiagnosticsFor(Uri, 1);

        (int line, int character) = Examples.Find(Stress, "Campus", after: "scenario GpuRentStress");
        (int declared, _) = Examples.Find(deal, "Campus", after: "facility Campus");
        string hover = (await client.At("textDocument/hover", Uri, line, character)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.StartsWith("**facility** `Campus`", hover, StringComparison.Ordinal);
        Assert.Contains($"declared at hyperion.deal line {declared + 1}", hover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_FromAScenarioFile_IncludeTheDealsUses()
    {
        string dealPath = Examples.PathOf("hyperion.deal");
        string deal = File.ReadAllText(dealPath);
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Uri, Stress);
        await client.DiagnosticsFor(Uri, 1);

        (int line, int character) = Examples.Find(Stress, "MetaLease", after: "scenario GpuRentStress");
        JsonElement[] found = [.. (await client.At("textDocument/references", Uri, line, character, new { context = new { includeDeclaration = true } })).EnumerateArray()];
        string[] uris = [.. found.Select(l => l.GetProperty("uri").GetString()!)];
        (int declared, _) = Examples.Find(deal, "MetaLease", after: "lease MetaLease");

        Assert.Equal(CountWord(Stress, "MetaLease"), uris.Count(u => u == Uri));
        Assert.Equal(CountWord(deal, "MetaLease"), uris.Count(u => u == Examples.UriOf(dealPath)));
        Assert.Contains(found, l => l.GetProperty("uri").GetString() == Examples.UriOf(dealPath)
            && l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == declared);
    }

    // Occurrences of a name as a whole word outside comments: what references should find of it.
    private static int CountWord(string text, string word) =>
        text.Split('\n').Select(l => l.Split("//")[0])
            .Sum(l => System.Text.RegularExpressions.Regex.Matches(l, $@"\b{word}\b").Count);

    [Fact]
    public async Task AScenarioFile_ReadsTheOpenDealsUnsavedText()
    {
        string dealPath = Examples.PathOf("hyperion.deal");
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Examples.UriOf(dealPath), File.ReadAllText(dealPath).Replace("MetaLease", "CampusLease", StringComparison.Ordinal));
        await client.Open(Uri, Stress);
        Assert.Contains((await client.DiagnosticsFor(Uri, 1)).Diagnostics, d => d.Code == "DL0504" && d.Message.Contains("MetaLease", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDealBesideAScenarioFile_IsReadAgainOnlyWhenItsWriteTimeChanges()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-lsp-scenarios-").FullName;
        try
        {
            string dealPath = Path.Combine(folder, "hyperion.deal");
            string stressPath = Path.Combine(folder, "stress.scenarios");
            string deal = File.ReadAllText(Examples.PathOf("hyperion.deal"));
            File.WriteAllText(dealPath, deal);
            var written = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(dealPath, written);
            string stressUri = Examples.UriOf(stressPath);
            await using LspClient client = await LspClient.StartAsync();
            await client.Open(stressUri, Stress);
            Assert.Empty((await client.DiagnosticsFor(stressUri, 1)).Diagnostics);

            // The lease renamed on disk with the same write time: the text read before is kept (no read per keystroke).
            File.WriteAllText(dealPath, deal.Replace("MetaLease", "CampusLease", StringComparison.Ordinal));
            File.SetLastWriteTimeUtc(dealPath, written);
            await client.Change(stressUri, Stress, 2);
            Assert.Empty((await client.DiagnosticsFor(stressUri, 2)).Diagnostics);

            // Saved again (a later write time): read again, and the scenario's lease is now unknown.
            File.SetLastWriteTimeUtc(dealPath, written.AddMinutes(1));
            await client.Change(stressUri, Stress, 3);
            Assert.Contains((await client.DiagnosticsFor(stressUri, 3)).Diagnostics, d => d.Code == "DL0504" && d.Message.Contains("MetaLease", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A scenario file that imports its deal compiles as it is, as the CLI takes it: it is not paired with a .deal file
    // beside it that declares a deal of the same name (before, both were read: two deals, DL0606 in the imported file,
    // and a name in the scenario file led to the copy beside it).
    [Fact]
    public async Task AScenarioFileThatImportsItsDeal_IsNotPairedWithAnotherBesideIt()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-lsp-scenarios-import-").FullName;
        try
        {
            string deal = File.ReadAllText(Examples.PathOf("hyperion.deal"));
            Directory.CreateDirectory(Path.Combine(folder, "deals"));
            File.WriteAllText(Path.Combine(folder, "deals", "hyperion.deal"), deal);
            File.WriteAllText(Path.Combine(folder, "old-hyperion.deal"), deal); // an older copy, beside the scenario file
            string stressUri = Examples.UriOf(Path.Combine(folder, "stress.scenarios"));
            await using LspClient client = await LspClient.StartAsync();
            string text = "import \"deals/hyperion.deal\"\n\n" + Stress;
            await client.Open(stressUri, text);
            Assert.Empty((await client.DiagnosticsFor(stressUri, 1)).Diagnostics);

            (int line, int character) = Examples.Find(text, "MetaLease", after: "scenario GpuRentStress");
            JsonElement location = Assert.Single((await client.At("textDocument/definition", stressUri, line, character)).EnumerateArray());
            Assert.Equal(Examples.UriOf(Path.Combine(folder, "deals", "hyperion.deal")), location.GetProperty("uri").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A .deal beside the scenario file that is a link to a device is passed over while the folder is searched for the
    // scenario's deal: a link to /dev/zero (no length to check) was read until the server ran out of memory.
    [Fact]
    public async Task ADeviceNamedDealBesideAScenarioFile_IsPassedOver()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string folder = Directory.CreateTempSubdirectory("deallang-lsp-scenarios-device-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder, "a-zero.deal"), "/dev/zero"); // searched first, in name order
            File.WriteAllText(Path.Combine(folder, "hyperion.deal"), File.ReadAllText(Examples.PathOf("hyperion.deal")));
            string stressUri = Examples.UriOf(Path.Combine(folder, "stress.scenarios"));
            await using LspClient client = await LspClient.StartAsync();
            await client.Open(stressUri, Stress);
            Assert.Empty((await client.DiagnosticsFor(stressUri, 1)).Diagnostics);
            Assert.Equal(0, await client.ShutdownAndExit());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Rename_FromTheScenarioFile_EditsTheDealToo()
    {
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Uri, Stress);
        await client.DiagnosticsFor(Uri, 1);
        (int line, int character) = Examples.Find(Stress, "Campus", after: "scenario GpuRentStress");
        JsonElement changes = (await client.At("textDocument/rename", Uri, line, character, new { newName = "Site" })).GetProperty("changes");
        string dealUri = Examples.UriOf(Examples.PathOf("hyperion.deal"));
        Assert.Equal(FeatureTests.CountWord(File.ReadAllText(Examples.PathOf("hyperion.deal")), "Campus"), changes.GetProperty(dealUri).GetArrayLength());
        Assert.True(changes.GetProperty(Uri).GetArrayLength() > 0);
    }
}
