using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A lease as a <see cref="LeaseModel"/> (the runtime's <see cref="LeaseInfo"/> and the RVG's guaranteed
/// amount). Defaults: escalator 0, no renewals, RVG until the deal's maturity, an RVG guaranteeing its cap, rent in
/// equal instalments per regular period (no day count of its own), no termination fee (in the initial term or the
/// renewal terms).</summary>
internal sealed class LeaseLowering : DeclarationLowering<LeaseSyntax, LeaseModel>
{
    public override DeclarationKind Kind => DeclarationKind.Lease;

    protected override LeaseModel Lower(LeaseSyntax lease, Symbol symbol, int index, Lowerer lowerer)
    {
        RvgSyntax? rvg = lease.Rvg;
        double cap = rvg is null ? 0 : lowerer.ConstantOf(rvg.Cap);
        IReadOnlyList<ExpressionSyntax> fees = lease.Renewals?.TerminationFees ?? [];
        var info = new LeaseInfo(
            Name: symbol.Name,
            Facility: lowerer.IndexOfName(lease.Facility),
            Lessee: lowerer.IndexOfName(lease.Lessee),
            RentPerYear: lowerer.ConstantOf(lease.Rent),
            Escalator: lowerer.ConstantOf(lease.Escalator),
            Start: lease.Starts?.Value ?? lowerer.Closing,
            TermMonths: DurationRules.WholeMonths(lease.Term),
            RenewalCount: lease.Renewals?.Count ?? 0,
            RenewalTermMonths: DurationRules.WholeMonths(lease.Renewals?.Term),
            RenewalAtMarket: lease.Renewals?.RentAtMarket ?? false,
            RvgUntil: rvg is null ? null : rvg.Until?.Value ?? lowerer.DealMaturity,
            RvgCap: cap,
            RentDayCount: DayCounts.TryParse(lease.DayCount?.Text, out DayCount dayCount) ? dayCount : null,
            TerminationFee: lowerer.ConstantOf(lease.TerminationFee),
            FeeAmortising: lease.FeeAmortising,
            FeeFloor: lowerer.ConstantOf(lease.FeeFloor))
        {
            BreakMonths = [.. (lease.BreakOption?.At ?? []).Select(at => DurationRules.WholeMonths(at))],
            BreakFeeMonths = lease.BreakOption?.FeeMonths is { } months ? DurationRules.Months(months) : 0,
            BreakFeeAmount = lowerer.ConstantOf(lease.BreakOption?.FeeAmount),
            BreakNoticeMonths = DurationRules.WholeMonths(lease.BreakOption?.Notice),
            RenewalBreakMonths = [.. (lease.Renewals?.BreakOption?.At ?? []).Select(at => DurationRules.WholeMonths(at))],
            RenewalBreakFeeMonths = lease.Renewals?.BreakOption?.FeeMonths is { } renewalMonths ? DurationRules.Months(renewalMonths) : 0,
            RenewalBreakFeeAmount = lowerer.ConstantOf(lease.Renewals?.BreakOption?.FeeAmount),
            RenewalBreakNoticeMonths = DurationRules.WholeMonths(lease.Renewals?.BreakOption?.Notice),
            BreakOwesRvg = lease.BreakOption?.WithRvg is not null,
            RenewalBreakOwesRvg = lease.Renewals?.BreakOption?.WithRvg is not null,
            // One amount is every renewal term's (the C# of such a lease unchanged); one per term steps the fee.
            RenewalTerminationFee = fees.Count == 1 ? lowerer.ConstantOf(fees[0]) : 0,
            RenewalTerminationFeeByTerm = fees.Count > 1 ? [.. fees.Select(fee => lowerer.ConstantOf(fee))] : [],
            RenewalFeeAmortising = lease.Renewals?.FeeAmortising ?? false,
            RenewalFeeFloor = lowerer.ConstantOf(lease.Renewals?.FeeFloor),
            RvgRemarketing = rvg?.Remarketing is not null,
            RemarketingCost = lowerer.ConstantOf(rvg?.Remarketing?.Cost),
        };
        BoundExpression? guarantees = rvg is null ? null : lowerer.BoundOf(rvg.Guarantees) ?? new ConstantExpression(cap, Unit.Money);
        return new LeaseModel(info, guarantees, lease.Phased is null ? null : lowerer.IndexOfName(lease.Phased),
            lease.Indexed is null ? null : lowerer.IndexOfName(lease.Indexed))
        {
            Indexation = Indexation(lease.Indexation, lowerer),
            BreakRvg = BreakRvg(lease.BreakOption, lowerer),
            RenewalBreakRvg = BreakRvg(lease.Renewals?.BreakOption, lowerer),
        };
    }

    // 'with rvg guarantees 90m cap 20m': the break's own amount and cap (each the lease's where not written); null
    // when the break states neither, so the RVG it owes is the lease's.
    private static BreakRvgTerms? BreakRvg(BreakOptionSyntax? option, Lowerer lowerer) =>
        option is { WithRvg: not null, RvgTerms: { } terms } && (terms.Guarantees ?? terms.Cap) is not null
            ? new BreakRvgTerms(terms.Guarantees is null ? null : lowerer.BoundOf(terms.Guarantees), terms.Cap is null ? null : lowerer.ConstantOf(terms.Cap))
            : null;

    // 'yearly floor 1% cap 4% lag 3m' (each part checked: DL0494-DL0497): the lag in months and in the deal's periods.
    private static RentIndexation Indexation(IndexationSyntax? terms, Lowerer lowerer)
    {
        if (terms is null)
        {
            return RentIndexation.EveryPeriod;
        }

        int lag = DurationRules.WholeMonths(terms.Lag);
        return new RentIndexation(
            terms.Yearly is not null,
            terms.Floor is null ? null : lowerer.ConstantOf(terms.Floor),
            terms.Cap is null ? null : lowerer.ConstantOf(terms.Cap),
            lag,
            lag / Frequencies.MonthsPerPeriod(lowerer.Frequency));
    }
}
