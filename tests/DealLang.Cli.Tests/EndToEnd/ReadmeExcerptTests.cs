using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// The Monte Carlo excerpt README.md and examples/README.md quote is what <c>deallang mc</c> prints: its lines, in order,
/// are lines of the report of <c>mc examples/coreweave-ddtl2.deal --scenario Stochastic --paths 100000 --seed 42</c>, a
/// <c>…</c> standing for the rows it leaves out. Until 2026-12-07 nothing checked them, and README.md's ± column had
/// drifted from the report's (0.122% where the run prints 0.111%) while examples/README.md's was current.
/// </summary>
public sealed class ReadmeExcerptTests
{
    const string Header = "CoreWeaveDdtl2: Monte Carlo, scenario Stochastic, 100,000 paths, seed 42";

    [Fact]
    public void TheMonteCarloExcerptsAreLinesOfTheReportMcPrints()
    {
        CliOutcome outcome = CliHarness.Run(
            "mc", Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal"), "--scenario", "Stochastic", "--paths", "100000", "--seed", "42");
        Assert.True(outcome.Exit == 0, outcome.ToString());
        string[] printed = [.. outcome.Out.Split('\n').Select(l => l.TrimEnd('\r'))];

        foreach (string readme in new[] { "README.md", "examples/README.md" })
        {
            string[] excerpt = Excerpt(File.ReadAllLines(Path.Combine(RepoPaths.Root, readme)));
            Assert.True(excerpt.Length > 10, $"{readme} quotes no excerpt headed '{Header}'");
            int next = 0;
            foreach (string line in excerpt.Where(l => l.Trim() != "…"))
            {
                int at = Array.IndexOf(printed, line, next);
                Assert.True(at >= 0, $"{readme}: '{line}' is not a line mc prints (after its line {next}):\n{outcome.Out}");
                next = at + 1;
            }
        }
    }

    // The fenced block that starts with the report's header line, to its closing fence.
    static string[] Excerpt(string[] lines)
    {
        int start = Array.IndexOf(lines, Header);
        if (start < 1 || !lines[start - 1].StartsWith("```", StringComparison.Ordinal))
        {
            return [];
        }

        int end = Array.FindIndex(lines, start, l => l.StartsWith("```", StringComparison.Ordinal));
        return end < 0 ? [] : lines[start..end];
    }
}
