using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A fee's state in the generated C#, each piece declared once.</summary>
internal sealed class FeeState : EntityState
{
    /// <param name="ledgersUnpaid">Whether the ledger shows what the fee carries unpaid (<c>F unpaid</c>): for a fee the
    /// enforcement waterfall has no step for, whose accruals in the workout no step's column shows.</param>
    public FeeState(FeeModel model, bool ledgersUnpaid)
        : base(DeclarationKind.Fee, model.Name, model.Index)
    {
        Model = model;
        Accrued = Local("accrued", "double", StateLife.Period, comment: "this period's fee, without fees unpaid so far: what cfads deducts");
        Due = Local("due", "double", StateLife.Period, comment: "incl. fees unpaid so far");
        Paid = Local("paid", "double", StateLife.Paid);
        Unpaid = Local("unpaid", "double", StateLife.Carried, comment: "carried forward",
            ledger: ledgersUnpaid ? new LedgerSlot(LedgerSection.Outstanding, model.Name + " unpaid") : null);
        Escalation = Static("escalation", "double[]");
        ForwardWeights = Static("forwardWeights", "double[]");
    }

    public FeeModel Model { get; }

    /// <summary>This period's fee alone: what <c>cfads</c> deducts (fees carried unpaid were deducted in their own
    /// period, as debt service does not count interest arrears again).</summary>
    public StateVar Accrued { get; }

    public StateVar Due { get; }

    public StateVar Paid { get; }

    public StateVar Unpaid { get; }

    /// <summary>An escalating fee's factor per period.</summary>
    public StateVar Escalation { get; }

    /// <summary>An annual fee's year fraction × escalation per period, in a deal that projects cfads.</summary>
    public StateVar ForwardWeights { get; }
}

/// <summary>
/// Fees: the amount due each period (an annual amount times the year fraction and escalation, or a share of a
/// per-period flow), deducted from cfads in its own period; pay steps; the unpaid fee carried forward (due again, not
/// deducted from cfads again). Fees receive and hold no
/// cash, are not collateral, have no ledger columns of their own (their pay steps have) but, for a fee no step of the
/// enforcement waterfall pays, what it carries unpaid; no per-period results array; the run's end writes what each
/// still owes.
/// </summary>
internal sealed class FeeComponent(EmitContext ctx)
    : EmitterComponent<FeeState>(ctx, () => ctx.Model.Fees.Select(f => new FeeState(f, LedgersUnpaid(ctx, f))))
{
    /// <summary>Whether a fee's unpaid balance is a ledger column: in a deal whose enforcement waterfall (its own) has no
    /// step that pays the fee. There the fee's accruals after the default (or, written <c>until default</c>, its arrears
    /// standing still) are in no step's column, and the summary's <c>unpaid at end</c> is the last row's
    /// <c>F unpaid</c> (docs/language.md, "Unpaid at end"); elsewhere it is the <c>short</c> of the fee's pay step run
    /// last, and every deal without such a fee keeps its ledger.</summary>
    private static bool LedgersUnpaid(EmitContext ctx, FeeModel fee) =>
        CSharpEmitter.HasEnforcement(ctx) && !ctx.EnforcementSteps.IsEmpty
        && !ctx.EnforcementSteps.SelectMany(s => s.SelfAndDescendants()).Any(s => s.Step is PayStep { Kind: PayKind.Fee } pay && pay.Target == fee.Index);

    public override DeclarationKind Kind => DeclarationKind.Fee;

    public override string DescriptionProperty => "Fees";

    public override IEnumerable<string> DescriptionElements() => States.Select(f => CSharpLiterals.String(f.Name));

    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Fees.Select(f => (f.AnnualAmount, 1));

    public override bool KnownAfterWaterfall(Quantity quantity) => quantity == Quantity.FeePaid;

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.FeeDue => this[index].Due.Name,
        Quantity.FeePaid => this[index].Paid.Name,
        _ => null,
    };

    public override IEnumerable<string> Terms(DealSum sum) => sum switch
    {
        DealSum.CfadsDeductions => States.Select(f => f.Accrued.Name),
        DealSum.PaidOut => States.Select(f => f.Paid.Name),
        _ => [],
    };

    public override void WriteConstants(IndentedWriter w)
    {
        foreach (var fee in States.Where(f => Ctx.ProjectsCfads && !f.Model.PerPeriod))
        {
            w.Line();
            w.Comment(fee.Name + ": year fraction × escalation per period (a forward cfads).");
            w.Line("private static readonly double[] " + fee.ForwardWeights + " = ForwardReceipts.FeeWeights("
                + CSharpLiterals.Double(fee.Model.Escalator) + ", Closing, Boundaries, YearFractions);");
        }

        foreach (var fee in States)
        {
            if (fee.Model.Escalator != 0)
            {
                w.Line();
                w.Comment(fee.Name + ": escalation factor per period (" + CSharpLiterals.Percent(fee.Model.Escalator) + " a year from closing).");
                w.Line("private static readonly double[] " + fee.Escalation + " = ComputeEscalation("
                    + CSharpLiterals.Double(fee.Model.Escalator) + ");");
            }
        }
    }

    /// <summary>A forward cfads's fees: per annual fee, its amount a year now (a fixed amount, or a share of a stock
    /// at its level now, held flat) × its year fractions and escalation over the window; per per-period fee (a share of
    /// flows), the same share of those flows as the forward cfads projects them over the window (its amount is linear
    /// in its flows, so Σ_p share × flow_p = share × Σ_p flow_p: <see cref="ForwardFlows"/>); one that is a share of a
    /// flow not projected is not known ahead and is left out (DL0320). Nothing carried unpaid is counted.</summary>
    public override IEnumerable<string> ForwardCfads(string lastArray, bool deductions) => !deductions ? [] : States
        .Where(f => !f.Model.PerPeriod || ForwardFlows.Projects(f.Model.AnnualAmount))
        .Select(f => f.Model.PerPeriod
            ? CSharpEmitter.Operand(Ctx, f.Model.AnnualAmount, new ExpressionWindow(lastArray, Forward: true))
            : CSharpEmitter.Amount(Ctx, f.Model.AnnualAmount, asOperand: true) + " * ForwardReceipts.Sum(" + f.ForwardWeights + ", t, " + lastArray + "[t])");

    /// <summary>The local that says, before the fees accrue, that this is a regular period starting with nothing owed
    /// to any lender, in which a fee <c>until repaid</c> accrues nothing (docs/language.md §11, "Nothing owed").</summary>
    private const string DebtRepaid = "debtRepaid";

    public override void WriteAmountsDue(IndentedWriter w)
    {
        bool stops = StopsWhenRepaid(Ctx);
        if (stops)
        {
            // The same state the accounts' release reads (TrancheComponent.NothingOwed: the tranches' balances and dues
            // at the period's start), in a period the regular waterfall runs; enforcement's periods accrue every fee.
            w.Comment("every tranche repaid, nothing owed nor left to draw: a fee 'until repaid' accrues nothing this period");
            w.Line("bool " + DebtRepaid + " = " + (CSharpEmitter.HasEnforcement(Ctx) ? "!afterDefault && " : "")
                + Ctx.Components.Of<TrancheComponent>().NothingOwed() + ";");
        }

        foreach (var fee in States)
        {
            var model = fee.Model;
            string escalation = model.Escalator != 0 ? " * " + fee.Escalation + "[t]" : "";
            string yearFraction = model.PerPeriod ? "" : " * yf"; // a per-period fee (2% of collections) is the period's already
            string amount = CSharpEmitter.Amount(Ctx, model.AnnualAmount, asOperand: true) + yearFraction + escalation;
            // 'until repaid' stops the fee in a regular period starting with nothing owed; 'until default' in every
            // period after the event of default (the default period itself accrues: its regular waterfall ran first).
            var ends = new List<(string Condition, string Term, string When)>();
            if (stops && model.UntilRepaid)
            {
                ends.Add((DebtRepaid, "until repaid", "once the debt is repaid"));
            }

            if (model.UntilDefault && CSharpEmitter.HasDefaultRule(Ctx))
            {
                ends.Add(("afterDefault", "until default", "after the event of default"));
            }

            string accrual = model.PerPeriod ? "its share of this period's flow" : "the annual amount for this period's share of a year";
            if (ends.Count > 0)
            {
                w.Comment(fee.Name + " (" + string.Join(" ", ends.Select(e => e.Term)) + "): nothing "
                    + string.Join(" or ", ends.Select(e => e.When)) + ", else " + accrual + "; plus fees unpaid so far");
                w.Line(fee.Accrued + " = " + string.Join(" || ", ends.Select(e => e.Condition)) + " ? 0.0 : " + amount + ";");
            }
            else
            {
                w.Comment(fee.Name + ": " + accrual + ", plus fees unpaid so far");
                w.Line(fee.Accrued + " = " + amount + ";");
            }

            w.Line(fee.Due + " = " + fee.Accrued + " + " + fee.Unpaid + ";");
        }
    }

    /// <summary>Whether a fee of the deal stops once every tranche is repaid: one is written <c>until repaid</c> and
    /// the deal has a tranche (without one the term never applies, DL0593, and the fee accrues as written).</summary>
    internal static bool StopsWhenRepaid(EmitContext ctx) => !ctx.Model.Tranches.IsEmpty && ctx.Model.Fees.Any(f => f.UntilRepaid);

    // pay F: what is still due of the fee.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is not PayStep { Kind: PayKind.Fee } pay)
        {
            base.WriteStep(step, w);
            return;
        }

        CSharpEmitter.WritePay(Ctx, w, step, pay, PayOwed(pay));
        WriteApplyPaid(pay, step.Paid, w);
    }

    public override string PayOwed(PayStep pay)
    {
        var fee = this[pay.Target];
        return "Math.Max(0.0, " + fee.Due + " - " + fee.Paid + ")";
    }

    public override void WriteApplyPaid(PayStep pay, string paid, IndentedWriter w) =>
        w.Line(this[pay.Target].Paid + " += " + paid + ";");

    public override void WriteCarry(IndentedWriter w)
    {
        foreach (var fee in States)
        {
            w.Line(fee.Unpaid + " = Flows.Shortfall(" + fee.Due + ", " + fee.Paid + ");");
        }
    }

    // What the last period carried unpaid is still owed when the run ends (the summary's 'unpaid at end'): written
    // once, after the loop, so the loop does no more work per period.
    public override void WriteRunEnd(IndentedWriter w)
    {
        foreach (var fee in States)
        {
            w.Line("result.FeeUnpaid[" + CSharpLiterals.Int(fee.Index) + "] = " + fee.Unpaid + ";");
        }
    }
}
