using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using DealLang.Grammar;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// Turns what ANTLR knows at an error (the token it met, the token types it could have taken) into a
/// sentence for a credit analyst: "unexpected '§'", "unexpected 'tranche'; expected a name".
/// Token types are named by their text (<c>'{'</c>, <c>'coupon'</c>) or by what they are ("a date");
/// the many keywords that may also be names, and everything that may start an expression, are folded
/// into "a name" and "an expression" so that the list stays short.
/// </summary>
internal static class SyntaxMessages
{
    private const int MaxListed = 8;
    private const int MaxTokenText = 40;

    private static readonly IntervalSet NameStart = FirstOf(DealLangParser.RULE_ident);
    private static readonly IntervalSet ExpressionStart = FirstOf(DealLangParser.RULE_expr);

    private static readonly int[] Operators =
    [
        DealLangParser.OF, DealLangParser.STAR, DealLangParser.SLASH, DealLangParser.PLUS, DealLangParser.MINUS,
        DealLangParser.LT, DealLangParser.LE, DealLangParser.GT, DealLangParser.GE, DealLangParser.EQ,
        DealLangParser.NE, DealLangParser.AND, DealLangParser.OR,
    ];

    /// <summary>"unexpected X; expected Y" (the second half only when ANTLR knows what it expected).</summary>
    public static string Unexpected(IToken token, IntervalSet? expected)
    {
        if (token.Type == DealLangLexer.UNTERMINATED_STRING)
        {
            return "unexpected character '\"': a string must be closed with '\"' on the same line";
        }

        if (token.Type == DealLangLexer.UNEXPECTED_CHAR)
        {
            // A character the language never uses: naming the alternatives would only distract.
            string character = Describe(token);
            return token.Text == "\""
                ? $"unexpected {character}: a string must be closed with '\"' on the same line"
                : $"unexpected {character}";
        }

        string message = $"unexpected {Describe(token)}";
        if (expected is null || expected.IsNil)
        {
            return message;
        }

        // 'then' after an item (a lever) that is already complete, 'Tenant defaults on 2027-01-01 then …': the closest
        // keyword a new item may start with ('trend', a name) would be a misleading guess; say where 'then' belongs.
        if (token.Type == DealLangLexer.THEN && !expected.Contains(DealLangLexer.THEN))
        {
            return $"{message}: what comes before it is complete and takes no 'then' (only 'if C then A else B', a loan's "
                + "'pays S … then arrears …', a drawn PD's 'until D then R per year' and a cure's 'prepaying T then into A' do); "
                + "write what follows as an item of its own";
        }

        // A misspelt keyword ('balanse' for 'balance', or another keyword: 'default' for 'defaults'): the
        // suggestion says more than the list would.
        if ((token.Type == DealLangLexer.IDENT || KeywordText(token.Type) is not null)
            && KeywordSuggestions.Closest(token.Text, Keywords(expected)) is { } keyword)
        {
            return $"{message}; did you mean '{keyword}'?";
        }

        List<string> names = ExpectedNames(expected, out bool nameExpected);
        if (names.Count == 0)
        {
            return message;
        }

        message = $"{message}; {JoinExpected(names)}";
        if (nameExpected && IsReservedWord(token))
        {
            message += string.Create(CultureInfo.InvariantCulture, $" ('{token.Text}' is a keyword and cannot be used as a name)");
        }

        return message;
    }

    /// <summary>"expected '}' before end of file": one token was missing and parsing went on as if it were there.</summary>
    public static string Missing(IToken before, IntervalSet expected)
    {
        // 'per yer': the word is a misspelling of the keyword expected, not something after a missing one.
        if (before.Type == DealLangLexer.IDENT && KeywordSuggestions.Closest(before.Text, Keywords(expected)) is { } keyword)
        {
            return $"unexpected {Describe(before)}; did you mean '{keyword}'?";
        }

        List<string> names = ExpectedNames(expected, out _);
        return names.Count == 0
            ? $"unexpected {Describe(before)}"
            : $"{JoinExpected(names)} before {Describe(before)}";
    }

    /// <summary>Whether a name may come at a position whose possible next tokens are <paramref name="expected"/>.
    /// A plain name (IDENT) alone does not count: it is there only because a misspelt keyword may start an
    /// unknown declaration (<c>tranch Loan { }</c>), and the keywords that may also be names are missing.</summary>
    public static bool AcceptsName(IntervalSet expected) => NameStart.ToList().All(expected.Contains);

    /// <summary>Whether an expression may start where the possible next tokens are <paramref name="expected"/>.</summary>
    public static bool AcceptsExpression(IntervalSet expected) => ExpressionStart.ToList().All(expected.Contains);

    /// <summary>Whether the token type is a keyword that may also be a name (one of the grammar's <c>ident</c>).</summary>
    public static bool IsNameKeyword(int type) => NameStart.Contains(type);

    /// <summary>The keywords among <paramref name="expected"/>, without quotes, in token order.</summary>
    public static IEnumerable<string> Keywords(IntervalSet expected)
    {
        foreach (int type in expected.ToList())
        {
            if (KeywordText(type) is { } keyword)
            {
                yield return keyword;
            }
        }
    }

    /// <summary>The text of a keyword token type ('tranche'), or null for any other token type.</summary>
    public static string? KeywordText(int type) =>
        type > 0 && DealLangParser.DefaultVocabulary.GetLiteralName(type) is { Length: > 2 } literal && char.IsLetter(literal[1])
            ? literal[1..^1]
            : null;

    /// <summary>How a token found in the text is shown: its text in quotes, "end of file", or
    /// "character '§'" for one the language does not use.</summary>
    public static string Describe(IToken token)
    {
        if (token.Type == TokenConstants.EOF)
        {
            return "end of file";
        }

        string text = Printable(token.Text ?? "");
        return token.Type == DealLangLexer.UNEXPECTED_CHAR ? $"character '{text}'" : $"'{text}'";
    }

    private static List<string> ExpectedNames(IntervalSet expected, out bool nameExpected)
    {
        var remaining = new HashSet<int>(expected.ToList());
        remaining.Remove(TokenConstants.EPSILON);

        var punctuation = new List<string>();
        var kinds = new List<string>();
        var keywords = new List<string>();
        var tail = new List<string>();

        nameExpected = false;
        if (ContainsAll(remaining, ExpressionStart))
        {
            nameExpected = true; // an expression may be a name
            kinds.Add("an expression");
            remaining.ExceptWith(ExpressionStart.ToList());
        }
        else if (ContainsAll(remaining, NameStart))
        {
            nameExpected = true;
            kinds.Add("a name");
            remaining.ExceptWith(NameStart.ToList());
        }

        // A plain name left over may only start an unknown declaration (see AcceptsName): not worth naming.
        remaining.Remove(DealLangLexer.IDENT);

        // 'import' is allowed wherever a deal or scenario may start, but belongs at the top of the file (DL0605):
        // listing it after a deal would invite that mistake, and at the top a stray word is seldom a lost import.
        remaining.Remove(DealLangLexer.IMPORT);

        if (Operators.Count(remaining.Contains) >= 2)
        {
            tail.Add("an operator");
            remaining.ExceptWith(Operators);
        }

        bool onlyQuantity = remaining.Count == 1 && remaining.Contains(DealLangLexer.QUANTITY) && kinds.Count == 0;
        if (remaining.SetEquals([DealLangLexer.NUMBER, DealLangLexer.QUANTITY]) && kinds.Count == 0 && tail.Count == 0)
        {
            return ["a count such as 2 x or 2x"]; // renewalCount, the only place that takes exactly these two
        }

        foreach (int type in remaining.Order())
        {
            switch (type)
            {
                case TokenConstants.EOF: tail.Add("end of file"); break;
                case DealLangLexer.QUANTITY:
                    kinds.Add(onlyQuantity ? "a duration such as 6m or 4y" : "a number with a unit such as 27.3bn or 6m");
                    break;
                case DealLangLexer.NUMBER: kinds.Add("a number"); break;
                case DealLangLexer.DATE: kinds.Add("a date such as 2025-10-30"); break;
                case DealLangLexer.STRING: kinds.Add("a string in double quotes"); break;
                case DealLangLexer.DAYCOUNT: kinds.Add("a day count such as 30/360"); break;
                default:
                    string? literal = DealLangParser.DefaultVocabulary.GetLiteralName(type);
                    if (literal is null)
                    {
                        continue;
                    }

                    (char.IsLetter(literal[1]) ? keywords : punctuation).Add(literal);
                    break;
            }
        }

        return [.. punctuation, .. kinds, .. keywords, .. tail];
    }

    private static string JoinExpected(List<string> names) => names.Count switch
    {
        1 => $"expected {names[0]}",
        2 => $"expected {names[0]} or {names[1]}",
        <= MaxListed => $"expected one of: {string.Join(", ", names)}",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"expected one of: {string.Join(", ", names.Take(MaxListed))}, ... ({names.Count - MaxListed} more)"),
    };

    // A keyword that the grammar never accepts as a name ('deal', 'tranche', 'pay', ...).
    private static bool IsReservedWord(IToken token)
    {
        string? literal = DealLangParser.DefaultVocabulary.GetLiteralName(token.Type);
        return literal is not null && char.IsLetter(literal[1]) && !NameStart.Contains(token.Type);
    }

    private static bool ContainsAll(HashSet<int> set, IntervalSet required) => required.ToList().All(set.Contains);

    private static IntervalSet FirstOf(int rule)
    {
        ATN atn = DealLangParser._ATN;
        return atn.NextTokens(atn.ruleToStartState[rule]);
    }

    // Control characters, lone surrogates and very long tokens would make a message unreadable.
    public static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text.Length > MaxTokenText ? text[..MaxTokenText] : text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > MaxTokenText)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
