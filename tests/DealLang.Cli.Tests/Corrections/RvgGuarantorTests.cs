using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runner.Running;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A guarantor behind a lease's RVG (docs/language.md §5 "lease", "A guarantor behind the RVG"): <c>rvg … with guarantor
/// Parent cap 30m</c> pays the part of the RVG claim a defaulted lessee does not, min((claim − claim × r) × h, cap) × r_g,
/// r the lessee's share (its recovery once in default), h the honour share, r_g 1 or the guarantor's own recovery once it
/// has defaulted by the end of the claim's period; nothing while the lessee performs, once disowned, or after its
/// <c>until</c>. A one-off receipt beside the lessee's RVG, in <c>cfads</c> only with <c>cfads includes rvg</c>, and a
/// guarantee in the summary. Every run here is a <see cref="SmallDeal"/>'s with the cash check on: cash is conserved in
/// every period. Figures compare to a cent (6 decimal places of a double).
/// </summary>
public sealed class RvgGuarantorTests
{
    // Quarterly, closing 2026-01-01. Campus costs 100m, straight-line over 20 years (240 months) from the closing, no
    // floor: worth 100m × (1 − months/240). Tenant (recovery 40%) leases it at 12m a year for 5 years; the RVG guarantees
    // 110m, capped at 40m, until 2033-01-01, and Parent (recovery 25%) guarantees it up to 30m.
    private const string Source = """
        deal Backstop {
          currency USD
          closing  2026-01-01
          maturity 2036-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Parent { recovery 25% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee  Tenant
            rent    12m per year
            starts  2026-01-01
            term    5y
            rvg     guarantees 110m cap 40m until 2033-01-01 with guarantor Parent cap 30m
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

        scenario TenantDefaults for Backstop {
          Tenant defaults on 2027-01-01
        }

        scenario BothDefault for Backstop {
          Tenant defaults on 2027-01-01
          Parent defaults on 2026-06-30
        }

        scenario ParentDefaultsLater for Backstop {
          Tenant defaults on 2027-01-01
          Parent defaults on 2027-02-15
        }

        scenario HalfHonoured for Backstop {
          Tenant defaults on 2027-01-01
          Parent guarantees honoured 50%
        }

        scenario Disowned for Backstop {
          Tenant defaults on 2027-01-01
          Parent guarantees disowned
        }

        scenario Expires for Backstop {
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    // The default on 2027-01-01 is the end of the fourth quarter (period 3), 12 months from the closing: the campus is
    // worth 100m × (1 − 12/240) = 95m, the claim min(40m, max(0, 110m − 95m)) = 15m. Tenant pays 15m × 40% = 6m; Parent
    // the other 15m − 6m = 9m (within its 30m cap).
    private const int DefaultPeriod = 3;
    private const double Claim = 15_000_000;
    private const double TenantPays = 6_000_000;
    private const double ParentPays = 9_000_000;

    private static double Sum(SmallDeal deal, string column, string scenario) =>
        Enumerable.Range(0, 40).Sum(t => deal.Ledger(column, t, scenario));

    [Fact]
    public void TheGuarantorPaysTheShortfallOfADefaultedLessee()
    {
        Assert.Equal(Claim, 110_000_000 - (100_000_000 * (1 - (12.0 / 240))), 6);
        Assert.Equal(TenantPays, Claim * 0.40, 6);
        Assert.Equal(ParentPays, Claim - TenantPays, 6);
        Assert.Equal(TenantPays, Deal.Ledger("rvg L", DefaultPeriod, "TenantDefaults"), 6);
        Assert.Equal(ParentPays, Deal.Ledger("rvg guarantor L", DefaultPeriod, "TenantDefaults"), 6);
        // Once, in the claim's period; and the lessee and its guarantor together pay the whole claim.
        Assert.Equal(ParentPays, Sum(Deal, "rvg guarantor L", "TenantDefaults"), 6);
        Assert.Equal(Claim, Deal.Ledger("rvg L", DefaultPeriod, "TenantDefaults") + Deal.Ledger("rvg guarantor L", DefaultPeriod, "TenantDefaults"), 6);
    }

    [Fact]
    public void AGuarantorThatHasDefaultedPaysItsRecoveryShare()
    {
        // Parent in default since 2026-06-30 (before the claim's period ends): 25% of the 9m it owes, 2.25m; Tenant's
        // 6m is unchanged.
        Assert.Equal(2_250_000, ParentPays * 0.25, 6);
        Assert.Equal(2_250_000, Deal.Ledger("rvg guarantor L", DefaultPeriod, "BothDefault"), 6);
        Assert.Equal(2_250_000, Sum(Deal, "rvg guarantor L", "BothDefault"), 6);
        Assert.Equal(TenantPays, Deal.Ledger("rvg L", DefaultPeriod, "BothDefault"), 6);

        // Defaulting on 2027-02-15, after the end of the claim's period (2027-01-01), it had not defaulted when it paid:
        // the whole 9m.
        Assert.Equal(ParentPays, Deal.Ledger("rvg guarantor L", DefaultPeriod, "ParentDefaultsLater"), 6);
    }

    [Fact]
    public void NoDefaultLeavesTheGuarantorNothingToPay()
    {
        // The lease expires on 2031-01-01 (60 months, the end of period 19), the campus worth 100m × (1 − 60/240) = 75m:
        // Tenant, performing, pays the whole claim min(40m, 110m − 75m) = 35m, and Parent nothing.
        Assert.Equal(35_000_000, Deal.Ledger("rvg L", 19, "Expires"), 6);
        Assert.Equal(0.0, Sum(Deal, "rvg guarantor L", "Expires"));
        Assert.Equal(0.0, Deal.Outcomes["Expires"].Guarantees.Single().Paid);
    }

    [Fact]
    public void TheHonourShareAndADisownedGuaranteeAreARentGuarantorsToo()
    {
        // Honouring 50%: 9m × 50% = 4.5m. Disowned: nothing, while the lessee still pays its 6m.
        Assert.Equal(4_500_000, Deal.Ledger("rvg guarantor L", DefaultPeriod, "HalfHonoured"), 6);
        Assert.Equal(0.0, Sum(Deal, "rvg guarantor L", "Disowned"));
        Assert.Equal(TenantPays, Deal.Ledger("rvg L", DefaultPeriod, "Disowned"), 6);
    }

    [Fact]
    public void TheGuarantorsCapAndUntilBindAsARentGuarantors()
    {
        // 'cap 5m': min(9m, 5m) = 5m; in default, 25% of the 5m it owes: 1.25m.
        var capped = new SmallDeal(Source.Replace("with guarantor Parent cap 30m", "with guarantor Parent cap 5m", StringComparison.Ordinal));
        Assert.Equal(5_000_000, capped.Ledger("rvg guarantor L", DefaultPeriod, "TenantDefaults"), 6);
        Assert.Equal(1_250_000, capped.Ledger("rvg guarantor L", DefaultPeriod, "BothDefault"), 6);
        Assert.Equal(1.0, capped.Outcomes["TenantDefaults"].Guarantees.Single().CapUsed, 12);

        // 'until 2026-12-01': the claim's period ends on 2027-01-01, after it: nothing.
        var expired = new SmallDeal(Source.Replace("with guarantor Parent cap 30m", "with guarantor Parent cap 30m until 2026-12-01", StringComparison.Ordinal));
        Assert.Equal(0.0, Sum(expired, "rvg guarantor L", "TenantDefaults"));
    }

    [Fact]
    public void ItIsAOneOffAsTheRvgIsAndAGuaranteeInTheSummary()
    {
        // No opex: cfads = collections less the one-offs, the RVG and its guarantor's payment; with 'cfads includes rvg'
        // both count.
        double collections = Deal.Ledger("collections", DefaultPeriod, "TenantDefaults");
        double rent = Deal.Ledger("rent L", DefaultPeriod, "TenantDefaults");
        Assert.Equal(rent + TenantPays + ParentPays, collections, 6);
        Assert.Equal(collections - TenantPays - ParentPays, Deal.Ledger("Cash", DefaultPeriod, "TenantDefaults"), 6);
        var counted = new SmallDeal(Source.Replace("test Cash = cfads", "cfads includes rvg\n  test Cash = cfads", StringComparison.Ordinal));
        Assert.Equal(counted.Ledger("collections", DefaultPeriod, "TenantDefaults"), counted.Ledger("Cash", DefaultPeriod, "TenantDefaults"), 6);

        GuaranteeSummary summary = Deal.Outcomes["TenantDefaults"].Guarantees.Single();
        Assert.Equal("Parent for rvg L", summary.Name);
        Assert.Equal(ParentPays, summary.Paid, 6);
        Assert.Equal(ParentPays / 30_000_000, summary.CapUsed, 12);
        Assert.Equal(TenantPays, Deal.Outcomes["TenantDefaults"].Events.RvgPaid.Single().Amount, 6);
    }

    [Fact]
    public void ASummaryRunPaysWhatTheLedgerRunPays()
    {
        // Without a ledger (as every Monte Carlo path), the same guarantee and RVG, bit for bit.
        var summaryOnly = new SmallDeal(Source, fullLedger: false);
        foreach (string scenario in Deal.Outcomes.Keys)
        {
            Assert.Equal(Deal.Outcomes[scenario].Guarantees.Single().Paid, summaryOnly.Outcomes[scenario].Guarantees.Single().Paid);
            Assert.Equal(Deal.Outcomes[scenario].Events.RvgPaid.Single().Amount, summaryOnly.Outcomes[scenario].Events.RvgPaid.Single().Amount);
        }
    }

    [Fact]
    public void ARentGuarantorAndAnRvgGuarantorAreTwoGuarantees()
    {
        // Parent behind the rent too (3m a quarter, from the default on): two guarantees, each with its own cap; the rent
        // one first, the RVG one after it. The rent guarantor pays 3m a quarter from period 4 until its 7m cap: 3m, 3m, 1m.
        var both = new SmallDeal(Source.Replace("  rvg     guarantees", "  guarantor Parent cap 7m\n    rvg     guarantees", StringComparison.Ordinal));
        GuaranteeSummary[] guarantees = [.. both.Outcomes["TenantDefaults"].Guarantees];
        Assert.Equal(["Parent for L", "Parent for rvg L"], guarantees.Select(g => g.Name));
        Assert.Equal(7_000_000, guarantees[0].Paid, 6);
        Assert.Equal(ParentPays, guarantees[1].Paid, 6);
        Assert.Equal(3_000_000, both.Ledger("guarantor L", 4, "TenantDefaults"), 6);
        Assert.Equal(1_000_000, both.Ledger("guarantor L", 6, "TenantDefaults"), 6);
    }

    [Fact]
    public void AGuarantorsDrawnDefaultPaysAtItsRecoveryOnThePathsItDefaultsOn()
    {
        // A Monte Carlo run: Tenant defaults on 2027-01-01 on every path, Parent at a 30% annual hazard. By hand: Parent
        // has defaulted by the end of the claim's period (2027-01-01, a year after the closing) with probability
        // 1 − 0.7^(365/365) = 30%, and then pays 25% of the 9m, 2.25m; otherwise 9m. So it pays on every path, at most 9m,
        // and on average 9m − 6.75m × 30% = 6.975m, within four standard errors of 6.75m × √(0.3 × 0.7 / 4,000) = 0.0489m.
        // Every path is run with the cash check on.
        const string drawn = """

            scenario Drawn for Backstop {
              paths 4000
              seed  7
              Tenant defaults on 2027-01-01
              Parent defaults drawn pd 30% per year
            }
            """;
        var compiled = DealCompiler.Compile("small.deal", Source + drawn);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        ScenarioSpec scenario = compiled.Model!.Scenarios.Single(s => s.Name == "Drawn");
        var source = new StochasticPaths(host.Program.Description, scenario, StochasticPaths.DefaultSeed(scenario), StochasticPaths.DefaultPaths(scenario));
        SimulationTotals totals = new SimulationEngine(host.Program, source, checkCash: true).Run(0, source.Count, 2);
        var frame = SimulationFrame.Of(host.Program.Description, "small", scenario.Name, source.Seed, source.Count,
            source.DefaultInputs.Select(d => new PartyPd(d.Party, d.PartyIndex, d.AnnualPd, d.HorizonPd)));
        GuarantorRisk parent = CreditMetrics.Compute(frame, totals).Guarantees.Single();
        Assert.Equal("Parent for rvg L", parent.Name);
        Assert.Equal(4000, parent.PathsPaying);
        Assert.Equal(ParentPays, parent.MaxCost, 6);
        double se = 6_750_000 * Math.Sqrt(0.3 * 0.7 / 4000);
        Assert.InRange(parent.ExpectedCost.Value, 6_975_000 - (4 * se), 6_975_000 + (4 * se));
    }

    // An 'until' before the lease's start: DL0417 at the date, naming the RVG it guarantees (not "lease 'L'", which reads as
    // the rent's guarantee).
    [Fact]
    public void AnRvgGuarantorsUntilBeforeTheStartNamesTheRvg()
    {
        var result = DealCompiler.Check("small.deal", Source.Replace("with guarantor Parent cap 30m", "with guarantor Parent cap 30m until 2025-06-30", StringComparison.Ordinal));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "DL0417");
        Assert.StartsWith("the end of the guarantee of the residual value guarantee of lease '", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Not a party (the facility named): DL0205 at the name.
    [InlineData("with guarantor Campus cap 30m", "DL0205", "with guarantor ")]
    // An undeclared name: DL0202.
    [InlineData("with guarantor Nobody cap 30m", "DL0202", "with guarantor ")]
    // A negative cap: DL0312 at the amount.
    [InlineData("with guarantor Parent cap -30m", "DL0312", "with guarantor Parent cap ")]
    // No cap: DL0408 at the clause.
    [InlineData("with guarantor Parent", "DL0408", "with ")]
    // The lessee guaranteeing itself: DL0731.
    [InlineData("with guarantor Tenant cap 30m", "DL0731", "with guarantor ")]
    // A tranche guarantee's fee: DL0730.
    [InlineData("with guarantor Parent cap 30m fee 1%", "DL0730", "with guarantor Parent cap 30m fee ")]
    // A tranche guarantee's ranking of its recovery: DL0730 at the term.
    [InlineData("with guarantor Parent cap 30m subrogated after holders", "DL0730", "with guarantor Parent cap 30m ")]
    public void AMisusedGuarantorIsReportedWhereItIsWritten(string clause, string code, string before)
    {
        string source = Source.Replace("with guarantor Parent cap 30m", clause, StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        // One message for the mistake; a guarantor named wrongly also leaves Parent guaranteeing nothing, so the
        // scenarios setting its guarantees are DL0734, each at its own lever.
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Code != "DL0734");
        Assert.Equal(code, diagnostic.Code);
        Assert.All(result.Diagnostics.Where(d => d.Code == "DL0734"), d => Assert.True(d.Span.Line > 40));
        string line = source.Split('\n').Single(l => l.Contains(clause, StringComparison.Ordinal));
        int column = line.IndexOf(clause, StringComparison.Ordinal) + before.Length + 1;
        Assert.Equal(Array.FindIndex(source.Split('\n'), l => l.Contains(clause, StringComparison.Ordinal)) + 1, diagnostic.Span.Line);
        Assert.Equal(column, diagnostic.Span.Column);
    }
}
