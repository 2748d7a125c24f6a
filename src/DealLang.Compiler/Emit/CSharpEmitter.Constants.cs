using System.Collections.Immutable;
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
        WriteDates(w, "Boundaries", model.Boundaries);
        if (!model.RolledBoundaries.IsEmpty)
        {
            w.Line();
            w.Comment(model.AccrualBoundaries.IsEmpty
                ? "The dates as rolled, before the business days move the payments: the schedule's regular grid (a lease's regular periods, level stubs)."
                : "The dates as rolled, before the business days move the payments: interest accrues between them (unadjusted); the regular grid.");
            WriteDates(w, "RolledDates", model.RolledBoundaries);
        }

        w.Line();
        w.Comment("Year fraction of each period under " + DayCounts.Name(model.DayCount) + ".");
        w.Line("private static readonly double[] YearFractions = ComputeYearFractions();");

        foreach (var component in ctx.Components)
        {
            component.WriteConstants(w);
        }

        WriteLeaseEndSlots(ctx, w);

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

    private static void WriteDates(IndentedWriter w, string name, ImmutableArray<Date> dates)
    {
        w.Line("private static readonly Date[] " + name + " =");
        using (w.Block(closingSuffix: ";"))
        {
            for (int i = 0; i < dates.Length; i += DatesPerLine)
            {
                var line = dates.Skip(i).Take(DatesPerLine).Select(CSharpLiterals.Date);
                w.Line(string.Join(", ", line) + ",");
            }
        }
    }
}
