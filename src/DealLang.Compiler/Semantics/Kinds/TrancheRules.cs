using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>tranche Notes { balance 27.3bn  coupon 6.581% fixed  amortize level … }</c>: debt the waterfall pays.</summary>
internal sealed partial class TrancheRules : DeclarationRules<TrancheSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("balance", Quantity.TrancheBalance, Unit.Money, false),
        new("scheduled_balance", Quantity.TrancheScheduledBalance, Unit.Money, false),
        new("interest", Quantity.TrancheInterestDue, Unit.Money, true),
        new("principal", Quantity.TranchePrincipalDue, Unit.Money, true),
        new("debt_service", Quantity.TrancheDebtService, Unit.Money, true),
        new("interest_shortfall", Quantity.TrancheInterestShortfall, Unit.Money, false),
        new("principal_shortfall", Quantity.TranchePrincipalShortfall, Unit.Money, false),
        new("interest_paid", Quantity.TrancheInterestPaid, Unit.Money, true),
        new("principal_paid", Quantity.TranchePrincipalPaid, Unit.Money, true),
        new("coupon", Quantity.TrancheCoupon, Unit.Rate, false),
        new("undrawn", Quantity.TrancheUndrawn, Unit.Money, false),
        new("drawn", Quantity.TrancheDrawn, Unit.Money, true),
        new("commitment_fee", Quantity.TrancheCommitmentFee, Unit.Money, true),
        new("guarantee_fee", Quantity.TrancheGuaranteeFee, Unit.Money, true),
    ]);

    protected override void Bind(TrancheSyntax tranche, Binder binder)
    {
        binder.BindTerms(tranche.Balance, tranche.Coupon, tranche.CouponFloor, tranche.CouponCap, tranche.Pik?.Share, tranche.Pik?.Condition,
            tranche.IssuePrice, tranche.Commitment, tranche.CommitmentFee, tranche.TargetBalance);
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Amortization?.Schedule ?? []).Concat(DrawPoints(tranche)))
        {
            binder.BindTerms(point.Amount);
        }

        string t = $"tranche '{tranche.Name?.Text}'";
        if (tranche.DrawsAgainst is { } against)
        {
            binder.RequireKind(against.Fleet, SymbolKind.Fleet, $"{t} draws against a fleet's deliveries");
            binder.BindTerms(against.Advance);
        }

        binder.BindTerms(tranche.ClassMargin?.InvestmentGrade, tranche.ClassMargin?.Else);
        GuarantorRules.Bind(tranche.Guarantor, binder, $"the guarantor of {t} must be a party");
        binder.BindTerms(tranche.Guarantor?.Fee);
        CouponRules.BindMargins(tranche.StepUps, tranche.MarginGrid, binder, t);
        BindConvertible(tranche, binder);
        BindCallSchedule(tranche, binder);
        BindCompletion(tranche, binder);
    }

    protected override void CheckTerms(TrancheSyntax tranche, TypeChecker checker)
    {
        string t = $"tranche '{tranche.Name?.Text}'";
        checker.Term(tranche.Balance, Unit.Money, $"the balance of {t}", TypeChecker.Range.NonNegative);
        CheckCoupon(tranche, checker, t);
        CheckConvertible(tranche, checker, t);
        CheckCallSchedule(tranche, checker, t);
        CheckCompletion(tranche, checker, t);
        if (tranche.Pik is { } pik)
        {
            checker.Term(pik.Share, Unit.Rate, $"the PIK share of {t}", TypeChecker.Range.Fraction);
            checker.Condition(pik.Condition, new ExpressionContext(ContextKind.PeriodStart, $"the PIK condition of {t}"));
        }
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Amortization?.Schedule ?? []))
        {
            checker.Term(point.Amount, Unit.Money, $"a scheduled principal amount of {t}", TypeChecker.Range.NonNegative);
        }

        checker.Term(tranche.IssuePrice, Unit.Rate, $"the issue price of {t}", TypeChecker.Range.Any);
        GuarantorRules.CheckTerms(tranche.Guarantor, checker, t);
        checker.Term(tranche.Guarantor?.Fee, Unit.Rate, $"the guarantee fee of {t} (a rate a year on the guaranteed balance)", TypeChecker.Range.NonNegative);
        checker.Term(tranche.Commitment, Unit.Money, $"the commitment of {t}", TypeChecker.Range.NonNegative);
        checker.Term(tranche.CommitmentFee, Unit.Rate, $"the commitment fee of {t}", TypeChecker.Range.NonNegative);
        foreach (SchedulePointSyntax point in DrawPoints(tranche))
        {
            checker.Term(point.Amount, Unit.Money, $"a draw of {t}", TypeChecker.Range.NonNegative);
        }

        CouponRules.CheckMarginTerms(tranche.StepUps, tranche.MarginGrid, checker, t);
        checker.Term(tranche.DrawsAgainst?.Advance, Unit.Rate, $"the advance rate of {t}", TypeChecker.Range.Any);
        checker.Term(tranche.ClassMargin?.InvestmentGrade, Unit.Rate, $"the investment-grade margin of {t}", TypeChecker.Range.Any);
        checker.Term(tranche.ClassMargin?.Else, Unit.Rate, $"the 'else' margin of {t}", TypeChecker.Range.Any);

        // A borrowing base: evaluated at the period's start, with the tranche's scheduled principal.
        checker.Value(tranche.TargetBalance, Unit.Money, new ExpressionContext(ContextKind.PeriodStart, $"the target balance of {t}"));
    }

    private static IEnumerable<SchedulePointSyntax> DrawPoints(TrancheSyntax tranche) => SyntaxWalk.Safe(tranche.Draws?.Points ?? []);

    // A coupon is a rate. One that folds to a constant is fixed (and may not be negative unless floored); one that
    // reads deal state (an index, a balance) floats, evaluated at each period's start (docs/language.md, tranche).
    private static void CheckCoupon(TrancheSyntax tranche, TypeChecker checker, string t) =>
        CouponRules.CheckTerms(checker, tranche.Coupon, tranche.CouponFloor, tranche.CouponCap, t);

    /// <summary>Whether the tranche's coupon floats (it reads deal state) or steps up: it is worked out each period.</summary>
    internal static bool Floats(TrancheSyntax tranche, DealAnalysis analysis) =>
        CouponRules.Floats(tranche.Coupon, tranche.StepUps, tranche.MarginGrid, analysis)
        || (analysis.BoundOf(tranche.Coupon) is not null && tranche.ClassMargin is not null);

    // A delayed draw: draws, an availability date and a fee need a commitment; draws in date order, within the deal
    // and the availability period; the closing balance and the draws within the commitment; paying the fee needs one.
    private static void CheckDelayedDraw(TrancheSyntax tranche, DealChecks checks, string name)
    {
        DiagnosticBag diagnostics = checks.Diagnostics;
        if (tranche.Commitment is null)
        {
            if (tranche.Draws is { } d)
            {
                diagnostics.Add(DiagnosticCatalogue.NeedsCommitment(d.Span, name, "'draws'"));
            }

            if (tranche.AvailableUntil is { } a)
            {
                diagnostics.Add(DiagnosticCatalogue.NeedsCommitment(a.Span, name, "'available until'"));
            }

            if (tranche.CommitmentFee is { } f)
            {
                diagnostics.Add(DiagnosticCatalogue.NeedsCommitment(f.Span, name, "a commitment fee"));
            }

            if (tranche.DrawsAgainst is { } against)
            {
                diagnostics.Add(DiagnosticCatalogue.NeedsCommitment(against.Span, name, "'draws against'"));
            }

            Symbol? self = checks.Analysis.Symbols.For(tranche);
            foreach (var (step, target) in checks.Analysis.PayTargets)
            {
                if (target.Kind == PayKind.CommitmentFee && self is not null && target.Symbol == self)
                {
                    diagnostics.Add(DiagnosticCatalogue.NeedsCommitment(step.Span, name, $"'pay {name}.commitment_fee'"));
                }
            }

            return;
        }

        checks.RequireWithinDeal(tranche.AvailableUntil, $"the end of the availability period of tranche '{name}'", checks.Maturity, "the deal's maturity");
        if (tranche.Draws is not { } draws)
        {
            return;
        }

        checks.CheckSchedule(draws.Points, draws.Span, $"the draws of tranche '{name}'");
        foreach (SchedulePointSyntax point in DrawPoints(tranche))
        {
            checks.RequireWithinDeal(point.Date, $"a draw date of tranche '{name}'", checks.Maturity, "the deal's maturity");
            if (tranche.AvailableUntil?.Value is { } until && point.Date?.Value is { } date && date > until)
            {
                diagnostics.Add(DiagnosticCatalogue.DrawAfterAvailability(point.Date.Span, name, date.ToString(), until.ToString()));
            }
        }

        var amounts = DrawPoints(tranche).Select(p => checks.Analysis.BoundOf(p.Amount)).Append(checks.Analysis.BoundOf(tranche.Balance)).ToList();
        if (checks.Analysis.BoundOf(tranche.Commitment) is ConstantExpression commitment
            && amounts.All(a => a is null or ConstantExpression))
        {
            double drawn = amounts.OfType<ConstantExpression>().Sum(a => a.Value);
            if (drawn > commitment.Value + 0.005 + (1e-12 * commitment.Value))
            {
                diagnostics.Add(DiagnosticCatalogue.DrawsAboveCommitment(draws.Span, name, drawn, commitment.Value));
            }
        }
    }

    protected override void CheckStructure(TrancheSyntax tranche, DealChecks checks)
    {
        DiagnosticBag diagnostics = checks.Diagnostics;
        string name = tranche.Name?.Text ?? "";
        if (tranche.Balance is null && tranche.Commitment is null)
        {
            checks.Missing(tranche, "a balance (e.g. 'balance 27.3bn')");
        }

        if (tranche.Coupon is null)
        {
            checks.Missing(tranche, "a coupon (e.g. 'coupon 6.581% fixed')");
        }

        checks.RequireWithinDeal(tranche.InterestOnlyUntil, $"the interest-only end of tranche '{name}'", checks.Maturity, "the deal's maturity");
        checks.RequireWithinDeal(tranche.Maturity, $"the maturity of tranche '{name}'", checks.Maturity, "the deal's maturity");
        CouponRules.CheckFloorBelowCap(checks, tranche.CouponFloor, tranche.CouponCap, $"tranche '{name}'");

        if (tranche.Amortization is { Kind: AmortizationKind.Level } level && Floats(tranche, checks.Analysis))
        {
            diagnostics.Add(DiagnosticCatalogue.LevelNeedsFixedCoupon(level.Span, $"tranche '{name}'"));
        }

        if (checks.Analysis.BoundOf(tranche.IssuePrice) is ConstantExpression { Value: <= 0 or > 2 } price)
        {
            diagnostics.Add(DiagnosticCatalogue.IssuePriceOutOfRange(tranche.IssuePrice!.Span, name, price.Value));
        }

        CouponRules.CheckMarginStructure(tranche.StepUps, tranche.MarginGrid, checks, $"tranche '{name}'");

        CheckDelayedDraw(tranche, checks, name);
        CheckConvertibleDates(tranche, checks, name);
        CheckResetDates(tranche, checks, name);
        CheckCallScheduleDates(tranche, checks, name);
        CheckDeliveryDraws(tranche, checks, name);
        CheckCommitmentFeePaid(tranche, checks, name);
        if (tranche.Guarantor is { } guarantor)
        {
            GuarantorRules.CheckStructure(guarantor, tranche, checks, checks.Closing);
        }

        GuarantorRules.CheckFeePaid(tranche, checks, name);

        if (tranche.Seniority is { Rank: < 1 } seniority)
        {
            diagnostics.Add(DiagnosticCatalogue.BadSeniority(seniority.Span, name, seniority.Rank));
        }

        if (tranche.Amortization is { Kind: AmortizationKind.Schedule } amortization)
        {
            ImmutableArray<SchedulePointSyntax> points = amortization.Schedule;
            checks.CheckSchedule(points, amortization.Span, $"the amortisation schedule of tranche '{name}'");
            Date? trancheMaturity = tranche.Maturity?.Value is { } tm && checks.Maturity is { } dm && tm <= dm ? tm : checks.Maturity;
            foreach (SchedulePointSyntax point in SyntaxWalk.Safe(points))
            {
                checks.RequireWithinDeal(point.Date, $"a scheduled principal date of tranche '{name}'", trancheMaturity, "the tranche's maturity");
            }

            // A schedule that does not add up to the balance is legal (the rest is due at maturity) but usually a typo.
            var amounts = SyntaxWalk.Safe(points).Select(p => checks.Analysis.BoundOf(p.Amount)).ToList();
            if (checks.Analysis.BoundOf(tranche.Balance) is ConstantExpression balance && amounts.Count > 0
                && amounts.All(a => a is ConstantExpression))
            {
                double scheduled = amounts.Sum(a => ((ConstantExpression)a!).Value);
                if (Math.Abs(scheduled - balance.Value) > 0.005 + (1e-12 * Math.Abs(balance.Value)))
                {
                    diagnostics.Add(DiagnosticCatalogue.ScheduleDoesNotRepay(amortization.Span, name, scheduled, balance.Value));
                }
            }
        }
    }
}
