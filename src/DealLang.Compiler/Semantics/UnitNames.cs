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
        _ => "number",
    };

    /// <summary>With its article, for descriptions: money, a rate, a ratio, a number, a date, a condition.</summary>
    public static string Described(Unit unit) => unit == Unit.Money ? "money" : "a " + Noun(unit);

    public static bool IsNumeric(Unit unit) => unit is Unit.Number or Unit.Money or Unit.Rate or Unit.Ratio;
}
