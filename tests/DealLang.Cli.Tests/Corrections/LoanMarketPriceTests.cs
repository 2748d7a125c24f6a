using DealLang.Compiler.Diagnostics;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A loan sold in enforcement at a market price (docs/language.md §9, "A loan's market price"): at a yield, the present
/// value of its scheduled payments after the sale period, discounted at the yield compounded per period; at a price
/// index, its balance × the index's level; a defaulted loan as at par (its recovery claim); the haircut on top; a
/// scenario's yield replaces the sale's; a stochastic path moving the index moves the proceeds.
/// </summary>
public sealed class LoanMarketPriceTests
{
    // Quarterly, 30/360: every year fraction is exactly 0.25, so the yield compounded per period discounts one period
    // by (1 + Y / 4)^(4 × 0.25) = 1 + Y / 4, 1.03 at 12%. Sixteen periods, 2026Q1 (t = 0) .. 2029Q4 (t = 15).
    // BulletLoan 100m at 8% bullet: 2m interest a quarter. LinearLoan 40m at 10% linear: 40m / 16 = 2.5m a quarter.
    // MinerLoan 10m at 9% bullet, recovery 40% after 12m: Miner defaults on 2027-11-15, in 2027Q4 (t = 7), so its
    // balance is written down to a 4m claim then; the event of default is at that period's end.
    // Three sales, each in its own period so each one's proceeds are a ledger row of their own: BulletLoan at the
    // default (t = 7, 2 years left), LinearLoan a quarter later (t = 8), MinerLoan's claim (t = 9).
    private static string Source(string price, string scenarios = "") => $$"""
        deal Vehicle {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360

          party Cloud   { rating "BB" pd 3%  recovery 45% }
          party Miner   { rating "B"  pd 8%  recovery 30% }
          party Sponsor { }

          index LoanMarks { level 85% }

          loan BulletLoan { obligor Cloud  balance 100m  coupon 8% fixed  amortize bullet  maturity 2029-12-31 }
          loan LinearLoan { obligor Cloud  balance 40m  coupon 10% fixed  amortize linear  maturity 2029-12-31 }
          loan MinerLoan  { obligor Miner  balance 10m  coupon 9% fixed  amortize bullet  maturity 2029-12-31  recovery 40% after 12m }

          tranche Notes { balance 120m  coupon 5% }
          equity Owners { contributed 30m  holders Sponsor 100% }

          default when MinerLoan.defaulted
          enforcement {
            sell BulletLoan {{price}} lag 0m
            sell LinearLoan {{price}} lag 3m
            sell MinerLoan {{price}} lag 6m
          }

          waterfall {
            pay Notes.interest
            pay Notes.balance
            distribute rest to Owners
          }
        }

        scenario MinerDefaults for Vehicle { Miner defaults on 2027-11-15 }
        {{scenarios}}
        """;

    private static readonly Lazy<SmallDeal> AtAYield = new(() => new SmallDeal(Source("price yield 12%", """
        scenario HigherYield for Vehicle {
          Miner defaults on 2027-11-15
          enforcement price yield 16%
        }

        scenario YieldAndHaircut for Vehicle {
          Miner defaults on 2027-11-15
          enforcement haircut 10%
        }
        """)));

    private static readonly Lazy<SmallDeal> AtPar = new(() => new SmallDeal(Source("")));

    private static readonly Lazy<SmallDeal> AtMarks = new(() => new SmallDeal(Source("price LoanMarks haircut 10%", """
        scenario MarksMove for Vehicle {
          paths 1
          seed  7
          Miner defaults on 2027-11-15
          LoanMarks gbm drift 0% per year volatility 30% per year
        }
        """)));

    [Fact]
    public void A_bullet_loan_sells_at_the_present_value_of_its_coupons_and_principal_at_the_yield()
    {
        Assert.Empty(AtAYield.Value.Diagnostics);

        // BulletLoan after t = 7: eight quarters left, 2m of interest each and the 100m at the last. At 12% a year,
        // 3% a quarter: 1.03^−8 = 0.789409, the annuity (1 − 1.03^−8) / 0.03 = 7.019692;
        // 2m × 7.019692 + 100m × 0.789409 = 14.039384m + 78.940923m = 92.980308m (below par: 8% paid, 12% wanted).
        Assert.Equal(92_980_307.81, AtAYield.Value.Ledger("sale proceeds", 7, "MinerDefaults"), 0.01);

        // At par, as before the price: the balance, 100m.
        Assert.Equal(100e6, AtPar.Value.Ledger("sale proceeds", 7, "MinerDefaults"), 1e-6);

        // The summary's 'sold' is the balance the buyer took (par), so the loan's balance is accounted for whole:
        // principal received + recovery + loss + sold + outstanding = 100m.
        LoanSummary bullet = AtAYield.Value.Outcomes["MinerDefaults"].Loans[0];
        Assert.Equal(100e6, bullet.Sold, 1e-6);
        Assert.Equal(100e6, bullet.PrincipalReceived + bullet.Recovery + bullet.Loss + bullet.Sold + bullet.Outstanding, 1e-6);
    }

    [Fact]
    public void An_amortising_loan_discounts_each_scheduled_instalment_with_the_interest_on_the_balance_scheduled()
    {
        // LinearLoan after t = 8: 40m − 9 × 2.5m = 17.5m left, seven quarters, 2.5m of principal a quarter and interest
        // on the balance still scheduled at 10% / 4 = 2.5%: cash flows 2.5m + 2.5% × (17.5m, 15m, …, 2.5m) =
        // 2.9375m, 2.875m, 2.8125m, 2.75m, 2.6875m, 2.625m, 2.5625m, discounted by 1.03^−1 … 1.03^−7
        // (0.970874, 0.942596, 0.915142, 0.888487, 0.862609, 0.837484, 0.813092):
        // 2.851942 + 2.709963 + 2.573837 + 2.443339 + 2.318261 + 2.198396 + 2.083548 = 17.179285m.
        Assert.Equal(17_179_284.56, AtAYield.Value.Ledger("sale proceeds", 8, "MinerDefaults"), 0.01);
        Assert.Equal(17.5e6, AtPar.Value.Ledger("sale proceeds", 8, "MinerDefaults"), 1e-6);
    }

    [Fact]
    public void A_defaulted_loan_is_sold_as_at_par_whatever_the_price()
    {
        // MinerLoan defaulted at t = 7: its balance is the 4m recovery claim (40% of 10m), sold at t = 9 for the claim
        // less the haircut (none), at a yield, at the index or at par alike.
        Assert.Equal(4e6, AtPar.Value.Ledger("sale proceeds", 9, "MinerDefaults"), 1e-6);
        Assert.Equal(4e6, AtAYield.Value.Ledger("sale proceeds", 9, "MinerDefaults"), 1e-6);

        // At the index with a 10% haircut, as at par with it: 4m × 0.9 = 3.6m.
        Assert.Equal(3.6e6, AtMarks.Value.Ledger("sale proceeds", 9, "MinerDefaults"), 1e-6);
    }

    [Fact]
    public void A_scenarios_yield_replaces_the_sales_and_a_haircut_comes_off_the_price()
    {
        // 16% a year, 4% a quarter: 1.04^−8 = 0.730690, the annuity 6.732745;
        // 2m × 6.732745 + 100m × 0.730690 = 13.465490m + 73.069021m = 86.534510m.
        Assert.Equal(86_534_510.25, AtAYield.Value.Ledger("sale proceeds", 7, "HigherYield"), 0.01);

        // The haircut on top of the price: 92.980308m × (1 − 10%) = 83.682277m.
        Assert.Equal(92_980_307.81 * 0.9, AtAYield.Value.Ledger("sale proceeds", 7, "YieldAndHaircut"), 0.01);
    }

    [Fact]
    public void A_price_index_sells_the_balance_at_its_level()
    {
        Assert.Empty(AtMarks.Value.Diagnostics);

        // 85% of par less the 10% haircut: BulletLoan 100m × 0.85 × 0.9 = 76.5m; LinearLoan 17.5m × 0.85 × 0.9 = 13.3875m.
        Assert.Equal(76.5e6, AtMarks.Value.Ledger("sale proceeds", 7, "MinerDefaults"), 1e-6);
        Assert.Equal(13.3875e6, AtMarks.Value.Ledger("sale proceeds", 8, "MinerDefaults"), 1e-6);
    }

    [Fact]
    public void A_path_moving_the_price_index_moves_the_proceeds()
    {
        // `run` runs the stochastic scenario as its path 0: LoanMarks follows a GBM from 85%, so its level at t = 7 is the
        // path's, not 85%, and BulletLoan fetches 100m × that level × 0.9 (no new draw: the index's own path prices it).
        double level = AtMarks.Value.Ledger("LoanMarks", 7, "MarksMove");
        Assert.NotEqual(0.85, level, 1e-4);
        Assert.Equal(100e6 * level * 0.9, AtMarks.Value.Ledger("sale proceeds", 7, "MarksMove"), 1e-6);
        Assert.Equal(17.5e6 * AtMarks.Value.Ledger("LoanMarks", 8, "MarksMove") * 0.9, AtMarks.Value.Ledger("sale proceeds", 8, "MarksMove"), 1e-6);
    }

    [Fact]
    public void The_proceeds_are_collected_and_cash_is_conserved()
    {
        // SmallDeal runs with the cash check on (every period conserves cash, the last leaves nothing). Beyond it: the
        // sale period's collections are BulletLoan's last interest (2m), LinearLoan's payment (2.5m on the 22.5m it
        // opened the period with, and 22.5m × 2.5% = 0.5625m of interest) and the proceeds; MinerLoan pays nothing in
        // its default period.
        double collections = AtAYield.Value.Ledger("collections", 7, "MinerDefaults");
        Assert.Equal(2e6 + 3.0625e6 + 92_980_307.81, collections, 0.01);
    }

    [Fact]
    public void Existing_sales_at_par_are_unchanged()
    {
        // Without a price, a loan sells at its balance less the haircut as before: LoanSaleTests' figures, and the
        // baselines of every deal, are the proof; here the description carries no price.
        Assert.All(AtPar.Value.Description.Sales, s => Assert.Null(s.Price));
        Assert.All(AtAYield.Value.Description.Sales, s => Assert.Equal(0.12, s.Price!.Yield));
        Assert.DoesNotContain(AtAYield.Value.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_loan_paying_monthly_in_a_quarterly_deal_is_priced_on_its_monthly_interest()
    {
        // A 36m loan at 12% amortising 1m a month to 2028-12-31 (a loan paying more often than the deal, its interest on
        // the balance left after each instalment inside a quarter: docs/language.md, loan). Sold at a yield of 0%, its
        // price is the plain sum of its scheduled payments after the sale period: exactly what the same loan pays in those
        // periods when nothing defaults. Sold at the default's period end (2027Q4, t = 7), 12m is left: 12m of principal
        // and the 2028 quarters' interest, about 12% / 12 × (12m + 11m + … + 1m) = 0.78m; on each quarter's opening
        // balance instead (12m, 9m, 6m, 3m × 12% × 0.25) it would be 0.9m, 0.12m too much.
        const string deal = """
            deal Monthly {
              currency USD
              closing  2025-12-31
              maturity 2029-12-31
              pay      quarterly
              daycount 30/360

              party Cloud   { rating "BB" pd 3%  recovery 45% }
              party Sponsor { }

              loan MonthlyLoan { obligor Cloud  balance 36m  coupon 12% fixed  amortize linear monthly  maturity 2028-12-31 }

              tranche Notes { balance 30m  coupon 5% }
              equity Owners { contributed 10m  holders Sponsor 100% }

              default when Trigger > 0
              test Trigger = if period_start >= 2027-09-30 then 1 else 0
              enforcement { sell MonthlyLoan price yield 0% lag 0m }

              waterfall {
                pay Notes.interest
                pay Notes.balance
                distribute rest to Owners
              }
            }
            """;
        var sold = new SmallDeal(deal);
        var kept = new SmallDeal(deal.Replace("default when Trigger > 0", "default when Trigger > 1", StringComparison.Ordinal));
        double remaining = 0;
        for (int t = 8; t < 12; t++)
        {
            remaining += kept.Ledger("interest MonthlyLoan", t) + kept.Ledger("principal MonthlyLoan", t);
        }

        Assert.Equal(12.78e6, remaining, 0.01e6);
        Assert.Equal(remaining, sold.Ledger("sale proceeds", 7), 1e-6);
    }
}
