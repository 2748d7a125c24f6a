using System.Globalization;
using DealLang.Runtime;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// Whether two runs of one path agree: every figure a hand-written loop (<see cref="HyperionLoop"/>,
/// <see cref="CoreWeaveLoop"/>) writes, for every period run (collections; each tranche's interest, principal,
/// balance, shortfalls and draws; each equity's distributions, account's balance, test's value and trigger's flag;
/// each contract's revenue), and the run's events, losses, RVGs and remarketing proceeds, contracts' and fleets' end figures. Used by the benchmark's setup (which refuses to time loops that disagree) and by
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
            for (int i = 0; i < expected.InterestPaid.Length; i++)
            {
                Check($"tranche {i} interest paid[{t}]", expected.InterestPaid[i][t], actual.InterestPaid[i][t]);
                Check($"tranche {i} principal paid[{t}]", expected.PrincipalPaid[i][t], actual.PrincipalPaid[i][t]);
                Check($"tranche {i} balance[{t}]", expected.TrancheBalance[i][t], actual.TrancheBalance[i][t]);
                Check($"tranche {i} interest shortfall[{t}]", expected.InterestShortfall[i][t], actual.InterestShortfall[i][t]);
                Check($"tranche {i} principal shortfall[{t}]", expected.PrincipalShortfall[i][t], actual.PrincipalShortfall[i][t]);
                Check($"tranche {i} drawn[{t}]", expected.TrancheDrawn[i][t], actual.TrancheDrawn[i][t]);
            }

            for (int e = 0; e < expected.Distributions.Length; e++)
            {
                Check($"equity {e} distributed[{t}]", expected.Distributions[e][t], actual.Distributions[e][t]);
            }

            for (int a = 0; a < expected.AccountBalance.Length; a++)
            {
                Check($"account {a} balance[{t}]", expected.AccountBalance[a][t], actual.AccountBalance[a][t]);
            }

            for (int k = 0; k < expected.TestValues.Length; k++)
            {
                Check($"test {k}[{t}]", expected.TestValues[k][t], actual.TestValues[k][t]);
            }

            for (int k = 0; k < expected.TriggerActive.Length; k++)
            {
                Check($"trigger {k}[{t}]", expected.TriggerActive[k][t] ? 1 : 0, actual.TriggerActive[k][t] ? 1 : 0);
            }

            for (int c = 0; c < expected.ContractRevenue.Length; c++)
            {
                Check($"contract {c} revenue[{t}]", expected.ContractRevenue[c][t], actual.ContractRevenue[c][t]);
            }
        }

        Check("event of default period", expected.EventOfDefaultPeriod, actual.EventOfDefaultPeriod);
        Check("sale period", expected.SalePeriod, actual.SalePeriod);
        Check("sale proceeds", expected.SaleProceeds, actual.SaleProceeds);
        for (int l = 0; l < expected.RvgPaid.Length; l++)
        {
            Check($"lease {l} RVG paid", expected.RvgPaid[l], actual.RvgPaid[l]);
        }

        for (int l = 0; l < expected.RemarketingProceeds.Length; l++)
        {
            Check($"lease {l} remarketing proceeds", expected.RemarketingProceeds[l], actual.RemarketingProceeds[l]);
        }

        for (int i = 0; i < expected.PrincipalLoss.Length; i++)
        {
            Check($"tranche {i} principal loss", expected.PrincipalLoss[i], actual.PrincipalLoss[i]);
            Check($"tranche {i} unpaid interest", expected.UnpaidInterest[i], actual.UnpaidInterest[i]);
        }

        for (int c = 0; c < expected.ContractUnits.Length; c++)
        {
            Check($"contract {c} units at the end", expected.ContractUnits[c], actual.ContractUnits[c]);
            Check($"contract {c} stop period", expected.ContractStopPeriod[c], actual.ContractStopPeriod[c]);
        }

        for (int f = 0; f < expected.FleetUnits.Length; f++)
        {
            Check($"fleet {f} units at the end", expected.FleetUnits[f], actual.FleetUnits[f]);
            Check($"fleet {f} market value at maturity", expected.FleetMarketValue[f], actual.FleetMarketValue[f]);
            Check($"fleet {f} book value at maturity", expected.FleetBookValue[f], actual.FleetBookValue[f]);
            Check($"fleet {f} units sold", expected.FleetUnitsSold[f], actual.FleetUnitsSold[f]);
            Check($"fleet {f} sale proceeds", expected.FleetSaleProceeds[f], actual.FleetSaleProceeds[f]);
        }
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
