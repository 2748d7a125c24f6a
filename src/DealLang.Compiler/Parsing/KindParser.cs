using Antlr4.Runtime;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// How one declaration kind is parsed: the keyword token that opens it (<c>TRANCHE</c>), whether its items sit in
/// braces, the parse-tree context of its grammar rule (<c>TrancheDeclContext</c>), the syntax node made of it
/// (<see cref="TrancheSyntax"/>) and the visitor (in <c>Parsing/Declarations/CstToAst.&lt;Kind&gt;.cs</c>). An entry of
/// <see cref="CstToAst.KindParsers"/>.
/// </summary>
internal sealed class KindParser
{
    private readonly Func<CstToAst, ParserRuleContext, NamedDeclarationSyntax?> _visit;

    private KindParser(
        DeclarationKind kind,
        int keyword,
        bool braced,
        Type contextType,
        Type syntaxType,
        Func<CstToAst, ParserRuleContext, NamedDeclarationSyntax?> visit)
    {
        Kind = kind;
        Keyword = keyword;
        Braced = braced;
        ContextType = contextType;
        SyntaxType = syntaxType;
        _visit = visit;
    }

    public DeclarationKind Kind { get; }

    /// <summary>The token type of the keyword that opens the declaration: an anchor error recovery never deletes.</summary>
    public int Keyword { get; }

    /// <summary>Whether the declaration's items sit in braces (<c>tranche Notes { … }</c>; not <c>test Dscr = …</c>):
    /// recovery inside them stays inside them, and a misspelt keyword's message lists it among those that open a block.</summary>
    public bool Braced { get; }

    /// <summary>The parse-tree context of the kind's grammar rule (a <c>dealMember</c> alternative).</summary>
    public Type ContextType { get; }

    /// <summary>The syntax node the visitor makes (what the semantic rules of the kind take).</summary>
    public Type SyntaxType { get; }

    public static KindParser Of<TContext, TSyntax>(DeclarationKind kind, int keyword, bool braced, Func<CstToAst, TContext, TSyntax?> visit)
        where TContext : ParserRuleContext
        where TSyntax : NamedDeclarationSyntax =>
        new(kind, keyword, braced, typeof(TContext), typeof(TSyntax), (builder, context) => visit(builder, (TContext)context));

    /// <summary>The syntax node of a context of <see cref="ContextType"/>; null when a syntax error left too little.</summary>
    public NamedDeclarationSyntax? Visit(CstToAst builder, ParserRuleContext context) => _visit(builder, context);
}
