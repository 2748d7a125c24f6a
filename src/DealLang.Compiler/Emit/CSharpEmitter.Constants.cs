using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit;

// The class's constants: everything the loop needs that the deal fixes, computed once so that the loop itself
// allocates nothing and reads plain arrays and consts.
public static partial class CSharpEmitter
{
    private const int DatesPerLine = 4;

    private static void WriteConstants(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        w.Comment("Periods to the maturity, then " + CSharpLiterals.Int(model.Periods - model.ScheduledPeriods)
            + " workout period(s) after it, run only while an enforcement sale is pending.");
        w.Line("private const int ScheduledPeriods = " + CSharpLiterals.Int(model.ScheduledPeriods) + ";");
        w.Line();
        w.Line("private const int Periods = " + CSharpLiterals.Int(model.Periods) + ";");
        w.Line();
        w.Line("private const int PeriodsPerYear = " + CSharpLiterals.Int(ctx.PeriodsPerYear) + ";");
        w.Line();
        w.Line("private const int HistorySlots = " + CSharpLiterals.Int(ctx.HistorySlots.Count) + ";");
        w.Line();
        w.Line("private static readonly Date Closing = " + CSharpLiterals.Date(model.Closing) + ";");
        w.Line();
        w.Comment("Period t runs from Boundaries[t] (exclusive) to Boundaries[t + 1] (inclusive).");
        w.Line("private static readonly Date[] Boundaries =");
        using (w.Block(closingSuffix: ";"))
        {
            for (int i = 0; i < model.Boundaries.Length; i += DatesPerLine)
            {
                var line = model.Boundaries.Skip(i).Take(DatesPerLine).Select(CSharpLiterals.Date);
                w.Line(string.Join(", ", line) + ",");
            }
        }

        w.Line();
        w.Comment("Year fraction of each period under " + DayCounts.Name(model.DayCount) + ".");
        w.Line("private static readonly double[] YearFractions = ComputeYearFractions();");

        foreach (var fee in model.Fees)
        {
            if (fee.Escalator != 0)
            {
                w.Line();
                w.Comment(fee.Name + ": escalation factor per period (" + Percent(fee.Escalator) + " a year from closing).");
                w.Line("private static readonly double[] " + ctx.Fee(fee.Index, "escalation") + " = ComputeEscalation("
                    + CSharpLiterals.Double(fee.Escalator) + ");");
            }
        }

        foreach (var tranche in model.Tranches)
        {
            WriteTrancheConstants(ctx, w, tranche);
        }

        foreach (var test in ctx.TestsByIndex)
        {
            if (test.TrailingPeriods > 1)
            {
                w.Line();
                w.Comment(test.Name + ": periods in its trailing window.");
                w.Line("private const int " + ctx.Test(test.Index, "window") + " = " + CSharpLiterals.Int(test.TrailingPeriods) + ";");
            }
        }

        var dates = ctx.DateConstants.ToList();
        if (dates.Count > 0)
        {
            w.Line();
            w.Comment("Dates the deal's conditions compare with.");
            foreach (var date in dates)
            {
                w.Line("private static readonly Date " + ctx.DateConstant(date) + " = " + CSharpLiterals.Date(date) + ";");
            }
        }
    }

    private static void WriteTrancheConstants(EmitContext ctx, IndentedWriter w, TrancheModel tranche)
    {
        w.Line();
        int first = FirstPrincipalPeriod(ctx.Model, tranche);
        string interestOnly = tranche.InterestOnlyUntil is { } io ? " (interest only until " + io + ")" : "";
        w.Comment(tranche.Name + ": scheduled principal from period " + CSharpLiterals.Int(first) + interestOnly
            + ", all of it in period " + CSharpLiterals.Int(tranche.MaturityPeriod) + " (maturity " + tranche.Maturity + ").");
        w.Line("private const int " + ctx.Tranche(tranche.Index, "firstPrincipalPeriod") + " = " + CSharpLiterals.Int(first) + ";");
        w.Line("private const int " + ctx.Tranche(tranche.Index, "maturityPeriod") + " = " + CSharpLiterals.Int(tranche.MaturityPeriod) + ";");

        if (tranche.Amortization == AmortizationKind.Schedule)
        {
            // One amount per period; a short array from the IR means nothing scheduled in the remaining periods.
            var amounts = Enumerable.Range(0, ctx.Model.Periods)
                .Select(t => t < tranche.ScheduledPrincipal.Length ? tranche.ScheduledPrincipal[t] : 0.0);
            w.Comment(tranche.Name + ": scheduled principal per period.");
            w.Line("private static readonly double[] " + ctx.Tranche(tranche.Index, "schedule") + " =");
            using (w.Block(closingSuffix: ";"))
            {
                foreach (var chunk in amounts.Chunk(DatesPerLine))
                {
                    w.Line(string.Join(", ", chunk.Select(CSharpLiterals.Double)) + ",");
                }
            }
        }

        WriteLevelConstants(ctx, w, tranche);
    }

    /// <summary>The first period that ends after the interest-only date (0 without one).</summary>
    internal static int FirstPrincipalPeriod(DealModel model, TrancheModel tranche)
    {
        if (tranche.InterestOnlyUntil is not { } until)
        {
            return 0;
        }

        for (int t = 0; t < model.Periods; t++)
        {
            if (model.Boundaries[t + 1] > until)
            {
                return t;
            }
        }

        return model.Periods;
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
