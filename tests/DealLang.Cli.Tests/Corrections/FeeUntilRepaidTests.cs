namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A fee written <c>until repaid</c> accrues nothing in a regular period that starts with every tranche repaid
/// (docs/language.md "fee" and §11, "Nothing owed"): a trustee's or an agent's fee ends with the debt. What it carried
/// unpaid into that period stays due, paid by the steps as before or reported unpaid. A fee without the term (an
/// operating cost, a manager's) accrues as before, to the maturity. examples/river-bend.deal's Refuted ended with
/// 3.96m of trustee fee unpaid: the fee accrued for the 3.5 years after its notes were repaid, and its last six
/// half-years' accruals, from 2039-06-30 after the guarantor's last payment, had nothing to pay them.
/// SmallDeal runs with the cash check on (every period conserves cash).
/// </summary>
public sealed class FeeUntilRepaidTests
{
    // Annual, 30/360, 2026-01-01..2030-01-01 (four periods, year fraction 1); no account, so the fee's rule stands on
    // its own (the accounts' release needs none). Loan: a bullet at 10% due 2027-01-01, the first period's end.
    // Trustee: 1m a year, with or without 'until repaid' as each test writes it; Manager: 0.5m a year, never stops.
    // The tolerance, 1e-6 of money, is far below a cent.
    private static string Source(string until, string loan = "5m", string term = "4y", string order = "fees first") => $$"""
        deal Discharged {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2026-01-01  term {{term}} }
          tranche Loan { balance {{loan}}  coupon 10% fixed  maturity 2027-01-01 }
          equity Investors { contributed 95m  holders Owner 100% }

          fee Trustee { 1m per year {{until}} }
          fee Manager { 0.5m per year }

          waterfall {
            {{(order == "fees first" ? "pay Trustee\n    pay Manager\n    pay Loan.interest\n    pay Loan.principal" : "pay Loan.interest\n    pay Loan.principal\n    pay Trustee\n    pay Manager")}}
            distribute rest to Investors
          }
        }
        """;

    [Fact]
    public void A_fee_until_repaid_stops_once_every_tranche_is_repaid()
    {
        // 2026: 10m of rent - Trustee 1m - Manager 0.5m - Loan 0.5m + 5m = 3m to the investors. 2027 starts with the
        // loan repaid: the Trustee accrues nothing (due 0), the Manager 0.5m, and the investors get 10m - 0.5m = 9.5m;
        // so too 2028 and 2029. 3m + 3 x 9.5m = 31.5m in all.
        var deal = new SmallDeal(Source("until repaid"));
        Assert.Empty(deal.Diagnostics);
        Assert.Equal(1e6, deal.Ledger("1 pay Trustee due", 0), 1e-6);
        Assert.Equal(3e6, deal.Ledger("5 distribute rest to Investors distributed", 0), 1e-6);
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(0.0, deal.Ledger("1 pay Trustee due", t), 1e-6);
            Assert.Equal(0.0, deal.Ledger("1 pay Trustee paid", t), 1e-6);
            Assert.Equal(0.5e6, deal.Ledger("2 pay Manager paid", t), 1e-6);
            Assert.Equal(9.5e6, deal.Ledger("5 distribute rest to Investors distributed", t), 1e-6);
        }

        Assert.Equal(31.5e6, deal.Single.Equities.Single().Distributions, 1e-6);
    }

    [Fact]
    public void A_fee_without_it_accrues_to_the_maturity()
    {
        // The same deal without 'until repaid': the Trustee's 1m is due and paid every year, so 2027-2029 pay the
        // investors 10m - 1m - 0.5m = 8.5m each: 3m + 3 x 8.5m = 28.5m, 3m less than above (the three years' fee).
        var deal = new SmallDeal(Source(""));
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(1e6, deal.Ledger("1 pay Trustee due", t), 1e-6);
            Assert.Equal(1e6, deal.Ledger("1 pay Trustee paid", t), 1e-6);
        }

        Assert.Equal(8.5e6, deal.Ledger("5 distribute rest to Investors distributed", 1), 1e-6);
        Assert.Equal(28.5e6, deal.Single.Equities.Single().Distributions, 1e-6);
    }

    [Fact]
    public void What_it_carried_unpaid_into_the_period_stays_due_and_is_paid()
    {
        // Loan 9m, the fees after it. 2026: 10m - 0.9m interest - 9m principal = 0.1m, which pays 0.1m of the
        // Trustee's 1m: 0.9m carried unpaid; the Manager's 0.5m wholly unpaid. 2027 starts with nothing owed: the
        // Trustee accrues nothing but its 0.9m carried is due and paid; the Manager's 0.5m + 0.5m carried = 1m is
        // paid; the investors get 10m - 0.9m - 1m = 8.1m. 2028: the Trustee owes nothing, 9.5m to the investors.
        var deal = new SmallDeal(Source("until repaid", loan: "9m", order: "loan first"));
        Assert.Equal(1e6, deal.Ledger("3 pay Trustee due", 0), 1e-6);
        Assert.Equal(0.1e6, deal.Ledger("3 pay Trustee paid", 0), 1e-6);
        Assert.Equal(0.9e6, deal.Ledger("3 pay Trustee due", 1), 1e-6);
        Assert.Equal(0.9e6, deal.Ledger("3 pay Trustee paid", 1), 1e-6);
        Assert.Equal(1e6, deal.Ledger("4 pay Manager paid", 1), 1e-6);
        Assert.Equal(8.1e6, deal.Ledger("5 distribute rest to Investors distributed", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("3 pay Trustee due", 2), 1e-6);
        Assert.Equal(9.5e6, deal.Ledger("5 distribute rest to Investors distributed", 2), 1e-6);
    }

    [Fact]
    public void With_nothing_coming_in_the_carried_fee_is_reported_unpaid_and_grows_no_more()
    {
        // As above with a one-year lease: no rent after 2026. The Trustee's 0.9m carried into 2027 stays due and
        // unpaid to the end (short 0.9m in 2027-2029, not growing), where the Manager's grows by 0.5m a year: short
        // 1m, 1.5m, 2m. (Without 'until repaid' the Trustee would end 0.9m + 3 x 1m = 3.9m short.)
        var deal = new SmallDeal(Source("until repaid", loan: "9m", term: "1y", order: "loan first"));
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(0.9e6, deal.Ledger("3 pay Trustee short", t), 1e-6);
            Assert.Equal(0.5e6 * (t + 1), deal.Ledger("4 pay Manager short", t), 1e-6);
        }

        var without = new SmallDeal(Source("", loan: "9m", term: "1y", order: "loan first"));
        Assert.Equal(3.9e6, without.Ledger("3 pay Trustee short", 3), 1e-6);
    }

    [Fact]
    public void The_per_period_form_stops_too()
    {
        // 'fee Servicing { 2% of collections until repaid }': 2% of 10m = 0.2m in 2026, nothing from 2027 on (the
        // loan repaid), where the annual Manager goes on. 2026: 10m - 0.2m - 0.5m - 5.5m = 3.8m; then 9.5m a year.
        var source = Source("until repaid").Replace("fee Trustee { 1m per year until repaid }", "fee Trustee { 2% of collections until repaid }", StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        Assert.Equal(0.2e6, deal.Ledger("1 pay Trustee paid", 0), 1e-6);
        Assert.Equal(3.8e6, deal.Ledger("5 distribute rest to Investors distributed", 0), 1e-6);
        Assert.Equal(0.0, deal.Ledger("1 pay Trustee due", 1), 1e-6);
        Assert.Equal(9.5e6, deal.Ledger("5 distribute rest to Investors distributed", 1), 1e-6);
    }
    [Fact]
    public void The_enforcement_waterfall_is_unaffected()
    {
        // The rent starts a year late: 2026 collects nothing, so the Loan's 0.5m of interest goes unpaid and an event
        // of default occurs at the period's end; the Site is sold two years later, at the end of 2028. 2027
        // (enforcement): 10m of rent pays the Trustee 1m + 1m carried, the Manager 0.5m + 0.5m, the Loan's interest
        // 0.5m + 0.5m and its 5m: 9m, 1m to the investors. 2028 starts with the loan repaid, but under enforcement,
        // where the fee's term does not apply: the Trustee's 1m is due and paid, as without it.
        var deal = new SmallDeal(Source("until repaid").Replace("starts 2026-01-01  term 4y", "starts 2027-01-01  term 3y", StringComparison.Ordinal)
            .Replace("  waterfall {", """
                  default when Loan.interest_shortfall > 0
                  enforcement {
                    sell Site haircut 50% lag 24m
                    waterfall {
                      pay Trustee
                      pay Manager
                      pay Loan.interest
                      pay Loan.balance
                      distribute rest to Investors
                    }
                  }

                  waterfall {
                """, StringComparison.Ordinal));
        Assert.Equal(new DealLang.Runtime.Date(2027, 1, 1), deal.Single.Events.EventOfDefault);
        Assert.Equal(2e6, deal.Ledger("6 pay Trustee paid", 1), 1e-6);
        Assert.Equal(5e6, deal.Ledger("9 pay Loan.balance paid", 1), 1e-6);
        Assert.Equal(1e6, deal.Ledger("6 pay Trustee due", 2), 1e-6);
        Assert.Equal(1e6, deal.Ledger("6 pay Trustee paid", 2), 1e-6);
    }
}
