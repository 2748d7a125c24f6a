using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Support;

/// <summary>The two runs of <see cref="FourPeriodProgram"/> the report tests render.</summary>
static class Outcomes
{
    public static readonly FourPeriodProgram Program = new();

    public static DealDescription Deal => Program.Description;

    /// <summary>[0] AsWritten, [1] Default (tenant default: event of default, sale, losses).</summary>
    public static IReadOnlyList<ScenarioOutcome> Both() =>
        ScenarioRunner.RunAll(Program, [ScenarioSpec.AsWritten(Deal), FourPeriodProgram.TenantDefaults(Deal)]);

    public static string[] Lines(string text) => text.Split('\n');

    /// <summary>The cells of the table line whose label is <paramref name="label"/>, split on runs of 2+ spaces.</summary>
    public static string[] TableRow(string text, string label)
    {
        foreach (string line in Lines(text))
        {
            if (line.StartsWith(label + "  ", StringComparison.Ordinal))
            {
                return System.Text.RegularExpressions.Regex.Split(line.Trim(), " {2,}");
            }
        }

        throw new Xunit.Sdk.XunitException($"No line labelled '{label}' in:\n{text}");
    }
}
