namespace DealLang.Runtime.Tests.Actus;

/// <summary>
/// Decides by rule (never by case id) whether a reference case is within DealLang's features, from the table in
/// <see cref="ActusExclusions"/>: the first rule that applies excludes the case and names the reason.
/// </summary>
internal static class ActusCaseSelection
{
    /// <summary>The rule that excludes the case, or null when the harness runs it.</summary>
    public static ActusExclusionRule? ExcludedBy(ActusTestCase c) =>
        ActusExclusions.Rules.FirstOrDefault(rule => rule.Applies(c, c.Terms));

    /// <summary>Why the case is out of scope ("rule: reason"), or null when the harness runs it.</summary>
    public static string? ExclusionReason(ActusTestCase c) =>
        ExcludedBy(c) is { } rule ? rule.Name + ": " + rule.Reason : null;
}
