using System.Collections.Immutable;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// One declaration kind's lowering: its declarations, in the order the model lists them, to the records the
/// <see cref="Model.DealModel"/> holds for the kind (a runtime record such as <c>PartyInfo</c> or a model such as
/// <c>TrancheModel</c>), with the defaults the language promises. Implemented once per kind, in a file of its own
/// (<c>TrancheLowering.cs</c>), through <see cref="DeclarationLowering{TSyntax, TModel}"/>; found by
/// <see cref="KindLowerings.For"/>.
/// </summary>
internal interface IKindLowering
{
    DeclarationKind Kind { get; }

    /// <summary>The syntax node the kind is declared by.</summary>
    Type SyntaxType { get; }
}

/// <summary>A kind's lowering with the type of what it makes.</summary>
internal interface IKindLowering<TModel> : IKindLowering
{
    /// <summary>Every declaration of the kind that was declared (duplicates were reported and left out).</summary>
    ImmutableArray<TModel> LowerAll(Lowerer lowerer);
}
