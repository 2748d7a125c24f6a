namespace DealLang.Runtime.Tests;

/// <summary>
/// The unequal-period level annuity the generated loop uses for <c>amortize level</c>: period rates from each
/// period's year fraction, and a stub paying its share of a regular payment (docs/language.md, tranche).
/// </summary>
public class LevelStubTests
{
    // 100m at 8%, quarterly, 30/360, closing 2026-03-17: a 14-day stub to 2026-03-31, then four quarters to 2027-03-31.
    private static readonly Date[] Boundaries =
        [new(2026, 3, 17), new(2026, 3, 31), new(2026, 6, 30), new(2026, 9, 30), new(2026, 12, 31), new(2027, 3, 31)];

    [Fact]
    public void A_14_day_stub_carries_its_share_of_principal_not_a_full_periods()
    {
        // By hand. Rates r = 8% × year fraction: stub 14/360 → 0.0031111, quarters 90/360 → 0.02.
        // Weights w: stub 14/90 (its 30/360 days over those of the quarter 2025-12-31..2026-03-31), quarters 1.
        // G = Π(1 + r_k) = 1.0031111 × 1.02^4 = 1.0857997267
        // S = Σ_j w_j·Π_{k>j}(1 + r_k) = (14/90) × 1.02^4 + 1.02^3 + 1.02^2 + 1.02 + 1 = 4.2899863360
        // P = 100m × G / S = 25,310,097.55;  stub: w_0·P − interest = 3,937,126.29 − 311,111.11 = 3,626,015.18.
        // (The equal-period formula gave 19,215,839.41 here: a full quarter's principal after 14 days.)
        double[] rates = Annuity.PeriodRates(0.08, YearFractions(DayCount.Thirty360));
        double[] weights = Annuity.PeriodWeights(DayCount.Thirty360, 3, Boundaries);

        Assert.Equal([14.0 / 90, 1, 1, 1, 1], weights, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(311_111.11, Math.Round(100e6 * rates[0], 2));
        Assert.Equal(25_310_097.55, Math.Round(Annuity.Payment(100e6, rates, weights), 2));
        Assert.Equal(3_626_015.18, Math.Round(Annuity.LevelPrincipal(100e6, rates, weights), 2));
    }

    [Fact]
    public void The_precomputed_sums_give_the_same_principal_bit_for_bit_from_every_period()
    {
        // What the loop calls (O(1) a period from LevelSums) must equal the span form over periods t..last exactly,
        // for any outstanding balance, so the ledgers do not move when the loop uses the sums.
        double[] rates = Annuity.PeriodRates(0.08, YearFractions(DayCount.Thirty360));
        double[] weights = Annuity.PeriodWeights(DayCount.Thirty360, 3, Boundaries);
        int last = rates.Length - 1;
        var (growth, payments) = Annuity.LevelSums(rates, weights, last);
        foreach (double balance in new[] { 100e6, 73_123_456.78, 1e-3 })
        {
            for (int t = 0; t <= last; t++)
            {
                int remaining = last - t + 1;
                double spans = Annuity.LevelPrincipal(balance, rates.AsSpan(t, remaining), weights.AsSpan(t, remaining));
                double sums = Annuity.LevelPrincipal(balance, rates[t], weights[t], growth[t], payments[t], remaining);
                Assert.Equal(BitConverter.DoubleToInt64Bits(spans), BitConverter.DoubleToInt64Bits(sums));
            }
        }
    }

    [Fact]
    public void Recomputed_every_period_the_payment_stays_level_and_repays_the_balance()
    {
        // Quarters of 91/92/92/90 days under ACT/360: unequal rates, the stub weighted 14/90.
        double[] rates = Annuity.PeriodRates(0.08, YearFractions(DayCount.Act360));
        double[] weights = Annuity.PeriodWeights(DayCount.Act360, 3, Boundaries);
        double payment = Annuity.Payment(100e6, rates, weights);

        double balance = 100e6;
        for (int t = 0; t < rates.Length; t++)
        {
            double principal = Annuity.LevelPrincipal(balance, rates.AsSpan(t), weights.AsSpan(t));
            Assert.Equal(weights[t] * payment, principal + (balance * rates[t]), 1e-6);
            balance -= principal;
        }

        Assert.Equal(0.0, balance, 1e-6);
    }

    [Fact]
    public void Without_weights_or_with_weights_of_one_it_is_the_ACTUS_annuity()
    {
        double[] rates = [0.004, 0.0051, 0.0049, 0.005];
        double ones = Annuity.Payment(1e6, rates, [1, 1, 1, 1]);

        Assert.Equal(Annuity.Payment(1e6, rates), ones, 1e-9);
        Assert.Equal(Annuity.Payment(1e6, rates, []), ones, 1e-9);
        // Equal rates: the closed form, to rounding (its power and this product differ in the last bits).
        Assert.Equal(Annuity.Payment(1e6, 0.005, 4), Annuity.Payment(1e6, [0.005, 0.005, 0.005, 0.005], []), 1e-6);
    }

    [Fact]
    public void Only_periods_shorter_than_the_frequency_are_stubs()
    {
        // Hyperion: 2025-10-30 → 2025-11-30 before 30 May / 30 November half-years: 30/180 of a half-year.
        Date[] hyperion = [new(2025, 10, 30), new(2025, 11, 30), new(2026, 5, 30), new(2026, 11, 30)];
        Assert.Equal([1.0 / 6, 1, 1], Annuity.PeriodWeights(DayCount.Thirty360, 6, hyperion), (a, b) => Math.Abs(a - b) < 1e-15);

        // Month-end rolling: 31 Jan → 28 Feb is a full month (31 Jan + 1M = 28 Feb), whatever its days.
        Date[] monthEnds = [new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31)];
        Assert.Equal([1.0, 1.0], Annuity.PeriodWeights(DayCount.Act365F, 1, monthEnds));

        // A short last period (first_payment given): 2027-01-31 → 2027-03-15 is 43 of the 90 days of the quarter ending 2027-03-15.
        Date[] lastStub = [new(2026, 10, 31), new(2027, 1, 31), new(2027, 3, 15)];
        Assert.Equal([1.0, 43.0 / 90], Annuity.PeriodWeights(DayCount.Act360, 3, lastStub), (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Level_principal_stays_within_zero_and_the_balance()
    {
        Assert.Equal(0, Annuity.LevelPrincipal(0, [0.01, 0.01], []));
        Assert.Equal(0, Annuity.LevelPrincipal(-5, [0.01, 0.01], []));
        Assert.Equal(7_500, Annuity.LevelPrincipal(7_500, [0.01], []));
        Assert.Equal(7_500, Annuity.LevelPrincipal(7_500, [], []));
    }

    private static double[] YearFractions(DayCount dc) =>
        [.. Enumerable.Range(0, Boundaries.Length - 1).Select(k => DayCounts.YearFraction(dc, Boundaries[k], Boundaries[k + 1]))];
}
