using System.Diagnostics;
using System.Globalization;
using DealLang.Cli.Commands;
using DealLang.Compiler;
using DealLang.Compiler.Emit;

namespace DealLang.Cli;

/// <summary>Reads the files a verb is given, turning file-system problems into one-line usage errors (exit 2),
/// and builds the compilation of a deal and its scenario files. The reading rules (not a directory, at most
/// 16 MiB, read in chunks so a device is refused) are the compiler's <see cref="DiskSourceFiles"/>, which also
/// reads the files they import (a problem there is a diagnostic at the import). A deal file given as <c>-</c> is read
/// from standard input (named <see cref="StandardInputName"/> in diagnostics; its imports resolve relative to the
/// working directory).</summary>
internal static class DealFile
{
    /// <summary>The largest deal file read (docs/cli.md).</summary>
    public const int MaxBytes = DiskSourceFiles.MaxBytes;

    /// <summary>What a verb is given for "read the deal from standard input".</summary>
    public const string StandardInput = "-";

    /// <summary>The deal read from standard input, as diagnostics name it: a name with no folder, so its imports
    /// resolve relative to the working directory.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>What a <c>--scenarios</c> file is called in a message about it.</summary>
    public const string ScenarioFile = "a scenario file";

    /// <summary>The file's bytes; the compiler decodes them (<c>DealText</c>), so that bytes that are not UTF-8
    /// are reported where they stand (DL0133) rather than read as U+FFFD silently. <paramref name="kind"/> names
    /// what the file should be in a message ("a .deal file", "a scenario file").</summary>
    public static byte[] Read(string path, string kind = "a .deal file")
    {
        GivenPath.Require(path, "file");
        SourceFileRead read = DiskSourceFiles.Instance.Read(path);
        return read.Problem switch
        {
            SourceFileProblem.None when read.Bytes is not null => read.Bytes,
            SourceFileProblem.Directory => throw new UsageException($"'{path}' is a directory; give {kind}"),
            SourceFileProblem.NotFound => throw new UsageException(DanglingLink(path) is { } target
                ? $"file not found: {path} is a symbolic link to {target}, which does not exist"
                : $"file not found: {path}"),
            SourceFileProblem.TooLarge => throw new UsageException(
                $"{path} is larger than {MaxBytes / (1024 * 1024)} MiB, the most a deal file may hold; is it the right file?"),
            _ => throw new UsageException($"cannot read {path}: {read.Detail}"),
        };
    }

    // Where a symbolic link that leads to no file points (its target as written), or null for anything else.
    private static string? DanglingLink(string path)
    {
        try
        {
            var link = new FileInfo(path);
            return link.LinkTarget is { } target && link.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } ? target : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null; // a path the system will not describe: the plain message
        }
    }

    /// <summary>The name diagnostics and messages give the file a verb was given: <see cref="StandardInputName"/> for
    /// <c>-</c>, else the path as given.</summary>
    public static string Shown(string path) => path == StandardInput ? StandardInputName : path;

    /// <summary>The bytes of the file a verb was given, standard input's for <c>-</c> (<c>fmt -</c>, as an editor
    /// pipes a buffer through a formatter).</summary>
    public static byte[] ReadGiven(string path, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return path == StandardInput ? ReadStandardInput(console) : Read(path);
    }

    /// <summary>As <see cref="Compile(string, IReadOnlyList{string}?, CliConsole)"/> with no console (tests): no standard
    /// input, nothing reported.</summary>
    public static Compilation Compile(string path, IReadOnlyList<string>? scenarioFiles = null) =>
        Compile(path, scenarioFiles, new CliConsole(TextWriter.Null, TextWriter.Null));

    /// <summary>The deal file (<c>-</c>: standard input) and the scenario files given with <c>--scenarios</c>, with
    /// everything they import, as one compilation. Each file given is read here first, so a wrong path is a usage
    /// error.</summary>
    public static Compilation Compile(string path, IReadOnlyList<string>? scenarioFiles, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        byte[]? input = path == StandardInput ? ReadStandardInput(console) : null;
        SourceDocument root = input is not null ? SourceDocument.FromBytes(StandardInputName, input) : SourceDocument.FromBytes(path, Read(path));
        console.Inputs.Add(path, "the deal file");
        SourceDocument[] others = [.. (scenarioFiles ?? []).Select(file => SourceDocument.FromBytes(file, Read(file, ScenarioFile)))];
        foreach (string file in scenarioFiles ?? [])
        {
            console.Inputs.Add(file, ScenarioFile);
        }

        var clock = Stopwatch.StartNew();
        Compilation compilation = Compilation.Create(root, DiskSourceFiles.Instance, others);
        foreach (var unit in compilation.Units)
        {
            console.Inputs.Add(unit.Span.Path, "a file the deal imports"); // the deal's and scenario files' are noted above
        }

        console.Detail(string.Create(CultureInfo.InvariantCulture,
            $"read and checked {string.Join(", ", compilation.Units.Select(u => u.Span.Path))} in {clock.Elapsed.TotalSeconds:F3} s"));
        return compilation;
    }

    /// <summary>The compiled program and declared scenarios of the deal file at <paramref name="path"/> when it was run
    /// before and neither it nor a file it imports has changed since (<see cref="CheckedRunCache"/>); null otherwise,
    /// and always for standard input and for a pipe or a device (<see cref="Remembers"/>). Said at
    /// <c>--verbosity detailed</c>.</summary>
    public static CheckedRunCache.Hit? CheckedBefore(string path, CompileOptions options, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!Remembers(path))
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        CheckedRunCache.Hit? hit = CheckedRunCache.Find(path, options);
        if (hit is not null)
        {
            console.Detail(string.Create(CultureInfo.InvariantCulture,
                $"{path} and its {hit.Files.Count - 1} import(s) unchanged since checked: {(hit.IsChain ? $"{hit.Programs.Count} compiled entities" : "compiled deal")} and scenarios from the cache in {clock.Elapsed.TotalSeconds:F3} s"));

            // The remembered run reads these files as a checked one would, so an output over one of them is refused
            // just the same (run -o deal.deal replaced the deal once it had been run before).
            console.Inputs.Add(path, "the deal file");
            foreach (string file in hit.Files.Skip(1))
            {
                console.Inputs.Add(file, "a file the deal imports");
            }
        }

        return hit;
    }

    /// <summary>Compiles the deal (or takes it from the cache), with a spinner on a terminal when that takes more than a
    /// second, and its time at <c>--verbosity detailed</c>.</summary>
    public static CompileResult Build(Compilation compilation, CompileOptions options, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(console);
        var clock = Stopwatch.StartNew();
        string name = compilation.Model?.Name ?? compilation.Units[0].Span.Path;
        CompileResult result = ProgressDisplay.Stage(console, $"compiling {name}", () => DealCompiler.Compile(compilation, options));
        console.Detail(string.Create(CultureInfo.InvariantCulture, $"compiled deal {name} in {clock.Elapsed.TotalSeconds:F3} s"));
        return result;
    }

    /// <summary>Whether a deal read from <paramref name="path"/> may be remembered once checked: not standard input,
    /// and not a pipe or a device (a path under /dev or /proc, as a shell's <c>&lt;(m4 deal.m4)</c>, /dev/fd/63;
    /// <see cref="OutputTargets.IsStream"/>), which can be read once only: the lookup's read would leave the check
    /// nothing to read.</summary>
    public static bool Remembers(string path) =>
        !string.IsNullOrWhiteSpace(path) && path != StandardInput && !OutputTargets.IsStream(path); // an empty path: the read names it

    /// <summary>Standard input's bytes, at most <see cref="MaxBytes"/>.</summary>
    static byte[] ReadStandardInput(CliConsole console)
    {
        if (console.OpenInput is null)
        {
            throw new UsageException("'-' reads the deal from standard input, which this deallang has none of");
        }

        byte[]? read;
        try
        {
            using Stream input = console.OpenInput();
            read = DiskSourceFiles.ReadAtMost(input);
        }
        catch (UnauthorizedAccessException e)
        {
            // EBADF, as .NET reports it: standard input opened for writing only (0>>file).
            throw new UsageException("cannot read standard input: it is not open for reading; give the deal on standard input (< deal.deal) or as a file", e);
        }
        catch (IOException e)
        {
            // A directory as standard input (< /tmp): "Is a directory".
            throw new UsageException($"cannot read standard input: {e.Message.TrimEnd('.')}; give the deal on standard input (< deal.deal) or as a file", e);
        }

        return read ?? throw new UsageException(
            $"standard input holds more than {MaxBytes / (1024 * 1024)} MiB, the most a deal file may hold; is it the right input?");
    }
}
