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
        Assert.Equal(
            "IRR: annual compounding on actual days (ACT/365F, XIRR-style); BEY: bond-equivalent yield, semiannual compounding, 2 x ((1 + IRR)^(1/2) - 1)",
            lines[2]);
        Assert.Equal(["AsWritten", "Default"], System.Text.RegularExpressions.Regex.Split(lines[4].Trim(), " {2,}"));
        Assert.Equal(["Notes", "IRR (annual ACT/365F)", "5.00%", "-1.79%"], Outcomes.TableRow(Table, "Notes"));
        Assert.Equal(["Junior", "IRR (annual ACT/365F)", "10.00%", "-90.00%"], Outcomes.TableRow(Table, "Junior"));
        Assert.Equal(["Sponsor", "contributed", "20.0", "20.0"], Outcomes.TableRow(Table, "Sponsor"));
        Assert.Equal(["Trap", "first active", "2028-01-01", "2027-01-01"], Outcomes.TableRow(Table, "Trap"));
        Assert.Equal(["TenantLease", "RVG paid", "0.0", "3.0"], Outcomes.TableRow(Table, "TenantLease"));
        Assert.Equal(["Dscr", "minimum", "1.20x", "0.50x"], Outcomes.TableRow(Table, "Dscr"));

        // Later metrics of a group leave the item blank; an event that never happened is "-", no IRR is "n/a".
        string[][] wal = Array.ConvertAll(
            Array.FindAll(lines, l => l.TrimStart().StartsWith("WAL (years)", StringComparison.Ordinal)),
            l => System.Text.RegularExpressions.Regex.Split(l.Trim(), " {2,}"));
        Assert.Equal([["WAL (years)", "4.00", "3.00"], ["WAL (years)", "3.50", "n/a"]], wal);
        Assert.Equal(["deal", "event of default", "-", "2027-01-01"], Outcomes.TableRow(Table, "deal"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("BEY (semiannual)", StringComparison.Ordinal) && l.Contains("4.94%", StringComparison.Ordinal));
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

        string[] irr = Row(csv, "Notes", "IRR (annual ACT/365F)");
        Assert.Equal(0.05, double.Parse(irr[0], CultureInfo.InvariantCulture), 1e-9);

        // BEY = 2 × (√1.05 − 1) = 2 × 0.024695077 = 0.049390153; Junior: 2 × (√1.10 − 1) = 0.097617696.
        Assert.Equal(0.049390153, double.Parse(Row(csv, "Notes", "BEY (semiannual)")[0], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(0.097617696, double.Parse(Row(csv, "Junior", "BEY (semiannual)")[0], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(["2028-01-01", "2027-01-01"], Row(csv, "Trap", "first active"));
        Assert.Equal(["3.5", ""], Row(csv, "Junior", "WAL (years)"));
        string[] equityIrr = Row(csv, "Sponsor", "IRR (annual ACT/365F)");
        Assert.Equal(0.10, double.Parse(equityIrr[0], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal("-1", equityIrr[1]); // the sponsor got nothing back: a total loss, −100% (InvestorIrr)
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
        Assert.Equal(2 * (Math.Sqrt(0.1) - 1), stressed.GetProperty("tranches")[1].GetProperty("bey").GetDouble(), 1e-9);
        Assert.StartsWith("annual compounding on actual days (ACT/365F)", json.RootElement.GetProperty("irrConvention").GetString(), StringComparison.Ordinal);
        JsonElement trap = stressed.GetProperty("events").GetProperty("triggers")[0];
        Assert.Equal("Trap", trap.GetProperty("name").GetString());
        Assert.Equal("2027-01-01", trap.GetProperty("firstActive").GetString());
        Assert.Equal(JsonValueKind.Null, stressed.GetProperty("tranches")[1].GetProperty("walYears").ValueKind);
        Assert.Equal("20000000.00", stressed.GetProperty("tranches")[0].GetProperty("principalLoss").GetRawText());
        Assert.Equal(-1.0, stressed.GetProperty("equities")[0].GetProperty("irr").GetDouble()); // nothing back: a total loss, −100%
        Assert.Equal("2027-01-01", stressed.GetProperty("events").GetProperty("eventOfDefault").GetString());
        Assert.Equal("3000000.00", stressed.GetProperty("events").GetProperty("rvgPaid")[0].GetProperty("amount").GetRawText());
        Assert.Equal(0.5, stressed.GetProperty("tests")[0].GetProperty("minimum").GetDouble());
        Assert.Equal(JsonValueKind.Null, scenarios[0].GetProperty("events").GetProperty("sale").ValueKind);
        Assert.False(stressed.TryGetProperty("loans", out _)); // a deal without loans: its JSON as before loans existed
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownIsAGitHubTableOneColumnPerScenario()
    {
        string[] lines = Outcomes.Lines(SummaryReport.Render(Outcomes.Deal, Outcomes.Both(), ReportFormat.Markdown));

        Assert.Equal("### Four (Four-period test deal)", lines[0]);
        Assert.Equal("| item | metric | AsWritten | Default |", lines[4]);
        Assert.Equal("| --- | --- | ---: | ---: |", lines[5]);
        Assert.StartsWith("Summary, money in USD millions. IRR: annual compounding on actual days (ACT/365F, XIRR-style);", lines[2], StringComparison.Ordinal);
        Assert.Contains("| Notes | IRR (annual ACT/365F) | 5.00% | -1.79% |", lines);
        Assert.Contains("| Notes | BEY (semiannual) | 4.94% | -1.80% |", lines);
        Assert.Contains("| Sponsor | IRR (annual ACT/365F) | 10.00% | -100.00% |", lines); // nothing back: a total loss
        Assert.Contains("| Trap | first active | 2028-01-01 | 2027-01-01 |", lines);
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
