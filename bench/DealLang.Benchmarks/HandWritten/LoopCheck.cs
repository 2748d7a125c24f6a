using System.Globalization;
using DealLang.Runtime;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// Whether two runs of one path agree: every figure <see cref="HyperionLoop"/> writes, for every period run, and
/// the run's events and losses. Used by the benchmark's setup (which refuses to time loops that disagree) and by
/// the unit test that holds the hand-written loop to the generated program's figures.
/// </summary>
public static class LoopCheck
{
    /// <summary>The differences between <paramref name="expected"/> (the generated program's) and
    /// <paramref name="actual"/>, at most <paramref name="limit"/> of them; empty when they agree. Amounts agree
    /// when they differ by at most <paramref name="relativeTolerance"/> of the larger (0: bit for bit); flags,
    /// periods and NaN (n/a) must match exactly.</summary>
    public static IReadOnlyList<string> Differences(RunResult expected, RunResult actual, double relativeTolerance, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var found = new List<string>();
        void Check(string what, double e, double a)
        {
            if (found.Count < limit && !Agree(e, a, relativeTolerance))
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: generated {e:R}, hand-written {a:R}"));
            }
        }

        if (expected.PeriodsRun != actual.PeriodsRun)
        {
            found.Add($"periods run: generated {expected.PeriodsRun}, hand-written {actual.PeriodsRun}");
            return found;
        }

        for (int t = 0; t < expected.PeriodsRun; t++)
        {
            Check($"collections[{t}]", expected.Collections[t], actual.Collections[t]);
            Check($"interest paid[{t}]", expected.InterestPaid[0][t], actual.InterestPaid[0][t]);
            Check($"principal paid[{t}]", expected.PrincipalPaid[0][t], actual.PrincipalPaid[0][t]);
            Check($"notes balance[{t}]", expected.TrancheBalance[0][t], actual.TrancheBalance[0][t]);
            Check($"interest shortfall[{t}]", expected.InterestShortfall[0][t], actual.InterestShortfall[0][t]);
            Check($"principal shortfall[{t}]", expected.PrincipalShortfall[0][t], actual.PrincipalShortfall[0][t]);
            Check($"distributed[{t}]", expected.Distributions[0][t], actual.Distributions[0][t]);
            for (int a = 0; a < expected.AccountBalance.Length; a++)
            {
                Check($"account {a} balance[{t}]", expected.AccountBalance[a][t], actual.AccountBalance[a][t]);
            }

            Check($"DSCR[{t}]", expected.TestValues[0][t], actual.TestValues[0][t]);
            for (int k = 0; k < expected.TriggerActive.Length; k++)
            {
                Check($"trigger {k}[{t}]", expected.TriggerActive[k][t] ? 1 : 0, actual.TriggerActive[k][t] ? 1 : 0);
            }
        }

        Check("event of default period", expected.EventOfDefaultPeriod, actual.EventOfDefaultPeriod);
        Check("sale period", expected.SalePeriod, actual.SalePeriod);
        Check("sale proceeds", expected.SaleProceeds, actual.SaleProceeds);
        Check("RVG paid", expected.RvgPaid[0], actual.RvgPaid[0]);
        Check("principal loss", expected.PrincipalLoss[0], actual.PrincipalLoss[0]);
        Check("unpaid interest", expected.UnpaidInterest[0], actual.UnpaidInterest[0]);
        return found;
    }

    static bool Agree(double e, double a, double relativeTolerance)
    {
        if (double.IsNaN(e) || double.IsNaN(a))
        {
            return double.IsNaN(e) && double.IsNaN(a);
        }

        if (relativeTolerance == 0)
        {
            return BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a) || e == a;
        }

        return Math.Abs(e - a) <= relativeTolerance * Math.Max(Math.Abs(e), Math.Abs(a));
    }
}
