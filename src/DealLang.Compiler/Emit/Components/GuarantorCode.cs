using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>
/// What the lease and tranche components share about the guarantors behind them (docs/language.md §5,
/// "Guarantors"): each guarantor's path inputs (its honour share, the period from which it disowns its guarantees,
/// its own default per period) as locals, and whether it pays in a period. A guarantee is a term of the lease or
/// tranche it stands behind, so each of those components writes what its guarantor pays; the names are made here
/// once.
/// </summary>
internal static class GuarantorCode
{
    /// <summary>The guarantee behind lease or tranche <paramref name="target"/> (null when none) and its position.</summary>
    public static (GuaranteeInfo Info, int Index)? Of(EmitContext ctx, GuaranteeTarget kind, int target)
    {
        var all = ctx.Model.Guarantees;
        for (int g = 0; g < all.Length; g++)
        {
            if (all[g].Kind == kind && all[g].Target == target)
            {
                return (all[g], g);
            }
        }

        return null;
    }

    /// <summary>The share of what falls due that the guarantor pays on this path (an input).</summary>
    public static string Honour(EmitContext ctx, int party) => Name(ctx, party, "honour");

    /// <summary>The first period the guarantor pays nothing, disowning its guarantees; −1 for none (an input).</summary>
    public static string DisownedPeriod(EmitContext ctx, int party) => Name(ctx, party, "disownedPeriod");

    /// <summary>Whether the guarantor has defaulted by each period's end (its party's default flags, an input).</summary>
    public static string Defaulted(EmitContext ctx, int party) => Name(ctx, party, "defaulted");

    /// <summary>
    /// Whether the guarantor pays what falls due in period <paramref name="t"/> ending on <paramref name="periodEnd"/>:
    /// it has not defaulted by the period's end, has not disowned its guarantees, and the period ends within the
    /// guarantee (<c>until</c>).
    /// </summary>
    public static string Pays(EmitContext ctx, GuaranteeInfo g, string t, string periodEnd) =>
        "!" + Defaulted(ctx, g.Guarantor) + "[" + t + "] && " + Answers(ctx, g, t, periodEnd);

    /// <summary>
    /// Whether the guarantee answers for what falls due in period <paramref name="t"/> ending on
    /// <paramref name="periodEnd"/>, whatever the guarantor's own default: it has not disowned its guarantees and the
    /// period ends within the guarantee (<c>until</c>). A one-off claim on a guarantor that has defaulted (an RVG's) is
    /// then paid at its recovery (<see cref="Recovery"/>); rent falling due period after period is not paid at all
    /// (<see cref="Pays"/>).
    /// </summary>
    public static string Answers(EmitContext ctx, GuaranteeInfo g, string t, string periodEnd)
    {
        string answers = "(" + DisownedPeriod(ctx, g.Guarantor) + " < 0 || " + t + " < " + DisownedPeriod(ctx, g.Guarantor) + ")";
        return g.Until is { } until ? answers + " && " + periodEnd + " <= " + ctx.DateConstant(until) : answers;
    }

    /// <summary>The guarantor's recovery on this path (its party's <c>recovery</c>, or the scenario's draw: an input),
    /// declared only for a party guaranteeing a lease's RVG.</summary>
    public static string Recovery(EmitContext ctx, int party) => Name(ctx, party, "recovery");

    /// <summary>Each guarantor's inputs, once per party, and each guaranteed lease's rent left unpaid by its lessee's
    /// default (what <c>CSharpEmitter.WriteInputs</c> declares for the guarantees).</summary>
    public static void WriteInputs(EmitContext ctx, IndentedWriter w, Func<InputQuantity, int, string> slot)
    {
        foreach (int party in ctx.Model.Guarantees.Select(g => g.Guarantor).Distinct().Order())
        {
            w.Line("double " + Honour(ctx, party) + " = input.Scalars[" + slot(InputQuantity.GuarantorHonour, party) + "];");
            w.Line("int " + DisownedPeriod(ctx, party) + " = (int)input.Scalars[" + slot(InputQuantity.GuarantorDisownedPeriod, party) + "];");
            w.Line("bool[] " + Defaulted(ctx, party) + " = input.Flags[" + slot(InputQuantity.PartyDefaulted, party) + "];");
        }

        // A guarantor of an RVG that has defaulted pays its recovery share of the claim, so its recovery is read (only
        // for such a party: every other deal's loop is the one it was).
        foreach (int party in ctx.Model.Guarantees.Where(g => g.Kind == GuaranteeTarget.LeaseRvg).Select(g => g.Guarantor).Distinct().Order())
        {
            w.Line("double " + Recovery(ctx, party) + " = input.Scalars[" + slot(InputQuantity.PartyRecovery, party) + "];");
        }

        foreach (var lease in ctx.Components.Of<LeaseComponent>().States.Where(l => l.Guarantee is not null))
        {
            w.Line("double[] " + lease.GuaranteeDue + " = input.Series[" + slot(InputQuantity.LeaseGuaranteeDue, lease.Index) + "];");
        }

        foreach (var contract in ctx.Components.Of<ContractComponent>().States.Where(c => c.Guarantee is not null))
        {
            w.Line("double[] " + contract.GuaranteeYears + " = input.Series[" + slot(InputQuantity.ContractGuaranteeYears, contract.Index) + "];");
        }
    }

    private static string Name(EmitContext ctx, int party, string member) =>
        CSharpNames.Entity("guarantor", ctx.Model.Parties[party].Name, member);
}
