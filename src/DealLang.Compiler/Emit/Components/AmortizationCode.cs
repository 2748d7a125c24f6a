using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>The terms of an amortising balance, as a tranche and a loan both state them. <see cref="LevelRate"/> is
/// the fixed rate a level payment is computed at (null when the coupon is not fixed: no level payment then).</summary>
internal sealed record AmortizationTerms(
    string Name,
    double? LevelRate,
    AmortizationModel Amortization,
    Date Maturity,
    int MaturityPeriod);

/// <summary>The static handles an amortising entity's principal is computed from (its state class declares them).</summary>
internal interface IAmortizingState
{
    AmortizationTerms Terms { get; }

    StateVar FirstPrincipalPeriod { get; }

    StateVar MaturityPeriod { get; }

    /// <summary>A <c>schedule</c> balance's principal per period.</summary>
    StateVar Schedule { get; }

    /// <summary>A <c>level</c> balance's period rates (coupon × year fraction).</summary>
    StateVar LevelRates { get; }

    /// <summary>A <c>level</c> balance's annuity sums from each period to the maturity.</summary>
    StateVar LevelSums { get; }
}

/// <summary>
/// The code of scheduled principal, shared by tranches (paid) and loans (received): the constants (first principal
/// period, maturity period, a schedule's amounts, a level payment's rates and annuity sums) and the loop's line
/// that works out this period's principal, through the runtime's <c>Annuity</c> functions (docs/language.md,
/// tranche). The one place amortisation is written, so a new amortisation is added once.
/// </summary>
internal static class AmortizationCode
{
    private const int NumbersPerLine = 4;

    /// <summary>A per-period array of the generated C#, <c>private static readonly double[] name = { … };</c>, four
    /// numbers a line (a schedule's amounts, a loan's accrual fractions, a delayed draw's draws).</summary>
    internal static void WriteDoubles(IndentedWriter w, string name, IEnumerable<double> values)
    {
        w.Line("private static readonly double[] " + name + " =");
        using (w.Block(closingSuffix: ";"))
        {
            foreach (var chunk in values.Chunk(NumbersPerLine))
            {
                w.Line(string.Join(", ", chunk.Select(CSharpLiterals.Double)) + ",");
            }
        }
    }

    /// <summary>
    /// What an amortising balance is scheduled to pay over a forward test's window (C#): the runtime's
    /// <c>ForwardDebtService</c> for its amortisation, from <paramref name="balance"/> at <paramref name="rate"/> held flat,
    /// each period's interest on the balance that period opens with × <paramref name="accrual"/>[p] (the deal's year
    /// fractions, or a loan's accrual fractions when it pays more often than the deal) × <paramref name="cashShare"/>, and
    /// its principal as the period loop works it out (times a <c>completion</c>'s shares, <paramref name="completion"/>,
    /// when given). A tranche's forward debt service and a loan's forward receipts alike (docs/language.md §7).
    /// </summary>
    internal static string ForwardSchedule(
        IAmortizingState state, string balance, string rate, string cashShare, string accrual, string lastArray, string? completion)
    {
        string common = balance + ", " + rate + ", " + cashShare + ", " + accrual + ", t, " + lastArray + "[t], ";
        string shares = completion is null ? "" : ", " + completion;
        return state.Terms.Amortization switch
        {
            BulletAmortization => "ForwardDebtService.Bullet(" + common + state.MaturityPeriod + ")",
            LinearAmortization => "ForwardDebtService.Linear(" + common + state.FirstPrincipalPeriod + ", " + state.MaturityPeriod + shares + ")",
            ScheduledAmortization or InstalmentAmortization => "ForwardDebtService.Schedule(" + common + state.FirstPrincipalPeriod + ", " + state.MaturityPeriod + ", "
                + state.Schedule + shares + ")",
            LevelAmortization => "ForwardDebtService.Level(" + common + state.FirstPrincipalPeriod + ", " + state.MaturityPeriod + ", "
                + state.LevelRates + ", " + LevelWeights + ", " + state.LevelSums + shares + ")",
            var other => throw new InvalidOperationException("No forward projection for the amortisation " + other.Name + "."),
        };
    }

    /// <summary>The periods' weights in a level payment, one array per deal, declared with the first level entity in
    /// component order (static initialisers run in text order, and every level entity's sums read it).</summary>
    public const string LevelWeights = "LevelWeights";

    /// <summary>The entity's constants; <paramref name="declaresWeights"/> for the first level entity of the deal.</summary>
    public static void WriteConstants(IndentedWriter w, DealModel model, IAmortizingState state, bool declaresWeights)
    {
        AmortizationTerms terms = state.Terms;
        w.Line();
        int first = terms.Amortization.FirstPrincipalPeriod;
        string interestOnly = terms.Amortization.InterestOnlyUntil is { } io ? " (interest only until " + io + ")" : "";
        w.Comment(terms.Name + ": scheduled principal from period " + CSharpLiterals.Int(first) + interestOnly
            + ", all of it in period " + CSharpLiterals.Int(terms.MaturityPeriod) + " (maturity " + terms.Maturity + ").");
        w.Line("private const int " + state.FirstPrincipalPeriod + " = " + CSharpLiterals.Int(first) + ";");
        w.Line("private const int " + state.MaturityPeriod + " = " + CSharpLiterals.Int(terms.MaturityPeriod) + ";");

        ImmutableArray<double> amounts = terms.Amortization switch
        {
            ScheduledAmortization schedule => schedule.Amounts,
            InstalmentAmortization instalments => instalments.Amounts,
            _ => default,
        };
        if (!amounts.IsDefault)
        {
            // One amount per period, as lowered (a loan's instalments at its own frequency in the periods they fall in).
            w.Comment(terms.Name + ": scheduled principal per period" + (terms.Amortization is InstalmentAmortization every
                && !every.Dates.IsEmpty
                ? " (" + CSharpLiterals.Int(every.Dates.Length) + " " + every.Name + " instalments, " + every.Dates[0] + " to " + every.Dates[^1] + ")." : "."));
            WriteDoubles(w, state.Schedule.Name, amounts);
        }

        if (terms.Amortization is not LevelAmortization)
        {
            return;
        }

        double rate = terms.LevelRate
            ?? throw new InvalidOperationException("A level payment needs a fixed coupon (" + terms.Name + ").");

        // Level amortisation: the unequal-period annuity of docs/language.md (tranche), fed from static arrays that
        // the runtime computes once per deal, so the loop only slices them (no allocation, no day counts in the loop).
        if (declaresWeights)
        {
            // A stub is one of the schedule's, read off the dates as rolled: a payment moved to a business day (a
            // quarter end paid on Friday the 30th) does not make its period a day short of a regular one.
            w.Comment("Each period's share of a regular period's level payment: 1, or a stub's year fraction over a full period's.");
            w.Line("private static readonly double[] " + LevelWeights + " = Annuity.PeriodWeights(DayCount." + model.DayCount
                + ", 12 / PeriodsPerYear, " + (model.RolledBoundaries.IsEmpty ? "Boundaries" : "RolledDates") + ");");
        }

        w.Comment(terms.Name + ": coupon × each period's year fraction, the rates of its level payment.");
        w.Line("private static readonly double[] " + state.LevelRates + " = Annuity.PeriodRates("
            + CSharpLiterals.Double(rate) + ", YearFractions);");
        w.Comment(terms.Name + ": the annuity's sums from each period to the maturity, so the loop's payment is O(1).");
        w.Line("private static readonly " + state.LevelSums.Type + " " + state.LevelSums
            + " = Annuity.LevelSums(" + state.LevelRates + ", " + LevelWeights + ", " + CSharpLiterals.Int(terms.MaturityPeriod) + ");");
    }

    /// <summary>
    /// <paramref name="target"/> = this period's scheduled principal on <paramref name="outstanding"/>: the whole of it
    /// from the maturity period on (the workout after it included), the amortisation's amount (at most the
    /// outstanding) from the first principal period, else nothing.
    /// </summary>
    public static void WriteScheduledPrincipal(IndentedWriter w, IAmortizingState state, StateVar target, string outstanding, string comment)
    {
        string? scheduled = Principal(state, outstanding);
        w.Comment(comment);
        using (w.Block("if (t >= " + state.MaturityPeriod + ")"))
        {
            w.Line(target + " = " + outstanding + ";");
        }

        if (scheduled is not null)
        {
            using (w.Block("else if (t >= " + state.FirstPrincipalPeriod + ")"))
            {
                w.Line(target + " = Math.Min(" + outstanding + ", " + scheduled + ");");
            }
        }

        using (w.Block("else"))
        {
            w.Line(target + " = 0.0;");
        }
    }

    /// <summary>The scheduled principal of period <paramref name="period"/> (a C# int expression) on
    /// <paramref name="outstanding"/>, as one expression: the rule <see cref="WriteScheduledPrincipal"/> writes as
    /// statements, for a loop over the periods after this one (a loan's price at a yield, docs/language.md §9).</summary>
    public static string ScheduledPrincipalAt(IAmortizingState state, string outstanding, string period)
    {
        string? scheduled = Principal(state, outstanding, period);
        return period + " >= " + state.MaturityPeriod + " ? " + outstanding
            + (scheduled is null ? "" : " : " + period + " >= " + state.FirstPrincipalPeriod + " ? Math.Min(" + outstanding + ", " + scheduled + ")")
            + " : 0.0";
    }

    /// <summary>The principal of period <paramref name="period"/> under the amortisation (null for bullet: nothing
    /// before the maturity).</summary>
    private static string? Principal(IAmortizingState state, string outstanding, string period = "t")
    {
        string t = period;
        string remaining = state.MaturityPeriod + " - " + t + " + 1";
        string sums = state.LevelSums.Name;
        return state.Terms.Amortization switch
        {
            LevelAmortization => "Annuity.LevelPrincipal(" + outstanding + ", " + state.LevelRates + "[" + t + "], " + LevelWeights + "[" + t + "], "
                + sums + ".Growth[" + t + "], " + sums + ".PaymentsAtMaturity[" + t + "], " + remaining + ")",
            LinearAmortization => "Annuity.LinearPrincipal(" + outstanding + ", " + remaining + ")",
            ScheduledAmortization or InstalmentAmortization => state.Schedule + "[" + t + "]",
            BulletAmortization => null,
            _ => throw new InvalidOperationException("No emitter for the amortisation " + state.Terms.Amortization.Name + "."),
        };
    }

    /// <summary>Whether <paramref name="state"/> is the deal's first level-amortising entity in component order (the
    /// one that declares <see cref="LevelWeights"/>).</summary>
    public static bool DeclaresLevelWeights(EmitContext ctx, IAmortizingState state) =>
        ReferenceEquals(ctx.Components.SelectMany(c => c.Entities).OfType<IAmortizingState>()
            .FirstOrDefault(s => s.Terms.Amortization is LevelAmortization), state);
}
