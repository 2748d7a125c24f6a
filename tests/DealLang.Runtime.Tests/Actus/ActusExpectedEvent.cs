namespace DealLang.Runtime.Tests.Actus;

/// <summary>One event of a reference case's expected results.</summary>
internal sealed record ActusExpectedEvent(ActusTime Time, string Type, double Payoff);
