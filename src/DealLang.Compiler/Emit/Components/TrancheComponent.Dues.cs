using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit.Components;

// What a tranche owes each period, written at step 2a before the waterfall: its coupon, a delayed draw's commitment fee
// and draw (and the draw's constants), PIK interest capitalised, and the principal its schedule, completion, target
// balance, calls and acceleration ask. Apart from the pay steps and the period's end, which settle what is worked out here.
internal sealed partial class TrancheComponent
{
    // ------------------------------------------------------------------ the strategies, each switched on here only

    /// <summary>The annual coupon rate as a C# operand (a floating one is this period's, in its local).</summary>
    private static string Rate(TrancheState tranche) => CouponCode.Rate(tranche.Model.Coupon, tranche.Coupon);

    /// <summary>The line that resets a floating coupon at the period's start (none for a fixed one).</summary>
    private void WriteCouponReset(IndentedWriter w, TrancheState tranche) =>
        CouponCode.WriteReset(Ctx, w, tranche.Name, tranche.Model.Coupon, tranche.Coupon, tranche.InvestmentGradeShare);

    /// <summary>A delayed draw's constants: its draw per period and the last period of its availability.</summary>
    private static void WriteDrawConstants(IndentedWriter w, TrancheState tranche)
    {
        switch (tranche.Model.Draw)
        {
            case FundedAtClosing:
                return;
            case DelayedDraw d:
                w.Comment(tranche.Name + ": drawn at the end of each period (commitment " + CSharpLiterals.Double(d.Commitment)
                    + "), available until the end of period " + CSharpLiterals.Int(d.AvailableUntilPeriod) + ".");
                w.Line("private const int " + tranche.AvailableUntilPeriod + " = " + CSharpLiterals.Int(d.AvailableUntilPeriod) + ";");
                AmortizationCode.WriteDoubles(w, tranche.Draws.Name, d.Draws);

                if (!d.InvestmentGradeDraws.IsDefaultOrEmpty)
                {
                    w.Comment(tranche.Name + ": the part of each period's draw that funds investment-grade contracts.");
                    AmortizationCode.WriteDoubles(w, tranche.InvestmentGradeDraws.Name, d.InvestmentGradeDraws);
                }

                return;
            default:
                throw new InvalidOperationException("No emitter for the draw " + tranche.Model.Draw + ".");
        }
    }

    /// <summary>A delayed draw's commitment fee due on the opening undrawn amount, and this period's draw (funded at
    /// the period's end, <see cref="WritePeriodEnd"/>).</summary>
    private static void WriteDrawDues(IndentedWriter w, TrancheState tranche)
    {
        switch (tranche.Model.Draw)
        {
            case FundedAtClosing:
                return;
            case DelayedDraw d:
                w.Comment(tranche.Name + ": the commitment fee on the undrawn amount, plus fees unpaid so far; this period's draw, within what is undrawn");
                w.Line(tranche.CommitmentFeeDue + " = " + tranche.Undrawn + " * " + CSharpLiterals.DoubleOperand(d.FeeRate) + " * yf + " + tranche.CommitmentFeeUnpaid + ";");
                w.Line(tranche.Drawn + " = Math.Min(" + tranche.Draws + "[t], " + tranche.Undrawn + ");");
                return;
            default:
                throw new InvalidOperationException("No emitter for the draw " + tranche.Model.Draw + ".");
        }
    }

    /// <summary>The lines that capitalise this period's PIK interest into the balance (none for cash interest).</summary>
    private void WriteCapitalisation(IndentedWriter w, TrancheState tranche)
    {
        switch (tranche.Model.Capitalisation)
        {
            case CashInterest:
                return;
            case UnpaidCapitalises:
                w.Line(tranche.Capitalised + " = 0.0; // what goes unpaid capitalises at the period's end");
                return;
            case PaidInKind pik:
                string share = CSharpLiterals.DoubleOperand(pik.Share);
                string amount = pik.When is null
                    ? tranche.ScheduledInterest + " * " + share
                    : "(" + Ctx.AtPeriodStart(() => CSharpEmitter.Expression(Ctx, pik.When, null)) + " ? " + tranche.ScheduledInterest + " * " + share + " : 0.0)";
                w.Comment(tranche.Name + ": interest paid in kind is added to the balance (and earns the coupon from now on); the rest is due in cash");
                w.Line(tranche.Capitalised + " = " + amount + ";");
                w.Line(tranche.Balance + " += " + tranche.Capitalised + ";");
                w.Line(tranche.ScheduledInterest + " -= " + tranche.Capitalised + ";");
                if (tranche.Guarantee is not null)
                {
                    w.Line(tranche.GuaranteePrincipal + " += " + tranche.Capitalised + " * " + tranche.GuarantorShare + "; // the guarantor's part of it joins its principal");
                }

                return;
            default:
                throw new InvalidOperationException("No emitter for the interest settlement " + tranche.Model.Capitalisation + ".");
        }
    }

    // 2a. What each tranche owes this period: it depends only on its own state, so it comes first, where the
    // RVG (step 1) can read the balance the schedule leaves (T.scheduled_balance).
    public override void WriteDues(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            WriteDue(w, tranche);
        }
    }

    private void WriteDue(IndentedWriter w, TrancheState tranche)
    {
        var model = tranche.Model;
        string balance = tranche.Balance.Name;
        string unpaidPrincipal = tranche.ArrearsOfSchedule;
        string coupon = Rate(tranche);

        WriteCouponReset(w, tranche);
        w.Comment(model.Name + ": interest on the opening balance, plus interest unpaid so far (which earns none)");
        w.Line(tranche.ScheduledInterest + " = " + balance + " * " + coupon + " * yf;");
        if (tranche.Guarantee is not null)
        {
            // The holders and the guarantor share the issuer's interest by their parts of the balance (its subrogation).
            w.Line(tranche.GuarantorShare + " = " + balance + " > 0.0 ? Math.Min(1.0, " + tranche.GuaranteePrincipal + " / " + balance + ") : 0.0;");
        }

        WriteCapitalisation(w, tranche);
        w.Line(tranche.InterestDue + " = " + tranche.ScheduledInterest + " + " + tranche.UnpaidInterest + ";");
        if (tranche.Guarantee is not null)
        {
            w.Comment(model.Name + ": the guarantor's part of the interest due: the coupon on its subrogated principal, plus its interest arrears");
            w.Line(tranche.GuarantorAccrued + " = " + tranche.ScheduledInterest + " * " + tranche.GuarantorShare + ";");
            w.Line(tranche.GuarantorInterestDue + " = " + tranche.GuarantorAccrued + " + " + tranche.GuaranteeCovered + ";");
        }

        WriteConversion(w, tranche);

        // A partial hard call's share is due on its own (below): the schedule runs on the rest.
        AmortizationCode.WriteScheduledPrincipal(w, tranche, tranche.ScheduledPrincipal,
            balance + " - " + unpaidPrincipal + (model.Callable ? " - " + tranche.CalledDue : ""),
            model.Name + ": " + model.Amortization.Name
            + " principal, plus principal unpaid so far; the whole balance at maturity (and in the workout after it)");
        if (model.Completion is { } completion)
        {
            // Before the maturity only the completed buildings amortise: the schedule × the completed share, held
            // within [0, 1] (n/a counts as nothing completed). At and after the maturity the whole balance is due.
            w.Comment(model.Name + ": only the share of the buildings completed amortises before the maturity");
            w.Line(tranche.CompletedShare + " = CompletedShare.Of(" + CSharpEmitter.Expression(Ctx, completion, null) + ");");
            using (w.Block("if (t < " + tranche.MaturityPeriod + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " *= " + tranche.CompletedShare + ";");
            }
        }

        if (model.TargetBalance is { } target)
        {
            // A borrowing base: the balance above the target is due now (a mandatory prepayment). A target that is
            // n/a (a ratio over zero) asks for nothing.
            w.Comment(model.Name + ": the balance above the target balance is due as principal (a mandatory prepayment)");
            w.Line(tranche.Target + " = " + CSharpEmitter.Expression(Ctx, target, null) + ";");
            using (w.Block("if (" + balance + " - " + unpaidPrincipal + " - " + tranche.Target + " > " + tranche.ScheduledPrincipal + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " = " + balance + " - " + unpaidPrincipal + " - " + tranche.Target + ";");
            }
        }

        if (model.Callable)
        {
            // Put or called for cash: the whole balance is due in cash, in that period and (as arrears) every period after;
            // a partial hard call's share is due with the schedule of the rest.
            using (w.Block("if (" + tranche.Redeemed + ")"))
            {
                w.Line(tranche.ScheduledPrincipal + " = " + balance + " - " + unpaidPrincipal + ";");
            }

            using (w.Block("else"))
            {
                w.Line(tranche.ScheduledPrincipal + " += " + tranche.CalledDue + ";");
            }
        }

        // What the schedule asks with its arrears: the principal due, unless a trigger has accelerated the tranche.
        string scheduleDue = "Math.Min(" + balance + ", " + tranche.ScheduledPrincipal + " + " + unpaidPrincipal + ")";
        if (Ctx.Components.Of<TriggerComponent>().AcceleratedCondition(tranche.Index) is { } accelerated)
        {
            // Accelerated, the whole balance is due; the schedule's own due is kept apart so that its arrears, not the
            // accelerated shortfall, are what the next periods' schedule (and debt service) deducts.
            w.Line(tranche.ScheduleDue + " = " + scheduleDue + ";");
            w.Line(tranche.PrincipalDue + " = (" + accelerated + ") ? " + balance + " : " + tranche.ScheduleDue + ";");
        }
        else
        {
            w.Line(tranche.PrincipalDue + " = " + scheduleDue + ";");
        }

        // What the schedule leaves at the period's end: the balance as the period's start left it, not the opening one. A
        // conversion (or a redemption's write-down) at the start takes principal off that no payment will, and interest paid
        // in kind adds principal the schedule may ask for: from the opening balance, a reserve targeting it kept converted
        // notes' principal for a period more, and a PIK tranche's maturity read below zero (a release above the balance).
        if (tranche.ScheduledBalance.Declared)
        {
            w.Line(tranche.ScheduledBalance + " = " + balance + " - " + tranche.ScheduledPrincipal + ";");
        }

        WriteDrawDues(w, tranche);
        if (tranche.Guarantee is { } guarantee)
        {
            w.Comment(model.Name + ": the guarantee fee on the opening balance the holders hold while the guarantee runs, plus fees unpaid so far");
            w.Line(tranche.GuaranteeFeeDue + " = (" + GuarantorCode.Pays(Ctx, guarantee.Info, "t", "periodEnd") + " ? " + HoldersBalance(tranche, tranche.StartBalance.Name) + " * "
                + CSharpLiterals.DoubleOperand(guarantee.Info.FeeRate) + " * yf : 0.0) + " + tranche.GuaranteeFeeUnpaid + ";");
        }
    }
}
