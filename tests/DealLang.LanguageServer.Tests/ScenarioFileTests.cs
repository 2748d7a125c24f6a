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
    public async Task AScenarioFile_ReadsTheOpenDealsUnsavedText()
    {
        string dealPath = Examples.PathOf("hyperion.deal");
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Examples.UriOf(dealPath), File.ReadAllText(dealPath).Replace("MetaLease", "CampusLease", StringComparison.Ordinal));
        await client.Open(Uri, Stress);
        Assert.Contains((await client.DiagnosticsFor(Uri, 1)).Diagnostics, d => d.Code == "DL0504" && d.Message.Contains("MetaLease", StringComparison.Ordinal));
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
