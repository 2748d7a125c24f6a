using System.Text.Json;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang check --format json|sarif</c> (docs/cli.md, "check"): the diagnostics as one JSON array, or as a SARIF
/// 2.1.0 log whose rules are the DL codes reported and whose results carry the rule, level, message and location of each
/// diagnostic, in the order the text format prints them. Checked on malformed corpus cases against the text format's
/// own lines, and on a clean deal.
/// </summary>
public sealed class CheckFormatTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-check-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Malformed cases with errors only, with a warning, and with several diagnostics.</summary>
    public static TheoryData<string> Cases() => new(Directory.GetFiles(Path.Combine(RepoPaths.Tests, "corpus", "malformed"), "*.deal")
        .Order(StringComparer.Ordinal).Where((_, i) => i % 25 == 0).Select(Path.GetFileName)!);

    /// <summary>The text format's diagnostic lines: <c>path(line,col): error DL0123: message</c>.</summary>
    private static string[] TextLines(string file)
    {
        CliOutcome text = CliHarness.Run("check", file);
        return [.. text.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Contains(": error DL", StringComparison.Ordinal) || l.Contains(": warning DL", StringComparison.Ordinal))];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_is_an_array_of_the_diagnostics_the_text_format_prints(string name)
    {
        string file = Path.Combine(RepoPaths.Tests, "corpus", "malformed", name);
        CliOutcome json = CliHarness.Run("check", file, "--format", "json");
        Assert.Equal("", json.Err);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        string[] rebuilt = [.. document.RootElement.EnumerateArray().Select(d =>
            $"{d.GetProperty("file").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}): "
            + $"{d.GetProperty("severity").GetString()} {d.GetProperty("code").GetString()}: {d.GetProperty("message").GetString()}")];
        Assert.Equal(TextLines(file), rebuilt);
        bool errors = document.RootElement.EnumerateArray().Any(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal(errors ? ExitCodes.DealErrors : ExitCodes.Ok, json.Exit);
        Assert.All(document.RootElement.EnumerateArray(), d =>
        {
            Assert.Matches("^DL[0-9]{4}$", d.GetProperty("code").GetString());
            Assert.Contains(d.GetProperty("severity").GetString(), new[] { "error", "warning" });
            Assert.True(d.GetProperty("endLine").GetInt32() >= d.GetProperty("line").GetInt32());
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sarif_is_a_2_1_0_log_with_a_rule_per_code_and_a_located_result_per_diagnostic(string name)
    {
        string file = Path.Combine(RepoPaths.Tests, "corpus", "malformed", name);
        CliOutcome sarif = CliHarness.Run("check", file, "--format", "sarif");
        using var document = JsonDocument.Parse(sarif.Out);
        JsonElement root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        JsonElement run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        JsonElement driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("deallang", driver.GetProperty("name").GetString());
        string[] rules = [.. driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

        string[] text = TextLines(file);
        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];
        Assert.Equal(text.Length, results.Length);
        Assert.Equal(text.Select(l => l.Split(' ')[2].TrimEnd(':')).Distinct().Order(StringComparer.Ordinal), rules);
        for (int i = 0; i < results.Length; i++)
        {
            JsonElement r = results[i];
            string id = r.GetProperty("ruleId").GetString()!;
            Assert.Equal(id, rules[r.GetProperty("ruleIndex").GetInt32()]);
            JsonElement region = Assert.Single(r.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation").GetProperty("region");
            string uri = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

            // The text line, rebuilt from the result: the same file, place, level, code and message.
            // An absolute path is a file:// URI, a relative one percent-encoded segments.
            string path = uri.StartsWith("file://", StringComparison.Ordinal) ? new Uri(uri).LocalPath : Uri.UnescapeDataString(uri);
            Assert.Equal(text[i], $"{path}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}): "
                + $"{r.GetProperty("level").GetString()} {id}: {r.GetProperty("message").GetProperty("text").GetString()}");
            if (region.TryGetProperty("endLine", out JsonElement endLine))
            {
                // SARIF's end column is the one after the last character.
                Assert.True(endLine.GetInt32() > region.GetProperty("startLine").GetInt32()
                    || region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
            }
        }
    }

    [Fact]
    public void A_clean_deal_is_an_empty_array_and_a_log_with_no_results_and_the_output_goes_to_a_file_with_o()
    {
        CliOutcome json = CliHarness.Run("check", Hyperion, "--format", "json");
        Assert.Equal(ExitCodes.Ok, json.Exit);
        Assert.Equal("[]", json.Out.Trim());

        string file = Path.Combine(folder, "check.sarif");
        CliOutcome sarif = CliHarness.Run("check", Hyperion, "--format", "sarif", "-o", file);
        Assert.Equal(ExitCodes.Ok, sarif.Exit);
        Assert.Equal($"wrote {file}", sarif.Out.Trim());
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(0, document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());

        // A deal with errors: the file is written all the same (the diagnostics are the report, for CI), exit 1.
        string broken = Path.Combine(folder, "broken.json");
        CliOutcome errors = CliHarness.Run("check", Path.Combine(RepoPaths.Tests, "corpus", "malformed", "005-missing-closing-brace.deal"), "--format", "json", "--output", broken);
        Assert.Equal(ExitCodes.DealErrors, errors.Exit);
        using var written = JsonDocument.Parse(File.ReadAllText(broken));
        Assert.Equal("DL0101", written.RootElement[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--output", "x.txt")]
    public void A_bad_format_or_output_for_the_text_format_is_a_usage_error(string option, string value)
    {
        CliOutcome outcome = CliHarness.Run("check", Hyperion, option, value);
        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.StartsWith("deallang: error: ", outcome.Err, StringComparison.Ordinal);
    }
}
