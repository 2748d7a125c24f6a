using System.Text;
using Antlr4.Runtime;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;
using DealLang.Grammar;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// The parser never throws, whatever the text: every run ends in a tree plus diagnostics, and every
/// diagnostic is located inside the file. Random cases use fixed seeds so that a failure can be replayed.
/// </summary>
public sealed class NeverThrowTests
{
    private static IReadOnlyList<Diagnostic> ParseChecked(string text)
    {
        (CompilationUnitSyntax unit, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse(text);
        Assert.NotNull(unit);
        foreach (Diagnostic d in diagnostics)
        {
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"unlocated: {d}");
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }

        return diagnostics;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n")]
    [InlineData("// only a comment")]
    [InlineData("/* an unclosed comment")]
    [InlineData("}")]
    [InlineData("}}}}")]
    [InlineData("{{{{")]
    [InlineData("deal")]
    [InlineData("deal {")]
    [InlineData("deal X {")]
    [InlineData("deal X { tranche A { ")]
    [InlineData("deal X { } } }")]
    [InlineData("deal X { waterfall { if { } else { } } }")]
    [InlineData("deal X { waterfall { pay } }")]
    [InlineData("deal X { enforcement { sell , , haircut } }")]
    [InlineData("deal X { test = }")]
    [InlineData("deal X { fee { per year } }")]
    [InlineData("scenario for { enforcement }")]
    [InlineData("deal X { test T = max(, ) }")]
    [InlineData("deal X { test T = a. . b }")]
    [InlineData("\"")]
    [InlineData("\0\u0001\uFFFF\uD800")]
    [InlineData("😀 deal 😀 X")]
    public void OddInputs(string text) => ParseChecked(text);

    [Fact]
    public void EmptyFileHasNothingAndNoDiagnostics()
    {
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse("");
        Assert.Empty(diagnostics);
        Assert.Empty(unit.Deals);
        Assert.Empty(unit.Scenarios);
    }

    [Fact]
    public void RandomCharacters()
    {
        var random = new Random(20251030);
        const string alphabet = "deal{}()=<>+-*/.,%\"\\ \n\t0123456789abxmyd_§\0";
        for (int i = 0; i < 300; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 200);
            for (int j = 0; j < length; j++)
            {
                text.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)]);
            }

            ParseChecked(text.ToString());
        }
    }

    [Fact]
    public void EveryTruncationOfTheHyperionDeal()
    {
        string text = ParsingSamples.Hyperion;
        int dealStart = text.IndexOf("deal Hyperion", StringComparison.Ordinal);
        int dealEnd = text.IndexOf("\n}\n", StringComparison.Ordinal) + 1; // the deal's closing brace
        for (int length = 0; length <= text.Length; length++)
        {
            IReadOnlyList<Diagnostic> diagnostics = ParseChecked(text[..length]);

            // Cut anywhere inside the deal, the deal is unclosed: that must be reported, not ignored (as the
            // comment left open, DL0132, when the cut falls inside one).
            if (length > dealStart && length <= dealEnd)
            {
                Assert.Contains(diagnostics, d => d.Code is "DL0101" or "DL0132");
            }
        }

        Assert.Empty(ParseChecked(text));
    }

    [Fact]
    public void RandomTokenDeletionsInsertionsAndSwaps()
    {
        List<string> tokens = HyperionTokens();
        var random = new Random(42);
        for (int i = 0; i < 400; i++)
        {
            var mutated = new List<string>(tokens);
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                int at = random.Next(mutated.Count);
                switch (random.Next(3))
                {
                    case 0: mutated.RemoveAt(at); break;
                    case 1: mutated.Insert(at, tokens[random.Next(tokens.Count)]); break;
                    default: (mutated[at], mutated[^1]) = (mutated[^1], mutated[at]); break;
                }
            }

            ParseChecked(string.Join(" ", mutated));
        }
    }

    [Fact]
    public void AVeryLongLine()
    {
        // 50 000 steps on one line, then a 200 000-character name and number.
        string steps = string.Concat(Enumerable.Repeat("pay Notes.interest ", 50_000));
        Assert.Empty(ParseChecked($"deal X {{ waterfall {{ {steps} }} }}"));

        string name = new('a', 200_000);
        string number = new('9', 200_000);
        var diagnostics = ParseChecked($"deal {name} {{ tranche T {{ balance {number}bn }} }}");
        Assert.Equal("DL0107", Assert.Single(diagnostics).Code);
        Assert.True(diagnostics[0].Message.Length < 200);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("- ", "")]
    [InlineData("not ", "")]
    [InlineData("max(", ")")]
    public void DeepNestingIsReportedNotAStackOverflow(string open, string close)
    {
        const int depth = 100_000;
        string text = $"deal X {{ test T = {Repeat(open, depth)}a{Repeat(close, depth)} }}";
        Diagnostic d = Assert.Single(ParseChecked(text));
        Assert.Equal("DL0108", d.Code);
        Assert.Equal(1, d.Span.Line);
    }

    [Fact]
    public void DeeplyNestedIfStepsAreReportedToo()
    {
        const int depth = 10_000;
        string text = $"deal X {{ waterfall {{ {Repeat("if a { ", depth)}{Repeat("} ", depth)} }} }}";
        Assert.Equal("DL0108", Assert.Single(ParseChecked(text)).Code);
    }

    [Fact]
    public void ModerateNestingIsFine()
    {
        // Fifty levels is far beyond any real deal and well inside the limit.
        string text = $"deal X {{ test T = {Repeat("(", 50)}a{Repeat(")", 50)} }}";
        Assert.Empty(ParseChecked(text));
        Assert.True(DealParser.MaxNesting > 100);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static List<string> HyperionTokens()
    {
        var lexer = new DealLangLexer(new AntlrInputStream(ParsingSamples.Hyperion), TextWriter.Null, TextWriter.Null);
        var stream = new CommonTokenStream(lexer);
        stream.Fill();
        return [.. stream.GetTokens().Where(t => t.Channel == TokenConstants.DefaultChannel && t.Type != TokenConstants.EOF).Select(t => t.Text)];
    }
}
