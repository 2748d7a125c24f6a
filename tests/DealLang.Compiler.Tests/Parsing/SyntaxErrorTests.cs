using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>DL0101: syntax errors are located, readable, reported all in one run, and recovered from.</summary>
public sealed class SyntaxErrorTests
{
    private static Diagnostic SingleSyntaxError(string text)
    {
        (_, var diagnostics) = ParseHelper.Parse(text);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("DL0101", diagnostic.Code);
        return diagnostic;
    }

    [Fact]
    public void ThreeSeparateErrorsAreThreeDiagnosticsOnTheirLines()
    {
        string text = """
            deal X {
              closing 2025-10-30
              tranche A { balance 1bn coupon }
              tranche B { balance § }
              account { target 0 }
              fee F { 1% of A.balance per year }
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Assert.Equal(["DL0101", "DL0101", "DL0101"], diagnostics.Select(d => d.Code));
        Assert.Equal([3, 4, 5], diagnostics.Select(d => d.Span.Line));
        Assert.Equal(
            [
                "unexpected '}'; expected an expression",
                "unexpected character '§'",
                "expected a name before '{'",
            ],
            diagnostics.Select(d => d.Message));

        // Recovery stays inside the right braces: everything around the errors is still in the tree.
        DealSyntax deal = Assert.Single(unit.Deals);
        Assert.NotNull(deal.Closing);
        Assert.Equal(["A", "B", "F"], deal.Declarations.OfType<NamedDeclarationSyntax>().Select(d => d.Name.Text));
        TrancheSyntax a = deal.OfKind<TrancheSyntax>().First();
        Assert.NotNull(a.Balance);
        Assert.Null(a.Coupon);
    }

    [Fact]
    public void OnlyTheFirstErrorOnALineIsReported()
    {
        // Two stray characters on line 2; one on line 3. Later errors on a line are nearly always the parser
        // recovering from the first, so the policy is one per line.
        (_, var diagnostics) = ParseHelper.Parse("deal X {\n  tranche A { balance § coupon § }\n  fee F { § }\n}");
        Assert.Equal([(2, 23), (3, 11)], diagnostics.Select(d => (d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void UnexpectedCharacterIsNamed() =>
        Assert.Equal("unexpected character '§'", SingleSyntaxError("deal X { § }").Message);

    [Fact]
    public void ControlCharactersAreShownEscaped() =>
        Assert.Equal("unexpected character '\\u0001'", SingleSyntaxError("deal X { \u0001 }").Message);

    [Fact]
    public void UnterminatedStringSaysSo() =>
        Assert.Equal(
            "unexpected character '\"': a string must be closed with '\"' on the same line",
            SingleSyntaxError("deal X { title \"Hyperion\n}").Message);

    [Fact]
    public void AKeywordWhereANameIsExpected() =>
        Assert.Equal(
            "unexpected 'tranche'; expected a name ('tranche' is a keyword and cannot be used as a name)",
            SingleSyntaxError("deal X { tranche tranche { } }").Message);

    [Fact]
    public void ExpectedTokensAreNamedByTheirText() =>
        Assert.Equal("expected ')' before '}'", SingleSyntaxError("deal X { test T = (1 + 2 }").Message);

    [Fact]
    public void EndOfFileIsNamed()
    {
        Diagnostic d = SingleSyntaxError("deal X { tranche A { balance 1bn");
        Assert.StartsWith("unexpected end of file; expected one of: '}', ", d.Message, StringComparison.Ordinal);
        Assert.Contains("'coupon'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongListsOfAlternativesAreCapped()
    {
        // Twenty-six things may follow '{' in a deal; eight are named.
        Diagnostic d = SingleSyntaxError("deal X { foo }");
        Assert.Equal(
            "unexpected 'foo'; expected one of: '}', 'title', 'currency', 'closing', 'maturity', 'first_payment', 'pay', 'daycount', ... (20 more)",
            d.Message);
    }

    [Fact]
    public void DurationPositionSaysDuration() =>
        Assert.Equal(
            "unexpected '4'; expected a duration such as 6m or 4y",
            SingleSyntaxError("deal X { lease L on C { term 4 } }").Message);

    [Fact]
    public void DateAndNumberCategories()
    {
        Assert.Equal("unexpected 'soon'; expected a date such as 2025-10-30", SingleSyntaxError("deal X { closing soon }").Message);
        Assert.Equal("unexpected 'two'; expected a number", SingleSyntaxError("deal X { tranche T { seniority two } }").Message);
    }

    [Fact]
    public void MissingTokenIsInsertedAndParsingGoesOn()
    {
        // A form with one way on after its word ('L renewals' now goes on with 'taken' or 'drawn', so it no longer is).
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse("scenario S for D { Ix launch 2027-01-01 25% }");
        Assert.Equal("expected 'down' before '25%'", Assert.Single(diagnostics).Message);
        IndexLaunchOverrideSyntax item = Assert.IsType<IndexLaunchOverrideSyntax>(Assert.Single(unit.Scenarios[0].Items));
        Assert.Equal(new Date(2027, 1, 1), item.Launch.Date.Value);
        Assert.NotNull(item.Launch.Down);
    }

    [Fact]
    public void AnIncompleteItemIsSkippedWithoutFurtherDiagnostics()
    {
        // 'Notes.' lacks its member: the reference is dropped, not read as 'Notes'. The test is kept (without an
        // expression), so that its readers are not reported as undeclared as well.
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse("deal X { test T = Notes. }");
        Assert.Single(diagnostics);
        Assert.Null(Assert.IsType<TestSyntax>(Assert.Single(unit.Deals[0].Declarations)).Expression);
    }

    [Fact]
    public void AStrayClosingBraceAtTopLevel() =>
        Assert.Equal("unexpected '}'; expected one of: 'deal', 'scenario', end of file", SingleSyntaxError("}").Message);
}
