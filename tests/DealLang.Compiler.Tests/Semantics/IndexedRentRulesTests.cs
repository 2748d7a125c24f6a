using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A lease's <c>rent … indexed CPI</c> (docs/language.md §5 "lease", "Indexed rent"): the name must be an index
/// (DL0202 unknown, DL0205 another kind) whose level on the lease's start, under the deal's terms, is above zero
/// (DL0492), on a lease that does not renew at market (DL0493); the terms <c>yearly floor R cap R lag D</c>: a floor at
/// or below the cap (DL0494), a floor above −100% and a cap at or above 0% (DL0495), a lag in whole months, at most 24
/// and a whole number of the deal's periods (DL0496), a collar only with <c>yearly</c> (DL0497), each part once (DL0105).
/// The harness's deal closes on 2025-01-01 and pays annually; the index is on line 9 and the lease on line 12.</summary>
public sealed class IndexedRentRulesTests
{
    private const string Site = "  party Tenant { }\n  facility Site { cost 100m  value straight_line 20y }";

    private const string LeaseStart = "  lease L on Site { lessee Tenant  rent 12m per year ";

    private const string Cpi = "  index CPI { level 100x  grow 3% per year }\n";

    private static string Lease(string rent, string more = "") =>
        Site + "\n" + LeaseStart + rent + "  starts 2026-01-01  term 3y" + more + " }";

    // The 1-based column of <paramref name="fragment"/> in the lease's line (line 12) for the rent clause <paramref name="rent"/>.
    private static int Column(string rent, string fragment) => (LeaseStart + rent).IndexOf(fragment, StringComparison.Ordinal) + 1;

    private static Diagnostic Indexation(string terms, string code)
    {
        string rent = "indexed CPI " + terms;
        return Single(Errors(Deal(Cpi + Lease(rent))), code);
    }

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

    [Fact]
    public void TheTermsAreLoweredInAnyOrder()
    {
        // 'lag 12m' on the harness's annual periods is one period.
        RentIndexation terms = ModelOf(Deal(Cpi + Lease("indexed CPI lag 12m cap 4% yearly floor 1%"))).Leases[0].Indexation;
        Assert.Equal(new RentIndexation(Yearly: true, Floor: 0.01, Cap: 0.04, LagMonths: 12, LagPeriods: 1), terms);

        Assert.Equal(RentIndexation.EveryPeriod, ModelOf(Deal(Cpi + Lease("indexed CPI"))).Leases[0].Indexation);
        Assert.Equal(new RentIndexation(true, null, 0.03, 0, 0), ModelOf(Deal(Cpi + Lease("indexed CPI yearly cap 3%"))).Leases[0].Indexation);
    }

    [Fact]
    public void AFloorAboveTheCapIsAnError()
    {
        string terms = "yearly floor 5% cap 4%";
        Diagnostic d = Indexation(terms, "DL0494");
        At(d, 12, Column("indexed CPI " + terms, "5%"));
        Assert.Contains("has a floor of 5% above its cap of 4%", d.Message, StringComparison.Ordinal);

        // Equal bounds fix the change: allowed.
        ModelOf(Deal(Cpi + Lease("indexed CPI yearly floor 3% cap 3%")));
    }

    [Fact]
    public void ANegativeCapOrAFloorOfMinusAHundredPercentIsAnError()
    {
        Diagnostic cap = Indexation("yearly cap -1%", "DL0495");
        At(cap, 12, Column("indexed CPI yearly cap -1%", "-1%"));
        Assert.Contains("the cap of the indexation of lease 'L' is -1%; it must be 0% or more", cap.Message, StringComparison.Ordinal);

        Diagnostic floor = Indexation("yearly floor -100%", "DL0495");
        Assert.Contains("the floor of the indexation of lease 'L' is -100%; it must be above -100%", floor.Message, StringComparison.Ordinal);

        // A cap of 0% (the rent never rises) and a floor below zero (it may fall, by at most 2% a year) are allowed.
        ModelOf(Deal(Cpi + Lease("indexed CPI yearly floor -2% cap 0%")));
    }

    [Fact]
    public void ALagMustBeWholeMonthsAtMostTwoYearsAndWholePeriods()
    {
        Diagnostic periods = Indexation("lag 3m", "DL0496");
        At(periods, 12, Column("indexed CPI lag 3m", "3m"));
        Assert.Contains("is not a whole number of the deal's 12-month periods", periods.Message, StringComparison.Ordinal);

        Assert.Contains("is over 24 months", Indexation("lag 36m", "DL0496").Message, StringComparison.Ordinal);
        Assert.Contains("is not a whole number of months", Indexation("lag 45d", "DL0496").Message, StringComparison.Ordinal);

        ModelOf(Deal(Cpi + Lease("indexed CPI lag 24m")));
        ModelOf(Deal(Cpi + Lease("indexed CPI lag 1y")));
    }

    [Fact]
    public void ACollarWithoutYearlyIsAnError()
    {
        Diagnostic floor = Indexation("floor 1% cap 4%", "DL0497");
        At(floor, 12, Column("indexed CPI floor 1% cap 4%", "1%"));
        Assert.Contains("has a floor or cap but is not 'yearly'", floor.Message, StringComparison.Ordinal);

        Diagnostic cap = Indexation("cap 4% lag 12m", "DL0497");
        At(cap, 12, Column("indexed CPI cap 4% lag 12m", "4%"));
    }

    [Fact]
    public void EachPartIsGivenOnce()
    {
        // A duplicate is reported when the tree is built (DL0105), as a lease's own items are.
        foreach ((string terms, string part) in new[] { ("yearly yearly", "'yearly'"), ("yearly cap 4% cap 5%", "'cap'"), ("lag 12m lag 24m", "'lag'") })
        {
            var bag = new DiagnosticBag();
            DealParser.Parse(FilePath, Deal(Cpi + Lease("indexed CPI " + terms)), bag);
            Diagnostic d = Single(bag.Sorted(), "DL0105");
            Assert.Contains(part + " is given twice in the indexation of lease 'L'", d.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithALagTheBaseIsReadTheLagBeforeTheStart()
    {
        // 0% until 2025-06-01, 1% from then: on the lease's start (2026-01-01) the level is 1%, but 'lag 12m' reads the
        // base on 2025-01-01, where it is 0.
        const string spread = "  index Spread { level 0%  points stepped { 2025-06-01 1% } }\n";
        ModelOf(Deal(spread + Lease("indexed Spread")));
        Diagnostic d = Single(Errors(Deal(spread + Lease("indexed Spread lag 12m"))), "DL0492");
        Assert.Contains("whose level on 2025-01-01 (12 months before the lease's start, the lag) is 0", d.Message, StringComparison.Ordinal);
    }
}
