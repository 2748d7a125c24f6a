using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace DealLang.Cli.Tests.Report;

/// <summary>
/// <c>deallang report</c>'s HTML rendered in a real headless Chromium (<see cref="ReportBrowser"/>, one browser for
/// every test): no console errors, every chart drawn with the report's data (read back from the chart objects
/// themselves, ECharts' <c>getOption()</c>), nothing requested with every request refused and the browser offline, and
/// screenshots within a tolerance of their committed baselines (<see cref="ScreenshotBaseline"/>).
/// </summary>
public sealed class ReportBrowserTests(ReportBrowser browser) : IClassFixture<ReportBrowser>
{
    /// <summary>Per chart element: its id and kind, whether a canvas was drawn, and per series its name, type, the
    /// points with a value (null is n/a), the values themselves, and its marks (a trigger's level, a VaR).</summary>
    const string ChartsScript = """
        () => JSON.stringify(Array.from(document.querySelectorAll('.chart')).map(el => {
          const chart = echarts.getInstanceByDom(el);
          const canvas = el.querySelector('canvas');
          if (!chart) { return { id: el.id, kind: el.dataset.kind, drawn: false, series: [] }; }
          const option = chart.getOption();
          return {
            id: el.id, kind: el.dataset.kind, drawn: !!canvas && canvas.width > 0 && canvas.height > 0,
            series: option.series.map(s => {
              const values = (s.data || []).map(v => Array.isArray(v) ? v[1] : v);
              return {
                name: s.name, type: s.type,
                points: values.filter(v => v !== null && v !== undefined).length,
                values: values.map(v => v === undefined ? null : v),
                marks: (s.markLine && s.markLine.data ? s.markLine.data : []).map(d => ({ name: d.name, value: d.yAxis !== undefined ? d.yAxis : d.xAxis }))
              };
            })
          };
        }))
        """;

    sealed record Mark(string Name, double Value);

    sealed record Series(string Name, string Type, int Points, double?[] Values, Mark[] Marks);

    sealed record DrawnChart(string Id, string Kind, bool Drawn, Series[] Series);

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    static async Task<DrawnChart[]> ChartsAsync(IPage page) =>
        JsonSerializer.Deserialize<DrawnChart[]>(await page.EvaluateAsync<string>(ChartsScript), Json)!;

    /// <summary>The ids of the charts the report's own data says it has (those with series), read from the page's JSON.</summary>
    static string[] ChartsInData(string html)
    {
        const string open = "<script type=\"application/json\" id=\"report-data\">";
        int start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        int end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(html[start..end]);
        return [.. data.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("charts").EnumerateArray())
            .Where(c => c.GetProperty("series").GetArrayLength() > 0)
            .Select(c => c.GetProperty("id").GetString()!)];
    }

    [SkippableFact]
    public async Task HyperionsReportDrawsEveryChartWithItsDataAndNoError()
    {
        browser.Require();
        await using var report = await browser.OpenAsync(browser.HyperionHtml);
        var charts = await ChartsAsync(report.Page);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Requests);
        // Every chart of the data is on the page, drawn, with at least one series holding values.
        Assert.Equal(ChartsInData(browser.HyperionHtml), charts.Select(c => c.Id));
        Assert.All(charts, c => Assert.True(c.Drawn && c.Series.Any(s => s.Points > 0), $"chart {c.Id} has no data drawn"));

        // Three scenarios (Base, SlowProductivity, Refuted), each with collections, payments, balances and Dscr, then the
        // comparison: 3 × 4 + 2 charts.
        Assert.Equal(14, charts.Length);
        string[] perScenario = ["collections", "payments", "balances", "test-0"];
        for (int s = 1; s <= 3; s++)
        {
            Assert.Equal(perScenario.Select(p => $"scenario-{s}-{p}"), charts.Skip((s - 1) * 4).Take(4).Select(c => c.Id));
        }

        // Base's first period (a one-month stub to 2025-11-30): the notes' stub coupon paid by step 3 is
        // 27.3bn × 6.581% × 30/360 = 149,717,750 (docs/language.md §1), stacked with the fees.
        var payments = charts.Single(c => c.Id == "scenario-1-payments");
        Assert.All(payments.Series, s => Assert.Equal("bar", s.Type));
        Assert.Equal(149_717_750, payments.Series.Single(s => s.Name == "3 pay Notes.interest").Values[0]!.Value, 0.01);

        // Tranche balances: the notes start at 27.3bn and are repaid by the maturity in Base (48 periods).
        var notes = charts.Single(c => c.Id == "scenario-1-balances").Series.Single();
        Assert.Equal(("Notes", 48), (notes.Name, notes.Values.Length));
        Assert.Equal(27.3e9, notes.Values[0]!.Value, 0.01);
        Assert.Equal(0, notes.Values[^1]!.Value, 0.01);

        // Dscr against CashTrap's level (trigger CashTrap when Dscr < 1.10x): n/a before the covenant's first test.
        var dscr = charts.Single(c => c.Id == "scenario-1-test-0").Series.Single();
        Assert.Equal([new Mark("CashTrap", 1.10)], dscr.Marks);
        Assert.Null(dscr.Values[0]);
        Assert.True(dscr.Points > 30, $"Dscr has {dscr.Points} values");

        // Side by side: one group per scenario; the notes' IRR is their 6.581% coupon compounded semiannually on 30/360
        // periods, (1 + 0.06581/2)² − 1 ≈ 6.69% in Base, within a basis point (ACT/365F timing moves it slightly).
        var irr = charts.Single(c => c.Id == "comparison-irr");
        var notesIrr = irr.Series.Single(s => s.Name == "Notes");
        Assert.Equal(3, notesIrr.Values.Length);
        Assert.Equal(Math.Pow(1 + (0.06581 / 2), 2) - 1, notesIrr.Values[0]!.Value, 0.0001);
        Assert.Equal(3, charts.Single(c => c.Id == "comparison-losses").Series.Single().Values.Length);

        // The tables: one under every chart, a row per category.
        Assert.Equal(14, await report.Page.Locator(".figure table").CountAsync());
        Assert.Equal(48, await report.Page.Locator("#scenario-1-balances + .table-box tbody tr").CountAsync());
    }

    [SkippableFact]
    public async Task TheMonteCarloReportDrawsLossHistogramsWithTheVaRsOfMcAndFanCharts()
    {
        browser.Require();
        await using var report = await browser.OpenAsync(browser.MonteCarloHtml);
        var charts = await ChartsAsync(report.Page);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Requests);
        Assert.Equal(ChartsInData(browser.MonteCarloHtml), charts.Select(c => c.Id));
        Assert.All(charts, c => Assert.True(c.Drawn && c.Series.Any(s => s.Points > 0), $"chart {c.Id} has no data drawn"));

        // CoreWeave's one tranche (Loan) and its two indices (SOFR, H100Rent).
        Assert.Equal(["montecarlo-loss-0", "montecarlo-fan-0", "montecarlo-fan-1"], charts.Select(c => c.Id));

        // The histogram counts every path once, and its VaR lines are deallang mc's figures for the same paths and seed.
        var loss = charts[0].Series.Single();
        Assert.Equal(ReportBrowser.McPaths, loss.Values.Sum(v => v ?? 0));
        var mc = CliHarness.Run("mc", Path.Combine(DealLang.TestSupport.RepoPaths.Examples, "coreweave-ddtl2.deal"), "--scenario", "Stochastic",
            "--paths", ReportBrowser.McPaths.ToString(CultureInfo.InvariantCulture), "--seed", ReportBrowser.McSeed.ToString(CultureInfo.InvariantCulture),
            "--format", "json");
        Assert.True(mc.Exit == 0, mc.ToString());
        using var metrics = JsonDocument.Parse(mc.Out);
        double[] vars = [.. metrics.RootElement.GetProperty("tranches")[0].GetProperty("tails").EnumerateArray()
            .Select(t => t.GetProperty("valueAtRisk").GetProperty("value").GetDouble())];
        Assert.Equal(["VaR 95%", "VaR 99%", "VaR 99.9%"], loss.Marks.Select(m => m.Name));
        Assert.Equal(vars.Length, loss.Marks.Length);
        for (int i = 0; i < vars.Length; i++)
        {
            Assert.Equal(vars[i], loss.Marks[i].Value, 0.01); // mc's JSON prints money to the cent
        }

        // A fan: the base, three bands and the median; the table under it has the five percentiles, in order, per period.
        var fan = charts[1];
        Assert.Equal(5, fan.Series.Length);
        Assert.Equal("median", fan.Series[^1].Name);
        var rows = await report.Page.Locator("#montecarlo-fan-0 + .table-box tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        foreach (string row in rows)
        {
            double[] p = [.. row.Split('\t').Skip(1).Select(c => double.Parse(c.TrimEnd('%'), CultureInfo.InvariantCulture))];
            Assert.Equal(5, p.Length);
            Assert.True(p.Zip(p.Skip(1)).All(pair => pair.First <= pair.Second), $"percentiles out of order: {row}");
        }
    }

    [SkippableFact]
    public async Task TheMonteCarloReportDrawsAGuaranteedTranchesHoldersLossBesideTheIssuers()
    {
        // HoldersMonteCarloTests' deal: the issuer's loss, then the holders' (what the state's 40m cap left them: 20m on
        // the 88 paths of both defaults, nothing on the other 3,912), each drawn with every path once and mc's VaR lines.
        browser.Require();
        await using var report = await browser.OpenAsync(browser.HoldersHtml);
        var charts = await ChartsAsync(report.Page);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Requests);
        Assert.Equal(["montecarlo-loss-0", "montecarlo-holders-loss-0"], charts.Select(c => c.Id));
        Assert.All(charts, c => Assert.True(c.Drawn && c.Series.Any(s => s.Points > 0), $"chart {c.Id} has no data drawn"));
        Assert.All(charts, c => Assert.Equal(4000, c.Series.Single().Values.Sum(v => v ?? 0)));
        var holders = charts[1].Series.Single();
        Assert.Equal((3912.0, 88.0), (holders.Values[0], holders.Values[^1]));
        Assert.Equal(["holders' VaR 95%", "holders' VaR 99%", "holders' VaR 99.9%"], holders.Marks.Select(m => m.Name));
        Assert.Equal([0.0, 20e6, 20e6], holders.Marks.Select(m => Math.Round(m.Value, 2)));

        // The table under it: a row per bin.
        Assert.Equal(40, await report.Page.Locator("#montecarlo-holders-loss-0 + .table-box tbody tr").CountAsync());
        await ScreenshotBaseline.VerifyAsync(browser.Browser, await report.Page.Locator("#montecarlo-holders-loss-0").ScreenshotAsync(), "mc-holders-loss");
    }

    [SkippableFact]
    public async Task TheReportOpensWithTheNetworkOffAndRequestsNothing()
    {
        browser.Require();
        await using var report = await browser.OpenAsync(browser.HyperionHtml, offline: true);
        var charts = await ChartsAsync(report.Page);
        Assert.Empty(report.Requests);
        Assert.Empty(report.Errors);
        Assert.Equal(14, charts.Count(c => c.Drawn));

        // The page carries everything: outside its inline scripts, no element refers to a file (src, href but the
        // contents' own #anchors, which the script adds).
        string markup = System.Text.RegularExpressions.Regex.Replace(browser.HyperionHtml, "<script[^>]*>.*?</script>", "",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Contains("<main id=\"report\">", markup, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\s(src|href)=", markup);
        Assert.Equal(0, await report.Page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').length"));
    }

    [SkippableFact]
    public async Task ScreenshotsMatchTheirBaselines()
    {
        browser.Require();
        await using (var hyperion = await browser.OpenAsync(browser.HyperionHtml))
        {
            await ScreenshotBaseline.VerifyAsync(browser.Browser, await hyperion.Page.ScreenshotAsync(), "hyperion-top");
            await ScreenshotBaseline.VerifyAsync(browser.Browser, await hyperion.Page.Locator("#scenario-1-test-0").ScreenshotAsync(), "hyperion-dscr");
            await ScreenshotBaseline.VerifyAsync(browser.Browser, await hyperion.Page.Locator("#comparison-losses").ScreenshotAsync(), "hyperion-losses");
        }

        await using var mc = await browser.OpenAsync(browser.MonteCarloHtml);
        await ScreenshotBaseline.VerifyAsync(browser.Browser, await mc.Page.Locator("#montecarlo-loss-0").ScreenshotAsync(), "mc-loss");
        await ScreenshotBaseline.VerifyAsync(browser.Browser, await mc.Page.Locator("#montecarlo-fan-1").ScreenshotAsync(), "mc-fan");
    }

    [SkippableFact]
    public async Task TheScreenshotComparisonSeesAChartThatChanged()
    {
        // The tolerance lets anti-aliasing through, not a different chart: SlowProductivity's Dscr against Base's (same
        // size, other values) differs in far more than 1% of the pixels, and a chart of another size is refused.
        browser.Require();
        await using var report = await browser.OpenAsync(browser.HyperionHtml);
        byte[] baseDscr = await report.Page.Locator("#scenario-1-test-0").ScreenshotAsync();
        byte[] slowDscr = await report.Page.Locator("#scenario-2-test-0").ScreenshotAsync();
        Assert.Null(await ScreenshotBaseline.DifferenceAsync(browser.Browser, baseDscr, baseDscr));
        Assert.Matches(@"^[\d,]+ of [\d,]+ pixels differ by more than 32 in a channel", await ScreenshotBaseline.DifferenceAsync(browser.Browser, baseDscr, slowDscr));
        Assert.StartsWith("the page is ", await ScreenshotBaseline.DifferenceAsync(browser.Browser, baseDscr, await report.Page.ScreenshotAsync()), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task APrintedReportKeepsEveryChartAndTable()
    {
        browser.Require();
        await using var report = await browser.OpenAsync(browser.HyperionHtml);
        await report.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        // Printed, the tables open out (no scroll box) and the contents are left out.
        Assert.Equal("none", await report.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('nav')).display"));
        Assert.Equal("visible", await report.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.table-box')).overflowY"));
        byte[] pdf = await report.Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), "no PDF printed");
        Assert.Empty(report.Errors);
    }
}
