namespace DealLang.Runner.Running;

/// <summary>A holding's figures in one scenario (docs/language.md §12 "The summary"): what the held entity paid it
/// over the periods run (<paramref name="Received"/>) and its value at the end of the last period run.</summary>
public sealed record HoldingSummary(string Holding, string Of, double Received, double FinalValue);
