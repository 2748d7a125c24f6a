namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// docs/language.md §5 "contract" and the summary's contract rows: a fleet sold whole (`sell F haircut X% lag L`) takes
/// its contracts' units with it. At the end of the sale period the contract takes none (the ledger's `C units` read
/// the units it had while `F units` read 0), it stops in that period, and its units at the end are 0; the period's
/// revenue stands, the GPUs having run until the sale.
/// </summary>
public sealed class FleetSoldWholeContractTests
{
    // Quarterly, 30/360, no income before June: the first quarter's 1m of interest (50m × 8% × 0.25) goes unpaid, an
    // event of default at its end (2026-04-01) that stops the later deliveries; the fleet is sold whole 6 months later,
    // at the end of the period ending 2026-10-01 (period 2). 1,000 GPUs delivered; the contract asks for 1,500 from June.
    private const string Source = """
        deal Fl {
          currency USD
          closing 2026-01-01
          maturity 2027-01-01
          pay quarterly
          daycount 30/360
          party Cust { }
          fleet Gpus {
            deliveries {
              2026-01-01 1000 gpus at 30k per gpu
              2026-05-15 1000 gpus at 30k per gpu
              2026-08-15 1000 gpus at 30k per gpu
            }
            depreciate straight_line 5y
            power 0.7 kW per gpu  pue 1.0  power_price 100 per MWh
            market_value 90% declining 30% per year
          }
          contract C on Gpus { customer Cust units 1500 gpus price 2.00 per gpu_hour hours 8760 hours per year take_or_pay 100% starts 2026-06-01 term 1y }
          tranche Notes { balance 50m coupon 8% fixed }
          equity Eq { contributed 1m }
          default when Notes.interest_shortfall > 0
          waterfall {
            pay Gpus.opex
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
          enforcement {
            sell Gpus haircut 10% lag 6m
            waterfall { pay Gpus.opex pay Notes.interest pay Notes.balance distribute rest to Eq }
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void The_contract_takes_no_units_once_its_fleet_is_sold_and_stops_in_the_sale_period()
    {
        // Period 1 (2026-04-01..07-01): the contract takes the 1,000 GPUs delivered (of its 1,500). Period 2 ends with the
        // sale: the fleet holds 0 and so does the contract; it stops there, 2026-10-01.
        Assert.Equal(1000.0, Deal.Ledger("C units", 1));
        Assert.Equal(0.0, Deal.Ledger("Gpus units", 2));
        Assert.Equal(0.0, Deal.Ledger("C units", 2));
        var contract = Deal.Single.Contracts.Single();
        Assert.Equal(new DealLang.Runtime.Date(2026, 10, 1), contract.StopDate);
        Assert.Equal(0.0, contract.Units);

        // Its revenue for the sale period stands (a contract's year fraction is its days over 365, whatever the deal's
        // day count): 1,000 GPUs × 2.00 × 8,760 h = 17.52m a year × 92/365 (2026-07-01..10-01) = 4,416,000.
        Assert.Equal(4_416_000.0, Deal.Ledger("revenue C", 2), 1e-3);
    }
}
