namespace DealLang.Cli.Tests.Corrections;

/// <summary><c>debt_service</c> is the period's scheduled interest and principal: a missed payment is not
/// counted again in later periods (its arrears show in <c>principal_shortfall</c>).</summary>
public sealed class DebtServiceTests
{
    private const string Linear = """
        deal Linear {
          currency USD  closing 2025-01-01  maturity 2029-01-01  pay annual  daycount 30/360
          party Tenant { }
          facility Shed { cost 10m  value schedule { 2025-01-01 10m } }
          lease ShedLease on Shed { lessee Tenant  rent 16m per year  starts 2025-01-01  term 4y }
          tranche Loan { balance 100m  coupon 0%  amortize linear }
          equity Sponsor { contributed 1m }
          test Dscr = cfads / debt_service
          test Dscr2y = cfads / debt_service over trailing 2y
          test Arrears = Loan.principal_shortfall
          waterfall { pay Loan.interest  pay Loan.principal  distribute rest to Sponsor }
        }
        """;

    [Fact]
    public void DscrUsesScheduledDebtServiceNotArrears()
    {
        var deal = new SmallDeal(Linear);

        // Linear over 4 periods at 0%: scheduled principal = (balance - arrears) / periods left = 25m every period
        //   t0: 100/4 = 25, paid 16, arrears 9;  t1: (84-9)/3 = 25, due 34, paid 16, arrears 18;
        //   t2: (68-18)/2 = 25, due 43, arrears 27;  t3 (maturity): 52 - 27 = 25 scheduled, due 52.
        // DSCR = 16 / 25 = 0.64 in every period (counting arrears it would fall to 16/34, 16/43, 16/52 = 0.31).
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(0.64, deal.Ledger("Dscr", t), 1e-12);
            Assert.Equal(0.64, deal.Ledger("Dscr2y", t), 1e-12);
        }

        // principal due (what the waterfall pays) still includes the arrears: 25, 34, 43, 52.
        Assert.Equal(34e6, deal.Ledger("Loan principal due", 1), 1e-6);
        Assert.Equal(52e6, deal.Ledger("Loan principal due", 3), 1e-6);

        // The arrears are reported separately: Arrears is read before the waterfall, so it shows the previous
        // period's shortfall: 0, 9m, 18m, 27m.
        Assert.Equal(18e6, deal.Ledger("Arrears", 2), 1e-6);
    }
}
