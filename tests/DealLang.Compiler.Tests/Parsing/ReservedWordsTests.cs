using System.Text.RegularExpressions;
using Antlr4.Runtime;
using DealLang.Grammar;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// docs/language.md §2 ("Names and keywords") lists the words that can never be names. The list is checked against the
/// grammar itself: every keyword the lexer knows, tried as a name (the parser's <c>reference</c> rule, which every
/// declaration's and expression's name goes through). A keyword added to the lexer without a place in <c>ident</c>
/// becomes reserved; this test makes the docs say so (<c>callable</c> and <c>make_whole</c> did not, nor did
/// <c>convertible</c> or <c>put</c>).
/// </summary>
public sealed partial class ReservedWordsTests
{
    [Fact]
    public void TheDocsListExactlyTheKeywordsThatCannotBeNames()
    {
        // The keywords with a literal of their own, and the words the docs list (the compute units are one token of
        // several spellings, with no literal name): each tried as a name.
        SortedSet<string> documented = new(DocumentedWords(), StringComparer.Ordinal);
        SortedSet<string> candidates = new(documented, StringComparer.Ordinal);
        var vocabulary = (Vocabulary)DealLangLexer.DefaultVocabulary;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++)
        {
            if (vocabulary.GetLiteralName(type)?.Trim('\'') is { } literal && Word().IsMatch(literal))
            {
                candidates.Add(literal);
            }
        }

        SortedSet<string> reserved = new(candidates.Where(word => !IsAName(word)), StringComparer.Ordinal);
        Assert.True(reserved.SetEquals(documented),
            $"reserved but not listed in language.md §2: {string.Join(' ', reserved.Except(documented))}; "
            + $"listed but a name after all: {string.Join(' ', documented.Except(reserved))}");
    }

    [Theory]
    [InlineData("Notes")]
    [InlineData("balance")]
    [InlineData("index")]
    public void ANameOrASoftKeywordParsesAsAName(string word) => Assert.True(IsAName(word));

    [Theory]
    [InlineData("tranche")]
    [InlineData("callable")]
    [InlineData("gpus")]
    public void AReservedWordDoesNot(string word) => Assert.False(IsAName(word));

    /// <summary>Whether <paramref name="word"/> alone parses as a <c>reference</c>, with no error and nothing left.</summary>
    private static bool IsAName(string word)
    {
        var lexer = new DealLangLexer(new AntlrInputStream(word), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        var parser = new DealLangParser(tokens, TextWriter.Null, TextWriter.Null) { ErrorHandler = new BailErrorStrategy() };
        parser.RemoveErrorListeners();
        try
        {
            parser.reference();
            return tokens.LA(1) == TokenConstants.EOF;
        }
        catch (Antlr4.Runtime.Misc.ParseCanceledException)
        {
            return false;
        }
    }

    /// <summary>The words §2 lists: the backquoted runs after "These words can never be names:" up to the end of
    /// that paragraph (the keywords, then the compute units).</summary>
    private static IEnumerable<string> DocumentedWords()
    {
        string doc = File.ReadAllText(RepoFiles.Doc("language.md"));
        int start = doc.IndexOf("These words can\nnever be names:", StringComparison.Ordinal);
        Assert.True(start >= 0, "language.md §2 no longer opens its list with \"These words can never be names:\"");
        int end = doc.IndexOf("\n\n", start, StringComparison.Ordinal);
        string paragraph = doc[start..end];
        int units = paragraph.IndexOf("[compute units]", StringComparison.Ordinal);
        string lists = paragraph[..(paragraph.IndexOf('`', paragraph.IndexOf('`', units) + 1) + 1)];
        foreach (Match run in BackquotedRun().Matches(lists))
        {
            foreach (string word in run.Groups["words"].Value.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_/]*$")]
    private static partial Regex Word();

    [GeneratedRegex(@"`(?<words>[^`]+)`")]
    private static partial Regex BackquotedRun();
}
