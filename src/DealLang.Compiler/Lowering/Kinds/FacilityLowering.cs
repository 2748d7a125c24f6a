using DealLang.Compiler.Semantics;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Lowering.Kinds;

/// <summary>A facility as the runtime's <see cref="FacilityInfo"/>, its value a <see cref="ValueCurve"/>. Straight line: floor 0 and depreciation from
/// closing unless given. Schedule: its points, in order.</summary>
internal sealed class FacilityLowering : DeclarationLowering<FacilitySyntax, FacilityInfo>
{
    public override DeclarationKind Kind => DeclarationKind.Facility;

    protected override FacilityInfo Lower(FacilitySyntax facility, Symbol symbol, int index, Lowerer lowerer)
    {
        double cost = lowerer.ConstantOf(facility.Cost);
        if (facility.Value is ScheduleValueSyntax schedule)
        {
            var points = SyntaxWalk.Safe(schedule.Points).Where(p => p.Date is not null).ToList();
            return new FacilityInfo(
                symbol.Name, cost, new ScheduleCurve([.. points.Select(p => p.Date.Value)], [.. points.Select(p => lowerer.ConstantOf(p.Amount))]));
        }

        var line = facility.Value as StraightLineValueSyntax;
        return new FacilityInfo(
            symbol.Name, cost, new StraightLineCurve(
                DurationRules.WholeMonths(line?.Life), lowerer.ConstantOf(line?.Floor), line?.From?.Value ?? lowerer.Closing));
    }
}
