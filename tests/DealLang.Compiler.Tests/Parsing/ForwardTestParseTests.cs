using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary><c>test T = debt_service over next 12m</c>: a forward window, kept apart from a trailing one.</summary>
public sealed class ForwardTestParseTests
{
    private static TestSyntax Test(string text) => Assert.Single(ParseHelper.ParseDeal($"deal X {{ {text} }}").OfKind<TestSyntax>());

    [Fact]
    public void NextIsTheForwardWindowAndNotATrailingOne()
    {
        TestSyntax test = Test("test NextDs = debt_service over next 18m from 2030-11-30");

        Assert.Null(test.Trailing);
        Assert.Equal((18d, TimeUnit.Months), (test.Next!.Amount, test.Next.Unit));
        Assert.Equal(new Date(2030, 11, 30), test.From!.Value);
    }

    [Fact]
    public void TrailingLeavesNoForwardWindow()
    {
        TestSyntax test = Test("test Dscr = cfads / debt_service over trailing 1y");

        Assert.Null(test.Next);
        Assert.Equal((1d, TimeUnit.Years), (test.Trailing!.Amount, test.Trailing.Unit));
    }

    [Fact]
    public void NextMayStillBeAName() =>
        Assert.Equal("next", Test("test next = debt_service over next 6m").Name.Text);
}
