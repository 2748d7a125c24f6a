using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit;

// Level amortisation: the unequal-period annuity of docs/language.md (tranche), fed from static arrays that the
// runtime computes once per deal, so the loop only slices them (no allocation, no day counts in the loop).
public static partial class CSharpEmitter
{
    private const string LevelWeights = "LevelWeights";

    /// <summary>The class-level arrays a <c>level</c> tranche reads: its period rates, and (once per deal) the periods' weights.</summary>
    private static void WriteLevelConstants(EmitContext ctx, IndentedWriter w, TrancheModel tranche)
    {
        if (tranche.Amortization != AmortizationKind.Level)
        {
            return;
        }

        if (ctx.Model.Tranches.First(t => t.Amortization == AmortizationKind.Level).Index == tranche.Index)
        {
            w.Comment("Each period's share of a regular period's level payment: 1, or a stub's year fraction over a full period's.");
            w.Line("private static readonly double[] " + LevelWeights + " = Annuity.PeriodWeights(DayCount." + ctx.Model.DayCount
                + ", 12 / PeriodsPerYear, Boundaries);");
        }

        string rates = ctx.Tranche(tranche.Index, "levelRates");
        w.Comment(tranche.Name + ": coupon × each period's year fraction, the rates of its level payment.");
        w.Line("private static readonly double[] " + rates + " = Annuity.PeriodRates("
            + CSharpLiterals.Double(tranche.Coupon) + ", YearFractions);");
        w.Comment(tranche.Name + ": the annuity's sums from each period to the maturity, so the loop's payment is O(1).");
        w.Line("private static readonly (double[] Growth, double[] PaymentsAtMaturity) " + ctx.Tranche(tranche.Index, "levelSums")
            + " = Annuity.LevelSums(" + rates + ", " + LevelWeights + ", " + CSharpLiterals.Int(tranche.MaturityPeriod) + ");");
    }

    /// <summary>This period's level principal on <paramref name="outstanding"/>, over the periods left to the tranche's maturity.</summary>
    private static string LevelPrincipal(EmitContext ctx, TrancheModel tranche, string outstanding)
    {
        string remaining = ctx.Tranche(tranche.Index, "maturityPeriod") + " - t + 1";
        string sums = ctx.Tranche(tranche.Index, "levelSums");
        return "Annuity.LevelPrincipal(" + outstanding + ", " + ctx.Tranche(tranche.Index, "levelRates") + "[t], " + LevelWeights + "[t], "
            + sums + ".Growth[t], " + sums + ".PaymentsAtMaturity[t], " + remaining + ")";
    }
}
