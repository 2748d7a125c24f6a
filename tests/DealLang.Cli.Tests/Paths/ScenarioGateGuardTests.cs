using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Paths;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Paths;

/// <summary>
/// A compiled deal reads some scenario inputs only when some scenario of the deal it was compiled with asks for them
/// (CacheKeys.ScenarioGates): a contract's or a sale's re-let on a ramp, a curve or at a price of its own, a loan's partial
/// payments, a loan's own drawn workout lag. Its description says which (<see cref="ContractInfo.ReletShaped"/>,
/// <see cref="DealDescription.ShapesSaleRelets"/>, <see cref="LoanInfo.PaysInPart"/>,
/// <see cref="LoanInfo.DrawsOwnWorkout"/>), and a scenario built in code that asks a program for one it lacks is
/// refused, not run as if the lever were not there (before, the ramp ran flat, the loan paid in full and its own lag
/// gave way to its obligor's, with nothing said).
/// </summary>
public sealed class ScenarioGateGuardTests
{
    private static DealDescription Description(string path)
    {
        var result = DealCompiler.Compile(path, File.ReadAllText(path));
        Assert.NotNull(result.Compiled);
        using DealHost host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        return host.Program.Description;
    }

    [Fact]
    public void A_ramped_relet_of_a_contract_the_program_does_not_shape_is_refused()
    {
        // CoreWeave's scenarios re-let its contracts flat: its program reads no ramp (nor fills one).
        DealDescription deal = Description(Path.Combine(RepoPaths.Examples, "coreweave-ddtl2.deal"));
        Assert.All(deal.Contracts, c => Assert.False(c.ReletShaped));
        var scenario = new ScenarioSpec("Ramp", [], [.. deal.Facilities.Select(_ => ValueStress.None)], 0, new Date?[deal.Parties.Length], null, null)
        {
            Contracts = [new ContractLevers(null, true, 0, 0.1) { ReletTo = 0.95, ReletRampMonths = 24 }, null, null, null],
        };

        Assert.Contains("re-lets contract 'Msft1' on a ramp, a curve or at a price of its own, which this compiled deal does not read",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, scenario)).Message, StringComparison.Ordinal);
        // A curve likewise (docs/language.md §5, "contract-relet-curve").
        var curve = scenario with { Contracts = [new ContractLevers(null, true, 0, 0.1) { ReletCurve = new ReletCurve([0, 6], [0.1, 0.6]) }, null, null, null] };
        Assert.Contains("re-lets contract 'Msft1' on a ramp, a curve or at a price of its own, which this compiled deal does not read",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, curve)).Message, StringComparison.Ordinal);
        // Flat, as its own scenarios re-let, it fits.
        Shapes.Require(deal, scenario with { Contracts = [new ContractLevers(null, true, 0, 0.1), null, null, null] });
    }

    [Fact]
    public void Partial_payments_of_a_loan_the_program_does_not_read_them_for_are_refused()
    {
        // Valid 004's scenarios never have an obligor pay in part; valid 093's do, for its one loan.
        DealDescription warehouse = Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "004-loan-warehouse-two-obligors.deal"));
        Assert.All(warehouse.Loans, l => Assert.False(l.PaysInPart));
        var scenario = new ScenarioSpec("Partial", [], [.. warehouse.Facilities.Select(_ => ValueStress.None)], 0, new Date?[warehouse.Parties.Length], null, null)
        {
            LoanPayments = [[new PartialPayment(0.4, new Date(2026, 6, 30), new Date(2026, 12, 31))], null],
        };

        Assert.Contains("its obligor of loan 'MinerLoan' pays in part, which this compiled deal does not read",
            Assert.Throws<ArgumentException>(() => Shapes.Require(warehouse, scenario)).Message, StringComparison.Ordinal);

        DealDescription stepped = Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "093-a-miners-loan-paid-in-part-in-windows-that-step.deal"));
        Assert.Contains(stepped.Loans, l => l.PaysInPart);
    }

    [Fact]
    public void A_ramped_relet_of_idle_units_sold_by_a_program_that_re_lets_them_flat_is_refused()
    {
        // Valid 060's sale re-lets idle units flat at 60% and its scenarios flat at 40%: its program reads no ramp.
        DealDescription deal = Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "060-neocloud-lender-relets-idle-gpus.deal"));
        Assert.False(deal.ShapesSaleRelets);
        var scenario = new ScenarioSpec("Ramp", [], [.. deal.Facilities.Select(_ => ValueStress.None)], 0, new Date?[deal.Parties.Length], null, null)
        {
            EnforcementReletUtilisation = 0.3, EnforcementReletTo = 0.8, EnforcementReletRampMonths = 12,
        };

        Assert.Contains("re-lets the idle units sold on a ramp, a curve or at a price of their own, which this compiled deal does not read",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, scenario)).Message, StringComparison.Ordinal);
        // A curve likewise (docs/language.md §9, "relet-curve").
        var curve = scenario with { EnforcementReletTo = 0.3, EnforcementReletRampMonths = 0, EnforcementReletCurve = new ReletCurve([0, 6], [0.3, 0.8]) };
        Assert.Contains("re-lets the idle units sold on a ramp, a curve or at a price of their own, which this compiled deal does not read",
            Assert.Throws<ArgumentException>(() => Shapes.Require(deal, curve)).Message, StringComparison.Ordinal);
        Assert.True(Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "079-neocloud-ddtl-in-default-relets-h100s-on-a-ramp-at-a-discount.deal")).ShapesSaleRelets);
        Assert.True(Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "085-neocloud-ddtl-relets-h100s-along-a-market-utilisation-curve.deal")).ShapesSaleRelets);
    }

    [Fact]
    public void A_loans_own_workout_lag_given_to_a_program_that_reads_only_its_obligors_is_refused()
    {
        // Valid 032's scenarios never draw a loan's own lag; valid 066's draw MinerLoan's.
        DealDescription lagged = Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "032-loan-recoveries-after-a-workout-lag.deal"));
        Assert.All(lagged.Loans, l => Assert.False(l.DrawsOwnWorkout));
        var scenario = new ScenarioSpec("OwnLag", [], [.. lagged.Facilities.Select(_ => ValueStress.None)], 0, new Date?[lagged.Parties.Length], null, null)
        {
            LoanWorkoutMonths = [36, null, null],
        };

        Assert.Contains("it draws or gives loan 'MinerLoan' a workout lag of its own, which this compiled deal does not read",
            Assert.Throws<ArgumentException>(() => Shapes.Require(lagged, scenario)).Message, StringComparison.Ordinal);

        DealDescription drawn = Description(Path.Combine(RepoPaths.Tests, "corpus", "valid", "066-private-credit-a-loans-own-workout-drawn.deal"));
        Assert.True(drawn.Loans.Single(l => l.Name == "MinerLoan").DrawsOwnWorkout);
        Assert.False(drawn.Loans.Single(l => l.Name == "CloudLoan").DrawsOwnWorkout);
    }
}
