namespace DealLang.Compiler.Emit;

/// <summary>A deal as C# source: one class, <paramref name="TypeName"/> (namespace-qualified), implementing
/// <c>DealLang.Runtime.IDealProgram</c>.</summary>
public sealed record EmittedDeal(string Source, string TypeName);
