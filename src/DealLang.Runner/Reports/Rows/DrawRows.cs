using System.Text.Json;
using DealLang.Runtime;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using static DealLang.Runner.Reports.Rows.SummaryRowBuilder;

namespace DealLang.Runner.Reports.Rows;

/// <summary>A replayed Monte Carlo path's draws (<c>mc --replay-path P</c>): one row per column its <c>--paths-out</c>
/// row ends with, item <c>drawn</c> and the column's name as the metric, so the replay and the row read alike (a factor's
/// shock, a drawn rate, a count of renewals, months or jumps, a recovery, the stressed share). Nothing for an outcome that
/// is not a replayed path's, so every other summary is as it was.</summary>
static class DrawRows
{
    public const string Item = "drawn";

    public static void Add(SummaryRowBuilder rows)
    {
        // Every scenario's draws by name, in the order first met: one replayed path has them all.
        foreach (PathDrawFigure first in rows.Outcomes.SelectMany(o => o.Draws).DistinctBy(d => d.Name))
        {
            rows.Add(Item, first.Name, KindOf(first.Kind), o => Cell(first.Kind, o.Draws.FirstOrDefault(d => d.Name == first.Name)?.Value ?? double.NaN));
        }
    }

    static SummaryKind KindOf(PathColumnKind kind) => kind switch
    {
        PathColumnKind.Count => SummaryKind.Count,
        PathColumnKind.Rate => SummaryKind.Rate,
        PathColumnKind.Money => SummaryKind.Money,
        PathColumnKind.Years => SummaryKind.Years,
        PathColumnKind.Date => SummaryKind.Date,
        _ => SummaryKind.Number,
    };

    /// <summary>A date column's day number as its date ("-" where NaN: no default drawn in the calendar); else the number.</summary>
    static SummaryCell Cell(PathColumnKind kind, double value) =>
        kind == PathColumnKind.Date ? On(double.IsNaN(value) ? null : Date.FromDayNumber((int)value)) : Of(value);

    /// <summary>The JSON summary's <c>draws</c> object, the column's name to the path's value (full precision, a count a
    /// whole number), only for a replayed path's outcome, so every other JSON summary is as it was.</summary>
    public static void WriteJson(Utf8JsonWriter w, ScenarioOutcome outcome)
    {
        if (outcome.Draws.IsEmpty)
        {
            return;
        }

        w.WriteStartObject("draws");
        foreach (PathDrawFigure draw in outcome.Draws)
        {
            if (draw.Kind == PathColumnKind.Count)
            {
                w.WriteNumber(draw.Name, (int)draw.Value);
            }
            else if (draw.Kind == PathColumnKind.Date)
            {
                Json.Date(w, draw.Name, double.IsNaN(draw.Value) ? null : Date.FromDayNumber((int)draw.Value));
            }
            else
            {
                Json.Number(w, draw.Name, draw.Value);
            }
        }

        w.WriteEndObject();
    }
}
