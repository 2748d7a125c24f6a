using DealLang.Compiler.Model;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// What a compute-unit literal is worth, in the base units of <see cref="Dimension"/>: <c>1.2 MW</c> is 1,200 kW,
/// <c>80 per MWh</c> 0.08 money per kWh, <c>2.35 per gpu_hour</c> 2.35 money per GPU-hour (docs/language.md,
/// "Compute units").
/// </summary>
internal static class MeasureUnits
{
    public static BoundExpression Bind(MeasureLiteralSyntax measure)
    {
        // A price has no unit word before 'per': its amount is money.
        (Dimension top, double topScale) = measure.Unit is { } unit ? Of(unit) : (Dimension.MoneyOnly, 1.0);
        (Dimension bottom, double bottomScale) = measure.Per is { } per ? Of(per) : (default, 1.0);
        Dimension dimension = top - bottom;
        double value = measure.Amount * topScale / bottomScale;
        return dimension.IsNone
            ? new ConstantExpression(value, Unit.Ratio) // '1 gpu per gpu': a plain share
            : new ConstantExpression(value, Unit.Measure) { Dimension = dimension };
    }

    /// <summary>A unit word's powers and its factor to the base unit.</summary>
    public static (Dimension Dimension, double Scale) Of(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Gpu => (new Dimension(0, 1, 0, 0), 1.0),
        MeasureUnit.GpuHour => (new Dimension(0, 1, 1, 0), 1.0),
        MeasureUnit.Hour => (new Dimension(0, 0, 1, 0), 1.0),
        MeasureUnit.Kw => (new Dimension(0, 0, 0, 1), 1.0),
        MeasureUnit.Mw => (new Dimension(0, 0, 0, 1), 1000.0),
        MeasureUnit.Kwh => (new Dimension(0, 0, 1, 1), 1.0),
        MeasureUnit.Mwh => (new Dimension(0, 0, 1, 1), 1000.0),
        MeasureUnit.Coin => (new Dimension(0, 0, 0, 0, Coins: 1), 1.0),
        MeasureUnit.ExahashPerSecond => (new Dimension(0, 0, 0, 0, Hash: 1), 1.0),
        MeasureUnit.Day => (new Dimension(0, 0, 1, 0), 24.0),
        MeasureUnit.Share => (new Dimension(0, 0, 0, 0, Shares: 1), 1.0),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "an unknown compute unit"),
    };
}
