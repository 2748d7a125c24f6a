namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A default near the maturity still realises the collateral (the run goes on into workout periods until the
/// sale), a sale with lag 0 happens at the end of the default period, and the last period leaves no cash behind.
/// </summary>
public sealed class EnforcementWorkoutTests
{
    // 100m bullet loan at 5%, annual 30/360 from 2025-01-01 to 2030-01-01 (5 periods); rent of 5m a year covers
    // the interest exactly and ends with the loan; a 2m reserve; the warehouse is worth 80m throughout.
    private static string Deal(string lag) => $$"""
        deal Bullet {
          currency USD  closing 2025-01-01  maturity 2030-01-01  pay annual  daycount 30/360
          party Tenant { }
          facility Warehouse { cost 80m  value schedule { 2025-01-01 80m } }
          lease WarehouseLease on Warehouse { lessee Tenant  rent 5m per year  starts 2025-01-01  term 5y }
          tranche Loan { balance 100m  coupon 5%  amortize bullet }
          equity Sponsor { contributed 10m }
          account Reserve { initial 2m }
          default when Loan.principal_shortfall > 0
          waterfall {
            pay Loan.interest
            pay Loan.principal using Reserve
            distribute rest to Sponsor
          }
          enforcement {
            sell Warehouse haircut 10% lag {{lag}}
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor }
          }
        }
        """;

    [Fact]
    public void DefaultAtMaturityWithLagZeroSellsInTheSamePeriod()
    {
        var deal = new SmallDeal(Deal("0m"));
        var outcome = deal.Single;

        // Maturity period (t = 4): rent 5m pays the interest (100m x 5% x 1 = 5m); the reserve (2m) is released at
        // the maturity and pays 2m of the 100m principal; 98m short: an event of default at 2030-01-01. Lag 0: the
        // warehouse sells at the end of that same period for 80m x (1 - 10%) = 72m, which pays 72m of the 98m.
        // Loss = 100m - 2m - 72m = 26m (before this fix: the sale never happened and the loss was 98m).
        Assert.Equal(5, outcome.PeriodsRun);
        Assert.Equal(new DealLang.Runtime.Date(2030, 1, 1), outcome.Events.EventOfDefault);
        Assert.Equal(new DealLang.Runtime.Date(2030, 1, 1), outcome.Events.Sale);
        Assert.Equal(72e6, outcome.Events.SaleProceeds, 1e-3);
        Assert.Equal(26e6, outcome.Tranches[0].PrincipalLoss, 1e-3);
        Assert.Equal(0.0, deal.Ledger("Reserve balance", 4), 1e-9);
    }

    [Fact]
    public void DefaultAtMaturityWithALagRunsIntoTheWorkout()
    {
        var deal = new SmallDeal(Deal("6m"));
        var outcome = deal.Single;

        // Default at 2030-01-01 as above (98m outstanding). The sale date is 2030-07-01: it falls in the one
        // workout period (2030-01-01 to 2031-01-01), at whose end the warehouse sells for 72m. Interest keeps
        // accruing on the overdue 98m: 98m x 5% x 1 = 4.9m, paid first; 72m - 4.9m = 67.1m repays principal.
        // Loss = 98m - 67.1m = 30.9m; the ledger shows 6 periods.
        Assert.Equal(6, outcome.PeriodsRun);
        Assert.Equal(6, outcome.Ledger!.Periods);
        Assert.Equal(new DealLang.Runtime.Date(2031, 1, 1), outcome.Events.Sale);
        Assert.Equal(4.9e6, deal.Ledger("Loan interest due", 5), 1e-3);
        Assert.Equal(30.9e6, outcome.Tranches[0].PrincipalLoss, 1e-3);
    }

    [Fact]
    public void LagZeroMidLifeSellsAtTheEndOfTheDefaultPeriod()
    {
        // Rent stops after two years: the 2027 interest (5m) is unpaid beyond the 2m reserve, which the principal
        // step does not use, so interest is short: default at the end of period 2 (2028-01-01), sold at once.
        var deal = new SmallDeal(Deal("0m")
            .Replace("term 5y", "term 2y", StringComparison.Ordinal)
            .Replace("Loan.principal_shortfall > 0", "Loan.interest_shortfall > 0", StringComparison.Ordinal));
        var outcome = deal.Single;

        // Period 2: collections 0, interest 5m unpaid: default at 2028-01-01; sale the same period: 72m plus the
        // reserve's 2m = 74m pay the 5m interest and 69m of principal: loss 100m - 69m = 31m.
        Assert.Equal(3, outcome.PeriodsRun);
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), outcome.Events.EventOfDefault);
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), outcome.Events.Sale);
        Assert.Equal(31e6, outcome.Tranches[0].PrincipalLoss, 1e-3);
        Assert.Equal(0.0, outcome.Tranches[0].UnpaidInterest, 1e-3);
    }

    [Fact]
    public void AccountsAreReleasedAtTheMaturity()
    {
        // No default: rent 25m a year, the loan (5%) amortises by schedule and the reserve (2m, never drawn in a
        // full period) is paid out at the maturity instead of being stranded: the sponsor receives it.
        var deal = new SmallDeal(Deal("0m").Replace("rent 5m per year", "rent 110m per year", StringComparison.Ordinal));
        var outcome = deal.Single;

        // Periods 0-3: 110m - 5m interest = 105m to the sponsor each; period 4: 110m + 2m reserve - 5m - 100m = 7m.
        Assert.Equal(5, outcome.PeriodsRun);
        Assert.Equal(0.0, outcome.Tranches[0].PrincipalLoss, 1e-6);
        Assert.Equal((4 * 105e6) + 7e6, outcome.Equities[0].Distributions, 1e-3);
        Assert.Equal(0.0, deal.Ledger("Reserve balance", 4), 1e-9);
    }
}
