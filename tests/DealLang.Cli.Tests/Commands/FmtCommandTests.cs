using DealLang.Compiler.Format;

namespace DealLang.Cli.Tests.Commands;

/// <summary><c>deallang fmt</c> (docs/cli.md): a file printed or written with -o, a folder in place, --check, and the
/// files it refuses to rewrite (a syntax error, bytes that are not UTF-8), left byte for byte as they were.</summary>
public sealed class FmtCommandTests : IDisposable
{
    const string Messy = "deal Mini {\n title \"m\"  // the title\ncurrency USD\n\n\n  party P {   }\n}\n";
    const string Tidy = "deal Mini {\n  title    \"m\"  // the title\n  currency USD\n\n  party P { }\n}\n";
    const string Broken = "deal Broken {\n  tranche T { balance }\n}\n";

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-fmt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_file_is_printed_or_written_formatted()
    {
        Assert.Equal(Tidy, DealFormatter.Format(Messy, "m.deal").Text);
        string messy = Write("mini.deal", Messy);
        var printed = CliHarness.Run("fmt", messy);
        Assert.True(printed.Exit == 0, printed.ToString());
        Assert.Equal(Tidy, printed.Out);
        Assert.Equal(Messy, File.ReadAllText(messy));

        Assert.Equal(0, CliHarness.Run("fmt", messy, "-o", messy).Exit);
        Assert.Equal(Tidy, File.ReadAllText(messy));
        Assert.Equal(0, CliHarness.Run("fmt", "--check", messy).Exit);
    }

    [Fact]
    public void A_folder_is_checked_then_formatted_in_place_and_broken_files_are_never_rewritten()
    {
        string messy = Write("deals/mini.deal", Messy);
        string scenarios = Write("deals/sub/extra.scenarios", "scenario S for Mini {\nP defaults on 2027-01-01   // late\n}\n");
        string tidy = Write("deals/tidy.deal", Tidy);
        string broken = Write("deals/broken.deal", Broken);
        string other = Write("deals/notes.txt", "not a deal   \n");

        var check = CliHarness.Run("fmt", "--check", Path.Combine(folder, "deals"));
        Assert.True(check.Exit == 1, check.ToString());
        Assert.Equal([messy, scenarios], check.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("DL0101", check.Err, StringComparison.Ordinal);
        Assert.Contains(broken + " not formatted: fix the errors above first", check.Err, StringComparison.Ordinal);
        Assert.Equal(Messy, File.ReadAllText(messy));

        var format = CliHarness.Run("fmt", Path.Combine(folder, "deals"));
        Assert.True(format.Exit == 1, format.ToString()); // the broken file
        Assert.Equal(Tidy, File.ReadAllText(messy));
        Assert.Equal("scenario S for Mini {\n  P defaults on 2027-01-01  // late\n}\n", File.ReadAllText(scenarios));
        Assert.Equal(Tidy, File.ReadAllText(tidy));
        Assert.Equal(Broken, File.ReadAllText(broken));
        Assert.Equal("not a deal   \n", File.ReadAllText(other));

        File.Delete(broken);
        Assert.Equal(0, CliHarness.Run("fmt", "--check", Path.Combine(folder, "deals")).Exit);
    }

    // A folder is walked as find walks it (FolderWalk): a link back up the tree once had each file formatted and
    // listed forty times over; a hidden folder's files are left alone.
    [Fact]
    public void A_folder_is_walked_without_following_links_to_folders()
    {
        string messy = Write("deals/mini.deal", Messy);
        string hidden = Write("deals/.backup/mini.deal", Messy);
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "deals", "loop"), ".");
        }

        var check = CliHarness.Run("fmt", "--check", Path.Combine(folder, "deals"));
        Assert.True(check.Exit == 1, check.ToString());
        Assert.Equal([messy], check.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var format = CliHarness.Run("fmt", Path.Combine(folder, "deals"));
        Assert.True(format.Exit == 0, format.ToString());
        Assert.Equal([$"formatted {messy}"], format.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Tidy, File.ReadAllText(messy));
        Assert.Equal(Messy, File.ReadAllText(hidden));
    }

    // A FIFO with a deal's name (mkfifo) is passed over, as find -type f does: reading it waited for a writer, and
    // 'fmt DIR' (and 'test DIR') hung.
    [Fact]
    public void Its_written_lines_are_the_ones_quiet_leaves_out()
    {
        // -o says 'wrote FILE' as every verb's -o does; a folder's 'formatted FILE' lines and its count are the same kind
        // of line, which --verbosity quiet leaves out, while --check's list of files is its result and stays.
        string messy = Write("one/mini.deal", Messy);
        string target = Path.Combine(folder, "one", "out.deal");
        var written = CliHarness.Run("fmt", messy, "-o", target);
        Assert.True(written.Exit == 0, written.ToString());
        Assert.Equal($"wrote {target}\n", written.Out.ReplaceLineEndings("\n"));
        Assert.Equal("", CliHarness.Run("fmt", messy, "-o", target, "-v", "quiet").Out);

        string inFolder = Write("two/mini.deal", Messy);
        var check = CliHarness.Run("fmt", "--check", Path.Combine(folder, "two"), "-v", "quiet");
        Assert.Equal(1, check.Exit);
        Assert.Equal($"{inFolder}\n", check.Out.ReplaceLineEndings("\n"));
        Assert.Equal("", check.Err);
        var quiet = CliHarness.Run("fmt", Path.Combine(folder, "two"), "-v", "quiet");
        Assert.True(quiet.Exit == 0, quiet.ToString());
        Assert.Equal("", quiet.Out + quiet.Err);
        Assert.Equal(Tidy, File.ReadAllText(inFolder));
    }

    [Fact]
    public void A_folder_with_nothing_to_format_is_a_usage_error()
    {
        // As test's: a wrong path (a folder of other files, or an empty one) must not pass `fmt --check` in CI.
        Write("notes/readme.txt", "not a deal");
        foreach (string[] args in new[] { new[] { "fmt", Path.Combine(folder, "notes") }, ["fmt", "--check", Path.Combine(folder, "notes")] })
        {
            var run = CliHarness.Run(args);
            Assert.Equal(2, run.Exit);
            Assert.Equal($"deallang: error: no .deal or .scenarios files in {Path.Combine(folder, "notes")}\n", run.Err.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public async Task A_fifo_in_the_folder_is_passed_over()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string messy = Write("deals/mini.deal", Messy);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(folder, "deals", "pipe.deal")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // On a thread of its own, so that a walk waiting on the FIFO fails the test rather than hanging it.
        var check = await Task.Run(() => CliHarness.Run("fmt", "--check", Path.Combine(folder, "deals"))).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(check.Exit == 1, check.ToString());
        Assert.Equal([messy], check.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // A file keeps its own line ends: one checked out with CRLF (Git's autocrlf on Windows) and otherwise tidy is
    // formatted as it is (it was reported as not formatted, every line of it), and a messy one comes out tidy with CRLF.
    // A block comment's line ends follow the file's.
    [Fact]
    public void A_file_keeps_its_own_line_ends()
    {
        static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);
        string tidy = Write("crlf-tidy.deal", Crlf(Tidy));
        string messy = Write("crlf-messy.deal", Crlf(Messy) + "/* a\nblock */\n");

        Assert.Equal(0, CliHarness.Run("fmt", "--check", tidy).Exit);
        Assert.Equal(Crlf(Tidy), File.ReadAllText(tidy));
        Assert.Equal(0, CliHarness.Run("fmt", messy, "-o", messy).Exit);
        Assert.Equal(Crlf(Tidy + "/* a\nblock */\n"), File.ReadAllText(messy));
        Assert.Equal(Tidy, DealFormatter.Format(Messy, "lf.deal").Text); // LF stays LF
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_and_o_takes_one_file()
    {
        string path = Path.Combine(folder, "latin1.deal");
        byte[] bytes = [.. "deal M {\n  title \"caf"u8.ToArray(), 0xE9, .. "\"\n}\n"u8.ToArray()];
        File.WriteAllBytes(path, bytes);
        var outcome = CliHarness.Run("fmt", path, "-o", path);
        Assert.True(outcome.Exit == 1, outcome.ToString());
        Assert.Contains("DL0133", outcome.Err, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));

        Assert.Equal(2, CliHarness.Run("fmt", folder, "-o", Path.Combine(folder, "x.deal")).Exit);
        Assert.Equal(2, CliHarness.Run("fmt", Path.Combine(folder, "missing.deal")).Exit);
    }

    [Fact]
    public void Check_with_o_is_a_usage_error_and_writes_nothing()
    {
        // -o was read and ignored: the exit code said "not formatted" and no file appeared where it was asked for.
        string messy = Write("mini.deal", Messy);
        string output = Path.Combine(folder, "out.deal");
        var outcome = CliHarness.Run("fmt", messy, "--check", "-o", output);

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: --check writes nothing, so it takes no -o: give one or the other", outcome.Err.Trim());
        Assert.False(File.Exists(output));
        Assert.Equal(Messy, File.ReadAllText(messy));
    }
}
