using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A loan's scheduled principal (LoanRules, docs/language.md "loan"): a schedule of amounts takes at most the
/// balance (DL0446); level or linear instalments at the loan's own frequency take a frequency word (DL0447), finer
/// than the deal's or not, and level still needs a fixed coupon (DL0481). Line numbers: the harness's deal (annual) puts the party on line 9, the loan on line 10.</summary>
public sealed class LoanAmortizationRulesTests
{
    private const string Complete = "obligor Miner  balance 400m  coupon 11% fixed  maturity 2029-01-01";

    private static string Loan(string items) => "  party Miner { recovery 30% }\n  loan L { " + Complete + "  " + items + " }";

    // The column of the amortisation's kind ('schedule'), where DL0435 and DL0446 point.
    private static readonly int AmortizationColumn = ("  loan L { " + Complete + "  amortize ").Length + 1;

    [Fact]
    public void AScheduleOfAmountsAboveTheBalanceIsRefusedAtTheSchedule()
    {
        // 100m + 150m + 160m = 410m > 400m.
        Diagnostic d = Single(Errors(Deal(Loan("amortize schedule { 2026-01-01 100m  2027-01-01 150m  2028-01-01 160m }"))), "DL0446");

        At(d, 10, AmortizationColumn);
        Assert.Contains("add up to 410,000,000, more than its balance of 400,000,000", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amortize schedule { 2026-01-01 100m  2027-01-01 150m  2028-01-01 150m }")] // the whole balance
    [InlineData("amortize schedule { 2026-01-01 100m }")] // the 300m left is due at the maturity
    public void AScheduleOfAmountsUpToTheBalanceIsValid(string amortize) =>
        ModelOf(Deal(Loan(amortize)));

    [Fact]
    public void AnInstalmentFrequencyAsCoarseAsTheDealsIsValidAndLowersToItsInstalments()
    {
        // The harness's deal is annual (2025-01-01 to 2030-01-01): back from 2029-01-01 a year at a time while after the
        // closing: four instalments of 100m each, one in each of the periods 2025..2028 (t=0..3).
        var model = ModelOf(Deal(Loan("amortize linear annual")));

        var every = Assert.IsType<DealLang.Compiler.Model.InstalmentAmortization>(model.Loans[0].Amortization);
        Assert.Equal("linear annual", every.Name);
        Assert.Equal(["2026-01-01", "2027-01-01", "2028-01-01", "2029-01-01"], every.Dates.Select(d => d.ToString()));
        Assert.Equal([100e6, 100e6, 100e6, 100e6, 0], every.Amounts.ToArray());
    }

    [Fact]
    public void AFrequencyFinerThanTheDealsIsValidAndItsInstalmentsCutThePeriodsInterest()
    {
        // Formerly DL0448. On the annual harness deal (30/360), 400m linear semiannual to 2029-01-01: eight instalments of
        // 50m back from the maturity (2025-07-01 … 2029-01-01), two in each of t=0..3. Each year accrues half a year on
        // its opening balance B and half a year on B − 50m: the fraction of B × coupon is 0.5 + 0.5 × (B − 50m) / B:
        //   t=0 B=400m: 0.5 + 0.5 × 350/400 = 0.9375;     t=1 B=300m: 0.5 + 0.5 × 250/300 = 0.91666…
        //   t=2 B=200m: 0.5 + 0.5 × 150/200 = 0.875;      t=3 B=100m: 0.5 + 0.5 × 50/100  = 0.75
        //   t=4 nothing outstanding: the year's own fraction, 1.
        var model = ModelOf(Deal(Loan("amortize linear semiannual")));

        var every = Assert.IsType<DealLang.Compiler.Model.InstalmentAmortization>(model.Loans[0].Amortization);
        Assert.Equal(8, every.Dates.Length);
        Assert.Equal([100e6, 100e6, 100e6, 100e6, 0], every.Amounts.ToArray());
        double[] expected = [0.9375, 0.5 + 0.5 * 250 / 300, 0.875, 0.75, 1];
        Assert.Equal(expected.Length, every.AccrualFractions.Length);
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], every.AccrualFractions[t], 1e-12);
        }
    }

    [Fact]
    public void AFrequencyFinerThanTheDealsListsWhatADefaultPeriodReceivesThroughEachInstalment()
    {
        // The same 400m linear semiannual loan on the annual harness deal (closing 2025-01-01, 30/360): instalments on
        // 2025-07-01 (181 days from the closing), 2026-01-01 (365), 2026-07-01 (546), … 2028-07-01 (1,277: 2028 is a leap
        // year), 2029-01-01 (1,461): two in each of t=0..3, none in t=4.
        // Through each one, from its period's start: the interest as a share of the opening balance B and the principal.
        // The first of a period is half a year on B, 0.5, and 50m; the second adds half a year on B − 50m (the period's
        // accrual fraction: t=0 0.9375, t=1 0.91666…) and 100m.
        var model = ModelOf(Deal(Loan("amortize linear semiannual")));

        var every = Assert.IsType<DealLang.Compiler.Model.InstalmentAmortization>(model.Loans[0].Amortization);
        var before = Assert.IsType<DealLang.Compiler.Model.DefaultPeriodInstalments>(every.BeforeDefault);
        Assert.Equal([181, 365, 546, 730, 911, 1095, 1277, 1461], before.Days.ToArray());
        Assert.Equal([0, 2, 4, 6, 8, 8], before.First.ToArray());
        Assert.Equal(7, before.Maturity); // the maturity's own instalment, which takes the whole balance left
        Assert.Equal([50e6, 100e6, 50e6, 100e6, 50e6, 100e6, 50e6, 100e6], before.Principal.ToArray());
        double[] fractions = [0.5, 0.9375, 0.5, 0.5 + 0.5 * 250 / 300, 0.5, 0.875, 0.5, 0.75];
        for (int k = 0; k < fractions.Length; k++)
        {
            Assert.Equal(fractions[k], before.Fractions[k], 1e-12);
        }
    }

    [Fact]
    public void AFrequencyAsCoarseAsTheDealsAccruesOnTheOpeningBalance()
    {
        // At the deal's frequency the period's interest is B × coupon × yf, as before: no fractions are lowered, and a
        // default period receives nothing (no instalment list).
        var model = ModelOf(Deal(Loan("amortize linear annual")));

        var every = Assert.IsType<DealLang.Compiler.Model.InstalmentAmortization>(model.Loans[0].Amortization);
        Assert.Empty(every.AccrualFractions);
        Assert.Null(every.BeforeDefault);
    }

    [Theory]
    [InlineData("amortize level anual", "is not a frequency", "did you mean 'annual'?")]
    [InlineData("amortize bullet annual", "takes no frequency", "a bullet is paid at the maturity")]
    [InlineData("amortize schedule { 2026-01-01 100m } annual", "takes no frequency", "a schedule's dates are its own")]
    public void AWordThatIsNoFrequencyOrFollowsNeitherLevelNorLinearIsRefused(string amortize, string what, string why)
    {
        Diagnostic d = Single(Errors(Deal(Loan(amortize))), "DL0447");

        Assert.Contains(what, d.Message, StringComparison.Ordinal);
        Assert.Contains(why, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LevelAtItsOwnFrequencyStillNeedsAFixedCoupon()
    {
        string floating = "  party Miner { recovery 30% }\n  index SOFR { level 4% }\n  loan L { obligor Miner  balance 400m  coupon SOFR + 3%  maturity 2029-01-01  amortize level annual }";

        Single(Errors(Deal(floating)), "DL0481");
    }

    [Theory]
    [InlineData("recovery 40% after 1y in instalments { 50% 30% }", "80%")]
    [InlineData("recovery 40% after 1y in instalments { 50% 30% 30% }", "110%")]
    [InlineData("recovery 40% after 1y in instalments { }", "0%")]
    public void RecoveryInstalmentSharesMustAddUpToTheWholeClaim(string recovery, string total)
    {
        Diagnostic d = Single(Errors(Deal(Loan(recovery))), "DL0449");

        At(d, 10, ("  loan L { " + Complete + "  " + recovery).IndexOf(" in ", StringComparison.Ordinal) + 2);
        Assert.Contains($"adding up to {total}: they must add up to 100%", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecoveryInstalmentSharesAddingUpToTheClaimLowerToTheModel()
    {
        var loan = ModelOf(Deal(Loan("recovery 40% after 1y in instalments { 50%, 30%, 20% }"))).Loans[0];

        Assert.Equal(3, loan.RecoveryInstalments);
        Assert.Equal([0.5, 0.3, 0.2], loan.RecoveryShares.ToArray());
    }
}
