using Antlr4.Runtime;
using DealLang.Grammar;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>What the generated lexer makes of DealLang's literals (the token kinds CstToAst relies on).</summary>
public sealed class LexerTests
{
    private static List<(string Name, string Text)> Tokens(string text)
    {
        var lexer = new DealLangLexer(new AntlrInputStream(text), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        var stream = new CommonTokenStream(lexer);
        stream.Fill();
        return stream.GetTokens()
            .Where(t => t.Channel == TokenConstants.DefaultChannel && t.Type != TokenConstants.EOF)
            .Select(t => (DealLangLexer.DefaultVocabulary.GetSymbolicName(t.Type), t.Text))
            .ToList();
    }

    [Theory]
    [InlineData("27.3bn")]
    [InlineData("450m")]
    [InlineData("12k")]
    [InlineData("6.581%")]
    [InlineData("225bp")]
    [InlineData("1.10x")]
    [InlineData("6m")]
    [InlineData("4y")]
    [InlineData("90d")]
    [InlineData("1_000m")]
    public void NumbersWithASuffixAreOneQuantityToken(string text) =>
        Assert.Equal([("QUANTITY", text)], Tokens(text));

    [Theory]
    [InlineData("0")]
    [InlineData("27.3")]
    [InlineData("1_000_000")]
    public void NumbersWithoutASuffixAreNumberTokens(string text) =>
        Assert.Equal([("NUMBER", text)], Tokens(text));

    [Theory]
    [InlineData("30/360")]
    [InlineData("30E/360")]
    [InlineData("ACT/360")]
    [InlineData("ACT/365F")]
    [InlineData("ACT/ACT")]
    public void DayCountsAreOneToken(string text) =>
        Assert.Equal([("DAYCOUNT", text)], Tokens(text));

    [Fact]
    public void DivisionNeedsSpacesWhereItWouldSpellADayCount()
    {
        // Longest match: '30/360' is a day count, so arithmetic on these numbers needs spaces.
        Assert.Equal([("NUMBER", "30"), ("SLASH", "/"), ("NUMBER", "360")], Tokens("30 / 360"));
    }

    [Fact]
    public void DatesAreOneTokenButSubtractionIsNot()
    {
        Assert.Equal([("DATE", "2025-10-30")], Tokens("2025-10-30"));
        Assert.Equal([("NUMBER", "2025"), ("MINUS", "-"), ("NUMBER", "10")], Tokens("2025 - 10"));
    }

    [Fact]
    public void CommentsAndWhitespaceAreHidden()
    {
        Assert.Equal(
            [("DEAL", "deal"), ("IDENT", "X"), ("LBRACE", "{"), ("RBRACE", "}")],
            Tokens("// a line comment\ndeal /* a block\ncomment */ X {\t}\r\n"));
    }

    [Fact]
    public void MembersAfterADotAreKeywordsTheParserAcceptsAsNames()
    {
        Assert.Equal([("IDENT", "Notes"), ("DOT", "."), ("BALANCE", "balance")], Tokens("Notes.balance"));
        Assert.Equal([("IDENT", "Notes"), ("DOT", "."), ("IDENT", "interest_shortfall")], Tokens("Notes.interest_shortfall"));
    }

    [Fact]
    public void StringsKeepTheirQuotesAndEscapes() =>
        Assert.Equal([("STRING", "\"a \\\"b\\\" \\\\ c\"")], Tokens("\"a \\\"b\\\" \\\\ c\""));

    [Fact]
    public void AnyOtherCharacterIsOneUnexpectedCharToken() =>
        Assert.Equal([("IDENT", "a"), ("UNEXPECTED_CHAR", "§"), ("IDENT", "b")], Tokens("a§b"));
}
