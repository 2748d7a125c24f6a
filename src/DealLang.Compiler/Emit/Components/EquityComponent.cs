using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>An equity's state in the generated C#.</summary>
internal sealed class EquityState : EntityState
{
    /// <param name="callable">Whether something of the period calls capital from it as the cash needs it (an equity cure,
    /// a holding's draws): then, when it states a commitment, what is left of it is tracked.</param>
    public EquityState(EquityInfo info, int index, bool callable = false)
        : base(DeclarationKind.Equity, info.Name, index)
    {
        Info = info;
        Distributed = Local("distributed", "double", StateLife.Paid);
        Undrawn = Local("undrawn", "double", StateLife.Carried,
            CSharpLiterals.Double(double.IsNaN(info.Commitment) ? 0.0 : Math.Max(0.0, info.Commitment - info.Contributed - info.Calls.Sum(c => c.Amount))),
            "its commitment not yet contributed, called on a date, or called by a cure or a draw: what a call may still take",
            declared: callable && !double.IsNaN(info.Commitment));
    }

    public EquityInfo Info { get; }

    public StateVar Distributed { get; }

    /// <summary>The commitment that cures and a holding's draws may still call (docs/language.md §5 "Commitments drawn
    /// over time"): declared for an equity that states a commitment and is called so.</summary>
    public StateVar Undrawn { get; }
}

/// <summary>
/// Equities: what distribute steps (and any residual cash) pay them each period. An equity has no quantity an
/// expression can read, receives, owes, holds and carries nothing, and is not collateral; its distributions are
/// ledger columns of the steps that make them.
/// </summary>
internal sealed class EquityComponent(EmitContext ctx)
    : EmitterComponent<EquityState>(ctx, () => ctx.Model.Equities.Select((e, i) => new EquityState(e, i,
        ctx.Model.Triggers.Any(t => t.Cure?.Equity == i) || ctx.Model.Holdings.Any(h => h.Draws && h.CalledFrom == i))))
{
    /// <summary>What is left of equity <paramref name="equity"/>'s commitment to call, or null when it states none (or
    /// nothing calls it): a call takes at most that.</summary>
    public string? UndrawnOf(int equity) => this[equity].Undrawn.Declared ? this[equity].Undrawn.Name : null;

    public override DeclarationKind Kind => DeclarationKind.Equity;

    public override string DescriptionProperty => "Equities";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
    {
        var e = s.Info;
        var inits = new List<string>();
        if (e.Carry is { } c)
        {
            inits.Add("Carry = " + Terms(c));
        }

        if (!double.IsNaN(e.Commitment))
        {
            inits.Add("Commitment = " + CSharpLiterals.Double(e.Commitment));
        }

        if (e.Calls.Length > 0)
        {
            inits.Add("Calls = " + CSharpEmitter.List(e.Calls.Select(k => "new CapitalCall(" + CSharpLiterals.Date(k.Date) + ", " + CSharpLiterals.Double(k.Amount) + ")")));
        }

        return "new EquityInfo(" + CSharpLiterals.String(e.Name) + ", " + CSharpLiterals.Double(e.Contributed) + ", "
            + CSharpEmitter.List(e.Holders.Select(h => "new EquityHolder(" + CSharpLiterals.Int(h.Party) + ", " + CSharpLiterals.Double(h.Share) + ")"
                + (h.Terms is { } t ? " { Terms = " + Terms(t) + " }" : ""))) + ")"
            + (inits.Count > 0 ? " { " + string.Join(", ", inits) + " }" : "");
    });

    // A fund's terms, with 'DealByDeal' only when set, so a whole-fund carry's description reads as before.
    private static string Terms(CarryTerms c) =>
        "new CarryTerms(" + CSharpLiterals.Double(c.Hurdle) + ", " + CSharpLiterals.Double(c.Rate) + ", "
            + CSharpLiterals.Int(c.Partner) + ", " + CSharpLiterals.Double(c.CatchUp) + ")" + (c.DealByDeal ? " { DealByDeal = true }" : "");

    /// <summary>The language gives an equity no members to read.</summary>
    public override string? Read(Quantity quantity, int index) => null;

    public override IEnumerable<string> Terms(DealSum sum) =>
        sum == DealSum.PaidOut ? States.Select(e => e.Distributed.Name) : [];

    // distribute rest to E: all the cash still unapplied.
    public override void WriteStep(NumberedStep step, IndentedWriter w)
    {
        if (step.Step is not DistributeStep distribute)
        {
            base.WriteStep(step, w);
            return;
        }

        Ctx.Components.Of<TriggerComponent>().WriteUncalledCures(w);

        if (distribute.Share < 1.0)
        {
            // distribute X% of rest: that share of the cash still unapplied; the rest stays for the steps after
            w.Line(step.Moved + " = available * " + CSharpLiterals.DoubleOperand(distribute.Share) + ";");
            w.Line(this[distribute.Equity].Distributed + " += " + step.Moved + ";");
            w.Line("available -= " + step.Moved + ";");
            return;
        }

        w.Line(step.Moved + " = available;");
        w.Line(this[distribute.Equity].Distributed + " += " + step.Moved + ";");
        w.Line("available = 0.0;");
    }

    /// <summary>Whatever cash a waterfall leaves goes to <paramref name="equity"/> (the residual).</summary>
    public void WriteTakeRest(IndentedWriter w, int equity)
    {
        Ctx.Components.Of<TriggerComponent>().WriteUncalledCures(w);
        w.Line(this[equity].Distributed + " += available;");
        w.Line("available = 0.0;");
    }

    public override void WriteResults(IndentedWriter w)
    {
        foreach (var equity in States)
        {
            w.Line(Ctx.ResultRow("Distributions", CSharpLiterals.Int(equity.Index)) + "[t] = " + equity.Distributed + ";");
            var cures = Ctx.Components.Of<TriggerComponent>().CuresBy(equity.Index)
                .Concat(Ctx.Components.Of<HoldingComponent>().DrawCalls(equity.Index)).ToList();
            if (cures.Count > 0)
            {
                // what it paid in to cure a test, or was called for a holding's draws, this period: capital, a negative
                // flow in its IRR (written every period)
                w.Line(Ctx.ResultRow("Injections", CSharpLiterals.Int(equity.Index)) + "[t] = " + string.Join(" + ", cures) + ";");
            }
        }
    }
}
