using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>
/// One declaration kind's part in each semantic pass: what an expression may read of it, how its names are bound,
/// how its terms are typed and folded, what structure it must have. The passes (<see cref="Binder"/>,
/// <see cref="TypeChecker"/>, <see cref="DealChecks"/>) walk the declarations and hand each to its kind's rules,
/// found by <see cref="KindRules.For"/>; each pass offers the rules its tools (binding names, checking a term,
/// reporting a missing item) as internal members. Implemented once per kind, in a file of its own
/// (<c>TrancheRules.cs</c>), through <see cref="DeclarationRules{TSyntax}"/>.
/// </summary>
internal interface IKindRules
{
    DeclarationKind Kind { get; }

    /// <summary>The syntax node that declares the kind (the one the parser makes for it).</summary>
    Type SyntaxType { get; }

    /// <summary>What an expression reads of a declaration of the kind: members, its bare name, or nothing.</summary>
    KindReading Reading { get; }

    /// <summary>Resolves the names the declaration uses (Binder).</summary>
    void Bind(NamedDeclarationSyntax declaration, Binder binder);

    /// <summary>Types its expressions and folds its constant terms (TypeChecker).</summary>
    void CheckTerms(NamedDeclarationSyntax declaration, TypeChecker checker);

    /// <summary>Its required items, dates and durations (DealChecks).</summary>
    void CheckStructure(NamedDeclarationSyntax declaration, DealChecks checks);
}
