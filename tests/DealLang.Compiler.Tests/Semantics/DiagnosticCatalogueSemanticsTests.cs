using System.Reflection;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>The semantic stage's part of the catalogue: stable, unique codes in DL02xx-DL05xx, one per method.</summary>
public sealed class DiagnosticCatalogueSemanticsTests
{
    private static readonly SourceSpan Span = new("x.deal", 1, 1, 1, 1);

    private static IEnumerable<(MethodInfo Method, Diagnostic Diagnostic)> SemanticDiagnostics()
    {
        foreach (MethodInfo method in typeof(DiagnosticCatalogue).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (method.ReturnType != typeof(Diagnostic))
            {
                continue;
            }

            object?[] arguments = [.. method.GetParameters().Select(p => Sample(p.ParameterType))];
            if (arguments.Contains(Unsupported))
            {
                continue; // another stage's method with argument types this test does not make up
            }

            var diagnostic = (Diagnostic)method.Invoke(null, arguments)!;
            if (diagnostic.Code.CompareTo("DL02") >= 0 && diagnostic.Code.CompareTo("DL06") < 0)
            {
                yield return (method, diagnostic);
            }
        }
    }

    private static readonly object Unsupported = new();

    private static object? Sample(Type type) =>
        type == typeof(SourceSpan) ? Span
        : type == typeof(string) ? "x"
        : type == typeof(int) ? 2
        : type == typeof(double) ? 0.5
        : type == typeof(bool) ? false
        : type == typeof(IEnumerable<string>) || type == typeof(IReadOnlyList<string>) ? new[] { "a", "b", "a" }
        : Unsupported;

    [Fact]
    public void EveryCodeIsUniqueAndInTheSemanticRanges()
    {
        var all = SemanticDiagnostics().ToList();

        Assert.True(all.Count >= 60, $"found only {all.Count} semantic diagnostics");
        Assert.Equal(all.Count, all.Select(d => d.Diagnostic.Code).Distinct().Count());
        Assert.All(all, d => Assert.Matches("^DL0[2-5][0-9]{2}$", d.Diagnostic.Code));
    }

    [Fact]
    public void MessagesArePlainSentencesThatKeepTheSpan()
    {
        Assert.All(SemanticDiagnostics(), d =>
        {
            Assert.Equal(Span, d.Diagnostic.Span);
            Assert.False(string.IsNullOrWhiteSpace(d.Diagnostic.Message), d.Method.Name);
            Assert.Equal(d.Diagnostic.Message.Trim(), d.Diagnostic.Message);
            Assert.False(d.Diagnostic.Message.EndsWith('.'), d.Method.Name); // the format adds no full stop; neither do we
        });
    }

    [Fact]
    public void WarningsAreTheAdvisoryOnes()
    {
        string[] warnings = ["DL0219", "DL0225", "DL0228", "DL0229", "DL0313", "DL0315", "DL0320", "DL0321", "DL0326", "DL0327", "DL0413", "DL0415", "DL0420", "DL0423", "DL0430", "DL0433", "DL0434", "DL0444", "DL0448", "DL0450", "DL0451", "DL0454", "DL0455", "DL0458", "DL0471", "DL0472", "DL0478", "DL0479", "DL0488", "DL0489", "DL0491", "DL0507", "DL0508", "DL0510", "DL0511", "DL0537", "DL0569", "DL0586", "DL0587", "DL0592", "DL0593", "DL0594", "DL0598"];

        Assert.Equal(
            warnings,
            SemanticDiagnostics().Where(d => d.Diagnostic.Severity == Severity.Warning).Select(d => d.Diagnostic.Code).Order(StringComparer.Ordinal));
    }
}
