using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Emit.Components;

/// <summary>A facility's state in the generated C#: its value on this path, an input.</summary>
internal sealed class FacilityState : EntityState
{
    /// <param name="closingValue">The C# of the value at the closing (a path input) when a coupon or PIK condition
    /// reads the value at the period's start; null when none does.</param>
    public FacilityState(FacilityInfo info, int index, string? closingValue = null)
        : base(DeclarationKind.Facility, info.Name, index)
    {
        Info = info;
        Value = Input("value", "double[]");
        StartValue = Local("startValue", "double", StateLife.Carried, closingValue,
            info.Name + ".value at the period's start (the closing's, then each period's end): what coupons and PIK conditions read",
            declared: closingValue is not null);
    }

    /// <summary>The value at the period's start, declared when an interest-period determination reads it
    /// (<see cref="EmitContext.ReadsAtPeriodStart"/>).</summary>
    public StateVar StartValue { get; }

    public FacilityInfo Info { get; }

    /// <summary>The facility's value per period on this path (curve, deflation and drop applied by the runner).</summary>
    public StateVar Value { get; }
}

/// <summary>
/// Facilities, the deal's assets: their value per period is a path input (the runner applies the value curve and
/// the scenario), read by expressions and by enforcement, which sells them (their leases' RVG reads the value on the
/// lease's last day, an input of the lease's). A facility
/// has no locals, so takes part in no phase of the loop itself: its leases collect its rent.
/// </summary>
internal sealed class FacilityComponent(EmitContext ctx)
    : EmitterComponent<FacilityState>(ctx, () => ctx.Model.Facilities.Select((f, i) => new FacilityState(f, i,
        ctx.ReadsAtPeriodStart(Quantity.FacilityValue, i) ? "input.Scalars[" + ctx.InputSlot(InputQuantity.FacilityClosingValue, i) + "]" : null)))
{
    public override DeclarationKind Kind => DeclarationKind.Facility;

    public override string DescriptionProperty => "Facilities";

    public override IEnumerable<string> DescriptionElements() => States.Select(s =>
    {
        var f = s.Info;
        return "new FacilityInfo(" + CSharpLiterals.String(f.Name) + ", " + CSharpLiterals.Double(f.Cost) + ", " + Curve(f.Value) + ")";
    });

    /// <summary>A value curve as the C# that builds it (the runner evaluates it).</summary>
    internal static string Curve(ValueCurve curve) => curve switch
    {
        StraightLineCurve line => "new StraightLineCurve(" + CSharpLiterals.Int(line.LifeMonths) + ", " + CSharpLiterals.Double(line.FloorFraction)
            + ", " + CSharpLiterals.Date(line.Start) + ")",
        ScheduleCurve schedule => "new ScheduleCurve(" + CSharpEmitter.List(schedule.Dates.Select(CSharpLiterals.Date)) + ", "
            + CSharpEmitter.List(schedule.Values.Select(CSharpLiterals.Double)) + ")",
        _ => throw new InvalidOperationException("No emitter for the value curve " + curve + "."),
    };

    public override string? Read(Quantity quantity, int index) => quantity switch
    {
        Quantity.FacilityValue => ValueRead(index),
        Quantity.FacilityCost => CSharpLiterals.DoubleOperand(this[index].Info.Cost),
        _ => null,
    };

    public override string? ReadAtPeriodStart(Quantity quantity, int index) =>
        quantity == Quantity.FacilityValue && this[index].StartValue.Declared ? this[index].StartValue.Name : null;

    // The value at the next period's start is this period's end value, as F.value read it (0 from the period after a
    // remarketing sold the facility).
    public override void WriteNextPeriodStart(IndentedWriter w)
    {
        foreach (var facility in States.Where(f => f.StartValue.Declared))
        {
            w.Line(facility.StartValue + " = " + ValueRead(facility.Index) + "; // the next period's coupons read it at its start");
        }
    }

    /// <summary>The facility's value this period.</summary>
    public string ValueNow(int index) => this[index].Value + "[t]";

    /// <summary>The period a lease's RVG against remarketing sold the facility in (C#, −1 before), or null when no lease
    /// remarkets it (one lease at most: the checker's DL0529).</summary>
    private string? RemarketedIn(int index) =>
        Ctx.Components.Of<LeaseComponent>().States.FirstOrDefault(l => l.Info.Facility == index && l.RemarketedIn.Declared)?.RemarketedIn.Name;

    /// <summary>What <c>F.value</c> reads: the value this period, and 0 from the period after a remarketing sold the
    /// facility (the period it is sold in reads its value at that period's end, as its fees and tests were written on).</summary>
    private string ValueRead(int index) =>
        RemarketedIn(index) is { } sold ? "(" + sold + " >= 0 && t > " + sold + " ? 0.0 : " + ValueNow(index) + ")" : ValueNow(index);

    /// <summary>Whether the facility's value row is read at all (sale proceeds, expressions): only then is it an input of
    /// the loop. Not by its leases' RVG, which reads the value on the lease's last day (<c>LeaseState.RvgValue</c>).</summary>
    public bool ReadsValue(int index) =>
        Ctx.Reads(Quantity.FacilityValue, index)
        || Ctx.Sales.Any(s => s.Collateral.Contains(new CollateralRef(CollateralKind.Facility, index)));

    public override CollateralKind? Collateral => CollateralKind.Facility;

    /// <summary>A sale realises the facility's value this period; nothing once a remarketing has sold it (in this period
    /// or before: the remarketing sold it on the lease's last day, before the period's end the sale comes at).</summary>
    public override string CollateralValue(int index) =>
        RemarketedIn(index) is { } sold ? "(" + sold + " >= 0 ? 0.0 : " + ValueNow(index) + ")" : ValueNow(index);
}
