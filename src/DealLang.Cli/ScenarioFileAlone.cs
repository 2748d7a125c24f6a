using System.Text;
using System.Text.RegularExpressions;
using DealLang.Compiler;
using DealLang.Runner.Reports;

namespace DealLang.Cli;

/// <summary>
/// <c>deallang VERB x.scenarios</c>, a scenario file given where a deal file goes, for every verb that takes
/// <c>--scenarios</c> (<c>check</c>, <c>run</c>, <c>mc</c>, <c>report</c>, <c>solve</c>): it has no deal of its own, so
/// the verb takes it with the deal the language server pairs it with (<see cref="ScenarioFileDeal"/>: the deal its
/// first <c>scenario S for D</c> names, declared by a <c>.deal</c> file in its folder), as
/// <c>deallang VERB deal.deal --scenarios x.scenarios</c> would; a line on standard error names the deal used and
/// that command. When no such file is found it is a usage error (exit 2) naming that command. A <c>.scenarios</c>
/// file that declares a deal itself is taken as given.
/// </summary>
internal static class ScenarioFileAlone
{
    /// <summary>The deal file and scenario files <paramref name="verb"/> takes for the file given
    /// (<paramref name="path"/>) and the <c>--scenarios</c> files: unchanged unless <paramref name="path"/> is a
    /// scenario file without a deal.</summary>
    public static (string Path, string[] ScenarioFiles) Resolve(string verb, string path, string[] scenarioFiles, CliConsole console)
    {
        if (path == DealFile.StandardInput || !ScenarioFileDeal.IsScenarioFile(path))
        {
            return (path, scenarioFiles);
        }

        string text = Decode(DealFile.Read(path, DealFile.ScenarioFile));
        if (DeclaresADeal(text))
        {
            return (path, scenarioFiles);
        }

        // check checks the file; every other verb that takes --scenarios runs the deal with it.
        (string does, string doing) = verb == "check" ? ("check", "checking") : ("run", "running");
        string fix = $"{does} it with its deal: deallang {verb} DEAL.deal --scenarios {path}";
        if (ScenarioFileDeal.DealNamed(text) is not { } deal)
        {
            throw new UsageException($"{path} is a scenario file and declares no deal, nor names one ('scenario S for Deal'); {fix}");
        }

        string folder = Path.GetDirectoryName(path) is { Length: > 0 } given ? given : ".";
        if (ScenarioFileDeal.FindInFolder(folder, deal, ReadDeal) is not { } found)
        {
            throw new UsageException($"{path} is a scenario file for deal '{deal}', which no .deal file in {folder} declares; {fix}");
        }

        // The deal's path as the user would type it: the scenario file's folder as given, then the file's name.
        string dealPath = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileName(found.Path));
        console.Error.WriteLine(TerminalText.Escape($"deallang: {path} has no deal of its own: {doing} it with deal {deal} in {dealPath} (deallang {verb} {dealPath} --scenarios {path})"));
        return (dealPath, [path, .. scenarioFiles]);
    }

    // A .deal file's text, or null for one that is a device or a pipe, too large, or unreadable: not a candidate.
    private static string? ReadDeal(string path) =>
        StreamPaths.IsStream(path) || DiskSourceFiles.Instance.Read(path).Bytes is not { } bytes ? null : Decode(bytes);

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static bool DeclaresADeal(string text) =>
        Regex.IsMatch(text, @"(^|\n)\s*deal\s+[A-Za-z_][A-Za-z_0-9]*\s*\{", RegexOptions.CultureInvariant);
}
