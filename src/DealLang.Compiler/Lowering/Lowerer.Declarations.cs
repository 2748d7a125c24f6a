using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering;

// The deal's declarations as runtime records and model entries, with the language's defaults.
internal sealed partial class Lowerer
{
    /// <summary>Defaults: rating "NR", pd 0, recovery 0.</summary>
    private ImmutableArray<PartyInfo> LowerParties() =>
    [
        .. Declared<PartySyntax>(SymbolKind.Party).Select(p => new PartyInfo(
            p.Symbol.Name, p.Syntax.Rating?.Value ?? "NR", Constant(p.Syntax.Pd), Constant(p.Syntax.Recovery))),
    ];

    /// <summary>Straight line: floor 0 and depreciation from closing unless given. Schedule: its points, in order.</summary>
    private ImmutableArray<FacilityInfo> LowerFacilities() =>
    [
        .. Declared<FacilitySyntax>(SymbolKind.Facility).Select(f =>
        {
            double cost = Constant(f.Syntax.Cost);
            if (f.Syntax.Value is ScheduleValueSyntax schedule)
            {
                var points = SyntaxWalk.Safe(schedule.Points).Where(p => p.Date is not null).ToList();
                return new FacilityInfo(
                    f.Symbol.Name, cost, FacilityValueKind.Schedule, 0, 0, _closing,
                    [.. points.Select(p => p.Date.Value)], [.. points.Select(p => Constant(p.Amount))]);
            }

            var line = f.Syntax.Value as StraightLineValueSyntax;
            return new FacilityInfo(
                f.Symbol.Name, cost, FacilityValueKind.StraightLine, DurationRules.WholeMonths(line?.Life),
                Constant(line?.Floor), line?.From?.Value ?? _closing, [], []);
        }),
    ];

    /// <summary>Defaults: escalator 0, no renewals, RVG until the deal's maturity, an RVG guaranteeing its cap, rent in
    /// equal instalments per regular period (no day count of its own).</summary>
    private ImmutableArray<LeaseModel> LowerLeases() =>
    [
        .. Declared<LeaseSyntax>(SymbolKind.Lease).Select(l =>
        {
            LeaseSyntax lease = l.Syntax;
            RvgSyntax? rvg = lease.Rvg;
            double cap = rvg is null ? 0 : Constant(rvg.Cap);
            var info = new LeaseInfo(
                Name: l.Symbol.Name,
                Facility: IndexOf(lease.Facility),
                Lessee: IndexOf(lease.Lessee),
                RentPerYear: Constant(lease.Rent),
                Escalator: Constant(lease.Escalator),
                Start: lease.Starts?.Value ?? _closing,
                TermMonths: DurationRules.WholeMonths(lease.Term),
                RenewalCount: lease.Renewals?.Count ?? 0,
                RenewalTermMonths: DurationRules.WholeMonths(lease.Renewals?.Term),
                RenewalAtMarket: lease.Renewals?.RentAtMarket ?? false,
                RvgUntil: rvg is null ? null : rvg.Until?.Value ?? _maturity,
                RvgCap: cap,
                RentDayCount: DayCounts.TryParse(lease.DayCount?.Text, out DayCount dayCount) ? dayCount : null);
            BoundExpression? guarantees = rvg is null ? null : Expression(rvg.Guarantees) ?? new ConstantExpression(cap, Unit.Money);
            return new LeaseModel(info, guarantees);
        }),
    ];

    /// <summary>
    /// Defaults: bullet, the deal's maturity, seniority by declaration order (1 = first tranche). The maturity
    /// period is the one whose end is on or after the maturity. Scheduled principal has one amount per period:
    /// each scheduled amount lands in the period containing its date (zeros for other amortisations).
    /// </summary>
    private ImmutableArray<TrancheModel> LowerTranches() =>
    [
        .. Declared<TrancheSyntax>(SymbolKind.Tranche).Select(t =>
        {
            TrancheSyntax tranche = t.Syntax;
            Date maturity = tranche.Maturity?.Value ?? _maturity;
            AmortizationKind kind = tranche.Amortization?.Kind ?? AmortizationKind.Bullet;
            var scheduled = new double[Periods];
            if (kind == AmortizationKind.Schedule)
            {
                foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Amortization!.Schedule))
                {
                    int period = point.Date is null ? -1 : Schedule.PeriodIndexOf(_boundaries, point.Date.Value);
                    if (period >= 0 && period < Periods)
                    {
                        scheduled[period] += Constant(point.Amount);
                    }
                }
            }

            return new TrancheModel(
                Name: t.Symbol.Name,
                Index: t.Symbol.Index,
                Balance: Constant(tranche.Balance),
                Coupon: Constant(tranche.Coupon),
                InterestOnlyUntil: tranche.InterestOnlyUntil?.Value,
                Amortization: kind,
                ScheduledPrincipal: [.. scheduled],
                Maturity: maturity,
                MaturityPeriod: Math.Clamp(Schedule.PeriodIndexOf(_boundaries, maturity), 0, Math.Max(0, Periods - 1)),
                Seniority: DealChecks.SeniorityOf(t.Symbol));
        }),
    ];

    private ImmutableArray<EquityInfo> LowerEquities() =>
    [
        .. Declared<EquitySyntax>(SymbolKind.Equity).Select(e => new EquityInfo(
            e.Symbol.Name,
            Constant(e.Syntax.Contributed),
            [.. SyntaxWalk.Safe(e.Syntax.Holders).Select(h => new EquityHolder(IndexOf(h.Party), Constant(h.Share)))])),
    ];

    /// <summary>Defaults: initial 0, earns 0, no target (a target of 0).</summary>
    private ImmutableArray<AccountModel> LowerAccounts() =>
    [
        .. Declared<AccountSyntax>(SymbolKind.Account).Select(a => new AccountModel(
            a.Symbol.Name, a.Symbol.Index, Constant(a.Syntax.Initial), Constant(a.Syntax.Earns), Expression(a.Syntax.Target))),
    ];

    /// <summary>Default: escalator 0.</summary>
    private ImmutableArray<FeeModel> LowerFees() =>
    [
        .. Declared<FeeSyntax>(SymbolKind.Fee).Select(f => new FeeModel(
            f.Symbol.Name, f.Symbol.Index,
            Expression(f.Syntax.Amount) ?? new ConstantExpression(0, Unit.Money),
            Constant(f.Syntax.Escalator),
            PerPeriod: !f.Syntax.PerYear)),
    ];

    /// <summary>Tests in evaluation order; <c>Index</c> is the position in that order. No trailing window is one period;
    /// no <c>from</c> is tested from the first period.</summary>
    private ImmutableArray<TestModel> LowerTests()
    {
        IReadOnlyList<Symbol> tests = Symbols.OfKind(SymbolKind.Test);
        var result = ImmutableArray.CreateBuilder<TestModel>(_analysis.TestOrder.Length);
        foreach (int declaration in _analysis.TestOrder)
        {
            Symbol symbol = tests[declaration];
            var test = (TestSyntax)symbol.Declaration;
            int trailing = test.Trailing is { } window
                ? DurationRules.TrailingPeriods(window, Frequencies.MonthsPerPeriod(_frequency), out _)
                : 1;
            result.Add(new TestModel(
                symbol.Name, result.Count, Expression(test.Expression) ?? new ConstantExpression(0, Unit.Number), trailing, test.From?.Value));
        }

        return result.MoveToImmutable();
    }

    private ImmutableArray<TriggerModel> LowerTriggers() =>
    [
        .. Declared<TriggerSyntax>(SymbolKind.Trigger).Select(t => new TriggerModel(
            t.Symbol.Name, t.Symbol.Index,
            Expression(t.Syntax.Condition) ?? new ConstantExpression(0, Unit.Bool),
            t.Syntax.From?.Value,
            t.Syntax.Effect?.Text ?? "trap")),
    ];
}
