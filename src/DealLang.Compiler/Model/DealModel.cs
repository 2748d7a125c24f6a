using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// The bound, validated deal: the compiler's intermediate representation between the checker and the emitter.
/// References are resolved to indexes into the arrays below; every expression is typed; every term is a
/// folded constant. Only <see cref="Lowering.Lowerer"/> creates one, and only for a deal with no errors.
/// </summary>
public sealed record DealModel(
    string Name,
    string Title,
    string Currency,
    Date Closing,
    Date Maturity,
    Frequency Frequency,
    DayCount DayCount,
    ImmutableArray<Date> Boundaries,
    ImmutableArray<PartyInfo> Parties,
    ImmutableArray<FacilityInfo> Facilities,
    ImmutableArray<LeaseModel> Leases,
    ImmutableArray<TrancheModel> Tranches,
    ImmutableArray<EquityInfo> Equities,
    ImmutableArray<AccountModel> Accounts,
    ImmutableArray<FeeModel> Fees,
    ImmutableArray<TestModel> Tests,
    ImmutableArray<TriggerModel> Triggers,
    BoundExpression? DefaultRule,
    ImmutableArray<StepModel> Waterfall,
    EnforcementModel? Enforcement,
    ImmutableArray<ScenarioSpec> Scenarios,
    string SourcePath)
{
    public int Periods => Boundaries.Length - 1;
}
