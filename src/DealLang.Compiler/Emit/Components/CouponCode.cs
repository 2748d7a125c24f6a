using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// The code of a coupon, shared by tranches (interest paid) and loans (interest received): the rate as an operand
/// and the line that resets a floating coupon at the period's start, with any step-ups, margin grid and margin by
/// what the balance funds, within its floor and cap (docs/language.md, tranche). The one place a coupon is written.
/// </summary>
internal static class CouponCode
{
    /// <summary>The annual coupon rate as a C# operand (a floating one is this period's, in its local).</summary>
    public static string Rate(CouponModel model, StateVar coupon) => model switch
    {
        FixedCoupon f => CSharpLiterals.DoubleOperand(f.Rate),
        FloatingCoupon => coupon.Name,
        var other => throw new InvalidOperationException("No emitter for the coupon " + other + "."),
    };

    /// <summary>The line that resets a floating coupon at the period's start (none for a fixed one), into
    /// <paramref name="coupon"/>; <paramref name="investmentGradeShare"/> is read only by a margin by what the balance
    /// funds.</summary>
    public static void WriteReset(EmitContext ctx, IndentedWriter w, string name, CouponModel model, StateVar coupon, StateVar investmentGradeShare)
    {
        switch (model)
        {
            case FixedCoupon:
                return;
            case FloatingCoupon f:
                // Set at the period's start: a collateral value it reads is the one at the period's start.
                string rate = ctx.AtPeriodStart(() => CSharpEmitter.Amount(ctx, f.Rate, asOperand: f.StepUps.Length > 0 || f.Grid is not null));
                foreach (var stepUp in f.StepUps)
                {
                    // A trigger's state is read before this period's tests: it is the one at the previous period's end.
                    string applies = stepUp.Trigger is { } trigger
                        ? ctx.Components.Of<TriggerComponent>().Read(Quantity.TriggerActive, trigger)!
                        : "t >= " + CSharpLiterals.Int(stepUp.FirstPeriod);
                    rate += " + (" + applies + " ? " + CSharpLiterals.DoubleOperand(stepUp.Rate) + " : 0.0)";
                }

                if (f.Grid is { } grid)
                {
                    // The test's value is read before this period's tests: the one at the previous period's end (none in
                    // the first period, and n/a fails every comparison: the 'else' margin).
                    string value = ctx.Components.Of<TestComponent>().Read(Quantity.TestValue, grid.Test)!;
                    string margin = CSharpLiterals.DoubleOperand(grid.Else);
                    foreach (var tier in grid.Tiers.Reverse())
                    {
                        margin = value + " < " + CSharpLiterals.DoubleOperand(tier.Below) + " ? " + CSharpLiterals.DoubleOperand(tier.Margin) + " : " + margin;
                    }

                    rate += " + (t == 0 ? " + CSharpLiterals.DoubleOperand(grid.Else) + " : " + margin + ")";
                }

                if (f.Classes is { } classes)
                {
                    // A margin by what the balance funds: each class's rate (the common part plus its margin) floored
                    // and capped on its own, the coupon their blend by the classes' shares of the opening balance.
                    w.Comment(name + ": the coupon, reset at the period's start, blended over what the balance funds: investment-grade contracts at "
                        + CSharpLiterals.Double(classes.InvestmentGrade) + ", the rest at " + CSharpLiterals.Double(classes.Else)
                        + (f.Floor is null && f.Cap is null ? "" : ", each within the floor and cap")
                        + (HasZeroFloor(f, Math.Min(classes.InvestmentGrade, classes.Else)) ? ", never below 0%" : ""));
                    w.Line(coupon + " = " + rate + ";");
                    string share = investmentGradeShare.Name;
                    w.Line(coupon + " = " + share + " * " + Clamped(f, coupon + " + " + CSharpLiterals.DoubleOperand(classes.InvestmentGrade), classes.InvestmentGrade, operand: true)
                        + " + (1.0 - " + share + ") * " + Clamped(f, coupon + " + " + CSharpLiterals.DoubleOperand(classes.Else), classes.Else, operand: true) + ";");
                    return;
                }

                w.Comment(name + ": the coupon, reset at the period's start" + (f.StepUps.Length == 0 ? "" : ", with its step-ups")
                    + (f.Grid is null ? "" : ", its margin grid") + (f.Floor is null && f.Cap is null ? "" : ", within its floor and cap")
                    + (HasZeroFloor(f, 0.0) ? ", never below 0%" : ""));
                w.Line(coupon + " = " + Clamped(f, rate, 0.0) + ";");
                return;
            default:
                throw new InvalidOperationException("No emitter for the coupon " + model + ".");
        }
    }

    /// <summary>The trigger states and test values a coupon's step-ups and margin grid read, so the component owning
    /// the coupon lists them among its expressions and they are declared.</summary>
    public static IEnumerable<BoundExpression?> Reads(CouponModel coupon) => coupon is FloatingCoupon f
        ? f.StepUps.Where(u => u.Trigger is not null)
            .Select(u => (BoundExpression?)new QuantityExpression(Quantity.TriggerActive, u.Trigger!.Value, Unit.Bool, IsFlow: false))
            .Concat(f.Grid is { } g ? [new QuantityExpression(Quantity.TestValue, g.Test, Unit.Ratio, IsFlow: false)] : [])
        : [];

    /// <summary>
    /// A rate within a floating coupon's floor and cap, and then at 0% or more (docs/language.md §5, tranche): no
    /// holder pays its issuer interest and no obligor is paid by its lender, the zero floor on the rate payable in
    /// notes and credit agreements alike, so a coupon whose index falls below zero (with no floor at or above 0%) is
    /// read at 0%, in the interest, in <c>debt_service</c> and in whatever reads the coupon. <paramref name="margin"/>: the
    /// class margin <paramref name="rate"/> adds to the coupon's own (0 without classes). <paramref name="operand"/>: the
    /// rate is a sum to be multiplied, so in parentheses when no floor, cap or zero floor wraps it in a call.
    /// </summary>
    private static string Clamped(FloatingCoupon f, string rate, double margin, bool operand = false)
    {
        if (f.Floor is null && f.Cap is null && !HasZeroFloor(f, margin))
        {
            return operand ? "(" + rate + ")" : rate;
        }

        if (f.Floor is { } floor)
        {
            rate = "Math.Max(" + rate + ", " + CSharpLiterals.Double(floor) + ")";
        }

        if (f.Cap is { } cap)
        {
            rate = "Math.Min(" + rate + ", " + CSharpLiterals.Double(cap) + ")";
        }

        return HasZeroFloor(f, margin) ? "Math.Max(0.0, " + rate + ")" : rate;
    }

    /// <summary>Whether the coupon (plus <paramref name="margin"/>) needs the zero floor: not when a floor of its own
    /// at 0% or above already keeps it there, nor when its rate can never reach 0% (<see cref="CouponLowerBound"/>:
    /// <c>max(SOFR, 0%) + 6.25%</c>); a cap, at 0% or more (DL0595), keeps a rate above 0% there.</summary>
    private static bool HasZeroFloor(FloatingCoupon f, double margin) =>
        f.Floor is not >= 0.0 && !(CouponLowerBound.Of(f) + margin > 0.0 && f.Cap is not <= 0.0);
}
