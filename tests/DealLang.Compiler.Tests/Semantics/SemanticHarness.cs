using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>Parses DealLang text and runs the semantic stage on it, and builds small deals to vary one thing in.</summary>
internal static class SemanticHarness
{
    public const string FilePath = "test.deal";

    public static (DealModel? Model, IReadOnlyList<Diagnostic> Diagnostics) Analyze(string text)
    {
        var bag = new DiagnosticBag();
        var unit = DealParser.Parse(FilePath, text, bag);
        // Inputs here are syntactically valid (a literal's warning, such as DL0134 for a huge one, may stand).
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error && d.Code.StartsWith("DL01", StringComparison.Ordinal));
        DealModel? model = DealCompiler.Analyze(unit, bag);
        return (model, bag.Sorted());
    }

    /// <summary>The model of a deal that must have no errors (warnings allowed).</summary>
    public static DealModel ModelOf(string text)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(text);
        Assert.True(model is not null, "expected no errors, got:\n" + string.Join("\n", diagnostics));
        return model!;
    }

    /// <summary>The diagnostics of a deal that must fail; asserts the model is null.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string text)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(text);
        Assert.Null(model);
        return diagnostics;
    }

    /// <summary>The one diagnostic with <paramref name="code"/>; fails if there are none or several.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got {matching.Count}:\n" + string.Join("\n", diagnostics));
        return matching[0];
    }

    /// <summary>Asserts the diagnostic starts at 1-based <paramref name="line"/>, <paramref name="column"/>.</summary>
    public static void At(Diagnostic diagnostic, int line, int column)
    {
        Assert.Equal(FilePath, diagnostic.Span.Path);
        Assert.Equal((line, column), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    /// <summary>
    /// A small valid deal (2025-01-01 to 2030-01-01, annual, 30/360, one tranche, one equity) with
    /// <paramref name="extra"/> declarations inserted on line 9 onwards and an optional replacement waterfall.
    /// Line numbers: 'deal' is line 1, the tranche line 7, the equity line 8, extra starts on line 9.
    /// </summary>
    public static string Deal(string extra = "", string? waterfall = null, string scenarios = "") =>
        $$"""
        deal D {
          currency USD
          closing 2025-01-01
          maturity 2030-01-01
          pay annual
          daycount 30/360
          tranche Notes { balance 100m coupon 5% }
          equity Eq { contributed 10m }
        {{extra}}
          waterfall {
            {{waterfall ?? "pay Notes.interest\n    pay Notes.principal\n    distribute rest to Eq"}}
          }
        }
        {{scenarios}}
        """;

    /// <summary>The deal with one extra test <c>T = expression</c>; returns its bound expression.</summary>
    public static BoundExpression TestExpression(string expression, string extra = "")
    {
        DealModel model = ModelOf(Deal($"  test T = {expression}\n{extra}"));
        return model.Tests.Single(t => t.Name == "T").Expression;
    }

    /// <summary>The errors of the deal with one extra test <c>T = expression</c>.</summary>
    public static IReadOnlyList<Diagnostic> TestErrors(string expression, string extra = "") =>
        Errors(Deal($"  test T = {expression}\n{extra}"));
}
