using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

/// <summary>
/// Builds the immutable <see cref="DealModel"/> from a deal that passed every check: period boundaries,
/// the runtime records (parties, facilities, leases, equities, sales, scenarios), tranches with their
/// maturity period and scheduled principal, tests in evaluation order, and the waterfall steps with their
/// ledger labels. Defaults the language promises are applied here (see each Lower… method).
/// Every index in the model is a position in the model's own arrays, in declaration order (tests: evaluation order).
/// </summary>
internal sealed partial class Lowerer
{
    private readonly DealAnalysis _analysis;
    private readonly Date _closing;
    private readonly Date _maturity;
    private readonly Frequency _frequency;
    private readonly int _scheduledPeriods;
    private Date[] _boundaries;
    private Date[] _rolled;
    private readonly TestIndexRemapper _tests;

    private Lowerer(DealAnalysis analysis)
    {
        _analysis = analysis;
        DealSyntax deal = analysis.Deal;
        _closing = deal.Closing?.Value ?? default;
        _maturity = deal.Maturity?.Value ?? default;
        _frequency = analysis.Frequency ?? Frequency.Annual;

        // The checks guarantee closing < maturity and a first payment in (closing, maturity]; the guard keeps
        // the lowerer total for callers that skip them.
        Date? first = deal.FirstPayment?.Value is { } fp && fp > _closing && fp <= _maturity ? fp : null;
        _rolled = _closing < _maturity ? Schedule.Boundaries(_closing, _maturity, _frequency, first) : [_closing, _maturity];
        _boundaries = PaymentDates(_rolled);
        _scheduledPeriods = _boundaries.Length - 1;

        var positions = new Dictionary<int, int>();
        for (int position = 0; position < analysis.TestOrder.Length; position++)
        {
            positions[analysis.TestOrder[position]] = position;
        }

        _tests = new TestIndexRemapper(positions);
    }

    private SymbolTable Symbols => _analysis.Symbols;

    public static DealModel Lower(DealAnalysis analysis) => new Lowerer(analysis).Build();

    private DealModel Build()
    {
        DealSyntax deal = _analysis.Deal;
        EnforcementModel? enforcement = LowerEnforcement();
        _rolled = Schedule.Extend(_rolled, _frequency, WorkoutPeriods(enforcement));
        _boundaries = PaymentDates(_rolled);
        var triggers = LowerTriggers();
        return new DealModel
        {
            Name = _analysis.DealName,
            Title = deal.Title?.Value ?? _analysis.DealName,
            Currency = deal.Currency?.Text ?? "",
            SourcePath = _analysis.Unit.Span.Path ?? deal.Span.Path ?? "",

            Closing = _closing,
            Maturity = _maturity,
            Frequency = _frequency,
            DayCount = _analysis.DayCount ?? DayCount.Thirty360,
            Boundaries = [.. _boundaries],
            AccrualBoundaries = _analysis.AccruesUnadjusted && !_rolled.SequenceEqual(_boundaries) ? [.. _rolled] : [],
            RolledBoundaries = _rolled.SequenceEqual(_boundaries) ? [] : [.. _rolled],
            ScheduledPeriods = _scheduledPeriods,

            Parties = LowerParties(),
            Indices = LowerIndices(),
            Facilities = LowerFacilities(),
            Leases = LowerLeases(),
            Loans = LowerLoans(),
            Fleets = LowerFleets(),
            Contracts = LowerContracts(),
            Holdings = LowerHoldings(),
            Coins = LowerCoins(),
            Tranches = LowerTranches(),
            Guarantees = LowerGuarantees(),
            Equities = LowerEquities(),
            Accounts = LowerAccounts(),
            Fees = LowerFees(),

            Tests = LowerTests(),
            Triggers = triggers,
            CfadsIncludesRvg = _analysis.CfadsIncludes("rvg"),
            DefaultRule = Expression(_analysis.DefaultRule?.Condition),
            DefaultGrace = LowerGrace(),
            Waterfall = WithTriggerSweeps(LowerSteps(_analysis.Waterfall?.Steps ?? []), triggers),
            Enforcement = enforcement,
            Scenarios = LowerScenarios(),
        };
    }

    /// <summary>The rolled dates as paid (<see cref="BusinessDayRules.PaymentDates"/>).</summary>
    private Date[] PaymentDates(Date[] rolled) => BusinessDayRules.PaymentDates(_analysis.BusinessDays, rolled);

    /// <summary>
    /// Periods after the maturity in which an enforcement sale can still fall (the workout): enough for the
    /// longest lag any scenario may set (DurationRules.MaxWorkoutMonths, the bound DL0431 puts on every lag)
    /// after a default (the default rule's or a trigger's) in the last scheduled period, as long again for a sale into
    /// the repo market (and again for a re-let window before it), and for contracts kept running to end before their units are sold, so that any scenario, kept with the deal or in a file of
    /// its own, fits the compiled deal without recompiling it. None without a default rule or a sale. A run
    /// without a pending sale never reaches these periods (it ends at the maturity or with the last sale), so
    /// their number changes no ledger.
    /// </summary>
    private int WorkoutPeriods(EnforcementModel? enforcement)
    {
        if (!_analysis.CanDefault || enforcement is null || enforcement.Sales.IsEmpty)
        {
            return 0;
        }

        // A sale into the repo market may go on for as long again (its last workout period sells what is left).
        int perPeriod = Frequencies.MonthsPerPeriod(_frequency);
        int months = DurationRules.MaxWorkoutMonths * (enforcement.Sales.Any(s => s.Market is not null) ? 2 : 1);
        // A sale that re-lets its idle units first (docs/language.md §9, "relet idle") offers none for its window, at
        // most the workout limit again (DL0439), a scenario's as the sale's: room for the window before the selling.
        if (enforcement.Sales.Any(s => s.Market is { Relet: > 0 }))
        {
            months += DurationRules.MaxWorkoutMonths;
        }

        // A lender keeping a fleet's contracts running sells their units as each contract ends (docs/language.md §9,
        // "keep contracts"; a scenario may switch it on for any market sale): room for the last contract on a fleet
        // sold into a market to end, its renewals all taken, and then as long again as any sale to sell the units freed.
        var marketFleets = enforcement.Sales.Where(s => s.Market is not null).SelectMany(s => s.Collateral)
            .Where(c => c.Kind == CollateralKind.Fleet).Select(c => c.Index).ToHashSet();
        var kept = LowerContracts().Where(c => marketFleets.Contains(c.Fleet)).ToList();
        if (kept.Count > 0)
        {
            Date lastEnd = kept.Select(c => c.EndAfter(c.RenewalCount)).Max();
            months = Math.Max(months, MonthsAfter(_maturity, lastEnd) + DurationRules.MaxWorkoutMonths);
        }

        return (months + perPeriod - 1) / perPeriod;
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>, rounded up (0 when not after).</summary>
    private static int MonthsAfter(Date from, Date to)
    {
        if (to <= from)
        {
            return 0;
        }

        (int y1, int m1, int d1) = from;
        (int y2, int m2, int d2) = to;
        return ((y2 - y1) * 12) + (m2 - m1) + (d2 > d1 ? 1 : 0);
    }

    /// <summary>The default rule's grace period: whole months and days as written (0 without one).</summary>
    private DefaultGrace LowerGrace() => _analysis.DefaultRule?.Grace is { } grace
        ? DurationRules.Grace(grace)
        : default;

    /// <summary>A bound expression with test reads in evaluation-order numbering.</summary>
    private BoundExpression? Expression(ExpressionSyntax? syntax) => _tests.Remap(_analysis.BoundOf(syntax));

    private double Constant(ExpressionSyntax? syntax, double fallback = 0) => _analysis.ConstantOf(syntax, fallback);

    /// <summary>The per-kind index of a declared name (0 if unresolved, which a checked deal never has).</summary>
    private int IndexOf(NameSyntax? name) => Symbols.TryLookup(name?.Text, out Symbol symbol) ? symbol.Index : 0;
}
