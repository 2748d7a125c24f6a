using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Syntax;

/// <summary>Anything declared inside a deal. Named declarations share one namespace per deal.</summary>
public abstract record DeclarationSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>A declaration with a name other parts of the deal can refer to: one of the <see cref="DeclarationKind"/>s,
/// by which every stage finds the kind's implementation.</summary>
public abstract record NamedDeclarationSyntax(NameSyntax Name, SourceSpan Span) : DeclarationSyntax(Span)
{
    /// <summary>What it declares: the key of the registry of kinds.</summary>
    public abstract DeclarationKind Kind { get; }

    /// <summary>The keyword that introduced it, for messages ("tranche 'Notes'").</summary>
    public string Keyword => Kind.Keyword();
}
