using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan amortising level or linear at its own frequency inside a quarterly deal (docs/language.md, loan):
/// 'amortize level semiannual', 'amortize linear annual'. The instalment dates step back from the loan's maturity by
/// the frequency, each instalment is received in the deal period its date falls in, and interest still accrues each
/// quarter on the balance at the quarter's start. Every run here checks that cash is conserved (SmallDeal).
/// </summary>
public sealed class LoanInstalmentTests
{
    // Quarterly, 30/360 (every year fraction 0.25), twelve periods 2026Q1..2028Q4; MinerLoan 100m at 8% (2% a quarter,
    // 4% a half-year). The note: 60m at 4%, swept with what is left.
    private static string Source(string loan, string scenarios = "") => $$"""
        deal Instalments {
          currency USD
          closing  2025-12-31
          maturity 2028-12-31
          pay      quarterly
          daycount 30/360

          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          loan MinerLoan { obligor Miner  balance 100m  coupon 8% fixed  recovery 40%  {{loan}} }

          tranche Notes { balance 60m  coupon 4% }
          equity Owners { contributed 40m  holders Sponsor 100% }
          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario Base for Instalments { }
        {{scenarios}}
        """;

    private const string Semiannual = "amortize level semiannual  maturity 2027-12-31";

    // Instalments back from 2027-12-31 every 6 months: 2026-06-30, 2026-12-31, 2027-06-30, 2027-12-31 (2025-12-31 is
    // the closing), at r = 8% × 0.5 = 4% each. P = 100m × 0.04 / (1 − 1.04^−4) = 27,549,004.536; principal = P − B × 4%:
    //   100m           → 27,549,004.536 − 4,000,000     = 23,549,004.536 (end of t=1, 2026-06-30)
    //   76,450,995.464 → 27,549,004.536 − 3,058,039.819 = 24,490,964.718 (t=3)
    //   51,960,030.746 → 27,549,004.536 − 2,078,401.230 = 25,470,603.307 (t=5)
    //   26,489,427.439 → the balance left                                 (t=7, the maturity)
    // Interest 2% a quarter on the balance at the quarter's start: 2m, 2m, 1,529,019.909 twice, 1,039,200.615 twice,
    // 529,788.549 twice: 10,196,018.146 in all.
    private static readonly double[] LevelPrincipal =
        [0, 23_549_004.536480, 0, 24_490_964.717939, 0, 25_470_603.306657, 0, 26_489_427.438923, 0, 0, 0, 0];

    private static readonly double[] LevelInterest =
        [2e6, 2e6, 1_529_019.909270, 1_529_019.909270, 1_039_200.614912, 1_039_200.614912, 529_788.548778, 529_788.548778, 0, 0, 0, 0];

    [Fact]
    public void ASemiannualLevelLoanOnAQuarterlyDealPaysPrincipalEverySecondQuarterAndInterestEachQuarter()
    {
        var deal = new SmallDeal(Source(Semiannual));
        Assert.Empty(deal.Diagnostics);
        for (int t = 0; t < LevelPrincipal.Length; t++)
        {
            Assert.Equal(LevelPrincipal[t], deal.Ledger("principal MinerLoan", t, "Base"), 1e-3);
            Assert.Equal(LevelInterest[t], deal.Ledger("interest MinerLoan", t, "Base"), 1e-3);
        }

        Assert.Equal(0.0, deal.Ledger("MinerLoan balance", 7, "Base"));
        LoanSummary loan = deal.Outcomes["Base"].Loans[0];
        Assert.Equal(100e6, loan.PrincipalReceived, 1e-6);
        Assert.Equal(10_196_018.146, loan.InterestReceived, 1e-3);
        Assert.Equal("level semiannual", deal.Description.Loans[0].Amortization);
    }

    [Fact]
    public void ALinearAnnualLoanFromAnInterestOnlyEndInsideAPeriodPaysOnTheAnniversariesOfItsMaturity()
    {
        // Back from 2028-08-15 a year at a time while after the interest-only end 2026-02-15 (inside t=0): 2026-08-15,
        // 2027-08-15, 2028-08-15, inside t=2, t=6 and t=10 (each paid at its quarter's end, 09-30). Linear: 100m / 3,
        // then 66.667m / 2, then the 33.333m left. Interest 2% a quarter: 2m in t=0..2, 1.333m in t=3..6, 0.667m in
        // t=7..10: 6m + 5.333m + 2.667m = 14m.
        var deal = new SmallDeal(Source("interest_only until 2026-02-15  amortize linear annual  maturity 2028-08-15"));
        Assert.Empty(deal.Diagnostics);
        double third = 100e6 / 3;
        for (int t = 0; t < 12; t++)
        {
            double principal = t is 2 or 6 or 10 ? third : 0;
            double interest = 0.02 * (t <= 2 ? 100e6 : t <= 6 ? 2 * third : t <= 10 ? third : 0);
            Assert.Equal(principal, deal.Ledger("principal MinerLoan", t, "Base"), 1e-6);
            Assert.Equal(interest, deal.Ledger("interest MinerLoan", t, "Base"), 1e-6);
        }

        Assert.Equal(14e6, deal.Outcomes["Base"].Loans[0].InterestReceived, 1e-6);
    }

    [Fact]
    public void ADefaultBetweenInstalmentsRecoversOnTheBalanceThenOutstanding()
    {
        // The semiannual level loan, its obligor defaulting on 2026-08-15 (t=2, between the first instalment at the end
        // of t=1 and the second at the end of t=3): t=0 and t=1 as in Base; in t=2 nothing is paid, and 40% of the
        // 76,450,995.464 outstanding is recovered, 30,580,398.185; the other 45,870,597.278 is lost.
        var deal = new SmallDeal(Source(Semiannual, "scenario Default for Instalments { Miner defaults on 2026-08-15 }"));
        Assert.Equal(23_549_004.536480, deal.Ledger("principal MinerLoan", 1, "Default"), 1e-3);
        Assert.Equal(0.0, deal.Ledger("interest MinerLoan", 2, "Default"));
        Assert.Equal(30_580_398.185408, deal.Ledger("recovery MinerLoan", 2, "Default"), 1e-3);
        LoanSummary loan = deal.Outcomes["Default"].Loans[0];
        Assert.Equal(23_549_004.536480, loan.PrincipalReceived, 1e-3);
        Assert.Equal(45_870_597.278112, loan.Loss, 1e-3);
        Assert.Equal(100e6, loan.PrincipalReceived + loan.Recovery + loan.Loss, 1e-6);
    }

    [Fact]
    public void AnAnnualLevelLoanWithAStubWeighsItsFirstInstalmentByTheStubsShare()
    {
        // 'level annual' to 2027-09-30: back from it a year, 2026-09-30 (> the closing 2025-12-31), so the first
        // instalment period is a 9-month stub (0.75 of a year) and the second a full year. Rates r_0 = 8% × 0.75 = 6%,
        // r_1 = 8%; weights w_0 = 0.75 (the stub over the year ending 2026-09-30), w_1 = 1. P = B·Π(1 + r) /
        // Σ w_j·Π_{k>j}(1 + r_k) = 100m × 1.06 × 1.08 / (0.75 × 1.08 + 1) = 114.48m / 1.81 = 63,248,618.785; the first
        // principal w_0·P − B·r_0 = 47,436,464.088 − 6m = 41,436,464.088 in t=2 (2026Q3), the 58,563,535.912 left in t=6.
        var deal = new SmallDeal(Source("amortize level annual  maturity 2027-09-30"));
        Assert.Equal(41_436_464.088398, deal.Ledger("principal MinerLoan", 2, "Base"), 1e-3);
        Assert.Equal(58_563_535.911602, deal.Ledger("principal MinerLoan", 6, "Base"), 1e-3);
    }
}
