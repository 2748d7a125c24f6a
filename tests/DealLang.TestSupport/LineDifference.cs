namespace DealLang.TestSupport;

/// <summary>
/// The first line at which two normalised texts part ways; null on a side means that text has
/// already ended. One line is what a reader needs to see why a baseline failed, without a diff tool.
/// </summary>
internal readonly record struct LineDifference(int Line, string? Expected, string? Actual)
{
    /// <summary>Null when the texts are equal line for line.</summary>
    public static LineDifference? Find(string expected, string actual)
    {
        var expectedLines = SplitLines(expected);
        var actualLines = SplitLines(actual);
        var count = Math.Max(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < count; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return new LineDifference(i + 1, e, a);
            }
        }

        return null;
    }

    // The final newline ends the last line rather than starting an empty one, so "a\n" is one line.
    static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
