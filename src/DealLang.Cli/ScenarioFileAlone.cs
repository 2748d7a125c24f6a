using System.Text;
using DealLang.Compiler;
using DealLang.Runner.Reports;

namespace DealLang.Cli;

/// <summary>
/// <c>deallang VERB x.scenarios</c>, a scenario file given where a deal file goes (<c>check</c>, <c>run</c>,
/// <c>mc</c>, <c>report</c>, <c>solve</c>, <c>build</c>, <c>test</c>): one without a deal of its own goes with the
/// deal the language server pairs it with (<see cref="ScenarioFileDeal"/>: the deal its first <c>scenario S for D</c>
/// names, declared by a <c>.deal</c> file in its folder), as <c>deallang VERB deal.deal --scenarios x.scenarios</c>
/// would take it; a line on standard error names the deal used. When no such file is found it is a usage error
/// (exit 2) saying what to run instead. A <c>.scenarios</c> file that declares a deal, or imports one, has its own
/// (<see cref="ScenarioFileDeal.HasOwnDeal"/>) and is taken as given.
/// </summary>
internal static class ScenarioFileAlone
{
    /// <summary>The deal file and scenario files <paramref name="verb"/> takes for the file given
    /// (<paramref name="path"/>) and the <c>--scenarios</c> files: unchanged unless <paramref name="path"/> is a
    /// scenario file without a deal (<see cref="DealFor"/>).</summary>
    public static (string Path, string[] ScenarioFiles) Resolve(string verb, string path, string[] scenarioFiles, CliConsole console) =>
        DealFor(verb, path, console) is { } deal ? (deal, [path, .. scenarioFiles]) : (path, scenarioFiles);

    /// <summary>The <c>.deal</c> file the scenario file <paramref name="path"/> goes with, as the user would type its
    /// path, with a line on standard error naming it; null when <paramref name="path"/> is standard input, not a
    /// scenario file, or one with a deal of its own. A usage error when it names no deal, or no <c>.deal</c> file in its
    /// folder declares the one it names.</summary>
    public static string? DealFor(string verb, string path, CliConsole console)
    {
        if (path == DealFile.StandardInput || !ScenarioFileDeal.IsScenarioFile(path))
        {
            return null;
        }

        string text = Text(path);
        if (ScenarioFileDeal.HasOwnDeal(path, text, ReadDeal))
        {
            return null;
        }

        string fix = Fix(verb, path);
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
        console.Error.WriteLine(TerminalText.Escape($"deallang: {path} has no deal of its own: {Taken(verb, path, deal, dealPath)}"));
        return dealPath;
    }

    // What the verb does with the scenario file and its deal, and the command that does the same.
    static string Taken(string verb, string path, string deal, string dealPath) => verb switch
    {
        "check" => $"checking it with deal {deal} in {dealPath} (deallang check {dealPath} --scenarios {path})",
        // build compiles the deal alone (scenarios are never part of it), the scenario file checked with it.
        "build" => $"building deal {deal} in {dealPath}, with it checked (deallang build {dealPath} builds the same)",
        // test keeps the snapshots of the scenario file's own scenarios beside it; it has no --scenarios to name.
        "test" => $"testing its scenarios with deal {deal} in {dealPath}",
        _ => $"running it with deal {deal} in {dealPath} (deallang {verb} {dealPath} --scenarios {path})",
    };

    // What to do instead when the deal is not found.
    static string Fix(string verb, string path) => verb switch
    {
        "check" => $"check it with its deal: deallang check DEAL.deal --scenarios {path}",
        "build" => "build its deal: deallang build DEAL.deal",
        "test" => "test finds a scenario file's deal in its folder or in its imports: put it beside the deal's file, or import the deal (import \"DEAL.deal\")",
        _ => $"run it with its deal: deallang {verb} DEAL.deal --scenarios {path}",
    };

    /// <summary>A scenario file's text, read as a deal file is (a usage error when it cannot be).</summary>
    public static string Text(string path) => Decode(DealFile.Read(path, DealFile.ScenarioFile));

    // A .deal (or imported) file's text, or null for one that is a device or a pipe, too large, or unreadable: not a
    // candidate, and no deal of the scenario file's.
    private static string? ReadDeal(string path) =>
        StreamPaths.IsStream(path) || DiskSourceFiles.Instance.Read(path).Bytes is not { } bytes ? null : Decode(bytes);

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
