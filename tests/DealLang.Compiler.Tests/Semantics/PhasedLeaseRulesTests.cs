using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>A lease's <c>phased Built</c> (docs/language.md §5 "lease", "Phased commencement"): the name must be an
/// index (DL0202 unknown, DL0205 another kind) whose level is a share (DL0765), given once (DL0105). Line numbers: the
/// harness's deal puts the first extra line on line 9.</summary>
public sealed class PhasedLeaseRulesTests
{
    private const string Site = "  party Tenant { }\n  facility Site { cost 100m  value straight_line 20y }";

    private static string Lease(string phased) =>
        Site + "\n  lease L on Site { lessee Tenant  rent 12m per year  starts 2025-01-01  term 5y  " + phased + " }";

    [Fact]
    public void APhasedLeaseKeepsItsCompletionIndex()
    {
        DealModel model = ModelOf(Deal("  index Sofr { level 4% }\n  index Built { level 0%  points stepped { 2026-01-01 50% } }\n" + Lease("phased Built")));

        Assert.Equal(1, model.Leases[0].PhasedBy);
        Assert.Null(ModelOf(Deal(Lease(""))).Leases[0].PhasedBy);
    }

    [Fact]
    public void AnIndexWhoseLevelIsNotAShareIsAnError()
    {
        // Built is in money: 'level 0' of money is not a share of the buildings.
        Diagnostic d = Single(Errors(Deal("  index Built { level 5m }\n" + Lease("phased Built"))), "DL0765");

        At(d, 12, 90);
        Assert.Contains("lease 'L' is phased by index 'Built', whose level is money", d.Message, StringComparison.Ordinal);
        Single(Errors(Deal("  index Built { level 1.00x }\n" + Lease("phased Built"))), "DL0765");
    }

    [Fact]
    public void ANameThatIsNotAnIndexIsAnError()
    {
        Diagnostic unknown = Single(Errors(Deal(Lease("phased Biult"))), "DL0202");
        Assert.Contains("Biult", unknown.Message, StringComparison.Ordinal);

        Diagnostic wrong = Single(Errors(Deal(Lease("phased Tenant"))), "DL0205");
        Assert.Contains("phased by an index", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PhasedTwiceIsAnError()
    {
        // Given twice is a syntax error of the item (the parser's DL0105), reported at the second.
        IReadOnlyList<Diagnostic> diagnostics = DealCompiler.Compile("test.deal", Deal("  index Built { level 0% }\n" + Lease("phased Built  phased Built"))).Diagnostics;
        Diagnostic d = Single(diagnostics, "DL0105");
        Assert.Contains("'phased' is given twice in lease 'L'", d.Message, StringComparison.Ordinal);
    }
}
