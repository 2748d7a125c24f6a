using System.Globalization;
using System.Text;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;

namespace DealLang.Cli.Commands;

/// <summary>
/// The per-path rows of <c>deallang mc --paths-out FILE.csv</c> (docs/cli.md), for a spreadsheet: UTF-8 (no byte-order
/// mark) RFC 4180 text, a header record of the Parquet file's column names (<c>path</c> then <see cref="PathColumns"/>;
/// a name holding a comma, a quote or a line break quoted, its quotes doubled) and one record per path in path order,
/// every record ended by CRLF. Each number is written in the invariant culture in its shortest form that reads back as
/// the same double (<c>R</c>), so a cell is the Parquet cell to the bit; a flag is <c>1</c> or <c>0</c> (so a column's
/// average is the report's probability, which Excel's AVERAGE does not take of TRUE and FALSE); a count is a whole
/// number; a drawn default's date is <c>yyyy-MM-dd</c>; what is undefined on the path (Parquet's null: no IRR, no WAL,
/// no default date) is an empty field. The rows depend only on the paths' figures, which arrive in path order whatever
/// the threads (<see cref="IPathSink"/>), so the file is the same byte for byte on any number of threads.
/// </summary>
internal sealed class PathsCsv : PathsFile
{

    readonly StreamWriter writer;
    readonly PathColumnKind[] kinds;
    readonly char[] cell = new char[64]; // a double's shortest round-trip form is at most 24 characters

    internal PathsCsv(Opened opened, IReadOnlyList<PathColumn> columns)
        : base(opened)
    {
        ArgumentNullException.ThrowIfNull(columns);
        kinds = [.. columns.Select(c => c.Kind)];
        writer = new StreamWriter(Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        writer.Write("path");
        foreach (PathColumn column in columns)
        {
            writer.Write(',');
            writer.Write(Csv.Field(column.Name));
        }

        writer.Write(Csv.LineEnd);
    }

    protected override void WriteRows(PathBlock block)
    {
        for (int i = 0; i < block.Count; i++)
        {
            Write(block.First + i);
            for (int c = 0; c < kinds.Length; c++)
            {
                writer.Write(',');
                double value = block.Values[c][i];
                if (double.IsNaN(value))
                {
                    continue; // undefined on the path: Parquet's null, an empty field
                }

                switch (kinds[c])
                {
                    case PathColumnKind.Flag:
                        writer.Write(value != 0 ? '1' : '0');
                        break;
                    case PathColumnKind.Count:
                        Write((int)value); // whole numbers (PathDraws), exact in a double
                        break;
                    case PathColumnKind.Date:
                        Format(DateOnly.FromDayNumber((int)value).TryFormat(cell, out int length, "yyyy-MM-dd", CultureInfo.InvariantCulture), length);
                        break;
                    default:
                        Format(value.TryFormat(cell, out int written, "R", CultureInfo.InvariantCulture), written);
                        break;
                }
            }

            writer.Write(Csv.LineEnd);
        }
    }

    void Write(int number) => Format(number.TryFormat(cell, out int written, default, CultureInfo.InvariantCulture), written);

    void Format(bool formatted, int length)
    {
        if (!formatted)
        {
            throw new InvalidOperationException("A number's text is longer than its cell buffer."); // 64 characters hold any double, int or date
        }

        writer.Write(cell.AsSpan(0, length));
    }

    protected override void Finish() => writer.Flush();
}
