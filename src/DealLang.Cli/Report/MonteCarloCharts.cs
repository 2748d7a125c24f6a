using System.Collections.Immutable;
using System.Globalization;
using DealLang.Runner.Simulation;

namespace DealLang.Cli.Report;

/// <summary>
/// A Monte Carlo run's charts (docs/language.md "Monte Carlo results"): per tranche the distribution of its principal
/// loss over the paths, from the run's loss sketch, with its VaR at 95%, 99% and 99.9% marked, and beside it, for a
/// tranche behind a guarantor, its holders' (what neither the issuer nor the guarantor repaid them); per index its fan chart,
/// the 5th to 95th percentiles of its level at each period's start.
/// </summary>
internal static class MonteCarloCharts
{
    /// <summary>Bars a loss histogram is drawn with at most: the sketch's buckets (each 2^-7 of its octave, so 0.39% to
    /// 0.78% of the values it holds wide, each read at the middle of what it received: within 0.39% of them) gathered
    /// into this many equal bins between 0 and the largest loss.</summary>
    internal const int Bins = 40;

    /// <param name="indexUnit">The unit of an index's level by its name (a rate index's fan reads in %).</param>
    /// <param name="entity">In a chain, the entity's name, for the section's title; null for a deal alone.</param>
    public static ReportSection Build(CreditMetrics metrics, SimulationTotals totals, Func<string, ChartUnit> indexUnit, string sectionId, string? entity = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(totals);
        var charts = new List<Chart>();
        for (int t = 0; t < metrics.Tranches.Length; t++)
        {
            charts.Add(LossChart($"{sectionId}-loss-{t}", metrics.Tranches[t], totals.Tranches[t].LossHistogram, ""));

            // A guaranteed tranche's holders' loss beside the issuer's: what neither the issuer nor its guarantor repaid them.
            int h = Array.FindIndex(metrics.Holders, held => held.Name == metrics.Tranches[t].Name);
            if (h >= 0)
            {
                charts.Add(LossChart($"{sectionId}-holders-loss-{t}", metrics.Holders[h], totals.Holders[h].LossHistogram, "holders' "));
            }
        }

        for (int x = 0; x < metrics.Indices.Length; x++)
        {
            var fan = metrics.Indices[x];
            string[] names = ["p5", "p25", "p50", "p75", "p95"];
            ImmutableArray<ChartSeries> series = [.. names.Select((name, k) =>
                new ChartSeries(name, [.. fan.Percentiles.Select(row => ScenarioCharts.Value(row[k]))]))];
            charts.Add(new Chart($"{sectionId}-fan-{x}", $"{fan.Name}: fan chart of its level", ChartKind.Fan, indexUnit(fan.Name),
                "period start", [.. fan.Dates.Select(d => d.ToString())], series, [],
                "bands: 5th–95th and 25th–75th percentiles over the paths; line: the median"));
        }

        var frame = metrics.Frame;
        string subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{metrics.Paths:N0} paths, seed {frame.Seed}; P(event of default) {metrics.EventOfDefault.Value * 100:0.00}%, P(enforcement sale) {metrics.Sale.Value * 100:0.00}%");
        return new ReportSection(sectionId, (entity is null ? "" : entity + ": ") + $"Monte Carlo: scenario {frame.Scenario}", subtitle, [.. charts]);
    }

    /// <summary>The distribution of a tranche's principal loss over the paths, or with <paramref name="prefix"/>
    /// <c>holders' </c> its holders' (the issuer's loss less the guarantor's subrogated principal at the end), as the mc report's rows
    /// name them: the sketch's bins and the VaR lines.</summary>
    static Chart LossChart(string id, TrancheRisk risk, LogHistogram histogram, string prefix)
    {
        var (points, counts) = Binned(histogram);
        ImmutableArray<ChartMark> marks = [.. risk.Tails.Select(tail => new ChartMark(
            prefix + "VaR " + (tail.Level * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%", tail.ValueAtRisk.Value))];
        string who = prefix.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{risk.PathsWithLoss:N0} of {risk.Paths:N0} paths lose principal")
            : string.Create(CultureInfo.InvariantCulture, $"on {risk.PathsWithLoss:N0} of {risk.Paths:N0} paths the holders lose principal the guarantor did not pay them");
        string note = string.Create(CultureInfo.InvariantCulture,
            $"{who}; bars gather the losses into {points.Length} equal bins (the value shown is the bin's middle; the first holds the paths without a loss)");
        return new Chart(id, $"{risk.Name}: {prefix}principal loss over the paths", ChartKind.Histogram, ChartUnit.Paths,
            prefix + "principal loss", [.. points.Select(p => p.ToString("R", CultureInfo.InvariantCulture))],
            [new ChartSeries("paths", [.. counts.Select(c => (double?)c)])], marks, note, ChartUnit.Money, [.. points]);
    }

    /// <summary>The sketch's occupied buckets gathered into at most <see cref="Bins"/> equal bins from 0 (or the
    /// smallest value, if negative) to the largest: each bin's middle and its paths. Every path is in one bin.</summary>
    internal static (double[] Points, long[] Counts) Binned(LogHistogram histogram)
    {
        var buckets = histogram.Occupied();
        if (buckets.Count == 0)
        {
            return ([], []);
        }

        double low = Math.Min(0, histogram.Min);
        double high = histogram.Max;
        if (!(high > low))
        {
            // Every path has the same loss (typically none): one bar.
            return ([high], [histogram.Count]);
        }

        double width = (high - low) / Bins;
        var counts = new long[Bins];
        foreach (var (value, count) in buckets)
        {
            int bin = Math.Clamp((int)((value - low) / width), 0, Bins - 1);
            counts[bin] += count;
        }

        double[] points = [.. Enumerable.Range(0, Bins).Select(b => low + ((b + 0.5) * width))];
        return (points, counts);
    }
}
