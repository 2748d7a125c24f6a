using System.Collections.Immutable;
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
    private readonly Date[] _boundaries;
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
        _boundaries = _closing < _maturity ? Schedule.Boundaries(_closing, _maturity, _frequency, first) : [_closing, _maturity];

        var positions = new Dictionary<int, int>();
        for (int position = 0; position < analysis.TestOrder.Length; position++)
        {
            positions[analysis.TestOrder[position]] = position;
        }

        _tests = new TestIndexRemapper(positions);
    }

    private int Periods => _boundaries.Length - 1;

    private SymbolTable Symbols => _analysis.Symbols;

    public static DealModel Lower(DealAnalysis analysis) => new Lowerer(analysis).Build();

    private DealModel Build()
    {
        DealSyntax deal = _analysis.Deal;
        return new DealModel(
            Name: _analysis.DealName,
            Title: deal.Title?.Value ?? _analysis.DealName,
            Currency: deal.Currency?.Text ?? "",
            Closing: _closing,
            Maturity: _maturity,
            Frequency: _frequency,
            DayCount: _analysis.DayCount ?? DayCount.Thirty360,
            Boundaries: [.. _boundaries],
            Parties: LowerParties(),
            Facilities: LowerFacilities(),
            Leases: LowerLeases(),
            Tranches: LowerTranches(),
            Equities: LowerEquities(),
            Accounts: LowerAccounts(),
            Fees: LowerFees(),
            Tests: LowerTests(),
            Triggers: LowerTriggers(),
            DefaultRule: Expression(_analysis.DefaultRule?.Condition),
            Waterfall: LowerSteps(_analysis.Waterfall?.Steps ?? []),
            Enforcement: LowerEnforcement(),
            Scenarios: LowerScenarios(),
            SourcePath: _analysis.Unit.Span.Path ?? deal.Span.Path ?? "");
    }

    /// <summary>A bound expression with test reads in evaluation-order numbering.</summary>
    private BoundExpression? Expression(ExpressionSyntax? syntax) => _tests.Remap(_analysis.BoundOf(syntax));

    private double Constant(ExpressionSyntax? syntax, double fallback = 0) => _analysis.ConstantOf(syntax, fallback);

    /// <summary>The per-kind index of a declared name (0 if unresolved, which a checked deal never has).</summary>
    private int IndexOf(NameSyntax? name) => Symbols.TryLookup(name?.Text, out Symbol symbol) ? symbol.Index : 0;

    private IEnumerable<(Symbol Symbol, T Syntax)> Declared<T>(SymbolKind kind) where T : NamedDeclarationSyntax =>
        Symbols.OfKind(kind).Select(s => (s, (T)s.Declaration));
}
