using System.Text;

namespace DealLang.Runner.Reports;

/// <summary>RFC 4180 records: fields quoted only when they hold a comma, a quote or a line break (quotes doubled),
/// every record ended by CRLF as the RFC specifies. Public for the CLI's per-path rows (<c>mc --paths-out FILE.csv</c>),
/// which write the same fields.</summary>
public static class Csv
{
    public const string LineEnd = "\r\n";

    public static void WriteRecord(StringBuilder into, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                into.Append(',');
            }

            WriteField(into, fields[i]);
        }

        into.Append(LineEnd);
    }

    static void WriteField(StringBuilder into, string field) => into.Append(Field(field));

    /// <summary>A field as RFC 4180 writes it: quoted only when it holds a comma, a quote or a line break, its quotes
    /// doubled.</summary>
    public static string Field(string field) => field.AsSpan().IndexOfAny(",\"\r\n") < 0
        ? field
        : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
