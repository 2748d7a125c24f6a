namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease's RVG once its facility is sold (docs/language.md §5 "lease", "RVG"): none, as no rent, guarantor's payment
/// or termination fee is. Before, a campus sold in enforcement stopped its lease's rent but the RVG still fell due at
/// the lease's original expiry, years later in the workout, measured against the value of a campus the deal no longer
/// owned: a collection of 20m from nothing.
/// </summary>
public sealed class RvgAfterSaleTests
{
    // Quarterly from 2026-01-01, 30/360. Campus: 100m straight-line over 20 years from the closing, 100m × (1 − months /
    // 240). L leases it for 2 years (12m a year, 3m a quarter), `rvg guarantees 110m cap 40m`: at its expiry on
    // 2028-01-01 (the end of period 7, 24 months) the campus is worth 90m and the RVG is min(40m, 110m − 90m) = 20m.
    // A trigger no DSCR passes makes the end of period 0 an event of default. 'Sold' sells the campus at once: at the end
    // of period 0, 100m × (1 − 3/240) = 98.75m, and the cluster 36 months later (2029-04-01, the end of period 12), which
    // keeps the run going past the lease's expiry. 'Kept' sells both 36 months later (`enforcement lag 36m`), so the
    // campus is the deal's when the lease expires.
    private const string Source = """
        deal R {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { rating "BB"  pd 3%  recovery 40% }
          party Owner { }

          facility Campus { cost 100m  value straight_line 20y }

          lease L on Campus {
            lessee Tenant
            rent   12m per year
            starts 2026-01-01
            term   2y
            rvg    guarantees 110m cap 40m
          }

          fleet Cluster {
            units      100 gpus
            unit_cost  30k per gpu
            depreciate straight_line 6y
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
            sell Campus haircut 0% lag 0m
            sell Cluster haircut 0% lag 36m
            waterfall {
              pay Notes.interest
              pay Notes.balance
              distribute rest to Eq
            }
          }
        }

        scenario Sold for R { }

        scenario Kept for R { enforcement lag 36m }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void ACampusSoldBeforeTheLeaseExpiresOwesNoRvgAtTheExpiry()
    {
        // Sold at the end of period 0 for 98.75m; the rent stops from period 1; the lease's expiry in period 7 pays no
        // RVG (before: 20m, 110m less the 90m value of the campus sold two years earlier).
        Assert.Equal(98_750_000, Deal.Value.Ledger("sale proceeds", 0, "Sold"), 0.01);
        Assert.Equal(3_000_000, Deal.Value.Ledger("rent L", 0, "Sold"), 0.01);
        for (int t = 1; t <= 12; t++)
        {
            Assert.Equal(0.0, Deal.Value.Ledger("rent L", t, "Sold"));
            Assert.Equal(0.0, Deal.Value.Ledger("rvg L", t, "Sold"));
        }

        Assert.Equal(0.0, Deal.Value.Outcomes["Sold"].Events.RvgPaid.Single().Amount);
    }

    [Fact]
    public void ACampusStillHeldWhenTheLeaseExpiresIsGuaranteedAsBefore()
    {
        // The campus sold after the expiry: the RVG of 20m is paid in period 7, as without enforcement.
        Assert.Equal(3_000_000, Deal.Value.Ledger("rent L", 7, "Kept"), 0.01);
        Assert.Equal(20_000_000, Deal.Value.Ledger("rvg L", 7, "Kept"), 0.01);
        Assert.Equal(20_000_000, Deal.Value.Outcomes["Kept"].Events.RvgPaid.Single().Amount, 0.01);
    }
}
