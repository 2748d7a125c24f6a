using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary><c>import "path"</c> at the top of a file: read into <c>CompilationUnitSyntax.Imports</c>; misplaced
/// after a declaration, reported (DL0605) and marked; <c>import</c> stays usable as a name.</summary>
public class ImportParsingTests
{
    private static (Syntax.CompilationUnitSyntax Unit, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var bag = new DiagnosticBag();
        return (DealParser.Parse("f.deal", text, bag), bag.Sorted());
    }

    [Fact]
    public void Imports_are_read_in_file_order_with_their_spans()
    {
        var (unit, diagnostics) = Parse("import \"a.deal\"\nimport \"sub/b.scenarios\"\nscenario S for D { }\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["a.deal", "sub/b.scenarios"], unit.Imports.Select(i => i.Path!.Value));
        // 'import "sub/b.scenarios"' is 24 characters on line 2.
        Assert.Equal((2, 1, 2, 24), (unit.Imports[1].Span.Line, unit.Imports[1].Span.Column, unit.Imports[1].Span.EndLine, unit.Imports[1].Span.EndColumn));
        Assert.All(unit.Imports, i => Assert.False(i.Misplaced));
    }

    [Fact]
    public void An_import_after_a_declaration_is_reported_and_marked()
    {
        var (unit, diagnostics) = Parse("scenario S for D { }\nimport \"a.deal\"\n");

        var misplaced = Assert.Single(diagnostics);
        Assert.Equal(("DL0605", 2, 1), (misplaced.Code, misplaced.Span.Line, misplaced.Span.Column));
        Assert.True(Assert.Single(unit.Imports).Misplaced);
    }

    [Fact]
    public void An_import_without_a_path_is_a_syntax_error_and_kept_without_one()
    {
        var (unit, diagnostics) = Parse("import\nscenario S for D { }\n");

        Assert.Contains(diagnostics, d => d.Code == "DL0101");
        Assert.Single(unit.Scenarios);
    }

    [Fact]
    public void Import_is_still_a_name()
    {
        var (unit, diagnostics) = Parse("scenario import for D { import renewals taken 1 }\n");

        Assert.Empty(diagnostics);
        Assert.Equal("import", Assert.Single(unit.Scenarios).Name.Text);
    }
}
