namespace DealLang.Runner.Running;

/// <summary>What a fee (docs/language.md §5, "fee") still owed when one scenario's run ended, in the deal's currency,
/// unrounded: the fee due and unpaid that its last period carried (0 when it was paid in full).</summary>
public sealed record FeeSummary(string Name, double Unpaid);
