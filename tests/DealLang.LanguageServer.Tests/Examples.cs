using DealLang.TestSupport;

namespace DealLang.LanguageServer.Tests;

/// <summary>The example deals and their URIs, for tests that open them as an editor would.</summary>
internal static class Examples
{
    public static string PathOf(string name) => Path.Combine(RepoPaths.Examples, name);

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    public static string[] Deals => [.. Directory.GetFiles(RepoPaths.Examples, "*.deal").Order(StringComparer.Ordinal)];

    /// <summary>The 0-based line and character of the <paramref name="occurrence"/>-th (0-based) whole-word
    /// <paramref name="word"/> in <paramref name="text"/>, past any <paramref name="after"/> text.</summary>
    public static (int Line, int Character) Find(string text, string word, int occurrence = 0, string? after = null)
    {
        int from = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{after}' not found");
        int index = from - 1;
        for (int seen = -1; seen < occurrence;)
        {
            index = text.IndexOf(word, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{word}' #{occurrence} not found");
            bool wordStart = index == 0 || !(char.IsAsciiLetterOrDigit(text[index - 1]) || text[index - 1] == '_');
            int end = index + word.Length;
            bool wordEnd = end >= text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_');
            if (wordStart && wordEnd)
            {
                seen++;
            }
        }

        string before = text[..index];
        int line = before.Count(c => c == '\n');
        return (line, index - (before.LastIndexOf('\n') + 1));
    }
}
