using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A lease's <c>rent … indexed CPI</c> (docs/language.md §5 "lease", "Indexed rent"): the name must be an index
/// (DL0202 unknown, DL0205 another kind) whose level on the lease's start, under the deal's terms, is above zero
/// (DL0492), on a lease that does not renew at market (DL0493). The harness's deal closes on 2025-01-01.</summary>
public sealed class IndexedRentRulesTests
{
    private const string Site = "  party Tenant { }\n  facility Site { cost 100m  value straight_line 20y }";

    private static string Lease(string rent, string more = "") =>
        Site + "\n  lease L on Site { lessee Tenant  rent 12m per year " + rent + "  starts 2026-01-01  term 3y" + more + " }";

    [Fact]
    public void AnIndexedLeaseKeepsItsIndex()
    {
        DealModel model = ModelOf(Deal("  index Sofr { level 4% }\n  index CPI { level 100x  grow 3% per year }\n" + Lease("escalating 1% per year indexed CPI")));

        Assert.Equal(1, model.Leases[0].IndexedBy);
        Assert.Equal(0.01, model.Leases[0].Info.Escalator);
        Assert.Null(ModelOf(Deal(Lease(""))).Leases[0].IndexedBy);
    }

    [Fact]
    public void ABaseLevelNotAboveZeroIsAnError()
    {
        // The level on the lease's start (2026-01-01) is the point of 2025-07-01, 0: the ratio would divide by zero.
        Diagnostic d = Single(Errors(Deal("  index Spread { level 1%  points stepped { 2025-07-01 0% } }\n" + Lease("indexed Spread"))), "DL0492");
        Assert.Contains("the rent of lease 'L' is indexed to 'Spread', whose level on the lease's start (2026-01-01) is 0", d.Message, StringComparison.Ordinal);

        // Negative too; a point after the start is not read (the level on the start is 1%), nor a zero the
        // interpolation has left by then (half way from 0% on 2025-01-01 to 2% on 2027-01-01: 0.99726%).
        Single(Errors(Deal("  index Spread { level -1% }\n" + Lease("indexed Spread"))), "DL0492");
        ModelOf(Deal("  index Spread { level 1%  points stepped { 2027-01-01 0% } }\n" + Lease("indexed Spread")));
        ModelOf(Deal("  index Spread { level 0%  points interpolated { 2027-01-01 2% } }\n" + Lease("indexed Spread")));
    }

    [Fact]
    public void RenewalsAtMarketAreAnError()
    {
        const string cpi = "  index CPI { level 100x }\n";
        Diagnostic d = Single(Errors(Deal(cpi + Lease("indexed CPI", "  renewals 1 x 2y at lessee option rent at market"))), "DL0493");
        Assert.Contains("is indexed to 'CPI' and renews at market", d.Message, StringComparison.Ordinal);
        ModelOf(Deal(cpi + Lease("indexed CPI", "  renewals 1 x 2y at lessee option")));
    }

    [Fact]
    public void ANameThatIsNotAnIndexIsAnError()
    {
        Diagnostic unknown = Single(Errors(Deal(Lease("indexed CIP"))), "DL0202");
        Assert.Contains("CIP", unknown.Message, StringComparison.Ordinal);

        Diagnostic wrong = Single(Errors(Deal(Lease("indexed Tenant"))), "DL0205");
        Assert.Contains("is indexed to an index", wrong.Message, StringComparison.Ordinal);
    }
}
