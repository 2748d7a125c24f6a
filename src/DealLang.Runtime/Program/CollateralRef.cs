namespace DealLang.Runtime;

/// <summary>The kinds of entity an enforcement sale can sell. A kind joins by one member here, once the compiler
/// can say what selling it realises.</summary>
public enum CollateralKind
{
    Facility,
    Loan,
    Fleet,
    Coins,
}

/// <summary>One piece of collateral: an entity of <see cref="Kind"/>, by its index among the deal's entities of
/// that kind (declaration order).</summary>
public readonly record struct CollateralRef(CollateralKind Kind, int Index)
{
    public override string ToString() => Kind + "[" + Index + "]";
}
