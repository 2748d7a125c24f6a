using System.Net;
using System.Reflection;
using System.Text;

namespace DealLang.Cli.Report;

/// <summary>
/// The report as one self-contained HTML file: the page's style and script, the chart library's minified file
/// (ECharts, vendored by report/vendor.sh into Assets/ and embedded in the CLI) and the report's data as JSON, all
/// inline, so the file opens with no network. The page draws each chart, and a table of the same numbers under it,
/// from the data (Assets/report.js); with scripts off, the headings and notes are still there.
/// </summary>
internal static class HtmlPage
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string data = ReportJson.Write(document);
        var html = new StringBuilder(Asset("echarts.common.min.js").Length + data.Length + 16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No request may leave the page: nothing but what is inline loads, whatever a value in the data says.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Append("<meta name=\"generator\" content=\"deallang report\">\n");
        html.Append("<title>").Append(WebUtility.HtmlEncode($"{document.Deal}: {document.Title}")).Append("</title>\n");
        html.Append("<style>\n").Append(Asset("report.css")).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(WebUtility.HtmlEncode(document.Title)).Append("</h1>\n");
        html.Append("<p class=\"subtitle\">").Append(WebUtility.HtmlEncode($"deal {document.Deal} · {document.Subtitle} · money in {document.Currency} millions"))
            .Append("</p>\n</header>\n");
        html.Append("<main id=\"report\"></main>\n");
        html.Append("<noscript><p>The charts and tables of this report are drawn by its script; allow scripts to see them.</p></noscript>\n");
        html.Append("<script type=\"application/json\" id=\"report-data\">").Append(data).Append("</script>\n");
        html.Append("<script>\n").Append(Asset("echarts.common.min.js")).Append("\n</script>\n");
        html.Append("<script>\n").Append(Asset("report.js")).Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An embedded file of Assets/ (the csproj embeds them under their file names).</summary>
    internal static string Asset(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DealLang.Cli.Report.Assets." + name)
            ?? throw new InvalidOperationException($"the CLI was built without its report asset {name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
