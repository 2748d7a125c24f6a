using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A tranche as a <see cref="TrancheModel"/>: a fixed or floating coupon (<see cref="Coupon"/>), interest in cash or
/// in kind, funded at closing. Defaults: bullet, the deal's
/// maturity, seniority by declaration order (1 = first tranche). The amortisation and the maturity period (the one
/// whose end is on or after the maturity) are <see cref="AmortizationLowering"/>'s, shared with the loan.
/// </summary>
internal sealed class TrancheLowering : DeclarationLowering<TrancheSyntax, TrancheModel>
{
    public override DeclarationKind Kind => DeclarationKind.Tranche;

    protected override TrancheModel Lower(TrancheSyntax tranche, Symbol symbol, int index, Lowerer lowerer)
    {
        Date maturity = tranche.Maturity?.Value ?? lowerer.DealMaturity;
        return new TrancheModel(
            Name: symbol.Name,
            Index: index,
            Balance: lowerer.ConstantOf(tranche.Balance),
            Coupon: Coupon(tranche, lowerer),
            Amortization: AmortizationLowering.Lower(tranche.Amortization, tranche.InterestOnlyUntil?.Value, lowerer),
            Draw: Draw(tranche, lowerer),
            Maturity: maturity,
            MaturityPeriod: AmortizationLowering.MaturityPeriod(lowerer, maturity),
            Seniority: DealChecks.SeniorityOf(symbol),
            Capitalisation: tranche.Pik is { Unpaid: true } ? new UnpaidCapitalises()
                : tranche.Pik is { } pik
                ? new PaidInKind(pik.Share is null ? 1.0 : lowerer.ConstantOf(pik.Share), lowerer.BoundOf(pik.Condition))
                : new CashInterest(),
            IssuePrice: tranche.IssuePrice is null ? 1.0 : lowerer.ConstantOf(tranche.IssuePrice),
            TargetBalance: lowerer.BoundOf(tranche.TargetBalance))
        {
            Conversion = tranche.Convertible is { } c && lowerer.BoundOf(c.SharePrice) is { } share
                ? new ConversionModel(lowerer.ConstantOf(c.Price), share, c.EarlyAbove is null ? null : lowerer.ConstantOf(c.EarlyAbove))
                {
                    // A put is decided at the start of the period that ends on or after the day its date is paid
                    // (Lowerer.PaymentPeriodOf: with business days a put on a quarter end is that quarter's), and paid at its end.
                    Puts = [.. SyntaxWalk.Safe(c.Puts).Where(p => p.Date is not null).Select(p =>
                        new PutModel(p.Date!.Value, Math.Max(0, lowerer.PaymentPeriodOf(p.Date.Value)), lowerer.ConstantOf(p.Price)))],
                    // The call runs from the first period that starts on or after the day its date is paid.
                    Call = c.Call is { From: { } from } call
                        ? new CallModel(from.Value, lowerer.PaymentPeriodOf(from.Value) + 1, lowerer.ConstantOf(call.Above))
                        : null,
                    // Each reset is made at the start of the period holding the day its date is paid, as a put is decided
                    // (two in one period are one).
                    Reset = tranche.Reset is { } reset
                        ? new ResetModel([.. SyntaxWalk.Safe(reset.Dates).Select(d => d.Value)],
                            [.. SyntaxWalk.Safe(reset.Dates).Select(d => Math.Max(0, lowerer.PaymentPeriodOf(d.Value))).Distinct()],
                            lowerer.ConstantOf(reset.Ratio), lowerer.ConstantOf(reset.Floor))
                        : null,
                }
                : null,
            Completion = lowerer.BoundOf(tranche.Completion),
            CalledByScenario = tranche.Convertible is null && IsCalledByAScenario(symbol.Name, lowerer),
            CallSchedule = CallSchedule(tranche, lowerer),
        };
    }

    /// <summary>The call schedule's steps in their (increasing, DL0563) order and its make-whole rate or curve (its
    /// points in increasing tenor, DL0589, each tenor in years); null without a schedule (or, after an error, without a
    /// step).</summary>
    internal static CallScheduleModel? CallSchedule(TrancheSyntax tranche, Lowerer lowerer) =>
        tranche.CallSchedule is { } schedule && SyntaxWalk.Safe(schedule.Steps).Where(s => s.From is not null).ToImmutableArray() is { IsEmpty: false } steps
            ? new CallScheduleModel([.. steps.Select(s => new CallStep(s.From!.Value, lowerer.ConstantOf(s.Price)))], lowerer.BoundOf(schedule.MakeWhole))
            {
                Curve = [.. SyntaxWalk.Safe(schedule.Curve).Where(p => p.Tenor is not null && p.Rate is not null)
                    .Select(p => new MakeWholePoint(DurationRules.Months(p.Tenor!) / 12.0, lowerer.BoundOf(p.Rate)!))],
                CurveSpread = schedule.CurveSpread is null ? 0.0 : lowerer.ConstantOf(schedule.CurveSpread),
            }
            : null;

    /// <summary>Whether some scenario of the deal calls the tranche (<c>T called on DATE</c> or <c>T called when ...</c>): only then does a plain
    /// tranche read the call's inputs and carry the redemption's state, so a deal that never calls one keeps its code.</summary>
    private static bool IsCalledByAScenario(string name, Lowerer lowerer) =>
        SyntaxWalk.Safe(lowerer.Analysis.Scenarios).Any(s => SyntaxWalk.Safe(s.Items).Any(item => item switch
        {
            TrancheCalledSyntax c => c.Tranche?.Text == name,
            TrancheCalledWhenSyntax w => w.Tranche?.Text == name, // the same gate: a call decided in the run reads the same inputs
            _ => false,
        }));

    /// <summary>Funded at closing, or a delayed draw: each dated draw in the period containing the day its date is paid
    /// (<see cref="Lowerer.PaymentPeriodOf"/>, as a schedule's amounts land), available until the period containing the
    /// day the availability date is paid (the last draw's period without one). A draw against a delivery stays in the
    /// period holding the delivery date, where the fleet receives the units it funds.</summary>
    private static DrawModel Draw(TrancheSyntax tranche, Lowerer lowerer)
    {
        if (tranche.Commitment is null)
        {
            return new FundedAtClosing();
        }

        var draws = new double[lowerer.Boundaries.Length - 1];
        var investmentGrade = new double[draws.Length];
        int lastDraw = -1;
        DeliveryDraws? against = null;
        if (tranche.DrawsAgainst is { Fleet: { } fleetName } delivery && lowerer.Analysis.Names.TryGetValue(fleetName, out Symbol? fleetSymbol)
            && fleetSymbol.Declaration is FleetSyntax fleet)
        {
            // Worked out here, once: each batch's draw lands in the period containing its delivery date (a delivery
            // on the closing, in the first period).
            against = new DeliveryDraws(lowerer.IndexOfName(delivery.Fleet), lowerer.ConstantOf(delivery.Advance));
            var inputs = DeliveryFunding.Inputs(fleet, DeliveryFunding.ContractsOn(lowerer.Analysis.Deal, fleet.Name.Text), lowerer.Closing,
                e => lowerer.ConstantOf(e), c => IsInvestmentGrade(c, lowerer))!.Value;
            foreach (DeliveryFunding.Draw draw in DeliveryFunding.Draws(inputs.Batches, inputs.Contracts, against.Advance))
            {
                int period = Math.Max(0, Schedule.PeriodIndexOf(lowerer.Boundaries, draw.Date));
                if (period < draws.Length)
                {
                    draws[period] += draw.Amount;
                    investmentGrade[period] += draw.InvestmentGrade;
                    lastDraw = Math.Max(lastDraw, period);
                }
            }
        }

        foreach (SchedulePointSyntax point in SyntaxWalk.Safe(tranche.Draws?.Points ?? []))
        {
            int period = point.Date is null ? -1 : lowerer.PaymentPeriodOf(point.Date.Value);
            if (period >= 0 && period < draws.Length)
            {
                draws[period] += lowerer.ConstantOf(point.Amount);
                lastDraw = Math.Max(lastDraw, period);
            }
        }

        // The last draw's period is the period of the latest draw's date (the periods rise with the dates).
        int untilPeriod = tranche.AvailableUntil?.Value is { } u ? Math.Clamp(lowerer.PaymentPeriodOf(u), 0, draws.Length - 1)
            : lastDraw >= 0 ? Math.Min(lastDraw, draws.Length - 1) : -1;
        return new DelayedDraw(lowerer.ConstantOf(tranche.Commitment), [.. draws], untilPeriod,
            tranche.CommitmentFee is null ? 0.0 : lowerer.ConstantOf(tranche.CommitmentFee))
        {
            InvestmentGradeDraws = tranche.ClassMargin is null ? [] : [.. investmentGrade],
            Against = against,
        };
    }

    /// <summary>Whether a contract's customer is investment grade (<see cref="CreditRatings"/>; an unreadable rating
    /// was reported, DL0216, when a margin needs it).</summary>
    private static bool IsInvestmentGrade(ContractSyntax contract, Lowerer lowerer) =>
        contract.Customer is { } customer && lowerer.Analysis.Names.TryGetValue(customer, out Symbol? party)
        && party.Declaration is PartySyntax p && CreditRatings.IsInvestmentGrade(p.Rating?.Value) == true;

    /// <summary>The coupon's terms (<see cref="CouponLowering"/>) with the tranche's step-ups and margins.</summary>
    private static CouponModel Coupon(TrancheSyntax tranche, Lowerer lowerer)
    {
        ClassMargins? classes = tranche.ClassMargin is { } m
            ? new ClassMargins(lowerer.ConstantOf(m.InvestmentGrade), lowerer.ConstantOf(m.Else))
            : null;
        return CouponLowering.Lower(tranche.Coupon, tranche.CouponFloor, tranche.CouponCap, tranche.StepUps, tranche.MarginGrid, lowerer, classes);
    }
}
