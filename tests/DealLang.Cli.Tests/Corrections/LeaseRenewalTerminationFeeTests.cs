using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Hosting;
using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease's termination fee in its renewal terms (docs/language.md §5 "lease", "Termination fee in the renewal terms"):
/// <c>renewals 2 x 5y at lessee option with termination_fee 300m amortising</c> is owed by a lessee defaulting during a
/// renewal term the path takes, falling linearly over that renewal term, at the lessee's recovery in the default's
/// period, a one-off outside cfads that no guarantor pays; the initial term's fee keeps its own term. Every run here is
/// a <see cref="SmallDeal"/>'s, with the cash check on: cash is conserved in every period of every scenario.
/// </summary>
public sealed class LeaseRenewalTerminationFeeTests
{
    // Quarterly, closing 2026-01-01. Tenant (recovery 40%) leases Campus at 12m a year (3m a quarter) from the closing
    // for 3 years (to 2029-01-01), then 2 renewals of 5 years: renewal 1 runs 2029-01-01 → 2034-01-01 and renewal 2
    // 2034-01-01 → 2039-01-01, each 1,826 days (one 29 February in each). The initial term's fee is 8m flat; the
    // renewal terms' 300m amortising to 0 over each renewal term. Parent guarantees the rent up to 100m.
    private const string Source = """
        deal Renewed {
          currency USD
          closing  2026-01-01
          maturity 2036-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Parent { }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee    Tenant
            rent      12m per year
            starts    2026-01-01
            term      3y
            renewals  2 x 5y at lessee option with termination_fee 300m amortising
            guarantor Parent cap 100m
            termination_fee 8m
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

        scenario InRenewal1 for Renewed {
          L renewals taken 2
          Tenant defaults on 2031-07-03
        }

        scenario InRenewal2 for Renewed {
          L renewals taken 2
          Tenant defaults on 2035-01-01
        }

        scenario NotRenewed for Renewed {
          Tenant defaults on 2031-07-03
        }

        scenario OneRenewal for Renewed {
          L renewals taken 1
          Tenant defaults on 2035-01-01
        }

        scenario InTerm for Renewed {
          L renewals taken 2
          Tenant defaults on 2027-01-01
        }
        """;

    private const string RenewalTerm = " with termination_fee 300m amortising";

    private static readonly SmallDeal Deal = new(Source);

    // Renewal 1 (2029-01-01 → 2034-01-01, 1,826 days); the default on 2031-07-03 is 913 days in (365 + 365 + 183), half
    // way on actual days, 913 days left: 300m × 913/1,826 = 150m owed, 40% recovered = 60m, in the quarter
    // 2031-07-01 → 2031-10-01 (period 22, the one whose end first reaches the default).
    private const double InRenewal1 = 300_000_000.0 * 913 / 1826 * 0.4;

    // Renewal 2 (2034-01-01 → 2039-01-01, 1,826 days); the default on 2035-01-01 leaves 1,461 days (2035..2038, with
    // 2036's 29 February): 300m × 1,461/1,826 = 240,032,858.71, 40% = 96,013,143.48, in the quarter ending 2035-01-01
    // (period 35).
    private const double InRenewal2 = 300_000_000.0 * 1461 / 1826 * 0.4;

    [Fact]
    public void ADefaultHalfWayThroughARenewalTermOwesHalfTheFeeAtItsRecovery()
    {
        Assert.Equal(60_000_000.0, InRenewal1, 6);
        Assert.Equal(InRenewal1, Deal.Ledger("termination fee L", 22, "InRenewal1"), 6);
        Assert.Equal(InRenewal1, Enumerable.Range(0, 40).Sum(t => Deal.Ledger("termination fee L", t, "InRenewal1")), 6);
    }

    [Fact]
    public void TheFeeAmortisesOverTheRenewalTermItFallsIn()
    {
        Assert.Equal(96_013_143.48, InRenewal2, 0.01);
        Assert.Equal(InRenewal2, Deal.Ledger("termination fee L", 35, "InRenewal2"), 6);
        Assert.Equal(InRenewal2, Enumerable.Range(0, 40).Sum(t => Deal.Ledger("termination fee L", t, "InRenewal2")), 6);
    }

    [Fact]
    public void NoRenewalFeeForARenewalNotTakenAndTheInitialTermKeepsItsOwn()
    {
        // Not renewed, the lease ended on 2029-01-01 and a default in 2031 owes nothing; one renewal taken, it ended on
        // 2034-01-01, before the default in 2035.
        for (int t = 0; t < 40; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "NotRenewed"));
            Assert.Equal(0.0, Deal.Ledger("termination fee L", t, "OneRenewal"));
        }

        // A default in the initial term owes its own flat 8m, 40% = 3.2m, in the quarter ending 2027-01-01 (period 3).
        Assert.Equal(3_200_000, Deal.Ledger("termination fee L", 3, "InTerm"), 6);
    }

    [Fact]
    public void TheFeeIsAOneOffCollectionOutsideCfadsThatTheGuarantorDoesNotPay()
    {
        // No opex: cfads = collections less the one-off fee.
        Assert.Equal(Deal.Ledger("collections", 22, "InRenewal1") - InRenewal1, Deal.Ledger("Cash", 22, "InRenewal1"), 6);
        // The quarter of the default (92 days, 3m of rent): the rent to the default and the guarantor's share make 3m.
        Assert.Equal(3_000_000, Deal.Ledger("rent L", 22, "InRenewal1") + Deal.Ledger("guarantor L", 22, "InRenewal1"), 6);
    }

    [Fact]
    public void WithoutTheTermNoFeeIsOwedInARenewalAndEveryOtherFigureStays()
    {
        var without = new SmallDeal(Source.Replace(RenewalTerm, "", StringComparison.Ordinal));
        for (int t = 0; t < 40; t++)
        {
            Assert.Equal(0.0, without.Ledger("termination fee L", t, "InRenewal1"));
            foreach (string column in new[] { "rent L", "guarantor L", "Cash" })
            {
                Assert.Equal(without.Ledger(column, t, "InRenewal1"), Deal.Ledger(column, t, "InRenewal1"));
            }
        }
    }

    [Fact]
    public void TheSummaryGivesTheFeeReceived()
    {
        string csv = DealLang.Runner.Reports.SummaryReport.Render(Deal.Description, [Deal.Outcomes["NotRenewed"], Deal.Outcomes["InRenewal1"]],
            DealLang.Runner.Reports.ReportFormat.Csv);
        Assert.Contains("L,termination fee received,0.00,60000000.00\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ARenewalDrawnOnAPathOwesTheFeeAsAFixedOne()
    {
        // The renewals drawn at 100% (both taken on every path) or at 0% (none): the InRenewal1 default owes 60m on the
        // first, as the fixed 'renewals taken 2' does, and nothing on the second.
        const string drawnScenarios = """

            scenario DrawnAlways for Renewed {
              seed 7
              L renewals drawn 100%
              Tenant defaults on 2031-07-03
            }

            scenario DrawnNever for Renewed {
              seed 7
              L renewals drawn 0%
              Tenant defaults on 2031-07-03
            }
            """;
        var compiled = DealCompiler.Compile("small.deal", Source + drawnScenarios);
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using DealHost host = DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        foreach ((string name, int taken, double expected) in new[] { ("DrawnAlways", 2, InRenewal1), ("DrawnNever", 0, 0.0) })
        {
            var source = new StochasticPaths(deal, compiled.Model!.Scenarios.Single(s => s.Name == name), 7, 2);
            var inputs = new PathInputs(deal);
            source.Fill(1, inputs);
            Assert.Equal(taken, source.Drawn(inputs).RenewalsTaken[0]);
            Assert.Equal(expected, inputs.LeaseTermination[0][22], 6);
            Assert.Equal(expected, inputs.LeaseTermination[0].Sum(), 6);
        }
    }

    [Fact]
    public void BothRenewalTermsParseInEitherOrderAndEachOnce()
    {
        static LeaseInfo Lease(string renewals) =>
            DealCompiler.Compile("small.deal", Source.Replace("renewals  2 x 5y at lessee option" + RenewalTerm, renewals, StringComparison.Ordinal))
                .Model!.Leases[0].Info;
        LeaseInfo feeFirst = Lease("renewals 2 x 5y at lessee option with termination_fee 300m amortising to 50m with break_option at 24m fee 5m");
        LeaseInfo breakFirst = Lease("renewals 2 x 5y at lessee option with break_option at 24m fee 5m with termination_fee 300m amortising to 50m");
        Assert.Equal((300e6, true, 50e6, 5e6), (feeFirst.RenewalTerminationFee, feeFirst.RenewalFeeAmortising, feeFirst.RenewalFeeFloor, feeFirst.RenewalBreakFeeAmount));
        Assert.Equal((300e6, true, 50e6, 5e6), (breakFirst.RenewalTerminationFee, breakFirst.RenewalFeeAmortising, breakFirst.RenewalFeeFloor, breakFirst.RenewalBreakFeeAmount));
        Assert.Equal([24], breakFirst.RenewalBreakMonths);

        var twice = DealCompiler.Compile("small.deal", Source.Replace(RenewalTerm, RenewalTerm + " with termination_fee 5m", StringComparison.Ordinal));
        Diagnostic repeated = Assert.Single(twice.Diagnostics, d => d.Code == "DL0105");
        Assert.Contains("'with termination_fee' is given twice in the renewals of lease 'L'", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAmountsAreCheckedAtTheirLocation()
    {
        // Line 17 of the deal is the renewals item; the fee starts at column 60, its floor at 79.
        var negative = DealCompiler.Compile("small.deal", Source.Replace(RenewalTerm, " with termination_fee -3m amortising", StringComparison.Ordinal));
        Diagnostic dl0312 = Assert.Single(negative.Diagnostics, d => d.Code == "DL0312");
        Assert.Equal((17, 60), (dl0312.Span.Line, dl0312.Span.Column));
        Assert.Contains("the renewal terms' termination_fee of lease 'L' cannot be negative", dl0312.Message, StringComparison.Ordinal);

        var growing = DealCompiler.Compile("small.deal", Source.Replace(RenewalTerm, " with termination_fee 300m amortising to 400m", StringComparison.Ordinal));
        Diagnostic dl0753 = Assert.Single(growing.Diagnostics, d => d.Code == "DL0753");
        Assert.Equal((17, 79), (dl0753.Span.Line, dl0753.Span.Column));
        Assert.Contains("the renewal terms' termination fee of lease 'L' amortises from 300,000,000 to 400,000,000", dl0753.Message, StringComparison.Ordinal);
    }
}
