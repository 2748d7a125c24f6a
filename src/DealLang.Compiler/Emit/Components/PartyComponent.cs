using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A party's state in the generated C#: whether it has defaulted, per period, on this path (an input).</summary>
internal sealed class PartyState : EntityState
{
    public PartyState(PartyInfo info, int index)
        : base(DeclarationKind.Party, info.Name, index)
    {
        Info = info;
        Defaulted = Input("defaulted", "bool[]");
    }

    public PartyInfo Info { get; }

    public StateVar Defaulted { get; }
}

/// <summary>
/// Parties (lessees, sponsors): their default per period is a path input (the runner applies it to their leases'
/// terms), read by expressions. A party has no locals, so takes part in no phase of the loop itself.
/// </summary>
internal sealed class PartyComponent(EmitContext ctx)
    : EmitterComponent<PartyState>(ctx, () => ctx.Model.Parties.Select((p, i) => new PartyState(p, i)))
{
    public override DeclarationKind Kind => DeclarationKind.Party;

    public override string DescriptionProperty => "Parties";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
        "new PartyInfo(" + CSharpLiterals.String(s.Info.Name) + ", " + CSharpLiterals.String(s.Info.Rating) + ", "
        + CSharpLiterals.Double(s.Info.AnnualPd) + ", " + CSharpLiterals.Double(s.Info.Recovery) + ")");

    public override string? Read(Quantity quantity, int index) =>
        quantity == Quantity.PartyDefaulted ? this[index].Defaulted + "[t]" : null;
}
