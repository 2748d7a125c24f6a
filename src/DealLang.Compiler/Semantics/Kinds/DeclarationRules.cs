using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>The typed side of <see cref="IKindRules"/>: each kind's rules take its own syntax node. Every member is
/// abstract, so a kind states each stage's rules, even when it has none (an empty body says so).</summary>
internal abstract class DeclarationRules<TSyntax> : IKindRules
    where TSyntax : NamedDeclarationSyntax
{
    public abstract DeclarationKind Kind { get; }

    public Type SyntaxType => typeof(TSyntax);

    public abstract KindReading Reading { get; }

    void IKindRules.Bind(NamedDeclarationSyntax declaration, Binder binder) => Bind((TSyntax)declaration, binder);

    void IKindRules.CheckTerms(NamedDeclarationSyntax declaration, TypeChecker checker) => CheckTerms((TSyntax)declaration, checker);

    void IKindRules.CheckStructure(NamedDeclarationSyntax declaration, DealChecks checks) => CheckStructure((TSyntax)declaration, checks);

    protected abstract void Bind(TSyntax declaration, Binder binder);

    protected abstract void CheckTerms(TSyntax declaration, TypeChecker checker);

    protected abstract void CheckStructure(TSyntax declaration, DealChecks checks);
}
