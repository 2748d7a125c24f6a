namespace DealLang.Compiler.Semantics;

/// <summary>What a holding holds: <paramref name="Member"/>, a tranche or an equity of the entity
/// <paramref name="Entity"/> (another deal of the chain, analysed before the holder).</summary>
internal sealed record HeldTarget(DealAnalysis Entity, Symbol Member);
