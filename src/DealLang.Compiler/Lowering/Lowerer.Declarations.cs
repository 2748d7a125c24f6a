using System.Collections.Immutable;
using DealLang.Compiler.Lowering.Kinds;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

// The deal's declarations as runtime records and model entries: each kind's lowering is in Lowering/Kinds/, found by
// its kind (KindLowerings). The DealModel keeps a field per kind (its shape is the emitter's contract this round), so
// each field is filled here from its kind. Below, what a kind's lowering reads of the deal.
internal sealed partial class Lowerer
{
    private ImmutableArray<PartyInfo> LowerParties() => KindLowerings.LowerAll<PartyInfo>(DeclarationKind.Party, this);

    private ImmutableArray<IndexModel> LowerIndices() => KindLowerings.LowerAll<IndexModel>(DeclarationKind.Index, this);

    private ImmutableArray<FacilityInfo> LowerFacilities() => KindLowerings.LowerAll<FacilityInfo>(DeclarationKind.Facility, this);

    private ImmutableArray<LeaseModel> LowerLeases() => KindLowerings.LowerAll<LeaseModel>(DeclarationKind.Lease, this);

    private ImmutableArray<LoanModel> LowerLoans() => KindLowerings.LowerAll<LoanModel>(DeclarationKind.Loan, this);

    private ImmutableArray<FleetInfo> LowerFleets() => KindLowerings.LowerAll<FleetInfo>(DeclarationKind.Fleet, this);

    private ImmutableArray<HoldingInfo> LowerHoldings() => KindLowerings.LowerAll<HoldingInfo>(DeclarationKind.Holding, this);

    /// <summary>What a holding holds (bound by its rules; the deal is lowered only without errors, so it is there).</summary>
    internal HeldTarget HeldOf(HoldingSyntax holding) => _analysis.Held[holding];

    /// <summary>The names the deal's <c>sell … to cover</c> steps sell (a holding among them has its market's inputs).</summary>
    internal HashSet<string> SoldBySteps => _soldBySteps ??= Semantics.Kinds.HoldingRules.SoldBySteps(_analysis);

    private HashSet<string>? _soldBySteps;

    private ImmutableArray<ContractInfo> LowerContracts() => KindLowerings.LowerAll<ContractInfo>(DeclarationKind.Contract, this);

    private ImmutableArray<CoinsModel> LowerCoins() => KindLowerings.LowerAll<CoinsModel>(DeclarationKind.Coins, this);

    private ImmutableArray<TrancheModel> LowerTranches() => KindLowerings.LowerAll<TrancheModel>(DeclarationKind.Tranche, this);

    private ImmutableArray<EquityInfo> LowerEquities() => KindLowerings.LowerAll<EquityInfo>(DeclarationKind.Equity, this);

    private ImmutableArray<AccountModel> LowerAccounts() => KindLowerings.LowerAll<AccountModel>(DeclarationKind.Account, this);

    private ImmutableArray<FeeModel> LowerFees() => KindLowerings.LowerAll<FeeModel>(DeclarationKind.Fee, this);

    private ImmutableArray<TestModel> LowerTests() => KindLowerings.LowerAll<TestModel>(DeclarationKind.Test, this);

    private ImmutableArray<TriggerModel> LowerTriggers() => KindLowerings.LowerAll<TriggerModel>(DeclarationKind.Trigger, this);

    /// <summary>What the semantic passes learnt (the test order, among others).</summary>
    internal DealAnalysis Analysis => _analysis;

    internal Date Closing => _closing;

    /// <summary>The deal's maturity (a tranche's own defaults to it).</summary>
    internal Date DealMaturity => _maturity;

    /// <summary>The deal's payment frequency (annual when the header gives none, which a checked deal always does).</summary>
    internal Frequency Frequency => _frequency;

    /// <summary>Period boundaries, workout periods included once the enforcement is lowered (not to be changed).</summary>
    internal Date[] Boundaries => _boundaries;

    /// <summary>The dates the periods accrue between, as the deal's year fractions are worked out: the unadjusted
    /// dates when the deal accrues unadjusted and a boundary moved to a business day, else the boundaries.</summary>
    internal Date[] AccrualDates => _analysis.AccruesUnadjusted && !_rolled.SequenceEqual(_boundaries) ? _rolled : _boundaries;

    /// <summary>Periods up to the maturity (the workout periods after it are not counted).</summary>
    internal int ScheduledPeriods => _scheduledPeriods;
    /// <summary>The day a date of a repayment schedule (a loan's instalment, a scheduled amount, a maturity, an
    /// interest-only end) is paid on (<see cref="BusinessDayRules.PaidOn"/>): one of the schedule's dates as rolled with
    /// its boundary as paid, another moved by the business days; the date itself without them.</summary>
    internal Date PaidOn(Date due) => BusinessDayRules.PaidOn(_analysis.BusinessDays, _rolled, _boundaries, due);

    /// <summary>The day a date that names periods by their ends ("from the first period ending on or after DATE": a test's
    /// or a trigger's <c>from</c>, as a scenario's dated levers) is compared with the ends as paid on
    /// (<see cref="Schedule.NamedByDate"/>): one of the schedule's dates as rolled stands for that date as paid, so a
    /// covenant first tested on a quarter end paid on the Friday before it is tested in that quarter; any other date is
    /// itself (no weekend moves it). The date itself without business days.</summary>
    internal Date NamedByDate(Date date) => Schedule.NamedByDate(_rolled, _boundaries, date);

    /// <summary>The period a date of a repayment schedule is paid in: the one its day as paid (<see cref="PaidOn"/>)
    /// falls in, as <see cref="Schedule.PeriodIndexOf(Date[], Date)"/> places it.</summary>
    internal int PaymentPeriodOf(Date due) => Schedule.PeriodIndexOf(_boundaries, PaidOn(due));

    /// <summary>The date a loan's instalment closes its interest piece on: its day as paid when the deal accrues to the
    /// dates paid, its due date when it accrues unadjusted (as <see cref="AccrualDates"/>).</summary>
    internal Date AccruedTo(Date due) => _analysis.AccruesUnadjusted ? due : PaidOn(due);


    internal int MonthsPerPeriod => Frequencies.MonthsPerPeriod(_frequency);

    /// <summary>The declarations of a kind that were declared, in declaration order.</summary>
    internal IReadOnlyList<Symbol> SymbolsOf(DeclarationKind kind) => Symbols.OfKind(kind.ToSymbolKind());

    /// <summary>A bound expression with test reads in evaluation-order numbering; null when absent.</summary>
    internal BoundExpression? BoundOf(ExpressionSyntax? syntax) => Expression(syntax);

    /// <summary>A constant term's folded value, or <paramref name="fallback"/> when the term is absent.</summary>
    internal double ConstantOf(ExpressionSyntax? syntax, double fallback = 0) => Constant(syntax, fallback);

    /// <summary>A drift as the runtime's one number, a deflation a year: <c>deflate R</c> is R, <c>grow R</c> is −R, so
    /// (1 − deflation)^years is (1 + R)^years. 0 − R rather than −R: a growth of 0% is the +0 a deflation of 0% is,
    /// and emits the same C#.</summary>
    internal double DeflationOf(ExpressionSyntax? rate, bool grows) => grows ? 0 - Constant(rate) : Constant(rate);

    /// <summary>The per-kind index of a declared name (a lessee, a facility, a holder).</summary>
    internal int IndexOfName(NameSyntax? name) => IndexOf(name);

    /// <summary>A named test's position in the model's tests (their evaluation order, not their declaration order).</summary>
    internal int TestPositionOfName(NameSyntax? name) =>
        ((QuantityExpression)_tests.Remap(new QuantityExpression(Quantity.TestValue, IndexOf(name), Unit.Ratio, IsFlow: false))!).Index;
}
