namespace DealLang.Compiler.Tests.Compiling;

/// <summary>How an import's path is checked and resolved (docs/language.md §2).</summary>
public class ImportPathsTests
{
    [Theory]
    [InlineData("deals/main.deal", "stress.scenarios", "deals/stress.scenarios")]
    [InlineData("deals/main.deal", "./common/../stress.scenarios", "deals/stress.scenarios")]
    [InlineData("deals/main.deal", "../shared/parties.deal", "shared/parties.deal")]
    [InlineData("main.deal", "../shared/parties.deal", "../shared/parties.deal")]
    [InlineData("/srv/deals/main.deal", "../../x.deal", "/x.deal")]
    [InlineData("/main.deal", "../x.deal", "/x.deal")]
    [InlineData("main.deal", ".", ".")] // the working folder (DL0601, a folder), not '' ("not found (looked for )")
    [InlineData("main.deal", "./", ".")]
    [InlineData("deals/main.deal", ".", "deals")]
    public void Paths_resolve_from_the_importing_files_folder(string importer, string written, string expected) =>
        Assert.Equal(expected, ImportPaths.Resolve(importer, written));

    [Theory]
    [InlineData("common/parties.deal", null)]
    [InlineData("../common/parties.deal", null)]
    [InlineData("/etc/passwd", "it is an absolute path")]
    [InlineData("c:/x.deal", "it is an absolute path")]
    [InlineData("a\\b.deal", "the path holds a backslash")]
    [InlineData(" ", "the path is empty")]
    [InlineData("a\u0007.deal", "the path holds a control character")]
    public void Only_relative_paths_written_with_slashes_may_be_imported(string written, string? problem) =>
        Assert.Equal(problem, ImportPaths.Problem(written));
}
