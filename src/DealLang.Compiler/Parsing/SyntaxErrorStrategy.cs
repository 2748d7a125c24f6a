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
        DealLangParser.LBRACE, DealLangParser.RBRACE, DealLangParser.DEAL, DealLangParser.SCENARIO,
        .. CstToAst.KindParsers.Select(kind => kind.Keyword),
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
        if (state.StateType is StateType.StarLoopEntry or StateType.StarLoopBack && InErrorRecoveryMode(recognizer) && NextScenarioLine(recognizer))
        {
            // A scenario's items are lines that start with a name: once recovery has reached the next line, that
            // line is a fresh start, and a mistake on it is reported too (not silently skipped as recovery noise).
            EndErrorCondition(recognizer);
        }

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
    /// <remarks>
    /// Inside a declaration's braces (a tranche, the waterfall, an <c>if</c> step, a scenario) an unknown word
    /// with a block (<c>pro_rata { pay A.principal }</c>, <c>call_schedule { ... }</c>) is an unknown item of
    /// that declaration, not a misspelt declaration: stopping at it would end the declaration there, read the
    /// word as an unknown declaration of the deal and every later item as out of place, and the deal would end
    /// at the declaration's '}' (so the tests, triggers and enforcement below were never checked). There, the
    /// word is skipped with its block, and a block is always skipped whole, so the braces stay matched.
    /// </remarks>
    protected override void ConsumeUntil(Parser recognizer, IntervalSet set)
    {
        bool onlyUnknownDeclarations = set.Contains(DealLangParser.IDENT) && !SyntaxMessages.AcceptsName(set);
        ParserRuleContext? braces = EnclosingBraces(recognizer.Context);
        bool insideBraces = braces is not null;
        ITokenStream tokens = (ITokenStream)recognizer.InputStream;
        bool skipped = false;
        for (int type = tokens.LA(1); type != TokenConstants.EOF; type = tokens.LA(1))
        {
            if (insideBraces && type == DealLangParser.LBRACE && !set.Contains(type))
            {
                SkipBlock(recognizer, tokens);
                continue;
            }

            bool stop = type == DealLangParser.IDENT && onlyUnknownDeclarations
                ? !insideBraces && StartsLine(tokens) && OpensUnknownDeclaration(tokens)
                : set.Contains(type);

            // Scenario items start with a name, and nearly every word may be one: stopping at the first name
            // would resume in the middle of the broken line and read its rest as items ('renewal taken 0'), each
            // failing silently, so that the next bad line went unreported. The rest of the line is skipped, and
            // the next line is where reading resumes, even if it starts with a misplaced keyword ('renewals'), unless
            // that keyword is the very token being skipped.
            if (braces is DealLangParser.ScenarioDeclContext && type != DealLangParser.RBRACE)
            {
                stop = StartsLine(tokens) && (stop || (skipped && SyntaxMessages.KeywordText(type) is not null));
            }

            if (stop)
            {
                return;
            }

            recognizer.Consume();
            skipped = true;
        }
    }

    // Consumes a balanced '{ ... }' (LA(1) is its '{'), or up to the end of the file if it is never closed.
    private static void SkipBlock(Parser recognizer, ITokenStream tokens)
    {
        int depth = 0;
        for (int type = tokens.LA(1); type != TokenConstants.EOF; type = tokens.LA(1))
        {
            depth += type == DealLangParser.LBRACE ? 1 : type == DealLangParser.RBRACE ? -1 : 0;
            recognizer.Consume();
            if (depth == 0)
            {
                return;
            }
        }
    }

    // The declaration (or waterfall, 'if' step, scenario) between whose '{' and '}' recovery happens, where an
    // unknown word cannot begin a declaration of the deal; null at the deal's own level.
    private static ParserRuleContext? EnclosingBraces(RuleContext? context)
    {
        for (; context is not null; context = context.Parent)
        {
            if (context is ParserRuleContext rule && OpenBrace(rule) is { } open)
            {
                return open ? rule : null;
            }
        }

        return null;
    }

    // In a scenario's item list, past the token of the last error and at the start of a line.
    private bool NextScenarioLine(Parser recognizer) =>
        recognizer.Context is DealLangParser.ScenarioDeclContext
        && recognizer.InputStream.Index > lastErrorIndex
        && StartsLine((ITokenStream)recognizer.InputStream);

    // For a rule whose items sit in braces: whether its '{' has been read. Null for other rules.
    private static bool? OpenBrace(ParserRuleContext rule) => rule switch
    {
        DealLangParser.DealDeclContext or DealLangParser.CompilationUnitContext or DealLangParser.UnknownDeclContext => false,
        DealLangParser.WaterfallDeclContext or DealLangParser.IfStepContext or DealLangParser.ProRataStepContext or DealLangParser.SequentialStepContext
            or DealLangParser.EnforcementDeclContext
            or DealLangParser.ScenarioDeclContext => rule.GetToken(DealLangParser.LBRACE, 0) is not null,
        _ when CstToAst.KindParserOf(rule) is { Braced: true } => rule.GetToken(DealLangParser.LBRACE, 0) is not null,
        _ => null,
    };

    /// <summary>
    /// A fee's braces hold one amount, not a list of items: when recovery inside them stops at a '}', that brace is
    /// the fee's, and is read as such ('fee F { 2% of collections escalating 2% per year }'); left unread, it would
    /// close the deal instead, and every declaration after the fee would be reported as out of place.
    /// </summary>
    public override void Recover(Parser recognizer, RecognitionException e)
    {
        base.Recover(recognizer, e);
        if (recognizer.Context is DealLangParser.FeeDeclContext fee && fee.LBRACE() is not null && fee.RBRACE() is null
            && recognizer.InputStream.LA(1) == DealLangParser.RBRACE)
        {
            recognizer.Consume();
        }
    }

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
    {
        // The expected set is computed where the decision started; it describes the position of the
        // offending token only when the two are the same token.
        IToken offending = e.OffendingToken;
        bool sameToken = e.StartToken is not null && e.StartToken.TokenIndex == offending.TokenIndex;
        recognizer.NotifyErrorListeners(offending, WithStrayLines(recognizer, offending, SyntaxMessages.Unexpected(offending, sameToken ? e.GetExpectedTokens() : ExpectedAtDeadEnd(recognizer, e))), e);
    }

    // A scenario item is told apart by its second or third word ('Lease renewals taken 1', 'Party defaults on
    // ...', 'Facility.value drop ...'), so a mistake there ('Tenant default on') fails a decision that began at
    // the first word. What could have stood at the offending word is what the parser's configurations still
    // alive just before it could read next: 'defaults', 'renewals', '.', ... (and so a did-you-mean).
    private static IntervalSet? ExpectedAtDeadEnd(Parser recognizer, NoViableAltException e)
    {
        if (e.DeadEndConfigs is not { } configs)
        {
            return null;
        }

        var expected = new IntervalSet();
        foreach (ATNConfig config in configs.Elements)
        {
            expected.AddAll(recognizer.Atn.NextTokens(config.state));
        }

        expected.Remove(TokenConstants.EPSILON);
        return expected.IsNil ? null : expected;
    }

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e) =>
        recognizer.NotifyErrorListeners(e.OffendingToken, WithStrayLines(recognizer, e.OffendingToken, SyntaxMessages.Unexpected(e.OffendingToken, e.GetExpectedTokens())), e);

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e)
    {
        if (recognizer.Context is DealLangParser.UnknownDeclContext unknown)
        {
            // The only predicate: an unknown word that does not open a block. The error is the word itself,
            // and what was expected is what may stand where it stands (the words that start a declaration).
            IToken word = unknown.Start;
            recognizer.NotifyErrorListeners(word, WithStrayLines(recognizer, word, SyntaxMessages.Unexpected(word, ExpectedInstead(recognizer, unknown))), e);
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
        recognizer.NotifyErrorListeners(token, WithStrayLines(recognizer, token, SyntaxMessages.Unexpected(token, GetExpectedTokens(recognizer))), null);
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

    /// <summary>
    /// Outside any declaration (after the deal's last '}', say), recovery skips everything up to the next
    /// <c>deal</c>, <c>scenario</c>, unknown declaration or the end of the file, and only the first stray word is
    /// reported. When the skipped text runs over several lines the message says which, so that none of them is
    /// passed over in silence.
    /// </summary>
    private static string WithStrayLines(Parser recognizer, IToken offending, string message)
    {
        bool topLevel = recognizer.Context is DealLangParser.CompilationUnitContext
            || recognizer.Context is DealLangParser.UnknownDeclContext { Parent: DealLangParser.CompilationUnitContext };
        if (!topLevel || offending.Type == TokenConstants.EOF || recognizer.InputStream is not BufferedTokenStream tokens)
        {
            return message;
        }

        int lastLine = offending.Line;
        for (int i = offending.TokenIndex + 1; i < tokens.Size; i++)
        {
            IToken token = tokens.Get(i);
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }

            if (token.Type is TokenConstants.EOF or DealLangParser.DEAL or DealLangParser.SCENARIO or DealLangParser.IMPORT
                || (token.Type == DealLangParser.IDENT && token.Line > lastLine && OpensBlock(tokens, i)))
            {
                break;
            }

            lastLine = token.Line;
        }

        return lastLine == offending.Line
            ? message
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{message} (lines {offending.Line}-{lastLine} are not part of any deal or scenario, and are skipped)");
    }

    // Whether the name at token index 'first' is followed by names and a '{' (an unknown declaration's head,
    // where recovery stops), looking at most 16 tokens ahead as DeclarationHeadFollows does.
    private static bool OpensBlock(BufferedTokenStream tokens, int first)
    {
        int seen = 0;
        for (int i = first + 1; i < tokens.Size && seen < 16; i++)
        {
            IToken token = tokens.Get(i);
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }

            seen++;
            if (token.Type == DealLangParser.LBRACE)
            {
                return true;
            }

            if (token.Type is not (DealLangParser.IDENT or DealLangParser.NON_ASCII_NAME or DealLangParser.FOR or DealLangParser.ON)
                && SyntaxMessages.KeywordText(token.Type) is null)
            {
                return false;
            }
        }

        return false;
    }
}
