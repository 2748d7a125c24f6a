using System.Text.RegularExpressions;
using Antlr4.Runtime;
using DealLang.Grammar;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// The lexer's <c>NON_ASCII_NAME</c> (grammar/DealLang.g4) takes a name's characters outside ASCII by their Unicode
/// category (<c>DealLangLexer.Names.cs</c>), as the sets <c>[\p{L}_] [\p{L}\p{M}\p{N}_]*</c> it replaced did: checked
/// here for every UTF-16 code unit from U+0080 on, against .NET's own reading of those sets (a regular expression).
/// </summary>
public sealed class NonAsciiNameLexingTests
{
    static readonly Regex Start = new(@"^[\p{L}_]$", RegexOptions.CultureInvariant);
    static readonly Regex Part = new(@"^[\p{L}\p{M}\p{N}_]$", RegexOptions.CultureInvariant);

    static IList<IToken> Lex(string text)
    {
        var lexer = new DealLangLexer(new AntlrInputStream(text), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        return [.. tokens.GetTokens().Where(t => t.Type != TokenConstants.EOF)];
    }

    [Fact]
    public void EveryCharacterOutsideAsciiStartsOrContinuesANameAsItsCategorySays()
    {
        var wrong = new List<string>();
        for (int c = 0x80; c <= char.MaxValue; c++)
        {
            string s = ((char)c).ToString();

            // Inside a name ("a" c "b"): one name when c is a letter, mark or number, else the name ends before it.
            IList<IToken> inside = Lex("a" + s + "b");
            bool part = Part.IsMatch(s);
            bool oneName = inside.Count == 1 && inside[0].Type == DealLangLexer.NON_ASCII_NAME && inside[0].Text == "a" + s + "b";
            bool split = inside.Count >= 2 && inside[0].Type == DealLangLexer.IDENT && inside[0].Text == "a";

            // On its own: a name when c is a letter, else one character the parser rejects.
            IList<IToken> alone = Lex(s);
            bool start = Start.IsMatch(s);
            bool name = alone.Count == 1 && alone[0].Type == DealLangLexer.NON_ASCII_NAME;
            bool unexpected = alone.Count == 1 && alone[0].Type == DealLangLexer.UNEXPECTED_CHAR;
            if ((part ? !oneName : !split) || (start ? !name : !unexpected))
            {
                wrong.Add($"U+{c:X4}");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Café", DealLangLexer.NON_ASCII_NAME)] // é is a letter
    [InlineData("Ünï", DealLangLexer.NON_ASCII_NAME)]
    [InlineData("x\u0301", DealLangLexer.NON_ASCII_NAME)] // a combining acute accent (a mark) goes on with a name
    [InlineData("x٣", DealLangLexer.NON_ASCII_NAME)] // an Arabic-Indic three (a number) too
    [InlineData("Notes", DealLangLexer.IDENT)] // pure ASCII stays IDENT
    public void ANameIsOneToken(string text, int type)
    {
        IToken token = Assert.Single(Lex(text));
        Assert.Equal((type, text), (token.Type, token.Text));
    }
}
