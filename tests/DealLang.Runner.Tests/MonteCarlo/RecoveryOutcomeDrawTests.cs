using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;
using DealLang.Runner.Paths;
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
}
