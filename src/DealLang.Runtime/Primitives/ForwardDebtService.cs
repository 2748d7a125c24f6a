using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// A tranche's debt service scheduled over the periods after this one (a forward test's window,
/// <c>test X = debt_service over next 12m</c>; docs/language.md §7): from the balance this period's schedule leaves,
/// each period <c>p</c> of the window owes interest <c>b × coupon × yf[p] × cashShare</c> and the principal its
/// amortisation asks (as the period loop works it out) times the share of the buildings completed that <c>p</c>
/// reads, if the tranche has a <c>completion</c> (<see cref="CompletionShares"/>), all of <c>b</c> from its maturity
/// period on, and <c>b</c> falls by that principal. The coupon is this period's (a floating one held at its current rate); no
/// arrears, draws, prepayments or acceleration are foreseen. Allocation-free: the loop calls it every period.
/// </summary>
public static class ForwardDebtService
{
    /// <summary>A bullet tranche: interest only, then the balance at its maturity period.</summary>
    public static double Bullet(
        double balance, double rate, double cashShare, double[] yearFractions, int t, int last, int maturityPeriod) =>
        Project(Strategy.Bullet, balance, rate, cashShare, yearFractions, t, last, maturityPeriod, maturityPeriod, default, null, null, null, null, null);

    /// <summary>A linear tranche: <c>b / (maturity − p + 1)</c> a period from its first principal period.</summary>
    public static double Linear(
        double balance, double rate, double cashShare, double[] yearFractions, int t, int last, int firstPrincipalPeriod, int maturityPeriod,
        CompletionShares completion = default) =>
        Project(Strategy.Linear, balance, rate, cashShare, yearFractions, t, last, firstPrincipalPeriod, maturityPeriod, completion, null, null, null, null, null);

    /// <summary>A schedule tranche: <c>min(b, schedule[p])</c> a period from its first principal period.</summary>
    public static double Schedule(
        double balance, double rate, double cashShare, double[] yearFractions, int t, int last, int firstPrincipalPeriod, int maturityPeriod,
        double[] schedule, CompletionShares completion = default) =>
        Project(Strategy.Schedule, balance, rate, cashShare, yearFractions, t, last, firstPrincipalPeriod, maturityPeriod, completion, schedule, null, null, null, null);

    /// <summary>A level tranche: the principal of its level payment (<see cref="Annuity.LevelPrincipal(double, double, double, double, double, int)"/>
    /// from the deal's precomputed sums) a period from its first principal period.</summary>
    public static double Level(
        double balance, double rate, double cashShare, double[] yearFractions, int t, int last, int firstPrincipalPeriod, int maturityPeriod,
        double[] levelRates, double[] levelWeights, (double[] Growth, double[] PaymentsAtMaturity) levelSums, CompletionShares completion = default) =>
        Project(Strategy.Level, balance, rate, cashShare, yearFractions, t, last, firstPrincipalPeriod, maturityPeriod,
            completion, null, levelRates, levelWeights, levelSums.Growth, levelSums.PaymentsAtMaturity);

    private enum Strategy
    {
        Bullet,
        Linear,
        Schedule,
        Level,
    }

    // The periods t+1 .. last, each on the balance the one before left; nothing once the balance is repaid. Before the
    // maturity the principal is the amortisation's times the completed share, as the period loop pays it.
    private static double Project(
        Strategy strategy, double balance, double rate, double cashShare, double[] yearFractions, int t, int last,
        int firstPrincipalPeriod, int maturityPeriod, CompletionShares completion, double[]? schedule, double[]? levelRates, double[]? levelWeights,
        double[]? growth, double[]? paymentsAtMaturity)
    {
        ArgumentNullException.ThrowIfNull(yearFractions);
        double b = Math.Max(0.0, balance);
        double sum = 0.0;
        for (int p = t + 1; p <= last && b > 0.0; p++)
        {
            double principal = p >= maturityPeriod ? b
                : p >= firstPrincipalPeriod ? Math.Min(b, Principal(strategy, b, p, maturityPeriod, schedule, levelRates, levelWeights, growth, paymentsAtMaturity) * completion.At(p))
                : 0.0;
            sum += (b * rate * yearFractions[p] * cashShare) + principal;
            b -= principal;
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Principal(
        Strategy strategy, double b, int p, int maturityPeriod, double[]? schedule, double[]? levelRates, double[]? levelWeights,
        double[]? growth, double[]? paymentsAtMaturity) => strategy switch
    {
        Strategy.Linear => Annuity.LinearPrincipal(b, maturityPeriod - p + 1),
        Strategy.Schedule => schedule![p],
        Strategy.Level => Annuity.LevelPrincipal(b, levelRates![p], levelWeights![p], growth![p], paymentsAtMaturity![p], maturityPeriod - p + 1),
        _ => 0.0,
    };
}
