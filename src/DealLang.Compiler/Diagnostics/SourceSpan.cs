namespace DealLang.Compiler.Diagnostics;

/// <summary>
/// Where a piece of syntax sits in its file: 1-based line and column of its first and last character,
/// so editors can jump to it (<c>path(line,col)</c>).
/// </summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static readonly SourceSpan None = new("", 0, 0, 0, 0);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}({Line},{Column})");
}
