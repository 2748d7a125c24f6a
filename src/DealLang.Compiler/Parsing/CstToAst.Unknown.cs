using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Grammar;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Unknown declarations: a misspelt keyword in front of a block ('tranch Loan { ... }').
internal sealed partial class CstToAst
{
    // unknownDecl : IDENT {DeclarationHeadFollows(TokenStream, 1)}? (ident | FOR | ON)* block ;
    // block : LBRACE (block | ~(LBRACE | RBRACE))* RBRACE ;
    // Reported once (DL0109). Nothing inside the block is looked at, since what it was meant to declare is a
    // guess; the node keeps the word and the names of its head, so that the semantic stage can keep quiet about
    // uses of those names ('pay Loan.interest' after 'tranch Loan {') instead of reporting them undeclared.
    private UnknownDeclarationSyntax? VisitUnknownDecl(UnknownDeclContext context, UnknownDeclarations place)
    {
        // Without a block the word was not taken for a declaration: the parser has reported it (DL0101).
        if (context.block() is null || Matched(context.IDENT()) is not { } word)
        {
            return null;
        }

        Report(DiagnosticCatalogue.UnknownDeclaration(
            Span(word), SyntaxMessages.Printable(word.Text), KeywordSuggestions.Closest(word.Text, place.Keywords), place.Listed));

        var names = ImmutableArray.CreateBuilder<NameSyntax>();
        foreach (IdentContext ident in context.ident())
        {
            if (VisitIdent(ident) is { } name)
            {
                names.Add(name);
            }
        }

        return new UnknownDeclarationSyntax(new NameSyntax(word.Text, Span(word)), names.ToImmutable(), Span(context));
    }
}

/// <summary>Where an unknown declaration may stand, with the keywords valid there: all of them for the
/// did-you-mean, and a short list (those that open a block) for when nothing is close.</summary>
internal sealed class UnknownDeclarations
{
    public static readonly UnknownDeclarations TopLevel = new(RULE_compilationUnit, [DealLangParser.DEAL, DealLangParser.SCENARIO]);

    public static readonly UnknownDeclarations InDeal = new(RULE_dealMember,
    [
        .. CstToAst.KindParsers.Where(kind => kind.Braced).Select(kind => kind.Keyword),
        DealLangParser.WATERFALL, DealLangParser.ENFORCEMENT,
    ]);

    private UnknownDeclarations(int rule, int[] listed)
    {
        // Every keyword that may start what stands here (in a deal, the header items too), from the grammar.
        Antlr4.Runtime.Atn.ATN atn = DealLangParser._ATN;
        Keywords = [.. SyntaxMessages.Keywords(atn.NextTokens(atn.ruleToStartState[rule]))];
        Listed = [.. listed.Select(type => SyntaxMessages.KeywordText(type) ?? "")];
    }

    public IReadOnlyList<string> Keywords { get; }

    public IReadOnlyList<string> Listed { get; }
}
