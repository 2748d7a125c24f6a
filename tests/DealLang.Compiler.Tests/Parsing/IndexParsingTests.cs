using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>The index declaration's parsing: every item into <see cref="IndexSyntax"/>, launches given several times,
/// the new keywords still usable as names, an item given twice, a misspelt keyword, and the scenario levers on an index.</summary>
public sealed class IndexParsingTests
{
    [Fact]
    public void EveryItemIsRead()
    {
        DealSyntax deal = ParseHelper.ParseDeal("""
            deal X {
              index H100Rent {
                level   2.35 per gpu_hour
                deflate 15% per year
                points  stepped { 2027-06-30 2.10 per gpu_hour  2028-06-30 1.80 per gpu_hour }
                launch  2027-06-30 down 20%
                launch  2029-01-01 down 10%
              }
            }
            """);

        IndexSyntax index = Assert.IsType<IndexSyntax>(Assert.Single(deal.Declarations));
        Assert.Equal((DeclarationKind.Index, "H100Rent"), (index.Kind, index.Name.Text));
        Assert.IsType<MeasureLiteralSyntax>(index.Level);
        Assert.Equal(0.15, Assert.IsType<LiteralSyntax>(index.Deflate).Value, 15);
        Assert.Equal(PointsKind.Stepped, index.Points!.Kind);
        Assert.Equal(["2027-06-30", "2028-06-30"], index.Points.Points.Select(p => p.Date.Value.ToString()));
        Assert.Equal(["2027-06-30", "2029-01-01"], index.Launches.Select(l => l.Date.Value.ToString()));
        Assert.Equal(0.10, Assert.IsType<LiteralSyntax>(index.Launches[1].Down).Value, 15);
        Assert.Equal((2, 3), (index.Span.Line, index.Span.Column));
    }

    [Fact]
    public void InterpolatedPointsAreRead()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal X { index S { level 4% points interpolated { 2027-01-01 5%, 2028-01-01 6% } } }");

        IndexPointsSyntax points = Assert.IsType<IndexSyntax>(Assert.Single(deal.Declarations)).Points!;
        Assert.Equal((PointsKind.Interpolated, 2), (points.Kind, points.Points.Length));
    }

    [Fact]
    public void TheNewKeywordsMayStillBeNames()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal index { index points { level 1x }  test launch = points  test down = launch  test shift = down }");

        Assert.Equal("index", deal.Name.Text);
        Assert.Equal("points", Assert.IsType<IndexSyntax>(deal.Declarations[0]).Name.Text);
        Assert.Equal(4, deal.Declarations.Length);
    }

    [Fact]
    public void AnItemGivenTwiceIsReportedAndTheFirstKept()
    {
        (CompilationUnitSyntax unit, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse(
            "deal X {\n  index S {\n    level 4%\n    level 5%\n  }\n}");

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0105", 4), (d.Code, d.Span.Line));
        Assert.Equal(0.04, Assert.IsType<LiteralSyntax>(Assert.IsType<IndexSyntax>(Assert.Single(unit.Deals).Declarations[0]).Level).Value, 15);
    }

    [Fact]
    public void PointsWithoutTheirKindAreASyntaxError()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse("deal X {\n  index S { level 4% points { 2027-01-01 5% } }\n}");

        Assert.Contains(diagnostics, d => d.Code == "DL0101" && d.Span.Line == 2);
    }

    [Fact]
    public void AMisspeltIndexKeywordSuggestsIndex()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse("deal X {\n  idnex S { level 4% }\n}");

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0109", d.Code);
        Assert.Contains("'index'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryScenarioLeverOnAnIndexIsRead()
    {
        (CompilationUnitSyntax unit, IReadOnlyList<Diagnostic> diagnostics) = ParseHelper.Parse("""
            scenario S for X {
              SOFR level 5%
              SOFR deflate 0% per year
              SOFR points interpolated { 2027-01-01 5% 2028-01-01 6% }
              SOFR launch 2027-06-30 down 10%
              SOFR shift +100bp
              Rent shift -0.10 per gpu_hour
            }
            """);

        Assert.Empty(diagnostics);
        var items = Assert.Single(unit.Scenarios).Items;
        Assert.Equal(0.05, Assert.IsType<LiteralSyntax>(Assert.IsType<IndexLevelOverrideSyntax>(items[0]).Level).Value, 15);
        Assert.Equal("SOFR", Assert.IsType<DeflateSyntax>(items[1]).Path.Name!.Text);
        Assert.Equal(PointsKind.Interpolated, Assert.IsType<IndexPointsOverrideSyntax>(items[2]).Points.Kind);
        Assert.Equal("2027-06-30", Assert.IsType<IndexLaunchOverrideSyntax>(items[3]).Launch.Date.Value.ToString());
        Assert.Equal(0.01, Assert.IsType<LiteralSyntax>(Assert.IsType<IndexShiftSyntax>(items[4]).Shift).Value, 15);
        Assert.IsType<UnaryExpressionSyntax>(Assert.IsType<IndexShiftSyntax>(items[5]).Shift);
    }
}
