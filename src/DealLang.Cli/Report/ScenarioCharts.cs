using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Report;

/// <summary>
/// One deterministic scenario's charts, read from its period ledger (docs/language.md §12): collections by source and
/// each waterfall step's payments as stacked bars per period, the tranches' balances, each test against the levels its
/// triggers compare it with, and each fleet's book against its market value. The ledger's columns are found by the
/// names the ledger gives them (section order, docs/language.md §12), so a chart shows exactly the ledger's figures.
/// </summary>
internal static partial class ScenarioCharts
{
    /// <summary>A step's column of cash leaving the available funds: what the step paid, filled, held, distributed,
    /// swept. (A release and a sale's raise bring cash in, and are in the collections or the accounts instead.)</summary>
    [GeneratedRegex(@"^(?<step>\d+ .*) (?<what>paid|filled|held|distributed|swept)$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentColumn();

    /// <param name="entity">In a chain, the entity's name, for the section's title; null for a deal alone.</param>
    public static ReportSection Build(DealDescription deal, LedgerLayout layout, ScenarioOutcome outcome, TriggerLevels levels, string sectionId, string? entity = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        LedgerTable ledger = outcome.Ledger ?? throw new ArgumentException("the report needs the scenario's full ledger", nameof(outcome));
        var columns = layout.Columns;
        int periods = ledger.Periods;
        ImmutableArray<string> dates = [.. Enumerable.Range(0, periods).Select(p => deal.Boundaries[p + 1].ToString())];
        var charts = new List<Chart>();

        // Collections: every column before the 'collections' total is a source (rent, interest, sale proceeds…).
        int total = Array.FindIndex(columns, c => c.Name == "collections");
        var sources = NonZero(ledger, Enumerable.Range(0, Math.Max(total, 0)), columns, name => name);
        charts.Add(new Chart($"{sectionId}-collections", "Collections by source", ChartKind.StackedBars, ChartUnit.Money,
            "period end", dates, sources, [], total < 0 ? null : "each bar's height is the period's collections"));

        // Payments: each step's cash out, by step number and text, in waterfall order.
        var payments = new List<int>();
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c].Kind == ColumnKind.Money && PaymentColumn().IsMatch(columns[c].Name))
            {
                payments.Add(c);
            }
        }

        charts.Add(new Chart($"{sectionId}-payments", "Waterfall payments by step", ChartKind.StackedBars, ChartUnit.Money,
            "period end", dates, NonZero(ledger, payments, columns, name => PaymentColumn().Match(name).Groups["step"].Value), [],
            "what each step paid, filled, held, distributed or swept"));

        // Tranche balances, after each period's principal.
        var balances = deal.Tranches
            .Select(t => Array.FindIndex(columns, c => c.Name == t.Name + " balance"))
            .Where(c => c >= 0);
        charts.Add(new Chart($"{sectionId}-balances", "Tranche balances", ChartKind.Lines, ChartUnit.Money, "period end", dates,
            [.. balances.Select(c => Series(ledger, c, columns[c].Name.Replace(" balance", "", StringComparison.Ordinal)))], []));

        // Each test (DSCR, LTV…) with the levels its triggers compare it with.
        for (int t = 0; t < deal.Tests.Length; t++)
        {
            string test = deal.Tests[t];
            int c = Array.FindIndex(columns, col => col.Name == test);
            if (c < 0)
            {
                continue;
            }

            charts.Add(new Chart($"{sectionId}-test-{t}", $"Test {test}", ChartKind.Lines, UnitOf(columns[c].Kind), "period end", dates,
                [Series(ledger, c, test)], levels.Of(test), levels.Of(test).IsEmpty ? "no trigger compares this test with a constant" : "dashed: trigger levels"));
        }

        // Each fleet's book value against its market value.
        for (int f = 0; f < deal.Fleets.Length; f++)
        {
            string fleet = deal.Fleets[f].Name;
            int book = Array.FindIndex(columns, c => c.Name == fleet + " book value");
            int market = Array.FindIndex(columns, c => c.Name == fleet + " market value");
            if (book < 0 || market < 0)
            {
                continue;
            }

            charts.Add(new Chart($"{sectionId}-fleet-{f}", $"Fleet {fleet}: book and market value", ChartKind.Lines, ChartUnit.Money,
                "period end", dates, [Series(ledger, book, "book value"), Series(ledger, market, "market value")], []));
        }

        string note = periods == deal.ScheduledPeriods
            ? $"{periods} periods"
            : periods < deal.ScheduledPeriods
                ? $"{periods} of {deal.ScheduledPeriods} periods run (the deal ended early)"
                : $"{periods} periods run ({deal.ScheduledPeriods} to the maturity, then {periods - deal.ScheduledPeriods} in the workout)";
        return new ReportSection(sectionId, entity is null ? $"Scenario {outcome.Scenario}" : $"{entity}: scenario {outcome.Scenario}", note, [.. charts]);
    }

    internal static ChartUnit UnitOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Money => ChartUnit.Money,
        ColumnKind.Ratio => ChartUnit.Ratio,
        ColumnKind.Rate => ChartUnit.Rate,
        _ => ChartUnit.Number,
    };

    static ChartSeries Series(LedgerTable ledger, int column, string name) =>
        new(name, [.. Enumerable.Range(0, ledger.Periods).Select(p => Value(ledger[p, column]))]);

    /// <summary>The columns with a value other than 0 in some period, as series (an all-zero series only crowds the legend).</summary>
    static ImmutableArray<ChartSeries> NonZero(LedgerTable ledger, IEnumerable<int> columns, LedgerColumn[] layout, Func<string, string> name) =>
        [.. columns
            .Where(c => Enumerable.Range(0, ledger.Periods).Any(p => ledger[p, c] != 0 && !double.IsNaN(ledger[p, c])))
            .Select(c => Series(ledger, c, name(layout[c].Name)))];

    internal static double? Value(double value) => double.IsFinite(value) ? value : null;
}
