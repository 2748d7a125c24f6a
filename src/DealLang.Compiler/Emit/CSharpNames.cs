using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DealLang.Compiler.Emit;

/// <summary>
/// The only way a deal's names become C# identifiers. A name must already look like a DSL identifier
/// (<c>[A-Za-z_][A-Za-z0-9_]*</c>, which is what the lexer accepts); anything else reaching the emitter is a
/// compiler bug and is refused rather than pasted into code. Names are prefixed by the entity's kind
/// (<c>tranche_Notes_balance</c>), so they cannot collide with the generated code's own locals, and the result is
/// escaped if it is still a C# keyword. The language puts no limit on a name's length but C# does (512
/// characters, and a file or assembly named after the deal has a file system's limit), so a name longer than
/// <see cref="MaxNameLength"/> is written as its first <see cref="KeptPrefixLength"/> characters, <c>_h</c> and
/// 16 hex digits of its SHA-256 (<see cref="Shorten"/>): deterministic, and never equal to a name short enough to
/// be written as is.
/// </summary>
internal static class CSharpNames
{
    /// <summary>Names up to this length are written as they are, so normal deals read naturally.</summary>
    public const int MaxNameLength = 64;

    private const int KeptPrefixLength = MaxNameLength - 17;

    /// <summary>The deal's name as it appears in C#: itself up to <see cref="MaxNameLength"/> characters, else a
    /// prefix and a stable hash (<c>VeryLong…_h0123456789abcdef</c>, exactly 65 characters, so it cannot equal a
    /// name written as is).</summary>
    public static string Shorten(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= MaxNameLength)
        {
            return name;
        }

        // 64 bits of SHA-256: two long names in one deal share a prefix and a hash only by a 1-in-2^64 accident.
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return name[..KeptPrefixLength] + "_h" + Convert.ToHexStringLower(hash, 0, 8);
    }

    /// <summary>True for <c>[A-Za-z_][A-Za-z0-9_]*</c>, ASCII only: a letter from another script could
    /// otherwise make two different names look alike in the generated code.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>kind_Name_member</c>, e.g. <c>tranche_Notes_balance</c>. Kinds and members are the emitter's own
    /// words without underscores, so the first and last underscores delimit the deal's name and two different
    /// (kind, name, member) triples never give the same identifier.</summary>
    public static string Entity(string kind, string name, string member)
    {
        RequireValid(name);
        return Escape(kind + "_" + Shorten(name) + "_" + member);
    }

    /// <summary>The generated class: <c>Deal_Hyperion</c>.</summary>
    public static string DealType(string dealName)
    {
        RequireValid(dealName);
        return Escape("Deal_" + Shorten(dealName));
    }

    /// <summary>Prefixes <c>@</c> to a C# keyword (reserved or contextual) so it can be used as an identifier.</summary>
    public static string Escape(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        bool keyword = SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None;
        return keyword ? "@" + identifier : identifier;
    }

    private static void RequireValid(string name)
    {
        if (!IsValidName(name))
        {
            // Not a user's mistake: the parser accepts only identifiers, so this is a bug upstream of Emit.
            throw new ArgumentException(
                "Internal error: '" + CSharpLiterals.CommentText(name) + "' is not a valid DealLang name.", nameof(name));
        }
    }
}
