using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using DealLang.Grammar;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// ANTLR's default recovery (single-token insertion and deletion, then resynchronising on the follow
/// set), with messages written for people instead of "mismatched input X expecting {A, B, ...}".
/// The reporting rules (once per error, silent while recovering) are the base class's.
/// </summary>
internal sealed class SyntaxErrorStrategy : DefaultErrorStrategy
{
    // Braces and the keywords that open a declaration. ANTLR deletes one unexpected token when the next
    // one fits, and many keywords may also be names, so in 'coupon }' it would delete the '}' and read the
    // next line's 'closing' as the coupon, and in 'account { target 0 }' it would delete the '{' and name
    // the account 'target'; either way the braces no longer match and errors cascade to the end of the
    // file. Never deleting these keeps recovery inside the right braces.
    private static readonly HashSet<int> Anchors =
    [
        DealLangParser.LBRACE, DealLangParser.RBRACE, DealLangParser.DEAL, DealLangParser.SCENARIO, DealLangParser.PARTY,
        DealLangParser.FACILITY, DealLangParser.LEASE, DealLangParser.TRANCHE, DealLangParser.EQUITY,
        DealLangParser.ACCOUNT, DealLangParser.FEE, DealLangParser.TEST, DealLangParser.TRIGGER,
        DealLangParser.DEFAULT, DealLangParser.WATERFALL, DealLangParser.ENFORCEMENT,
    ];

    protected override IToken? SingleTokenDeletion(Parser recognizer) =>
        Anchors.Contains(recognizer.InputStream.LA(1)) || OnlyAnUnknownDeclarationFits(recognizer, 2, GetExpectedTokens(recognizer))
            ? null
            : base.SingleTokenDeletion(recognizer);

    // 'closing soon': the missing date is not conjured just because 'soon' could start an unknown declaration
    // after it; "unexpected 'soon'; expected a date" says what is wrong.
    protected override bool SingleTokenInsertion(Parser recognizer)
    {
        ATN atn = recognizer.Interpreter.atn;
        ATNState next = atn.states[recognizer.State].Transition(0).target;
        return !OnlyAnUnknownDeclarationFits(recognizer, 1, atn.NextTokens(next, recognizer.Context))
            && base.SingleTokenInsertion(recognizer);
    }

    /// <summary>
    /// At the start of a list of items (<c>tranche T { balanse 1bn ... }</c>) ANTLR gives up on the whole
    /// declaration when the first item is wrong: it skips to the declaration's '}' without matching it, so the
    /// deal ends there and everything after it is reported again. A wrong item in the middle of the list is
    /// skipped and the list goes on; the first item is now treated the same way.
    /// </summary>
    public override void Sync(Parser recognizer)
    {
        ATNState state = recognizer.Interpreter.atn.states[recognizer.State];
        if (state.StateType != StateType.StarLoopEntry || InErrorRecoveryMode(recognizer))
        {
            base.Sync(recognizer);
            return;
        }

        IntervalSet next = recognizer.Atn.NextTokens(state);
        if (next.Contains(recognizer.InputStream.LA(1)) || next.Contains(TokenConstants.EPSILON))
        {
            base.Sync(recognizer);
            return;
        }

        if (SingleTokenDeletion(recognizer) is not null)
        {
            return;
        }

        // What the base class does at the next turn of the loop, instead of throwing out of the declaration.
        ReportUnwantedToken(recognizer);
        ConsumeUntil(recognizer, recognizer.GetExpectedTokens().Or(GetErrorRecoverySet(recognizer)));
    }

    /// <summary>
    /// Skips tokens until one in <paramref name="set"/>. A plain name can start an unknown declaration
    /// (<c>tranch Loan { }</c>), which puts it in the set at nearly every level; where that is its only reason
    /// to be there, recovery stops at a name only if it starts a line and opens a block, so that the names in a
    /// broken line (or in prose pasted into the file) are skipped with it. ('equity Sponsor {' after an error
    /// must not become an unknown declaration 'Sponsor'.)
    /// </summary>
    protected override void ConsumeUntil(Parser recognizer, IntervalSet set)
    {
        bool onlyUnknownDeclarations = set.Contains(DealLangParser.IDENT) && !SyntaxMessages.AcceptsName(set);
        ITokenStream tokens = (ITokenStream)recognizer.InputStream;
        for (int type = tokens.LA(1); type != TokenConstants.EOF; type = tokens.LA(1))
        {
            bool stop = type == DealLangParser.IDENT && onlyUnknownDeclarations
                ? StartsLine(tokens) && OpensUnknownDeclaration(tokens)
                : set.Contains(type);
            if (stop)
            {
                return;
            }

            recognizer.Consume();
        }
    }

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
    {
        // The expected set is computed where the decision started; it describes the position of the
        // offending token only when the two are the same token.
        IToken offending = e.OffendingToken;
        bool sameToken = e.StartToken is not null && e.StartToken.TokenIndex == offending.TokenIndex;
        recognizer.NotifyErrorListeners(offending, SyntaxMessages.Unexpected(offending, sameToken ? e.GetExpectedTokens() : null), e);
    }

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e) =>
        recognizer.NotifyErrorListeners(e.OffendingToken, SyntaxMessages.Unexpected(e.OffendingToken, e.GetExpectedTokens()), e);

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e)
    {
        if (recognizer.Context is DealLangParser.UnknownDeclContext unknown)
        {
            // The only predicate: an unknown word that does not open a block. The error is the word itself,
            // and what was expected is what may stand where it stands (the words that start a declaration).
            IToken word = unknown.Start;
            recognizer.NotifyErrorListeners(word, SyntaxMessages.Unexpected(word, ExpectedInstead(recognizer, unknown)), e);
            return;
        }

        recognizer.NotifyErrorListeners(e.OffendingToken, SyntaxMessages.Unexpected(e.OffendingToken, null), e);
    }

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        IToken token = recognizer.CurrentToken;
        recognizer.NotifyErrorListeners(token, SyntaxMessages.Unexpected(token, GetExpectedTokens(recognizer)), null);
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        IToken token = recognizer.CurrentToken;
        recognizer.NotifyErrorListeners(token, SyntaxMessages.Missing(token, GetExpectedTokens(recognizer)), null);
    }

    // Whether the token at LA(lookahead) is a plain name that the expected set takes only as the start of an
    // unknown declaration, while it does not open one. Single-token repairs must not rely on such a name: it is
    // far more often a mistake in the item before it than the start of a misspelt declaration.
    private static bool OnlyAnUnknownDeclarationFits(Parser recognizer, int lookahead, IntervalSet expected) =>
        recognizer.InputStream.LA(lookahead) == DealLangParser.IDENT
        && expected.Contains(DealLangParser.IDENT) && !SyntaxMessages.AcceptsName(expected)
        && !DealLangParser.DeclarationHeadFollows((ITokenStream)recognizer.InputStream, lookahead + 1);

    private static bool StartsLine(ITokenStream tokens) => tokens.LT(-1) is not { } previous || previous.Line < tokens.LT(1).Line;

    // Whether the plain name at LA(1) starts an unknown declaration (names, then '{').
    private static bool OpensUnknownDeclaration(ITokenStream tokens) => DealLangParser.DeclarationHeadFollows(tokens, 2);

    // The tokens that could have stood where the unknown declaration starts: those that may follow it once
    // it is done (the next declaration, the closing '}', the end of the file).
    private static IntervalSet ExpectedInstead(Parser recognizer, ParserRuleContext unknown)
    {
        ATN atn = recognizer.Interpreter.atn;
        var call = (RuleTransition)atn.states[unknown.invokingState].Transition(0);
        return atn.GetExpectedTokens(call.followState.stateNumber, unknown.Parent);
    }
}
