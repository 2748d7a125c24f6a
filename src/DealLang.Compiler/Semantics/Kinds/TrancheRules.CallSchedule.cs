using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

// A tranche's call schedule (docs/language.md §5 "A call schedule"): 'callable from 2027-06-01 at 104.625%, from
// 2028-06-01 at 102.3125% make_whole UST5Y + 50bp'. Each price a constant rate above 0% (DL0564); the dates inside the
// tranche's life (DL0770, as a put's) and increasing (DL0563); the make-whole rate a rate read at the period's start, or
// a curve's ('make_whole curve { 2y UST2Y  5y UST5Y } + 50bp'): each point's rate so, the spread a constant rate, the
// tenors above zero and increasing (DL0589).
internal sealed partial class TrancheRules
{
    private static void BindCallSchedule(TrancheSyntax tranche, Binder binder)
    {
        binder.BindTerms(tranche.CallSchedule?.MakeWhole);
        binder.BindTerms(tranche.CallSchedule?.CurveSpread);
        foreach (CurvePointSyntax point in SyntaxWalk.Safe(tranche.CallSchedule?.Curve ?? []))
        {
            binder.BindTerms(point.Rate);
        }

        foreach (CallStepSyntax step in SyntaxWalk.Safe(tranche.CallSchedule?.Steps ?? []))
        {
            binder.BindTerms(step.Price);
        }
    }

    private static void CheckCallSchedule(TrancheSyntax tranche, TypeChecker checker, string t)
    {
        if (tranche.CallSchedule is not { } schedule)
        {
            return;
        }

        foreach (CallStepSyntax step in SyntaxWalk.Safe(schedule.Steps))
        {
            checker.Term(step.Price, Unit.Rate, $"a call price of {t}", TypeChecker.Range.Any);
            if (step.Price is { } p && checker.Analysis.Bound.TryGetValue(p, out BoundExpression? price) && price is ConstantExpression { Value: <= 0 } zero)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.CallStepPriceNotPositive(p.Span, tranche.Name?.Text ?? "", zero.Value));
            }
        }

        checker.Value(schedule.MakeWhole, Unit.Rate, new ExpressionContext(ContextKind.PeriodStart, $"the make-whole rate of {t}"));
        checker.Term(schedule.CurveSpread, Unit.Rate, $"the spread over the make-whole curve of {t}", TypeChecker.Range.Any);
        double? previous = null;
        string? previousText = null;
        foreach (CurvePointSyntax point in SyntaxWalk.Safe(schedule.Curve))
        {
            checker.Value(point.Rate, Unit.Rate, new ExpressionContext(ContextKind.PeriodStart, $"a rate of the make-whole curve of {t}"));
            if (point.Tenor is not { } tenor)
            {
                continue;
            }

            double months = DurationRules.Months(tenor);
            if (months <= 0)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.MakeWholeCurveTenors(tenor.Span, tranche.Name?.Text ?? "", tenor.Text, null));
                continue;
            }

            if (months <= previous)
            {
                checker.Diagnostics.Add(DiagnosticCatalogue.MakeWholeCurveTenors(tenor.Span, tranche.Name?.Text ?? "", tenor.Text, previousText));
            }
            else
            {
                (previous, previousText) = (months, tenor.Text);
            }
        }
    }

    // The steps' dates: inside the tranche's life (after the closing, before its maturity, when the notes are due at par
    // anyway), in increasing order.
    private static void CheckCallScheduleDates(TrancheSyntax tranche, DealChecks checks, string name)
    {
        if (tranche.CallSchedule is not { } schedule || checks.Closing is not { } closing
            || (tranche.Maturity?.Value ?? checks.Maturity) is not { } maturity)
        {
            return;
        }

        DateSyntax? previous = null;
        foreach (CallStepSyntax step in SyntaxWalk.Safe(schedule.Steps))
        {
            if (step.From is { } date && (date.Value <= closing || date.Value >= maturity))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ConvertibleDateOutsideLife(date.Span, "a call schedule date", name, date.Value.ToString(),
                    closing.ToString(), maturity.ToString()));
            }

            if (step.From is { } from && previous is not null && from.Value <= previous.Value)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.CallStepsNotIncreasing(from.Span, name, from.Value.ToString(), previous.Value.ToString()));
            }

            previous = step.From ?? previous;
        }
    }
}
