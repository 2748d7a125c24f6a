using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An RVG owed at a break on terms of its own (docs/language.md §5 "lease", "An RVG owed at a break", terms of its own):
/// <c>with rvg guarantees G cap C</c> replaces the lease's amount guaranteed and cap for that break, each where written,
/// min(C, max(0, G − value on the break date)); the initial term's break and the renewal terms' each have their own; the
/// window, a default before the break and the lease's expiry stay the lease's. Every ledger run here is a
/// <see cref="SmallDeal"/>'s with the cash check on: cash is conserved in every period. Figures compare to a cent.
/// </summary>
public sealed class BreakRvgTermsTests
{
    // Quarterly, closing 2026-01-01. Campus costs 100m, straight-line over 20 years (240 months) from the closing: worth
    // 100m × (1 − months/240). Tenant (recovery 40%) leases it at 12m a year for 5 years, breakable at 24m for 6m with an
    // RVG capped at 10m of its own; one 3-year renewal, breakable 12m in for 3m, with an RVG guaranteeing 120m capped at
    // 45m of its own. The lease's RVG guarantees 110m, capped at 40m, until 2033-01-01.
    private const string Source = """
        deal Breaks {
          currency USD
          closing  2026-01-01
          maturity 2036-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee       Tenant
            rent         12m per year
            starts       2026-01-01
            term         5y
            renewals     1 x 3y at lessee option with break_option at 12m fee 3m with rvg guarantees 120m cap 45m
            rvg          guarantees 110m cap 40m until 2033-01-01
            break_option at 24m fee 6m with rvg cap 10m
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          test Cash = cfads

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario InTerm for Breaks {
          L breaks at 24m
        }

        scenario InRenewal for Breaks {
          L renewals taken 1
          L breaks in renewal 1 at 12m
        }

        scenario DefaultsBeforeTheBreak for Breaks {
          L breaks at 24m
          Tenant defaults on 2027-01-01
        }

        scenario Expires for Breaks {
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    private static double Sum(SmallDeal deal, string column, string scenario) =>
        Enumerable.Range(0, 40).Sum(t => deal.Ledger(column, t, scenario));

    [Fact]
    public void TheInitialTermsBreakOwesTheRvgOnItsOwnCap()
    {
        // Broken at 24m (2028-01-01, the end of period 7): the campus is worth 100m × (1 − 24/240) = 90m. The lease's
        // terms would pay min(40m, 110m − 90m) = 20m; the break's cap pays min(10m, 20m) = 10m, beside the 6m fee.
        Assert.Equal(20_000_000, Math.Min(40_000_000, 110_000_000 - (100_000_000 * (1 - (24.0 / 240)))), 6);
        Assert.Equal(10_000_000, Deal.Ledger("rvg L", 7, "InTerm"), 6);
        Assert.Equal(10_000_000, Sum(Deal, "rvg L", "InTerm"), 6);
        Assert.Equal(6_000_000, Deal.Ledger("termination fee L", 7, "InTerm"), 6);
    }

    [Fact]
    public void TheRenewalTermsBreakOwesTheRvgOnItsOwnAmountAndCap()
    {
        // Broken 12m into the renewal (2032-01-01, 72 months, the end of period 23): the campus is worth
        // 100m × (1 − 72/240) = 70m. The lease's terms would pay min(40m, 110m − 70m) = 40m; the break's pay
        // min(45m, 120m − 70m) = 45m.
        Assert.Equal(45_000_000, Math.Min(45_000_000, 120_000_000 - (100_000_000 * (1 - (72.0 / 240)))), 6);
        Assert.Equal(45_000_000, Deal.Ledger("rvg L", 23, "InRenewal"), 6);
        Assert.Equal(45_000_000, Sum(Deal, "rvg L", "InRenewal"), 6);
        Assert.Equal(3_000_000, Deal.Ledger("termination fee L", 23, "InRenewal"), 6);
    }

    [Fact]
    public void AnAmountOfItsOwnKeepsTheLeasesCap()
    {
        // 'with rvg guarantees 100m' on the initial term's break: min(40m, 100m − 90m) = 10m, the lease's cap kept.
        var own = new SmallDeal(Source.Replace("fee 6m with rvg cap 10m", "fee 6m with rvg guarantees 100m", StringComparison.Ordinal));
        Assert.Equal(10_000_000, own.Ledger("rvg L", 7, "InTerm"), 6);
        // The same break at 90m guaranteed: min(40m, 0) = nothing, the value covering the amount.
        var covered = new SmallDeal(Source.Replace("fee 6m with rvg cap 10m", "fee 6m with rvg guarantees 90m", StringComparison.Ordinal));
        Assert.Equal(0.0, Sum(covered, "rvg L", "InTerm"));
    }

    [Fact]
    public void WithoutTermsOfItsOwnTheBreakOwesTheLeasesRvg()
    {
        // Plain 'with rvg' on both breaks: 20m at the initial term's (as above), 40m at the renewal terms'.
        var plain = new SmallDeal(Source.Replace("with rvg cap 10m", "with rvg", StringComparison.Ordinal)
            .Replace("with rvg guarantees 120m cap 45m", "with rvg", StringComparison.Ordinal));
        Assert.Equal(20_000_000, plain.Ledger("rvg L", 7, "InTerm"), 6);
        Assert.Equal(40_000_000, plain.Ledger("rvg L", 23, "InRenewal"), 6);
        // Each break's terms are its own: the renewal's do not reach the initial term's break, nor its the renewal's.
        var initialOnly = new SmallDeal(Source.Replace("with rvg guarantees 120m cap 45m", "with rvg", StringComparison.Ordinal));
        Assert.Equal(10_000_000, initialOnly.Ledger("rvg L", 7, "InTerm"), 6);
        Assert.Equal(40_000_000, initialOnly.Ledger("rvg L", 23, "InRenewal"), 6);
    }

    [Fact]
    public void ADefaultBeforeTheBreakAndTheExpiryOweTheLeasesTerms()
    {
        // The default on 2027-01-01 (12 months, period 3) comes first: the lease's terms, min(40m, 110m − 95m) = 15m, at
        // Tenant's 40%: 6m, not the break's cap.
        Assert.Equal(6_000_000, Deal.Ledger("rvg L", 3, "DefaultsBeforeTheBreak"), 6);
        Assert.Equal(6_000_000, Sum(Deal, "rvg L", "DefaultsBeforeTheBreak"), 6);
        // The expiry on 2031-01-01 (60 months, period 19, the campus worth 75m): min(40m, 35m) = 35m, in full.
        Assert.Equal(35_000_000, Deal.Ledger("rvg L", 19, "Expires"), 6);
        Assert.Equal(35_000_000, Sum(Deal, "rvg L", "Expires"), 6);
    }

    [Fact]
    public void ADrawnBreakOwesTheRvgOnItsOwnTerms()
    {
        // A Monte Carlo path breaking at 24m (with certainty) owes what the fixed lever's break owes: 10m.
        const string drawn = """

            scenario DrawnBreak for Breaks {
              seed 5
              L breaks drawn at 24m with 100%
            }
            """;
        var compiled = DealCompiler.Compile("small.deal", Source + drawn);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var paths = new StochasticPaths(deal, compiled.Model!.Scenarios.Single(s => s.Name == "DrawnBreak"), 5, 2);
        var inputs = new PathInputs(deal);
        paths.Fill(1, inputs);
        Assert.Equal(24, paths.Drawn(inputs).LeaseBreaks[0]);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        host.Program.Run(inputs, result);
        Assert.Equal(10_000_000, result.RvgPaid[0], 6);
    }

    [Theory]
    // An 'until' of the break's own: DL0585 at its date.
    [InlineData("with rvg cap 10m until 2030-01-01", "DL0585", "with rvg cap 10m until ")]
    // A negative cap: DL0312 at the amount.
    [InlineData("with rvg cap -10m", "DL0312", "with rvg cap ")]
    // An amount guaranteed reading the rent (not known when the RVG is paid): DL0210 at the read.
    [InlineData("with rvg guarantees L.rent cap 10m", "DL0210", "with rvg guarantees ")]
    // A cap twice: DL0105 at the second.
    [InlineData("with rvg cap 10m cap 5m", "DL0105", "with rvg cap 10m ")]
    public void AMisusedTermIsReportedWhereItIsWritten(string terms, string code, string before)
    {
        string source = Source.Replace("with rvg cap 10m", terms, StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        string[] lines = source.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(terms, StringComparison.Ordinal));
        Assert.Equal(line + 1, diagnostic.Span.Line);
        Assert.Equal(lines[line].IndexOf(terms, StringComparison.Ordinal) + before.Length + 1, diagnostic.Span.Column);
    }

    [Fact]
    public void TermsOfItsOwnOnAContractsBreakAreTheContractsDl0556()
    {
        // Only a lease has an RVG: 'with rvg' with terms on a contract's break (corpus 547's, with a cap) is DL0556 at
        // 'with rvg', one message.
        string contract = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "malformed", "547-contract-break-owing-an-rvg.deal"))
            .Replace("fee 6m of revenue with rvg", "fee 6m of revenue with rvg cap 10m", StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", contract);
        Assert.Equal("DL0556", Assert.Single(result.Diagnostics).Code);
    }
}
