using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A loan as a <see cref="LoanModel"/>. Defaults: bullet; the recovery is the obligor's (<c>party … recovery</c>,
/// itself 0 when not stated), received in the default period, or after a workout lag (<c>after 18m</c>, in whole periods
/// rounded up), accruing (<c>accruing 8%</c>, <c>accruing coupon</c>, the coupon plus any <c>default_interest</c>) and in
/// instalments as stated. The coupon (with its step-ups and margin grid), the maturity (required) and amortisation are
/// lowered as a tranche's (<see cref="CouponLowering"/>, <see cref="AmortizationLowering"/>), a schedule of shares of
/// the balance as the amounts they are of it, level or linear instalments at the loan's own frequency as the amounts
/// each period receives (<see cref="LoanInstalments"/>).
/// </summary>
internal sealed class LoanLowering : DeclarationLowering<LoanSyntax, LoanModel>
{
    public override DeclarationKind Kind => DeclarationKind.Loan;

    protected override LoanModel Lower(LoanSyntax loan, Symbol symbol, int index, Lowerer lowerer)
    {
        Date maturity = loan.Maturity?.Value ?? lowerer.DealMaturity;
        int obligor = lowerer.IndexOfName(loan.Obligor);
        double balance = lowerer.ConstantOf(loan.Balance);
        double recovery = loan.Recovery is not null
            ? lowerer.ConstantOf(loan.Recovery)
            : ObligorRecovery(loan.Obligor, lowerer);
        CouponModel coupon = CouponLowering.Lower(loan.Coupon, loan.CouponFloor, loan.CouponCap, loan.StepUps, loan.MarginGrid, lowerer);
        return new LoanModel(
            Name: symbol.Name,
            Index: index,
            Obligor: obligor,
            Balance: balance,
            Coupon: coupon,
            Amortization: Amortization(loan, lowerer, balance, coupon, maturity),
            Maturity: maturity,
            MaturityPeriod: AmortizationLowering.MaturityPeriod(lowerer, maturity),
            Recovery: recovery)
        {
            RecoveryFromObligor = loan.Recovery is null,
            RecoveryLagPeriods = loan.RecoveryLag is { } lag
                ? DurationRules.LagPeriods(DurationRules.WholeMonths(lag), lowerer.MonthsPerPeriod)
                : 0,
            RecoveryAccrualRate = loan.RecoveryAccrual?.Rate is { } accrual ? lowerer.ConstantOf(accrual) : 0,
            RecoveryAccruesAtCoupon = loan.RecoveryAccrual is { AtCoupon: true },
            RecoveryInstalments = RecoveryPeriods(loan.RecoveryInstalments, lowerer),
            RecoveryShares = RecoveryShares(loan.RecoveryInstalments, lowerer),
            RecoveryFrequency = loan.RecoveryInstalments is { Count: > 1 } parts && Frequencies.TryParse(parts.Frequency?.Text, out Frequency every)
                && Frequencies.MonthsPerPeriod(every) != lowerer.MonthsPerPeriod ? (every, parts.Count) : null,
            DefaultInterest = loan.DefaultInterest is { } margin ? lowerer.ConstantOf(margin) : 0,
        };
    }

    /// <summary>The periods the recovery instalments are received over: their count, one a period, unless they are at
    /// a frequency other than the deal's (<see cref="RecoveryInstalmentsSyntax.Periods"/>).</summary>
    private static int RecoveryPeriods(RecoveryInstalmentsSyntax? instalments, Lowerer lowerer) =>
        instalments is null ? 1 : (int)instalments.Periods(lowerer.MonthsPerPeriod);

    /// <summary>
    /// Unequal instalments' shares of the claim, one a period (empty for equal parts; one share is the claim received
    /// whole, as 'in 1 instalment'). At a frequency of <c>m</c> months other than the deal's (<c>in 8 instalments
    /// monthly</c>, docs/language.md §5 "loan"), part <c>j</c> (each 1/N, or its listed share) is dated <c>j × m</c> months
    /// after the first, received at the end of the deal period it falls in, ⌈j × m / the deal's months⌉ periods after
    /// the first: each period's share is the sum of its parts' (0 in a period without one: a coarser frequency), so the
    /// run receives them as unequal instalments, one a period, each its share of what is left.
    /// </summary>
    private static ImmutableArray<double> RecoveryShares(RecoveryInstalmentsSyntax? instalments, Lowerer lowerer)
    {
        if (instalments is not { Count: > 1 })
        {
            return [];
        }

        ImmutableArray<double> parts = instalments.Shares.IsEmpty
            ? []
            : [.. instalments.Shares.Select(share => lowerer.ConstantOf(share))];
        int dealMonths = lowerer.MonthsPerPeriod;
        if (!Frequencies.TryParse(instalments.Frequency?.Text, out Frequency every) || Frequencies.MonthsPerPeriod(every) == dealMonths)
        {
            return parts;
        }

        int months = Frequencies.MonthsPerPeriod(every);
        var shares = new double[RecoveryPeriods(instalments, lowerer)];
        for (int j = 0; j < instalments.Count; j++)
        {
            shares[((j * months) + dealMonths - 1) / dealMonths] += parts.IsEmpty ? 1.0 / instalments.Count : parts[j];
        }

        return [.. shares];
    }

    /// <summary>A tranche's amortisation, or level or linear instalments at the loan's own frequency
    /// (<c>amortize level semiannual</c>, <see cref="LoanInstalments"/>) from its interest-only end or the closing.</summary>
    private static AmortizationModel Amortization(LoanSyntax loan, Lowerer lowerer, double balance, CouponModel coupon, Date maturity)
    {
        Date? interestOnly = loan.InterestOnlyUntil?.Value;
        AmortizationModel tranches = AmortizationLowering.Lower(loan.Amortization, interestOnly, lowerer, balance);
        if (tranches is ScheduledAmortization scheduled)
        {
            return scheduled with { BeforeDefault = ScheduleBeforeDefault(loan.Amortization!, lowerer, balance, maturity) };
        }

        if (!Frequencies.TryParse(loan.AmortizationFrequency?.Text, out Frequency every)
            || loan.Amortization?.Kind is not (AmortizationKind.Level or AmortizationKind.Linear))
        {
            return tranches with { BeforeDefault = MaturityBeforeDefault(lowerer, balance, maturity) };
        }

        // The checks refused level on a coupon that is not fixed (DL0481).
        double levelRate = coupon is FixedCoupon f ? f.Rate : 0;
        return LoanInstalments.Lower(tranches.Name, every, balance, levelRate, lowerer.Closing, interestOnly ?? lowerer.Closing, maturity,
            lowerer.Analysis.DayCount ?? DayCount.Thirty360, DealPeriods.Of(lowerer), lowerer.MonthsPerPeriod) with
        {
            InterestOnlyUntil = tranches.InterestOnlyUntil,
            FirstPrincipalPeriod = tranches.FirstPrincipalPeriod,
        };
    }

    /// <summary>A bullet, or linear or level at the deal's frequency, pays principal at the periods' ends but its
    /// maturity, which may fall inside a period (a loan maturing on the 15th in a month-end deal): repaid then, it has
    /// not defaulted when its obligor defaults later in that period (<see cref="LoanInstalments.DatedInside"/>, the
    /// maturity as its only instalment, the whole balance left). Null when the maturity is a period's end or after the
    /// run's periods.</summary>
    private static DefaultPeriodInstalments? MaturityBeforeDefault(Lowerer lowerer, double balance, Date maturity) =>
        LoanInstalments.DatedInside(balance, [maturity], [balance], lowerer.Closing, DealPeriods.Of(lowerer),
            lowerer.Analysis.DayCount ?? DayCount.Thirty360);

    /// <summary>An uneven schedule's instalments dated inside the deal's periods, for a default after one of them
    /// (<see cref="LoanInstalments.DatedInside"/>): its dates within the run's periods in date order, each its amount (a
    /// share of the balance lent, or an amount), then the maturity's, the balance left, unless a date is the maturity.</summary>
    private static DefaultPeriodInstalments? ScheduleBeforeDefault(AmortizationSyntax schedule, Lowerer lowerer, double balance, Date maturity)
    {
        double scale = schedule.InShares ? balance : 1;
        var points = SyntaxWalk.Safe(schedule.Schedule)
            .Where(p => p.Date is not null && lowerer.PaymentPeriodOf(p.Date.Value) is var t && t >= 0 && t < lowerer.ScheduledPeriods)
            .Select(p => (Date: p.Date.Value, Amount: lowerer.ConstantOf(p.Amount) * scale))
            .OrderBy(p => p.Date)
            .ToList();
        if (points.Count == 0 || points[^1].Date < maturity)
        {
            points.Add((maturity, Math.Max(0, balance - points.Sum(p => p.Amount))));
        }

        return LoanInstalments.DatedInside(balance, [.. points.Select(p => p.Date)], [.. points.Select(p => p.Amount)], lowerer.Closing,
            DealPeriods.Of(lowerer), lowerer.Analysis.DayCount ?? DayCount.Thirty360);
    }

    /// <summary>The obligor's own recovery (0 when the party states none; the checks made the name a party).</summary>
    private static double ObligorRecovery(NameSyntax? obligor, Lowerer lowerer) =>
        lowerer.Analysis.Symbols.TryLookup(obligor?.Text, out Symbol symbol) && symbol.Declaration is PartySyntax party
            ? lowerer.ConstantOf(party.Recovery)
            : 0;
}
