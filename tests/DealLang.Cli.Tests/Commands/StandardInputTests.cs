using System.Diagnostics;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>-</c> with a standard input that cannot be read is a usage error (exit 2, docs/cli.md "Every verb"), in the real
/// process, whose standard input the shell sets up: a directory (<c>&lt; /tmp</c>: "Is a directory") and a file opened
/// for writing only (<c>0&gt;&gt;file</c>) were internal errors (exit 3).
/// </summary>
public sealed class StandardInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("deallang-stdin-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Runs the built CLI under bash with <paramref name="redirection"/> applied to it; its exit code and
    /// standard error, or a failure if it has not ended in 60 s (a hang).</summary>
    internal static async Task<(int Exit, string Error)> RunRedirected(string arguments, string redirection, string folder)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "deallang.dll");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{cli}' {arguments} {redirection}");
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"deallang {arguments} {redirection} did not end within 60 s");
        }

        await output;
        return (process.ExitCode, await error);
    }

    [Theory]
    [InlineData("check -", "< /tmp", "cannot read standard input: Is a directory")]
    [InlineData("fmt -", "< /tmp", "cannot read standard input: Is a directory")]
    [InlineData("check -", "0>>written.txt", "cannot read standard input: it is not open for reading")]
    [InlineData("fmt -", "0>>written.txt", "cannot read standard input: it is not open for reading")]
    public async Task Standard_input_that_cannot_be_read_is_a_usage_error(string arguments, string redirection, string message)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (exit, error) = await RunRedirected(arguments, redirection, _directory);

        Assert.True(exit == ExitCodes.UsageError, $"exit {exit}: {error}");
        Assert.Contains($"deallang: error: {message}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    // With standard input closed, the runtime's own pipe took descriptor 0 and reading it waited forever: each of these
    // hung. RunRedirected fails the test after 60 s.
    [Theory]
    [InlineData("check -")]
    [InlineData("fmt -")]
    [InlineData("run -")]
    [InlineData("build -")]
    [InlineData("mc - --scenario Stochastic")]
    [InlineData("solve - --fair-spread Notes")]
    [InlineData("report - -o r.html")]
    public async Task Closed_standard_input_is_a_usage_error_not_a_hang(string arguments)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (exit, error) = await RunRedirected(arguments, "<&-", _directory);

        Assert.True(exit == ExitCodes.UsageError, $"exit {exit}: {error}");
        Assert.Contains("deallang: error: '-' reads the deal from standard input, which is closed (<&-)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_server_with_standard_input_closed_ends_as_when_the_pipe_closes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var (exit, error) = await RunRedirected("lsp --stdio", "<&-", _directory);

        Assert.True(exit == ExitCodes.DealErrors, $"exit {exit}: {error}"); // docs/cli.md: 1 when the editor closes the pipe
    }

    [Fact]
    public async Task A_deal_piped_in_is_still_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string deal = Path.Combine(DealLang.TestSupport.RepoPaths.Examples, "hyperion.deal");
        Assert.Equal(ExitCodes.Ok, (await RunRedirected("check -", $"< '{deal}'", _directory)).Exit);
        Assert.Equal(ExitCodes.Ok, (await RunRedirected("check -", $"0< <(cat '{deal}')", _directory)).Exit);
    }
}
