using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DealLang.Cli.Report;

/// <summary>
/// The report's data as the JSON the page reads from its <c>&lt;script type="application/json"&gt;</c>: the document,
/// its sections and charts, property for property (report.js documents the shape it reads). Numbers are written in
/// full (round-trip), undefined values as null; every string is escaped so that none can close the script element.
/// </summary>
internal static class ReportJson
{
    public static string Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        // The default encoder escapes '<', '>', '&' and non-ASCII characters as \uXXXX: a deal's title cannot end the
        // <script> element it is embedded in.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("deal", document.Deal);
            json.WriteString("title", document.Title);
            json.WriteString("currency", document.Currency);
            json.WriteString("subtitle", document.Subtitle);
            json.WriteStartArray("sections");
            foreach (var section in document.Sections)
            {
                json.WriteStartObject();
                json.WriteString("id", section.Id);
                json.WriteString("title", section.Title);
                WriteOptional(json, "note", section.Note);
                json.WriteStartArray("charts");
                foreach (var chart in section.Charts)
                {
                    WriteChart(json, chart);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void WriteChart(Utf8JsonWriter json, Chart chart)
    {
        json.WriteStartObject();
        json.WriteString("id", chart.Id);
        json.WriteString("title", chart.Title);
        json.WriteString("kind", chart.Kind switch
        {
            ChartKind.StackedBars => "stacked-bars",
            ChartKind.GroupedBars => "grouped-bars",
            ChartKind.Lines => "lines",
            ChartKind.Histogram => "histogram",
            _ => "fan",
        });
        json.WriteString("unit", UnitName(chart.Unit));
        json.WriteString("axisUnit", UnitName(chart.AxisUnit));
        json.WriteString("categoryLabel", chart.CategoryLabel);
        WriteOptional(json, "note", chart.Note);
        json.WriteStartArray("categories");
        foreach (string category in chart.Categories)
        {
            json.WriteStringValue(category);
        }

        json.WriteEndArray();
        if (!chart.Points.IsDefault)
        {
            json.WriteStartArray("points");
            foreach (double point in chart.Points)
            {
                json.WriteNumberValue(point);
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("series");
        foreach (var series in chart.Series)
        {
            json.WriteStartObject();
            json.WriteString("name", series.Name);
            json.WriteStartArray("values");
            foreach (double? value in series.Values)
            {
                if (value is { } v)
                {
                    json.WriteNumberValue(v == 0 ? 0 : v); // never -0
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("marks");
        foreach (var mark in chart.Marks)
        {
            json.WriteStartObject();
            json.WriteString("name", mark.Name);
            if (double.IsFinite(mark.Value))
            {
                json.WriteNumber("value", mark.Value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    static string UnitName(ChartUnit unit) => unit switch
    {
        ChartUnit.Money => "money",
        ChartUnit.Ratio => "ratio",
        ChartUnit.Rate => "rate",
        ChartUnit.Paths => "paths",
        _ => "number",
    };
}
