using System.Diagnostics;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// The <c>./deallang</c> wrapper publishes the CLI only when a source changed since its last build (a stamp of the
/// files under src/ and the shared build settings) and otherwise runs it at once. Run on a copy of the script in
/// a small folder, against a stand-in <c>dotnet</c> that logs its calls, so no real build is needed.
/// </summary>
public sealed class WrapperStampTests : IDisposable
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_LOG"
        if [[ "$1" == publish ]]; then
          if [[ -n "${FAKE_FAIL:-}" ]]; then echo "error CS1002: ; expected"; exit 1; fi
          while (( $# > 0 )); do
            if [[ "$1" == -o ]]; then mkdir -p "$2"; touch "$2/deallang.dll"; fi
            shift
          done
        fi
        exit 0
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "deallang-wrapper-" + Guid.NewGuid().ToString("N"));

    private string Log => Path.Combine(_root, "calls.log");

    public WrapperStampTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "src", "DealLang.Cli", "obj"));
        Directory.CreateDirectory(Path.Combine(_root, "tools"));
        File.Copy(Path.Combine(RepoPaths.Root, "deallang"), Path.Combine(_root, "deallang"));
        File.WriteAllText(Path.Combine(_root, "src", "DealLang.Cli", "Program.cs"), "// v1\n");
        File.WriteAllText(Path.Combine(_root, "src", "DealLang.Cli", "DealLang.Cli.csproj"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "tools", "dotnet"), FakeDotnet.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_root, "tools", "dotnet"), (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(Path.Combine(_root, "deallang"), (UnixFileMode)Convert.ToInt32("755", 8));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Exit, string Err, int Publishes, string LastCall) Wrapper(bool failBuild = false)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_root, "deallang"), "run", "x.deal"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PATH"] = Path.Combine(_root, "tools") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = Log;
        if (failBuild)
        {
            start.Environment["FAKE_FAIL"] = "1";
        }

        int before = File.Exists(Log) ? File.ReadAllLines(Log).Length : 0;
        using var process = Process.Start(start)!;
        string err = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string[] calls = File.Exists(Log) ? File.ReadAllLines(Log)[before..] : [];
        return (process.ExitCode, err, calls.Count(c => c.StartsWith("publish ", StringComparison.Ordinal)), calls.LastOrDefault() ?? "");
    }

    private void Edit(string relative, string text, DateTime? time = null)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (time is { } t)
        {
            File.SetLastWriteTimeUtc(path, t);
        }
    }

    [Fact]
    public void It_publishes_once_then_runs_without_building_until_a_source_changes()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the wrapper is a bash script; Windows users run `dotnet run --project src/DealLang.Cli`
        }

        var first = Wrapper();
        Assert.Equal((0, 1), (first.Exit, first.Publishes));
        Assert.Contains("building DealLang (first run only", first.Err, StringComparison.Ordinal);
        Assert.EndsWith(".deallang/bin/deallang.dll run x.deal", first.LastCall, StringComparison.Ordinal);

        var again = Wrapper();
        Assert.Equal((0, 0, ""), (again.Exit, again.Publishes, again.Err));
        Assert.EndsWith(".deallang/bin/deallang.dll run x.deal", again.LastCall, StringComparison.Ordinal);

        // Output of the build itself (bin/ and obj/ under src/) is not a source.
        Edit("src/DealLang.Cli/obj/project.assets.json", "{}");
        Edit("src/DealLang.Cli/bin/Release/x.dll", "");
        Assert.Equal(0, Wrapper().Publishes);

        // An edit, even one that keeps the size and puts the time back; a new file; a deleted one; a rename; the
        // shared build settings: each publishes again, once.
        DateTime old = File.GetLastWriteTimeUtc(Path.Combine(_root, "src/DealLang.Cli/Program.cs")).AddMinutes(-5);
        Edit("src/DealLang.Cli/Program.cs", "// v2\n", old);
        Assert.Equal(1, Wrapper().Publishes);
        Assert.Equal(0, Wrapper().Publishes);
        Edit("src/DealLang.Compiler/New.cs", "// new\n");
        Assert.Equal(1, Wrapper().Publishes);
        File.Move(Path.Combine(_root, "src/DealLang.Compiler/New.cs"), Path.Combine(_root, "src/DealLang.Compiler/Renamed.cs"));
        Assert.Equal(1, Wrapper().Publishes);
        File.Delete(Path.Combine(_root, "src/DealLang.Compiler/Renamed.cs"));
        Assert.Equal(1, Wrapper().Publishes);
        Edit("Directory.Build.props", "<Project><!-- changed --></Project>\n");
        Assert.Equal(1, Wrapper().Publishes);
        Edit("Directory.Packages.props", "<Project />\n");
        Assert.Equal(1, Wrapper().Publishes);
        Assert.Equal(0, Wrapper().Publishes);
    }

    [Fact]
    public void A_failed_build_is_one_line_and_exit_3_and_is_tried_again_next_time()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(1, Wrapper().Publishes);
        Edit("src/DealLang.Cli/Program.cs", "// broken\n");

        var failed = Wrapper(failBuild: true);

        Assert.Equal(3, failed.Exit);
        string line = Assert.Single(failed.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"deallang: building DealLang failed; the build log is {_root}/.deallang/build.log", line);
        Assert.Contains("CS1002", File.ReadAllText(Path.Combine(_root, ".deallang", "build.log")), StringComparison.Ordinal);
        Assert.DoesNotContain("run x.deal", failed.LastCall, StringComparison.Ordinal);

        // Nothing changed since, but the last build failed: the next call builds again rather than run a stale CLI.
        var next = Wrapper();
        Assert.Equal((0, 1), (next.Exit, next.Publishes));
    }
}
