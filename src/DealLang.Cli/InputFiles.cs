using System.Collections.Concurrent;
using DealLang.Compiler;

namespace DealLang.Cli;

/// <summary>
/// The files a command has read — its deal file, the files that imports, its <c>--scenarios</c> files, <c>merge</c>'s
/// shards — so that no output of the command replaces one of them. <c>check deal.deal -f json -o deal.deal</c>
/// replaced the deal with <c>[]</c>, silently: an output (<c>-o</c>, <c>--out</c>, <c>--paths-out</c>,
/// <c>--junit</c>, a snapshot) that is one of these files is now a usage error, raised before anything is written
/// (<see cref="OutputFiles"/>, <see cref="Commands.PathsFile"/>). One file is matched however it is named: through a
/// link, by another relative path, or (Linux) a hard link to it. <c>fmt</c> does not list the file it formats,
/// since writing it back is what <c>fmt FILE -o FILE</c> asks for (docs/cli.md).
/// </summary>
public sealed class InputFiles
{
    // Path as given → what it was, in the message's words; a dictionary for its thread safety (mc's workers do not
    // read files, but a verb may note from more than one place).
    readonly ConcurrentDictionary<string, string> read = new(StringComparer.Ordinal);

    // The outputs the command means to write (Plan): a set.
    readonly ConcurrentDictionary<string, byte> planned = new(StringComparer.Ordinal);

    /// <summary>Notes that the command read <paramref name="path"/>, described as <paramref name="what"/> ("the deal
    /// file", "a shard"). Standard input, a device and a pipe are not files an output could replace, and are left
    /// out.</summary>
    public void Add(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.IsNullOrWhiteSpace(path) && path != DealFile.StandardInput && path != DealFile.StandardInputName
            && !StreamPaths.IsStream(path))
        {
            read.TryAdd(path, what);
            foreach (string output in planned.Keys)
            {
                Refuse(output, path, what);
            }
        }
    }

    /// <summary>Notes an output file the command will write, so that reading it as an input is refused at once, before a
    /// long run whose result could not be written (<c>mc -o deal.deal</c>); checked against what was read so far too, and
    /// refused at once when it is a folder (<see cref="OutputPaths.RequireFile"/>).</summary>
    public void Plan(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        GivenPath.RequireOutput(path, "file"); // '-' and a blank path refused before the run, not once its result is to be written
        OutputPaths.RequireFile(path); // a folder given for a file, before the run whose result it could not take
        Refuse(path);
        // Two outputs into one file (mc --paths-out P -o P) would leave only the one written last, and say "wrote"
        // for both. A device or a pipe is written into, not replaced, so two outputs may share it.
        foreach (string earlier in planned.Keys)
        {
            if (!string.IsNullOrWhiteSpace(path) && !OutputTargets.IsStream(path) && StreamPaths.SameFile(path, earlier))
            {
                throw new UsageException($"cannot write {path}: another output of this command ({earlier}) is that file, and one would replace the other; give each output its own file; nothing was written");
            }
        }

        planned.TryAdd(path, 0);
    }

    /// <summary>A usage error when the output <paramref name="path"/> is one of the files read; nothing otherwise.</summary>
    public void Refuse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (input, what) in read)
        {
            Refuse(path, input, what);
        }
    }

    static void Refuse(string output, string input, string what)
    {
        if (string.IsNullOrWhiteSpace(output) || OutputTargets.IsStream(output) || !StreamPaths.SameFile(output, input))
        {
            return;
        }

        string named = input == output ? "" : $" {input}";
        throw new UsageException($"cannot write {output}: it is {what}{named}, which this command reads, and the output would replace it; give another file; nothing was written");
    }
}
