using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary><c>facility Campus { cost 27bn  value straight_line 30y floor 20% }</c>: the collateral, with a value curve.</summary>
internal sealed class FacilityRules : DeclarationRules<FacilitySyntax>
{
    public override DeclarationKind Kind => DeclarationKind.Facility;

    public override KindReading Reading { get; } = new KindReading.ByMembers(
    [
        new("value", Quantity.FacilityValue, Unit.Money, false),
        new("cost", Quantity.FacilityCost, Unit.Money, false),
    ]);

    protected override void Bind(FacilitySyntax facility, Binder binder)
    {
        binder.BindTerms(facility.Cost);
        switch (facility.Value)
        {
            case StraightLineValueSyntax line:
                binder.BindTerms(line.Floor);
                break;
            case ScheduleValueSyntax schedule:
                foreach (SchedulePointSyntax point in SyntaxWalk.Safe(schedule.Points))
                {
                    binder.BindTerms(point.Amount);
                }

                break;
        }
    }

    protected override void CheckTerms(FacilitySyntax facility, TypeChecker checker)
    {
        string f = $"facility '{facility.Name?.Text}'";
        checker.Term(facility.Cost, Unit.Money, $"the cost of {f}", TypeChecker.Range.NonNegative);
        switch (facility.Value)
        {
            case StraightLineValueSyntax line:
                checker.Term(line.Floor, Unit.Rate, $"the value floor of {f}", TypeChecker.Range.Fraction);
                break;
            case ScheduleValueSyntax schedule:
                foreach (SchedulePointSyntax point in SyntaxWalk.Safe(schedule.Points))
                {
                    checker.Term(point.Amount, Unit.Money, $"a value in the schedule of {f}", TypeChecker.Range.NonNegative);
                }

                break;
        }
    }

    protected override void CheckStructure(FacilitySyntax facility, DealChecks checks)
    {
        string name = facility.Name?.Text ?? "";
        if (facility.Cost is null)
        {
            checks.Missing(facility, "a cost (e.g. 'cost 27bn')");
        }

        switch (facility.Value)
        {
            case null:
                checks.Missing(facility, "a value curve (e.g. 'value straight_line 30y floor 20%')");
                break;
            case StraightLineValueSyntax { Life: { } life }:
                checks.MonthsOf(life, $"the useful life of facility '{name}'");
                break;
            case ScheduleValueSyntax schedule:
                checks.CheckSchedule(schedule.Points, schedule.Span, $"the value schedule of facility '{name}'");
                break;
        }
    }
}
