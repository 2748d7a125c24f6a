using DealLang.TestSupport;

namespace DealLang.Runtime.Tests;

public class AnnuityTests
{
    [Fact]
    public void Payment_on_100k_over_12_months_at_6_percent_is_8606_64()
    {
        // Standard mortgage table / spreadsheet PMT(0.5%, 12, -100000) = 8,606.64.
        Assert.Equal(8_606.64, Math.Round(Annuity.Payment(100_000, 0.06 / 12, 12), 2));
    }

    [Fact]
    public void Level_principals_repay_the_balance_and_payments_stay_level()
    {
        const double rate = 0.06 / 12;
        double payment = Annuity.Payment(100_000, rate, 12);
        double balance = 100_000;
        double repaid = 0;
        for (int remaining = 12; remaining >= 1; remaining--)
        {
            double principal = Annuity.LevelPrincipal(balance, rate, remaining);
            Assert.Equal(payment, principal + (balance * rate), 9); // interest + principal is the same each period
            repaid += principal;
            balance -= principal;
        }

        Assert.Equal(100_000, repaid, 1e-6);
        Assert.Equal(0, balance, 1e-6);
    }

    [Fact]
    public void First_level_principal_by_hand()
    {
        // 8,606.643 − 100,000 × 0.5% interest = 8,106.643.
        Assert.Equal(8_106.64, Math.Round(Annuity.LevelPrincipal(100_000, 0.005, 12), 2));
    }

    [Fact]
    public void Zero_rate_spreads_evenly_and_no_periods_means_all_is_due()
    {
        Assert.Equal(1_000, Annuity.Payment(12_000, 0, 12));
        Assert.Equal(12_000, Annuity.Payment(12_000, 0.01, 0));
        Assert.Equal(12_000, Annuity.Payment(12_000, 0.01, -3));
        Assert.Equal(1_000, Annuity.LevelPrincipal(12_000, 0, 12));
    }

    [Fact]
    public void One_period_left_repays_balance_plus_interest()
    {
        Assert.Equal(10_100, Annuity.Payment(10_000, 0.01, 1), 9);
        Assert.Equal(10_000, Annuity.LevelPrincipal(10_000, 0.01, 1), 9);
    }

    [Fact]
    public void LevelPrincipal_stays_within_zero_and_the_balance()
    {
        Assert.Equal(0, Annuity.LevelPrincipal(0, 0.01, 12));
        Assert.Equal(0, Annuity.LevelPrincipal(-500, 0.01, 12));
        Assert.Equal(7_500, Annuity.LevelPrincipal(7_500, 0.01, 0));
        Assert.Equal(7_500, Annuity.LevelPrincipal(7_500, 0.01, -1));
        Assert.InRange(Annuity.LevelPrincipal(1_000, -0.9, 5), 0, 1_000);
        Assert.InRange(Annuity.LevelPrincipal(1_000, 0.5, 5), 0, 1_000);
    }

    [Fact]
    public void The_last_period_repays_exactly_the_balance()
    {
        // balance·r / (1 − 1/(1 + r)) − balance·r is the balance only up to rounding; the last period must leave 0.
        for (double balance = 0.01; balance < 1e9; balance *= 3.7)
        {
            foreach (double rate in (double[])[0.0, 1e-9, 0.0005, 0.005, 0.0123456, 0.1])
            {
                Assert.Equal(balance, Annuity.LevelPrincipal(balance, rate, 1));
            }
        }
    }

    [Fact]
    public void LinearPrincipal_is_an_equal_share()
    {
        Assert.Equal(100, Annuity.LinearPrincipal(1_200, 12));
        Assert.Equal(1_200, Annuity.LinearPrincipal(1_200, 1));
        Assert.Equal(1_200, Annuity.LinearPrincipal(1_200, 0));
        Assert.Equal(1_200, Annuity.LinearPrincipal(1_200, -2));
    }

    [Fact]
    public void Uneven_period_payment_by_hand()
    {
        // 100 at 10% then 20%: (100·1.1 − P)·1.2 − P = 0  =>  132 = 2.2·P  =>  P = 60.
        Assert.Equal(60, Annuity.Payment(100, [0.10, 0.20]), 12);
        Assert.Equal(250, Annuity.Payment(250, []));
        Assert.Equal(25, Annuity.Payment(100, [0, 0, 0, 0]), 12);
    }

    [Fact]
    public void Uneven_period_payment_with_equal_rates_matches_the_level_formula()
    {
        double[] rates = Enumerable.Repeat(0.07 / 12, 120).ToArray();
        Assert.Equal(Annuity.Payment(100_000, 0.07 / 12, 120), Annuity.Payment(100_000, rates), 1e-9);
    }

    [Fact]
    public void Annuity_maths_does_not_allocate()
    {
        double[] rates = new double[12]; // made before the windows (a lambda cannot capture a stackalloc'd span)
        Array.Fill(rates, 0.005);
        double sum = Annuity.Payment(100_000, rates) + Annuity.LevelPrincipal(100_000, 0.005, 12); // warm up (JIT)
        AllocationWindows.AssertOneAllocatesNothing("1,000 sums", () =>
        {
            for (int i = 1; i <= 1000; i++)
            {
                sum += Annuity.Payment(100_000, 0.005, i) + Annuity.LevelPrincipal(100_000, 0.005, i)
                    + Annuity.LinearPrincipal(100_000, i) + Annuity.Payment(100_000, rates);
            }
        });

        Assert.True(sum > 0);
    }
}
