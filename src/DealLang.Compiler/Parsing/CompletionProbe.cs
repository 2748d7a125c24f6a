using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using DealLang.Grammar;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// What the grammar accepts at a cursor, for an editor's completion: the parser's own expected tokens there, so a
/// keyword list cannot drift from the grammar. The text before the cursor is parsed with the compiler's parser and
/// error strategy, followed by one character no rule accepts; the tokens the parser expected when it met that
/// character are the answer. In a comment or a string the character is swallowed, and nothing is expected.
/// </summary>
public static class CompletionProbe
{
    private const string Sentinel = "\u00A7"; // '§': the lexer's UNEXPECTED_CHAR, which no rule takes

    /// <summary>The keywords and whether a name or an expression may stand at <paramref name="offset"/> (a UTF-16
    /// index into <paramref name="text"/>: where the word being typed starts). Never throws.</summary>
    public static ExpectedAtCursor ExpectedAt(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        string prefix = LineBreaks.Normalise(text[..offset]);
        try
        {
            var lexer = new DealLangLexer(new AntlrInputStream(prefix + Sentinel), TextWriter.Null, TextWriter.Null);
            lexer.RemoveErrorListeners();
            var tokens = new CommonTokenStream(lexer);
            tokens.Fill();
            var parser = new GuardedParser(tokens, DealParser.MaxNesting) { ErrorHandler = new SyntaxErrorStrategy() };
            parser.RemoveErrorListeners();
            var probe = new Probe(prefix.Length);
            parser.AddErrorListener(probe);
            parser.compilationUnit();
            return probe.Found ?? ExpectedAtCursor.Nothing;
        }
#pragma warning disable CA1031 // An editor's keystroke must never crash the server: a failed probe offers nothing.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ExpectedAtCursor.Nothing;
        }
    }

    /// <summary>Whether <paramref name="word"/> is a name a declaration may take: one ASCII name token (a name with a
    /// letter outside ASCII is DL0131), or a keyword
    /// the grammar also takes as a name (<c>level</c>, <c>rent</c>…); for an editor's rename.</summary>
    public static bool IsName(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0 || word.Length > 1000)
        {
            return false;
        }

        var lexer = new DealLangLexer(new AntlrInputStream(word), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        IList<IToken> tokens = lexer.GetAllTokens();
        return tokens.Count == 1 && tokens[0].Text == word
            && (tokens[0].Type == DealLangLexer.IDENT
                || (SyntaxMessages.IsNameKeyword(tokens[0].Type) && tokens[0].Type != DealLangLexer.NON_ASCII_NAME)); // DL0131
    }

    private sealed class Probe(int sentinelStart) : IAntlrErrorListener<IToken>
    {
        public ExpectedAtCursor? Found { get; private set; }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line,
            int charPositionInLine, string msg, RecognitionException e)
        {
            if (Found is not null || offendingSymbol is null || offendingSymbol.StartIndex != sentinelStart
                || offendingSymbol.Type != DealLangLexer.UNEXPECTED_CHAR || recognizer is not Parser parser)
            {
                return;
            }

            IntervalSet expected = parser.GetExpectedTokens();
            bool name = SyntaxMessages.AcceptsName(expected);
            var keywords = new List<string>();
            var nameKeywords = new List<string>();
            foreach (int type in expected.ToList())
            {
                // Where a name may stand, the keywords that may also be names are names there, not keywords to offer
                // (kept apart, for the few places a feature knows better: a re-let's 'at curve', 'at beta').
                if (type != DealLangLexer.IMPORT && SyntaxMessages.KeywordText(type) is { } keyword)
                {
                    (name && SyntaxMessages.IsNameKeyword(type) ? nameKeywords : keywords).Add(keyword);
                }
            }

            var rules = new List<string>();
            for (RuleContext? context = parser.Context; context is not null; context = context.Parent)
            {
                rules.Add(parser.RuleNames[context.RuleIndex]);
            }

            IToken? previous = null;
            if (parser.InputStream is BufferedTokenStream stream && offendingSymbol.TokenIndex > 0)
            {
                for (int i = offendingSymbol.TokenIndex - 1; i >= 0; i--)
                {
                    IToken token = stream.Get(i);
                    if (token.Channel == TokenConstants.DefaultChannel)
                    {
                        previous = token;
                        break;
                    }
                }
            }

            Found = new ExpectedAtCursor(keywords, name, SyntaxMessages.AcceptsExpression(expected), previous?.Text, rules)
            {
                NameKeywords = nameKeywords,
                RvgPartsLeft = RvgPartsLeft(parser.Context, previous, offendingSymbol.Line),
            };
        }

        /// <summary>
        /// A lease's rvg item's parts come in any order, each ending where an expression or a date may (<c>rvg cap
        /// 28bn |</c>): the item's loop does not insist on another part, so by the cursor the parser has left the item
        /// and expects the lease's next item. When the rvg item ends just before the cursor on the cursor's line,
        /// the parts not yet written are what may follow it there (and 'with' for its guarantor, unless written, and
        /// 'cost' right after 'against remarketing').
        /// </summary>
        private static IReadOnlyList<string>? RvgPartsLeft(RuleContext? context, IToken? previous, int line)
        {
            if (context is not DealLangParser.LeaseDeclContext lease || previous is null || lease.ChildCount == 0
                || lease.GetChild(lease.ChildCount - 1) is not DealLangParser.RvgItemContext rvg
                || rvg.Stop is not { } stop || stop.TokenIndex != previous.TokenIndex || stop.Line != line
                || rvg.WITH() is not null)
            {
                return null;
            }

            DealLangParser.RvgItemPartContext[] parts = rvg.rvgItemPart();
            var left = new List<string>();
            if (parts.Length > 0 && parts[^1] is { } last && last.AGAINST() is not null && last.COST() is null && last.Stop == stop)
            {
                left.Add("cost");
            }

            bool Written(Func<DealLangParser.RvgItemPartContext, bool> part) => parts.Any(part);
            if (!Written(p => p.rvgPart() is DealLangParser.RvgGuaranteesContext)) left.Add("guarantees");
            if (!Written(p => p.rvgPart() is DealLangParser.RvgCapContext)) left.Add("cap");
            if (!Written(p => p.rvgPart() is DealLangParser.RvgUntilContext)) left.Add("until");
            if (!Written(p => p.AGAINST() is not null)) left.Add("against");
            left.Add("with");
            return left;
        }
    }
}

/// <summary>What may stand at a cursor: <see cref="Keywords"/> in token order; whether a name
/// (<see cref="Name"/>) or a whole expression (<see cref="Expression"/>) may start there; the word before the
/// cursor (<see cref="Previous"/>: <c>pay</c>, <c>lessee</c>, <c>on</c>…); and the grammar rules open there,
/// innermost first (<c>ident</c>, <c>reference</c>, <c>step</c>, <c>waterfallDecl</c>…).</summary>
public sealed record ExpectedAtCursor(
    IReadOnlyList<string> Keywords, bool Name, bool Expression, string? Previous, IReadOnlyList<string> Rules)
{
    public static readonly ExpectedAtCursor Nothing = new([], false, false, null, []);

    /// <summary>The keywords expected here that may also be names, left out of <see cref="Keywords"/> because a
    /// name may stand here (a re-let's <c>at curve</c>, <c>at beta</c>, beside its utilisation's expression).</summary>
    public IReadOnlyList<string> NameKeywords { get; init; } = [];

    /// <summary>Where the cursor follows a lease's rvg item on the item's line (<c>rvg cap 28bn |</c>): the rvg's
    /// parts not yet written, and <c>with</c> for its guarantor; otherwise null.</summary>
    public IReadOnlyList<string>? RvgPartsLeft { get; init; }
}
