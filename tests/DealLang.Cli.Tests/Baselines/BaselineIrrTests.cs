using DealLang.TestSupport;
using System.Globalization;
using DealLang.Compiler;
using DealLang.Reference.Analytics;
using DealLang.Runner.Analytics;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using Xunit.Abstractions;

namespace DealLang.Cli.Tests.Baselines;

/// <summary>
/// Today's IRR solver against the one it replaced (<see cref="BrentIrr"/>, the oracle) on the flows of every
/// tranche and equity of every baseline deal (the examples and the valid corpus) under each of its scenarios, or
/// as written when it has none: the same flows have no rate for both, and the rates agree to 10⁻⁹ and print the
/// same to the summary's 0.01%.
/// </summary>
public sealed class BaselineIrrTests(ITestOutputHelper output)
{
    public static TheoryData<string> Deals => DealFiles.Runnable();

    [Theory]
    [MemberData(nameof(Deals))]
    public void Every_tranche_and_equity_rate_is_the_oracles(string file)
    {
        var compiled = DealCompiler.Compile(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file)); // absolute: a chain's imports are read beside it
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var inputs = new PathInputs(deal);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        var scenarios = compiled.Model!.Scenarios.IsEmpty ? [ScenarioSpec.AsWritten(deal)] : compiled.Model.Scenarios;
        int solved = 0;
        foreach (ScenarioSpec scenario in scenarios)
        {
            DealPaths.For(deal).Fill(scenario, inputs);
            result.Reset();
            host.Program.Run(inputs, result);
            int periods = result.PeriodsRun;
            var years = new double[periods + 1];
            for (int t = 0; t < periods; t++)
            {
                years[t + 1] = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Boundaries[t + 1]);
            }

            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                Compare($"{scenario.Name} {deal.Tranches[i].Name}", years, deal.Tranches[i].Balance, result.InterestPaid[i], result.PrincipalPaid[i]);
                solved++;
            }

            for (int e = 0; e < deal.Equities.Length; e++)
            {
                Compare($"{scenario.Name} {deal.Equities[e].Name}", years, deal.Equities[e].Contributed, result.Distributions[e], null);
                solved++;
            }
        }

        Assert.True(solved > 0);
    }

    /// <summary>
    /// Today's solver against 73815ec's (<see cref="NewtonIrr"/>, Newton on the NPV, which the log form replaced to
    /// halve the runner's cost per path) on the flows the summaries solve: each tranche's at its issue price with its
    /// draws, each equity's with its cures, of every baseline deal under each scenario. The rates agree to 10⁻¹² and
    /// print alike, so no summary baseline changed; the test output says how many are identical to the bit.
    /// </summary>
    [Theory]
    [MemberData(nameof(Deals))]
    public void Every_summary_rate_is_the_newton_solvers(string file)
    {
        var compiled = DealCompiler.Compile(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file)); // absolute: a chain's imports are read beside it
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var inputs = new PathInputs(deal);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        var scenarios = compiled.Model!.Scenarios.IsEmpty ? [ScenarioSpec.AsWritten(deal)] : compiled.Model.Scenarios;
        int solved = 0, identical = 0;
        double largest = 0;
        foreach (ScenarioSpec scenario in scenarios)
        {
            DealPaths.For(deal).Fill(scenario, inputs);
            host.Program.Run(inputs, result);
            int periods = result.PeriodsRun;
            var years = new double[periods + 1];
            var amounts = new double[periods + 1];
            for (int t = 0; t < periods; t++)
            {
                years[t + 1] = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Boundaries[t + 1]);
            }

            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                double price = deal.Tranches[i].IssuePrice;
                amounts[0] = -price * deal.Tranches[i].Balance;
                for (int t = 0; t < periods; t++)
                {
                    amounts[t + 1] = result.InterestPaid[i][t] + result.PrincipalPaid[i][t] - (price * result.TrancheDrawn[i][t]);
                }

                largest = Math.Max(largest, CompareWithNewton($"{scenario.Name} {deal.Tranches[i].Name}", years, amounts, ref identical));
                solved++;
            }

            for (int e = 0; e < deal.Equities.Length; e++)
            {
                amounts[0] = -deal.Equities[e].Contributed;
                for (int t = 0; t < periods; t++)
                {
                    amounts[t + 1] = result.Distributions[e][t] - result.Injections[e][t] + 0.0;
                }

                largest = Math.Max(largest, CompareWithNewton($"{scenario.Name} {deal.Equities[e].Name}", years, amounts, ref identical));
                solved++;
            }
        }

        output.WriteLine($"{identical} of {solved} rates identical to the bit, the others within {largest:E1}");
        Assert.True(solved > 0);
    }

    /// <summary>
    /// Today's solver against a9213fd's (<see cref="LogIrr"/>: the same log form, with a pass more for some flows and
    /// each pass a flow at a time), on the same flows as <see cref="Every_summary_rate_is_the_newton_solvers"/>, solved
    /// as the summaries solve them (times prepared once, <see cref="FlowTimes"/>) and directly: the rates agree to
    /// 10⁻¹⁴ (relative above 100%), so no summary or ledger baseline changed; the test output says how many are
    /// identical to the bit.
    /// </summary>
    [Theory]
    [MemberData(nameof(Deals))]
    public void Every_summary_rate_is_the_log_form_of_a9213fd(string file)
    {
        var compiled = DealCompiler.Compile(Path.Combine(RepoPaths.Root, file), DealFiles.Read(file)); // absolute: a chain's imports are read beside it
        Assert.True(compiled.Compiled is not null, string.Join('\n', compiled.Diagnostics));
        using var host = DealHost.Load(compiled.Compiled.Image, compiled.Compiled.TypeName);
        DealDescription deal = host.Program.Description;
        var inputs = new PathInputs(deal);
        var result = new RunResult(deal, host.Program.Layout, fullLedger: false);
        var scenarios = compiled.Model!.Scenarios.IsEmpty ? [ScenarioSpec.AsWritten(deal)] : compiled.Model.Scenarios;
        var years = new double[deal.Periods + 1];
        for (int t = 0; t < deal.Periods; t++)
        {
            years[t + 1] = DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Boundaries[t + 1]);
        }

        var prepared = new FlowTimes(years);
        int solved = 0, identical = 0;
        double largest = 0;
        foreach (ScenarioSpec scenario in scenarios)
        {
            DealPaths.For(deal).Fill(scenario, inputs);
            host.Program.Run(inputs, result);
            int periods = result.PeriodsRun;
            var amounts = new double[periods + 1];
            void Check(string what)
            {
                double expected = LogIrr.Solve(years.AsSpan(0, periods + 1), amounts);
                foreach (double actual in new[] { Irr.Solve(years.AsSpan(0, periods + 1), amounts), Irr.Solve(prepared, amounts) })
                {
                    Assert.True(double.IsNaN(expected) == double.IsNaN(actual), $"{what}: a9213fd {expected:R}, today {actual:R}");
                    double gap = double.IsNaN(expected) ? 0 : Math.Abs(expected - actual) / Math.Max(1.0, Math.Abs(expected));
                    Assert.True(gap <= 1e-14, $"{what}: a9213fd {expected:R}, today {actual:R}");
                    largest = Math.Max(largest, gap);
                    identical += expected.Equals(actual) ? 1 : 0;
                    solved++;
                }
            }

            for (int i = 0; i < deal.Tranches.Length; i++)
            {
                double price = deal.Tranches[i].IssuePrice;
                amounts[0] = -price * deal.Tranches[i].Balance;
                for (int t = 0; t < periods; t++)
                {
                    amounts[t + 1] = result.InterestPaid[i][t] + result.PrincipalPaid[i][t] - (price * result.TrancheDrawn[i][t]);
                }

                Check($"{scenario.Name} {deal.Tranches[i].Name}");
            }

            for (int e = 0; e < deal.Equities.Length; e++)
            {
                amounts[0] = -deal.Equities[e].Contributed;
                for (int t = 0; t < periods; t++)
                {
                    amounts[t + 1] = result.Distributions[e][t] - result.Injections[e][t] + 0.0;
                }

                Check($"{scenario.Name} {deal.Equities[e].Name}");
            }
        }

        output.WriteLine($"{identical} of {solved} solves identical to the bit, the others within {largest:E1}");
        Assert.True(solved > 0);
    }

    // The two rates' difference (0 when both are n/a); counts the rates that are the same bits.
    static double CompareWithNewton(string what, double[] years, double[] amounts, ref int identical)
    {
        double expected = NewtonIrr.Solve(years, amounts);
        double actual = Irr.Solve(years, amounts);
        Assert.True(double.IsNaN(expected) == double.IsNaN(actual), $"{what}: Newton {expected:R}, today {actual:R}");
        if (!double.IsNaN(expected))
        {
            Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{what}: Newton {expected:R}, today {actual:R}");
            Assert.True(Percent(expected) == Percent(actual), $"{what}: Newton {expected:R}, today {actual:R}");
        }

        identical += expected.Equals(actual) ? 1 : 0;
        return double.IsNaN(expected) ? 0 : Math.Abs(expected - actual);
    }

    static void Compare(string what, double[] years, double invested, double[] inflow, double[]? more)
    {
        var amounts = new double[years.Length];
        amounts[0] = -invested;
        for (int t = 1; t < years.Length; t++)
        {
            amounts[t] = inflow[t - 1] + (more is null ? 0.0 : more[t - 1]);
        }

        double expected = BrentIrr.Solve(years, amounts);
        double actual = Irr.Solve(years, amounts);
        Assert.True(double.IsNaN(expected) == double.IsNaN(actual), $"{what}: old {expected:R}, new {actual:R}");
        if (!double.IsNaN(expected))
        {
            Assert.True(Math.Abs(expected - actual) <= 1e-9, $"{what}: old {expected:R}, new {actual:R}");
            Assert.Equal(Percent(expected), Percent(actual));
        }
    }

    // As the summary prints a rate (ValueText.Percent): a value that rounds to zero loses its sign, so a 0% tranche the
    // oracle solves to −1e-17 and today's solver to +1e-17 prints "0.00" both ways, as in the report.
    static string Percent(double rate)
    {
        string text = (rate * 100).ToString("F2", CultureInfo.InvariantCulture);
        return text == "-0.00" ? "0.00" : text;
    }
}
