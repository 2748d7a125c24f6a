using System.Globalization;
using System.Text;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>One mutated deal file and what was done to it, in words a person can replay by hand.</summary>
internal sealed record Mutant(string Text, string Description);

/// <summary>
/// Deterministic, token-aware mutations of a deal file, for <see cref="PipelineFuzzTests"/>. Mutant
/// <c>index</c> of a file is made by a <see cref="Random"/> seeded from <c>(seed, index)</c> alone, so any one
/// mutant can be rebuilt from the test's name without generating the others. The tokenizer is deliberately not
/// the compiler's: it only has to find words, literals and operators well enough to break them, and it must not
/// share the compiler's bugs.
/// </summary>
internal sealed class DealMutator
{
    /// <summary>Every keyword of grammar/DealLang.g4 (lexer rules spelt as words).</summary>
    internal static readonly string[] Keywords =
    [
        "deal", "scenario", "for", "title", "currency", "closing", "maturity", "first_payment", "pay", "daycount",
        "business_days", "holidays",
        "party", "rating", "pd", "recovery", "facility", "cost", "value", "straight_line", "floor", "from",
        "schedule", "lease", "on", "lessee", "rent", "escalating", "starts", "term", "renewals", "x", "at",
        "option", "market", "rvg", "guarantees", "cap", "until", "tranche", "balance", "coupon", "fixed",
        "interest_only", "interest", "principal", "amortize", "bullet", "level", "linear", "seniority", "equity",
        "contributed", "holders", "account", "target", "initial", "earns", "fee", "test", "over", "trailing", "next",
        "trigger", "when", "default", "waterfall", "using", "fill", "release", "hold", "rest", "in", "distribute",
        "to", "if", "else", "enforcement", "sell", "haircut", "lag", "taken", "deflate", "drop", "by", "defaults",
        "per", "year", "of", "and", "or", "not",
        // Not keywords, but words the checker gives meaning to: built-ins, functions, effects, conventions.
        "cfads", "debt_service", "collections", "date", "min", "max", "abs", "market_rent", "trap", "ended",
        "defaulted", "interest_shortfall", "principal_shortfall", "semiannual", "monthly", "quarterly", "annual",
        "following", "modified_following", "adjusted", "unadjusted",
    ];

    /// <summary>Literals that stress the literal readers, the unit checker and the period loop: zero, negative,
    /// overflowing, impossible dates, bad suffixes, the extremes of each unit.</summary>
    internal static readonly string[] Literals =
    [
        "0", "-5%", "0%", "0x", "0bn", "0m", "0y", "0d", "1", "0.5", "100%", "250%", "-1", "1_000_000",
        new string('9', 400), new string('9', 400) + "bn", "1" + new string('0', 309) + "%", "1e400", "0.0000001bp",
        "999999bn", "27.3bn", "6.581%", "4y", "600y", "6m", "1d", "1.10x", "2025-02-29", "2024-02-29",
        "2025-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "2025-10-30", "2049-05-30", "\"\"", "\"x\"",
        "30/360", "ACT/365", "2x", "0.5x", "1_", "-250%", "-100%", "100000%", "1bp", "0.0001",
    ];

    /// <summary>Operators and the words that act as operators, any of which may replace another.</summary>
    internal static readonly string[] Operators =
        ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", "=>", "and", "or", "not", "of", ".", ","];

    private static readonly string[] DeclarationKeywords =
        ["deal", "scenario", "party", "facility", "lease", "tranche", "equity", "account", "fee", "test", "trigger"];

    private readonly string original;
    private readonly int seed;

    public DealMutator(string text, int seed)
    {
        original = text;
        this.seed = seed;
    }

    /// <summary>The <paramref name="index"/>th mutant: one mutation in about half the cases, else two or three.</summary>
    public Mutant Make(int index)
    {
        var random = new Random(unchecked((seed * 7919) + index));
        int count = random.Next(4) switch { 0 or 1 => 1, 2 => 2, _ => 3 };
        string text = original;
        var steps = new List<string>();
        for (int i = 0; i < count; i++)
        {
            (text, string step) = MutateOnce(text, random);
            steps.Add(step);
        }

        return new Mutant(text, string.Join(" + ", steps));
    }

    /// <summary>
    /// The <paramref name="index"/>th value mutant: one to three literals replaced, nothing else touched. Most of
    /// these still check, so they are what reaches Roslyn and the period loop with degenerate numbers (a zero
    /// balance, a 0% coupon, a negative rate, an absurd date) that structural mutations rarely leave valid.
    /// </summary>
    public Mutant MakeValueMutant(int index)
    {
        var random = new Random(unchecked((seed * 7919) + index + 1_000_000));
        int count = 1 + random.Next(3);
        string text = original;
        var steps = new List<string>();
        for (int i = 0; i < count; i++)
        {
            (text, string step) = ReplaceLiteral(text, Tokenize(text), random);
            steps.Add(step);
        }

        return new Mutant(text, string.Join(" + ", steps));
    }

    private static (string Text, string Description) ReplaceLiteral(string text, List<Token> tokens, Random random)
    {
        var literals = tokens.Where(t => t.Kind is TokenKind.Number or TokenKind.Date or TokenKind.String).ToList();
        if (literals.Count == 0)
        {
            return (text, "no literal to replace");
        }

        var t = Pick(random, literals);
        // Never the literal itself ('6m' by '6m' leaves the deal as it was: a mutant wasted, and a shard of the "other"
        // deal that is the same one).
        string[] pool = [.. (random.Next(5) == 0 ? Literals : SameKind(t)).Where(l => l != t.Text)];
        string by = pool.Length > 0 ? Pick(random, pool) : Pick(random, Literals.Where(l => l != t.Text).ToArray());
        return (Splice(text, t.Start, t.Length, by), $"replace '{t.Text}' at {t.Where} by '{Abbreviate(by)}'");
    }

    /// <summary>Degenerate values of the literal's own kind, so that most replacements still check.</summary>
    private static string[] SameKind(Token literal)
    {
        if (literal.Kind == TokenKind.Date)
        {
            return ["2025-02-29", "2024-02-29", "0001-01-01", "9999-12-31", "9999-12-01", "2025-10-30", "2049-05-30", "2100-01-01"];
        }

        if (literal.Kind == TokenKind.String)
        {
            return ["\"\"", "\"\\\"\"", "\"n/a, \\\\ \"", "\"ümlaut €\""];
        }

        string suffix = literal.Text.TrimStart("0123456789._".ToCharArray());
        return suffix switch
        {
            "%" or "bp" => ["0%", "-5%", "100%", "250%", "-100%", "-250%", "100000%", "0bp", "1bp", "1" + new string('0', 300) + "%"],
            "x" => ["0x", "-1x", "1e9x", "0.5x"],
            "d" or "w" or "y" => ["0y", "0d", "1d", "600y", "9999y", "1w"],
            "" => ["0", "1", "2", "100", "0.5", "-1", "9" + new string('9', 307)],
            _ => ["0", "0bn", "0m", "1k", "999999bn", "0.001k", "1" + new string('0', 290) + "bn", "6m", "0m"],
        };
    }

    private static (string Text, string Description) MutateOnce(string text, Random random)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            string keyword = Pick(random, Keywords);
            return (keyword + " " + text, $"insert '{keyword}' at 1:1");
        }

        switch (random.Next(12))
        {
            case 0:
            {
                var t = Pick(random, tokens);
                return (Splice(text, t.Start, t.Length, ""), $"delete '{t.Text}' at {t.Where}");
            }

            case 1:
            {
                var t = Pick(random, tokens);
                return (Splice(text, t.Start, 0, t.Text + " "), $"duplicate '{t.Text}' at {t.Where}");
            }

            case 2:
            {
                int i = random.Next(tokens.Count);
                if (i + 1 >= tokens.Count)
                {
                    goto case 0;
                }

                var (a, b) = (tokens[i], tokens[i + 1]);
                string swapped = b.Text + text[(a.Start + a.Length)..b.Start] + a.Text;
                return (Splice(text, a.Start, b.Start + b.Length - a.Start, swapped), $"swap '{a.Text}' '{b.Text}' at {a.Where}");
            }

            case 3:
            {
                var (start, length, line) = PickLine(text, tokens, random);
                return (Splice(text, start, length, ""), $"delete line {line}");
            }

            case 4:
            {
                var (start, length, line) = PickLine(text, tokens, random);
                return (Splice(text, start, 0, text.Substring(start, length)), $"duplicate line {line}");
            }

            case 5:
            case 6:
            {
                // Twice as likely as the others: a literal change is the mutation most likely to leave a valid
                // deal with degenerate numbers (a zero balance, a 0% coupon), which is what reaches the runner.
                if (!tokens.Exists(t => t.Kind is TokenKind.Number or TokenKind.Date or TokenKind.String))
                {
                    goto case 0;
                }

                return ReplaceLiteral(text, tokens, random);
            }

            case 7:
            {
                var words = tokens.Where(t => t.Kind == TokenKind.Word).ToList();
                if (words.Count == 0)
                {
                    goto case 0;
                }

                var t = Pick(random, words);
                var names = DeclaredNames(tokens);
                string by = names.Count > 0 && random.Next(2) == 0 ? Pick(random, names) : Pick(random, Keywords);
                return (Splice(text, t.Start, t.Length, by), $"rename '{t.Text}' at {t.Where} to '{by}'");
            }

            case 8:
            {
                int at = random.Next(text.Length + 1);
                return (text[..at], $"truncate at {Where(text, at)}");
            }

            case 9:
            {
                var t = Pick(random, tokens);
                string keyword = Pick(random, Keywords);
                return (Splice(text, t.Start, 0, keyword + " "), $"insert '{keyword}' at {t.Where}");
            }

            case 10:
            {
                var operators = tokens.Where(t => Operators.Contains(t.Text, StringComparer.Ordinal)).ToList();
                if (operators.Count == 0)
                {
                    goto case 9;
                }

                var t = Pick(random, operators);
                string by = Pick(random, Operators);
                return (Splice(text, t.Start, t.Length, by), $"operator '{t.Text}' at {t.Where} to '{by}'");
            }

            default:
            {
                // Move a token elsewhere: reorders declarations' items and waterfall steps in ways swaps do not.
                var t = Pick(random, tokens);
                string without = Splice(text, t.Start, t.Length, "");
                var rest = Tokenize(without);
                if (rest.Count == 0)
                {
                    return (without, $"delete '{t.Text}' at {t.Where}");
                }

                var to = Pick(random, rest);
                return (Splice(without, to.Start, 0, t.Text + " "), $"move '{t.Text}' at {t.Where} before {to.Where}");
            }
        }
    }

    private static List<string> DeclaredNames(List<Token> tokens)
    {
        var names = new List<string>();
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (DeclarationKeywords.Contains(tokens[i].Text, StringComparer.Ordinal) && tokens[i + 1].Kind == TokenKind.Word
                && !names.Contains(tokens[i + 1].Text, StringComparer.Ordinal))
            {
                names.Add(tokens[i + 1].Text);
            }
        }

        return names;
    }

    /// <summary>A line holding at least one token (removing a blank or comment line would change nothing),
    /// with its line break.</summary>
    private static (int Start, int Length, int Line) PickLine(string text, List<Token> tokens, Random random)
    {
        var t = Pick(random, tokens);
        int start = text.LastIndexOf('\n', Math.Max(0, t.Start - 1)) + 1;
        if (t.Start == 0)
        {
            start = 0;
        }

        int end = text.IndexOf('\n', t.Start);
        end = end < 0 ? text.Length : end + 1;
        return (start, end - start, t.Line);
    }

    private static string Splice(string text, int start, int length, string insert) =>
        string.Concat(text.AsSpan(0, start), insert, text.AsSpan(start + length));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Abbreviate(string text) =>
        text.Length <= 20 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..6]}…({text.Length} chars)");

    private static string Where(string text, int offset)
    {
        int line = 1, column = 1;
        for (int i = 0; i < offset; i++)
        {
            (line, column) = text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }

    internal enum TokenKind { Word, Number, Date, String, Punctuation }

    internal sealed record Token(TokenKind Kind, string Text, int Start, int Line, int Column)
    {
        public int Length => Text.Length;

        public string Where => string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}");
    }

    /// <summary>The file's tokens without white space and comments.</summary>
    internal static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int start = i;
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && At(text, i + 1) == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && At(text, i + 1) == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                int end = close < 0 ? text.Length : close + 2;
                for (; i < end; i++)
                {
                    if (text[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }
                }

                continue;
            }

            TokenKind kind;
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(text.Length, i + 1);
                kind = TokenKind.String;
            }
            else if (char.IsAsciiDigit(c))
            {
                bool date = i + 10 <= text.Length && IsDate(text.AsSpan(i, 10));
                if (date)
                {
                    i += 10;
                    kind = TokenKind.Date;
                }
                else
                {
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '%' or '/'))
                    {
                        i++;
                    }

                    kind = TokenKind.Number;
                }
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                kind = TokenKind.Word;
            }
            else
            {
                string two = i + 2 <= text.Length ? text.Substring(i, 2) : "";
                i += two is "=>" or "<=" or ">=" or "==" or "!=" ? 2 : 1;
                kind = TokenKind.Punctuation;
            }

            tokens.Add(new Token(kind, text[start..i], start, line, start - lineStart + 1));
        }

        return tokens;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsDate(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && s[4] == '-' && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && s[7] == '-'
        && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

    /// <summary>The file as a token stream, to tell a mutant that changed nothing but trivia from one that did.</summary>
    internal static string Normalized(string text)
    {
        var builder = new StringBuilder();
        foreach (var t in Tokenize(text))
        {
            builder.Append(t.Text).Append(' ');
        }

        return builder.ToString();
    }
}
