using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.Runner.Tests.Support;

namespace DealLang.Runner.Tests.MonteCarlo;

/// <summary>
/// A recovery drawn from outcomes in the path source (<see cref="RecoveryOutcomeDraw"/>): the quantile of the path's
/// uniform, the smallest R_j with p_0 + … + p_j ≥ u, drawn after the default's normal; outcomes the compiler refuses
/// (DL0552-DL0554) are refused here too, with a message, never drawn.
/// </summary>
public sealed class RecoveryOutcomeDrawTests
{
    private static readonly DealDescription Deal = TestDeals.Make(Schedule.Boundaries(new Date(2026, 1, 1), new Date(2030, 1, 1), Frequency.Quarterly), Frequency.Quarterly,
        DayCount.Act360, parties: [new PartyInfo("Lessee", "B", 0.05, 0.4), new PartyInfo("Other", "A", 0.01, 0.55)]);

    private static StochasticPaths Source(RecoveryOutcomes recovery, ulong seed = 3, int paths = 200) =>
        new(Deal, ScenarioSpec.AsWritten(Deal) with
        {
            Name = "Mc",
            Stochastic = new StochasticSpec(null, null, false, [], null, [new DefaultModel(0, 0.05, []) { Recovery = recovery }]),
        }, seed, paths);

    [Fact]
    public void Each_path_draws_the_quantile_of_the_uniform_after_its_default_normal()
    {
        // c = (0.25, 0.25 + 0.5 = 0.75, 1): u ≤ 0.25 gives 10%, u in (0.25, 0.75] 40%, above 75% 90%.
        StochasticPaths source = Source(new RecoveryOutcomes([0.1, 0.4, 0.9], [0.25, 0.5, 0.25]));
        var inputs = new PathInputs(Deal);
        for (int p = 0; p < source.Count; p++)
        {
            var rng = new PathStream(3, (uint)p, mirrored: false);
            rng.Normal(); // the default time's normal
            double u = rng.Uniform();
            source.Fill(p, inputs);
            Assert.Equal(u <= 0.25 ? 0.1 : u <= 0.75 ? 0.4 : 0.9, inputs.PartyRecovery[0]);
            Assert.Equal(0.55, inputs.PartyRecovery[1]);
        }
    }

    [Fact]
    public void The_quantile_takes_an_outcome_at_its_running_sum_and_the_next_just_above()
    {
        var draw = RecoveryOutcomeDraw.Of(new RecoveryOutcomes([0.0, 0.6], [0.3, 0.7]), "Lessee", 0, null, regimes: false, what => new ArgumentException(what));
        Assert.Equal(0.0, draw.Quantile(0.3)); // F(0) = 0.3 ≥ 0.3
        Assert.Equal(0.6, draw.Quantile(Math.BitIncrement(0.3)));
        Assert.Equal(0.0, draw.Quantile(double.Epsilon));
        Assert.Equal(0.6, draw.Quantile(Math.BitDecrement(1.0)));
    }

    [Theory]
    [InlineData(new[] { 0.6, 0.0 }, new[] { 0.7, 0.3 })] // decreasing (DL0554)
    [InlineData(new[] { 0.4, 0.4 }, new[] { 0.5, 0.5 })] // repeated (DL0554)
    [InlineData(new[] { 0.0, 1.2 }, new[] { 0.3, 0.7 })] // above 100% (DL0552)
    [InlineData(new[] { 0.0, 0.6 }, new[] { 0.3, 0.6 })] // adding up to 90% (DL0553)
    [InlineData(new[] { 0.0, 0.6 }, new[] { 0.0, 1.0 })] // a probability of 0 (DL0553)
    [InlineData(new[] { 0.0, 0.6 }, new[] { 1.0 })] // a probability missing
    public void Outcomes_that_are_not_a_distribution_are_refused_with_a_message(double[] recoveries, double[] probabilities)
    {
        var e = Assert.Throws<ArgumentException>(() => Source(new RecoveryOutcomes(recoveries, probabilities)));
        Assert.Contains("party 'Lessee''s drawn recovery is not outcomes in [0%, 100%], increasing", e.Message, StringComparison.Ordinal);
    }

    // Beta(2, 2), mean 50% and sd √0.05 = 22.36068% (ν = 0.25 / 0.05 − 1 = 4, α = β = 2): I_x = 3x² − 2x³, symmetric about
    // ½, so I⁻¹(0.5) = 0.5, I⁻¹(0.8) = 0.7128593 and I⁻¹(0.2) = 1 − 0.7128593 = 0.2871407 (3 × 0.7128593² − 2 ×
    // 0.7128593³ = 1.5245 − 0.7245 = 0.8000).
    private static readonly RecoveryBeta Beta22 = new(0.5, Math.Sqrt(0.05));

    [Fact]
    public void A_mixture_is_no_buyer_on_its_share_of_the_uniform_and_else_the_betas_quantile_of_the_rest()
    {
        // 0% with 30% else Beta(2, 2): F(r) = 0.3 + 0.7 I_r for r ≥ 0. u ≤ 0.3 is no buyer; above it r = I⁻¹((u − 0.3) / 0.7):
        // u = 0.65 → I⁻¹(0.5) = 0.5; u = 0.86 → I⁻¹(0.8) = 0.7128593; u = 0.44 → I⁻¹(0.2) = 0.2871407.
        var draw = RecoveryOutcomeDraw.Of(new RecoveryOutcomes([0.0], [0.3]) { Rest = Beta22 }, "Lessee", 0, null, regimes: false, what => new ArgumentException(what));
        Assert.Equal(0.0, draw.Quantile(0.3));
        Assert.Equal(0.0, draw.Quantile(0.1));
        Assert.Equal(0.5, draw.Quantile(0.65), 1e-12);
        Assert.Equal(0.7128593, draw.Quantile(0.86), 1e-7);
        Assert.Equal(0.2871407, draw.Quantile(0.44), 1e-7);
        Assert.InRange(draw.Quantile(Math.BitIncrement(0.3)), 0.0, 1e-6); // just above the jump: the beta's lowest prices
        Assert.Equal(1.0, draw.Quantile(1.0));
    }

    [Fact]
    public void An_outcome_inside_the_betas_range_is_a_jump_in_the_middle_of_it()
    {
        // 0% with 20%, 60% with 30% else Beta(2, 2) (w = 50%): F(0) = 0.2; F(0.6⁻) = 0.2 + 0.5 × I_0.6 = 0.2 + 0.5 × (3 ×
        // 0.36 − 2 × 0.216) = 0.2 + 0.5 × 0.648 = 0.524, F(0.6) = 0.824. u = 0.3 → I⁻¹((0.3 − 0.2) / 0.5) = I⁻¹(0.2) =
        // 0.2871407 (below 60%); u in (0.524, 0.824] → 60%; u = 0.9 → I⁻¹((0.9 − 0.5) / 0.5) = I⁻¹(0.8) = 0.7128593 (above
        // 60%): the quantile increases through the jump.
        var draw = RecoveryOutcomeDraw.Of(new RecoveryOutcomes([0.0, 0.6], [0.2, 0.3]) { Rest = Beta22 }, "Lessee", 0, null, regimes: false, what => new ArgumentException(what));
        Assert.Equal(0.0, draw.Quantile(0.2));
        Assert.Equal(0.2871407, draw.Quantile(0.3), 1e-7);
        Assert.Equal(0.6, draw.Quantile(0.524), 1e-9); // the beta's stretch ends at 60% exactly where the jump begins
        Assert.Equal(0.6, draw.Quantile(0.6));
        Assert.Equal(0.6, draw.Quantile(0.824));
        Assert.Equal(0.7128593, draw.Quantile(0.9), 1e-7);
        double previous = 0;
        for (int k = 1; k < 1000; k++)
        {
            double r = draw.Quantile(k / 1000.0);
            Assert.True(r >= previous, $"the quantile fell from {previous} to {r} at u = {k / 1000.0}");
            previous = r;
        }
    }

    [Theory]
    [InlineData(new[] { 0.0 }, new[] { 1.0 }, 0.5, 0.2)] // the outcomes leave the beta nothing (DL0588)
    [InlineData(new[] { 0.0, 0.5 }, new[] { 0.6, 0.5 }, 0.5, 0.2)] // more than 100%
    [InlineData(new[] { 0.0 }, new[] { 0.3 }, 0.5, 0.6)] // no beta of that mean and sd (DL0541)
    public void A_mixture_that_is_not_a_distribution_is_refused_with_a_message(double[] recoveries, double[] probabilities, double mean, double sd)
    {
        var e = Assert.Throws<ArgumentException>(() => Source(new RecoveryOutcomes(recoveries, probabilities) { Rest = new RecoveryBeta(mean, sd) }));
        Assert.Contains("party 'Lessee''s drawn recovery", e.Message, StringComparison.Ordinal);
    }
}
