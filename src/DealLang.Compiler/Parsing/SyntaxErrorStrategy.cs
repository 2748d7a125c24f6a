using Antlr4.Runtime;
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
        Anchors.Contains(recognizer.InputStream.LA(1)) ? null : base.SingleTokenDeletion(recognizer);

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

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e) =>
        recognizer.NotifyErrorListeners(e.OffendingToken, SyntaxMessages.Unexpected(e.OffendingToken, null), e);

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
}
