using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// DL0594: a lease's <c>guarantor P cap M</c> written on its <c>rvg</c> line straight after the RVG's parts, without
/// <c>with</c>, reads as the lease's rent guarantor though it was most likely meant as the RVG's: a warning at the
/// guarantor clause, the rent-guarantor reading kept. On a line of its own, after another item, or after an rvg that
/// has its own <c>with guarantor</c>, nothing is said.
/// </summary>
public sealed class RvgLineGuarantorTests
{
    private static string Lease(string items) => $$"""
        deal X {
          lease L on F {
            lessee T
        {{items}}
          }
        }
        """;

    [Fact]
    public void AGuarantorOnTheRvgLineWithoutWithIsWarnedOfAndStaysTheRentGuarantor()
    {
        // Line 4: "    rvg guarantees 100m cap 50m until 2036-01-01 guarantor P cap 20m"; 'guarantor' at column 50
        // (4 spaces + "rvg guarantees 100m cap 50m until 2036-01-01 " is 49 characters), the clause to the line's end.
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(Lease("    rvg guarantees 100m cap 50m until 2036-01-01 guarantor P cap 20m"));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0594", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal((4, 50, 4, 68), (d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn));
        Assert.Equal(
            "'guarantor P' follows the rvg of lease 'L' on its line without 'with', so it is the guarantor of the lease's rent, not of its RVG: for a guarantor behind the RVG write 'rvg … with guarantor P …'; for the rent's, put 'guarantor P …' on a line of its own",
            d.Message);

        LeaseSyntax lease = Assert.IsType<LeaseSyntax>(Assert.Single(Assert.Single(unit.Deals).Declarations));
        Assert.Equal("P", lease.Guarantor!.Guarantor!.Text);
    }

    [Fact]
    public void AOneLineLeaseIsWarnedOfToo()
    {
        (_, var diagnostics) = ParseHelper.Parse("deal X {\n  lease L on F { lessee T  rvg cap 50m guarantor P cap 20m }\n}");
        Assert.Equal("DL0594", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("    rvg guarantees 100m cap 50m until 2036-01-01 with guarantor P cap 20m")]             // the RVG's
    [InlineData("    rvg guarantees 100m cap 50m until 2036-01-01\n    guarantor P cap 20m")]              // the rent's, its own line
    [InlineData("    rvg cap 50m\n    term 10y  guarantor P cap 20m")]                                      // after another item
    [InlineData("    rvg cap 50m with guarantor P cap 20m  guarantor Q cap 10m")]                          // both, the RVG's with 'with'
    public void ElsewhereNothingIsSaid(string items)
    {
        (_, var diagnostics) = ParseHelper.Parse(Lease(items));
        Assert.Empty(diagnostics);
    }
}
