using DealLang.Runner.Simulation;

namespace DealLang.Cli.Commands;

/// <summary>
/// The file of <c>deallang mc --paths-out FILE</c> (docs/cli.md), whichever its format (<see cref="PathsFormats.Of"/>:
/// <see cref="PathsParquet"/> or <see cref="PathsCsv"/>, which write the rows): written to a temporary name beside the
/// target and moved into place by <see cref="Commit"/>, so a failed or interrupted run leaves no half-written file
/// (<see cref="Dispose"/> deletes it); a device or a pipe is written whole at the end, from a temporary file in the
/// temporary folder. The system refusing a write (a full disk, a file-size limit) is a usage error naming the file given.
/// </summary>
internal abstract class PathsFile : IPathSink, IDisposable
{
    readonly string target;
    readonly string temporary;

    // What the temporary file becomes: the file replaced (a link's, when the target is a link), or the device or pipe
    // it is copied into.
    readonly string file;
    readonly bool intoStream;
    readonly FileStream stream;
    bool committed;

    protected PathsFile(Opened opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        target = opened.Target;
        file = opened.File;
        intoStream = opened.IntoStream;
        temporary = opened.Temporary;
        stream = opened.Stream;
    }

    /// <summary>The temporary file opened for a target, handed to a format's constructor.</summary>
    internal sealed record Opened(string Target, string File, bool IntoStream, string Temporary, FileStream Stream);

    /// <summary>The stream the rows are written to (the temporary file's).</summary>
    protected Stream Stream => stream;

    /// <summary>Checks <paramref name="path"/> (not standard input, not a file the command reads, not a folder, a
    /// format by its extension), opens its temporary twin and writes the header; a path that cannot be written is a
    /// usage error.</summary>
    public static PathsFile Create(string path, IReadOnlyList<PathColumn> columns, InputFiles inputs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(inputs);
        GivenPath.RequireOutput(path, "file");
        inputs.Refuse(path); // before the run: a deal file given as --paths-out would be replaced at its end
        OutputPaths.RequireFile(path);
        PathsFormat format = PathsFormats.Of(path);
        Opened opened = Open(path, format);
        try
        {
            return format == PathsFormat.Csv ? new PathsCsv(opened, columns) : PathsParquet.Create(opened, columns);
        }
        catch
        {
            opened.Stream.Dispose();
            File.Delete(opened.Temporary);
            throw;
        }
    }

    static Opened Open(string path, PathsFormat format)
    {
        string full = Path.GetFullPath(path);

        // Beside the file (a link's file: the link stays a link), so the final move is a rename; for a device or a
        // pipe (OutputTargets), which cannot be replaced, in the temporary folder, copied into it at the end.
        bool intoStream = OutputTargets.IsStream(full);
        string file = intoStream ? Path.Combine(Path.GetTempPath(), "deallang-paths" + PathsFormats.Extension(format)) : OutputTargets.Resolve(full);
        string folder = Path.GetDirectoryName(file) ?? ".";
        string temporary = Path.Combine(folder, "." + Path.GetFileName(file) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        FileStream stream;
        try
        {
            // In the shared temporary folder, readable by its owner alone.
            stream = intoStream ? OutputTargets.CreatePrivate(temporary) : OutputTargets.CreateTemporary(temporary, file);
        }
        catch (DirectoryNotFoundException e)
        {
            // The system's message names the hidden temporary file, which the user never asked for.
            throw OutputPaths.MissingFolder(path, folder, "nothing was written", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {(e is UnauthorizedAccessException ? "permission denied" : OutputTargets.Reason(e, temporary, path))}", e);
        }

        return new Opened(path, intoStream ? full : file, intoStream, temporary, stream);
    }

    public void Write(PathBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        try
        {
            WriteRows(block);
        }
        catch (Exception e) when (OutputTargets.Refused(e))
        {
            throw Failed(e); // a full disk, a file-size limit: the file given, not the temporary, and no stack trace
        }
    }

    /// <summary>Writes a block's rows, in path order.</summary>
    protected abstract void WriteRows(PathBlock block);

    /// <summary>Writes what the format holds back to the end (Parquet's footer, CSV's buffered rows).</summary>
    protected abstract void Finish();

    /// <summary>Closes the format's writer of a file being abandoned; <see cref="Dispose"/> ignores what it throws.</summary>
    protected virtual void Abandon()
    {
    }

    /// <summary>Finishes the file and moves it into place; returns its path.</summary>
    public string Commit()
    {
        try
        {
            Finish(); // the file's last bytes
            stream.Dispose();
            if (intoStream)
            {
                OutputTargets.CopyInto(temporary, file);
                File.Delete(temporary);
            }
            else
            {
                OutputTargets.KeepMode(file, temporary);
                File.Move(temporary, file, overwrite: true);
            }
        }
        catch (Exception e) when (OutputTargets.Refused(e))
        {
            throw Failed(e);
        }

        committed = true;
        return target;
    }

    UsageException Failed(Exception e) =>
        new($"cannot write {target}: {OutputTargets.Reason(e, temporary, target)}; the per-path rows were not written", e);

    public void Dispose()
    {
        if (committed)
        {
            return;
        }

#pragma warning disable CA1031 // Closing a file being abandoned: whatever it throws, the run's own error is what counts.
        try
        {
            Abandon();
        }
        catch (Exception)
        {
        }

        try
        {
            stream.Dispose(); // flushes what is buffered, which on a full disk throws again; the file is closed all the same
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031

        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden temporary file is harmless; the run's own error is what the user sees.
        }
    }
}
