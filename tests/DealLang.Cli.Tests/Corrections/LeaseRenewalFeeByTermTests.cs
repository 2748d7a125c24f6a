using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease's renewal terms' termination fee stepping from term to term (docs/language.md §5 "lease", "Termination fee in
/// the renewal terms"): <c>renewals 2 x 5y at lessee option with termination_fee 300m, 150m</c> owes 300m on a default in
/// renewal 1 and 150m on one in renewal 2, each amortising (with <c>amortising</c>) over its own term to the one
/// <c>to F</c>; one amount is still every term's, and any other count is DL0578. Every run is a <see cref="SmallDeal"/>'s,
/// with the cash check on.
/// </summary>
public sealed class LeaseRenewalFeeByTermTests
{
    // Quarterly, closing 2026-01-01. Tenant (recovery 40%) leases Campus at 12m a year from the closing for 3 years (to
    // 2029-01-01), then 2 renewals of 5 years: renewal 1 runs 2029-01-01 → 2034-01-01 and renewal 2 2034-01-01 →
    // 2039-01-01, each 1,826 days (one 29 February in each). The renewal terms' fee steps down: 300m, then 150m.
    private const string Source = """
        deal Stepped {
          currency USD
          closing  2026-01-01
          maturity 2036-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee    Tenant
            rent      12m per year
            starts    2026-01-01
            term      3y
            renewals  2 x 5y at lessee option with termination_fee 300m, 150m
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario InRenewal1 for Stepped {
          L renewals taken 2
          Tenant defaults on 2031-07-03
        }

        scenario InRenewal2 for Stepped {
          L renewals taken 2
          Tenant defaults on 2035-01-01
        }
        """;

    private const string Fees = "with termination_fee 300m, 150m";

    private static SmallDeal With(string fees) => new(Source.Replace(Fees, fees, StringComparison.Ordinal));

    private static double Fee(SmallDeal deal, string scenario) =>
        Enumerable.Range(0, 40).Sum(t => deal.Ledger("termination fee L", t, scenario));

    [Fact]
    public void EachRenewalTermOwesItsOwnFee()
    {
        var deal = new SmallDeal(Source);
        // Renewal 1, default on 2031-07-03: its own 300m flat, 40% = 120m, in the quarter 2031-07-01 → 2031-10-01
        // (period 22).
        Assert.Equal(120_000_000, deal.Ledger("termination fee L", 22, "InRenewal1"), 6);
        Assert.Equal(120_000_000, Fee(deal, "InRenewal1"), 6);
        // Renewal 2, default on 2035-01-01: its own 150m, not renewal 1's 300m: 40% = 60m, in the quarter ending
        // 2035-01-01 (period 35).
        Assert.Equal(60_000_000, deal.Ledger("termination fee L", 35, "InRenewal2"), 6);
        Assert.Equal(60_000_000, Fee(deal, "InRenewal2"), 6);
    }

    [Fact]
    public void EachTermsFeeAmortisesOverItsOwnTermToTheOneFloor()
    {
        // Renewal 2 (2034-01-01 → 2039-01-01, 1,826 days); the default on 2035-01-01 leaves 1,461 days (2035..2038, with
        // 2036's 29 February).
        // amortising: 150m × 1,461/1,826 = 120,016,429.35 owed, 40% = 48,006,571.74.
        var amortising = With(Fees + " amortising");
        Assert.Equal(48_006_571.74, Fee(amortising, "InRenewal2"), 0.01);
        Assert.Equal(150_000_000.0 * 1461 / 1826 * 0.4, amortising.Ledger("termination fee L", 35, "InRenewal2"), 6);
        // Renewal 1, 913 of its 1,826 days left on 2031-07-03: 300m × 913/1,826 = 150m, 40% = 60m.
        Assert.Equal(60_000_000, Fee(amortising, "InRenewal1"), 6);

        // amortising to 50m: 50m + (150m − 50m) × 1,461/1,826 = 130,010,952.90, 40% = 52,004,381.16; renewal 1's
        // 50m + 250m × 913/1,826 = 175m, 40% = 70m.
        var toFloor = With(Fees + " amortising to 50m");
        Assert.Equal(52_004_381.16, Fee(toFloor, "InRenewal2"), 0.01);
        Assert.Equal(70_000_000, Fee(toFloor, "InRenewal1"), 6);
    }

    [Fact]
    public void OneAmountIsStillEveryTermsFee()
    {
        // 'with termination_fee 300m' owes 300m in either term: 120m recovered in both scenarios, as '300m, 300m' does.
        var one = With("with termination_fee 300m");
        var each = With("with termination_fee 300m, 300m");
        foreach (string scenario in new[] { "InRenewal1", "InRenewal2" })
        {
            Assert.Equal(120_000_000, Fee(one, scenario), 6);
            Assert.Equal(Fee(one, scenario), Fee(each, scenario), 6);
        }

        // Lowered as before (one fee, no per-term list: the emitted C# of such a lease is unchanged); a step is per term.
        LeaseInfo single = DealCompiler.Compile("small.deal", Source.Replace(Fees, "with termination_fee 300m", StringComparison.Ordinal)).Model!.Leases[0].Info;
        Assert.Equal((300e6, 0), (single.RenewalTerminationFee, single.RenewalTerminationFeeByTerm.Length));
        LeaseInfo stepped = DealCompiler.Compile("small.deal", Source).Model!.Leases[0].Info;
        Assert.Equal([300e6, 150e6], stepped.RenewalTerminationFeeByTerm);
        Assert.Equal((300e6, 150e6), (stepped.RenewalFeeIn(1), stepped.RenewalFeeIn(2)));
    }

    [Fact]
    public void AnotherCountOfAmountsIsAnErrorAtTheFirstFee()
    {
        // Line 16 of the deal is the renewals item; the first fee starts at column 60.
        foreach ((string fees, int count) in new[] { ("300m, 150m, 75m", 3), ("300m, 150m, 75m, 0m", 4) })
        {
            var compiled = DealCompiler.Compile("small.deal", Source.Replace(Fees, "with termination_fee " + fees, StringComparison.Ordinal));
            Diagnostic dl0578 = Assert.Single(compiled.Diagnostics, d => d.Code == "DL0578");
            Assert.Equal((16, 60), (dl0578.Span.Line, dl0578.Span.Column));
            Assert.Contains($"the renewal terms' termination_fee of lease 'L' gives {count} amounts for 2 renewal terms", dl0578.Message, StringComparison.Ordinal);
        }

        // Two amounts for three renewals: too few.
        var tooFew = DealCompiler.Compile("small.deal", Source.Replace("renewals  2 x 5y", "renewals  3 x 5y", StringComparison.Ordinal));
        Assert.Contains("gives 2 amounts for 3 renewal terms", Assert.Single(tooFew.Diagnostics, d => d.Code == "DL0578").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachAmountIsCheckedAndTheFloorAgainstEach()
    {
        // The second amount negative: DL0312 at it (column 66).
        var negative = DealCompiler.Compile("small.deal", Source.Replace(Fees, "with termination_fee 300m, -3m", StringComparison.Ordinal));
        Diagnostic dl0312 = Assert.Single(negative.Diagnostics, d => d.Code == "DL0312");
        Assert.Equal((16, 66), (dl0312.Span.Line, dl0312.Span.Column));

        // The floor above the second term's fee (it would grow over that term): DL0753 at the floor.
        var growing = DealCompiler.Compile("small.deal", Source.Replace(Fees, "with termination_fee 300m, 40m amortising to 50m", StringComparison.Ordinal));
        Diagnostic dl0753 = Assert.Single(growing.Diagnostics, d => d.Code == "DL0753");
        Assert.Contains("the renewal terms' termination fee of lease 'L' amortises from 40,000,000 to 50,000,000", dl0753.Message, StringComparison.Ordinal);
    }
}
