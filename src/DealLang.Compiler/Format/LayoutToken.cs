namespace DealLang.Compiler.Format;

/// <summary>What a token is to the formatter: code (every token the parser reads), or a comment, which the parser
/// never sees and the formatter must keep where it stands.</summary>
internal enum LayoutTokenKind
{
    Code,
    LineComment,
    BlockComment,
}

/// <summary>What the parse tree says about a token's place, the only syntax the layout needs (so no ANTLR type
/// leaves Parsing/).</summary>
[Flags]
internal enum LayoutRole
{
    None = 0,

    /// <summary>The first token of an item, a declaration or a step: one of a block's members. Two members on one
    /// line are set two spaces apart; a line that starts with anything else continues the member before it.</summary>
    MemberStart = 1,

    /// <summary>Starts a line of its own: a declaration in a deal, a deal, a scenario, an import, a deal's closing brace.</summary>
    OwnLine = 2,

    /// <summary>The keyword of a declaration's item (<c>balance</c>, <c>rent</c>…), whose values line up in a column
    /// with those of the items next to it.</summary>
    ItemKey = 4,

    /// <summary>The '(' of a call, written against the name called: <c>min(a, b)</c>.</summary>
    CallParen = 8,

    /// <summary>A sign written against what follows it: <c>-x</c>, <c>shift +5%</c>.</summary>
    Sign = 16,
}

/// <summary>One token of a file as the formatter lays it out: its text exactly as written, how many line breaks
/// stood before it, and its role.</summary>
internal sealed record LayoutToken(string Text, LayoutTokenKind Kind, int NewlinesBefore, LayoutRole Role)
{
    public bool Is(string text) => Kind == LayoutTokenKind.Code && string.Equals(Text, text, StringComparison.Ordinal);

    public bool Has(LayoutRole role) => (Role & role) != 0;
}
