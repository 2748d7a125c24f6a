namespace DealLang.Compiler.Model;

/// <summary>A reserve account. <see cref="Target"/> is evaluated each period (null: target 0).</summary>
public sealed record AccountModel(string Name, int Index, double Initial, double Rate, BoundExpression? Target);
