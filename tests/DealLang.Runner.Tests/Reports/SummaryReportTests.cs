using System.Globalization;
using System.Text.Json;
using DealLang.Runner.Reports;
using DealLang.Runner.Tests.Support;

namespace DealLang.Runner.Tests.Reports;

// Column 1 is AsWritten, column 2 Default; the numbers are those checked in ScenarioRunnerTests.
public class SummaryReportTests
{
    static readonly string Table = SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), ReportFormat.Table);

    static string[] Row(string text, string item, string metric)
    {
        foreach (string line in Outcomes.Lines(text))
        {
            string[] cells = line.Split(',');
            if (cells.Length > 2 && cells[0] == item && cells[1] == metric)
            {
                return cells[2..];
            }
        }

        throw new Xunit.Sdk.XunitException($"No row {item},{metric}");
    }

    [Fact]
    public void TablePutsScenariosSideBySide()
    {
        string[] lines = Outcomes.Lines(Table);

        Assert.Equal("Four (Four-period test deal)", lines[0]);
        Assert.Equal("summary, money in USD millions", lines[1]);
        Assert.Equal(["AsWritten", "Default"], System.Text.RegularExpressions.Regex.Split(lines[3].Trim(), " {2,}"));
        Assert.Equal(["Notes", "IRR", "5.00%", "-1.79%"], Outcomes.TableRow(Table, "Notes"));
        Assert.Equal(["Junior", "IRR", "10.00%", "-90.00%"], Outcomes.TableRow(Table, "Junior"));
        Assert.Equal(["Sponsor", "contributed", "20.0", "20.0"], Outcomes.TableRow(Table, "Sponsor"));
        Assert.Equal(["deal", "first cash trap", "2028-01-01", "2027-01-01"], Outcomes.TableRow(Table, "deal"));
        Assert.Equal(["TenantLease", "RVG paid", "0.0", "3.0"], Outcomes.TableRow(Table, "TenantLease"));
        Assert.Equal(["Dscr", "minimum", "1.20x", "0.50x"], Outcomes.TableRow(Table, "Dscr"));

        // Later metrics of a group leave the item blank; an event that never happened is "-", no IRR is "n/a".
        string[][] wal = Array.ConvertAll(
            Array.FindAll(lines, l => l.TrimStart().StartsWith("WAL (years)", StringComparison.Ordinal)),
            l => System.Text.RegularExpressions.Regex.Split(l.Trim(), " {2,}"));
        Assert.Equal([["WAL (years)", "4.00", "3.00"], ["WAL (years)", "3.50", "n/a"]], wal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("event of default", StringComparison.Ordinal) && l.Contains(" -  2027-01-01", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("loss %", StringComparison.Ordinal) && l.EndsWith("100.00%", StringComparison.Ordinal));
        Assert.EndsWith("\n", Table, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvHasExactCentsAndFullPrecisionRates()
    {
        string csv = SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), ReportFormat.Csv).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.StartsWith("item,metric,AsWritten,Default\n", csv, StringComparison.Ordinal);
        Assert.Equal(["20000000.00", "15000000.00"], Row(csv, "Notes", "interest paid"));
        Assert.Equal(["0.00", "20000000.00"], Row(csv, "Notes", "principal loss"));
        Assert.Equal(["", "2028-01-01"], Row(csv, "Notes", "first principal shortfall"));
        Assert.Equal(["22400000.00", "0.00"], Row(csv, "Sponsor", "to BlueOwl"));
        Assert.Equal(["0.00", "80000000.00"], Row(csv, "deal", "sale proceeds"));

        string[] irr = Row(csv, "Notes", "IRR");
        Assert.Equal(0.05, double.Parse(irr[0], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(["3.5", ""], Row(csv, "Junior", "WAL (years)"));
        string[] equityIrr = Row(csv, "Sponsor", "IRR");
        Assert.Equal(0.10, double.Parse(equityIrr[0], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal("", equityIrr[1]); // no IRR: an empty field, not "n/a" or "NaN"
    }

    [Fact]
    public void JsonHasOneObjectPerScenarioWithNullsForTheUndefined()
    {
        string text = SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), ReportFormat.Json);
        using var json = JsonDocument.Parse(text);
        JsonElement scenarios = json.RootElement.GetProperty("scenarios");

        Assert.Equal(2, scenarios.GetArrayLength());
        JsonElement stressed = scenarios[1];
        Assert.Equal("Default", stressed.GetProperty("name").GetString());
        Assert.Equal(-0.9, stressed.GetProperty("tranches")[1].GetProperty("irr").GetDouble(), 1e-9);
        Assert.Equal(JsonValueKind.Null, stressed.GetProperty("tranches")[1].GetProperty("walYears").ValueKind);
        Assert.Equal("20000000.00", stressed.GetProperty("tranches")[0].GetProperty("principalLoss").GetRawText());
        Assert.Equal(JsonValueKind.Null, stressed.GetProperty("equities")[0].GetProperty("irr").ValueKind);
        Assert.Equal("2027-01-01", stressed.GetProperty("events").GetProperty("eventOfDefault").GetString());
        Assert.Equal("3000000.00", stressed.GetProperty("events").GetProperty("rvgPaid")[0].GetProperty("amount").GetRawText());
        Assert.Equal(0.5, stressed.GetProperty("tests")[0].GetProperty("minimum").GetDouble());
        Assert.Equal(JsonValueKind.Null, scenarios[0].GetProperty("events").GetProperty("sale").ValueKind);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownIsAGitHubTableOneColumnPerScenario()
    {
        string[] lines = Outcomes.Lines(SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), ReportFormat.Markdown));

        Assert.Equal("### Four (Four-period test deal)", lines[0]);
        Assert.Equal("| item | metric | AsWritten | Default |", lines[4]);
        Assert.Equal("| --- | --- | ---: | ---: |", lines[5]);
        Assert.Contains("| Notes | IRR | 5.00% | -1.79% |", lines);
        Assert.Contains("| Sponsor | IRR | 10.00% | n/a |", lines);
        Assert.Contains("| deal | sale | - | 2028-01-01 |", lines);
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Csv)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Markdown)]
    public void RenderingIsDeterministic(ReportFormat format)
    {
        Assert.Equal(
            SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), format),
            SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), format));
    }
}
