using System.Globalization;
using System.Text;
using DealLang.Runner.Solvers;

namespace DealLang.Runner.Reports;

/// <summary>
/// A solver's answer (docs/cli.md, "solve") in the report formats: one row per figure (what was solved, under which
/// scenario, the value with its unit, the objective and figure at the root, the runs it took and the method), as the
/// summary's tables are laid out (the CLI's report writer titles it); JSON carries the value as a number (a fraction for a rate, a factor for an input). Under a stochastic
/// scenario the figure at the root carries its standard error, and the paths and seed are named (JSON: estimate,
/// standardError, paths, seed).
/// </summary>
public static class SolveReport
{
    public static string Render(string deal, SolveResult result, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = Rows(result);
        var text = new StringBuilder();
        switch (format)
        {
            case ReportFormat.Json:
                return Json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("deal", deal);
                    w.WriteString("kind", result.Kind);
                    w.WriteString("lever", result.Lever);
                    w.WriteString("scenario", result.Scenario);
                    w.WriteString("condition", result.Condition);
                    Json.Number(w, "value", result.Value);
                    w.WriteString("unit", result.Unit);
                    w.WriteString("valueText", result.ValueText);
                    Json.Number(w, "objective", result.Objective);
                    w.WriteString("objectiveUnit", result.ObjectiveUnit);
                    w.WriteString("figure", result.Figure);
                    if (result.Below is not null)
                    {
                        w.WriteString("below", result.Below);
                        w.WriteString("belowFigure", result.BelowFigure);
                    }

                    if (result.Paths is { } paths)
                    {
                        Json.Number(w, "estimate", result.Estimate ?? double.NaN);
                        Json.Number(w, "standardError", result.StandardError ?? double.NaN);
                        if (result.ValueStandardError is { } spreadError)
                        {
                            Json.Number(w, "valueStandardError", spreadError); // the fair spread's own, a fraction as value
                        }
                        w.WriteNumber("paths", paths);
                        w.WriteNumber("seed", result.Seed ?? 0);
                    }

                    w.WriteNumber("evaluations", result.Evaluations);
                    w.WriteString("method", result.Method);
                    Json.Number(w, "tolerance", result.Tolerance);
                    w.WriteEndObject();
                });
            case ReportFormat.Csv:
                Csv.WriteRecord(text, ["metric", "value"]);
                foreach (string[] row in rows)
                {
                    Csv.WriteRecord(text, row);
                }

                return text.ToString();
            case ReportFormat.Markdown:
                MarkdownTable.Write(text, ["", "value"], rows, labelColumns: 2);
                return text.ToString();
            default:
                TextTable.Write(text, [["", "value"], .. rows], headerRows: 1, labelColumns: 2);
                return text.ToString();
        }
    }

    static List<string[]> Rows(SolveResult r)
    {
        var rows = new List<string[]>
        {
            new[] { r.Kind == "fair spread" ? "tranche" : "lever", r.Lever },
            new[] { "scenario", r.Scenario },
            // Each as its option reads: --until for a break-even, --target for a hurdle.
            new[] { r.Kind switch { "fair spread" => "priced so that", "hurdle" => "target", _ => "until" }, r.Condition },
            new[] { r.Kind, r.ValueText },
        };
        if (r.ValueStandardError is { } spreadError)
        {
            // The answer's own ± under Monte Carlo (a fair spread's), in the answer's unit.
            // A ± above 0 too small for the rate's four decimals says so, as the mc report's '< 0.001%' does.
            string text = double.IsNaN(spreadError) ? "n/a"
                : spreadError > 0 && spreadError < 0.5e-6 ? "< 0.0001%"
                : SolveCondition.Rate(spreadError) + " (the mean value's s.e. over its slope in the spread)";
            rows.Add([r.Kind + " ± (s.e.)", text]);
        }

        rows.AddRange(
        [
            new[] { "at the root", r.Figure },
            // Named with what it counts in (a target's is a fraction, a fair spread's money): the bare number read as neither.
            new[] { $"objective at the root ({r.ObjectiveUnit})", (Math.Round(r.Objective, 6) + 0.0).ToString("0.######", CultureInfo.InvariantCulture) },
        ]);
        if (r.Below is not null)
        {
            rows.Add(["a tolerance short", $"{r.Below}: {r.BelowFigure}"]);
        }

        if (r.Paths is { } paths)
        {
            rows.Add(["Monte Carlo", string.Create(CultureInfo.InvariantCulture,
                $"{paths:#,##0} {(paths == 1 ? "path" : "paths")}, seed {r.Seed}, the same paths at every evaluation (common random numbers)")]);
        }

        rows.Add([r.Paths is null ? "runs / evaluations" : "evaluations", r.Evaluations.ToString(CultureInfo.InvariantCulture)]);
        rows.Add(["method", $"{r.Method}, tolerance {r.Tolerance:0.##E+0}"]);
        return rows;
    }
}
