using DealLang.Runner.Simulation;
using Parquet;
using Parquet.Schema;

namespace DealLang.Cli.Commands;

/// <summary>
/// The per-path rows of <c>deallang mc --paths-out FILE.parquet</c> (docs/cli.md): one row per path, in path order,
/// one row group per block of <see cref="SimulationEngine.BlockSize"/> paths (so memory stays flat), columns
/// <c>path</c> (int32) then <see cref="PathColumns"/>: money and a factor's shock as double, a drawn default's date as a nullable date, rates and years as nullable double (null
/// where undefined: no IRR, no WAL), flags as boolean, counts (renewals taken, a delay's months, an index's jumps) as int32. Written with Parquet.Net (managed), readable by DuckDB,
/// pandas and Excel's Power Query. Written to a temporary name beside the target and moved into place by
/// <see cref="Commit"/>, so a failed run leaves no half-written file.
/// </summary>
internal sealed class PathsParquet : IPathSink, IDisposable
{
    readonly string target;
    readonly string temporary;

    // What the temporary file becomes: the file replaced (a link's, when the target is a link), or the device or pipe
    // it is copied into.
    readonly string file;
    readonly bool intoStream;
    readonly FileStream stream;
    readonly ParquetWriter writer;
    readonly DataField pathField;
    readonly DataField[] fields;
    readonly PathColumnKind[] kinds;
    readonly int[] paths = new int[SimulationEngine.BlockSize];
    readonly double[] money = new double[SimulationEngine.BlockSize];
    readonly double?[] measures = new double?[SimulationEngine.BlockSize];
    readonly bool[] flags = new bool[SimulationEngine.BlockSize];
    readonly int[] counts = new int[SimulationEngine.BlockSize];
    readonly DateOnly?[] dates = new DateOnly?[SimulationEngine.BlockSize];
    bool committed;

    PathsParquet(string target, string file, bool intoStream, string temporary, FileStream stream, ParquetWriter writer, DataField pathField, DataField[] fields, PathColumnKind[] kinds)
    {
        this.target = target;
        this.file = file;
        this.intoStream = intoStream;
        this.temporary = temporary;
        this.stream = stream;
        this.writer = writer;
        this.pathField = pathField;
        this.fields = fields;
        this.kinds = kinds;
    }

    /// <summary>The schema of a deal's rows: <c>path</c> and one field per <see cref="PathColumns"/> column.</summary>
    public static (DataField Path, DataField[] Fields, PathColumnKind[] Kinds) Schema(IReadOnlyList<PathColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        DataField[] fields = [.. columns.Select(c => c.Kind switch
        {
            PathColumnKind.Money or PathColumnKind.Number => (DataField)new DataField<double>(c.Name),
            PathColumnKind.Flag => new DataField<bool>(c.Name),
            PathColumnKind.Count => new DataField<int>(c.Name),
            PathColumnKind.Date => new DataField<DateOnly?>(c.Name),
            _ => new DataField<double?>(c.Name),
        })];
        return (new DataField<int>("path"), fields, [.. columns.Select(c => c.Kind)]);
    }

    /// <summary>Opens the file's temporary twin and writes the header; a path that cannot be written is a usage error.</summary>
    public static PathsParquet Create(string path, IReadOnlyList<PathColumn> columns, InputFiles inputs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(inputs);
        GivenPath.RequireOutput(path, "file");
        inputs.Refuse(path); // before the run: a deal file given as --paths-out would be replaced at its end
        var (pathField, fields, kinds) = Schema(columns);
        string full = Path.GetFullPath(path);
        OutputPaths.RequireFile(path);

        // Beside the file (a link's file: the link stays a link), so the final move is a rename; for a device or a
        // pipe (OutputTargets), which cannot be replaced, in the temporary folder, copied into it at the end.
        bool intoStream = OutputTargets.IsStream(full);
        string file = intoStream ? Path.Combine(Path.GetTempPath(), "deallang-paths.parquet") : OutputTargets.Resolve(full);
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

        var schema = new ParquetSchema([pathField, .. fields]);
        ParquetWriter writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        return new PathsParquet(path, intoStream ? full : file, intoStream, temporary, stream, writer, pathField, fields, kinds);
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

    void WriteRows(PathBlock block)
    {
        int n = block.Count;
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int i = 0; i < n; i++)
        {
            paths[i] = block.First + i;
        }

        group.WriteAsync<int>(pathField, paths.AsMemory(0, n)).GetAwaiter().GetResult();
        for (int c = 0; c < fields.Length; c++)
        {
            double[] values = block.Values[c];
            switch (kinds[c])
            {
                case PathColumnKind.Money or PathColumnKind.Number:
                    values.AsSpan(0, n).CopyTo(money);
                    group.WriteAsync<double>(fields[c], money.AsMemory(0, n)).GetAwaiter().GetResult();
                    break;
                case PathColumnKind.Flag:
                    for (int i = 0; i < n; i++)
                    {
                        flags[i] = values[i] != 0;
                    }

                    group.WriteAsync<bool>(fields[c], flags.AsMemory(0, n)).GetAwaiter().GetResult();
                    break;
                case PathColumnKind.Count:
                    for (int i = 0; i < n; i++)
                    {
                        counts[i] = (int)values[i]; // whole numbers (PathDraws), exact in a double
                    }

                    group.WriteAsync<int>(fields[c], counts.AsMemory(0, n)).GetAwaiter().GetResult();
                    break;
                case PathColumnKind.Date:
                    for (int i = 0; i < n; i++)
                    {
                        dates[i] = double.IsNaN(values[i]) ? null : DateOnly.FromDayNumber((int)values[i]); // a day number (PathDraws)
                    }

                    group.WriteAsync<DateOnly>(fields[c], dates.AsMemory(0, n)).GetAwaiter().GetResult();
                    break;
                default:
                    for (int i = 0; i < n; i++)
                    {
                        measures[i] = double.IsNaN(values[i]) ? null : values[i];
                    }

                    group.WriteAsync<double>(fields[c], measures.AsMemory(0, n)).GetAwaiter().GetResult();
                    break;
            }
        }
    }

    /// <summary>Finishes the file and moves it into place; returns its path.</summary>
    public string Commit()
    {
        try
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); // the file's footer, the last bytes written
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
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
