using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>What one scenario of a chain produced: each entity's outcome, in the order they ran (each after those it
/// holds; the top deal last).</summary>
public sealed record ChainOutcome(string Scenario, ImmutableArray<EntityOutcome> Entities);

/// <summary>One entity's outcome in a chain run, with the description and layout its reports need.</summary>
public sealed record EntityOutcome(DealDescription Deal, LedgerLayout Layout, ScenarioOutcome Outcome);
