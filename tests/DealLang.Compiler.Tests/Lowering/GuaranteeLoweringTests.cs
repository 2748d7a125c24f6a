using DealLang.Compiler.Model;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>Guarantors lowered (issue 11): valid 023's lease and tranche guarantors into the model's
/// <see cref="GuaranteeInfo"/>s, the leases' first, a tranche's coverage defaulting to interest and principal, and
/// its scenarios' levers into <see cref="ScenarioSpec.Guarantors"/>.</summary>
public sealed class GuaranteeLoweringTests
{
    private static DealModel Corpus023()
    {
        string path = Path.Combine(RepoPaths.Tests, "corpus", "valid", "023-guaranteed-lease-and-state-guaranteed-notes.deal");
        var result = DealCompiler.Check(path, File.ReadAllText(path));
        return result.Model ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void EachGuarantorIsAGuaranteeInfoLeasesFirst()
    {
        DealModel model = Corpus023();

        // Parties: TenantA 0, TenantB 1, Parent 2, Agency 3, Sponsor 4. Leases: LeaseA 0. Tranches: Senior 0, Junior 1.
        Assert.Equal(
            [
                new GuaranteeInfo("Parent for LeaseA", 2, GuaranteeTarget.Lease, 0, 30e6, new Date(2029, 1, 1)),
                new GuaranteeInfo("Agency for Senior", 3, GuaranteeTarget.Tranche, 0, 250e6, null, 0.004, CoversInterest: true, CoversPrincipal: false),
                new GuaranteeInfo("Parent for Junior", 2, GuaranteeTarget.Tranche, 1, 20e6, null, 0, CoversInterest: true, CoversPrincipal: true),
            ],
            model.Guarantees.ToArray());
    }

    [Fact]
    public void TheLeversAreTheScenariosOwn()
    {
        var scenarios = Corpus023().Scenarios.ToDictionary(s => s.Name);

        Assert.Empty(scenarios["Base"].Guarantors);
        Assert.Equal(new GuarantorLevers(0.5, false, null), scenarios["ParentPaysHalf"].GuarantorOf(2));
        Assert.Equal(GuarantorLevers.Honoured, scenarios["ParentPaysHalf"].GuarantorOf(3));
        Assert.Equal(new GuarantorLevers(1.0, true, null), scenarios["BothTenantsAgencyWalksAway"].GuarantorOf(2));
        Assert.Equal(new GuarantorLevers(1.0, true, new Date(2028, 7, 1)), scenarios["BothTenantsAgencyWalksAway"].GuarantorOf(3));
    }
}
