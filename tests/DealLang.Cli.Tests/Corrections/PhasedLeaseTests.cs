namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A lease that commences as its buildings are completed (<c>phased Built</c>, docs/language.md §5 "lease", "Phased
/// commencement"): the rent, a guarantor's ask, the forward CFADS and the scenario's <c>Built delayed 6m</c>, each
/// computed by hand. TeraWulf's Lake Mariner lease had the rent in full from the start while the notes amortised as
/// the buildings completed, so a construction delay raised the equity's IRR.
/// </summary>
public sealed class PhasedLeaseTests
{
    // Quarterly from 2026-01-01 to 2028-01-01 (periods 0-7), 30/360. The lease pays 12m a year in equal instalments,
    // 3m a quarter, on the share of the buildings handed over: 'Built' is 0% at the closing, 50% from 2026-03-31 and
    // 100% from 2026-09-30, read at each period's start. Period 0 (from 2026-01-01) reads 0%, periods 1 and 2 (from
    // 2026-04-01, 2026-07-01) 50%, periods 3-7 100%. Parent guarantees the rent up to 100m.
    private const string Source = """
        deal Phased {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { rating "B" pd 5% recovery 30% }
          party Parent { rating "A" pd 0.1% }
          party Owner  { }

          index Built { level 0%  points stepped { 2026-03-31 50%  2026-09-30 100% } }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site {
            lessee    Tenant
            rent      12m per year
            starts    2026-01-01
            term      2y
            phased    Built
            guarantor Parent cap 100m
          }

          tranche Notes { balance 20m  coupon 4% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 80m  holders Owner 100% }

          test Fwd = cfads over next 6m

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario OnTime for Phased { }
        scenario Late for Phased { Built delayed 6m }
        scenario Defaults for Phased { Tenant defaults on 2026-04-01 }
        """;

    private const double Cent = 0.005;

    // SmallDeal runs every scenario with the cash check on: each period conserves cash, whatever the phasing.
    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void TheRentIsPaidOnTheShareOfTheBuildingsHandedOver()
    {
        // 3m × 0%, 3m × 50% twice, then 3m a quarter.
        double[] expected = [0, 1_500_000, 1_500_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000];
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(expected[t], Deal.Value.Ledger("rent Rent", t, "OnTime"), Cent);
        }

        // 18m in all, not the 24m of a lease starting in full.
        Assert.Equal(18_000_000, Enumerable.Range(0, 8).Sum(t => Deal.Value.Ledger("rent Rent", t, "OnTime")), Cent);
    }

    [Fact]
    public void AConstructionDelayDefersTheRent()
    {
        // 'Built delayed 6m' moves the points to 2026-09-30 (50%) and 2027-03-31 (100%): periods 0-2 read 0%, periods
        // 3 and 4 (from 2026-10-01, 2027-01-01) 50%, periods 5-7 100%: 0, 0, 0, 1.5m, 1.5m, 3m, 3m, 3m = 12m in all.
        double[] expected = [0, 0, 0, 1_500_000, 1_500_000, 3_000_000, 3_000_000, 3_000_000];
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(expected[t], Deal.Value.Ledger("rent Rent", t, "Late"), Cent);
        }
    }

    [Fact]
    public void AGuarantorIsAskedForTheRentOnTheBuildingsHandedOver()
    {
        // The lessee defaults on 2026-04-01, the end of period 0 (which paid 3m × 0% = 0): from period 1 the guarantor
        // pays what the lease would have paid, 1.5m, 1.5m, then 3m a quarter: 18m within its 100m cap, not 21m.
        double[] expected = [0, 1_500_000, 1_500_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000];
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(0.0, Deal.Value.Ledger("rent Rent", t, "Defaults"));
            Assert.Equal(expected[t], Deal.Value.Ledger("guarantor Rent", t, "Defaults"), Cent);
        }
    }

    // Annual from 2026-01-01 to 2029-01-01, 30/360: 10m a year escalating 10% on each anniversary of 2026-01-01, the
    // buildings 0%, then 50% from 2026-12-31, 100% from 2027-12-31. The escalator runs from the lease's start, not from
    // each building's handover: year 2 earns 10m × 1.10 × 50% = 5.5m, year 3 10m × 1.10² × 100% = 12.1m.
    private const string Escalating = """
        deal Escalating {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          index Built { level 0%  points stepped { 2026-12-31 50%  2027-12-31 100% } }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 10m per year escalating 10% per year  starts 2026-01-01  term 3y  phased Built }

          tranche Notes { balance 10m  coupon 4% fixed  amortize bullet }
          equity  Eq    { contributed 90m  holders Tenant 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """;

    [Fact]
    public void TheEscalatorStepsOnTheLeasesAnniversariesAndTheShareScalesTheEscalatedRent()
    {
        var deal = new SmallDeal(Escalating);
        Assert.Equal(0.0, deal.Ledger("rent Rent", 0));
        Assert.Equal(5_500_000, deal.Ledger("rent Rent", 1), Cent);
        Assert.Equal(12_100_000, deal.Ledger("rent Rent", 2), Cent);
    }

    [Fact]
    public void TheForwardCfadsCountsTheRentOnTheShareEachPeriodWillHave()
    {
        // At the end of period 0 the next 6 months are periods 1 and 2, at 50%: 1.5m + 1.5m = 3m. At the end of
        // period 1: periods 2 (50%) and 3 (100%): 1.5m + 3m = 4.5m. Delayed, at the end of period 1: periods 2 (0%)
        // and 3 (50%): 0 + 1.5m.
        Assert.Equal(3_000_000, Deal.Value.Ledger("Fwd", 0, "OnTime"), Cent);
        Assert.Equal(4_500_000, Deal.Value.Ledger("Fwd", 1, "OnTime"), Cent);
        Assert.Equal(1_500_000, Deal.Value.Ledger("Fwd", 1, "Late"), Cent);
    }
}
