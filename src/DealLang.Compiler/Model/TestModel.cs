namespace DealLang.Compiler.Model;

/// <summary>A named metric. With <see cref="TrailingPeriods"/> &gt; 1, every per-period flow in the expression is
/// summed over that many periods up to the current one. Tests are ordered so each follows those it uses.</summary>
public sealed record TestModel(string Name, int Index, BoundExpression Expression, int TrailingPeriods);
