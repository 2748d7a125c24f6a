using DealLang.TestSupport;
using Microsoft.Playwright;

namespace DealLang.Cli.Tests.Report;

/// <summary>
/// The one headless Chromium the report's browser tests share (Debian's, /usr/bin/chromium, installed by
/// scripts/browser/install.sh; Playwright drives it by its executable path and never downloads a browser), and the two
/// reports they open, written once through the CLI: Hyperion with all its scenarios, and a small Monte Carlo run of
/// CoreWeave's <c>Stochastic</c> scenario (a loan that loses on some paths, and two indices for fan charts). Where
/// chromium is missing the tests are skipped saying why, except in CI (<c>CI=true</c>), where they fail.
/// </summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    /// <summary>Debian's chromium; the flags that work in a container without a GPU or a network.</summary>
    public const string Executable = "/usr/bin/chromium";

    static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--font-render-hinting=none",
    ];

    /// <summary>Paths of the Monte Carlo report: enough for a loss distribution, few enough to take a second.</summary>
    public const int McPaths = 1000;

    /// <summary>The Monte Carlo report's seed.</summary>
    public const ulong McSeed = 7;

    readonly string folder = Directory.CreateTempSubdirectory("deallang-report-test-").FullName;
    IPlaywright? playwright;
    IBrowser? browser;
    string? problem;

    public string HyperionHtml { get; private set; } = "";

    public string MonteCarloHtml { get; private set; } = "";

    /// <summary>The Monte Carlo report of HoldersMonteCarloTests' deal (its scenario's 4,000 paths, seed 5): a note behind
    /// a capped guarantor, whose holders' loss is charted beside the issuer's.</summary>
    public string HoldersHtml { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException(problem);

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            problem = $"{Executable} is missing (scripts/browser/install.sh installs Debian's chromium)";
            return;
        }

        HyperionHtml = Write("hyperion.html", Path.Combine(RepoPaths.Examples, "hyperion.deal"), "--scenario", "all");
        MonteCarloHtml = Write("coreweave-mc.html", Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal"), "--mc", "--scenario", "Stochastic",
            "--paths", McPaths.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", McSeed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string held = Path.Combine(folder, "held.deal");
        await File.WriteAllTextAsync(held, MonteCarlo.HoldersMonteCarloTests.Held);
        HoldersHtml = Write("held-mc.html", held, "--mc", "--scenario", "Mc", "--threads", "2");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = Flags,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Skips the calling test, saying why, when chromium is missing; in CI (CI=true) fails it instead.</summary>
    public void Require()
    {
        if (problem is null)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", problem + "; in CI (CI=true) the browser tests must run");
        Skip.If(true, problem + "; skipped outside CI");
    }

    /// <summary>A page of its own context (nothing shared between tests but the browser), 1200×900 at scale 1, that
    /// records console errors and uncaught exceptions and every request the page makes.</summary>
    public async Task<ReportPage> OpenAsync(string html, bool offline = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            DeviceScaleFactor = 1,
            Offline = offline,
            JavaScriptEnabled = true,
        });
        var page = await context.NewPageAsync();
        var report = new ReportPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                report.Errors.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => report.Errors.Add($"page error: {error}");
        page.Request += (_, request) => report.Requests.Add(request.Url);

        // Every request is refused and recorded: the report must need none (its library and data are inline).
        await page.RouteAsync("**/*", async route =>
        {
            report.Requests.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        return report;
    }

    string Write(string name, params string[] arguments)
    {
        string file = Path.Combine(folder, name);
        var run = CliHarness.Run(["report", .. arguments, "-o", file]);
        Assert.True(run.Exit == 0, run.ToString());
        return File.ReadAllText(file);
    }
}

/// <summary>An open report and what it did: console errors, uncaught exceptions, requests.</summary>
public sealed class ReportPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
