using System.Text.Json;
using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Every reader of a lease's rent rows outside the period loop, on an indexed lease (docs/language.md §5 "lease", "Who
/// reads the unindexed rows"). A path source fills the rows unindexed (<c>LeasePlan</c>, <c>LeaseTermRents</c>,
/// <c>LeaseTerms</c>: shared between paths whose index differs), and the loop multiplies them by the index factor F_t
/// wherever they become a figure. These tests check, by hand, the readers <see cref="IndexedRentTests"/> and
/// <see cref="IndexationTermsTests"/> do not: a renewal taken (its rent and the forward CFADS in it), the termination
/// fee (a constant, which the index does not move) and the solver's <c>L.rent</c> lever (which scales the unindexed
/// row, the loop then indexing the scaled rent).
/// </summary>
public sealed class IndexedRentReadersTests : IDisposable
{
    // Annual from 2026-01-01 to 2029-01-01 (periods 0-2), 30/360; each lease earns its annual rent a year (one regular
    // period a year). CPI is 100 growing 10% a year, read at each period's start: 100, 100 × 1.1^(365/365) = 110,
    // 100 × 1.1^(730/365) = 121. Both leases start at the closing: the base I₀ is 100.
    //   Renewed: 1-year term and one 2-year renewal, indexed yearly with a 4% cap. F = 1 in year 0 (the first lease
    //     year as written); the reset at t 1 reads 110 / 100 = 1.10, capped: 1.04; at t 2, 121 / 110 = 1.10, capped:
    //     1.04 × 1.04 = 1.0816.
    //   Fee: 3-year term, indexed every period (F = 1, 1.10, 1.21), with a 30m fee amortising to 0 over the term.
    // The notes are a 300m zero-coupon bullet: only the last period's collections repay them (the rest goes to Eq
    // as it comes), so their loss is max(0, 300m − collections in period 2).
    private const string Source = """
        deal Readers {
          currency USD
          closing  2026-01-01
          maturity 2029-01-01
          pay      annual
          daycount 30/360

          party Tenant  { rating "B" pd 5% recovery 30% }
          party Builder { rating "B" pd 5% recovery 50% }
          party Owner   { }

          index CPI { level 100x  grow 10% per year }
          facility Site { cost 1bn  value straight_line 20y }
          lease Renewed on Site {
            lessee   Tenant
            rent     100m per year indexed CPI yearly cap 4%
            starts   2026-01-01
            term     1y
            renewals 1 x 2y at lessee option
          }
          lease Fee on Site {
            lessee          Builder
            rent            100m per year indexed CPI
            starts          2026-01-01
            term            3y
            termination_fee 30m amortising
          }

          tranche Notes { balance 300m  coupon 0% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 700m  holders Owner 100% }

          test Fwd = cfads over next 24m

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Renew for Readers { Renewed renewals taken 1 }
        scenario Default for Readers { Builder defaults on 2028-01-01 }
        scenario DefaultInflation for Readers {
          Builder defaults on 2028-01-01
          CPI grow 20% per year
        }
        """;

    private const double Cent = 0.005;

    // SmallDeal runs every scenario with the cash check on: each period conserves cash.
    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    private readonly string dir = Directory.CreateTempSubdirectory("deallang-indexed-readers-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void ARenewalTakenContinuesTheIndexation()
    {
        Assert.Empty(Deal.Value.Diagnostics);

        // The renewal's rent is the lease's own rent (LeasePlan's renewal rows, unindexed: 100m a year), times the ratio
        // its anniversaries go on resetting: 100m, 100m × 1.04 = 104m, 100m × 1.0816 = 108.16m.
        double[] expected = [100_000_000, 104_000_000, 108_160_000];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(expected[t], Deal.Value.Ledger("rent Renewed", t, "Renew"), Cent);
        }
    }

    [Fact]
    public void TheForwardCfadsInARenewalHoldsTheRatioAtTheTestsPeriod()
    {
        // At the end of period 1 (inside the renewal) the next 24 months are period 2 (the run's last): Renewed's term rent
        // there (LeaseTermRents, unindexed: 100m) × its ratio in period 1, 1.04 = 104m, not the 108.16m period 2 earns;
        // Fee's 100m × 110 / 100 = 110m, not the 121m. 104m + 110m = 214m.
        Assert.Equal(214_000_000, Deal.Value.Ledger("Fwd", 1, "Renew"), Cent);
    }

    [Fact]
    public void TheTerminationFeeIsAConstantTheIndexDoesNotMove()
    {
        // Builder defaults on 2028-01-01, 366 of the term's 1,096 days left (2028 is a leap year): 30m × 366 / 1,096 =
        // 10,018,248.18 owed, 50% recovered = 5,009,124.09, in period 1 (which ends on the default). The fee is an amount,
        // not months of (indexed) rent: under CPI growing 20% (Fee's ratio in period 1 1.20, not 1.10) it is the same.
        const double Recovered = 30_000_000.0 * 366 / 1096 * 0.5;
        Assert.Equal(Recovered, Deal.Value.Ledger("termination fee Fee", 1, "Default"), Cent);
        Assert.Equal(Recovered, Deal.Value.Ledger("termination fee Fee", 1, "DefaultInflation"), Cent);
    }

    [Fact]
    public void TheSolversRentLeverScalesTheIndexedRent()
    {
        // 'Fee.rent' × x scales Fee's unindexed rows (LeaseRentScale), and the loop indexes the scaled rent: in period 2,
        // Renewed pays 108.16m and Fee 100m × x × 121 / 100 = 121m × x. Notes loss = 10% of 300m = 30m
        //   ⇒ 300m − 108.16m − 121m x = 30m ⇒ x = 161.84 / 121 = 1.3375206611…
        // (scaling the rent without its index would give 161.84 / 100 = 1.6184).
        string deal = Path.Combine(dir, "readers.deal");
        File.WriteAllText(deal, Source);
        CliOutcome outcome = CliHarness.Run("solve", deal, "--scenario", "Renew", "--hurdle", "Fee.rent", "--target", "Notes loss = 10%", "-f", "json");
        Assert.True(outcome.Exit == 0, outcome.ToString());
        using var doc = JsonDocument.Parse(outcome.Out);
        double x = doc.RootElement.EnumerateObject().Single().Value.GetProperty("value").GetDouble();
        Assert.Equal(161.84 / 121, x, 1e-7);
    }
}
