using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// The account kind's parsing: accounts: 'account Dsra { target 6m of debt_service  initial 0  earns 4% }'.
// Found by its kind through CstToAst.KindParsers (CstToAst.Declarations.cs).
internal sealed partial class CstToAst
{
    // accountDecl : ACCOUNT name=ident (LBRACE accountItem* RBRACE)? ;
    // accountItem : TARGET expr # targetItem | INITIAL expr # initialItem | EARNS expr # earnsItem ;
    private AccountSyntax? VisitAccountDecl(AccountDeclContext context)
    {
        if (VisitIdent(context.name) is not { } name)
        {
            return null;
        }

        var items = new ItemSet(this, $"account '{name.Text}'");
        ExpressionSyntax? target = null, initial = null, earns = null;
        foreach (AccountItemContext item in context.accountItem())
        {
            switch (item)
            {
                case TargetItemContext t: items.Keep(ref target, "target", t, VisitExpr(t.expr())); break;
                case InitialItemContext i: items.Keep(ref initial, "initial", i, VisitExpr(i.expr())); break;
                case EarnsItemContext e: items.Keep(ref earns, "earns", e, VisitExpr(e.expr())); break;
            }
        }

        return new AccountSyntax(name, target, initial, earns, Span(context));
    }
}
