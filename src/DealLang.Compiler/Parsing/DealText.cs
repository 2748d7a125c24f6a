using System.Text;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Parsing;

/// <summary>
/// A deal file's bytes to text. UTF-8, as <c>File.ReadAllText</c> reads it (a byte-order mark for UTF-16 or UTF-32
/// is obeyed, a UTF-8 one dropped), with one difference: bytes that are not UTF-8 are not turned into U+FFFD
/// silently, but reported (DL0133, a warning) where the first of them stands, since a title or a name read as
/// U+FFFD is not what the analyst wrote.
/// </summary>
public static class DealText
{
    public static string Decode(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(diagnostics);

        bool utf8 = !HasUnicodeMark(bytes);
        if (!utf8)
        {
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        ReadOnlySpan<byte> content = bytes.AsSpan(bytes.AsSpan().StartsWith(Utf8Mark) ? Utf8Mark.Length : 0);
        if (FirstInvalid(path, content, out int count) is { } span)
        {
            diagnostics.Add(DiagnosticCatalogue.InvalidUtf8(span, count));
        }

        // Each invalid sequence becomes one U+FFFD here, exactly as FirstInvalid counts them (both follow the
        // Unicode "maximal subpart" rule), so the location above is where the U+FFFD stands in the text.
        return Encoding.UTF8.GetString(content);
    }

    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];

    // UTF-16 (FE FF, FF FE) and UTF-32 (00 00 FE FF; FF FE 00 00 starts as UTF-16 LE) byte-order marks.
    private static bool HasUnicodeMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>Where the first invalid sequence is (line and column as the parser counts them: UTF-16 code units,
    /// lines broken at \n, \r\n or a lone \r), and how many there are; null if the bytes are valid UTF-8.</summary>
    private static SourceSpan? FirstInvalid(string path, ReadOnlySpan<byte> bytes, out int count)
    {
        count = 0;
        SourceSpan? first = null;
        int line = 1, column = 1;
        for (int i = 0; i < bytes.Length;)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out Rune rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                count++;
                first ??= new SourceSpan(path, line, column, line, column);
                column++;
            }
            else if (rune.Value == '\n' || (rune.Value == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            i += Math.Max(consumed, 1);
        }

        return first;
    }
}
