using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using static DealLang.Grammar.DealLangParser;

namespace DealLang.Compiler.Parsing;

// Expressions and references.
internal sealed partial class CstToAst
{
    // expr
    //     : LPAREN expr RPAREN                                      # parenExpr
    //     | op=MINUS expr                                           # negateExpr
    //     | left=expr OF right=expr                                 # ofExpr
    //     | left=expr op=(STAR | SLASH) right=expr                  # multiplyExpr
    //     | left=expr op=(PLUS | MINUS) right=expr                  # addExpr
    //     | left=expr op=(LT | LE | GT | GE | EQ | NE) right=expr   # compareExpr
    //     | NOT expr                                                # notExpr
    //     | left=expr AND right=expr                                # andExpr
    //     | left=expr OR right=expr                                 # orExpr
    //     | callee=ident LPAREN (expr (COMMA expr)*)? RPAREN        # callExpr
    //     | QUANTITY                                                # quantityExpr
    //     | NUMBER                                                  # numberExpr
    //     | DATE                                                    # dateExpr
    //     | reference                                               # referenceExpr
    //     ;
    /// <summary>The most terms one expression may have (DL0120): far above any real deal, low enough that the
    /// generated C# compiles in seconds.</summary>
    public const int MaxExpressionTerms = 100_000;

    // Operators met so far in the expression being built (nested expressions count towards the outermost).
    private int _expressionDepth;
    private int _expressionOperators;

    private ExpressionSyntax? VisitExpr(ExprContext? context)
    {
        if (context is null)
        {
            return null;
        }

        if (_expressionDepth > 0)
        {
            return VisitExprCounted(context);
        }

        _expressionOperators = 0;
        _expressionDepth++;
        try
        {
            var result = VisitExprCounted(context);
            if (_expressionOperators + 1 > MaxExpressionTerms)
            {
                Report(DiagnosticCatalogue.ExpressionTooLong(Span(context), _expressionOperators + 1, MaxExpressionTerms));
            }

            return result;
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private ExpressionSyntax? VisitExprCounted(ExprContext context)
    {

        // A chain such as a + b + c + ... is a left-deep tree as long as the chain; the parser built it
        // in a loop, so walk down its left spine in a loop too rather than recursing once per operator.
        var spine = new Stack<ExprContext>();
        ExprContext innermost = context;
        while (Binary(innermost) is { Left: { } left })
        {
            spine.Push(innermost);
            innermost = left;
        }

        _expressionOperators += spine.Count;

        if (Binary(innermost) is not null)
        {
            return null; // an operator with no left operand: cut short by a syntax error
        }

        ExpressionSyntax? result;
        if (spine.TryPeek(out ExprContext? lowest) && lowest is OfExprContext of
            && innermost is QuantityExprContext quantity && Matched(quantity.QUANTITY()) is { } token)
        {
            result = VisitLeftOfOf(of, token);
            spine.Pop();
        }
        else
        {
            result = VisitOperand(innermost);
        }

        while (spine.TryPop(out ExprContext? parent))
        {
            (BinaryOperator op, _, ExprContext? rightContext) = Binary(parent)!.Value;
            ExpressionSyntax? right = VisitExpr(rightContext);
            result = result is null || right is null ? null : new BinaryExpressionSyntax(op, result, right, Span(parent));
        }

        return result;
    }

    // left=expr OF right=expr   # ofExpr, when the left is a QUANTITY literal.
    // A time suffix there makes a duration: '6m of debt_service' is six months' worth of a per-period flow
    // ('m' is months here; money of money would mean nothing). Any other suffix is an ordinary
    // multiplication, as in '1% of Campus.value'.
    private ExpressionSyntax? VisitLeftOfOf(OfExprContext of, IToken left)
    {
        (_, string suffix) = Literals.Split(left.Text);
        if (!Literals.TryTimeUnit(suffix, out _))
        {
            ExpressionSyntax? value = VisitQuantityValue(left, Literals.ValueOrDurationSuffixes);
            ExpressionSyntax? right = VisitExpr(of.right);
            return value is null || right is null ? null : new BinaryExpressionSyntax(BinaryOperator.Of, value, right, Span(of));
        }

        DurationSyntax? duration = VisitDurationToken(left);
        ExpressionSyntax? flow = VisitExpr(of.right);
        return duration is null || flow is null ? null : new DurationOfSyntax(duration, flow, Span(of));
    }

    // Everything in expr except the binary operators.
    private ExpressionSyntax? VisitOperand(ExprContext context)
    {
        switch (context)
        {
            case ParenExprContext paren:
                return VisitExpr(paren.expr());
            case NegateExprContext negate:
                return VisitExpr(negate.expr()) is { } negated
                    ? new UnaryExpressionSyntax(UnaryOperator.Negate, negated, Span(negate))
                    : null;
            case NotExprContext not:
                return VisitExpr(not.expr()) is { } operand
                    ? new UnaryExpressionSyntax(UnaryOperator.Not, operand, Span(not))
                    : null;
            case CallExprContext call:
                return VisitCallExpr(call);
            case QuantityExprContext quantity:
                return Matched(quantity.QUANTITY()) is { } token ? VisitQuantityValue(token, Literals.ValueSuffixes) : null;
            case PerUnitExprContext perUnit:
                return VisitMeasure(perUnit, perUnit.amount, perUnit.unit, perUnit.per);
            case MeasureExprContext measure:
                return VisitMeasure(measure, measure.NUMBER()?.Symbol, measure.unit, null);
            case NumberExprContext number:
                return Matched(number.NUMBER()) is { } digits ? VisitNumber(digits) : null;
            case DateExprContext date:
                return VisitDate(date.DATE()) is { } value ? new DateLiteralSyntax(value.Value, value.Span) : null;
            case ReferenceExprContext reference:
                return VisitReference(reference.reference());
            case ConditionalExprContext conditional:
                return VisitExpr(conditional.cond) is { } condition && VisitExpr(conditional.whenTrue) is { } whenTrue
                    && VisitExpr(conditional.whenFalse) is { } whenFalse
                    ? new ConditionalExpressionSyntax(condition, whenTrue, whenFalse, Span(conditional))
                    : null;
            default:
                return null;
        }
    }

    // callee=ident LPAREN (expr (COMMA expr)*)? RPAREN   # callExpr
    private CallExpressionSyntax? VisitCallExpr(CallExprContext context)
    {
        if (VisitIdent(context.callee) is not { } function)
        {
            return null;
        }

        var arguments = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        _expressionOperators += Math.Max(0, context.expr().Length - 1); // min(a, b, c) has the terms of a + b + c
        foreach (ExprContext argument in context.expr())
        {
            if (VisitExpr(argument) is not { } syntax)
            {
                return null;
            }

            arguments.Add(syntax);
        }

        return new CallExpressionSyntax(function, arguments.ToImmutable(), Span(context));
    }

    // reference : ident (DOT member=ident)? ;
    private ReferenceSyntax? VisitReference(ReferenceContext? context)
    {
        if (context is null || VisitIdent(context.ident(0)) is not { } name)
        {
            return null;
        }

        if (context.DOT() is null)
        {
            return new ReferenceSyntax(name, null, Span(context));
        }

        // 'Notes.' with the member missing is not 'Notes': skip rather than change the meaning.
        return VisitIdent(context.member) is { } member ? new ReferenceSyntax(name, member, Span(context)) : null;
    }

    // ident : IDENT | BALANCE | VALUE | ... (keywords that may also be names) ;
    private NameSyntax? VisitIdent(IdentContext? context)
    {
        if (context?.children is null)
        {
            return null;
        }

        foreach (var child in context.children)
        {
            if (Matched(child as ITerminalNode) is { } token)
            {
                // 'Ünï': reported once, where the name first appears; it is kept as written, so that its
                // declaration and its uses still match and nothing else is reported about it.
                if (token.Type == NON_ASCII_NAME && _nonAsciiNames.Add(token.Text))
                {
                    Report(DiagnosticCatalogue.NonAsciiName(Span(token), token.Text));
                }

                return new NameSyntax(token.Text, Span(token));
            }
        }

        return null;
    }

    // The binary alternatives of expr, with their operator.
    private static (BinaryOperator Op, ExprContext? Left, ExprContext? Right)? Binary(ExprContext context) => context switch
    {
        OfExprContext c => (BinaryOperator.Of, c.left, c.right),
        MultiplyExprContext c => (c.op?.Type == SLASH ? BinaryOperator.Divide : BinaryOperator.Multiply, c.left, c.right),
        AddExprContext c => (c.op?.Type == MINUS ? BinaryOperator.Subtract : BinaryOperator.Add, c.left, c.right),
        CompareExprContext c => (Comparison(c.op), c.left, c.right),
        AndExprContext c => (BinaryOperator.And, c.left, c.right),
        OrExprContext c => (BinaryOperator.Or, c.left, c.right),
        _ => null,
    };

    private static BinaryOperator Comparison(IToken? op) => op?.Type switch
    {
        LT => BinaryOperator.Less,
        LE => BinaryOperator.LessOrEqual,
        GT => BinaryOperator.Greater,
        GE => BinaryOperator.GreaterOrEqual,
        NE => BinaryOperator.NotEqual,
        _ => BinaryOperator.Equal,
    };
}
