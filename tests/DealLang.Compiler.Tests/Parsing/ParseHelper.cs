using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

internal static class ParseHelper
{
    public const string Path = "test.deal";

    public static (CompilationUnitSyntax Unit, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var bag = new DiagnosticBag();
        CompilationUnitSyntax unit = DealParser.Parse(Path, text, bag);
        return (unit, bag.Sorted());
    }

    /// <summary>Parses a text that must have no diagnostics, and returns its only deal.</summary>
    public static DealSyntax ParseDeal(string text)
    {
        (CompilationUnitSyntax unit, IReadOnlyList<Diagnostic> diagnostics) = Parse(text);
        Assert.Empty(diagnostics);
        return Assert.Single(unit.Deals);
    }

    /// <summary>Parses <c>deal X { test T = EXPRESSION }</c>, which must be clean, and returns the expression.</summary>
    public static ExpressionSyntax ParseTestExpression(string expression)
    {
        DealSyntax deal = ParseDeal($"deal X {{ test T = {expression} }}");
        return Assert.IsType<TestSyntax>(Assert.Single(deal.Declarations)).Expression;
    }

    public static string Codes(IEnumerable<Diagnostic> diagnostics) => string.Join(" ", diagnostics.Select(d => d.Code));
}
