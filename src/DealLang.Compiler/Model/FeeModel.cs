namespace DealLang.Compiler.Model;

/// <summary>A fee: <see cref="AnnualAmount"/> (money per year, possibly over deal state) times the period's year
/// fraction, escalated by <see cref="Escalator"/> on each anniversary of closing. Unpaid fees carry forward.</summary>
public sealed record FeeModel(string Name, int Index, BoundExpression AnnualAmount, double Escalator);
