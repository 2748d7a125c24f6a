using DealLang.Compiler.Parsing;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>What the grammar accepts at a cursor (<see cref="CompletionProbe"/>), for an editor's completion: the
/// parser's own expected tokens there, whatever follows the cursor and whatever mistakes come before it.</summary>
public sealed class CompletionProbeTests
{
    private const string Head = "deal D {\n  closing 2025-01-01\n";

    [Fact]
    public void AtTheTopLevel_DealScenarioButNotImportAfterADeal()
    {
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt("", 0);
        Assert.Contains("deal", expected.Keywords);
        Assert.Contains("scenario", expected.Keywords);
        Assert.False(expected.Name);
    }

    [Fact]
    public void InADeal_TheDeclarationsAndHeaderItems()
    {
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(Head, Head.Length);
        Assert.Contains("tranche", expected.Keywords);
        Assert.Contains("maturity", expected.Keywords);
        Assert.Contains("waterfall", expected.Keywords);
        Assert.DoesNotContain("coupon", expected.Keywords);
        Assert.Equal("dealDecl", expected.Rules[0]);
    }

    [Fact]
    public void AfterAReletsAt_CurveAndBetaAreAmongTheNameKeywords_NotTheKeywords()
    {
        // A name may stand after 'at' (the utilisation's expression), so name-like keywords are kept apart for the
        // feature to choose from; the keywords proper stay as the grammar's rule says.
        string text = "scenario S for D {\n  C relet after 3m at ";
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(text, text.Length);
        Assert.True(expected.Name);
        Assert.Equal("at", expected.Previous);
        Assert.Contains("curve", expected.NameKeywords);
        Assert.Contains("beta", expected.NameKeywords);
        Assert.DoesNotContain("curve", expected.Keywords);
        Assert.Null(expected.RvgPartsLeft);
    }

    [Fact]
    public void AfterAnRvgsPartOnItsLine_ThePartsLeft_OnTheNextLineNone()
    {
        string text = Head + "  lease L on F {\n    rvg cap 28bn guarantees 1bn ";
        Assert.Equal(["until", "against", "with"], CompletionProbe.ExpectedAt(text, text.Length).RvgPartsLeft);
        text += "\n    ";
        Assert.Null(CompletionProbe.ExpectedAt(text, text.Length).RvgPartsLeft);
    }

    [Fact]
    public void InATranche_ItsItems_WhateverFollowsTheCursor()
    {
        string text = Head + "  tranche A {\n    \n  }\n  waterfall { pay A.interest }\n}\n";
        int cursor = text.IndexOf("    \n", StringComparison.Ordinal) + 4;
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(text, cursor);
        Assert.Contains("balance", expected.Keywords);
        Assert.Contains("coupon", expected.Keywords);
        Assert.Contains("amortize", expected.Keywords);
        Assert.DoesNotContain("lessee", expected.Keywords);
    }

    [Fact]
    public void AfterPay_ANameAndThePreviousWord()
    {
        string text = Head + "  waterfall {\n    pay ";
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(text, text.Length);
        Assert.True(expected.Name);
        Assert.False(expected.Expression);
        Assert.Equal("pay", expected.Previous);
        Assert.Contains("step", expected.Rules);
    }

    [Fact]
    public void InAnExpression_AnExpressionMayStart_AndKeywordsThatAreNamesAreNotOffered()
    {
        string text = Head + "  test T = ";
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(text, text.Length);
        Assert.True(expected.Expression);
        Assert.True(expected.Name);
        Assert.Contains("if", expected.Keywords);
        Assert.Contains("not", expected.Keywords);
        Assert.DoesNotContain("balance", expected.Keywords); // a keyword that may be a name: a name here
    }

    [Fact]
    public void AfterAnEarlierSyntaxError_StillAnswersAtTheCursor()
    {
        string text = Head + "  tranche A { balanse 5m }\n  party P { ";
        ExpectedAtCursor expected = CompletionProbe.ExpectedAt(text, text.Length);
        Assert.Contains("rating", expected.Keywords);
        Assert.Contains("recovery", expected.Keywords);
    }

    [Theory]
    [InlineData("  // a comment ")]
    [InlineData("  title \"unfinished ")]
    [InlineData("  /* an open comment ")]
    public void InACommentOrString_Nothing(string tail)
    {
        string text = Head + tail;
        Assert.Same(ExpectedAtCursor.Nothing, CompletionProbe.ExpectedAt(text, text.Length));
    }

    [Fact]
    public void AnOffsetOutsideTheText_IsClamped()
    {
        Assert.Contains("tranche", CompletionProbe.ExpectedAt(Head, 10_000).Keywords);
        Assert.Contains("deal", CompletionProbe.ExpectedAt(Head, -5).Keywords);
    }

    [Theory]
    [InlineData("Notes", true)]
    [InlineData("_reserve2", true)]
    [InlineData("level", true)]      // a keyword the grammar also takes as a name
    [InlineData("tranche", false)]   // reserved
    [InlineData("pay", false)]
    [InlineData("2Notes", false)]
    [InlineData("Notes B", false)]
    [InlineData("Café", false)]
    [InlineData("", false)]
    public void IsName(string word, bool expected) => Assert.Equal(expected, CompletionProbe.IsName(word));
}
