using System.Collections.Immutable;

namespace DealLang.Cli.Report;

/// <summary>How a chart draws its series (report.js maps each to ECharts options).</summary>
internal enum ChartKind
{
    /// <summary>Bars per category, the series stacked: a period's collections by source, its payments by step.</summary>
    StackedBars,

    /// <summary>Bars per category, the series side by side: a figure per scenario and tranche.</summary>
    GroupedBars,

    /// <summary>A line per series over the categories (periods): balances, a test's values.</summary>
    Lines,

    /// <summary>A distribution: one series of [value, paths] points on a value axis, with vertical marks (VaR).</summary>
    Histogram,

    /// <summary>A fan chart: five series, the 5th, 25th, 50th, 75th and 95th percentiles per period, drawn as bands
    /// around the median.</summary>
    Fan,
}

/// <summary>What a chart's values are, for its axis and its table: money is shown in millions.</summary>
internal enum ChartUnit
{
    Money,
    Ratio,
    Rate,
    Number,
    Paths,
}

/// <summary>One series: its name and a value per category (null where undefined: n/a, NaN). For a histogram, the
/// values are the path counts and <see cref="Chart.Points"/> the values they stand at.</summary>
internal sealed record ChartSeries(string Name, ImmutableArray<double?> Values);

/// <summary>A horizontal (or, on a histogram, vertical) mark: a trigger's level, a VaR.</summary>
internal sealed record ChartMark(string Name, double Value);

/// <summary>
/// One chart of the report and the table under it: everything the page draws, decided here, so the page's script only
/// maps it to the chart library and the table shows exactly the numbers drawn.
/// </summary>
/// <param name="Id">Unique in the page, for the element's id (tests find charts by it).</param>
/// <param name="Categories">The x values: period end dates, scenario names; for a histogram the bucket values.</param>
/// <param name="Unit">The unit of the series' values (a histogram's are paths; <paramref name="AxisUnit"/> its x values').</param>
internal sealed record Chart(
    string Id,
    string Title,
    ChartKind Kind,
    ChartUnit Unit,
    string CategoryLabel,
    ImmutableArray<string> Categories,
    ImmutableArray<ChartSeries> Series,
    ImmutableArray<ChartMark> Marks,
    string? Note = null,
    ChartUnit AxisUnit = ChartUnit.Number,
    ImmutableArray<double> Points = default);

/// <summary>A titled group of charts: a scenario's, the comparison across scenarios, a Monte Carlo run's.</summary>
internal sealed record ReportSection(string Id, string Title, string? Note, ImmutableArray<Chart> Charts);

/// <summary>The whole report: the deal, what was run, and its sections in page order.</summary>
internal sealed record ReportDocument(string Deal, string Title, string Currency, string Subtitle, ImmutableArray<ReportSection> Sections);
