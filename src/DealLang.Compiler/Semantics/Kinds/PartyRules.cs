using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>party Meta { rating "AA-"  pd 0.03%  recovery 60% }</c>: a lessee, a holder, a name that can default.</summary>
internal sealed class PartyRules : DeclarationRules<PartySyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Party;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("defaulted", Quantity.PartyDefaulted, Unit.Bool, false),
    ]);

    protected override void Bind(PartySyntax party, Binder binder) => binder.BindTerms(party.Pd, party.Recovery);

    protected override void CheckTerms(PartySyntax party, TypeChecker checker)
    {
        string p = $"party '{party.Name?.Text}'";
        checker.Term(party.Pd, Unit.Rate, $"the pd of {p}", TypeChecker.Range.Fraction);
        checker.Term(party.Recovery, Unit.Rate, $"the recovery of {p}", TypeChecker.Range.Fraction);
    }

    /// <summary>Every item is optional (rating "NR", pd and recovery 0), and the terms' ranges are the type checker's.</summary>
    protected override void CheckStructure(PartySyntax party, DealChecks checks)
    {
    }
}
