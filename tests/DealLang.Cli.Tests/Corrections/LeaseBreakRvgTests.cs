using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An RVG owed at a break (docs/language.md §5 "lease", "An RVG owed at a break"): <c>break_option at 24m fee 6m with
/// rvg</c> makes a lessee that breaks owe the residual value guarantee as if the lease had ended on the break date
/// (its own <c>until</c>, cap and <c>guarantees</c>, against the facility's value on the break date itself),
/// in full, beside the break fee: a one-off collection, in cfads only with <c>cfads includes rvg</c>. The initial
/// term's break and the renewal terms' each carry their own <c>with rvg</c>; a drawn break owes it as a fixed one.
/// Every ledger run here is a <see cref="SmallDeal"/>'s, with the cash check on: cash is conserved in every period.
/// </summary>
public sealed class LeaseBreakRvgTests
{
    // Quarterly, closing 2026-01-01. Campus costs 100m, straight-line over 20 years (240 months) from the closing, no
    // floor: worth 100m × (1 − months/240) at a period's end. Tenant leases it at 12m a year from the closing for 5
    // years, breakable at 24m for a 6m fee owing the RVG; then one 3-year renewal breakable 12m in for 3m, owing the RVG
    // too. The RVG guarantees 110m, capped at 25m, until 2033-01-01.
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
            renewals     1 x 3y at lessee option with break_option at 12m fee 3m with rvg
            rvg          guarantees 110m cap 25m until 2033-01-01
            break_option at 24m fee 6m with rvg
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

        scenario RunsOn for Breaks {
          L renewals taken 1
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    // The break at 24m falls on 2028-01-01, the end of the quarter 2027-10-01 → 2028-01-01 (period 7). Campus is worth
    // 100m × (1 − 24/240) = 90m then; the RVG pays min(25m, max(0, 110m − 90m)) = 20m, in full (the lessee performs),
    // beside the 6m fee, in that period.
    private const double InTermRvg = 20_000_000;

    // The break 12m into renewal 1 (which starts 2031-01-01, 60 months in) falls on 2032-01-01, 72 months from the
    // start, the end of period 23. Campus is worth 100m × (1 − 72/240) = 70m; 110m − 70m = 40m, capped at 25m.
    private const double InRenewalRvg = 25_000_000;

    [Fact]
    public void ABreakWithRvgReceivesTheGuaranteeOnTheValueAtTheBreak()
    {
        Assert.Equal(InTermRvg, 110_000_000 - (100_000_000 * (1 - (24.0 / 240))), 6);
        Assert.Equal(InTermRvg, Deal.Ledger("rvg L", 7, "InTerm"), 6);
        Assert.Equal(6_000_000, Deal.Ledger("termination fee L", 7, "InTerm"), 6);
        Assert.Equal(InTermRvg, Enumerable.Range(0, 40).Sum(t => Deal.Ledger("rvg L", t, "InTerm")), 6);
        Assert.Equal(0.0, Deal.Ledger("rent L", 8, "InTerm"));
    }

    [Fact]
    public void ARenewalTermsBreakWithRvgReceivesTheCappedGuarantee()
    {
        Assert.Equal(40_000_000, 110_000_000 - (100_000_000 * (1 - (72.0 / 240))), 6);
        Assert.Equal(InRenewalRvg, Deal.Ledger("rvg L", 23, "InRenewal"), 6);
        Assert.Equal(3_000_000, Deal.Ledger("termination fee L", 23, "InRenewal"), 6);
        Assert.Equal(InRenewalRvg, Enumerable.Range(0, 40).Sum(t => Deal.Ledger("rvg L", t, "InRenewal")), 6);
    }

    [Fact]
    public void TheRvgIsOwedOnlyWhereTheBreakSaysSo()
    {
        // The initial term's break without 'with rvg', the renewal terms' with it: the break at 24m receives no RVG (as
        // before the term existed), the renewal's still does.
        var initialWithout = new SmallDeal(Source.Replace("break_option at 24m fee 6m with rvg", "break_option at 24m fee 6m", StringComparison.Ordinal));
        Assert.Equal(0.0, Enumerable.Range(0, 40).Sum(t => initialWithout.Ledger("rvg L", t, "InTerm")));
        Assert.Equal(6_000_000, initialWithout.Ledger("termination fee L", 7, "InTerm"), 6);
        Assert.Equal(InRenewalRvg, initialWithout.Ledger("rvg L", 23, "InRenewal"), 6);

        var renewalWithout = new SmallDeal(Source.Replace("fee 3m with rvg", "fee 3m", StringComparison.Ordinal));
        Assert.Equal(0.0, Enumerable.Range(0, 40).Sum(t => renewalWithout.Ledger("rvg L", t, "InRenewal")));
        Assert.Equal(InTermRvg, renewalWithout.Ledger("rvg L", 7, "InTerm"), 6);
        for (int t = 0; t < 40; t++)
        {
            Assert.Equal(Deal.Ledger("rent L", t, "InTerm"), initialWithout.Ledger("rent L", t, "InTerm"));
            Assert.Equal(Deal.Ledger("Cash", t, "InTerm"), initialWithout.Ledger("Cash", t, "InTerm"));
        }
    }

    [Fact]
    public void TheRvgIsOutsideCfadsUnlessTheDealCountsIt()
    {
        // No opex: cfads = collections less the one-offs (the 6m fee, and the 20m RVG unless 'cfads includes rvg').
        double collections = Deal.Ledger("collections", 7, "InTerm");
        Assert.Equal(collections - 6_000_000 - InTermRvg, Deal.Ledger("Cash", 7, "InTerm"), 6);
        var counted = new SmallDeal(Source.Replace("test Cash = cfads", "cfads includes rvg\n  test Cash = cfads", StringComparison.Ordinal));
        Assert.Equal(counted.Ledger("collections", 7, "InTerm") - 6_000_000, counted.Ledger("Cash", 7, "InTerm"), 6);
    }

    [Fact]
    public void NoRvgForABreakAfterTheGuaranteeWindow()
    {
        // 'until 2031-01-01': the renewal's break on 2032-01-01 is after it, the initial term's on 2028-01-01 inside it.
        var shorter = new SmallDeal(Source.Replace("until 2033-01-01", "until 2031-01-01", StringComparison.Ordinal));
        Assert.Equal(0.0, Enumerable.Range(0, 40).Sum(t => shorter.Ledger("rvg L", t, "InRenewal")));
        Assert.Equal(InTermRvg, shorter.Ledger("rvg L", 7, "InTerm"), 6);
    }

    [Fact]
    public void ADrawnBreakOwesTheRvgAsAFixedOne()
    {
        const string drawn = """

            scenario DrawnBreak for Breaks {
              seed 5
              L breaks drawn at 24m with 100%
            }
            """;
        Assert.Equal(InTermRvg, DrawnBreakRvg(Source + drawn), 6);
    }

    /// <summary>The RVG paid on path 1 of scenario DrawnBreak (seed 5), whose lease breaks at 24 months.</summary>
    private static double DrawnBreakRvg(string source)
    {
        var compiled = DealCompiler.Compile("small.deal", source);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var paths = new StochasticPaths(deal, compiled.Model!.Scenarios.Single(s => s.Name == "DrawnBreak"), 5, 2);
        var inputs = new PathInputs(deal);
        paths.Fill(1, inputs);
        Assert.Equal(24, paths.Drawn(inputs).LeaseBreaks[0]);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        host.Program.Run(inputs, result);
        return result.RvgPaid[0];
    }

    // The same campus, the lease starting on 2026-02-15 so that its dates fall inside quarters: the break at 24m on
    // 2028-02-15, in the quarter 2028-01-01 → 2028-04-01 (period 8); the expiry on 2031-02-15, in period 20. The RVG is
    // capped at 40m here, so no figure below reaches the cap.
    private const string MidQuarterSource = """
        deal MidQuarter {
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
            starts       2026-02-15
            term         5y
            rvg          guarantees 110m cap 40m until 2033-01-01
            break_option at 24m fee 6m with rvg
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

        scenario Broken for MidQuarter {
          L breaks at 24m
        }

        scenario BrokenDeflating for MidQuarter {
          L breaks at 24m
          Campus.value deflate 10% per year
        }

        scenario Expires for MidQuarter {
        }

        scenario Defaults for MidQuarter {
          Tenant defaults on 2027-05-16
        }
        """;

    private static readonly SmallDeal MidQuarter = new(MidQuarterSource);

    // 2028-02-15 is 25 whole months from the closing plus 14 of February 2028's 29 days: 25.482758... months, so the
    // campus is worth 100m × (1 − 25.482758/240) = 89,382,183.91 on the break date and the RVG is
    // 110m − 89,382,183.91 = 20,617,816.09. At the quarter's end (2028-04-01, 27 months) it would be worth
    // 100m × (1 − 27/240) = 88.75m and the RVG 21.25m: 632,183.91 more than the term sheet's appraisal on the break date
    // makes the lessee owe.
    private const double MidQuarterBreakRvg = 20_617_816.091954023;

    [Fact]
    public void ABreakInsideAPeriodIsValuedOnTheBreakDate()
    {
        Assert.Equal(MidQuarterBreakRvg, 110_000_000 - (100_000_000 * (1 - ((25 + (14.0 / 29)) / 240))), 6);
        Assert.Equal(MidQuarterBreakRvg, MidQuarter.Ledger("rvg L", 8, "Broken"), 6);
        Assert.NotEqual(21_250_000, MidQuarter.Ledger("rvg L", 8, "Broken"), 0);
        Assert.Equal(6_000_000, MidQuarter.Ledger("termination fee L", 8, "Broken"), 6);
        Assert.Equal(MidQuarterBreakRvg, Enumerable.Range(0, 40).Sum(t => MidQuarter.Ledger("rvg L", t, "Broken")), 6);
    }

    [Fact]
    public void TheScenariosDeflationIsTakenToTheBreakDateToo()
    {
        // 775 days from the closing to 2028-02-15: 0.9^(775/365.25) = 0.79966886, so the campus is worth
        // 89,382,183.91 × 0.79966886 = 71,476,149.09 and the RVG is 38,523,850.91. At the quarter's end (821 days):
        // 88.75m × 0.9^(821/365.25) = 70,035,106.87, an RVG of 39,964,893.13.
        double factor = Math.Pow(0.9, 775 / 365.25);
        Assert.Equal(0.799668859753567, factor, 12);
        Assert.Equal(38_523_850.91196924, 110_000_000 - (89_382_183.90804598 * factor), 4);
        Assert.Equal(38_523_850.91196924, MidQuarter.Ledger("rvg L", 8, "BrokenDeflating"), 4);
    }

    [Fact]
    public void ALeaseExpiringInsideAPeriodIsValuedOnItsExpiry()
    {
        // The expiry on 2031-02-15: 61 months plus 14 of February 2031's 28 days, 61.5 months; the campus is worth
        // 100m × (1 − 61.5/240) = 74,375,000 and the RVG is 35,625,000 (at the quarter's end, 63 months: 73.75m and 36.25m).
        Assert.Equal(35_625_000, MidQuarter.Ledger("rvg L", 20, "Expires"), 6);
        Assert.Equal(35_625_000, Enumerable.Range(0, 40).Sum(t => MidQuarter.Ledger("rvg L", t, "Expires")), 6);
    }

    [Fact]
    public void ALesseesDefaultInsideAPeriodIsValuedOnTheDefaultDate()
    {
        // The default on 2027-05-16 (period 5, 2027-04-01 → 2027-07-01): 16 months plus 15 of May's 31 days, 16.483871
        // months; the campus is worth 100m × (1 − 16.483871/240) = 93,131,720.43, the claim 16,868,279.57, of which the
        // defaulted lessee pays its 40% recovery: 6,747,311.83.
        Assert.Equal(6_747_311.827956993, 0.4 * (110_000_000 - (100_000_000 * (1 - ((16 + (15.0 / 31)) / 240)))), 6);
        Assert.Equal(6_747_311.827956993, MidQuarter.Ledger("rvg L", 5, "Defaults"), 6);
    }

    [Fact]
    public void ADrawnBreakInsideAPeriodIsValuedOnItsDate()
    {
        const string drawn = """

            scenario DrawnBreak for MidQuarter {
              seed 5
              L breaks drawn at 24m with 100%
            }
            """;
        Assert.Equal(MidQuarterBreakRvg, DrawnBreakRvg(MidQuarterSource + drawn), 6);
    }

    [Fact]
    public void WithRvgNeedsALeaseWithAnRvg()
    {
        // Without the rvg item, line 16 is the renewals item ('with rvg' at column 74), line 17 the break option (at column 32).
        string without = Source.Replace("    rvg          guarantees 110m cap 25m until 2033-01-01\n", "", StringComparison.Ordinal);
        var result = DealCompiler.Compile("small.deal", without);
        Diagnostic[] dl0555 = [.. result.Diagnostics.Where(d => d.Code == "DL0555").OrderBy(d => d.Span.Line)];
        Assert.Equal(2, dl0555.Length);
        Assert.Equal((16, 74), (dl0555[0].Span.Line, dl0555[0].Span.Column));
        Assert.Contains("the renewal terms' break of lease 'L' owes the RVG ('with rvg'), but the lease has no residual value guarantee", dl0555[0].Message, StringComparison.Ordinal);
        Assert.Equal((17, 32), (dl0555[1].Span.Line, dl0555[1].Span.Column));
        Assert.Contains("the break of lease 'L' owes the RVG", dl0555[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Diagnostics.Count);
    }
}
