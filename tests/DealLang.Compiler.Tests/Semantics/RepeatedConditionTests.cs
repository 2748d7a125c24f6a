using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// DL0321: a condition written twice in one chain of <c>or</c> (or <c>and</c>) is a warning at the copy, once, however the
/// chain is parenthesised; the same condition in two chains, or under another operator, is not.
/// </summary>
public sealed class RepeatedConditionTests
{
    private const string A = "Notes.interest_shortfall > 0";
    private const string B = "Notes.balance > 50m";

    private static IReadOnlyList<Diagnostic> Trigger(string condition) =>
        Analyze(Deal($"  trigger X when {condition} => trap")).Diagnostics;

    [Theory]
    // "  trigger X when " is 17 characters on line 9: the condition starts at column 18.
    [InlineData($"{A} or {B} or {A}", 18 + 28 + 4 + 19 + 4, "or")]          // A is 28 characters, B 19
    [InlineData($"{A} or ({B} or {A})", 18 + 28 + 4 + 1 + 19 + 4, "or")]    // flattened through the parentheses
    [InlineData($"({A}) or {B} or ({A})", 18 + 30 + 4 + 19 + 4 + 1, "or")]  // parentheses are not compared; the copy is where A starts
    [InlineData($"{A} and {B} and {A}", 18 + 28 + 5 + 19 + 5, "and")]
    [InlineData($"({A} or {B}) and ({A} or {B})", 18 + 1 + 28 + 4 + 19 + 1 + 5 + 1, "and")]
    public void ACopyInOneChainIsAWarningAtTheCopy(string condition, int column, string op)
    {
        Diagnostic d = Single(Trigger(condition), "DL0321");

        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal((9, column), (d.Span.Line, d.Span.Column));
        Assert.Contains($"already in this '{op}'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"{A} or {B}")]
    [InlineData($"({A} and {B}) or {A}")]   // an 'or' of (A and B) and A: two different operands
    [InlineData($"{A} and ({B} or {A})")]   // A in two chains, one in each
    [InlineData($"not {A} or {A}")]         // 'not A' is not A
    [InlineData("Notes.balance > 50m or Notes.balance > 50.0m")] // compared as written: 50m and 50.0m are two texts
    public void NoCopyNoWarning(string condition)
    {
        Assert.DoesNotContain(Trigger(condition), d => d.Code == "DL0321");
    }

    [Fact]
    public void OneCopyIsOneWarningHoweverOftenItsTestIsRead()
    {
        // The test T is bound where it is declared and again where each trigger reads it.
        var diagnostics = Analyze(Deal(
            $"  test T = if {A} or {A} then 1x else 2x\n  trigger X when T > 1.5x => trap\n  trigger Y when T < 1.5x => trap")).Diagnostics;

        Single(diagnostics, "DL0321");
    }

    [Fact]
    public void ThreeCopiesAreTwoWarningsEachNamingTheFirst()
    {
        var warnings = Trigger($"{A} or {A} or {A}").Where(d => d.Code == "DL0321").ToList();

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("(column 18)", w.Message, StringComparison.Ordinal));
    }
}
