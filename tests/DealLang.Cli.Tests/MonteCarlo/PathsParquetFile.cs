using Parquet;
using Parquet.Schema;

namespace DealLang.Cli.Tests.MonteCarlo;

/// <summary>A <c>--paths-out</c> Parquet file read back whole with Parquet.Net, for the tests that check its rows
/// against a replayed path or another run's.</summary>
internal static class PathsParquetFile
{
    /// <summary>The file's columns by name (int32 as int[], boolean as bool[], a nullable date as DateOnly?[], nullable
    /// double as double?[], double as double[]), in its row order, and its columns' names in order.</summary>
    public static Dictionary<string, Array> Read(string file, out string[] names)
    {
        using var stream = File.OpenRead(file);
        ParquetReader reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return Read(reader, out names);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static Dictionary<string, Array> Read(ParquetReader reader, out string[] names)
    {
        DataField[] fields = reader.Schema.GetDataFields();
        names = [.. fields.Select(f => f.Name)];
        var lists = fields.ToDictionary(f => f.Name, _ => new List<object?>());
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            foreach (DataField field in fields)
            {
                if (field.ClrType == typeof(int))
                {
                    var values = new int[n];
                    group.ReadAsync<int>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    lists[field.Name].AddRange(values.Cast<object?>());
                }
                else if (field.ClrType == typeof(bool))
                {
                    var values = new bool[n];
                    group.ReadAsync<bool>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    lists[field.Name].AddRange(values.Cast<object?>());
                }
                else if (field.ClrType == typeof(DateTime))
                {
                    // A Parquet DATE, which Parquet.Net reads as a DateTime at midnight by default.
                    var values = new DateTime?[n];
                    group.ReadAsync<DateTime>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    lists[field.Name].AddRange(values.Select(v => (object?)(v is DateTime d ? DateOnly.FromDateTime(d) : null)));
                }
                else if (field.IsNullable)
                {
                    var values = new double?[n];
                    group.ReadAsync<double>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    lists[field.Name].AddRange(values.Cast<object?>());
                }
                else
                {
                    var values = new double[n];
                    group.ReadAsync<double>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    lists[field.Name].AddRange(values.Cast<object?>());
                }
            }
        }

        return fields.ToDictionary(f => f.Name, f => (Array)(f.ClrType == typeof(int) ? lists[f.Name].Cast<int>().ToArray()
            : f.ClrType == typeof(bool) ? lists[f.Name].Cast<bool>().ToArray()
            : f.ClrType == typeof(DateTime) ? lists[f.Name].Cast<DateOnly?>().ToArray()
            : f.IsNullable ? lists[f.Name].Cast<double?>().ToArray()
            : lists[f.Name].Cast<double>().ToArray()));
    }
}
