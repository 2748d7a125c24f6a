using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary><c>test T = ... over trailing 12m from 2030-11-30</c>: the date from which a test is tested.</summary>
public sealed class TestFromTests
{
    private static TestSyntax Test(string text) => Assert.Single(ParseHelper.ParseDeal($"deal X {{ {text} }}").OfKind<TestSyntax>());

    [Fact]
    public void AfterTheTrailingWindow()
    {
        TestSyntax test = Test("test Dscr = cfads / debt_service over trailing 12m from 2030-11-30");

        Assert.Equal((12d, TimeUnit.Months), (test.Trailing!.Amount, test.Trailing.Unit));
        Assert.Equal(new Date(2030, 11, 30), test.From!.Value);

        // "deal X { test Dscr = cfads / debt_service over trailing 12m from 2030-11-30 }": the date starts at column 66.
        Assert.Equal((1, 66, 1, 75), (test.From.Span.Line, test.From.Span.Column, test.From.Span.EndLine, test.From.Span.EndColumn));
        Assert.Equal(75, test.Span.EndColumn); // the test's span runs to the end of the date
    }

    [Fact]
    public void WithoutATrailingWindow()
    {
        TestSyntax test = Test("test Cover = cfads / debt_service from 2027-01-01");

        Assert.Null(test.Trailing);
        Assert.Equal(new Date(2027, 1, 1), test.From!.Value);
    }

    [Fact]
    public void NoFromIsNull() => Assert.Null(Test("test Cover = cfads / debt_service").From);

    [Fact]
    public void FromBeforeTheTrailingWindowIsASyntaxError()
    {
        // The order is fixed, as written in the grammar: the window, then the date.
        (_, var diagnostics) = ParseHelper.Parse("deal X { test T = cfads from 2030-11-30 over trailing 12m }");

        Assert.Equal("DL0101", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void AnImpossibleDateIsReportedAsADate()
    {
        (_, var diagnostics) = ParseHelper.Parse("deal X { test T = cfads from 2030-02-30 }");

        Assert.Equal("DL0103", Assert.Single(diagnostics).Code);
    }
}
