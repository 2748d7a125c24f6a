using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DealLang.Runtime;

namespace DealLang.Runner.Reports;

/// <summary>
/// The JSON conventions of both reports: indented with "\n" whatever the platform, money written as a number
/// to the cent (the same digits as the CSV), NaN and infinities as null since JSON has no such numbers.
/// </summary>
static class Json
{
    static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",

        // Deal and holder names are people's text; keep "Blue Owl & Meta" readable rather than \u0026-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the text, newline-terminated.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    public static void Money(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        Money(writer, value);
    }

    public static void Money(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteRawValue(ValueText.Cents(value), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void Number(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        Number(writer, value);
    }

    public static void Number(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void Date(Utf8JsonWriter writer, string name, Date? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, d.ToString());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A ledger value by its column kind: money to the cent, flags as booleans, the rest as numbers.</summary>
    public static void Value(Utf8JsonWriter writer, double value, ColumnKind kind)
    {
        switch (kind)
        {
            case ColumnKind.Money:
                Money(writer, value);
                break;
            case ColumnKind.Flag when !double.IsNaN(value):
                writer.WriteBooleanValue(value != 0);
                break;
            default:
                Number(writer, value);
                break;
        }
    }

    public static string KindName(ColumnKind? kind) => kind switch
    {
        ColumnKind.Money => "money",
        ColumnKind.Ratio => "ratio",
        ColumnKind.Rate => "rate",
        ColumnKind.Flag => "flag",
        _ => "number",
    };
}
