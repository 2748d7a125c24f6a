using DealLang.Compiler.Model;

namespace DealLang.Compiler.Semantics.Kinds;

/// <summary>What an expression that names a declaration of a kind reads.</summary>
internal abstract record KindReading
{
    private KindReading()
    {
    }

    /// <summary>The members of the kind are read as <c>Name.member</c> (<c>Notes.balance</c>); the name alone is
    /// an error that lists them.</summary>
    public sealed record ByMembers(IReadOnlyList<MemberInfo> Members) : KindReading;

    /// <summary>The bare name reads one value (<c>Dscr</c>, a test's value; <c>CashTrap</c>, a trigger's state); a
    /// member is an error.</summary>
    public sealed record ByName(Quantity Quantity, Unit Unit) : KindReading;

    /// <summary>No expression can read the kind; <paramref name="Reason"/> says so in the error.</summary>
    public sealed record NotRead(string Reason) : KindReading;
}
