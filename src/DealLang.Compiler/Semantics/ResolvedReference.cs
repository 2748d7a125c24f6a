namespace DealLang.Compiler.Semantics;

/// <summary>What a <c>Name</c> or <c>Name.member</c> in an expression reads: a deal-wide built-in
/// (<see cref="Symbol"/> null) or a declaration's member. For tests the unit is the test's own, which the
/// type checker works out.</summary>
internal sealed record ResolvedReference(Symbol? Symbol, MemberInfo Member)
{
    public int Index => Symbol?.Index ?? 0;
}
