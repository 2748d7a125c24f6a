namespace DealLang.Compiler.Model;

/// <summary>A lease's terms (runtime data) plus the RVG's guaranteed amount, which is an expression over deal
/// state evaluated when the lease ends (e.g. the notes' balance then). Null when the lease has no RVG.
/// <see cref="PhasedBy"/> is the position among the deal's indices of the completion index a phased lease's rent is
/// scaled by (<c>phased Built</c>, docs/language.md §5 "lease", "Phased commencement"); null when the rent starts in full.
/// <see cref="IndexedBy"/> is the position of the index an indexed rent follows (<c>rent 100m per year indexed CPI</c>,
/// "Indexed rent"); null when the rent is a constant with its escalator.</summary>
public sealed record LeaseModel(DealLang.Runtime.LeaseInfo Info, BoundExpression? RvgGuarantees, int? PhasedBy = null, int? IndexedBy = null);
