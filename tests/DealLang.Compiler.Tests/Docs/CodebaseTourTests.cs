using System.Text.RegularExpressions;
using DealLang.TestSupport;

namespace DealLang.Compiler.Tests.Docs;

/// <summary>
/// docs/codebase.md's "## Tests" section names every test file under its project: a new test file is named where its
/// neighbours are (the project's standard), or this fails with the files that are not. A file is named when its name
/// without <c>.cs</c> appears as a whole word in its own project's <c>### `tests/PROJECT`</c> subsection, or matches a
/// backticked pattern there such as <c>`DealGen*.cs`</c>. Snapshot baselines (<c>*.verified.*</c>, <c>*.received.*</c>)
/// are the tests' outputs, not test files. (252 files were unnamed until 2026-12-07, when the section was restructured.)
/// </summary>
public sealed partial class CodebaseTourTests
{
    [Fact]
    public void EveryTestFileIsNamedUnderItsProject()
    {
        string[] tour = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "codebase.md"));
        var unnamed = new List<string>();
        foreach (string project in Directory.GetDirectories(RepoPaths.Tests).Select(Path.GetFileName).OfType<string>()
            .Where(p => p.StartsWith("DealLang.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string section = ProjectSection(tour, project);
            Regex[] patterns = [.. Backticked().Matches(section).Select(m => m.Groups[1].Value).Where(p => p.Contains('*'))
                .Select(p => new Regex("^" + Regex.Escape(Path.GetFileName(p).Replace(".cs", "", StringComparison.Ordinal)).Replace(@"\*", ".*") + "$"))];
            foreach (string file in TestFiles(Path.Combine(RepoPaths.Tests, project)))
            {
                string name = Path.GetFileNameWithoutExtension(file);
                bool named = Regex.IsMatch(section, $@"(?<![A-Za-z0-9_]){Regex.Escape(name)}(?![A-Za-z0-9_])")
                    || patterns.Any(p => p.IsMatch(name));
                if (!named)
                {
                    unnamed.Add(Path.GetRelativePath(RepoPaths.Root, file));
                }
            }
        }

        Assert.True(unnamed.Count == 0,
            $"test files docs/codebase.md's Tests section does not name under their project ({unnamed.Count}): {string.Join(", ", unnamed)}");
    }

    [Fact]
    public void EveryTestProjectHasItsSubsection()
    {
        string[] tour = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "codebase.md"));
        foreach (string project in Directory.GetDirectories(RepoPaths.Tests).Select(Path.GetFileName).OfType<string>()
            .Where(p => p.StartsWith("DealLang.", StringComparison.Ordinal)))
        {
            Assert.NotEmpty(ProjectSection(tour, project));
        }
    }

    // The project's subsection: from its heading to the next heading, or to the paragraphs after the last project.
    static string ProjectSection(string[] tour, string project)
    {
        int tests = Array.FindIndex(tour, l => l == "## Tests");
        int start = Array.FindIndex(tour, tests + 1, l => l == $"### `tests/{project}`");
        if (tests < 0 || start < 0)
        {
            return "";
        }

        int end = Array.FindIndex(tour, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal)
            || l.StartsWith("Expected values carry", StringComparison.Ordinal));
        return string.Join('\n', tour[start..(end < 0 ? tour.Length : end)]);
    }

    static IEnumerable<string> TestFiles(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => !f.Contains(".verified.", StringComparison.Ordinal) && !f.Contains(".received.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex("`([^`\\s]+)`")]
    private static partial Regex Backticked();
}
