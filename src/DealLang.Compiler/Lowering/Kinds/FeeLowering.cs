using DealLang.Compiler.Model;
using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A fee as a <see cref="FeeModel"/>. Default: escalator 0.</summary>
internal sealed class FeeLowering : DeclarationLowering<FeeSyntax, FeeModel>
{
    public override DeclarationKind Kind => DeclarationKind.Fee;

    protected override FeeModel Lower(FeeSyntax fee, Symbol symbol, int index, Lowerer lowerer) => new(
        symbol.Name, index,
        lowerer.BoundOf(fee.Amount) ?? new ConstantExpression(0, Unit.Money),
        lowerer.ConstantOf(fee.Escalator),
        PerPeriod: !fee.PerYear,
        UntilRepaid: fee.UntilRepaid is not null,
        UntilDefault: fee.UntilDefault is not null);
}
