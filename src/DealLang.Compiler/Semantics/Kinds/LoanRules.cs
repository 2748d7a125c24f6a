using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>loan MinerLoan { obligor Miner  balance 400m  coupon 11% fixed  amortize level  maturity DATE }</c>: a
/// receivable the deal owns, amortising as a tranche does, paid by a party that can default. Its coupon, with any
/// step-ups and margin grid, is checked by the tranche's rules (<see cref="CouponRules"/>).</summary>
internal sealed class LoanRules : DeclarationRules<LoanSyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Loan;

    // Every member is known from the period's start (2a of the loop: it depends only on the loan and its obligor's
    // default flag), so any expression may read it, an RVG's guarantee and a fee's amount included.
    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("balance", Quantity.LoanBalance, Unit.Money, false),
        new("interest", Quantity.LoanInterest, Unit.Money, true),
        new("principal", Quantity.LoanPrincipal, Unit.Money, true),
        new("recovery", Quantity.LoanRecovery, Unit.Money, true),
        new("loss", Quantity.LoanLoss, Unit.Money, true),
        new("defaulted", Quantity.LoanDefaulted, Unit.Bool, false),
        new("coupon", Quantity.LoanCoupon, Unit.Rate, false),
    ]);

    protected override void Bind(LoanSyntax loan, Binder binder)
    {
        binder.RequireKind(loan.Obligor, SymbolKind.Party, $"the obligor of loan '{loan.Name?.Text}' must be a party");
        binder.BindTerms(loan.Balance, loan.Coupon, loan.CouponFloor, loan.CouponCap, loan.Recovery, loan.RecoveryAccrual?.Rate, loan.DefaultInterest);
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(loan.Amortization?.Schedule ?? []))
        {
            binder.BindTerms(point.Amount);
        }

        foreach (ExpressionSyntax share in loan.RecoveryInstalments?.Shares ?? [])
        {
            binder.BindTerms(share);
        }

        CouponRules.BindMargins(loan.StepUps, loan.MarginGrid, binder, $"loan '{loan.Name?.Text}'");
    }

    protected override void CheckTerms(LoanSyntax loan, TypeChecker checker)
    {
        string l = $"loan '{loan.Name?.Text}'";
        checker.Term(loan.Balance, Unit.Money, $"the balance of {l}", TypeChecker.Range.NonNegative);
        CouponRules.CheckTerms(checker, loan.Coupon, loan.CouponFloor, loan.CouponCap, l);
        CouponRules.CheckMarginTerms(loan.StepUps, loan.MarginGrid, checker, l);
        CheckCouponReadsNoLoanCoupon(loan, checker);
        checker.Term(loan.Recovery, Unit.Rate, $"the recovery of {l}", TypeChecker.Range.Fraction);
        checker.Term(loan.RecoveryAccrual?.Rate, Unit.Rate, $"the rate the recovery claim of {l} accrues at", TypeChecker.Range.NonNegative);
        checker.Term(loan.DefaultInterest, Unit.Rate, $"the default interest of {l}", TypeChecker.Range.NonNegative);
        foreach (ExpressionSyntax share in loan.RecoveryInstalments?.Shares ?? [])
        {
            checker.Term(share, Unit.Rate, $"a recovery instalment's share of the claim of {l}", TypeChecker.Range.Fraction);
        }
        // A schedule of shares of the original balance (its first amount a rate) or of amounts, not both.
        bool shares = loan.Amortization is { InShares: true };
        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(loan.Amortization?.Schedule ?? []))
        {
            if (shares)
            {
                checker.Term(point.Amount, Unit.Rate, $"a scheduled share of the balance of {l}", TypeChecker.Range.Fraction);
            }
            else
            {
                checker.Term(point.Amount, Unit.Money, $"a scheduled principal amount of {l}", TypeChecker.Range.NonNegative);
            }
        }
    }

    // The loans' coupons are reset one after another in 2a, so one that read a loan's coupon (its own included) would
    // read a rate not yet worked out (DL0798). A tranche's coupon may read one: the loans' come first.
    private static void CheckCouponReadsNoLoanCoupon(LoanSyntax loan, TypeChecker checker)
    {
        if (checker.Analysis.BoundOf(loan.Coupon) is not { } rate)
        {
            return;
        }

        foreach (var node in BoundExpressionWalk.PreOrder(rate))
        {
            if (node is QuantityExpression { Quantity: Quantity.LoanCoupon } read)
            {
                var loans = checker.Analysis.Symbols.OfKind(SymbolKind.Loan);
                string readName = read.Index < loans.Count ? loans[read.Index].Name : "";
                checker.Diagnostics.Add(DiagnosticCatalogue.LoanCouponReadsLoanCoupon(loan.Coupon!.Span, loan.Name?.Text ?? "", readName));
                return;
            }
        }
    }

    // 'amortize level semiannual': a frequency word as the header's (DL0447), only after level or linear (DL0447). Any
    // of them is allowed on any deal: 1, 3, 6 and 12 months divide one another in that order, so a finer one falls a
    // whole number of times in each of the deal's periods (its interest follows the balance through them, lowered in
    // LoanInstalments) and a coarser one is a whole number of the deal's periods.
    private static void CheckAmortizationFrequency(LoanSyntax loan, string name, DealChecks checks)
    {
        if (loan.AmortizationFrequency is not { } word || loan.Amortization is not { } amortization)
        {
            return;
        }

        string kind = amortization.Kind.ToString().ToLowerInvariant();
        bool known = Frequencies.TryParse(word.Text, out _);
        if (!known || amortization.Kind is not (AmortizationKind.Level or AmortizationKind.Linear))
        {
            string? suggestion = known ? null : NameSuggestions.Closest(word.Text, ["monthly", "quarterly", "semiannual", "annual"]);
            checks.Diagnostics.Add(DiagnosticCatalogue.AmortizationFrequencyUnknown(word.Span, name, word.Text ?? "", kind, suggestion));
        }
    }

    // 'recovery 40% after 18m': whole months as any lag (DL0313, DL0314), at most the longest workout a run covers
    // (DL0490), and counted in whole periods from the default period, rounded up (DL0489 when that rounds).
    private static void CheckRecoveryLag(LoanSyntax loan, string name, DealChecks checks)
    {
        if (loan.RecoveryLag is not { } lag)
        {
            return;
        }

        int months = checks.MonthsOf(lag, $"the recovery lag of loan '{name}'");
        if (DurationRules.Months(lag) > DurationRules.MaxWorkoutMonths)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryLagBeyondWorkout(lag.Span, name, lag.Text ?? "", DurationRules.MaxWorkoutMonths / 12));
            return;
        }

        int perPeriod = checks.Analysis.MonthsPerPeriod;
        if (months > 0 && checks.Analysis.Frequency is { } frequency && months % perPeriod != 0)
        {
            int periods = DurationRules.LagPeriods(months, perPeriod);
            checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryLagNotWholePeriods(
                lag.Span, name, lag.Text ?? "", Frequencies.Name(frequency), periods, periods * perPeriod));
        }
    }

    // 'in 4 instalments': one a period from the lag's end (or at their own frequency, 'in 8 instalments monthly'), the last within the longest workout a run covers (DL0498);
    // 'accruing' needs a claim held for at least one period after the default, a lag or instalments (DL0499).
    private static void CheckRecoveryWorkout(LoanSyntax loan, string name, DealChecks checks)
    {
        int perPeriod = checks.Analysis.MonthsPerPeriod;
        int lagPeriods = DurationRules.LagPeriods(DurationRules.WholeMonths(loan.RecoveryLag), perPeriod);
        // A lag beyond the longest workout is DL0490 already; in long arithmetic, as a count may be any int.
        bool lagWithin = loan.RecoveryLag is null || DurationRules.Months(loan.RecoveryLag) <= DurationRules.MaxWorkoutMonths;
        if (loan.RecoveryInstalments is { } instalments && lagWithin)
        {
            long lastMonths = (lagPeriods + instalments.Periods(perPeriod) - 1) * perPeriod;
            if (lastMonths > DurationRules.MaxWorkoutMonths)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryInstalmentsBeyondWorkout(
                    instalments.Span, name, instalments.Count, (int)Math.Min(lastMonths, int.MaxValue), DurationRules.MaxWorkoutMonths / 12));
            }
        }

        // 'in 8 instalments monthly': a frequency word as the header's (DL0568), spacing more than one part (DL0569).
        if (loan.RecoveryInstalments is { Frequency: { } word } spaced)
        {
            if (!Frequencies.TryParse(word.Text, out _))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryFrequencyUnknown(word.Span, name, word.Text ?? "",
                    NameSuggestions.Closest(word.Text, ["monthly", "quarterly", "semiannual", "annual"])));
            }
            else if (spaced.Count == 1)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryFrequencyOfOnePart(word.Span, name, word.Text ?? ""));
            }
        }

        // 'in instalments { 50% 30% 20% }': shares of the claim, received whole (DL0449).
        if (loan.RecoveryInstalments is { Listed: true } parts)
        {
            double total = parts.Shares.Sum(share => checks.Analysis.ConstantOf(share, 0));
            if (Math.Abs(total - 1) > 1e-9)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryInstalmentSharesNotWhole(parts.Span, name, total));
            }
        }

        if (loan.RecoveryAccrual is { } accrual && loan.RecoveryLag is null && (loan.RecoveryInstalments?.Count ?? 1) <= 1)
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.RecoveryAccrualWithoutWorkout(accrual.Span, name));
        }
    }

    // 'default_interest +2%' acts on what the obligor owes during a workout: the rate of a claim 'accruing coupon', and
    // the cap on one accruing at a stated rate; and on the arrears of a scenario's partial payments ('L pays 60% from …'),
    // which bear the coupon plus it (docs/language.md §10, "Partial payments"). Without 'accruing', and no scenario of
    // the compilation having the loan pay in part, nothing reads it (DL0433, a warning: a term read by nothing in this run; not an error, since a scenarios file given with the
    // deal another time may have the loan pay in part); with
    // 'accruing 8%' it moves only the cap, which a reader may not expect (DL0434, a warning).
    private static void CheckDefaultInterest(LoanSyntax loan, string name, DealChecks checks)
    {
        if (loan.DefaultInterest is not { } margin)
        {
            return;
        }

        if (loan.RecoveryAccrual is null && !PaysInPart(name, checks))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DefaultInterestWithoutAccrual(margin.Span, name));
        }
        else if (loan.RecoveryAccrual is { Rate: { } rate })
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.DefaultInterestWithStatedAccrual(
                margin.Span, name, checks.Analysis.ConstantOf(rate, 0), checks.Analysis.ConstantOf(margin, 0)));
        }
    }

    // Whether a scenario of the compilation has the loan pay in part: its arrears then bear the default interest.
    private static bool PaysInPart(string name, DealChecks checks) =>
        SyntaxWalk.Safe(checks.Analysis.Scenarios).Any(scenario => SyntaxWalk.Safe(scenario.Items)
            .Any(item => item is LoanPaysSyntax { Loan.Text: var loan } && loan == name));

    // A schedule's shares are of the original balance and take at most all of it (DL0435), its amounts at most the
    // balance (DL0446): the rest, if any, is due at the maturity, as a bullet. A date in a period ending on or before the interest-only end falls in a period that pays no
    // principal, so its amount would be dropped (DL0436); one inside the period the interest-only end falls in is paid.
    private static void CheckScheduleTerms(LoanSyntax loan, AmortizationSyntax amortization, string name, DealChecks checks)
    {
        var points = SyntaxWalk.Safe(amortization.Schedule);
        if (amortization.InShares)
        {
            double total = points.Sum(p => checks.Analysis.ConstantOf(p.Amount, 0));
            if (total > 1 + 1e-12)
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ScheduleSharesAboveBalance(amortization.Span, name, total));
            }
        }
        else if (loan.Balance is not null)
        {
            // Amounts are money: a loan is never drawn further, so they may take at most its balance (DL0446).
            double total = points.Sum(p => checks.Analysis.ConstantOf(p.Amount, 0));
            double balance = checks.Analysis.ConstantOf(loan.Balance, 0);
            if (total > balance * (1 + 1e-12))
            {
                checks.Diagnostics.Add(DiagnosticCatalogue.ScheduleAmountsAboveBalance(amortization.Span, name, total, balance));
            }
        }

        if (loan.InterestOnlyUntil?.Value is { } until)
        {
            foreach (SchedulePointSyntax point in points)
            {
                // Placed as the lowering places them, each date as it is paid (DealAnalysis.PaidOn).
                if (point.Date?.Value is { } date && checks.PeriodEndOf(checks.Analysis.PaidOn(date)) is { } end && end <= checks.Analysis.PaidOn(until))
                {
                    checks.Diagnostics.Add(DiagnosticCatalogue.ScheduledPrincipalWhileInterestOnly(point.Date.Span, name, date.ToString(), until.ToString()));
                }
            }
        }
    }

    protected override void CheckStructure(LoanSyntax loan, DealChecks checks)
    {
        string name = loan.Name?.Text ?? "";
        if (loan.Obligor is null)
        {
            checks.Missing(loan, "an obligor (e.g. 'obligor Miner')");
        }

        if (loan.Balance is null)
        {
            checks.Missing(loan, "a balance (e.g. 'balance 400m')");
        }

        if (loan.Coupon is null)
        {
            checks.Missing(loan, "a coupon (e.g. 'coupon 11% fixed')");
        }

        CouponRules.CheckFloorBelowCap(checks, loan.CouponFloor, loan.CouponCap, $"loan '{name}'");
        CouponRules.CheckMarginStructure(loan.StepUps, loan.MarginGrid, checks, $"loan '{name}'");
        if (loan.Amortization is { Kind: AmortizationKind.Level } level
            && CouponRules.Floats(loan.Coupon, loan.StepUps, loan.MarginGrid, checks.Analysis))
        {
            checks.Diagnostics.Add(DiagnosticCatalogue.LevelNeedsFixedCoupon(level.Span, $"loan '{name}'"));
        }

        CheckAmortizationFrequency(loan, name, checks);
        CheckRecoveryLag(loan, name, checks);
        CheckRecoveryWorkout(loan, name, checks);
        CheckDefaultInterest(loan, name, checks);

        // Unlike a tranche's, a loan's maturity is required: it is the obligor's term, not the deal's.
        if (loan.Maturity is null)
        {
            checks.Missing(loan, "a maturity (e.g. 'maturity 2030-06-30')");
        }

        checks.RequireWithinDeal(loan.Maturity, $"the maturity of loan '{name}'", checks.Maturity, "the deal's maturity");
        Date? loanMaturity = loan.Maturity?.Value is { } lm && checks.Maturity is { } dm && lm <= dm ? lm : checks.Maturity;
        checks.RequireWithinDeal(loan.InterestOnlyUntil, $"the interest-only end of loan '{name}'", loanMaturity, "the loan's maturity");
        if (loan.Amortization is { Kind: AmortizationKind.Schedule } amortization)
        {
            checks.CheckSchedule(amortization.Schedule, amortization.Span, $"the amortisation schedule of loan '{name}'");
            foreach (SchedulePointSyntax point in SyntaxWalk.Safe(amortization.Schedule))
            {
                checks.RequireWithinDeal(point.Date, $"a scheduled principal date of loan '{name}'", loanMaturity, "the loan's maturity");
            }

            CheckScheduleTerms(loan, amortization, name, checks);
        }
    }
}
