using System.Text.RegularExpressions;

namespace DealLang.Compiler;

/// <summary>
/// The deal a <c>.scenarios</c> file belongs with, which has none of its own: the deal its first
/// <c>scenario S for D</c> names, declared (<c>deal D {</c>) by a <c>.deal</c> file in the scenario file's folder, the
/// first such file in ordinal order of its name. A scenario file that declares a deal, or imports one (at any depth:
/// docs/language.md, "Imports"), has its own (<see cref="HasOwnDeal"/>) and is taken as it is. The language server
/// looks among the open documents first and then here; the CLI's verbs given <c>x.scenarios</c> look here
/// (docs/cli.md, "A scenario file in the deal's place"). Only the text is looked at, so a file with errors in it is
/// still found and the compilation then reports them.
/// </summary>
public static partial class ScenarioFileDeal
{
    /// <summary>Whether <paramref name="path"/> names a scenario file (by its extension, as <c>fmt</c> and the editor tell).</summary>
    public static bool IsScenarioFile(string path) => path.EndsWith(".scenarios", StringComparison.Ordinal);

    /// <summary>The deal the first <c>scenario S for D</c> of a scenario file's text names; null when it has none.</summary>
    public static string? DealNamed(string scenariosText) =>
        ScenarioTarget().Match(scenariosText) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Whether a file's text declares <c>deal <paramref name="deal"/> {</c> (at the start of a line).</summary>
    public static bool Declares(string text, string deal) =>
        Regex.IsMatch(text, @"(^|\n)\s*deal\s+" + Regex.Escape(deal) + @"\s*\{", RegexOptions.CultureInvariant);

    /// <summary>The first <c>.deal</c> file of <paramref name="folder"/>, in ordinal order of its path, whose text
    /// (<paramref name="read"/>: null for one that cannot be read) declares <paramref name="deal"/>; null when none
    /// does or the folder is not there.</summary>
    public static (string Path, string Text)? FindInFolder(string folder, string deal, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        IEnumerable<string> candidates;
        try
        {
            candidates = [.. Directory.EnumerateFiles(folder, "*.deal").Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // a folder that cannot be listed holds no deal we can find
        }

        foreach (string candidate in candidates)
        {
            if (read(candidate) is { } text && Declares(text, deal))
            {
                return (candidate, text);
            }
        }

        return null;
    }

    /// <summary>Whether a scenario file has a deal of its own, so that it compiles as it is: its text
    /// (<paramref name="text"/>, of the file at <paramref name="path"/>) declares a deal, or a file it imports does, at
    /// any depth, as the compilation would follow the imports (relative to the importing file's folder; each file
    /// once). <paramref name="read"/> gives an imported file's text, null for one that is missing or cannot be read
    /// (its import is then an error of the compilation's, not a deal).</summary>
    public static bool HasOwnDeal(string path, string text, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(read);
        var seen = new HashSet<string>(StringComparer.Ordinal) { ImportPaths.Identity(path) };
        var pending = new Stack<(string Path, string Text)>([(path, text)]);
        while (pending.TryPop(out var file))
        {
            if (DeclaresADeal(file.Text))
            {
                return true;
            }

            foreach (Match import in ImportLine().Matches(file.Text))
            {
                string written = import.Groups[1].Value;
                if (ImportPaths.Problem(written) is null && ImportPaths.Resolve(file.Path, written) is var imported
                    && seen.Add(ImportPaths.Identity(imported)) && read(imported) is { } importedText)
                {
                    pending.Push((imported, importedText));
                }
            }
        }

        return false;
    }

    /// <summary>Whether a file's text declares a deal, any (<c>deal Name {</c> at the start of a line).</summary>
    public static bool DeclaresADeal(string text) => AnyDeal().IsMatch(text);

    [GeneratedRegex(@"(^|\n)\s*deal\s+[A-Za-z_][A-Za-z_0-9]*\s*\{", RegexOptions.CultureInvariant)]
    private static partial Regex AnyDeal();

    // An import line (docs/language.md, "Imports": at the top of the file, one path in double quotes).
    [GeneratedRegex(@"(?:^|\n)[ \t]*import[ \t]+""([^""\r\n]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"\bscenario\s+[A-Za-z_][A-Za-z_0-9]*\s+for\s+([A-Za-z_][A-Za-z_0-9]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ScenarioTarget();
}
