using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// An <c>amortize …</c> clause (bullet when absent) and an interest-only date as an <see cref="AmortizationModel"/>,
/// and a maturity as its period: shared by every kind that repays principal (tranches, which pay it, and loans,
/// which receive it), the one place amortisation is lowered. A schedule has one amount for every period, workout included (zeros where none falls): a
/// scheduled amount lands in the period containing its date; amounts outside the scheduled periods are dropped
/// (the checks warn of them). Each date of the schedule (an amount's, the maturity, the interest-only end) is placed as
/// it is paid (<see cref="Lowerer.PaidOn"/>): a quarter end that business days pay on the Friday before is that
/// quarter's, not the next one's, though it is after the Friday.
/// </summary>
internal static class AmortizationLowering
{
    /// <param name="balance">The original balance a loan's schedule of shares is of (<see cref="AmortizationSyntax.InShares"/>):
    /// each share is lowered to that amount; a schedule of amounts ignores it.</param>
    public static AmortizationModel Lower(AmortizationSyntax? syntax, Date? interestOnlyUntil, Lowerer lowerer, double balance = 0)
    {
        AmortizationModel strategy = (syntax?.Kind ?? AmortizationKind.Bullet) switch
        {
            AmortizationKind.Level => new LevelAmortization(),
            AmortizationKind.Linear => new LinearAmortization(),
            AmortizationKind.Schedule => new ScheduledAmortization(Scheduled(syntax!, lowerer, syntax!.InShares ? balance : 1)),
            _ => new BulletAmortization(),
        };
        return strategy with
        {
            InterestOnlyUntil = interestOnlyUntil,
            FirstPrincipalPeriod = FirstPrincipalPeriod(lowerer.Boundaries, interestOnlyUntil is { } until ? lowerer.PaidOn(until) : null),
        };
    }

    /// <summary>The period whose end is on or after <paramref name="maturity"/> as paid, within the scheduled periods.</summary>
    public static int MaturityPeriod(Lowerer lowerer, Date maturity) =>
        Math.Clamp(lowerer.PaymentPeriodOf(maturity), 0, Math.Max(0, lowerer.ScheduledPeriods - 1));

    private static ImmutableArray<double> Scheduled(AmortizationSyntax syntax, Lowerer lowerer, double scale)
    {
        int periods = lowerer.ScheduledPeriods;
        var scheduled = new double[lowerer.Boundaries.Length - 1];
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(syntax.Schedule))
        {
            int period = point.Date is null ? -1 : lowerer.PaymentPeriodOf(point.Date.Value);
            if (period >= 0 && period < periods)
            {
                scheduled[period] += lowerer.ConstantOf(point.Amount) * scale;
            }
        }

        return [.. scheduled];
    }

    /// <summary>The first period that ends after the interest-only date, as paid (0 without one; every period, workout
    /// included, when none does).</summary>
    internal static int FirstPrincipalPeriod(IReadOnlyList<Date> boundaries, Date? interestOnlyUntil)
    {
        int periods = boundaries.Count - 1;
        if (interestOnlyUntil is not { } until)
        {
            return 0;
        }

        for (int t = 0; t < periods; t++)
        {
            if (boundaries[t + 1] > until)
            {
                return t;
            }
        }

        return periods;
    }
}
