using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>What a <c>pay</c> step pays: a fee, or a tranche's interest, principal or whole balance.</summary>
internal sealed record PayTarget(PayKind Kind, Symbol Symbol)
{
    /// <summary>The ledger's name for the step's target: <c>Notes.interest</c>, <c>Opex</c>.</summary>
    public string Text => Kind switch
    {
        PayKind.Interest => Symbol.Name + ".interest",
        PayKind.Principal => Symbol.Name + ".principal",
        PayKind.Balance => Symbol.Name + ".balance",
        _ => Symbol.Name,
    };
}
