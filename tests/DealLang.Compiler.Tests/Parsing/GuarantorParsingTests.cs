using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>A guarantor clause in a lease and a tranche (issue 11), its parts in any order, and the guarantors' levers in
/// a scenario; 'guarantor', 'covers', 'honoured', 'disowned' and 'subrogated' are still names.</summary>
public sealed class GuarantorParsingTests
{
    [Fact]
    public void ALeasesGuarantorIsRead()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal X { lease L on F { lessee T  guarantor Google until 2036-06-30 cap 3.2bn } }");

        GuarantorSyntax g = Assert.IsType<LeaseSyntax>(Assert.Single(deal.Declarations)).Guarantor!;
        Assert.Equal("Google", g.Guarantor!.Text);
        Assert.Equal(3.2e9, Assert.IsType<LiteralSyntax>(g.Cap).Value);
        Assert.Equal("2036-06-30", g.Until!.Value.ToString());
        Assert.Null(g.Fee);
        Assert.Null(g.Covers);
    }

    [Fact]
    public void ATranchesGuarantorTakesAFeeAndWhatItCovers()
    {
        DealSyntax deal = ParseHelper.ParseDeal("""
            deal X {
              tranche Bond { balance 2bn  coupon 4.6%  guarantor State cap 2.3bn fee 50bp covers interest and principal }
              tranche Sub  { balance 1bn  coupon 8%    guarantor State cap 1bn covers principal }
            }
            """);

        GuarantorSyntax bond = Assert.IsType<TrancheSyntax>(deal.Declarations[0]).Guarantor!;
        Assert.Equal(0.005, Assert.IsType<LiteralSyntax>(bond.Fee).Value, 15);
        Assert.Equal((true, true), (bond.Covers!.Interest, bond.Covers.Principal));
        GuarantorSyntax sub = Assert.IsType<TrancheSyntax>(deal.Declarations[1]).Guarantor!;
        Assert.Equal((false, true), (sub.Covers!.Interest, sub.Covers.Principal));
        Assert.Null(bond.Subrogation);
    }

    [Fact]
    public void ATranchesGuarantorMayBeSubrogatedAfterTheHolders()
    {
        DealSyntax deal = ParseHelper.ParseDeal(
            "deal X { tranche Bond { balance 2bn  coupon 4.6%  guarantor State subrogated after holders cap 2.3bn covers principal } }");

        GuarantorSyntax bond = Assert.IsType<TrancheSyntax>(Assert.Single(deal.Declarations)).Guarantor!;
        Assert.NotNull(bond.Subrogation);
        Assert.Equal(2.3e9, Assert.IsType<LiteralSyntax>(bond.Cap).Value);
        Assert.Equal((false, true), (bond.Covers!.Interest, bond.Covers.Principal));
    }

    [Fact]
    public void TheLeversAreRead()
    {
        var (unit, diagnostics) = ParseHelper.Parse("""
            scenario S for X {
              Google guarantees honoured
              State guarantees honoured 50%
              Parent guarantees disowned
              Agency guarantees disowned from 2031-01-01
            }
            """);

        Assert.Empty(diagnostics);
        var levers = Assert.Single(unit.Scenarios).Items.Cast<GuaranteeLeverSyntax>().ToList();
        Assert.Equal(["Google", "State", "Parent", "Agency"], levers.Select(l => l.Party.Text));
        Assert.Null(levers[0].Share);
        Assert.Equal(0.5, levers[1].Share!.Value, 15);
        Assert.Equal((true, null), (levers[2].Disowned, levers[2].From));
        Assert.Equal("2031-01-01", levers[3].From!.Value.ToString());
    }

    [Fact]
    public void TheNewKeywordsMayStillBeNames()
    {
        DealSyntax deal = ParseHelper.ParseDeal("deal X { party guarantor { }  party covers { }  party honoured { }  party disowned { }  party subrogated { } }");

        Assert.Equal(["guarantor", "covers", "honoured", "disowned", "subrogated"], deal.Declarations.Select(d => ((NamedDeclarationSyntax)d).Name.Text));
    }

    [Fact]
    public void AGuarantorGivenTwiceIsReportedAndTheFirstKept()
    {
        var (unit, diagnostics) = ParseHelper.Parse("deal X { lease L on F { guarantor A cap 1m  guarantor B cap 2m } }");

        Assert.Equal("DL0105", Assert.Single(diagnostics).Code);
        Assert.Equal("A", Assert.IsType<LeaseSyntax>(Assert.Single(Assert.Single(unit.Deals).Declarations)).Guarantor!.Guarantor!.Text);
    }
}
