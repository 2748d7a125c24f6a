using System.Collections.Immutable;
using DealLang.Runner.Running;

namespace DealLang.Cli.Report;

/// <summary>
/// The scenarios side by side (the summary's figures, docs/language.md "The summary"): each tranche's principal loss
/// and each tranche's and equity's IRR, one group of bars per scenario.
/// </summary>
internal static class ComparisonCharts
{
    /// <param name="entity">In a chain, the entity's name, for the section's title; null for a deal alone.</param>
    public static ReportSection Build(IReadOnlyList<ScenarioOutcome> outcomes, string sectionId, string? entity = null)
    {
        ImmutableArray<string> scenarios = [.. outcomes.Select(o => o.Scenario)];
        var first = outcomes[0];
        ImmutableArray<ChartSeries> losses = [.. first.Tranches.Select((t, i) =>
            new ChartSeries(t.Name, [.. outcomes.Select(o => ScenarioCharts.Value(o.Tranches[i].PrincipalLoss))]))];
        ImmutableArray<ChartSeries> irrs =
        [
            .. first.Tranches.Select((t, i) => new ChartSeries(t.Name, [.. outcomes.Select(o => ScenarioCharts.Value(o.Tranches[i].Irr))])),
            .. first.Equities.Select((e, i) => new ChartSeries(e.Name, [.. outcomes.Select(o => ScenarioCharts.Value(o.Equities[i].Irr))])),
        ];
        return new ReportSection(sectionId, entity is null ? "Scenarios side by side" : $"{entity}: scenarios side by side", "the summary's figures; an IRR that is undefined is left out (n/a)",
        [
            new Chart($"{sectionId}-losses", "Principal loss by scenario", ChartKind.GroupedBars, ChartUnit.Money, "scenario", scenarios, losses, [],
                "principal never repaid"),
            new Chart($"{sectionId}-irr", "IRR by scenario", ChartKind.GroupedBars, ChartUnit.Rate, "scenario", scenarios, irrs, [],
                "annual, ACT/365F, buying at par at closing (equity: as contributed)"),
        ]);
    }
}
