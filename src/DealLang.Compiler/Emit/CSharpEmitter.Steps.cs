using System.Collections.Immutable;
using DealLang.Compiler.Emit.Components;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit;

// 4. The waterfall: each step becomes a few lines of arithmetic on `available`, preceded by its numbered
// deal-file label, written by the component of the kind the step targets. What a step moves is kept in stepN_*
// locals (NumberedStep.Amounts), declared per period, for the ledger row.
public static partial class CSharpEmitter
{
    private static void WriteWaterfall(EmitContext ctx, IndentedWriter w)
    {
        w.Comment("4. waterfall");
        Each(ctx.Components, c => c.WriteWaterfallStart(w));
        Each(ctx.Components, c => c.WriteBeforeSteps(w));
        // The enforcement waterfall's amounts are declared where it runs (WriteEnforcement): a performing period
        // need not zero them, nor a summary-only loop carry them.
        WriteStepAmounts(ctx.RegularSteps.SelectMany(s => s.SelfAndDescendants()), w);

        if (ctx.AllSteps.Any(s => s.Step is PayStep { Using.IsEmpty: false }))
        {
            w.Line("double owed, draw; // what cash could not pay, and what a reserve account covers of it");
        }

        // The steps' ledger columns: zero for a step that does not run this period; a step that runs writes its
        // amounts right after it (WriteStepLedger), so they need not live in registers to the end of the period.
        var stepColumns = LedgerColumns(ctx).Select((c, k) => (Column: c, Index: k)).Where(c => ctx.WritesLedger && c.Column.Step is not null).ToList();
        foreach (var block in stepColumns.Chunk(ctx.SplitRun ? LedgerColumnsPerMethod : Math.Max(1, stepColumns.Count)))
        {
            using (w.Block("if (ledger != null)"))
            {
                foreach (var (column, k) in block)
                {
                    w.Line("ledger[t, " + CSharpLiterals.Int(k) + "] = 0.0; // " + CSharpLiterals.CommentText(column.Name));
                }
            }
        }

        if (!HasEnforcement(ctx))
        {
            WriteFinalRelease(ctx, w);
            WriteStepsAndResidual(ctx, w, ctx.RegularSteps);
            ctx.Components.Of<TriggerComponent>().WriteCureRecount(w);
            return;
        }

        using (w.Block("if (!afterDefault)"))
        {
            w.Comment("regular waterfall (until the event of default; enforcement then takes over, step 6)");
            WriteFinalRelease(ctx, w);
            WriteStepsAndResidual(ctx, w, ctx.RegularSteps);
            ctx.Components.Of<TriggerComponent>().WriteCureRecount(w);
        }
    }

    /// <summary>Each step's amounts, declared at zero for the ledger row (a step that does not run leaves them so).</summary>
    private static void WriteStepAmounts(IEnumerable<NumberedStep> steps, IndentedWriter w)
    {
        foreach (var step in steps)
        {
            if (step.Amounts.Count > 0)
            {
                w.Line("double " + string.Join(", ", step.Amounts.Select(l => l + " = 0.0")) + "; // " + CSharpLiterals.CommentText(step.Title));
            }
        }
    }

    /// <summary>Each step's amounts (declared by <see cref="WriteStepAmounts"/>) back to zero, for a second pass.</summary>
    private static void WriteStepAmountsZeroed(IEnumerable<NumberedStep> steps, IndentedWriter w)
    {
        foreach (var step in steps)
        {
            if (step.Amounts.Count > 0)
            {
                w.Line(string.Join(" ", step.Amounts.Select(l => l + " = 0.0;")) + " // " + CSharpLiterals.CommentText(step.Title));
            }
        }
    }

    // At the maturity all cash held is released into the waterfall: the deal holds no cash after its last period.
    // So it is from the first period that starts with every tranche repaid (docs/language.md §11, "Nothing owed"): a
    // reserve, a trap or a lockbox keeps cash for the lenders, and once nothing is owed to them nor left for them to
    // lend, cash kept past that would only reach the equity years late (after the notes are repaid, a trap that stays
    // on would hold the tenant's rent until the maturity, beyond a parent's horizon).
    private static void WriteFinalRelease(EmitContext ctx, IndentedWriter w)
    {
        w.Line("finalPeriod = t == ScheduledPeriods - 1;");
        if (ctx.Components.Terms(DealSum.CashHeld).Count == 0)
        {
            return;
        }

        if (RetiresDebt(ctx))
        {
            w.Line("debtRetired = " + ctx.Components.Of<TrancheComponent>().NothingOwed() + ";");
        }

        using (w.Block("if (" + KeepsNothing(ctx) + ")"))
        {
            w.Comment("the last scheduled period, or nothing owed to any lender: every account is released into the waterfall");
            WriteReleaseHeld(ctx, w);
        }
    }

    /// <summary>Whether the generated loop tracks <c>debtRetired</c>: a deal with tranches and accounts (without
    /// accounts there is nothing to release; without tranches no lender to keep cash for, and nothing to retire).</summary>
    internal static bool RetiresDebt(EmitContext ctx) => !ctx.Model.Tranches.IsEmpty && ctx.Components.Terms(DealSum.CashHeld).Count > 0;

    /// <summary>The condition under which no account keeps cash this period (fill and hold move nothing, and what a
    /// hold would keep goes to the equity): the final period, or, in the regular waterfall, every tranche repaid.</summary>
    internal static string KeepsNothing(EmitContext ctx) => RetiresDebt(ctx) ? "(finalPeriod || debtRetired)" : "finalPeriod";

    /// <summary>Moves all cash held into available cash (after a default, and in the final period).</summary>
    private static void WriteReleaseHeld(EmitContext ctx, IndentedWriter w) => Each(ctx.Components, c => c.WriteReleaseHeld(w));

    /// <summary>5. What was not paid carries to the next period.</summary>
    private static void WriteCarry(EmitContext ctx, IndentedWriter w) => Each(ctx.Components, c => c.WriteCarry(w));

    /// <summary>The steps, then whatever they leave unapplied to the residual equity. In the final period
    /// nothing is reserved for later (fill and hold move nothing), so the residual takes what a hold would have.
    /// <paramref name="again"/>: the regular steps run a second time in the period, as the enforcement pass of a deal
    /// without an enforcement waterfall (their ledger columns then add this pass to the first, WriteStepLedger).</summary>
    private static void WriteStepsAndResidual(EmitContext ctx, IndentedWriter w, ImmutableArray<NumberedStep> steps, bool again = false)
    {
        WriteSteps(ctx, w, steps, again);
        WriteResidual(ctx, w, steps);
        if (ctx.Model.Equities.IsEmpty || !steps.SelectMany(s => s.SelfAndDescendants()).Any(s => s.Step is HoldStep))
        {
            return;
        }

        using (w.Block("if (" + KeepsNothing(ctx) + ")"))
        {
            int equity = ResidualEquity(ctx);
            w.Comment("the run ends: what a hold would have kept goes to " + ctx.Model.Equities[equity].Name);
            ctx.Components.Of<EquityComponent>().WriteTakeRest(w, equity);
        }
    }

    private static void WriteSteps(EmitContext ctx, IndentedWriter w, ImmutableArray<NumberedStep> steps, bool again)
    {
        foreach (var step in steps)
        {
            w.Comment(step.Title);
            if (step.Step is ProRataStep)
            {
                WriteProRata(ctx, w, step, again);
                continue;
            }

            if (step.Step is SequentialStep)
            {
                WriteSteps(ctx, w, step.Then, again); // on its own a sequential group is its steps, in order
                continue;
            }

            if (step.Step is not IfStep branch)
            {
                ctx.Components[TargetKind(step.Step)].WriteStep(step, w);
                WriteStepLedger(ctx, w, step, again);
                continue;
            }

            using (w.Block("if (" + Expression(ctx, branch.Condition, null) + ")"))
            {
                WriteSteps(ctx, w, step.Then, again);
            }

            if (!step.Else.IsEmpty)
            {
                using (w.Block("else"))
                {
                    WriteSteps(ctx, w, step.Else, again);
                }
            }
        }
    }

    /// <summary>The kind of entity a step pays, fills, releases, holds in or distributes to.</summary>
    internal static DeclarationKind TargetKind(StepModel step) => step switch
    {
        PayStep { Kind: PayKind.Fee } => DeclarationKind.Fee,
        PayStep { Kind: PayKind.Opex } => DeclarationKind.Fleet,
        PayStep => DeclarationKind.Tranche,
        FillStep or ReleaseStep or HoldStep => DeclarationKind.Account,
        DistributeStep => DeclarationKind.Equity,
        SweepStep => DeclarationKind.Tranche,
        SellStep => DeclarationKind.Coins,
        SellHoldingsStep => DeclarationKind.Holding,
        _ => throw new InvalidOperationException("Internal error: unknown waterfall step " + step.GetType().Name + "."),
    };

    /// <summary>
    /// pro_rata { pay A  pay B … }: each member is owed what its component says; when the cash covers them all each
    /// is paid in full, else each gets the cash × its share of the total owed (pari passu) and no cash is left (the
    /// shares add up to it to within rounding, which the cash check's tolerance absorbs). A member may be a
    /// <c>sequential { pay … }</c> stack: it is owed the sum of what its payments are owed (each computed before
    /// the group pays anything), and its share is then paid to them in order, each at most what it is owed.
    /// </summary>
    private static void WriteProRata(EmitContext ctx, IndentedWriter w, NumberedStep group, bool again)
    {
        var members = group.Then;
        var payments = members.SelectMany(m => m.Step is SequentialStep ? m.Then : [m]).ToList();
        foreach (var payment in payments)
        {
            var pay = (PayStep)payment.Step;
            w.Line(payment.Due + " = " + ctx.Components[TargetKind(pay)].PayOwed(pay) + "; // " + CSharpLiterals.CommentText(payment.Title));
        }

        string total = Join(" + ", payments.Select(m => m.Due).ToList());
        using (w.Block("if (available >= " + (payments.Count > 1 ? "(" + total + ")" : total) + ")"))
        {
            foreach (var payment in payments)
            {
                w.Line(payment.Paid + " = " + payment.Due + ";");
                w.Line("available -= " + payment.Paid + ";");
            }
        }

        using (w.Block("else"))
        {
            if (((ProRataStep)group.Step).ByBalance)
            {
                WriteShareByBalance(ctx, w, members);
            }
            else
            {
                w.Comment("short: each gets its share of the cash, in proportion to what it is owed");
                w.Line("double owedTogether = " + total + ";");
                foreach (var member in members.Where(m => m.Step is PayStep))
                {
                    w.Line(member.Paid + " = available * (" + member.Due + " / owedTogether);");
                }

                foreach (var stack in members.Where(m => m.Step is SequentialStep))
                {
                    WriteStackShare(w, stack);
                }

                w.Line("available = 0.0;");
            }
        }

        foreach (var payment in payments)
        {
            var pay = (PayStep)payment.Step;
            ctx.Components[TargetKind(pay)].WriteApplyPaid(pay, payment.Paid, w);
            WriteStepLedger(ctx, w, payment, again);
        }
    }

    // A sequential stack in a short pro_rata group: its share of the cash by what its payments are owed together,
    // paid to them in order, each at most what it is owed (the group is short, so the stack's share is less than it
    // is owed and is all paid out).
    private static void WriteStackShare(IndentedWriter w, NumberedStep stack)
    {
        string share = stack.Local + "_share";
        string owed = Join(" + ", stack.Then.Select(m => m.Due).ToList());
        w.Line("double " + share + " = available * ((" + owed + ") / owedTogether); // " + CSharpLiterals.CommentText(stack.Title));
        foreach (var payment in stack.Then)
        {
            w.Line(payment.Paid + " = Math.Min(" + share + ", " + payment.Due + ");");
            if (!ReferenceEquals(payment, stack.Then[^1]))
            {
                w.Line(share + " -= " + payment.Paid + ";");
            }
        }
    }

    // Short, by balance: each tranche its share of the cash by balance, at most what it is owed (what a capped one
    // leaves stays available); taken in order and never more than is left, so the cash adds up exactly.
    private static void WriteShareByBalance(EmitContext ctx, IndentedWriter w, ImmutableArray<NumberedStep> members)
    {
        w.Comment("short: each gets its share of the cash by its balance, at most what it is owed");
        var weights = members.Select(m => ctx.Components[TargetKind(m.Step)].ProRataWeight((PayStep)m.Step)).ToList();
        w.Line("double pool = available;");
        w.Line("double balanceTogether = " + Join(" + ", weights) + ";");
        for (int i = 0; i < members.Length; i++)
        {
            var member = members[i];
            w.Line(member.Paid + " = balanceTogether > 0.0 ? Math.Min(" + member.Due + ", Math.Min(available, pool * (" + weights[i]
                + " / balanceTogether))) : 0.0;");
            w.Line("available -= " + member.Paid + ";");
        }
    }

    /// <summary>
    /// pay X: from available cash, then from each <c>using</c> account in order, up to <paramref name="owed"/>
    /// (what X is owed now, the target's component says). Leaves the amount in the step's <c>paid</c> local; the
    /// component then applies it to what it reduces.
    /// </summary>
    internal static void WritePay(EmitContext ctx, IndentedWriter w, NumberedStep step, PayStep pay, string owed)
    {
        string due = step.Due;
        string paid = step.Paid;
        w.Line(due + " = " + owed + ";");
        w.Line(paid + " = Math.Min(available, " + due + ");");
        w.Line("available -= " + paid + ";");
        if (pay.Using.IsEmpty)
        {
            return;
        }

        // Paid is the cash actually moved (from available cash, then each draw), so the period's cash adds up
        // even when the amount due dwarfs it (due - owed would lose the draws in rounding once due is ~1e16
        // times larger). A due amount the draws cover in full leaves owed exactly 0 and is then paid exactly
        // (due), not up to a rounding residue that would read as a shortfall.
        w.Line("owed = " + due + " - " + paid + ";");
        var accounts = ctx.Components.Of<AccountComponent>();
        foreach (int account in pay.Using)
        {
            accounts.WriteDraw(w, account, paid);
        }

        w.Line(paid + " = owed == 0.0 ? " + due + " : " + paid + ";");
    }

    /// <summary>The step's ledger columns, written as soon as it has run (its amounts change nowhere else). When the
    /// regular steps run <paramref name="again"/> in a period (a lag-0 default without an enforcement waterfall,
    /// docs/language.md §9, "Enforcement begins") the columns show the period's two passes together: a moved amount
    /// and a pay step's paid are the sums of both passes, its short what the second pass left owed, and its due the
    /// first pass's paid plus the second pass's due, so that due − paid = short still. Written the same way after
    /// the event of default's period, when the first pass did not run, the columns start at 0 and hold the one pass's
    /// amounts exactly (0 + x = x).</summary>
    private static void WriteStepLedger(EmitContext ctx, IndentedWriter w, NumberedStep step, bool again)
    {
        if (!ctx.WritesLedger)
        {
            return;
        }

        var columns = LedgerColumns(ctx).Select((c, k) => (Column: c, Index: k)).Where(c => ReferenceEquals(c.Column.Step, step)).ToList();
        if (columns.Count == 0)
        {
            return;
        }

        using (w.Block("if (ledger != null)"))
        {
            if (again && step.Step is PayStep && columns is [var due, var paid, var shortfall])
            {
                // the due column first: it reads the first pass's paid before this pass adds to it
                string first = "ledger[t, " + CSharpLiterals.Int(paid.Index) + "]";
                w.Line("ledger[t, " + CSharpLiterals.Int(due.Index) + "] = " + first + " + " + due.Column.Value + "; // " + CSharpLiterals.CommentText(due.Column.Name) + ", both passes");
                w.Line(first + " += " + paid.Column.Value + "; // " + CSharpLiterals.CommentText(paid.Column.Name) + ", both passes");
                w.Line("ledger[t, " + CSharpLiterals.Int(shortfall.Index) + "] = " + shortfall.Column.Value + "; // " + CSharpLiterals.CommentText(shortfall.Column.Name) + ", after both passes");
                return;
            }

            foreach (var (column, k) in columns)
            {
                w.Line("ledger[t, " + CSharpLiterals.Int(k) + "] " + (again ? "+=" : "=") + " " + column.Value + "; // " + CSharpLiterals.CommentText(column.Name) + (again ? ", both passes" : ""));
            }
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
        ctx.Components.Of<EquityComponent>().WriteTakeRest(w, equity);
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
            HoldStep or DistributeStep { Share: >= 1.0 } => true,
            IfStep => ConsumesRest(last.Then) && ConsumesRest(last.Else),
            _ => false,
        };
    }
}
