namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An account keeps cash for the lenders only while a lender is owed or may still lend (docs/language.md §11,
/// "Nothing owed"). A trap whose trigger stays on after the notes were repaid used to hold every period's cash until
/// the maturity: in examples/terawulf.deal's FluidstackDefault, Lake Mariner's lockbox held 869.6m for six years after
/// its notes were repaid in 2030, past the parent's maturity in 2032, so the parent's 2032 converts showed a 864.3m
/// loss with the cash sitting in its own subsidiary. From the first period that starts with every tranche repaid the
/// accounts are released into the waterfall and fill and hold keep nothing, as at the maturity. SmallDeal runs with
/// the cash check on.
/// </summary>
public sealed class DebtRetiredReleaseTests
{
    // Annual, 30/360, 2026-01-01..2030-01-01; 10m of rent a year. Loan: 5m at 10%, a bullet due 2027-01-01 (the first
    // period's end); Later, a second loan, as each test gives it. Locked is on in every period and holds what the loans
    // leave in the Lockbox. The tolerance, 1e-6 of money, is far below a cent.
    private static string Source(string later) => $$"""
        deal Retired {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent 10m per year  starts 2026-01-01  term 4y }
          tranche Loan { balance 5m  coupon 10% fixed  maturity 2027-01-01 }
          {{later}}
          equity Investors { contributed 95m  holders Owner 100% }

          account Lockbox

          trigger Locked when period_end >= 2027-01-01 => trap

          waterfall {
            pay Loan.interest
            pay Loan.principal
            pay Later.interest
            pay Later.principal
            if Locked { hold rest in Lockbox } else { release Lockbox }
            distribute rest to Investors
          }
        }
        """;

    [Fact]
    public void Once_every_tranche_is_repaid_the_trap_keeps_nothing()
    {
        // Later: 1m at 10%, also a bullet due 2027-01-01. 2026: 10m - (0.5m + 5m) - (0.1m + 1m) = 3.4m held (Locked
        // on). 2027 starts with nothing owed: the Lockbox's 3.4m is released into the waterfall, the hold keeps
        // nothing, and the investors get 3.4m + 10m = 13.4m; 2028 and 2029 10m each, 33.4m in all. Before, the Lockbox
        // held 3.4m, 13.4m, 23.4m, and the maturity paid 33.4m out in 2029: the same cash, two and three years late.
        var deal = new SmallDeal(Source("tranche Later { balance 1m  coupon 10% fixed  maturity 2027-01-01 }"));
        Assert.Equal(3.4e6, deal.Ledger("Lockbox balance", 0), 1e-6);
        Assert.Equal(0.0, deal.Ledger("8 distribute rest to Investors distributed", 0), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Lockbox balance", 1), 1e-6);
        Assert.Equal(0.0, deal.Ledger("6 hold rest in Lockbox held", 1), 1e-6);
        Assert.Equal(13.4e6, deal.Ledger("8 distribute rest to Investors distributed", 1), 1e-6);
        Assert.Equal(10e6, deal.Ledger("8 distribute rest to Investors distributed", 2), 1e-6);
        Assert.Equal(10e6, deal.Ledger("8 distribute rest to Investors distributed", 3), 1e-6);
        Assert.Equal(33.4e6, deal.Single.Equities.Single().Distributions, 1e-6);
    }

    [Fact]
    public void While_a_tranche_is_still_owed_the_trap_holds_to_the_maturity()
    {
        // Later: 1m at 10%, a bullet at the deal's maturity: 0.1m of interest a year. 2026: 10m - 5.5m - 0.1m = 4.4m
        // held; 2027 and 2028 hold 9.9m more (14.3m, 24.2m); 2029, the maturity, releases the 24.2m: 24.2m + 10m -
        // 0.1m - 1m = 33.1m to the investors.
        var deal = new SmallDeal(Source("tranche Later { balance 1m  coupon 10% fixed }"));
        Assert.Equal(4.4e6, deal.Ledger("Lockbox balance", 0), 1e-6);
        Assert.Equal(14.3e6, deal.Ledger("Lockbox balance", 1), 1e-6);
        Assert.Equal(24.2e6, deal.Ledger("Lockbox balance", 2), 1e-6);
        Assert.Equal(0.0, deal.Ledger("8 distribute rest to Investors distributed", 2), 1e-6);
        Assert.Equal(33.1e6, deal.Ledger("8 distribute rest to Investors distributed", 3), 1e-6);
        Assert.Equal(0.0, deal.Ledger("Lockbox balance", 3), 1e-6);
    }
}
