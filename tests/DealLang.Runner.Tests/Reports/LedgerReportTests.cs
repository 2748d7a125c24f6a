using System.Text.Json;
using DealLang.Runner.Reports;
using DealLang.Runner.Running;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Reports;

// Values are those FourPeriodProgram writes in its Default scenario: collections 10m, 5m, 85m; Dscr 1.5x, 0.5x, n/a;
// Trap in period 2; event of default from period 2; yield 6.58%; "fees, senior" −0.001 (prints as zero).
public class LedgerReportTests
{
    static readonly ScenarioOutcome Default = Outcomes.Both()[1];

    static string Render(ReportFormat format) => LedgerReport.Render(Outcomes.Deal, Outcomes.Program.Layout, Default, format);

    [Fact]
    public void TableIsTransposedWithMillionsRatiosFlagsAndNa()
    {
        string text = Render(ReportFormat.Table);

        Assert.StartsWith("Four (Four-period test deal), scenario Default\nperiod ledger, money in USD millions, 3 of 4 periods run", text, StringComparison.Ordinal);
        Assert.Equal(["period", "1", "2", "3"], Outcomes.TableRow(text, "period"));
        Assert.Equal(["start", "2025-01-01", "2026-01-01", "2027-01-01"], Outcomes.TableRow(text, "start"));
        Assert.Equal(["collections", "10.0", "5.0", "85.0"], Outcomes.TableRow(text, "collections"));
        Assert.Equal(["Notes principal due", "0.0", "0.0", "100.0"], Outcomes.TableRow(text, "Notes principal due"));
        Assert.Equal(["Dscr", "1.50x", "0.50x", "n/a"], Outcomes.TableRow(text, "Dscr"));
        Assert.Equal(["yield", "6.58%", "6.58%", "6.58%"], Outcomes.TableRow(text, "yield"));
        Assert.Equal(["fees, senior", "0.0", "0.0", "0.0"], Outcomes.TableRow(text, "fees, senior"));

        // Flags: "yes" or nothing, so the flag's line is only as long as its last "yes", right-aligned under period 2.
        string trap = Array.Find(Outcomes.Lines(text), l => l.StartsWith("Trap ", StringComparison.Ordinal))!;
        string header = Array.Find(Outcomes.Lines(text), l => l.StartsWith("period  ", StringComparison.Ordinal))!;
        Assert.EndsWith("yes", trap, StringComparison.Ordinal);
        Assert.Equal(header.IndexOf("         2", StringComparison.Ordinal) + 10, trap.Length);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TableSplitsLongLedgersIntoBlocksOfTwelvePeriods()
    {
        // 30 monthly periods: blocks 1–12, 13–24, 25–30.
        var deal = TestDeals.Make(new Date(2025, 1, 31), new Date(2027, 7, 31), Frequency.Monthly, DayCount.Act360);
        var layout = new LedgerLayout([new("collections", ColumnKind.Money)], 0);
        var values = new double[30, 1];
        for (int t = 0; t < 30; t++)
        {
            values[t, 0] = (t + 1) * 1e6;
        }

        var outcome = new ScenarioOutcome("S", 30, LedgerTable.CopyOf(values, 30), [], [], new DealEvents([], null, null, 0, [], []), [], [], [], []);
        string[] lines = Outcomes.Lines(LedgerReport.Render(deal, layout, outcome, ReportFormat.Table));

        string[] headers = Array.FindAll(lines, l => l.StartsWith("period  ", StringComparison.Ordinal));
        Assert.Equal(3, headers.Length);
        Assert.EndsWith(" 12", headers[0], StringComparison.Ordinal);
        Assert.EndsWith(" 24", headers[1], StringComparison.Ordinal);
        Assert.EndsWith(" 30", headers[2], StringComparison.Ordinal);
        Assert.Contains("period ledger, money in USD millions, 30 periods", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CsvHasAHeaderCentsFullPrecisionAndQuoting()
    {
        string[] records = Render(ReportFormat.Csv).Split("\r\n");

        Assert.Equal(
            "period,start,end,collections,Notes interest due,Notes principal due,Junior interest due,Junior principal due,Dscr,Trap,yield,\"fees, senior\",event of default",
            records[0]);
        Assert.Equal("1,2025-01-01,2026-01-01,10000000.00,5000000.00,0.00,5000000.00,0.00,1.5,false,0.0658,0.00,false", records[1]);
        Assert.Equal("3,2027-01-01,2028-01-01,85000000.00,5000000.00,100000000.00,10000000.00,50000000.00,,false,0.0658,0.00,true", records[3]);
        Assert.Equal(5, records.Length); // three periods, the header, and the empty rest after the final CRLF
        Assert.Equal("", records[4]);
    }

    [Fact]
    public void JsonIsIndentedWithNullForNaNAndBooleansForFlags()
    {
        string text = Render(ReportFormat.Json);
        using var json = JsonDocument.Parse(text);
        JsonElement root = json.RootElement;

        Assert.Equal("Default", root.GetProperty("scenario").GetString());
        Assert.Equal(3, root.GetProperty("periodsRun").GetInt32());
        Assert.Equal("ratio", root.GetProperty("columns")[5].GetProperty("kind").GetString());

        JsonElement third = root.GetProperty("ledger")[2];
        Assert.Equal("2028-01-01", third.GetProperty("end").GetString());
        JsonElement values = third.GetProperty("values");
        Assert.Equal(JsonValueKind.Null, values.GetProperty("Dscr").ValueKind);
        Assert.Equal(JsonValueKind.True, values.GetProperty("event of default").ValueKind);
        Assert.Equal("85000000.00", values.GetProperty("collections").GetRawText());
        Assert.Equal(0.0658, values.GetProperty("yield").GetDouble());

        Assert.Contains("\n  \"deal\": \"Four\",\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownIsAGitHubTableWithARowPerPeriod()
    {
        string[] lines = Outcomes.Lines(Render(ReportFormat.Markdown));

        Assert.Equal("### Four (Four-period test deal), scenario Default", lines[0]);
        Assert.StartsWith("| period | start | end | collections | Notes interest due |", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("| --- | ---: |", lines[5], StringComparison.Ordinal);
        Assert.Equal("| 2 | 2026-01-01 | 2027-01-01 | 5.0 | 5.0 | 0.0 | 5.0 | 0.0 | 0.50x | yes | 6.58% | 0.0 | yes |", lines[7]);
        Assert.Equal("| 3 | 2027-01-01 | 2028-01-01 | 85.0 | 5.0 | 100.0 | 10.0 | 50.0 | n/a |  | 6.58% | 0.0 | yes |", lines[8]);
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Csv)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Markdown)]
    public void RenderingIsDeterministic(ReportFormat format)
    {
        // A fresh run of the same scenario must print the same bytes.
        var again = Outcomes.Both()[1];
        Assert.Equal(Render(format), LedgerReport.Render(Outcomes.Deal, Outcomes.Program.Layout, again, format));
    }

    [Fact]
    public void SummaryOnlyOutcomeHasNoLedgerToRender()
    {
        var outcome = new ScenarioRunner(Outcomes.Program, fullLedger: false).Run(ScenarioSpec.AsWritten(Outcomes.Deal));
        Assert.Throws<ArgumentException>(() => LedgerReport.Render(Outcomes.Deal, Outcomes.Program.Layout, outcome, ReportFormat.Table));
    }
}
