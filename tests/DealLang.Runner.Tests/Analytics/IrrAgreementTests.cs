using CsCheck;
using DealLang.Reference.Analytics;
using DealLang.Runner.Analytics;
using Xunit.Abstractions;

namespace DealLang.Runner.Tests.Analytics;

/// <summary>
/// Today's <see cref="Irr.Solve(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, which solves flows of one sign change
/// in the log form (ln of what comes back over what went in, both discounted, stepped to fourth order from moments),
/// against the solver of 73815ec it replaced (<see cref="NewtonIrr"/>: Newton on the NPV itself) over random flows of
/// every family in <see cref="FlowGen"/>: both say "no rate" for the same flows, and otherwise the rates agree to
/// <see cref="Tolerance"/> and print the same in the summary (to 0.01%). Both converge to the root of the same
/// discounted sum to its last bits; they differ only by where the last step lands (one or two units in the last place
/// of the rate, when at all). BaselineIrrTests holds them to each other on every baseline deal's flows. Both old
/// solvers look no higher than 1000%, where today's goes on to 10⁴: flows with a rate above 1000% are "no rate" to
/// them and a rate above 1000% (at most 10⁴) today, which <see cref="IrrOracleTests"/> checks against the Brent
/// oracle (its scan carried on to 10⁴) and against the yield the flows were priced at.
/// </summary>
public sealed class IrrAgreementTests(ITestOutputHelper output)
{
    /// <summary>Agreement required between today's solver and 73815ec's, on the annual rate.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Agreement required between today's solver and a9213fd's (<see cref="LogIrr"/>, the same method with
    /// its passes made cheaper), on the annual rate: relative, or absolute for rates within ±100%.</summary>
    public const double LogFormTolerance = 1e-14;

    const int Iterations = 4000;

    [Fact]
    public void Bonds_agree_with_the_newton_solver() => Agree(FlowGen.Bond);

    [Fact]
    public void Equity_like_flows_agree_with_the_newton_solver() => Agree(FlowGen.Equity);

    [Fact]
    public void Losses_agree_with_the_newton_solver() => Agree(FlowGen.Loss);

    [Fact]
    public void Yields_near_zero_agree_with_the_newton_solver() => Agree(FlowGen.NearZero);

    [Fact]
    public void Flows_changing_sign_several_times_agree_with_the_newton_solver() => Agree(FlowGen.MultipleSignChanges, Iterations / 4);

    [Fact]
    public void Flows_out_of_time_order_agree_with_the_newton_solver() => Agree(FlowGen.Shuffled);

    [Fact]
    public void Times_off_the_day_grid_agree_with_the_newton_solver() => Agree(FlowGen.OffGrid);

    [Fact]
    public void A_loan_repaid_once_is_solved_exactly_in_one_step()
    {
        // −100 at 0 and 110 at 1: ln(110 / 100) / (1 − 0) is the root of H itself (each group is one flow, so no
        // variance or skew), x = ln 1.1, the rate e^x − 1 = 10% to the last bits.
        Assert.Equal(0.1, Irr.Solve([0.0, 1.0], [-100.0, 110.0]), 1e-15);
    }

    [Fact]
    public void Bonds_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.Bond);

    [Fact]
    public void Equity_like_flows_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.Equity);

    [Fact]
    public void Losses_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.Loss);

    [Fact]
    public void Yields_near_zero_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.NearZero);

    [Fact]
    public void Flows_changing_sign_several_times_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.MultipleSignChanges, Iterations / 4);

    [Fact]
    public void Flows_out_of_time_order_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.Shuffled);

    [Fact]
    public void Times_off_the_day_grid_agree_with_the_log_form_of_a9213fd() => AgreeWithLogForm(FlowGen.OffGrid);

    // Today's solver against a9213fd's (LogIrr: the same log form, its moments one flow at a time, its discount factors
    // one chain, its first step the cubic's reversion): no rate for the same flows, and otherwise the rates equal to
    // LogFormTolerance relative (or absolute below a rate of 1, where a relative bound would ask a near-zero rate for
    // digits no solve of the flows has).
    void AgreeWithLogForm(Gen<Flows> flows, int iterations = Iterations)
    {
        double worst = 0, worstRelative = 0;
        int identical = 0, total = 0;
        flows.Sample(f =>
        {
            double expected = LogIrr.Solve(f.Years, f.Amounts);
            double actual = Irr.Solve(f.Years, f.Amounts);
            if (double.IsNaN(expected) || double.IsNaN(actual))
            {
                return double.IsNaN(expected) ? double.IsNaN(actual) || AboveTheOldRange(actual) : false;
            }

            double gap = Math.Abs(actual - expected) / Math.Max(1.0, Math.Abs(expected));
            lock (output)
            {
                worst = Math.Max(worst, gap);
                worstRelative = Math.Max(worstRelative, expected == 0 ? gap : Math.Abs(actual - expected) / Math.Abs(expected));
                identical += actual.Equals(expected) ? 1 : 0;
                total++;
            }

            return gap <= LogFormTolerance;
        }, iter: iterations, print: f => $"{f}\na9213fd {LogIrr.Solve(f.Years, f.Amounts):R}, today {Irr.Solve(f.Years, f.Amounts):R}");
        output.WriteLine($"largest difference {worst:E2} (relative above a rate of 1; relative throughout {worstRelative:E2}); {identical} of {total} rates identical to the bit");
    }

    void Agree(Gen<Flows> flows, int iterations = Iterations)
    {
        double worst = 0;
        int identical = 0, total = 0;
        flows.Sample(f =>
        {
            double expected = NewtonIrr.Solve(f.Years, f.Amounts);
            double actual = Irr.Solve(f.Years, f.Amounts);
            if (double.IsNaN(expected) || double.IsNaN(actual))
            {
                return double.IsNaN(expected) ? double.IsNaN(actual) || AboveTheOldRange(actual) : false;
            }

            double gap = Math.Abs(actual - expected);
            lock (output)
            {
                worst = Math.Max(worst, gap);
                identical += gap == 0 ? 1 : 0;
                total++;
            }

            // Printed alike, unless the rate is within the tolerance of a rounding boundary (a yield of exactly
            // 3.125%, as the generator's shrinking likes to draw), where any last bit tips the printed figure.
            bool onBoundary = Percent(expected - Tolerance) != Percent(expected + Tolerance);
            return gap <= Tolerance && (Percent(expected) == Percent(actual) || onBoundary);
        }, iter: iterations, print: f => $"{f}\nNewton {NewtonIrr.Solve(f.Years, f.Amounts):R}, today {Irr.Solve(f.Years, f.Amounts):R}");
        output.WriteLine($"largest difference {worst:E2}; {identical} of {total} rates identical to the bit");
    }

    // A rate the old solvers did not look for: above their 1000%, up to today's 10⁴.
    static bool AboveTheOldRange(double rate) => rate > Irr.UsualHighestRate && rate <= Irr.HighestRate;

    // As the summary prints a rate (to 0.01%, a zero's sign dropped).
    static string Percent(double rate) => DealLang.Runner.Reports.ValueText.Percent(rate);
}
