namespace DealLang.Compiler.Model;

/// <summary>A lease's terms (runtime data) plus the RVG's guaranteed amount, which is an expression over deal
/// state evaluated when the lease ends (e.g. the notes' balance then). Null when the lease has no RVG.</summary>
public sealed record LeaseModel(DealLang.Runtime.LeaseInfo Info, BoundExpression? RvgGuarantees);
