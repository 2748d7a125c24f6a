namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A price is never below zero (docs/language.md §5 "contract", §10 "Stochastic scenarios"): a contract priced at an
/// index less a spread earns nothing, not a negative revenue, once the index falls below the spread; and an index of a
/// price shifted below zero, or moved there by an arithmetic `reverts to L` process, is read at max(0, level), while a
/// rate's is read as shifted or drawn. Before,
/// a customer's negative revenue entered the collections, and a pay step then "paid" a negative amount (the property
/// run's `paid −2,568,457 outside [0, due]`).
/// </summary>
public sealed class NegativePriceTests
{
    // Quarterly, 30/360, closing 2026-01-01. One contract, 100 GPUs at Rent − 0.50, take-or-pay 100%, for a year;
    // Rent 2.00 and, in Crash, 0.30 from 2026-04-01.
    private const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Big   { }
          party Owner { }
          index Rent { level 2.00 per gpu_hour }
          index SOFR { level 1% }
          fleet Cluster {
            units 100 gpus  unit_cost 20k per gpu
            depreciate straight_line 5y
            generation Rent
          }
          contract Below on Cluster {
            customer Big  units 100 gpus  price Rent - 0.50 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-01-01  term 1y
          }

          tranche Loan { balance 1m  coupon SOFR + 5% }
          equity  Eq   { contributed 1m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Small { }

        scenario Crash for Small { Rent points stepped { 2026-04-01 0.30 per gpu_hour } }

        scenario Shifted for Small {
          Rent shift -2.50 per gpu_hour
          SOFR shift -2%
        }

        scenario Swings for Small {
          paths 1
          seed  6
          Rent reverts to 0.10 per gpu_hour speed 100% per year volatility 3 per gpu_hour per year
          SOFR reverts to 0% speed 10% per year volatility 20% per year
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void An_index_less_a_spread_earns_its_price_while_the_index_is_above_the_spread()
    {
        Assert.Empty(Deal.Diagnostics);

        // Q1, 90 days: 100 × (2.00 − 0.50) × 8760 × 90/365 = 100 × 1.50 × 2,160 = 324,000.
        Assert.Equal(324_000.0, Deal.Ledger("revenue Below", 0, "Crash"), 1e-6);
        Assert.Equal(324_000.0, Deal.Ledger("revenue Below", 1, "AsAgreed") * 90 / 91, 1e-6);
    }

    [Fact]
    public void Below_the_spread_the_contract_earns_nothing_rather_than_a_negative_revenue()
    {
        // Q2 reads Rent = 0.30 at its start: max(0, 0.30 − 0.50) = 0, so nothing (it was 100 × −0.20 × 2,184 = −43,680).
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("revenue Below", t, "Crash"));
            Assert.Equal(0.0, Deal.Ledger("collections", t, "Crash"));
        }
    }

    [Fact]
    public void A_price_index_shifted_below_zero_is_read_at_zero_and_a_rate_index_is_read_as_shifted()
    {
        // Rent 2.00 − 2.50 = −0.50 is read as 0 (and the contract earns nothing); SOFR 1% − 2% = −1% is read as −1%.
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(0.0, Deal.Ledger("Rent", t, "Shifted"));
            Assert.Equal(-0.01, Deal.Ledger("SOFR", t, "Shifted"), 1e-15);
            Assert.Equal(0.0, Deal.Ledger("revenue Below", t, "Shifted"));
        }
    }

    [Fact]
    public void A_price_index_reverting_arithmetically_is_read_at_zero_below_zero_and_a_rate_index_is_not()
    {
        // Rent starts at 2.00 and reverts to 0.10 at 100% a year with 3 a √year of noise: a quarter's standard
        // deviation is about 3 × √(0.25) = 1.5, so the path goes below zero: this seed's reads 2.00, 0.66, then 0 and 0
        // (its process below zero). Every level of Rent read is ≥ 0, and revenue and collections are never negative.
        double[] rent = [.. Enumerable.Range(0, 4).Select(t => Deal.Ledger("Rent", t, "Swings"))];
        double[] sofr = [.. Enumerable.Range(0, 4).Select(t => Deal.Ledger("SOFR", t, "Swings"))];
        Assert.All(rent, level => Assert.True(level >= 0.0, $"Rent read at {level}"));
        Assert.Contains(rent, level => level == 0.0);
        for (int t = 0; t < 4; t++)
        {
            Assert.True(Deal.Ledger("revenue Below", t, "Swings") >= 0.0);
            Assert.True(Deal.Ledger("collections", t, "Swings") >= 0.0);
        }

        // SOFR at 1% reverting to 0% with 20% a √year of noise goes below zero on this path (−5.9% in Q2): a rate is
        // read as drawn.
        Assert.Contains(sofr, level => level < 0.0);
    }
}
