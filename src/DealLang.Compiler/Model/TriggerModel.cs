using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>A trigger: active in a period when its condition holds and the period ends on or after <see cref="From"/>.
/// Its effect today is a flag that waterfall conditions read (e.g. <c>if CashTrap { hold rest in Trap }</c>).</summary>
public sealed record TriggerModel(string Name, int Index, BoundExpression Condition, Date? From, string Effect);
