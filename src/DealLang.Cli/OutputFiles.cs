using System.Globalization;
using System.Text;

namespace DealLang.Cli;

/// <summary>
/// A command's output files, written all or nothing: each is first written under a temporary name in its own
/// folder, and only when every one has been written are they moved into place (a rename within a folder). A
/// failure therefore leaves no half-written set behind (an output folder just created may remain, empty), and
/// is one usage error saying what blocked it, not the operating system's "access denied". A symbolic link's file is
/// replaced, not the link; a device or a pipe is written into, not replaced (<see cref="OutputTargets"/>). A file the
/// command read (<paramref name="inputs"/>: its deal, an import, a shard) is never replaced: that is a usage error
/// before anything is written. Null <paramref name="inputs"/>: none is guarded (<c>fmt</c>, whose output may be its
/// input).
/// </summary>
internal sealed class OutputFiles(InputFiles? inputs)
{
    private readonly List<(string Path, byte[] Content)> files = [];

    /// <summary>Text is written as UTF-8 without a byte-order mark, as <c>File.WriteAllText</c> does.</summary>
    public void Add(string path, string content) => Add(path, Encoding.UTF8.GetBytes(content));

    public void Add(string path, byte[] content) => files.Add((GivenPath.RequireOutput(path, "file"), content));

    /// <summary>Writes every file added, or none; returns their paths in the order added. A device or a pipe among
    /// them (<see cref="OutputTargets"/>: /dev/null, /dev/stdout) is written into once the files are staged, before
    /// they are moved into place.</summary>
    public IReadOnlyList<string> Commit()
    {
        foreach (var (path, _) in files)
        {
            inputs?.Refuse(path);
            OutputPaths.RequireFile(path);
        }

        var staged = new List<(string Temporary, string Path, string Target)>(files.Count);
        var intoStreams = new List<(string Path, byte[] Content)>();
        try
        {
            foreach (var (path, content) in files)
            {
                if (OutputTargets.IsStream(path))
                {
                    intoStreams.Add((path, content)); // written into after the files are staged, below
                    continue;
                }

                string target = OutputTargets.Resolve(path); // a link's file, so the link stays a link
                string temporary = TemporaryName(target);
                staged.Add((temporary, path, target));
                Try(path, temporary, target, "nothing was written", () =>
                {
                    using (FileStream stream = OutputTargets.CreateTemporary(temporary, target))
                    {
                        stream.Write(content);
                    }

                    OutputTargets.KeepMode(target, temporary);
                });
            }

            foreach (var (path, content) in intoStreams)
            {
                Try(path, path, path, "no file was written", () => OutputTargets.WriteInto(path, content));
            }

            for (int i = 0; i < staged.Count; i++)
            {
                var (temporary, path, target) = staged[i];
                string done = i == 0 ? "nothing was written" : $"{string.Join(", ", staged.Take(i).Select(s => s.Path))} already written";
                Try(path, temporary, target, done, () => File.Move(temporary, target, overwrite: true));
            }
        }
        finally
        {
            foreach (var (temporary, _, _) in staged)
            {
                TryDelete(temporary);
            }
        }

        return [.. files.Select(f => f.Path)];
    }

    // The operating system's message names the temporary file, which the user never asked for: the messages name the
    // file given, and a missing folder in words.
    // target: the file written, path's own or its link's (whose folder is the one that must exist).
    private static void Try(string path, string temporary, string target, string consequence, Action write)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(target)) ?? path;
        try
        {
            write();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot write {path}: permission denied in {folder}; {consequence}", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw OutputPaths.MissingFolder(path, folder, consequence, e);
        }
        catch (Exception e) when (OutputTargets.Refused(e))
        {
            throw new UsageException($"cannot write {path}: {OutputTargets.Reason(e, temporary, path)}; {consequence}", e);
        }
    }

    // Hidden, beside the target (so the final move is a rename on one file system), and unique per process.
    private static string TemporaryName(string path)
    {
        string folder = Path.GetDirectoryName(path) ?? "";
        string unique = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        return Path.Combine(folder, "." + Path.GetFileName(path) + "." + unique + ".tmp");
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden temporary file is harmless; the message already said what failed.
        }
    }
}
