namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// The small fleet deal FleetTests and FleetIdleCostTests compute by hand, written once so that a change to the fleet's
/// grammar touches one copy. Monthly, 30/360, 2026-01-01 to 2026-04-01. 1,000 GPUs at 20k (20m) at closing; 1 kW per
/// GPU, PUE 1.5, 100 per MWh (0.1 per kWh); maintenance 3% of cost a year: in full, January's opex (31 days) is power
/// 1,000 × 1 kW × 1.5 × 0.1 × 24 h × 31 = 111,600.00 plus maintenance 20m × 3% × 31 / 365.25 = 50,924.02. What earns
/// the income (a leased hall, a contract on the fleet), the loan's balance, the tests and the fleet's idle cost are
/// each test's own.
/// </summary>
internal static class SmallFleetDeal
{
    /// <summary>A hall leased to the lab at 12m a year (1m a month) for the deal's three months.</summary>
    public const string HallLease = """
          facility Hall { cost 10m  value straight_line 10y }
          lease HallLease on Hall { lessee Lab  rent 12m per year  starts 2026-01-01  term 3m }
        """;

    /// <summary>The lab takes 600 of the fleet's GPUs for two months from the closing, at 2 an hour, take-or-pay 100%.</summary>
    public const string Job = """
          contract Job on Cluster {
            customer Lab  units 600 gpus  price 2 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-01-01  term 2m
          }
        """;

    /// <summary>The deal: <paramref name="lease"/> before the fleet, <paramref name="contract"/> after it,
    /// <paramref name="idleCost"/> among the fleet's terms (<c>idle_cost 20%</c>, or nothing), a 6% loan of
    /// <paramref name="loanBalance"/>, 25m of equity, the <paramref name="tests"/> given, and a waterfall paying the
    /// fleet's opex, the loan's interest and balance, the rest to the equity.</summary>
    public static string Text(string loanBalance, string tests, string lease = "", string contract = "", string idleCost = "") => $$"""
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2026-04-01
          pay      monthly
          daycount 30/360

          party Lab   { }
          party Owner { }
        {{lease}}
          fleet Cluster {
            units 1000 gpus  unit_cost 20k per gpu
            depreciate straight_line 5y
            power 1 kW per gpu  pue 1.5  power_price 100 per MWh
            maintenance 3% per year
            {{idleCost}}
          }
        {{contract}}
          tranche Loan { balance {{loanBalance}}  coupon 6% }
          equity  Eq   { contributed 25m  holders Owner 100% }

          {{tests}}

          waterfall {
            pay Cluster.opex
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }
        """;
}
