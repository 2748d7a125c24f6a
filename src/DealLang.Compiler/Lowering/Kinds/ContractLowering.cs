using DealLang.Compiler.Semantics;
using DealLang.Compiler.Semantics.Kinds;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>
/// A contract as the runtime's <see cref="ContractInfo"/>. Its price becomes an index (−1 for none) and a spread:
/// a constant price is all spread; <c>at market</c> is the fleet's generation index with no spread. Everything else
/// is required (docs/language.md §5 "contract") but the termination fee and the prepayment (none by default).
/// </summary>
internal sealed class ContractLowering : DeclarationLowering<ContractSyntax, ContractInfo>
{
    public override DeclarationKind Kind => DeclarationKind.Contract;

    protected override ContractInfo Lower(ContractSyntax contract, Symbol symbol, int index, Lowerer lowerer)
    {
        int fleet = lowerer.IndexOfName(contract.Fleet);
        (int priceIndex, double spread) = contract.PriceAtMarket
            ? (lowerer.IndexOfName(SyntaxWalk.Safe(lowerer.Analysis.Deal.Declarations).OfType<FleetSyntax>()
                .First(f => f.Name?.Text == contract.Fleet.Text).Generation), 0.0)
            : lowerer.BoundOf(contract.Price) is { } price && ContractRules.Price(price) is { } p ? p : (-1, 0.0);
        return new ContractInfo(
            Name: symbol.Name,
            Fleet: fleet,
            Customer: lowerer.IndexOfName(contract.Customer),
            Units: lowerer.ConstantOf(contract.Units),
            PriceIndex: priceIndex,
            PriceSpread: spread,
            HoursPerYear: lowerer.ConstantOf(contract.Hours),
            TakeOrPay: lowerer.ConstantOf(contract.TakeOrPay),
            Start: contract.Starts?.Value ?? lowerer.Closing,
            TermMonths: DurationRules.WholeMonths(contract.Term),
            TerminationFee: lowerer.ConstantOf(contract.TerminationFee),
            FeeAmortising: contract.FeeAmortising,
            FeeFloor: lowerer.ConstantOf(contract.FeeFloor),
            RenewalCount: contract.Renewals?.Count ?? 0,
            RenewalTermMonths: DurationRules.WholeMonths(contract.Renewals?.Term),
            Prepayment: lowerer.ConstantOf(contract.Prepayment),
            PrepaymentApplied: contract.PrepaymentApplied && contract.Prepayment is not null)
        {
            BreakMonths = [.. (contract.BreakOption?.At ?? []).Select(at => DurationRules.WholeMonths(at))],
            BreakFeeMonths = contract.BreakOption?.FeeMonths is { } months ? DurationRules.Months(months) : 0,
            BreakFeeAmount = lowerer.ConstantOf(contract.BreakOption?.FeeAmount),
            BreakNoticeMonths = DurationRules.WholeMonths(contract.BreakOption?.Notice),
            RenewalBreakMonths = [.. (contract.Renewals?.BreakOption?.At ?? []).Select(at => DurationRules.WholeMonths(at))],
            RenewalBreakFeeAmount = lowerer.ConstantOf(contract.Renewals?.BreakOption?.FeeAmount),
            RenewalBreakNoticeMonths = DurationRules.WholeMonths(contract.Renewals?.BreakOption?.Notice),
        };
    }
}
