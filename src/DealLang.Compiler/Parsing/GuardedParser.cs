using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using DealLang.Grammar;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// The generated parser with a limit on how deeply rules may nest. A recursive-descent parser follows
/// <c>((((…</c> or <c>- - - …</c> with one call per level, so hostile or broken input could otherwise
/// overflow the stack, which no catch can stop. Real deals nest a dozen levels.
/// </summary>
internal sealed class GuardedParser(ITokenStream input, int maxDepth)
    : DealLangParser(input, TextWriter.Null, TextWriter.Null)
{
    private int _depth;

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        Deeper();
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void ExitRule()
    {
        _depth--;
        base.ExitRule();
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        Deeper();
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    public override void UnrollRecursionContexts(ParserRuleContext _parentctx)
    {
        _depth--;
        base.UnrollRecursionContexts(_parentctx);
    }

    private void Deeper()
    {
        _depth++;
        if (_depth > maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new NestingTooDeepException(CurrentToken, MostlyExpressions(Context));
        }
    }

    // Whether the rules open at the limit are mostly expressions ('((((' or '- - -'), rather than 'if' steps and
    // braces, so that the message names what to simplify.
    private static bool MostlyExpressions(RuleContext? context)
    {
        int expressions = 0, others = 0;
        for (; context is not null; context = context.Parent)
        {
            if (context is ExprContext)
            {
                expressions++;
            }
            else
            {
                others++;
            }
        }

        return expressions > others;
    }
}

/// <summary>Thrown by <see cref="GuardedParser"/> and caught by <see cref="DealParser"/> only: it ends the
/// parse of a file nested too deeply to follow, which is then reported as DL0108.</summary>
internal sealed class NestingTooDeepException(IToken token, bool inExpression) : Exception("nesting too deep")
{
    public IToken Token { get; } = token;

    /// <summary>Whether the nesting is of expressions (else of blocks: 'if' steps, braces).</summary>
    public bool InExpression { get; } = inExpression;
}
