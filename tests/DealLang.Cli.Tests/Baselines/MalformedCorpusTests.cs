using System.Text;
using System.Text.RegularExpressions;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Baselines;

/// <summary>
/// Every file in tests/corpus/malformed is a mistake someone could make. Each must produce located diagnostics (never
/// a crash), exactly the codes its <c>// expect:</c> line lists, and diagnostics equal to its baseline. Most are
/// errors; a few model mistakes the checker reports as warnings (the deal still compiles).
/// Add a case by adding a file; accept its baseline with DEALLANG_ACCEPT=1 dotnet test.
/// </summary>
public partial class MalformedCorpusTests
{
    public static TheoryData<string> Files => DealFiles.Theory("tests/corpus/malformed");

    [Fact]
    public void The_corpus_has_at_least_thirty_cases() => Assert.True(Files.Count >= 30, $"only {Files.Count} cases");

    [Theory]
    [MemberData(nameof(Files))]
    public void Diagnostics_match_baseline(string file)
    {
        string text = DealFiles.Read(file);
        // From the bytes, as the CLI reads a file: a case may hold bytes that are not UTF-8 (DL0133). Its imports
        // are read from the repository, as the CLI would from the repository's root (the path is relative to it).
        var result = DealCompiler.Check(Compilation.Create(
            SourceDocument.FromBytes(file, File.ReadAllBytes(Path.Combine(RepoPaths.Root, file))), new RepositoryFiles()));

        Assert.NotEmpty(result.Diagnostics);
        Assert.Equal(result.Diagnostics.Any(d => d.Severity == Severity.Error), result.Model is null);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.Equal(file, d.Span.Path);
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"unlocated diagnostic: {d}");
            Assert.Matches("^DL0[1-8][0-9][0-9]$", d.Code);
        });

        var expected = ExpectedCodes(text);
        var actual = result.Diagnostics.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(actual),
            $"{file}: expected codes [{string.Join(' ', expected.Order(StringComparer.Ordinal))}] but got [{string.Join(' ', actual.Order(StringComparer.Ordinal))}]");

        var report = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            report.Append(d).Append('\n');
        }

        Snapshot.Verify(report.ToString(), "txt", DealFiles.Stem(file));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_cli_reports_them_with_the_right_exit_code_and_no_stack_trace(string file)
    {
        var outcome = CliHarness.Run("check", Path.Combine(RepoPaths.Root, file));

        bool hasErrors = outcome.Err.Contains(": error DL", StringComparison.Ordinal);
        Assert.Equal(hasErrors ? ExitCodes.DealErrors : ExitCodes.Ok, outcome.Exit);
        Assert.Matches(": (error|warning) DL", outcome.Err);
        Commands.UsageErrorTests.AssertNoStackTrace(outcome);
    }

    /// <summary>The codes listed on the file's <c>// expect: DL0101 DL0203</c> line.</summary>
    private static HashSet<string> ExpectedCodes(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("// expect:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("corpus file has no '// expect:' line");
        return CodePattern().Matches(line).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Files by their path relative to the repository's root.</summary>
    private sealed class RepositoryFiles : ISourceFiles
    {
        public SourceFileRead Read(string path) => DiskSourceFiles.Instance.Read(Path.Combine(RepoPaths.Root, path));
    }

    [GeneratedRegex("DL[0-9]{4}")]
    private static partial Regex CodePattern();
}
