using System.Collections.Immutable;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// What an amortising balance's terms become in the model, shared by tranches and loans (the one place where
/// amortisation is lowered): the period of its maturity and, for <c>amortize schedule</c>, one amount per period.
/// </summary>
internal static class AmortizationLowering
{
    /// <summary>The period whose end is on or after <paramref name="maturity"/>, within the scheduled periods.</summary>
    public static int MaturityPeriod(Lowerer lowerer, Date maturity) =>
        Math.Clamp(Schedule.PeriodIndexOf(lowerer.Boundaries, maturity), 0, Math.Max(0, lowerer.ScheduledPeriods - 1));

    /// <summary>Scheduled principal per period: each scheduled amount lands in the period containing its date (zeros
    /// for the other amortisations).</summary>
    public static ImmutableArray<double> ScheduledPrincipal(Lowerer lowerer, AmortizationSyntax? amortization)
    {
        int periods = lowerer.ScheduledPeriods;
        var scheduled = new double[periods];
        if (amortization is { Kind: AmortizationKind.Schedule })
        {
            foreach (SchedulePointSyntax point in SyntaxWalk.Safe(amortization.Schedule))
            {
                int period = point.Date is null ? -1 : Schedule.PeriodIndexOf(lowerer.Boundaries, point.Date.Value);
                if (period >= 0 && period < periods)
                {
                    scheduled[period] += lowerer.ConstantOf(point.Amount);
                }
            }
        }

        return [.. scheduled];
    }
}
