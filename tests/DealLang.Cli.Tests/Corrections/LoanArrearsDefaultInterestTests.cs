using DealLang.Compiler;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan's <c>default_interest</c> read by the arrears of a scenario's partial payments (docs/language.md §10, "Partial
/// payments", "Arrears rescheduled"): overdue amounts bear the coupon plus it, whether or not the loan's recovery claim
/// accrues. Before the fix the checker refused it on a loan whose recovery states no <c>accruing</c> (DL0433, "applies
/// to nothing"), though a scenario of the same file had the loan pay in part, so an analyst could not give the arrears
/// the default rate the manual describes without also making the recovery claim accrue. DL0433 stays for a loan no
/// scenario of the compilation has pay in part. SmallDeal runs with the cash check on; figures to a cent and below.
/// </summary>
public sealed class LoanArrearsDefaultInterestTests
{
    // LoanPartialPaymentTests' deal, the loan with 'default_interest +8%': quarterly, 30/360 (every year fraction 0.25),
    // 100m at 12% linear 10m a quarter to 2028-06-30 (t=9), recovering 40% at once (no 'accruing').
    private const string Deal = """
        deal Standstill {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 12% fixed  amortize linear  maturity 2028-06-30  recovery 40%  default_interest +8% }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }
        """;

    private const string Scenarios = """

        scenario Cured for Standstill { MinerLoan pays 50% from 2028-01-01 to 2028-03-31 }
        scenario Capitalised for Standstill { MinerLoan pays 50% from 2028-01-01 to 2028-03-31 then arrears capitalised }
        """;

    [Fact]
    public void TheArrearsBearTheDefaultRateOnALoanWhoseRecoveryDoesNotAccrue()
    {
        var deal = new SmallDeal(Deal + Scenarios);
        Assert.DoesNotContain(deal.Diagnostics, d => d.Code == "DL0433");

        // Window t=8 on a balance of 20m: due 20m × 3% = 0.6m and 10m, paid 5.3m (0.6m interest, 4.7m principal): 5.3m in
        // arrears, all principal. t=9 (the maturity), the cure: they bear the default rate, (12% + 8%) × 0.25 = 5%,
        // 5.3m × 5% = 0.265m, received with the 0.3m of interest falling due: 0.565m; principal 10m + 5.3m = 15.3m.
        Assert.Equal(0.6e6, deal.Ledger("interest MinerLoan", 8, "Cured"), 6);
        Assert.Equal(4.7e6, deal.Ledger("principal MinerLoan", 8, "Cured"), 6);
        Assert.Equal(0.565e6, deal.Ledger("interest MinerLoan", 9, "Cured"), 6);
        Assert.Equal(15.3e6, deal.Ledger("principal MinerLoan", 9, "Cured"), 6);

        // Capitalised at the start of t=9 they bear the coupon, not the default rate: 5.3m × 3% = 0.159m, 0.459m in all.
        Assert.Equal(0.459e6, deal.Ledger("interest MinerLoan", 9, "Capitalised"), 6);
        Assert.Equal(15.3e6, deal.Ledger("principal MinerLoan", 9, "Capitalised"), 6);
    }

    [Fact]
    public void WithoutAScenarioPayingInPartNothingReadsIt()
    {
        // The deal alone: its recovery claim accrues nothing and no scenario has the loan pay in part (DL0433, a warning since 2026-12-07: a scenarios file given with the deal another time may have it pay in part).
        var alone = DealCompiler.Check("small.deal", Deal);
        Assert.Contains(alone.Diagnostics, d => d.Code == "DL0433");

        // A scenario stressing something else leaves it unread too.
        var other = DealCompiler.Check("small.deal", Deal + "\nscenario Stress for Standstill { Miner defaults on 2027-02-15 }\n");
        Assert.Contains(other.Diagnostics, d => d.Code == "DL0433");
    }
}
