using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>How units read in messages: "cannot add money and rate", "must be a rate, but this is money".</summary>
internal static class UnitNames
{
    /// <summary>The bare noun, for operations: money, rate, ratio, number, date, condition.</summary>
    public static string Noun(Unit unit) => unit switch
    {
        Unit.Money => "money",
        Unit.Rate => "rate",
        Unit.Ratio => "ratio",
        Unit.Date => "date",
        Unit.Bool => "condition",
        Unit.Measure => "measure",
        _ => "number",
    };

    /// <summary>An expression's unit as a noun: a measure says what it measures ("money per GPU-hour", "kWh").</summary>
    public static string Noun(BoundExpression expression) =>
        expression.Unit == Unit.Measure ? expression.Dimension.Noun() : Noun(expression.Unit);

    /// <summary>An expression's unit with its article where it takes one ("a rate", "money", "GPU-hours").</summary>
    public static string Described(BoundExpression expression) =>
        expression.Unit == Unit.Measure ? expression.Dimension.Noun() : Described(expression.Unit);

    /// <summary>With its article, for descriptions: money, a rate, a ratio, a number, a date, a condition.</summary>
    public static string Described(Unit unit) => unit == Unit.Money ? "money" : "a " + Noun(unit);

    public static bool IsNumeric(Unit unit) => unit is Unit.Number or Unit.Money or Unit.Rate or Unit.Ratio or Unit.Measure;
}
