using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>A named metric. With <see cref="TrailingPeriods"/> &gt; 1, every per-period flow in the expression is
/// summed over that many periods up to the current one. With <see cref="From"/>, a period ending before that date
/// is not tested: the value is NaN (n/a), so every comparison with it is false, as for a trigger's <c>from</c>;
/// the flows' history is still kept from the start, so the first tested period's trailing sums are whole.
/// Tests are ordered so each follows those it uses. With <see cref="ForwardMonths"/> &gt; 0 (<c>over next 12m</c>) the
/// test is forward-looking: each flow (debt service only) is what is scheduled over the periods whose end falls within
/// that many months after this period's end (<see cref="TrailingPeriods"/> is then 1).</summary>
public sealed record TestModel(string Name, int Index, BoundExpression Expression, int TrailingPeriods, Date? From, int ForwardMonths = 0);
