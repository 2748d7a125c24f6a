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
}
