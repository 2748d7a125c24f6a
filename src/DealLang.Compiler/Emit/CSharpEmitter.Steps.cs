using System.Collections.Immutable;
using DealLang.Compiler.Model;

namespace DealLang.Compiler.Emit;

// 4. The waterfall: each step becomes a few lines of arithmetic on `available`, preceded by its numbered
// deal-file label. What a step moves is kept in stepN_* locals, declared per period, for the ledger row.
public static partial class CSharpEmitter
{
    private static void WriteWaterfall(EmitContext ctx, IndentedWriter w)
    {
        var model = ctx.Model;
        w.Comment("4. waterfall");
        foreach (var fee in model.Fees)
        {
            w.Line(ctx.Fee(fee.Index, "paid") + " = 0.0;");
        }

        foreach (var tranche in model.Tranches)
        {
            w.Line(ctx.Tranche(tranche.Index, "interestPaid") + " = 0.0;");
            w.Line(ctx.Tranche(tranche.Index, "principalPaid") + " = 0.0;");
        }

        for (int e = 0; e < model.Equities.Length; e++)
        {
            w.Line(ctx.Equity(e, "distributed") + " = 0.0;");
        }

        foreach (var step in ctx.AllSteps)
        {
            var locals = StepLocals(step);
            if (locals.Count > 0)
            {
                w.Line("double " + string.Join(", ", locals.Select(l => l + " = 0.0")) + "; // " + CSharpLiterals.CommentText(step.Title));
            }
        }

        if (ctx.AllSteps.Any(s => s.Step is PayStep { Using.IsEmpty: false }))
        {
            w.Line("double owed, draw; // what cash could not pay, and what a reserve account covers of it");
        }

        if (!HasEnforcement(ctx))
        {
            WriteFinalRelease(ctx, w);
            WriteStepsAndResidual(ctx, w, ctx.RegularSteps);
            return;
        }

        using (w.Block("if (!afterDefault)"))
        {
            w.Comment("regular waterfall (until the event of default; enforcement then takes over, step 6)");
            WriteFinalRelease(ctx, w);
            WriteStepsAndResidual(ctx, w, ctx.RegularSteps);
        }
    }

    // At the maturity every account is released into the waterfall: the deal holds no cash after its last period.
    private static void WriteFinalRelease(EmitContext ctx, IndentedWriter w)
    {
        w.Line("finalPeriod = t == ScheduledPeriods - 1;");
        if (ctx.Model.Accounts.IsEmpty)
        {
            return;
        }

        using (w.Block("if (finalPeriod)"))
        {
            w.Comment("the last scheduled period: every account is released into the waterfall");
            WriteReleaseAllAccounts(ctx, w);
        }
    }

    /// <summary>The steps, then whatever they leave unapplied to the residual equity. In the final period
    /// nothing is reserved for later (fill and hold move nothing), so the residual takes what a hold would have.</summary>
    private static void WriteStepsAndResidual(EmitContext ctx, IndentedWriter w, ImmutableArray<NumberedStep> steps)
    {
        WriteSteps(ctx, w, steps);
        WriteResidual(ctx, w, steps);
        if (ctx.Model.Equities.IsEmpty || !steps.SelectMany(s => s.SelfAndDescendants()).Any(s => s.Step is HoldStep))
        {
            return;
        }

        using (w.Block("if (finalPeriod)"))
        {
            w.Comment("the run ends: what a hold would have kept goes to " + ctx.Model.Equities[ResidualEquity(ctx)].Name);
            w.Line(ctx.Equity(ResidualEquity(ctx), "distributed") + " += available;");
            w.Line("available = 0.0;");
        }
    }

    /// <summary>The ledger amounts of a step, in column order.</summary>
    private static IReadOnlyList<string> StepLocals(NumberedStep step) => step.Step switch
    {
        PayStep => [step.Local + "_due", step.Local + "_paid"],
        FillStep => [step.Local + "_filled"],
        ReleaseStep => [step.Local + "_released"],
        HoldStep => [step.Local + "_held"],
        DistributeStep => [step.Local + "_distributed"],
        _ => [],
    };

    private static void WriteSteps(EmitContext ctx, IndentedWriter w, ImmutableArray<NumberedStep> steps)
    {
        foreach (var step in steps)
        {
            w.Comment(step.Title);
            switch (step.Step)
            {
                case PayStep pay:
                    WritePay(ctx, w, step, pay);
                    break;
                case FillStep fill:
                {
                    string moved = step.Local + "_filled";
                    string balance = ctx.Account(fill.Account, "balance");
                    w.Line(moved + " = finalPeriod ? 0.0 : Math.Min(available, Math.Max(0.0, " + ctx.Current(Quantity.AccountTarget, fill.Account) + " - " + balance + "));");
                    w.Line("available -= " + moved + ";");
                    w.Line(balance + " += " + moved + ";");
                    break;
                }

                case ReleaseStep release:
                {
                    string moved = step.Local + "_released";
                    string balance = ctx.Account(release.Account, "balance");
                    w.Line(ctx.Model.Accounts[release.Account].Target is null
                        ? moved + " = " + balance + "; // no target: all of it"
                        : moved + " = Math.Max(0.0, " + balance + " - " + ctx.Current(Quantity.AccountTarget, release.Account) + ");");
                    w.Line(balance + " -= " + moved + ";");
                    w.Line("available += " + moved + ";");
                    break;
                }

                case HoldStep hold:
                {
                    string moved = step.Local + "_held";
                    w.Line(moved + " = finalPeriod ? 0.0 : available;");
                    w.Line(ctx.Account(hold.Account, "balance") + " += " + moved + ";");
                    w.Line("available -= " + moved + ";");
                    break;
                }

                case DistributeStep distribute:
                {
                    string moved = step.Local + "_distributed";
                    w.Line(moved + " = available;");
                    w.Line(ctx.Equity(distribute.Equity, "distributed") + " += " + moved + ";");
                    w.Line("available = 0.0;");
                    break;
                }

                case IfStep branch:
                {
                    using (w.Block("if (" + Expression(ctx, branch.Condition, null) + ")"))
                    {
                        WriteSteps(ctx, w, step.Then);
                    }

                    if (!step.Else.IsEmpty)
                    {
                        using (w.Block("else"))
                        {
                            WriteSteps(ctx, w, step.Else);
                        }
                    }

                    break;
                }

                default:
                    throw new InvalidOperationException("Internal error: unknown waterfall step " + step.Step.GetType().Name + ".");
            }
        }
    }

    // pay X: from available cash, then from each `using` account in order; the amount reduces what is owed.
    private static void WritePay(EmitContext ctx, IndentedWriter w, NumberedStep step, PayStep pay)
    {
        string due = step.Local + "_due";
        string paid = step.Local + "_paid";
        int i = pay.Target;
        string owed = pay.Kind switch
        {
            PayKind.Fee => "Math.Max(0.0, " + ctx.Fee(i, "due") + " - " + ctx.Fee(i, "paid") + ")",
            PayKind.Interest => "Math.Max(0.0, " + ctx.Tranche(i, "interestDue") + " - " + ctx.Tranche(i, "interestPaid") + ")",
            PayKind.Principal => "Math.Min(" + ctx.Tranche(i, "balance") + ", Math.Max(0.0, " + ctx.Tranche(i, "principalDue")
                + " - " + ctx.Tranche(i, "principalPaid") + "))",
            PayKind.Balance => ctx.Tranche(i, "balance"),
            _ => throw new InvalidOperationException("Internal error: unknown pay kind " + pay.Kind + "."),
        };

        w.Line(due + " = " + owed + ";");
        w.Line(paid + " = Math.Min(available, " + due + ");");
        w.Line("available -= " + paid + ";");
        if (!pay.Using.IsEmpty)
        {
            // Paid is the cash actually moved (from available cash, then each draw), so the period's cash adds up
            // even when the amount due dwarfs it (due - owed would lose the draws in rounding once due is ~1e16
            // times larger). A due amount the draws cover in full leaves owed exactly 0 and is then paid exactly
            // (due), not up to a rounding residue that would read as a shortfall.
            w.Line("owed = " + due + " - " + paid + ";");
            foreach (int account in pay.Using)
            {
                string balance = ctx.Account(account, "balance");
                w.Line("draw = Math.Min(" + balance + ", owed); // from " + ctx.Model.Accounts[account].Name);
                w.Line(balance + " -= draw;");
                w.Line("owed -= draw;");
                w.Line(paid + " += draw;");
            }

            w.Line(paid + " = owed == 0.0 ? " + due + " : " + paid + ";");
        }

        switch (pay.Kind)
        {
            case PayKind.Fee:
                w.Line(ctx.Fee(i, "paid") + " += " + paid + ";");
                break;
            case PayKind.Interest:
                w.Line(ctx.Tranche(i, "interestPaid") + " += " + paid + ";");
                break;
            default:
                w.Line(ctx.Tranche(i, "principalPaid") + " += " + paid + ";");
                w.Line(ctx.Tranche(i, "balance") + " -= " + paid + ";");
                break;
        }
    }

    /// <summary>
    /// The residual goes to equity (docs/language.md: the waterfall ends with <c>distribute rest</c>). A waterfall
    /// that might end with cash still unapplied (an enforcement waterfall without a distribute step, say) sends it
    /// to the equity the regular waterfall distributes to, so no cash is ever left unaccounted for.
    /// </summary>
    private static void WriteResidual(EmitContext ctx, IndentedWriter w, ImmutableArray<NumberedStep> steps)
    {
        if (ConsumesRest(steps) || ctx.Model.Equities.IsEmpty)
        {
            return;
        }

        int equity = ResidualEquity(ctx);
        w.Comment("cash still unapplied is the residual: it goes to " + ctx.Model.Equities[equity].Name);
        w.Line(ctx.Equity(equity, "distributed") + " += available;");
        w.Line("available = 0.0;");
    }

    /// <summary>The equity the regular waterfall distributes to last: it takes any cash a waterfall leaves.</summary>
    private static int ResidualEquity(EmitContext ctx) => ctx.RegularSteps.SelectMany(s => s.SelfAndDescendants())
        .Select(s => s.Step).OfType<DistributeStep>().Select(d => d.Equity).DefaultIfEmpty(0).Last();

    /// <summary>Whether the steps always end by taking all remaining cash (hold rest / distribute rest).</summary>
    private static bool ConsumesRest(ImmutableArray<NumberedStep> steps)
    {
        if (steps.IsEmpty)
        {
            return false;
        }

        var last = steps[^1];
        return last.Step switch
        {
            HoldStep or DistributeStep => true,
            IfStep => ConsumesRest(last.Then) && ConsumesRest(last.Else),
            _ => false,
        };
    }
}
