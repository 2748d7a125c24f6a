using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>lease MetaLease on Campus { lessee Meta  rent 2.6bn per year … }</c>: rent from a party for a facility,
/// with renewals and a residual value guarantee.</summary>
internal sealed class LeaseRules : DeclarationRules<LeaseSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Lease;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("rent", Quantity.LeaseRent, Unit.Money, true),
        new("active", Quantity.LeaseActive, Unit.Bool, false),
        new("ended", Quantity.LeaseEnded, Unit.Bool, false),
    ]);

    protected override void Bind(LeaseSyntax lease, Binder binder)
    {
        string name = lease.Name?.Text ?? "";
        binder.RequireKind(lease.Facility, SymbolKind.Facility, $"lease '{name}' must be on a facility");
        binder.RequireKind(lease.Lessee, SymbolKind.Party, $"the lessee of lease '{name}' must be a party");
        binder.BindTerms(lease.Rent, lease.Escalator, lease.Rvg?.Guarantees, lease.Rvg?.Cap);
        GuarantorRules.Bind(lease.Guarantor, binder, $"the guarantor of lease '{name}' must be a party");
        binder.RequireKind(lease.Phased, SymbolKind.Index, $"lease '{name}' is phased by an index of the share of its buildings completed");
        binder.RequireKind(lease.Indexed, SymbolKind.Index, $"the rent of lease '{name}' is indexed to an index");
    }

    protected override void CheckTerms(LeaseSyntax lease, TypeChecker checker)
    {
        string l = $"lease '{lease.Name?.Text}'";
        checker.Term(lease.Rent, Unit.Money, $"the rent of {l}", TypeChecker.Range.NonNegative);
        checker.Term(lease.Escalator, Unit.Rate, $"the rent escalator of {l}", TypeChecker.Range.Any);
        if (lease.Rvg is { } rvg)
        {
            checker.Value(rvg.Guarantees, Unit.Money, new ExpressionContext(
                ContextKind.RvgGuarantee, $"the amount guaranteed by the residual value guarantee of {l}"));
            checker.Term(rvg.Cap, Unit.Money, $"the residual value guarantee cap of {l}", TypeChecker.Range.NonNegative);
        }

        GuarantorRules.CheckTerms(lease.Guarantor, checker, l);
        CheckPhased(lease, checker);
    }

    // 'phased Built': the index's level is the share of the buildings handed over, a rate (DL0765), as a tranche's
    // 'completion' reads it; an index in money or a ratio is not a share.
    private static void CheckPhased(LeaseSyntax lease, TypeChecker checker)
    {
        if (lease.Phased is { } phased && checker.Analysis.Symbols.TryLookup(phased.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Index
            && symbol.Declaration is IndexSyntax index)
        {
            BoundExpression level = checker.IndexLevel(index);
            if (level is not BadExpression && level.Unit != Unit.Rate)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.PhasedIndexNotAShare(phased.Span, lease.Name?.Text ?? "", phased.Text, UnitNames.Described(level)));
            }
        }
    }

    protected override void CheckStructure(LeaseSyntax lease, DealChecks checks)
    {
        DiagnosticBag diagnostics = checks.Diagnostics;
        string name = lease.Name?.Text ?? "";
        if (lease.Lessee is null)
        {
            checks.Missing(lease, "a lessee (e.g. 'lessee Meta')");
        }

        if (lease.Rent is null)
        {
            checks.Missing(lease, "a rent (e.g. 'rent 2.6bn per year')");
        }

        if (lease.Starts is null)
        {
            checks.Missing(lease, "a start date (e.g. 'starts 2029-11-30')");
        }
        else if (checks.Closing is { } closing && lease.Starts.Value < closing)
        {
            diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                lease.Starts.Span, $"the start of lease '{name}'", lease.Starts.Value.ToString(), $"on or after closing ({closing})"));
        }

        if (lease.Term is null)
        {
            checks.Missing(lease, "a term (e.g. 'term 4y')");
        }
        else
        {
            checks.MonthsOf(lease.Term, $"the term of lease '{name}'");
        }

        if (lease.Renewals is { Term: { } renewalTerm, Count: > 0 })
        {
            checks.MonthsOf(renewalTerm, $"the renewal term of lease '{name}'");
        }

        // The same list as the deal's own day count, with the same message (DL0407).
        if (lease.DayCount is { } dayCount && !DayCounts.TryParse(dayCount.Text, out _))
        {
            diagnostics.Add(DiagnosticCatalogue.UnknownDayCount(dayCount.Span, dayCount.Text ?? ""));
        }

        if (lease.Rvg is { } rvg)
        {
            if (rvg.Cap is null && !checks.Analysis.IsDamaged(lease))
            {
                diagnostics.Add(DiagnosticCatalogue.MissingItem(
                    rvg.Span, lease.Keyword, name, "a cap for its residual value guarantee (e.g. 'rvg cap 28bn until 2045-11-30')"));
            }

            if (rvg.Until is { } until && lease.Starts is { } starts && until.Value <= starts.Value)
            {
                diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                    until.Span, $"the end of the residual value guarantee of lease '{name}'", until.Value.ToString(),
                    $"after the lease starts ({starts.Value})"));
            }
        }

        if (lease.Guarantor is { } guarantor)
        {
            GuarantorRules.CheckStructure(guarantor, lease, checks, lease.Starts?.Value);
            GuarantorRules.CheckObligorTerms(guarantor, lease.Lessee, checks, "lease", name);
        }

        CheckIndexed(lease, checks);
    }

    // 'rent 100m per year indexed CPI': the rent is scaled by CPI's level over its level on the lease's start under the
    // deal's own terms, a constant that must be above zero (DL0492); renewals at market follow market_rent instead (DL0493).
    private static void CheckIndexed(LeaseSyntax lease, DealChecks checks)
    {
        if (lease.Indexed is not { } indexed)
        {
            return;
        }

        string name = lease.Name?.Text ?? "";
        if (lease.Renewals is { RentAtMarket: true })
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.IndexedRentRenewsAtMarket(indexed.Span, name, indexed.Text));
        }

        if (checks.Analysis.Symbols.TryLookup(indexed.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Index
            && symbol.Declaration is IndexSyntax index && lease.Starts is { } starts && checks.Closing is { } closing
            && BaseLevel(index, checks.Analysis, closing, starts.Value) is { } level && !(level > 0))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.IndexedRentBaseNotPositive(indexed.Span, name, indexed.Text, starts.Value.ToString(), level));
        }
    }

    /// <summary>The index's level on <paramref name="day"/> under the deal's terms (the runtime's <see cref="IndexCurve"/>,
    /// as the emitted base is: IndexLowering's terms); null when a term is not a folded constant (reported elsewhere).</summary>
    private static double? BaseLevel(IndexSyntax index, DealAnalysis analysis, Date closing, Date day)
    {
        bool constant = analysis.BoundOf(index.Level) is ConstantExpression
            && (index.Points is null || index.Points.Points.All(p => analysis.BoundOf(p.Amount) is ConstantExpression));
        if (!constant)
        {
            return null;
        }

        double drift = index.Grow is { } grow ? 0 - analysis.ConstantOf(grow, 0) : analysis.ConstantOf(index.Deflate, 0);
        IndexPoints? points = index.Points is null ? null : new IndexPoints(
            index.Points.Kind == PointsKind.Interpolated,
            [.. index.Points.Points.Select(p => p.Date.Value)],
            [.. index.Points.Points.Select(p => analysis.ConstantOf(p.Amount, 0))]);
        IndexLaunch[] launches = [.. index.Launches.Select(l => new IndexLaunch(l.Date.Value, analysis.ConstantOf(l.Down, 0))).OrderBy(l => l.Date)];
        return IndexCurve.At(analysis.ConstantOf(index.Level, 0), drift, points, launches, [], 0, closing, day);
    }
}
