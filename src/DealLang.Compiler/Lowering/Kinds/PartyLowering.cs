using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A party as the runtime's <see cref="PartyInfo"/>. Defaults: rating "NR", pd 0, recovery 0.</summary>
internal sealed class PartyLowering : DeclarationLowering<PartySyntax, PartyInfo>
{
    public override DeclarationKind Kind => DeclarationKind.Party;

    protected override PartyInfo Lower(PartySyntax party, Symbol symbol, int index, Lowerer lowerer) =>
        new(symbol.Name, party.Rating?.Value ?? "NR", lowerer.ConstantOf(party.Pd), lowerer.ConstantOf(party.Recovery));
}
