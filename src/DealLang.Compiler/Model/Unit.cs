namespace DealLang.Compiler.Model;

/// <summary>The unit of an expression's value, as the type checker infers it (docs/language.md, "Units").</summary>
public enum Unit
{
    /// <summary>A unitless number (a bare literal, a count); adopts the unit of what it meets.</summary>
    Number,
    Money,
    Rate,
    Ratio,
    Date,
    Bool,

    /// <summary>A quantity in compute units (GPUs, hours, kW, kWh and their products and quotients, with or without
    /// money): its <see cref="Dimension"/> is on the expression (<see cref="BoundExpression.Dimension"/>). Money
    /// alone is <see cref="Money"/> and a measure over the same measure a <see cref="Ratio"/>, never a measure.</summary>
    Measure,
}
