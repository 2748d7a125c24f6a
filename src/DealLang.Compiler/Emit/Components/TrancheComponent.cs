using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// Tranches: interest on the opening balance and scheduled principal (fixed coupon; bullet, level, linear or
/// schedule amortisation), what is due with arrears, the pay steps on interest, principal and balance, the
/// shortfalls carried forward, and what is never repaid. Tranches receive nothing (no collections), hold no cash
/// (no release), read no expression (no amounts due or tests), and are never collateral. This file holds the loop's
/// frame (constants, the period's start, the pay steps, the carry, the period's end with a delayed draw's funding, the
/// results); what is due is in TrancheComponent.Dues.cs, a convertible's conversion in .Conversion.cs, calls and puts in
/// .Redemption.cs, a guarantor's payments in .Guarantee.cs, and what the rest of the program reads of a tranche in .Reads.cs.
/// </summary>
internal sealed partial class TrancheComponent(EmitContext ctx)
    : EmitterComponent<TrancheState>(ctx, () => ctx.Model.Tranches.Select(t => new TrancheState(t, GuarantorCode.Of(ctx, DealLang.Runtime.GuaranteeTarget.Tranche, t.Index),
        accelerable: ctx.Model.Triggers.Any(g => g.ActionList.OfType<AccelerateAction>().Any(a => a.Tranches.Contains(t.Index))),
        readsScheduledBalance: ctx.Reads(Quantity.TrancheScheduledBalance, t.Index),
        maturesBeforeTheDeal: t.MaturityPeriod < ctx.Model.ScheduledPeriods - 1)))
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    // ------------------------------------------------------------------ constants

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            AmortizationCode.WriteConstants(w, Model, tranche, AmortizationCode.DeclaresLevelWeights(Ctx, tranche));
            WriteDrawConstants(w, tranche);
        }
    }

    // ------------------------------------------------------------------ the loop

    public override void WritePeriodStart(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            w.Line(tranche.StartBalance + " = " + tranche.Balance + ";");
        }
    }

    /// <summary>The C# condition, read before the regular waterfall's steps (and, for a fee <c>until repaid</c>, before
    /// the fees accrue: the same values, the dues being worked out first), that no lender is owed or may still lend
    /// anything: every tranche's balance, interest and principal due (its arrears in them), its undrawn commitment and
    /// commitment fee, its guarantee fee and what its guarantor advanced and is owed, each at most half a cent
    /// (<c>Flows.ShortfallTolerance</c>, rounding residue). docs/language.md §11, "Nothing owed".</summary>
    public string NothingOwed() => string.Join(" && ", States.SelectMany(t => Owed(t).Select(v => v + " <= Flows.ShortfallTolerance")));

    private static IEnumerable<string> Owed(TrancheState tranche)
    {
        yield return tranche.Balance.Name;
        yield return tranche.InterestDue.Name;
        yield return tranche.PrincipalDue.Name;
        foreach (var v in new[] { tranche.Undrawn, tranche.CommitmentFeeDue, tranche.GuaranteeFeeDue, tranche.GuaranteeCovered })
        {
            if (v.Declared)
            {
                yield return v.Name;
            }
        }
    }

    // pay T.interest, T.principal, T.balance: what is owed now, and what a payment reduces.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is SweepStep sweep)
        {
            // sweep X% of rest to T: that share of the cash still unapplied prepays T, at most its balance
            var swept = this[sweep.Tranche];
            w.Line(step.Moved + " = Math.Min(available * " + CSharpLiterals.DoubleOperand(sweep.Share) + ", " + swept.Balance + ");");
            w.Line(swept.PrincipalPaid + " += " + step.Moved + ";");
            w.Line(swept.Balance + " -= " + step.Moved + ";");
            w.Line("available -= " + step.Moved + ";");
            return;
        }

        if (step.Step is not PayStep { Kind: PayKind.Interest or PayKind.Principal or PayKind.Balance or PayKind.CommitmentFee or PayKind.GuaranteeFee } pay)
        {
            base.WriteStep(step, w);
            return;
        }

        CSharpEmitter.WritePay(Ctx, w, step, pay, PayOwed(pay));
        WriteApplyPaid(pay, step.Paid, w);
    }

    public override string PayOwed(PayStep pay)
    {
        var tranche = this[pay.Target];
        return pay.Kind switch
        {
            PayKind.Interest => "Math.Max(0.0, " + tranche.InterestDue + " - " + tranche.InterestPaid + ")",
            PayKind.CommitmentFee => "Math.Max(0.0, " + tranche.CommitmentFeeDue + " - " + tranche.CommitmentFeePaid + ")",
            PayKind.GuaranteeFee => "Math.Max(0.0, " + tranche.GuaranteeFeeDue + " - " + tranche.GuaranteeFeePaid + ")",
            PayKind.Principal => "Math.Min(" + tranche.Balance + ", Math.Max(0.0, " + tranche.PrincipalDue + " - " + tranche.PrincipalPaid + "))",
            _ => tranche.Balance.Name,
        };
    }

    public override string ProRataWeight(PayStep pay) => this[pay.Target].Balance.Name;

    public override void WriteApplyPaid(PayStep pay, string paid, IndentedWriter w)
    {
        var tranche = this[pay.Target];
        if (pay.Kind == PayKind.Interest)
        {
            w.Line(tranche.InterestPaid + " += " + paid + ";");
        }
        else if (pay.Kind == PayKind.CommitmentFee)
        {
            w.Line(tranche.CommitmentFeePaid + " += " + paid + ";");
        }
        else if (pay.Kind == PayKind.GuaranteeFee)
        {
            w.Line(tranche.GuaranteeFeePaid + " += " + paid + ";");
        }
        else
        {
            w.Line(tranche.PrincipalPaid + " += " + paid + ";");
            w.Line(tranche.Balance + " -= " + paid + ";");
        }
    }

    public override void WriteCarry(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            w.Line(tranche.UnpaidInterest + " = Flows.Shortfall(" + tranche.InterestDue + ", " + tranche.InterestPaid + ");");
            w.Line(tranche.UnpaidPrincipal + " = Flows.Shortfall(" + tranche.PrincipalDue + ", " + tranche.PrincipalPaid + ");");
            if (tranche.Accelerable)
            {
                // What was paid goes to the schedule first (it is due first, and acceleration only adds to it).
                w.Line(tranche.ScheduleArrears + " = Flows.Shortfall(" + tranche.ScheduleDue + ", " + tranche.PrincipalPaid + ");");
            }

            if (tranche.Model.Draw is DelayedDraw)
            {
                w.Line(tranche.CommitmentFeeUnpaid + " = Flows.Shortfall(" + tranche.CommitmentFeeDue + ", " + tranche.CommitmentFeePaid + ");");
            }

            if (tranche.Guarantee is not null)
            {
                w.Line(tranche.GuaranteeFeeUnpaid + " = Flows.Shortfall(" + tranche.GuaranteeFeeDue + ", " + tranche.GuaranteeFeePaid + ");");
            }
        }
    }

    // 7. A delayed draw is funded at the period's end, outside the waterfall: the lender pays it to the seller of the
    // assets it finances, so it is neither collected nor paid out (cash stays conserved); the balance grows by it and
    // it earns interest from the next period. An event of default stops it and cancels the rest, as does the end of
    // the availability period.
    public override void WritePeriodEnd(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            if (tranche.Guarantee is not null)
            {
                // Before any capitalisation: the share is of the balance the issuer's payments came out of.
                WriteGuaranteeRecovery(w, tranche);
            }

            if (tranche.Model.Capitalisation is UnpaidCapitalises)
            {
                // pik unpaid: the interest the waterfall (and any enforcement pass) left unpaid joins the balance
                // instead of deferring; no cash moves.
                w.Comment(tranche.Name + ": unpaid interest capitalises into the balance instead of deferring");
                w.Line(tranche.Capitalised + " += " + tranche.UnpaidInterest + ";");
                w.Line(tranche.Balance + " += " + tranche.UnpaidInterest + ";");
                w.Line(tranche.UnpaidInterest + " = 0.0;");
                if (tranche.Guarantee is not null)
                {
                    // The guarantor's interest arrears capitalise into its part of the balance, the holders' into theirs.
                    w.Line(tranche.GuaranteePrincipal + " += " + tranche.GuaranteeCovered + ";");
                    w.Line(tranche.GuaranteeCovered + " = 0.0;");
                }
            }

            if (tranche.Guarantee is { } guarantee)
            {
                WriteGuarantee(w, tranche, guarantee.Info, guarantee.Index);
            }

            switch (tranche.Model.Draw)
            {
                case FundedAtClosing:
                    break;
                case DelayedDraw:
                    w.Comment(tranche.Name + ": the draw is funded (none once an event of default has occurred); the commitment ends with its availability");
                    using (w.Block("if (eventOfDefault)"))
                    {
                        w.Line(tranche.Drawn + " = 0.0;");
                    }

                    if (tranche.InvestmentGradeShare.Declared)
                    {
                        // The draw's investment-grade part (its share of the period's draws, if the commitment cut it)
                        // joins that class; the classes' shares change only here.
                        w.Comment(tranche.Name + ": the investment-grade share after the draw");
                        using (w.Block("if (" + tranche.Balance + " + " + tranche.Drawn + " > 0.0)"))
                        {
                            w.Line(tranche.InvestmentGradeShare + " = (" + tranche.InvestmentGradeShare + " * " + tranche.Balance + " + (" + tranche.Draws
                                + "[t] > 0.0 ? " + tranche.Drawn + " * " + tranche.InvestmentGradeDraws + "[t] / " + tranche.Draws + "[t] : 0.0)) / ("
                                + tranche.Balance + " + " + tranche.Drawn + ");");
                        }
                    }

                    w.Line(tranche.Balance + " += " + tranche.Drawn + ";");
                    w.Line(tranche.Undrawn + " -= " + tranche.Drawn + ";");
                    if (tranche.InvestmentGradeBalance.Declared)
                    {
                        w.Line(tranche.InvestmentGradeBalance + " = " + tranche.Balance + " * " + tranche.InvestmentGradeShare + ";");
                    }

                    using (w.Block("if (eventOfDefault || t >= " + tranche.AvailableUntilPeriod + ")"))
                    {
                        w.Line(tranche.Undrawn + " = 0.0;");
                    }

                    w.Line(Ctx.ResultRow("TrancheDrawn", CSharpLiterals.Int(tranche.Index)) + "[t] = " + tranche.Drawn + ";");
                    if (tranche.Model.Draw is DelayedDraw { FeeRate: > 0 })
                    {
                        // After both waterfalls: the lender's fee income of the period, for its IRR with the fee.
                        w.Line(Ctx.ResultRow("CommitmentFeePaid", CSharpLiterals.Int(tranche.Index)) + "[t] = " + tranche.CommitmentFeePaid + ";");
                    }

                    break;
                default:
                    throw new InvalidOperationException("No emitter for the draw " + tranche.Model.Draw + ".");
            }
        }
    }

    public override void WriteResults(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            string index = CSharpLiterals.Int(tranche.Index);
            w.Line(Ctx.ResultRow("InterestPaid", index) + "[t] = " + tranche.InterestPaid + ";");
            w.Line(Ctx.ResultRow("PrincipalPaid", index) + "[t] = " + tranche.PrincipalPaid + ";");
            if (tranche.Guarantee is not null)
            {
                // The guarantor's fee income of the period (both waterfalls), which its net cost nets.
                w.Line(Ctx.ResultRow("GuaranteeFeePaid", index) + "[t] = " + tranche.GuaranteeFeePaid + ";");
            }

            w.Line(Ctx.ResultRow("TrancheBalance", index) + "[t] = " + tranche.Balance + ";");
            w.Line(Ctx.ResultRow("InterestShortfall", index) + "[t] = " + tranche.UnpaidInterest + ";");
            w.Line(Ctx.ResultRow("PrincipalShortfall", index) + "[t] = " + tranche.UnpaidPrincipal + ";");
            if (tranche.Model.Conversion is not null)
            {
                w.Line("result.TrancheConversion[" + index + "][t] = " + tranche.SharesValue + ";");
            }
        }
    }

    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var tranche in States)
        {
            string index = CSharpLiterals.Int(tranche.Index);
            w.Line("result.PrincipalLoss[" + index + "] = " + tranche.Balance + ";");
            w.Line("result.UnpaidInterest[" + index + "] = " + tranche.UnpaidInterest + ";");
            if (tranche.CommitmentFeeUnpaid.Declared)
            {
                w.Line("result.CommitmentFeeUnpaid[" + index + "] = " + tranche.CommitmentFeeUnpaid + ";");
            }

            if (tranche.GuaranteeFeeUnpaid.Declared)
            {
                w.Line("result.GuaranteeFeeUnpaid[" + index + "] = " + tranche.GuaranteeFeeUnpaid + ";");
            }

            if (tranche.Model.Conversion is { Reset: not null })
            {
                w.Line("result.TrancheConversionPrice[" + index + "] = " + tranche.ConversionPrice + ";");
            }
        }
    }
}
