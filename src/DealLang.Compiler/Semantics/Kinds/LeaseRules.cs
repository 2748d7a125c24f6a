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
        binder.BindTerms(lease.Rent, lease.Escalator, lease.Rvg?.Guarantees, lease.Rvg?.Cap, lease.Indexation?.Floor, lease.Indexation?.Cap,
            lease.TerminationFee, lease.FeeFloor, lease.BreakOption?.FeeAmount, lease.Renewals?.BreakOption?.FeeAmount,
            lease.Renewals?.FeeFloor, lease.Rvg?.Remarketing?.Cost);
        binder.BindTerms([.. lease.Renewals?.TerminationFees ?? []]);
        GuarantorRules.Bind(lease.Guarantor, binder, $"the guarantor of lease '{name}' must be a party");
        GuarantorRules.Bind(lease.Rvg?.Guarantor, binder, $"the guarantor of the residual value guarantee of lease '{name}' must be a party");
        BreakOptionRules.BindRvgTerms(lease.BreakOption, binder);
        BreakOptionRules.BindRvgTerms(lease.Renewals?.BreakOption, binder);
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
            CheckRemarketingCost(rvg.Remarketing, checker, lease.Name?.Text ?? "", l);
        }

        GuarantorRules.CheckTerms(lease.Guarantor, checker, l);
        GuarantorRules.CheckTerms(lease.Rvg?.Guarantor, checker, $"the residual value guarantee of {l}");
        BreakOptionRules.CheckRvgTerms(lease.BreakOption, checker, l, inRenewal: false);
        BreakOptionRules.CheckRvgTerms(lease.Renewals?.BreakOption, checker, l, inRenewal: true);
        checker.Term(lease.Indexation?.Floor, Unit.Rate, $"the indexation floor of {l}", TypeChecker.Range.Any);
        checker.Term(lease.Indexation?.Cap, Unit.Rate, $"the indexation cap of {l}", TypeChecker.Range.Any);
        TerminationFeeRules.CheckTerms(lease.TerminationFee, lease.FeeFloor, checker, "lease", lease.Name?.Text ?? "");
        TerminationFeeRules.CheckRenewalTerms(lease.Renewals, checker, lease.Name?.Text ?? "");
        CheckPhased(lease, checker);
        BreakOptionRules.CheckTerms(lease.BreakOption, checker, "lease", lease.Name?.Text ?? "", "lessee");
        BreakOptionRules.CheckTerms(lease.Renewals?.BreakOption, checker, "lease", lease.Name?.Text ?? "", "lessee");
    }

    // 'against remarketing cost 3%': a constant rate, the share of the facility's value the sale costs, in [0, 100%)
    // (DL0528): the net proceeds are value × (1 − cost), so a cost of 100% or more sells for nothing or less.
    private static void CheckRemarketingCost(RemarketingSyntax? remarketing, TypeChecker checker, string name, string l)
    {
        if (remarketing?.Cost is not { } cost)
        {
            return;
        }

        checker.Term(cost, Unit.Rate, $"the remarketing cost of the residual value guarantee of {l}", TypeChecker.Range.Any);
        if (checker.Analysis.BoundOf(cost) is ConstantExpression { Unit: Unit.Rate, Value: var c } && !(c >= 0 && c < 1))
        {
            checker.Diagnostics.Add(DiagnosticCatalogue.RemarketingCostOutOfRange(cost.Span, name, c));
        }
    }

    // 'against remarketing' sells the whole facility when the lease ends: another lease on the same facility would lose
    // its tenant's building under it (DL0529), so the facility must be this lease's alone.
    private static void CheckRemarketingFacility(LeaseSyntax lease, DealChecks checks)
    {
        if (lease.Rvg?.Remarketing is not { } remarketing || lease.Facility is not { } facility)
        {
            return;
        }

        LeaseSyntax? other = SyntaxWalk.Safe(checks.Analysis.Deal.Declarations).OfType<LeaseSyntax>()
            .FirstOrDefault(o => !ReferenceEquals(o, lease) && o.Facility?.Text == facility.Text);
        if (other is not null)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.RemarketingSharedFacility(remarketing.Span, lease.Name?.Text ?? "", facility.Text, other.Name?.Text ?? ""));
        }
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

            // 'with guarantor Parent cap 10bn': a guarantor's rules, as the rent's guarantor's (a cap, 'until' after the
            // start, no fee or 'covers', not the lessee itself).
            if (rvg.Guarantor is { } rvgGuarantor)
            {
                GuarantorRules.CheckStructure(rvgGuarantor, lease, checks, lease.Starts?.Value,
                    "a cap for the guarantor of its residual value guarantee (e.g. 'rvg cap 28bn with guarantor Parent cap 10bn')",
                    $"the residual value guarantee of lease '{name}'");
                GuarantorRules.CheckObligorTerms(rvgGuarantor, lease.Lessee, checks, "lease", name);
            }
        }

        if (lease.Guarantor is { } guarantor)
        {
            GuarantorRules.CheckStructure(guarantor, lease, checks, lease.Starts?.Value);
            GuarantorRules.CheckObligorTerms(guarantor, lease.Lessee, checks, "lease", name);
        }

        CheckIndexed(lease, checks);
        CheckRemarketingFacility(lease, checks);
        BreakOptionRules.CheckStructure(lease.BreakOption, lease.Term, checks, "lease", lease.Name?.Text ?? "", "lessee", "rent");
        BreakOptionRules.CheckStructure(lease.Renewals?.BreakOption, lease.Renewals?.Term, checks, "lease", lease.Name?.Text ?? "", "lessee", "rent", inRenewal: true);
        BreakOptionRules.CheckRvg(lease.BreakOption, checks, "lease", name, lease.Rvg is not null);
        BreakOptionRules.CheckRvg(lease.Renewals?.BreakOption, checks, "lease", name, lease.Rvg is not null, inRenewal: true);
    }

    // 'rent 100m per year indexed CPI': the rent is scaled by CPI's level over its level on the lease's start (less any
    // lag) under the deal's own terms, a constant that must be above zero (DL0492); renewals at market follow market_rent
    // instead (DL0493); the terms 'yearly floor 1% cap 4% lag 3m' (CheckIndexation).
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

        int? lagMonths = lease.Indexation is { } indexation ? CheckIndexation(indexation, name, indexed.Text, checks) : 0;
        // With a lag the base is read that many months before the start, as every reset's level is read before the reset.
        if (lagMonths is { } lag && checks.Analysis.Symbols.TryLookup(indexed.Text, out Symbol symbol) && symbol.Kind == SymbolKind.Index
            && symbol.Declaration is IndexSyntax index && lease.Starts is { } starts && checks.Closing is { } closing
            && starts.Value.TryAddMonths(-lag, out Date day) && BaseLevel(index, checks.Analysis, closing, day) is { } level && !(level > 0))
        {
            string on = lag == 0 ? $"the lease's start ({starts.Value})" : $"{day} ({lag} months before the lease's start, the lag)";
            checks.Diagnostics.Add(DiagnosticCatalogue.IndexedRentBaseNotPositive(indexed.Span, name, indexed.Text, on, level));
        }
    }

    // 'yearly floor 1% cap 4% lag 3m': a collar needs the yearly reset it holds the change of (DL0497), a floor above
    // -100% and a cap at or above 0% (DL0495), the floor at or below the cap (DL0494); a lag in whole months, at most 24,
    // and a whole number of the deal's periods (DL0496). The lag in months, or null when it is not usable.
    private static int? CheckIndexation(IndexationSyntax indexation, string lease, string index, DealChecks checks)
    {
        DiagnosticBag diagnostics = checks.Diagnostics;
        if (indexation.Yearly is null && (indexation.Floor ?? indexation.Cap) is { } collar)
        {
            diagnostics.Add(DiagnosticCatalogue.IndexationCollarWithoutReset(collar.Span, lease, index));
        }

        double? floor = Constant(indexation.Floor, checks.Analysis), cap = Constant(indexation.Cap, checks.Analysis);
        if (floor is { } f && !(f > -1))
        {
            diagnostics.Add(DiagnosticCatalogue.IndexationBoundOutOfRange(indexation.Floor!.Span, lease, "floor", f, "above -100% (a floor of -100% lets one reset take the rent to nothing)"));
        }

        if (cap is { } c && !(c >= 0))
        {
            diagnostics.Add(DiagnosticCatalogue.IndexationBoundOutOfRange(indexation.Cap!.Span, lease, "cap", c, "0% or more (a negative cap makes the rent fall at every reset, whatever the index does)"));
        }

        if (floor is { } low && cap is { } high && low > high)
        {
            diagnostics.Add(DiagnosticCatalogue.IndexationFloorAboveCap(indexation.Floor!.Span, lease, low, high));
        }

        if (indexation.Lag is not { } lag)
        {
            return 0;
        }

        int months = DurationRules.WholeMonths(lag, out bool exact);
        string? why = !exact ? "is not a whole number of months (a CPI print is monthly)"
            : months > DiagnosticCatalogue.MaxIndexationLagMonths ? $"is over {DiagnosticCatalogue.MaxIndexationLagMonths} months"
            : checks.Frequency is { } frequency && months % Frequencies.MonthsPerPeriod(frequency) != 0
                ? $"is not a whole number of the deal's {Frequencies.MonthsPerPeriod(frequency)}-month periods (a path's index is known at period starts: '{index}' is read a whole number of periods early)"
            : null;
        if (why is not null)
        {
            diagnostics.Add(DiagnosticCatalogue.IndexationLagNotAllowed(lag.Span, lease, lag.Text ?? "", why));
            return null;
        }

        return months;
    }

    private static double? Constant(ExpressionSyntax? term, DealAnalysis analysis) =>
        analysis.BoundOf(term) is ConstantExpression c ? c.Value : null;

    /// <summary>The index's level on <paramref name="day"/> under the deal's terms (the runtime's <see cref="IndexCurve"/>
    /// over <see cref="IndexTerms"/>, as the emitted base is); null when a term is not a folded constant (reported elsewhere).</summary>
    private static double? BaseLevel(IndexSyntax index, DealAnalysis analysis, Date closing, Date day)
    {
        bool constant = analysis.BoundOf(index.Level) is ConstantExpression
            && (index.Points is null || index.Points.Points.All(p => analysis.BoundOf(p.Amount) is ConstantExpression));
        return constant ? IndexCurve.At(IndexTerms.Of(index, index.Name?.Text ?? "", analysis, e => analysis.ConstantOf(e, 0)), closing, day) : null;
    }
}
