using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics;

/// <summary>
/// Stands for an expression that could not be bound (its error is already reported). Anything built on it
/// is bad too, so one mistake gives one message rather than a cascade. Never leaves the semantic stage:
/// a deal with errors is not lowered.
/// </summary>
internal sealed record BadExpression() : BoundExpression(Unit.Number)
{
    public static readonly BadExpression Instance = new();
}
