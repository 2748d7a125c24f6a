namespace DealLang.Compiler.Model;

/// <summary>
/// How a liability's principal is drawn: one strategy per record (funded in full at closing today; a delayed draw
/// or a revolving facility is a new record and one case where the emitter switches on it).
/// </summary>
public abstract record DrawModel;

/// <summary>The whole balance is outstanding from the closing.</summary>
public sealed record FundedAtClosing : DrawModel;
