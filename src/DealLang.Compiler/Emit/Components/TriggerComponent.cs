using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A trigger's state in the generated C#.</summary>
internal sealed class TriggerState : EntityState
{
    public TriggerState(TriggerModel model, DealModel deal, CureReplay replay)
        : base(DeclarationKind.Trigger, model.Name, model.Index)
    {
        Model = model;
        Replayed = replay.Replays(model.Index);
        bool rules = model.HasCureRules;
        Active = Local("active", "bool", rules ? StateLife.Carried : StateLife.Period,
            ledger: new LedgerSlot(LedgerSection.Flags, model.Name, ColumnKind.Flag));
        Breached = Local("breached", "bool", StateLife.Period, comment: "its condition holds at this period's end", declared: rules);
        Breaches = Local("breaches", "int", StateLife.Carried, "0", "consecutive breaches while inactive", declared: rules);
        Passes = Local("passes", "int", StateLife.Carried, "0", "consecutive period ends without a breach while active", declared: rules);
        Accelerated = Local("accelerated", "bool", StateLife.Carried, "false", "it has been active: its tranches' whole balance is due from the next period",
            ledger: new LedgerSlot(LedgerSection.Flags, model.Name + " accelerated", ColumnKind.Flag),
            declared: model.ActionList.Any(a => a is AccelerateAction));
        Cure = Local("cure", "double", StateLife.Period, "0.0", "cash the equity pays in this period to cure the watched test",
            ledger: new LedgerSlot(LedgerSection.Receipts, model.Name + " cure injected", ColumnKind.Money), declared: model.Cure is not null);
        CuresLeft = Local("curesLeft", "int", StateLife.Carried, CSharpLiterals.Int(model.Cure?.Times ?? 0), "equity cures not yet used",
            declared: model.Cure is not null);
        CurePrepaid = [.. (model.Cure?.PrepayingList ?? []).Select((tranche, k) => Local("curePrepaid" + CSharpLiterals.Int(k), "double", StateLife.Period, "0.0",
            "the cure's cash prepaying " + deal.Tranches[tranche].Name + " this period",
            ledger: new LedgerSlot(LedgerSection.Outstanding, model.Name + " cure prepaid " + deal.Tranches[tranche].Name)))];
        bool into = model.Cure is { Into: >= 0 };
        bool cures = model.Cure is not null;
        CureDeposited = Local("cureDeposited", "double", StateLife.Period, "0.0", "what of the cure the prepaid balances could not take, deposited",
            ledger: into ? new LedgerSlot(LedgerSection.Outstanding, model.Name + " cure into " + deal.Accounts[model.Cure!.Into].Name) : null,
            declared: into && CurePrepaid.Count > 0);
        CureReleased = Local("cureReleased", "double", StateLife.Period, "0.0",
            "the cure the maturity (or enforcement) put among the waterfall's cash this period, until a distribution", declared: cures);
        CureUncalled = Local("cureUncalled", "double", StateLife.Period, "0.0", "what of the cure the debt did not need this period: not called", declared: cures);
        CuredCfads = Local("curedCfads", "double", StateLife.Period, "0.0", "cfads as the watched test read it after the cure", declared: cures);
        CureDenominator = Local("cureDenominator", "double", StateLife.Period, "0.0", "the watched test's denominator", declared: cures);
        TestAfterCure = Local("testAfterCure", "double", StateLife.Period, "0.0", "the watched test as this trigger left it, which a later cure may move",
            declared: cures && replay.TestMovedLater(model.Index));
        bool recount = Replayed && rules;
        ActiveBefore = Local("activeBefore", "bool", StateLife.Period, comment: "the flag before this period's evaluation, for a recount", declared: recount);
        BreachesBefore = Local("breachesBefore", "int", StateLife.Period, "0", declared: recount);
        PassesBefore = Local("passesBefore", "int", StateLife.Period, "0", declared: recount);
        AcceleratedBefore = Local("acceleratedBefore", "bool", StateLife.Period, comment: "the latch before this period's evaluation, for a recount",
            declared: Replayed && Accelerated.Declared);
        Kept = [.. replay.Kept(model.Index).Select((q, k) => (q, Local("kept" + CSharpLiterals.Int(k), q.Unit == Unit.Bool ? "bool" : "double", StateLife.Period,
            comment: "what its condition read before the waterfall, for a recount")))];
    }

    public TriggerModel Model { get; }

    /// <summary>Whether a recount after the waterfall works the trigger out again (<see cref="CureReplay"/>).</summary>
    public bool Replayed { get; }

    public StateVar Active { get; }

    /// <summary>Declared only for a trigger with cure rules (<see cref="TriggerModel.HasCureRules"/>), as the next two.</summary>
    public StateVar Breached { get; }

    public StateVar Breaches { get; }

    public StateVar Passes { get; }

    /// <summary>Declared only for a trigger that accelerates: set once it is first active, never reset.</summary>
    public StateVar Accelerated { get; }

    /// <summary>Declared only for a trigger with an equity cure, as <see cref="CuresLeft"/>.</summary>
    public StateVar Cure { get; }

    public StateVar CuresLeft { get; }

    /// <summary>What the cure prepays of each tranche it names (<see cref="EquityCureModel.Prepaying"/>, in order) this
    /// period; none for a cure into an account alone.</summary>
    public IReadOnlyList<StateVar> CurePrepaid { get; }

    /// <summary>Declared only for a cure prepaying tranches then into an account: what it deposits.</summary>
    public StateVar CureDeposited { get; }

    /// <summary>What the cure deposits in its account this period: all of it, or, after prepaying, the rest.</summary>
    public string Deposit => CureDeposited.Declared ? CureDeposited.Name : Cure.Name;

    /// <summary>Declared for a trigger with an equity cure, as the next three: the cure's cash put among a waterfall's
    /// cash in its own period (its deposit paid out at the maturity or by enforcement; at the maturity, what a
    /// prepayment frees), which a distribution returns to the equity as not called
    /// (docs/language.md "A cure in the final period").</summary>
    public StateVar CureReleased { get; }

    public StateVar CureUncalled { get; }

    public StateVar CuredCfads { get; }

    public StateVar CureDenominator { get; }

    /// <summary>Declared for a trigger with an equity cure when a later one watches the same test.</summary>
    public StateVar TestAfterCure { get; }

    /// <summary>Declared for a replayed trigger with cure rules, as the next two: the rules' state before the period's
    /// evaluation, which a recount starts again from.</summary>
    public StateVar ActiveBefore { get; }

    public StateVar BreachesBefore { get; }

    public StateVar PassesBefore { get; }

    /// <summary>Declared for a replayed trigger that accelerates: the latch before the period's evaluation.</summary>
    public StateVar AcceleratedBefore { get; }

    /// <summary>What a replayed trigger without a cure read before the waterfall (<see cref="CureReplay.Kept"/>), each
    /// quantity with the local keeping it.</summary>
    public IReadOnlyList<(QuantityExpression Quantity, StateVar Local)> Kept { get; }

    public override string Heading => Name + " (trigger, " + Model.Effect + ")";
}

/// <summary>
/// Triggers: a flag per period, after the tests, which waterfall conditions read: its condition (from its
/// <c>from</c> date), or, with cure rules, active after N consecutive breaches until M consecutive period ends
/// without one. A trigger receives, owes, holds and carries nothing, is the target of no step and is not collateral.
/// </summary>
internal sealed class TriggerComponent : EmitterComponent<TriggerState>
{
    private readonly CureReplay _replay;

    public TriggerComponent(EmitContext ctx)
        : this(ctx, new CureReplay(ctx.Model.Triggers))
    {
    }

    private TriggerComponent(EmitContext ctx, CureReplay replay)
        : base(ctx, () => ctx.Model.Triggers.Select(t => new TriggerState(t, ctx.Model, replay)))
    {
        _replay = replay;
    }

    public override DeclarationKind Kind => DeclarationKind.Trigger;

    public override string DescriptionProperty => "Triggers";

    public override IEnumerable<string> DescriptionElements() => States.Select(t => CSharpLiterals.String(t.Name));

    public override IEnumerable<(BoundExpression Expression, int Window)> Expressions() =>
        Model.Triggers.Select(t => (t.Condition, 1));

    public override string? Read(Quantity quantity, int index) =>
        quantity == Quantity.TriggerActive ? this[index].Active.Name : null;

    public override void WriteTests(IndentedWriter w)
    {
        foreach (var trigger in States)
        {
            var model = trigger.Model;
            if (model.Cure is { } cure)
            {
                WriteCure(w, trigger, cure);
            }

            if (trigger.Replayed)
            {
                WriteKeptForRecount(w, trigger);
            }

            WriteFlag(w, trigger);
        }
    }

    // What a recount (WriteCureRecount) starts the trigger again from: its rules' state and acceleration latch before
    // this period's evaluation, and what its condition reads that the waterfall may move.
    private void WriteKeptForRecount(IndentedWriter w, TriggerState trigger)
    {
        var kept = new List<string>();
        if (trigger.ActiveBefore.Declared)
        {
            kept.Add(trigger.ActiveBefore + " = " + trigger.Active + "; " + trigger.BreachesBefore + " = " + trigger.Breaches + "; "
                + trigger.PassesBefore + " = " + trigger.Passes + ";");
        }

        if (trigger.AcceleratedBefore.Declared)
        {
            kept.Add(trigger.AcceleratedBefore + " = " + trigger.Accelerated + ";");
        }

        for (int k = 0; k < kept.Count; k++)
        {
            w.Line(kept[k] + (k == 0 ? " // for a recount, should a cure not all be called" : ""));
        }

        foreach (var (quantity, local) in trigger.Kept)
        {
            w.Line(local + " = " + CSharpEmitter.Expression(Ctx, quantity, null) + "; // as its condition reads it before the waterfall, for a recount");
        }
    }

    // The trigger's flag from its condition (with cure rules, from its breaches and passes), its result row and the
    // acceleration latch. In a recount, the condition reads what it read before the waterfall but for what the cures
    // not called change (CureReplay).
    private void WriteFlag(IndentedWriter w, TriggerState trigger, bool recount = false)
    {
        var model = trigger.Model;
        Func<QuantityExpression, string?> read = q => recount && model.Cure is null ? ReadAsBefore(trigger, q) : null;
        string condition = Ctx.ReadingWith(read, () => model.From is { } from
            ? "periodEnd >= " + Ctx.DateConstant(from) + " && " + CSharpEmitter.Operand(Ctx, model.Condition, null)
            : CSharpEmitter.Expression(Ctx, model.Condition, null));
        if (!model.HasCureRules)
        {
            w.Comment(trigger.Name + " (effect: " + model.Effect + ")");
            w.Line(trigger.Active + " = " + condition + ";");
        }
        else
        {
            WriteCureRules(w, trigger, condition);
        }

        w.Line(Ctx.ResultRow("TriggerActive", CSharpLiterals.Int(trigger.Index)) + "[t] = " + trigger.Active + ";");
        if (trigger.Accelerated.Declared)
        {
            w.Line(trigger.Accelerated + " = " + trigger.Accelerated + " || " + trigger.Active + "; // accelerate: from the next period on");
        }
    }

    /// <summary>A pay-out of every account (the maturity's, enforcement's) before its zeroing: the cures deposited in
    /// <paramref name="account"/> this period that it still holds (a cure is the last of its cash drawn) join the
    /// waterfall's cash as released cures, which a distribution returns as not called.</summary>
    public void WriteCuresReleased(IndentedWriter w, int account, string balance)
    {
        var into = States.Where(s => s.Model.Cure?.Into == account).ToList();
        if (into.Count == 1)
        {
            w.Line(into[0].CureReleased + " += Math.Min(" + into[0].Deposit + ", " + balance + "); // " + into[0].Name + "'s cure, paid out with the account");
            return;
        }

        if (into.Count > 1)
        {
            using (w.Block())
            {
                w.Line("double curesHeld = " + balance + ", cureHeld;");
                foreach (var trigger in into)
                {
                    w.Line("cureHeld = Math.Min(" + trigger.Deposit + ", curesHeld); // " + trigger.Name + "'s cure, paid out with the account");
                    w.Line(trigger.CureReleased + " += cureHeld;");
                    w.Line("curesHeld -= cureHeld;");
                }
            }
        }
    }

    /// <summary>Before a distribution (and the residual): a cure released into the waterfall by a pay-out of the
    /// accounts is the last cash the steps use, so what of it is still available here is what the debt did not need:
    /// it is not called (docs/language.md "Where the cure goes").</summary>
    public void WriteUncalledCures(IndentedWriter w)
    {
        var equities = Ctx.Components.Of<EquityComponent>();
        // The later trigger's cure topped up what the earlier ones lifted the test to: it is the last cash, so the
        // first not called.
        foreach (var trigger in States.Where(s => s.CureReleased.Declared).Reverse())
        {
            using (w.Block("if (" + trigger.CureReleased + " > 0.0)"))
            {
                w.Comment(trigger.Name + ": the cure the debt did not need before this distribution is not called");
                w.Line("double uncalled = Math.Min(available, " + trigger.CureReleased + ");");
                w.Line(trigger.CureReleased + " = 0.0;");
                w.Line(trigger.Cure + " -= uncalled;");
                if (trigger.CureDeposited.Declared)
                {
                    w.Line(trigger.CureDeposited + " -= Math.Min(" + trigger.CureDeposited + ", uncalled);");
                }

                w.Line(trigger.CureUncalled + " += uncalled;");
                w.Line("available -= uncalled;");
                w.Line("collections -= uncalled;");
                w.Line("cfads -= uncalled;");
                if (equities.UndrawnOf(trigger.Model.Cure!.Equity) is { } undrawn)
                {
                    w.Line(undrawn + " += uncalled;");
                }
            }
        }
    }

    /// <summary>After a waterfall, when a cure was not all called: the triggers are replayed in declaration order from
    /// the first with a cure (<see cref="CureReplay"/>). A trigger with a cure has its watched test at what the cures
    /// called lift it to, and each replayed trigger its flag worked out again from there (its cure rules and latch from
    /// their state before the period), so that the breach counts and a trigger reading it sees it.</summary>
    public void WriteCureRecount(IndentedWriter w)
    {
        var cures = States.Where(s => s.Model.Cure is not null).ToList();
        if (cures.Count == 0)
        {
            return;
        }

        var tests = Ctx.Components.Of<TestComponent>();
        using (w.Block("if (" + string.Join(" + ", cures.Select(c => c.CureUncalled.Name)) + " > 0.0)"))
        {
            var uncalled = new List<string>();
            foreach (var trigger in States.Where(s => s.Replayed))
            {
                if (trigger.Model.Cure is { } cure)
                {
                    // cfads as this trigger's test read it counted its own cure and those of the triggers before it
                    uncalled.Add(trigger.CureUncalled.Name);
                    WriteTestRecount(w, trigger, tests[cure.Test], Sum(uncalled), surely: uncalled.Count == cures.Count);
                }
                else
                {
                    w.Comment(trigger.Name + " reads what the cures not called change: worked out again");
                }

                var restore = new List<string>();
                if (trigger.ActiveBefore.Declared)
                {
                    restore.Add(trigger.Active + " = " + trigger.ActiveBefore + "; " + trigger.Breaches + " = " + trigger.BreachesBefore + "; "
                        + trigger.Passes + " = " + trigger.PassesBefore + ";");
                }

                if (trigger.AcceleratedBefore.Declared)
                {
                    restore.Add(trigger.Accelerated + " = " + trigger.AcceleratedBefore + ";");
                }

                foreach (string line in restore)
                {
                    w.Line(line);
                }

                WriteFlag(w, trigger, recount: true);
            }
        }
    }

    // A cure trigger's test in a recount: what the cures called up to it lift it to, when one of them was not all called
    // (surely so for the last: the recount runs because one was); else as the trigger left it, which a later cure on
    // the same test may have moved since.
    private void WriteTestRecount(IndentedWriter w, TriggerState trigger, TestState test, string notCalled, bool surely)
    {
        string row = Ctx.ResultRow("TestValues", CSharpLiterals.Int(test.Index)) + "[t] = " + test.Value + ";";
        void Recounted()
        {
            w.Comment(trigger.Name + ": the test is what the cures called lift it to, and the breach counts");
            w.Line(test.Value + " = " + RatioOf(test, trigger.CuredCfads + " - " + notCalled, trigger.CureDenominator.Name) + ";");
            w.Line(row);
        }

        if (surely)
        {
            Recounted();
            return;
        }

        using (w.Block("if (" + notCalled + " > 0.0)"))
        {
            Recounted();
        }

        if (trigger.TestAfterCure.Declared)
        {
            using (w.Block("else"))
            {
                w.Line(test.Value + " = " + trigger.TestAfterCure + "; // as " + trigger.Name + " left it, before a later cure moved it");
                w.Line(row);
            }
        }
    }

    // A quantity a replayed trigger without a cure reads in a recount: cfads as the last cure before it left it, less
    // what the cures up to there did not call; collections as it read them, less the same; what it kept before the
    // waterfall (CureReplay.Kept); anything else as it stands (the flags and tests the recount set, the dates).
    private string? ReadAsBefore(TriggerState trigger, QuantityExpression q)
    {
        int lastCure = _replay.LastCureBefore(trigger.Index);
        string NotCalled() => Sum([.. States.Take(lastCure + 1).Where(s => s.Model.Cure is not null).Select(s => s.CureUncalled.Name)]);
        if (q.Quantity == Quantity.Cfads)
        {
            return "(" + this[lastCure].CuredCfads + " - " + NotCalled() + ")";
        }

        var kept = trigger.Kept.Where(k => k.Quantity.Quantity == q.Quantity && k.Quantity.Index == q.Index).Select(k => k.Local.Name).FirstOrDefault();
        return kept is null ? null
            : q.Quantity == Quantity.Collections ? "(" + kept + " - " + NotCalled() + ")"
            : kept;
    }

    // The test's ratio of cfads to its denominator, n/a before its 'from' date as where it is first worked out.
    private string RatioOf(TestState test, string cfads, string denominator)
    {
        string ratio = "Flows.Ratio(" + cfads + ", " + denominator + ")";
        return test.Model.From is { } from ? "periodEnd >= " + Ctx.DateConstant(from) + " ? " + ratio + " : double.NaN" : ratio;
    }

    private static string Sum(IReadOnlyList<string> terms) => terms.Count == 1 ? terms[0] : "(" + string.Join(" + ", terms) + ")";

    // An equity cure: while cures are left, before any event of default and within the scheduled periods, a breach of
    // the watched test (from the trigger's 'from' date) is cured by the equity paying in threshold x X - cfads (the test
    // is cfads / X); that cash is collections and cfads of the period, and the test is then the threshold (the max only
    // absorbs rounding), so the trigger's condition does not hold and no breach counts. The cash never joins the
    // waterfall's available cash, from which 'distribute rest' would pay it straight back: it is deposited in its
    // account here (where 'release' leaves it this period), or prepays its tranches at the waterfall's start.
    // An equity that states a commitment pays in at most what is left of it: a call stops at the commitment, the
    // test is then what the smaller cure lifts it to, and the breach that remains counts.
    private void WriteCure(IndentedWriter w, TriggerState trigger, EquityCureModel cure)
    {
        var test = Ctx.Components.Of<TestComponent>()[cure.Test];
        string threshold = CSharpLiterals.DoubleOperand(cure.Threshold);
        string denominator = CSharpEmitter.Operand(Ctx, cure.Denominator, null);
        if (trigger.CureReleased.Declared)
        {
            w.Line(trigger.CureReleased + " = 0.0;");
            w.Line(trigger.CureUncalled + " = 0.0;");
        }

        var since = _replay.CuresSinceTestSet(trigger.Index);
        if (since.Count > 0)
        {
            // Left as it was, the test would not count those cures, and this cure would be worked out on a cfads that
            // does (a negative cure where they already lift the test past its threshold).
            w.Comment(trigger.Name + ": " + test.Name + " reads cfads, which the cures before it added to: worked out again before its own");
            using (w.Block("if (" + string.Join(" + ", since.Select(i => this[i].Cure.Name)) + " > 0.0)"))
            {
                w.Line(test.Value + " = " + RatioOf(test, "cfads", denominator) + ";");
                w.Line(Ctx.ResultRow("TestValues", CSharpLiterals.Int(test.Index)) + "[t] = " + test.Value + ";");
            }
        }

        string from = trigger.Model.From is { } date ? "periodEnd >= " + Ctx.DateConstant(date) + " && " : "";
        string? undrawn = Ctx.Components.Of<EquityComponent>().UndrawnOf(cure.Equity);
        w.Comment(trigger.Name + ": equity cure by " + Ctx.Model.Equities[cure.Equity].Name + ", at most " + CSharpLiterals.Int(cure.Times) + " times"
            + (undrawn is null ? "" : ", and at most its commitment left"));
        w.Line(trigger.Cure + " = 0.0;");
        using (w.Block("if (" + trigger.CuresLeft + " > 0 && !eventOfDefault && t < ScheduledPeriods && " + from + test.Value + " < " + threshold
            + (undrawn is null ? "" : " && " + undrawn + " > 0.0") + ")"))
        {
            if (undrawn is null)
            {
                w.Line(trigger.Cure + " = " + threshold + " * " + denominator + " - cfads;");
            }
            else
            {
                w.Line("double needed = " + threshold + " * " + denominator + " - cfads;");
                w.Line(trigger.Cure + " = Math.Min(needed, " + undrawn + ");");
                w.Line(undrawn + " -= " + trigger.Cure + ";");
            }

            w.Line("cfads += " + trigger.Cure + ";");
            w.Line("collections += " + trigger.Cure + ";");
            if (cure.Into >= 0 && cure.PrepayingList.IsEmpty)
            {
                var account = Ctx.Components.Of<AccountComponent>()[cure.Into];
                w.Line(account.Balance + " += " + trigger.Cure + "; // deposited in " + account.Name + ", not available to the waterfall");
            }
            w.Line(test.Value + " = " + (undrawn is null ? "" : trigger.Cure + " < needed ? Flows.Ratio(cfads, " + denominator + ") : ")
                + "Math.Max(Flows.Ratio(cfads, " + denominator + "), " + threshold + ");");
            w.Line(Ctx.ResultRow("TestValues", CSharpLiterals.Int(test.Index)) + "[t] = " + test.Value + ";");
            w.Line(trigger.CuresLeft + " -= 1;");
        }

        // every period: a recount reads them when a cure up to this one was not all called, paid in here or before
        w.Line(trigger.CuredCfads + " = cfads; " + trigger.CureDenominator + " = " + denominator + "; // as the test read them, for a recount");
        if (trigger.TestAfterCure.Declared)
        {
            w.Line(trigger.TestAfterCure + " = " + test.Value + ";");
        }
    }

    // 4. Before the waterfall's steps (after its paid amounts start at zero): a cure prepaying tranches pays each in the
    // order written, at most its balance, as principal due and paid this period on top of the schedule (never more
    // than the balance in all), so the waterfall's 'pay T.principal' still owes what the schedule asks; what the
    // balances cannot take is deposited in the cure's account ('then into A'), or else joins the available cash.
    public override void WriteBeforeSteps(IndentedWriter w)
    {
        var tranches = Ctx.Components.Of<TrancheComponent>();
        foreach (var trigger in States.Where(s => s.CurePrepaid.Count > 0))
        {
            var prepaying = trigger.Model.Cure!.PrepayingList;
            w.Comment(trigger.Name + ": the equity cure prepays " + string.Join(", then ", prepaying.Select(i => tranches[i].Name))
                + (trigger.CureDeposited.Declared ? ", then goes into " + Ctx.Components.Of<AccountComponent>()[trigger.Model.Cure.Into].Name : ""));
            foreach (var prepaid in trigger.CurePrepaid)
            {
                w.Line(prepaid + " = 0.0;");
            }

            if (trigger.CureDeposited.Declared)
            {
                w.Line(trigger.CureDeposited + " = 0.0;");
            }

            using (w.Block("if (" + trigger.Cure + " > 0.0)"))
            {
                w.Line("double cureLeft = " + trigger.Cure + ";");
                for (int k = 0; k < prepaying.Length; k++)
                {
                    var tranche = tranches[prepaying[k]];
                    string prepaid = trigger.CurePrepaid[k].Name;
                    w.Line(prepaid + " = Math.Min(cureLeft, " + tranche.Balance + ");");
                    w.Line("if (t == ScheduledPeriods - 1) " + trigger.CureReleased + " += Math.Max(0.0, " + tranche.PrincipalDue + " + " + prepaid + " - " + tranche.Balance
                        + "); // at the maturity, what stands in for the schedule frees the period's cash");
                    w.Line(tranche.PrincipalDue + " = Math.Min(" + tranche.PrincipalDue + " + " + prepaid + ", " + tranche.Balance + ");");
                    if (tranche.Accelerable)
                    {
                        w.Line(tranche.ScheduleDue + " = Math.Min(" + tranche.ScheduleDue + " + " + prepaid + ", " + tranche.Balance + ");");
                    }

                    w.Line(tranche.PrincipalPaid + " += " + prepaid + ";");
                    w.Line(tranche.Balance + " -= " + prepaid + ";");
                    w.Line("cureLeft -= " + prepaid + ";");
                }

                if (trigger.CureDeposited.Declared)
                {
                    var account = Ctx.Components.Of<AccountComponent>()[trigger.Model.Cure.Into];
                    w.Line(trigger.CureDeposited + " = cureLeft; // what the tranches' balances could not take");
                    w.Line(account.Balance + " += cureLeft; // deposited in " + account.Name + ", not available to the waterfall");
                }
                else
                {
                    w.Line("available += cureLeft; // what the tranches' balances could not take");
                    w.Line("if (t == ScheduledPeriods - 1) " + trigger.CureReleased + " += cureLeft;");
                }
            }
        }
    }

    /// <summary>The cure locals of the triggers whose equity cure is deposited in <paramref name="account"/>: this
    /// period's deposits, which its <c>release</c> leaves in it.</summary>
    public IReadOnlyList<string> CuresInto(int account) =>
        [.. States.Where(s => s.Model.Cure?.Into == account).Select(s => s.Deposit)];

    /// <summary>The cure locals of the triggers equity <paramref name="equity"/> cures, for its injections.</summary>
    public IReadOnlyList<string> CuresBy(int equity) =>
        [.. States.Where(s => s.Model.Cure?.Equity == equity).Select(s => s.Cure.Name)];

    /// <summary>A C# condition that holds once a trigger accelerating <paramref name="tranche"/> has been active (the
    /// tranche's whole balance is then due), or null when no trigger accelerates it.</summary>
    public string? AcceleratedCondition(int tranche)
    {
        var flags = States.Where(s => s.Model.ActionList.OfType<AccelerateAction>().Any(a => a.Tranches.Contains(tranche)))
            .Select(s => s.Accelerated.Name).ToList();
        return flags.Count == 0 ? null : string.Join(" || ", flags);
    }

    // Trips after N consecutive breaches; once active, cures after M consecutive period ends without one (a
    // breach while active starts the count again).
    private static void WriteCureRules(IndentedWriter w, TriggerState trigger, string condition)
    {
        var model = trigger.Model;
        w.Comment(trigger.Name + " (effect: " + model.Effect + "): trips after " + CSharpLiterals.Int(model.TripsAfter)
            + " consecutive breaches, cures after " + CSharpLiterals.Int(model.CuresAfter) + " consecutive passes");
        w.Line(trigger.Breached + " = " + condition + ";");
        using (w.Block("if (!" + trigger.Active + ")"))
        {
            w.Line(trigger.Breaches + " = " + trigger.Breached + " ? " + trigger.Breaches + " + 1 : 0;");
            using (w.Block("if (" + trigger.Breaches + " >= " + CSharpLiterals.Int(model.TripsAfter) + ")"))
            {
                w.Line(trigger.Active + " = true;");
                w.Line(trigger.Passes + " = 0;");
            }
        }

        using (w.Block("else"))
        {
            w.Line(trigger.Passes + " = " + trigger.Breached + " ? 0 : " + trigger.Passes + " + 1;");
            using (w.Block("if (" + trigger.Passes + " >= " + CSharpLiterals.Int(model.CuresAfter) + ")"))
            {
                w.Line(trigger.Active + " = false;");
                w.Line(trigger.Breaches + " = 0;");
            }
        }
    }
}
