using System.Text.RegularExpressions;

namespace DealLang.Compiler.Tests.Diagnostics;

/// <summary>
/// Runs the examples of docs/diagnostics.md through the checker, where an example says unambiguously what file it is:
/// <list type="bullet">
/// <item>the example deal itself ("it checks with no diagnostics");</item>
/// <item>a message quoted from a malformed corpus file (<c>578-a-default-dated-before-the-closing.deal(35,3): …</c>):
/// that file, checked, prints the quoted line, at its line and column and word for word;</item>
/// <item>an example made only of scenarios for the example deal: the example deal with its scenario replaced by them
/// prints the quoted lines;</item>
/// <item>an example of one line that stands for one line of the example deal (its first two words): the example deal
/// with that line changed prints the quoted lines.</item>
/// </list>
/// Other examples are fragments whose placement in a deal the page leaves to the reader. For those, every section names
/// where its code is reproduced: a corpus file (by quoting its message, or on a '**Reproduced by:**' line), which must
/// exist and expect the code (MalformedCorpusTests holds the file to its expect line), or, for a code no corpus file
/// has, the test file that asserts it.
/// </summary>
public sealed partial class DocumentedExamplesTests
{
    [Fact]
    public void TheExampleDealChecksWithNoDiagnostics()
    {
        var result = DealCompiler.Check("mini.deal", ExampleDeal());

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void EveryMessageQuotedFromACorpusFileIsWhatThatFilePrints()
    {
        var quoted = Sections()
            .SelectMany(s => s.Examples.SelectMany(e => e.Messages.Select(m => (s.Code, Message: m))))
            .Where(q => CorpusName().IsMatch(Quoted(q.Message).Path))
            .ToList();
        // About seventy today; a parser that stopped finding them would pass vacuously.
        Assert.True(quoted.Count >= 50, $"found only {quoted.Count} messages quoted from corpus files");

        var failures = new List<string>();
        foreach (var group in quoted.GroupBy(q => Path.GetFileName(Quoted(q.Message).Path)))
        {
            string file = Path.Combine(RepoFiles.Root(), "tests", "corpus", "malformed", group.Key);
            if (!File.Exists(file))
            {
                failures.Add($"{string.Join(", ", group.Select(q => q.Code).Distinct())}: quotes {group.Key}, which is not in tests/corpus/malformed");
                continue;
            }

            var printed = DealCompiler.Check(file, File.ReadAllBytes(file)).Diagnostics.Select(d => WithoutPath(d.ToString())).ToList();
            failures.AddRange(group
                .Where(q => !printed.Contains(WithoutPath(q.Message)))
                .Select(q => $"{q.Code}: the page quotes\n    {q.Message}\n  but {group.Key} prints\n    {string.Join("\n    ", printed)}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryScenarioExampleOnTheExampleDealPrintsWhatThePageQuotes()
    {
        string[] deal = ExampleDeal().TrimEnd('\n').Split('\n');
        Assert.StartsWith("scenario Base for Mini", deal[^1], StringComparison.Ordinal);

        var examples = Sections()
            .SelectMany(s => s.Examples.Select(e => (s.Code, Example: e)))
            .Where(x => x.Example.Messages.Count > 0 && x.Example.Messages.All(m => Quoted(m).Path == "mini.deal") && OnlyScenarios(x.Example.Lines))
            .ToList();
        Assert.True(examples.Count >= 8, $"found only {examples.Count} scenario examples on the example deal");

        var failures = new List<string>();
        foreach ((string code, Example example) in examples)
        {
            string text = string.Join('\n', deal[..^1].Concat(example.Lines)) + "\n";
            var printed = DealCompiler.Check("mini.deal", text).Diagnostics.Select(d => d.ToString()).ToList();
            failures.AddRange(example.Messages
                .Where(m => !printed.Contains(m))
                .Select(m => $"{code}: the page quotes\n    {m}\n  but the example deal with its scenario replaced by\n    {string.Join("\n    ", example.Lines)}\n  prints\n    {string.Join("\n    ", printed)}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryOneLineChangeOfTheExampleDealPrintsWhatThePageQuotes()
    {
        // An example of one line whose first two words, at its indentation, are those of exactly one line of the example
        // deal ('  tranche Loan { ... seniority 0 }', '  account Reserve { ... initial 12m / 0 }') is that line changed: the
        // example deal with it replaced must print the quoted lines, at their line and column.
        string[] deal = ExampleDeal().TrimEnd('\n').Split('\n');
        var examples = new List<(string Code, Example Example, int Line)>();
        foreach (Section section in Sections().Where(s => !ShownNotWritten.Contains(s.Code)))
        {
            foreach (Example example in section.Examples)
            {
                var text = example.Lines.Where(l => l.Trim().Length > 0).ToList();
                if (text.Count != 1 || text[0].Contains('…', StringComparison.Ordinal) || example.Messages.Count == 0
                    || !example.Messages.All(m => Quoted(m).Path == "mini.deal"))
                {
                    continue;
                }

                var same = Enumerable.Range(0, deal.Length).Where(i => LineKey(deal[i]) == LineKey(text[0])).ToList();
                if (same.Count == 1)
                {
                    examples.Add((section.Code, example with { Lines = text }, same[0]));
                }
            }
        }

        // About thirty today; a parser or key that stopped matching them would pass vacuously.
        Assert.True(examples.Count >= 25, $"found only {examples.Count} one-line changes of the example deal");

        var failures = new List<string>();
        foreach ((string code, Example example, int line) in examples)
        {
            string[] changed = [.. deal];
            changed[line] = example.Lines[0];
            var printed = DealCompiler.Check("mini.deal", string.Join('\n', changed) + "\n").Diagnostics.Select(d => d.ToString()).ToList();
            failures.AddRange(example.Messages
                .Where(m => !printed.Contains(m))
                .Select(m => $"{code}: the page quotes\n    {m}\n  but the example deal with line {line + 1} changed to\n    {example.Lines[0]}\n  prints\n    {string.Join("\n    ", printed)}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EachQuotedMessageIsOfItsSectionsCodeWithItsSeverity()
    {
        // A message pasted into the wrong section, or left with the old severity when a code changed from an error
        // to a warning, reads as that section's example.
        var failures = new List<string>();
        foreach (Section section in Sections())
        {
            foreach (string message in section.Examples.SelectMany(e => e.Messages))
            {
                var (_, severity, code) = Quoted(message);
                if (code == section.Code && severity != section.Severity)
                {
                    failures.Add($"{section.Code}: the section says {section.Severity}, its example prints {severity}: {message}");
                }
            }

            if (section.Examples.Count > 0 && !section.Examples.SelectMany(e => e.Messages).Any(m => Quoted(m).Code == section.Code))
            {
                failures.Add($"{section.Code}: no quoted message of the section's own code");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EverySectionNamesWhereItsCodeIsReproduced()
    {
        // The codes each corpus file expects, from its '// expect:' line (the corpus tests hold each file to it).
        string root = RepoFiles.Root();
        var expects = Directory.EnumerateFiles(Path.Combine(root, "tests", "corpus", "malformed"), "*.deal")
            .ToDictionary(f => Path.GetFileName(f), f => ExpectedCodes(File.ReadLines(f)), StringComparer.Ordinal);
        var inCorpus = expects.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);

        var failures = new List<string>();
        int corpusNamed = 0, testNamed = 0;
        foreach (Section section in Sections())
        {
            // The corpus files its examples quote a message of its code from, and what its '**Reproduced by:**' line names.
            var corpusFiles = section.Examples.SelectMany(e => e.Messages).Select(Quoted)
                .Where(q => q.Code == section.Code && CorpusName().IsMatch(q.Path))
                .Select(q => "tests/corpus/malformed/" + Path.GetFileName(q.Path))
                .Concat(section.Reproduced.Where(p => p.StartsWith("tests/corpus/malformed/", StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var testFiles = section.Reproduced.Where(p => !p.StartsWith("tests/corpus/malformed/", StringComparison.Ordinal)).ToList();

            foreach (string file in corpusFiles)
            {
                if (!expects.TryGetValue(Path.GetFileName(file), out var codes))
                {
                    failures.Add($"{section.Code}: names {file}, which is not in tests/corpus/malformed");
                }
                else if (!codes.Contains(section.Code))
                {
                    failures.Add($"{section.Code}: names {file}, whose '// expect:' line does not list {section.Code}");
                }
                else
                {
                    corpusNamed++;
                }
            }

            foreach (string file in testFiles)
            {
                // A test file reproduces the code where it asserts it, by its code ("DL0507", "error DL0120: ...").
                string path = Path.Combine(root, file);
                if (!file.StartsWith("tests/", StringComparison.Ordinal) || !file.EndsWith(".cs", StringComparison.Ordinal) || !File.Exists(path))
                {
                    failures.Add($"{section.Code}: names {file}, which is neither a file of tests/corpus/malformed nor a test file");
                }
                else if (!Regex.IsMatch(File.ReadAllText(path), $@"\b{section.Code}\b"))
                {
                    failures.Add($"{section.Code}: names {file}, which never mentions {section.Code}");
                }
                else
                {
                    testNamed++;
                }
            }

            if (corpusFiles.Count == 0 && inCorpus.Contains(section.Code))
            {
                failures.Add($"{section.Code}: reproduced in tests/corpus/malformed, but its section names no corpus file (add '**Reproduced by:** [NNN-name.deal](../tests/corpus/malformed/NNN-name.deal)')");
            }
            else if (corpusFiles.Count == 0 && testFiles.Count == 0)
            {
                failures.Add($"{section.Code}: its section names no place that reproduces it (add a malformed corpus file and '**Reproduced by:** [NNN-name.deal](../tests/corpus/malformed/NNN-name.deal)', or name the test that asserts it: '**Reproduced by:** [XTests.cs](../tests/.../XTests.cs)')");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Today about 300 sections name a corpus file and some 25 a test: a reader that stopped finding the links would pass vacuously.
        Assert.True(corpusNamed >= 250 && testNamed >= 20, $"only {corpusNamed} corpus files and {testNamed} test files named");
    }

    // ------------------------------------------------------------------ the page

    /// <summary>Sections whose example shows what cannot be written on a page (an escape character as &lt;ESC&gt;, a byte
    /// that is not UTF-8 as \xE9): their text is not the file's.</summary>
    private static readonly HashSet<string> ShownNotWritten = new(StringComparer.Ordinal) { "DL0110", "DL0133" };

    /// <summary>A line's indentation and first two words: '  tranche Loan', '    lessee Tenant'.</summary>
    private static string LineKey(string line) =>
        line[..(line.Length - line.TrimStart().Length)] + string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));

    private sealed record Example(IReadOnlyList<string> Lines, IReadOnlyList<string> Messages);

    private sealed record Section(string Code, string Severity, IReadOnlyList<Example> Examples, IReadOnlyList<string> Reproduced);

    /// <summary>Each '### DLxxxx' section: its severity, its examples (a fenced block of quoted messages, with the
    /// block before it when that one quotes none) and the corpus files its '**Reproduced by:**' line names.</summary>
    private static List<Section> Sections()
    {
        string[] lines = File.ReadAllLines(RepoFiles.Doc("diagnostics.md"));
        var sections = new List<Section>();
        string? code = null, severity = null;
        var examples = new List<Example>();
        var reproduced = new List<string>();
        List<string>? block = null, pending = null;

        void Close()
        {
            if (code is not null)
            {
                sections.Add(new Section(code, severity ?? "(none)", [.. examples], [.. reproduced]));
            }
        }

        foreach (string line in lines)
        {
            if (block is null && line.StartsWith('#'))
            {
                Close();
                Match heading = SectionHeading().Match(line);
                (code, severity, pending) = (heading.Success ? heading.Groups["code"].Value : null, null, null);
                (examples, reproduced) = ([], []);
                continue;
            }

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (block is null)
                {
                    block = [];
                    continue;
                }

                var messages = block.Where(l => MessageLine().IsMatch(l)).ToList();
                if (messages.Count > 0)
                {
                    examples.Add(new Example(pending ?? [], messages));
                    pending = null;
                }
                else
                {
                    pending = block;
                }

                block = null;
                continue;
            }

            if (block is not null)
            {
                block.Add(line);
                continue;
            }

            severity ??= SeverityLine().Match(line) is { Success: true } s ? s.Groups["severity"].Value : null;
            if (line.StartsWith("**Reproduced by:**", StringComparison.Ordinal))
            {
                reproduced.AddRange(ReproducedLink().Matches(line).Select(m => m.Groups["path"].Value));
            }
        }

        Close();
        Assert.True(sections.Count >= 300, $"found only {sections.Count} sections in docs/diagnostics.md");
        return sections;
    }

    /// <summary>The example deal, the first fenced block after 'The example deal'.</summary>
    private static string ExampleDeal()
    {
        string[] lines = File.ReadAllLines(RepoFiles.Doc("diagnostics.md"));
        int heading = Array.FindIndex(lines, l => l.StartsWith("### The example deal", StringComparison.Ordinal));
        Assert.True(heading >= 0, "docs/diagnostics.md has no '### The example deal'");
        int open = Array.FindIndex(lines, heading, l => l.StartsWith("```", StringComparison.Ordinal));
        int close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return string.Join('\n', lines[(open + 1)..close]) + "\n";
    }

    /// <summary>True when the block is one or more whole 'scenario … for Mini { … }' blocks and nothing else.</summary>
    private static bool OnlyScenarios(IReadOnlyList<string> lines)
    {
        var text = lines.Where(l => l.Trim().Length > 0).ToList();
        if (text.Count == 0 || !text[0].StartsWith("scenario ", StringComparison.Ordinal))
        {
            return false;
        }

        int depth = 0;
        foreach (string line in text)
        {
            if (depth == 0 && !line.StartsWith("scenario ", StringComparison.Ordinal))
            {
                return false; // text between or after the scenarios: not a whole file's tail
            }

            if (line.Contains('…', StringComparison.Ordinal) || line.Trim() == "...")
            {
                return false; // an elided part: not text to check as written
            }

            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
        }

        return depth == 0;
    }

    private static (string Path, string Severity, string Code) Quoted(string message)
    {
        Match m = MessageLine().Match(message);
        return (m.Groups["path"].Value, m.Groups["severity"].Value, m.Groups["code"].Value);
    }

    private static string WithoutPath(string message) => message[message.IndexOf('(', StringComparison.Ordinal)..];

    private static HashSet<string> ExpectedCodes(IEnumerable<string> lines) =>
        lines.FirstOrDefault(l => l.TrimStart().StartsWith("// expect:", StringComparison.Ordinal)) is { } expect
            ? CodeWord().Matches(expect).Select(m => m.Value).ToHashSet(StringComparer.Ordinal)
            : [];

    [GeneratedRegex(@"^### (?<code>DL[0-9]{4}): ")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\*\*Severity:\*\* (?<severity>error|warning)\b")]
    private static partial Regex SeverityLine();

    [GeneratedRegex(@"^(?<path>[^\s(`]+)\((?<line>[0-9]+),(?<col>[0-9]+)\): (?<severity>error|warning) (?<code>DL[0-9]{4}): ")]
    private static partial Regex MessageLine();

    [GeneratedRegex(@"(^|/)[0-9]{3}-[^/]+\.deal$")]
    private static partial Regex CorpusName();

    /// <summary>A link from docs/ to a file of the repository: '](../tests/corpus/malformed/074-seniority-zero.deal)'.</summary>
    [GeneratedRegex(@"\]\(\.\./(?<path>[^)]+)\)")]
    private static partial Regex ReproducedLink();

    [GeneratedRegex("DL[0-9]{4}")]
    private static partial Regex CodeWord();
}
