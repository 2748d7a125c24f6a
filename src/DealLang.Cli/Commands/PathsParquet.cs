using DealLang.Runner.Simulation;
using Parquet;
using Parquet.Schema;

namespace DealLang.Cli.Commands;

/// <summary>
/// The per-path rows of <c>deallang mc --paths-out FILE.parquet</c> (docs/cli.md): one row per path, in path order,
/// one row group per block of <see cref="SimulationEngine.BlockSize"/> paths (so memory stays flat), columns
/// <c>path</c> (int32) then <see cref="PathColumns"/>: money and a factor's shock as double, a drawn default's date as a nullable date, rates and years as nullable double (null
/// where undefined: no IRR, no WAL), flags as boolean, counts (renewals taken, a delay's months, an index's jumps) as int32. Written with Parquet.Net (managed), readable by DuckDB,
/// pandas and Excel's Power Query; the file itself (a temporary twin moved into place) is <see cref="PathsFile"/>'s.
/// </summary>
internal sealed class PathsParquet : PathsFile
{
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

    PathsParquet(Opened opened, ParquetWriter writer, DataField pathField, DataField[] fields, PathColumnKind[] kinds)
        : base(opened)
    {
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

    /// <summary>Writes the file's header into the opened temporary file.</summary>
    internal static PathsParquet Create(Opened opened, IReadOnlyList<PathColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var (pathField, fields, kinds) = Schema(columns);
        var schema = new ParquetSchema([pathField, .. fields]);
        ParquetWriter writer = ParquetWriter.CreateAsync(schema, opened.Stream).GetAwaiter().GetResult();
        return new PathsParquet(opened, writer, pathField, fields, kinds);
    }

    protected override void WriteRows(PathBlock block)
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

    protected override void Finish() => writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); // the file's footer, the last bytes written

    protected override void Abandon() => writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
