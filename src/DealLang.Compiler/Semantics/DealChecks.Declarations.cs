using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics;

// Required items, dates and durations of each declaration.
internal sealed partial class DealChecks
{
    private void CheckDeclarations()
    {
        foreach (DeclarationSyntax declaration in SyntaxWalk.Safe(Deal.Declarations))
        {
            switch (declaration)
            {
                case FacilitySyntax facility:
                    CheckFacility(facility);
                    break;
                case LeaseSyntax lease:
                    CheckLease(lease);
                    break;
                case TrancheSyntax tranche:
                    CheckTranche(tranche);
                    break;
                case EquitySyntax equity:
                    CheckEquity(equity);
                    break;
                case FeeSyntax fee when fee.Amount is null:
                    Missing(fee, "an amount per year (e.g. '{ 0.5% of Campus.value per year }')");
                    break;
                case TestSyntax test:
                    if (test.Trailing is { } trailing)
                    {
                        CheckTrailing(test, trailing);
                    }

                    RequireWithinDeal(test.From, $"the 'from' date of test '{test.Name?.Text}'", Maturity, "the deal's maturity");
                    break;
                case TriggerSyntax trigger:
                    if (trigger.Effect is { Text.Length: > 0 } effect && effect.Text != "trap")
                    {
                        _diagnostics.Add(DiagnosticCatalogue.UnknownTriggerEffect(effect.Span, effect.Text, NameSuggestions.Closest(effect.Text, ["trap"])));
                    }

                    RequireWithinDeal(trigger.From, $"the 'from' date of trigger '{trigger.Name?.Text}'", Maturity, "the deal's maturity");
                    break;
            }
        }
    }

    /// <summary>Reports a missing item, unless a syntax error inside the declaration may have swallowed it.</summary>
    private void Missing(NamedDeclarationSyntax declaration, string item)
    {
        if (!_analysis.IsDamaged(declaration))
        {
            _diagnostics.Add(DiagnosticCatalogue.MissingItem(
                declaration.Name?.Span ?? declaration.Span, declaration.Kind, declaration.Name?.Text ?? "", item));
        }
    }

    private void CheckFacility(FacilitySyntax facility)
    {
        string name = facility.Name?.Text ?? "";
        if (facility.Cost is null)
        {
            Missing(facility, "a cost (e.g. 'cost 27bn')");
        }

        switch (facility.Value)
        {
            case null:
                Missing(facility, "a value curve (e.g. 'value straight_line 30y floor 20%')");
                break;
            case StraightLineValueSyntax { Life: { } life }:
                MonthsOf(life, $"the useful life of facility '{name}'");
                break;
            case ScheduleValueSyntax schedule:
                CheckSchedule(schedule.Points, schedule.Span, $"the value schedule of facility '{name}'");
                break;
        }
    }

    private void CheckLease(LeaseSyntax lease)
    {
        string name = lease.Name?.Text ?? "";
        if (lease.Lessee is null)
        {
            Missing(lease, "a lessee (e.g. 'lessee Meta')");
        }

        if (lease.Rent is null)
        {
            Missing(lease, "a rent (e.g. 'rent 2.6bn per year')");
        }

        if (lease.Starts is null)
        {
            Missing(lease, "a start date (e.g. 'starts 2029-11-30')");
        }
        else if (Closing is { } closing && lease.Starts.Value < closing)
        {
            _diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                lease.Starts.Span, $"the start of lease '{name}'", lease.Starts.Value.ToString(), $"on or after closing ({closing})"));
        }

        if (lease.Term is null)
        {
            Missing(lease, "a term (e.g. 'term 4y')");
        }
        else
        {
            MonthsOf(lease.Term, $"the term of lease '{name}'");
        }

        if (lease.Renewals is { Term: { } renewalTerm, Count: > 0 })
        {
            MonthsOf(renewalTerm, $"the renewal term of lease '{name}'");
        }

        // The same list as the deal's own day count, with the same message (DL0407).
        if (lease.DayCount is { } dayCount && !DayCounts.TryParse(dayCount.Text, out _))
        {
            _diagnostics.Add(DiagnosticCatalogue.UnknownDayCount(dayCount.Span, dayCount.Text ?? ""));
        }

        if (lease.Rvg is { } rvg)
        {
            if (rvg.Cap is null && !_analysis.IsDamaged(lease))
            {
                _diagnostics.Add(DiagnosticCatalogue.MissingItem(
                    rvg.Span, "lease", name, "a cap for its residual value guarantee (e.g. 'rvg cap 28bn until 2045-11-30')"));
            }

            if (rvg.Until is { } until && lease.Starts is { } starts && until.Value <= starts.Value)
            {
                _diagnostics.Add(DiagnosticCatalogue.DateOutOfRange(
                    until.Span, $"the end of the residual value guarantee of lease '{name}'", until.Value.ToString(),
                    $"after the lease starts ({starts.Value})"));
            }
        }
    }

    private void CheckTranche(TrancheSyntax tranche)
    {
        string name = tranche.Name?.Text ?? "";
        if (tranche.Balance is null)
        {
            Missing(tranche, "a balance (e.g. 'balance 27.3bn')");
        }

        if (tranche.Coupon is null)
        {
            Missing(tranche, "a coupon (e.g. 'coupon 6.581% fixed')");
        }

        RequireWithinDeal(tranche.InterestOnlyUntil, $"the interest-only end of tranche '{name}'", Maturity, "the deal's maturity");
        RequireWithinDeal(tranche.Maturity, $"the maturity of tranche '{name}'", Maturity, "the deal's maturity");
        if (tranche.Seniority is { Rank: < 1 } seniority)
        {
            _diagnostics.Add(DiagnosticCatalogue.BadSeniority(seniority.Span, name, seniority.Rank));
        }

        if (tranche.Amortization is { Kind: AmortizationKind.Schedule } amortization)
        {
            ImmutableArray<SchedulePointSyntax> points = amortization.Schedule;
            CheckSchedule(points, amortization.Span, $"the amortisation schedule of tranche '{name}'");
            Date? trancheMaturity = tranche.Maturity?.Value is { } tm && Maturity is { } dm && tm <= dm ? tm : Maturity;
            foreach (SchedulePointSyntax point in SyntaxWalk.Safe(points))
            {
                RequireWithinDeal(point.Date, $"a scheduled principal date of tranche '{name}'", trancheMaturity, "the tranche's maturity");
            }

            // A schedule that does not add up to the balance is legal (the rest is due at maturity) but usually a typo.
            var amounts = SyntaxWalk.Safe(points).Select(p => _analysis.BoundOf(p.Amount)).ToList();
            if (_analysis.BoundOf(tranche.Balance) is ConstantExpression balance && amounts.Count > 0
                && amounts.All(a => a is ConstantExpression))
            {
                double scheduled = amounts.Sum(a => ((ConstantExpression)a!).Value);
                if (Math.Abs(scheduled - balance.Value) > 0.005 + (1e-12 * Math.Abs(balance.Value)))
                {
                    _diagnostics.Add(DiagnosticCatalogue.ScheduleDoesNotRepay(amortization.Span, name, scheduled, balance.Value));
                }
            }
        }
    }

    private void CheckSchedule(ImmutableArray<SchedulePointSyntax> points, SourceSpan span, string what)
    {
        var list = SyntaxWalk.Safe(points).Where(p => p.Date is not null).ToList();
        if (list.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.EmptySchedule(span, what));
            return;
        }

        for (int i = 1; i < list.Count; i++)
        {
            if (list[i].Date.Value <= list[i - 1].Date.Value)
            {
                _diagnostics.Add(DiagnosticCatalogue.ScheduleNotIncreasing(
                    list[i].Date.Span, list[i].Date.Value.ToString(), list[i - 1].Date.Value.ToString()));
            }
        }
    }

    private void CheckEquity(EquitySyntax equity)
    {
        if (equity.Contributed is null)
        {
            Missing(equity, "a contributed amount (e.g. 'contributed 2.45bn')");
        }

        var shares = SyntaxWalk.Safe(equity.Holders).Select(h => _analysis.BoundOf(h.Share)).ToList();
        if (shares.Count > 0 && shares.All(s => s is ConstantExpression))
        {
            double total = shares.Sum(s => ((ConstantExpression)s!).Value);
            if (Math.Abs(total - 1) > 1e-9)
            {
                _diagnostics.Add(DiagnosticCatalogue.SharesDoNotSum(equity.Name?.Span ?? equity.Span, equity.Name?.Text ?? "", total));
            }
        }
    }

    private void CheckTrailing(TestSyntax test, DurationSyntax trailing)
    {
        if (DurationRules.Months(trailing) <= 0)
        {
            _diagnostics.Add(DiagnosticCatalogue.DurationNotPositive(trailing.Span, $"the trailing window of test '{test.Name?.Text}'"));
            return;
        }

        if (_analysis.Frequency is { } frequency)
        {
            int periods = DurationRules.TrailingPeriods(trailing, _analysis.MonthsPerPeriod, out bool exact);
            if (!exact)
            {
                _diagnostics.Add(DiagnosticCatalogue.TrailingNotWholePeriods(trailing.Span, trailing.Text ?? "", Frequencies.Name(frequency), periods));
            }
        }
    }
}
