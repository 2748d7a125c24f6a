using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;
using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An enforcement sale of a leased facility subject to its lease (docs/language.md §9, "subject-to-lease"):
/// <c>sell Campus haircut 20% lag 3m subject to lease</c>. The sale waits, past its date, until the lease of the campus
/// has ended on the path (its last term as the path takes it, or its lessee's default); meanwhile its rent is a collection
/// the enforcement waterfall applies, the RVG settles at the lease's end as without a default, and the sale follows at
/// that period's end, at value × (1 − haircut); the run's last period sells what still waits. Every run is a
/// <see cref="SmallDeal"/>'s with the cash check on: cash is conserved in every period.
/// </summary>
public sealed class SubjectToLeaseTests
{
    // tests/corpus/valid/101: quarterly, closing 2026-01-01, 30/360, maturity 2031-01-01 (20 periods, 40 workout periods
    // after them). Campus costs 100m, straight-line over 20 years (240 months) from the closing: worth 100m × (1 −
    // months/240). Tenant (recovery 40%) leases it at 12m a year (3m a quarter) for 18 months, to 2027-07-01 (the end of period 5), with two 10-year
    // renewals at its option; the RVG guarantees 110m, capped at 40m, until 2030-01-01, against the appraised value. The
    // loan is 100m at 4% (1m a quarter), a bullet; an event of default at the end of period 3 (2027-01-01) by a trigger
    // on the date. The sale's date is 2027-01-01 + 3 months = 2027-04-01, the end of period 4.
    private static readonly string Source = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "101-a-campus-sold-subject-to-its-lease.deal"));

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void TheRentPaysTheEnforcementWaterfallUntilTheLeaseEndsThenTheRvgAndTheSale()
    {
        SmallDeal deal = Deal.Value;
        Assert.Empty(deal.Diagnostics);
        // Period 4 (to 2027-04-01, the sale's date): the lease runs, so nothing is sold; its 3m of rent pays the 1m of
        // interest on 100m and 2m of the balance, which is 98m after it.
        Assert.Equal(3_000_000, deal.Ledger("rent L", 4, "Waits"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 4, "Waits"));
        Assert.Equal(2_000_000, deal.Ledger("5 pay Loan.balance paid", 4, "Waits"), 0.01);
        Assert.Equal(98_000_000, deal.Ledger("Loan balance", 4, "Waits"), 0.01);
        // Period 5 (to 2027-07-01, 18 months): the lease ends; the campus is worth 100m × (1 − 18/240) = 92.5m, so the RVG
        // is min(40m, 110m − 92.5m) = 17.5m, paid in full by the performing tenant; then the sale, 92.5m × 0.8 = 74m.
        // Collections 3m + 17.5m + 74m = 94.5m pay the interest 98m × 1% = 0.98m and 93.52m of the 98m: 4.48m is lost.
        Assert.Equal(17_500_000, deal.Ledger("rvg L", 5, "Waits"), 0.01);
        Assert.Equal(74_000_000, deal.Ledger("sale proceeds", 5, "Waits"), 0.01);
        Assert.Equal(94_500_000, deal.Ledger("collections", 5, "Waits"), 0.01);
        Assert.Equal(980_000, deal.Ledger("4 pay Loan.interest paid", 5, "Waits"), 0.01);
        var events = deal.Outcomes["Waits"].Events;
        Assert.Equal(new Date(2027, 1, 1), events.EventOfDefault);
        Assert.Equal(new Date(2027, 7, 1), events.Sale);
        Assert.Equal(74_000_000, events.SaleProceeds, 0.01);
        Assert.Equal(4_480_000, deal.Outcomes["Waits"].Tranches.Single().PrincipalLoss, 0.01);
    }

    [Fact]
    public void ASaleOfAFacilityWithTwoLeasesWaitsForTheLaterToEnd()
    {
        // A second lease of the campus, L2, 4m a year for two years: it ends on 2028-01-01, the end of period 7, after L
        // (period 5). The sale waits for both (the generated loop reads the later end once a path, LeaseEnds.AllEnded):
        // L's RVG settles in period 5 as above (17.5m), nothing is sold in periods 5 and 6, and the campus sells at the
        // end of period 7 for 100m × (1 − 24/240) × 0.8 = 72m.
        var deal = new SmallDeal(Source.Replace("  tranche Loan", "  lease L2 on Campus { lessee Tenant  rent 4m per year  starts 2026-01-01  term 2y }\n\n  tranche Loan", StringComparison.Ordinal));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(17_500_000, deal.Ledger("rvg L", 5, "Waits"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 5, "Waits"));
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 6, "Waits"));
        Assert.Equal(1_000_000, deal.Ledger("rent L2", 7, "Waits"), 0.01);
        Assert.Equal(72_000_000, deal.Ledger("sale proceeds", 7, "Waits"), 0.01);
        Assert.Equal(new Date(2028, 1, 1), deal.Outcomes["Waits"].Events.Sale);
    }

    [Fact]
    public void WithoutTheOptionTheSaleEndsTheLeaseAndItsRvg()
    {
        // The same deal selling at the sale's date: period 4 sells the campus, worth 100m × (1 − 15/240) = 93.75m, for
        // 75m; with that period's 3m of rent, 78m pay 1m of interest and 77m of the 100m: 23m is lost, and no RVG is paid
        // (the sale ended the lease), against 4.48m lost waiting.
        var deal = new SmallDeal(Source.Replace(" subject to lease", "", StringComparison.Ordinal));
        var events = deal.Outcomes["Waits"].Events;
        Assert.Equal(new Date(2027, 4, 1), events.Sale);
        Assert.Equal(75_000_000, events.SaleProceeds, 0.01);
        Assert.All(events.RvgPaid, rvg => Assert.Equal(0.0, rvg.Amount));
        Assert.Equal(0.0, deal.Ledger("rvg L", 4, "Waits"));
        Assert.Equal(23_000_000, deal.Outcomes["Waits"].Tranches.Single().PrincipalLoss, 0.01);
    }

    [Fact]
    public void ALesseeDefaultingDuringTheWaitEndsItWithItsRvgAtItsRecovery()
    {
        SmallDeal deal = Deal.Value;
        // Tenant defaults on 2027-04-01, the last day of period 4: the lease ends there (its whole quarter's rent paid),
        // the RVG is measured on the value that day, 93.75m: min(40m, 110m − 93.75m) = 16.25m, of which the defaulted
        // tenant pays its 40%, 6.5m; the sale's date has come and the lease has ended, so the campus sells at that
        // period's end for 75m. Collections 3m + 6.5m + 75m = 84.5m pay the 1m of interest and 83.5m of 100m: 16.5m lost.
        Assert.Equal(6_500_000, deal.Ledger("rvg L", 4, "TenantDefaultsWhileWaiting"), 0.01);
        Assert.Equal(75_000_000, deal.Ledger("sale proceeds", 4, "TenantDefaultsWhileWaiting"), 0.01);
        Assert.Equal(84_500_000, deal.Ledger("collections", 4, "TenantDefaultsWhileWaiting"), 0.01);
        var outcome = deal.Outcomes["TenantDefaultsWhileWaiting"];
        Assert.Equal(new Date(2027, 4, 1), outcome.Events.Sale);
        Assert.Equal(16_500_000, outcome.Tranches.Single().PrincipalLoss, 0.01);
    }

    [Fact]
    public void TheRunsLastPeriodSellsWhatStillWaits()
    {
        SmallDeal deal = Deal.Value;
        // Both renewals taken: the lease runs to 2047-07-01, past the run's last period (2041-01-01, the 40th workout
        // quarter, period 59). The rent pays the loan off meanwhile: its balance after n quarters of 3m at 1% is
        // 300m − 200m × 1.01^n, 2.23m after 40 (1.01^40 = 1.488864), repaid in the 41st (period 44). The last period sells
        // the campus, worth 100m × (1 − 180/240) = 25m, for 20m, to the equity: nothing is lost.
        var outcome = deal.Outcomes["RunEndsFirst"];
        Assert.Equal(new Date(2041, 1, 1), outcome.Events.Sale);
        Assert.Equal(20_000_000, outcome.Events.SaleProceeds, 0.01);
        Assert.Equal(20_000_000, deal.Ledger("sale proceeds", 59, "RunEndsFirst"), 0.01);
        Assert.Equal(3_000_000, deal.Ledger("rent L", 59, "RunEndsFirst"), 0.01);
        Assert.Equal(300_000_000 - 200_000_000 * Math.Pow(1.01, 40), deal.Ledger("Loan balance", 43, "RunEndsFirst"), 0.01);
        Assert.Equal(0.0, deal.Ledger("Loan balance", 44, "RunEndsFirst"), 0.01);
        Assert.Equal(0.0, outcome.Tranches.Single().PrincipalLoss, 0.01);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheSummaryOnlyLoopWaitsAsTheLedgersDoes(bool fullLedger)
    {
        // A Monte Carlo path runs the summary-only loop, which hands the state over to its own loop at the event of
        // default: the same sale dates, proceeds and losses as the figures above.
        var deal = new SmallDeal(Source, fullLedger);
        Assert.Equal(new Date(2027, 7, 1), deal.Outcomes["Waits"].Events.Sale);
        Assert.Equal(4_480_000, deal.Outcomes["Waits"].Tranches.Single().PrincipalLoss, 0.01);
        Assert.Equal(16_500_000, deal.Outcomes["TenantDefaultsWhileWaiting"].Tranches.Single().PrincipalLoss, 0.01);
        Assert.Equal(new Date(2041, 1, 1), deal.Outcomes["RunEndsFirst"].Events.Sale);
    }

    [Fact]
    public void EachMonteCarloPathSellsOnceItsOwnLeaseHasEnded()
    {
        // Renewals, the tenant's default and the campus's value drawn per path: every path defaults at the end of period
        // 3, and sells at the end of the later of period 4 (the sale's date) and the period its lease ends in (the last
        // period, 59, when that is past the run), the cash check on; the summary-only loop agrees with the ledger's.
        const string drawn = """

            scenario Drawn for Waits {
              paths 64
              seed 11
              Campus.value deflate 4% per year volatility 8% per year
              Tenant defaults drawn pd 5% per year
              L renewals drawn 50%
            }
            """;
        var compiled = DealCompiler.Compile("small.deal", Source + drawn);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription description = host.Program.Description;
        var paths = new StochasticPaths(description, compiled.Model!.Scenarios.Single(s => s.Name == "Drawn"), 11, 64);
        var inputs = new PathInputs(description) { CheckCashConservation = true };
        var ledger = new RunResult(description, host.Program.Layout, fullLedger: true);
        var summary = new RunResult(description, host.Program.Layout, fullLedger: false);
        var waited = new HashSet<int>();
        for (int p = 0; p < 64; p++)
        {
            paths.Fill(p, inputs);
            ledger.Reset();
            host.Program.Run(inputs, ledger);
            summary.Reset();
            host.Program.Run(inputs, summary);
            int end = inputs.LeaseEndPeriod[0];
            Assert.Equal(3, ledger.EventOfDefaultPeriod);
            Assert.Equal(end < 0 ? 59 : Math.Max(4, end), ledger.SalePeriod);
            Assert.Equal(ledger.SalePeriod, summary.SalePeriod);
            Assert.Equal(ledger.SaleProceeds, summary.SaleProceeds);
            Assert.Equal(ledger.PrincipalLoss[0], summary.PrincipalLoss[0]);
            waited.Add(ledger.SalePeriod);
        }

        // The paths differ: some sell at the sale's date (the tenant defaulting by then), some at the initial term's end,
        // some in the run's last period.
        Assert.True(waited.Count >= 3, string.Join(", ", waited));
        Assert.Contains(59, waited);
    }

    [Theory]
    // A loan listed beside the campus: DL0232 at the loan.
    [InlineData("sell Campus, Receivable haircut 20% lag 3m subject to lease", "Receivable", "is a loan")]
    // A facility no lease is on: DL0232 at it.
    [InlineData("sell Campus, Yard haircut 20% lag 3m subject to lease", "Yard", "no lease of the deal is on")]
    public void SubjectToLeaseOnCollateralNoLeaseIsOnIsDl0232(string sale, string name, string why)
    {
        string source = Source
            .Replace("    sell Campus haircut 20% lag 3m subject to lease\n", "    " + sale + "\n", StringComparison.Ordinal)
            .Replace("  tranche Loan", """
                  facility Yard { cost 5m  value straight_line 10y }
                  loan Receivable { balance 5m  coupon 5%  maturity 2030-01-01  obligor Owner }

                  tranche Loan
                """, StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "DL0232");
        Assert.Contains(why, diagnostic.Message, StringComparison.Ordinal);
        string[] lines = source.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(sale, StringComparison.Ordinal));
        Assert.Equal(line + 1, diagnostic.Span.Line);
        Assert.Equal(lines[line].IndexOf(name, StringComparison.Ordinal) + 1, diagnostic.Span.Column);
    }

    [Fact]
    public void WrittenTwiceIsDl0105()
    {
        string source = Source.Replace("lag 3m subject to lease\n", "lag 3m subject to lease subject to lease\n", StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DL0105", diagnostic.Code);
    }
}
