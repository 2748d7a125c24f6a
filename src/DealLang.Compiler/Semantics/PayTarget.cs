using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>What a <c>pay</c> step pays: a fee, a tranche's interest, principal, whole balance or commitment fee, or a fleet's opex.</summary>
internal sealed record PayTarget(PayKind Kind, Symbol Symbol)
{
    /// <summary>The ledger's name for the step's target: <c>Notes.interest</c>, <c>Opex</c>.</summary>
    public string Text => Kind switch
    {
        PayKind.Interest => Symbol.Name + ".interest",
        PayKind.Principal => Symbol.Name + ".principal",
        PayKind.Balance => Symbol.Name + ".balance",
        PayKind.CommitmentFee => Symbol.Name + ".commitment_fee",
        PayKind.GuaranteeFee => Symbol.Name + ".guarantee_fee",
        PayKind.Opex => Symbol.Name + ".opex",
        _ => Symbol.Name,
    };
}
