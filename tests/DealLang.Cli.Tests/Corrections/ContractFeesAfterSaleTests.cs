namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A compute contract's one-off receipts once an enforcement sale has sold its fleet (docs/language.md §5, "termination
/// fee", "prepayment", "break option"): × the fleet's share held, as its revenue is, so none once the fleet is sold
/// whole. Before, the contract's revenue stopped with the sale, but the customer's later termination fee and a
/// prepayment of a contract starting after the sale were still collected, for GPUs the deal no longer had (the audit2
/// note; a lease's RVG, rent and fee already stopped with its facility's sale).
/// </summary>
public sealed class ContractFeesAfterSaleTests
{
    // Quarterly from 2026-01-01, 30/360, 200 GPUs. Job: 100 GPUs for Lab from the closing, termination_fee 10m; Later:
    // 100 GPUs for Owner from 2027-01-01, prepayment 1m, received in the period whose end reaches its start (period 3). Lab defaults on 2027-05-15 (period 5,
    // 2027-04-01 to 2027-07-01), recovery 40%: a fee of 10m × 40% = 4m. A trigger no DSCR passes makes the end of
    // period 0 an event of default. 'Sold' sells the cluster at once, at the end of period 0; 'Kept' 36 months later
    // (`enforcement lag 36m`), after both receipts.
    private const string Source = """
        deal C {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      quarterly
          daycount 30/360

          party Lab { rating "BB"  pd 3%  recovery 40% }
          party Owner { }

          facility Campus { cost 100m  value straight_line 20y }

          fleet Cluster {
            units      200 gpus
            unit_cost  30k per gpu
            depreciate straight_line 6y
          }

          contract Job on Cluster {
            customer        Lab
            units           100 gpus
            price           2.00 per gpu_hour
            hours           8760 hours per year
            take_or_pay     100%
            starts          2026-01-01
            term            3y
            termination_fee 10m
          }

          contract Later on Cluster {
            customer        Owner
            units           100 gpus
            price           2.00 per gpu_hour
            hours           8760 hours per year
            take_or_pay     100%
            starts          2027-01-01
            term            2y
            prepayment      1m
          }

          tranche Notes { balance 50m  coupon 8%  amortize linear }
          equity Eq { contributed 60m  holders Owner 100% }

          test Dscr = cfads / debt_service
          trigger Eod when Dscr < 100x => event_of_default

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }

          enforcement {
            sell Cluster haircut 0% lag 0m
            sell Campus haircut 0% lag 36m
            waterfall {
              pay Notes.interest
              pay Notes.balance
              distribute rest to Eq
            }
          }
        }

        scenario Sold for C { Lab defaults on 2027-05-15 }

        scenario Kept for C { Lab defaults on 2027-05-15  enforcement lag 36m }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void AFleetSoldWholeTakesItsContractsFeesAndPrepaymentsWithIt()
    {
        // Sold at the end of period 0: Job's revenue stops from period 1; no 4m fee in period 5, no 1m prepayment in
        // period 3 (before: both collected).
        Assert.Equal(0.0, Deal.Value.Ledger("Cluster units", 1, "Sold"));
        for (int t = 1; t <= 12; t++)
        {
            Assert.Equal(0.0, Deal.Value.Ledger("revenue Job", t, "Sold"));
            Assert.Equal(0.0, Deal.Value.Ledger("termination fee Job", t, "Sold"));
            Assert.Equal(0.0, Deal.Value.Ledger("prepayment Later", t, "Sold"));
        }
    }

    [Fact]
    public void AFleetStillHeldReceivesThemAsBefore()
    {
        // Held until 2029-04-01: the prepayment of 1m at Later's start (period 3), the fee of 10m × 40% = 4m in the
        // period of Lab's default (period 5).
        Assert.Equal(1_000_000, Deal.Value.Ledger("prepayment Later", 3, "Kept"), 0.01);
        Assert.Equal(4_000_000, Deal.Value.Ledger("termination fee Job", 5, "Kept"), 0.01);
    }
}
