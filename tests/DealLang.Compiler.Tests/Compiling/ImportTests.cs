using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Compiling.TwoFiles;

namespace DealLang.Compiler.Tests.Compiling;

/// <summary><c>import "path"</c>: resolved from the importing file's folder, followed transitively, each file read
/// once; every mistake is a diagnostic at the import, in the importing file.</summary>
public class ImportTests
{
    /// <summary>Counts reads, to show a file imported twice is read once.</summary>
    private sealed class CountingFiles(ISourceFiles inner) : ISourceFiles
    {
        public List<string> Reads { get; } = [];

        public SourceFileRead Read(string path)
        {
            Reads.Add(path);
            return inner.Read(path);
        }
    }

    private static Compilation CompileRoot(string rootText, ISourceFiles files) =>
        Compilation.Create(SourceDocument.FromText(DealPath, rootText), files);

    private static Diagnostic SingleError(Compilation compilation) =>
        Assert.Single(compilation.Diagnostics, d => d.Severity == Severity.Error);

    [Fact]
    public void Imports_are_relative_to_the_importing_file_and_transitive()
    {
        // main.deal -> scenarios/a.scenarios -> ../more/b.scenarios (= deals/more/b.scenarios)
        var files = Files()
            .Add("deals/scenarios/a.scenarios", "import \"../more/b.scenarios\"\nscenario A for D { ShedLease renewals taken 0 }")
            .Add("deals/more/b.scenarios", "scenario B for D { Tenant defaults on 2027-06-30 }");

        var compilation = CompileRoot("import \"scenarios/a.scenarios\"\n" + Deal, files);

        Assert.True(compilation.Model is not null, Show(compilation.Diagnostics));
        Assert.Equal([DealPath, "deals/scenarios/a.scenarios", "deals/more/b.scenarios"], compilation.Units.Select(u => u.Span.Path));
        Assert.Equal(["A", "B"], compilation.Model!.Scenarios.Select(s => s.Name));
    }

    [Fact]
    public void A_file_imported_twice_is_read_once()
    {
        // A diamond: main imports x and y, both import common.
        var files = new CountingFiles(Files()
            .Add("deals/x.scenarios", "import \"common.scenarios\"\nscenario X for D { ShedLease renewals taken 0 }")
            .Add("deals/y.scenarios", "import \"./common.scenarios\"\nscenario Y for D { ShedLease renewals taken 0 }")
            .Add("deals/common.scenarios", "scenario Common for D { Tenant defaults on 2027-06-30 }"));

        var compilation = CompileRoot("import \"x.scenarios\"\nimport \"y.scenarios\"\n" + Deal, files);

        Assert.True(compilation.Model is not null, Show(compilation.Diagnostics));
        Assert.Equal(["deals/x.scenarios", "deals/common.scenarios", "deals/y.scenarios"], files.Reads);
        Assert.Equal(["X", "Common", "Y"], compilation.Model!.Scenarios.Select(s => s.Name));
    }

    [Fact]
    public void A_missing_file_is_DL0600_at_the_import()
    {
        var compilation = CompileRoot("import \"stres.scenarios\"\n" + Deal, Files());

        var error = SingleError(compilation);
        Assert.Equal(("DL0600", DealPath, 1, 1), (error.Code, error.Span.Path, error.Span.Line, error.Span.Column));
        Assert.Contains("looked for deals/stres.scenarios", error.Message, StringComparison.Ordinal);
        Assert.Null(compilation.Model);
    }

    [Fact]
    public void A_folder_or_an_oversized_file_is_DL0601()
    {
        var files = Files().Add("deals/big.deal", new byte[DiskSourceFiles.MaxBytes + 1]);

        var folder = SingleError(CompileRoot("import \"../deals\"\n" + Deal, files));
        var big = SingleError(CompileRoot("import \"big.deal\"\n" + Deal, files));

        Assert.Equal("DL0601", folder.Code);
        Assert.Contains("it is a directory", folder.Message, StringComparison.Ordinal);
        Assert.Equal("DL0601", big.Code);
        Assert.Contains("larger than 16 MiB", big.Message, StringComparison.Ordinal);
    }

    // A device or a pipe is refused before it is opened: /dev/stdin is a language server's protocol (reading it would
    // take the editor's messages), /dev/zero never ends, a terminal waits for a user. Enough '..' climb from any
    // working directory to the root, where the extra ones stop.
    [Theory]
    [InlineData("dev/stdin")]
    [InlineData("dev/zero")]
    [InlineData("proc/self/fd/0")]
    public void A_device_or_a_pipe_is_DL0601_and_never_opened(string underRoot)
    {
        string written = string.Concat(Enumerable.Repeat("../", 40)) + underRoot;
        var files = new CountingFiles(Files());

        var error = SingleError(CompileRoot($"import \"{written}\"\n" + Deal, files));

        Assert.Equal(("DL0601", DealPath, 1, 1), (error.Code, error.Span.Path, error.Span.Line, error.Span.Column));
        Assert.EndsWith("/" + underRoot + ": it is a device or a pipe (a FIFO, or a path under /dev or /proc), not a deal file", error.Message, StringComparison.Ordinal);
        Assert.Empty(files.Reads);
    }

    [Fact]
    public void A_link_to_a_device_is_DL0601()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string folder = Directory.CreateTempSubdirectory("deallang-import-link-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder, "stress.scenarios"), "/dev/zero");

            var result = DealCompiler.Check(Path.Combine(folder, "main.deal"), "import \"stress.scenarios\"\n" + Deal);

            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal("DL0601", error.Code);
            Assert.Contains("it is a device or a pipe", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A FIFO (mkfifo) in an ordinary folder: opening it waited for a writer, so 'check' hung. Linux says what it is
    // (statx), and it is refused unopened like a device.
    [Fact]
    public async Task A_fifo_is_DL0601_and_never_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string folder = Directory.CreateTempSubdirectory("deallang-import-fifo-").FullName;
        try
        {
            string fifo = Path.Combine(folder, "stress.scenarios");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            // On a thread of its own, so that a check waiting on the FIFO fails the test rather than hanging it.
            var result = await Task.Run(() => DealCompiler.Check(Path.Combine(folder, "main.deal"), "import \"stress.scenarios\"\n" + Deal))
                .WaitAsync(TimeSpan.FromSeconds(30));

            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal("DL0601", error.Code);
            Assert.Contains("it is a device or a pipe (a FIFO", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_circle_of_imports_is_DL0602_naming_the_chain_at_the_import_that_closes_it()
    {
        // main -> a -> b -> a: the circle is a -> b -> a, closed on b's first line.
        var files = Files()
            .Add("deals/a.scenarios", "import \"b.scenarios\"\nscenario A for D { ShedLease renewals taken 0 }")
            .Add("deals/b.scenarios", "import \"a.scenarios\"\nscenario B for D { ShedLease renewals taken 0 }");

        var compilation = CompileRoot("import \"a.scenarios\"\n" + Deal, files);

        var error = SingleError(compilation);
        Assert.Equal(("DL0602", "deals/b.scenarios", 1, 1), (error.Code, error.Span.Path, error.Span.Line, error.Span.Column));
        Assert.Contains("deals/a.scenarios -> deals/b.scenarios -> deals/a.scenarios", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_importing_itself_is_DL0603()
    {
        var error = SingleError(CompileRoot("import \"main.deal\"\n" + Deal, Files()));

        Assert.Equal(("DL0603", DealPath, 1), (error.Code, error.Span.Path, error.Span.Line));
    }

    [Theory]
    [InlineData("/home/me/stress.scenarios", "it is an absolute path")]
    [InlineData("C:/deals/stress.scenarios", "it is an absolute path")]
    [InlineData("deals\\\\stress.scenarios", "backslash")]
    [InlineData("", "the path is empty")]
    public void A_path_that_is_not_relative_is_DL0604(string written, string reason)
    {
        var error = SingleError(CompileRoot($"import \"{written}\"\n" + Deal, Files()));

        Assert.Equal(("DL0604", 1), (error.Code, error.Span.Line));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_after_a_declaration_is_DL0605_and_not_followed()
    {
        var files = new CountingFiles(Files());

        var compilation = CompileRoot(Deal + "\nimport \"stress.scenarios\"\n", files);

        var error = SingleError(compilation);
        Assert.Equal(("DL0605", DealPath, 24), (error.Code, error.Span.Path, error.Span.Line));
        Assert.Empty(files.Reads);
    }

    [Fact]
    public void A_syntax_error_in_an_imported_file_is_located_in_that_file()
    {
        var files = Files().Add("deals/bad.scenarios", "scenario Bad for D {\n  ShedLease renewals taken\n}");

        var compilation = CompileRoot("import \"bad.scenarios\"\n" + Deal, files);

        Assert.Null(compilation.Model);
        Assert.All(compilation.Diagnostics, d => Assert.Equal("deals/bad.scenarios", d.Span.Path));
        Assert.Contains(compilation.Diagnostics, d => d.Code == "DL0101");
    }

    [Theory]
    [InlineData("\u0000x")]
    [InlineData("a/../../../../../../../../../../../../../../x.deal")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("./")]
    [InlineData("a//b.deal")]
    [InlineData("?*<>|:.deal")]
    [InlineData("LONG")]
    public void Odd_paths_never_throw_and_every_diagnostic_is_located(string written)
    {
        if (written == "LONG")
        {
            written = string.Join('/', Enumerable.Repeat(new string('a', 250), 40)); // past any path length limit
        }

        string text = $"import \"{written}\"\n" + Deal;

        var onDisk = DealCompiler.Check("main.deal", text);
        var inMemory = CompileRoot(text, Files());

        Assert.All(onDisk.Diagnostics.Concat(inMemory.Diagnostics), d => Assert.True(d.Span.Line >= 1, d.ToString()));
        Assert.Contains(inMemory.Diagnostics, d => d.Code.StartsWith("DL060", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_reads_imports_from_disk_relative_to_the_file()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-import-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "stress.scenarios"), Scenarios);
            string path = Path.Combine(folder, "main.deal");

            var result = DealCompiler.Check(path, "import \"stress.scenarios\"\n" + Deal);

            Assert.True(result.Succeeded, Show(result.Diagnostics));
            Assert.Equal("Stress", Assert.Single(result.Model!.Scenarios).Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
