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
