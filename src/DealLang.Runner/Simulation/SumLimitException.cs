using System.Globalization;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>
/// A path's figure too large for the Monte Carlo run's exact sums (<see cref="LossStatistics"/>: 128-bit integers of
/// 1/1024 of the currency unit, whose squares hold a loss of about 1.3·10^16 currency units). A deal that checks clean
/// reaches it with an absurd balance (<c>balance 1000000000bn</c>) or an index that grows without limit (a GBM drift
/// of 1000% a year, whose unpaid interest compounds): the input's scale, not a DealLang bug, so the CLI reports it as
/// a usage error naming the figure, the path and the limit, where the sums' <see cref="OverflowException"/> was an
/// internal error.
/// </summary>
public sealed class SumLimitException : Exception
{
    /// <summary>The largest loss (in currency units) whose square the sums hold: √2¹²⁷ of 1/1024ths, about 1.3·10^16.</summary>
    public static readonly double LargestLoss = Math.Sqrt(Math.Pow(2, 127)) / LossStatistics.Unit;

    /// <summary>The largest loss on one path of an antithetic run: its pair sums (<see cref="PairSums"/>) square a
    /// pair's two paths added together, so each path may hold half <see cref="LargestLoss"/>, about 6.4·10^15.</summary>
    public static readonly double LargestPairedLoss = LargestLoss / 2;

    public SumLimitException()
    {
    }

    public SumLimitException(string message)
        : base(message)
    {
    }

    public SumLimitException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The error for <paramref name="deal"/>'s sums over all the paths, when each thread's held but together they
    /// do not (<paramref name="overflow"/>); <paramref name="paired"/>: an antithetic run's, whose limit is half.</summary>
    internal static SumLimitException ForSums(DealDescription deal, OverflowException overflow, bool paired = false) => new(
        $"deal {deal.Name}'s losses summed over the paths are beyond what the Monte Carlo sums hold exactly ({Limit(deal.Currency, paired)}); the deal's or the scenario's figures are out of scale: check its balances and the scenario's rates and index moves",
        overflow);

    /// <summary>The error for path <paramref name="path"/> of <paramref name="deal"/>, whose index <paramref name="index"/>'s
    /// level grew past a double's range, which the index's fan chart cannot count.</summary>
    internal static SumLimitException ForIndex(DealDescription deal, int index, int path) => new(
        $"index {deal.Indices[index].Name}'s level on path {path} is not a number: it grew past a double's range, beyond what the Monte Carlo fan of its levels counts; the scenario's figures are out of scale: check its rates and index moves");

    /// <summary>What the sums hold, said for the run: a plain run's limit on one path, or an antithetic run's, half of it
    /// (its pair sums add each path to its mirror before squaring).</summary>
    internal static string Limit(string currency, bool paired) => paired
        ? string.Create(CultureInfo.InvariantCulture, $"about {LargestPairedLoss:0.#e+0} {currency} on one path of an antithetic run, whose pair sums add each path to its mirror; less summed over many")
        : string.Create(CultureInfo.InvariantCulture, $"about {LargestLoss:0.#e+0} {currency} on one path, less summed over many");

    /// <summary>The error for path <paramref name="path"/> of <paramref name="figures"/>'s deal, whose figures overflowed
    /// the sums (<paramref name="overflow"/>): it names the first of the path's money figures that is not finite (an
    /// overflow past a double's range), else the largest of them, the likely culprit;
    /// <paramref name="entity"/>: the deal's name is said (a chain's entity); <paramref name="paired"/>: an antithetic
    /// run's, whose limit on one path is half a plain run's (<see cref="Limit"/>).</summary>
    internal static SumLimitException For(PathFigures figures, int path, OverflowException overflow, bool entity = false, bool paired = false)
    {
        DealDescription deal = figures.Deal;
        string currency = deal.Currency;
        var candidates = new List<(string What, double Amount)>();
        for (int i = 0; i < figures.Loss.Length; i++)
        {
            candidates.Add(($"tranche {deal.Tranches[i].Name}'s loss", figures.Loss[i]));
            candidates.Add(($"tranche {deal.Tranches[i].Name}'s unpaid interest", figures.UnpaidInterest[i]));
        }

        for (int g = 0; g < figures.GuaranteeCost.Length; g++)
        {
            candidates.Add(($"guarantee {deal.Guarantees[g].Name}'s amount paid", figures.GuaranteeCost[g]));
        }

        for (int c = 0; c < figures.LpClasses.Length; c++)
        {
            candidates.Add(($"{figures.LpClasses[c].Label(deal)}'s distributions", figures.LpDistributions[c]));
            candidates.Add(($"{figures.LpClasses[c].Label(deal)}'s loss", figures.LpLoss[c]));
        }

        for (int f = 0; f < figures.GpCarry.Length; f++)
        {
            candidates.Add(("a fund's carry", figures.GpCarry[f]));
            candidates.Add(("a fund's carry unpaid at the end", figures.CarryUnpaid[f]));
        }

        for (int u = 0; u < figures.Unpaid.Length; u++)
        {
            candidates.Add(($"{figures.UnpaidItems[u].Owner}'s {figures.UnpaidItems[u].Row}", figures.Unpaid[u]));
        }

        string limit = Limit(currency, paired);
        string where = entity ? $" (deal {deal.Name})" : "";
        if (candidates.FirstOrDefault(c => !double.IsFinite(c.Amount)) is { What: not null } overflowed)
        {
            // Past a double's range there is no amount to quote, nor a limit that would have held it: say what left the range.
            return new SumLimitException(
                $"{overflowed.What}{where} on path {path} is not a number: its amounts grew past a double's range, beyond what the Monte Carlo sums hold; the deal's or the scenario's figures are out of scale: check its balances and the scenario's rates and index moves",
                overflow);
        }

        (string What, double Amount) none = ("a figure", double.NaN);
        var (what, amount) = candidates.Where(c => double.IsFinite(c.Amount)).DefaultIfEmpty(none).MaxBy(c => Math.Abs(c.Amount));
        string figure = double.IsNaN(amount)
            ? $"a figure{where} on path {path}"
            : string.Create(CultureInfo.InvariantCulture, $"{what}{where} of {amount:0.#e+0} {currency} on path {path}");
        return new SumLimitException(
            $"{figure} is beyond what the Monte Carlo sums hold exactly ({limit}); the deal's or the scenario's figures are out of scale: check its balances and the scenario's rates and index moves",
            overflow);
    }
}
