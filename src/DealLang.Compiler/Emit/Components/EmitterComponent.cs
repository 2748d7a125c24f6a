using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// What the emitter writes for one declaration kind, for every entity of that kind, phase by phase: the period
/// loop (<c>CSharpEmitter.PeriodLoop.cs</c>) is a schedule that asks each component, in registry order, for its
/// code of the phase at hand. A component's state is declared once, as handles (<see cref="EntityState"/>), so
/// each phase refers to <c>tranche.Balance</c> and never to a member name.
/// </summary>
/// <remarks>
/// A hook left at its default writes nothing: each component says which phases it takes no part in and why. What
/// every kind must give — its description data, what its quantities read — is abstract. Components write
/// straight-line code over locals and static arrays: no virtual call, allocation or collection reaches the loop.
/// </remarks>
internal abstract class EmitterComponent
{
    protected EmitterComponent(EmitContext ctx) => Ctx = ctx;

    public abstract DeclarationKind Kind { get; }

    /// <summary>The state handles of each entity of the kind, by index.</summary>
    public abstract IReadOnlyList<EntityState> Entities { get; }

    protected EmitContext Ctx { get; }

    protected DealModel Model => Ctx.Model;

    // ------------------------------------------------------------------ the class around the loop

    /// <summary>Static data the loop reads (schedules, escalation factors, window lengths), hoisted out of it.</summary>
    public virtual void WriteConstants(IndentedWriter w)
    {
    }

    /// <summary>The <c>DealDescription</c> property that lists the kind's entities (<c>Tranches</c>).</summary>
    public abstract string DescriptionProperty { get; }

    /// <summary>One C# expression per entity, in index order: the runtime record the runner reads.</summary>
    public abstract IEnumerable<string> DescriptionElements();

    // ------------------------------------------------------------------ state

    /// <summary>The entities' locals at closing, from their handles: a heading, then one declaration per local.</summary>
    public void WriteState(IndentedWriter w)
    {
        foreach (var entity in Entities)
        {
            var locals = entity.Vars.Where(v => v.Storage == StateStorage.Local && v.Declared).ToList();
            if (locals.Count == 0)
            {
                continue;
            }

            w.Comment(entity.Heading);
            foreach (var local in locals)
            {
                w.Line(local.Type + " " + local.Name + " = " + local.Initial + ";"
                    + (local.Comment is null ? "" : " // " + CSharpLiterals.CommentText(local.Comment)));
            }
        }
    }

    /// <summary>The C# expression for the kind's <paramref name="quantity"/> of entity <paramref name="index"/> now,
    /// or null when the quantity is another kind's.</summary>
    public abstract string? Read(Quantity quantity, int index);

    /// <summary>The kind's expressions, in the order the loop evaluates them, with their trailing windows (1: none):
    /// what the emitter walks first, to learn what is read. Needs only the model: it runs before the handles exist.</summary>
    public virtual IEnumerable<(BoundExpression Expression, int Window)> Expressions() => [];

    /// <summary>Whether the kind's <paramref name="quantity"/> is known only after the waterfall (an amount paid).</summary>
    public virtual bool KnownAfterWaterfall(Quantity quantity) => false;

    /// <summary>The history buffer of a flow that trailing tests sum: <c>history_</c> and the state it records.</summary>
    public virtual string HistoryName(Quantity quantity, int index) =>
        "history_" + (Read(quantity, index) ?? throw new InvalidOperationException("Internal error: " + quantity + " is not a " + Kind.Keyword() + "'s."))
            .Replace("[t]", "", StringComparison.Ordinal).TrimStart('@');

    /// <summary>The kind's terms of a deal-wide sum, entity by entity.</summary>
    public virtual IEnumerable<string> Terms(DealSum sum) => [];

    /// <summary>The kind's terms of a forward CFADS (<c>cfads over next D</c>, docs/language.md §7) over the window
    /// whose last period is <c><paramref name="lastArray"/>[t]</c>, entity by entity: what it is contracted to receive
    /// (<paramref name="deductions"/> false) or known to cost (true) in the periods after this one, from what the loop
    /// knows now.</summary>
    public virtual IEnumerable<string> ForwardCfads(string lastArray, bool deductions) => [];

    /// <summary>One entity's flow <paramref name="quantity"/> projected over the same window, as its forward CFADS
    /// counts it (what a per-period fee that is a share of it is projected on, <see cref="Model.ForwardFlows"/>); null
    /// when the kind does not project that flow.</summary>
    public virtual string? ForwardFlow(Quantity quantity, int index, string lastArray) => null;

    // ------------------------------------------------------------------ the period loop, in the order it runs

    /// <summary>Period start: what the period's expressions read as "at the period's start".</summary>
    public virtual void WritePeriodStart(IndentedWriter w)
    {
    }

    /// <summary>2a. What the entity owes this period from its own state alone (before collections, which may read it).</summary>
    public virtual void WriteDues(IndentedWriter w)
    {
    }

    /// <summary>1. What the entity receives this period (its <see cref="DealSum.Collections"/> terms).</summary>
    public virtual void WriteCollections(IndentedWriter w)
    {
    }

    /// <summary>2b. Amounts due that <c>cfads</c> deducts (written before it).</summary>
    public virtual void WriteAmountsDue(IndentedWriter w)
    {
    }

    /// <summary>2b. Amounts worked out once <c>cfads</c> and <c>debtService</c> are known (account targets).</summary>
    public virtual void WriteAmountsAfterCfads(IndentedWriter w)
    {
    }

    /// <summary>3. Measures and flags, after the history of the flows trailing tests read.</summary>
    public virtual void WriteTests(IndentedWriter w)
    {
    }

    /// <summary>4. Before the waterfall: every <see cref="StateLife.Paid"/> local starts the period at zero.</summary>
    public void WriteWaterfallStart(IndentedWriter w)
    {
        foreach (var entity in Entities)
        {
            foreach (var paid in entity.Vars.Where(v => v.Life == StateLife.Paid && v.Declared))
            {
                w.Line(paid + " = 0.0;");
            }
        }
    }

    /// <summary>4. After the paid amounts start at zero and before the steps, in the components' order (a holding's
    /// draws funded, then an equity cure's prepayment).</summary>
    public virtual void WriteBeforeSteps(IndentedWriter w)
    {
    }

    /// <summary>4. A waterfall step that targets an entity of this kind (pay, fill, release, hold, distribute).
    /// The step's amounts (<paramref name="step"/>'s locals) are declared already.</summary>
    public virtual void WriteStep(NumberedStep step, IndentedWriter w) =>
        throw new InvalidOperationException("Internal error: no waterfall step targets a " + Kind.Keyword() + " (" + step.Title + ").");

    /// <summary>4. What a pay step on this kind owes now (an expression), for a pro-rata group to share the cash by.</summary>
    public virtual string PayOwed(PayStep pay) =>
        throw new InvalidOperationException("Internal error: no pay step targets a " + Kind.Keyword() + " (" + pay.Label + ").");

    /// <summary>4. What a <c>pro_rata by balance</c> group weighs a pay step of this kind by (a tranche's balance).</summary>
    public virtual string ProRataWeight(PayStep pay) =>
        throw new InvalidOperationException("Internal error: a " + Kind.Keyword() + " has no balance to share a pro_rata group by (" + pay.Label + ").");

    /// <summary>4. What paying <paramref name="paid"/> on a pay step of this kind reduces (after a pro-rata group).</summary>
    public virtual void WriteApplyPaid(PayStep pay, string paid, IndentedWriter w) =>
        throw new InvalidOperationException("Internal error: no pay step targets a " + Kind.Keyword() + " (" + pay.Label + ").");

    /// <summary>5. What was not paid carries to the next period (again after an enforcement pass).</summary>
    public virtual void WriteCarry(IndentedWriter w)
    {
    }

    /// <summary>Cash held by the kind moves into the waterfall: in the final period, and as collateral once
    /// enforcement starts.</summary>
    public virtual void WriteReleaseHeld(IndentedWriter w)
    {
    }

    /// <summary>The collateral kind of this kind's entities, if enforcement can sell them (then
    /// <see cref="CollateralValue"/> says what a sale realises); null for a kind that is not collateral.</summary>
    public virtual CollateralKind? Collateral => null;

    /// <summary>6. What an enforcement sale of entity <paramref name="index"/> realises, before the haircut: the
    /// component of a kind that can be collateral overrides this.</summary>
    public virtual string CollateralValue(int index) =>
        throw new InvalidOperationException("Internal error: a " + Kind.Keyword() + " cannot be sold by enforcement.");

    /// <summary>6. What follows the sale of entity <paramref name="index"/> in the period it is sold (after its
    /// <see cref="CollateralValue"/> was realised): a kind whose own state must end with the sale writes it here.</summary>
    public virtual void WriteSold(int index, IndentedWriter w)
    {
    }

    /// <summary>7. What happens at the period's end, once, after the waterfall, the carry, the default rule and any
    /// enforcement, before the results are written (a delayed-draw tranche's draw is funded here).</summary>
    public virtual void WritePeriodEnd(IndentedWriter w)
    {
    }

    /// <summary>The C# local holding collateral value <paramref name="quantity"/> of entity <paramref name="index"/> at
    /// the period's start (<see cref="EmitContext.AtPeriodStart"/>), or null when the quantity is another kind's.</summary>
    public virtual string? ReadAtPeriodStart(Quantity quantity, int index) => null;

    /// <summary>8. The very end of the period, after everything else (results and cash check included): the collateral
    /// values that the next period's coupons and PIK conditions read at its start, set to this period's end values.</summary>
    public virtual void WriteNextPeriodStart(IndentedWriter w)
    {
    }

    /// <summary>7. The period's per-entity results (<c>RunResult</c> arrays).</summary>
    public virtual void WriteResults(IndentedWriter w)
    {
    }

    /// <summary>7. After the loop: the run's per-entity totals (what was never repaid).</summary>
    public virtual void WriteRunEnd(IndentedWriter w)
    {
    }

    /// <summary>The kind's ledger columns in <paramref name="section"/>: its handles that are ledger columns.</summary>
    public IEnumerable<CSharpEmitter.LedgerEntry> LedgerColumns(LedgerSection section) =>
        Entities.SelectMany(e => e.Vars)
            .Where(v => v.Ledger is { } slot && slot.Section == section && v.Declared)
            .Select(v => new CSharpEmitter.LedgerEntry(v.Ledger!.Label, v.Ledger.Kind, v.LedgerValue));
}

/// <summary>A component whose entities' handles are of type <typeparamref name="TState"/>.</summary>
internal abstract class EmitterComponent<TState> : EmitterComponent
    where TState : EntityState
{
    private readonly Func<IEnumerable<TState>> _create;
    private TState[]? _states;

    /// <param name="states">Makes the entities' handles, once the emitter knows what the deal's expressions read
    /// (<see cref="EmitContext"/> asks for them after its walk; some handles are declared only when read).</param>
    protected EmitterComponent(EmitContext ctx, Func<IEnumerable<TState>> states)
        : base(ctx) => _create = states;

    /// <summary>The handles of entity <paramref name="index"/>.</summary>
    public TState this[int index] => States[index];

    public IReadOnlyList<TState> States => _states ??= Create();

    public override IReadOnlyList<EntityState> Entities => States;

    private TState[] Create()
    {
        TState[] states = [.. _create()];
        for (int i = 0; i < states.Length; i++)
        {
            if (states[i].Index != i)
            {
                throw new InvalidOperationException("Internal error: the " + Kind.Keyword() + " '" + CSharpLiterals.CommentText(states[i].Name)
                    + "' has an index that does not match its position.");
            }
        }

        return states;
    }
}
