using System.Text;

namespace DealLang.Runner.Reports;

/// <summary>RFC 4180 records: fields quoted only when they hold a comma, a quote or a line break (quotes doubled),
/// every record ended by CRLF as the RFC specifies.</summary>
static class Csv
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

    static void WriteField(StringBuilder into, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            into.Append(field);
            return;
        }

        into.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
