using System.Text;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>Bytes to text: invalid UTF-8 is warned about where it stands (DL0133), not silently replaced.</summary>
public sealed class DealTextTests
{
    private static (string Text, IReadOnlyList<Diagnostic> Diagnostics) Decode(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        string text = DealText.Decode("t.deal", bytes, bag);
        return (text, bag.Sorted());
    }

    [Fact]
    public void ValidUtf8IsReadSilentlyAndAMarkIsDropped()
    {
        (string text, var diagnostics) = Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("deal Ünï {")]);

        Assert.Equal("deal Ünï {", text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void AnInvalidByteIsAWarningWhereItStandsAndBecomesUFFFD()
    {
        // "a\r\nb\rc\nCaf" + 0xE9 (Latin-1 'é') + " ok": line 4 (CRLF, lone CR and LF each break a line), column 4.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("a\r\nb\rc\nCaf"), 0xE9, .. Encoding.UTF8.GetBytes(" ok")];

        (string text, var diagnostics) = Decode(bytes);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0133", Severity.Warning, 4, 4), (d.Code, d.Severity, d.Span.Line, d.Span.Column));
        Assert.Equal("a\r\nb\rc\nCaf\uFFFD ok", text);
    }

    [Fact]
    public void ColumnsCountUtf16UnitsAndEveryInvalidSequenceIsCounted()
    {
        // '😀' is two UTF-16 units, so the first bad byte is at column 3; then a truncated 3-byte sequence.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("😀"), 0xFF, 0x41, 0xE2, 0x82];

        (string text, var diagnostics) = Decode(bytes);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal((1, 3), (d.Span.Line, d.Span.Column));
        Assert.Contains("and 1 more", d.Message, StringComparison.Ordinal);
        Assert.Equal(2, text.Count(c => c == '\uFFFD'));
    }

    [Fact]
    public void AUtf16FileIsStillReadByItsMark()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("deal D {")];

        (string text, var diagnostics) = Decode(bytes);

        Assert.Equal("deal D {", text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void TheFacadeReportsItWithTheDeal()
    {
        var result = DealCompiler.Check("t.deal", [.. Encoding.UTF8.GetBytes("deal D { title \"x"), 0xC0, .. Encoding.UTF8.GetBytes("\" }")]);

        Assert.Contains(result.Diagnostics, d => d.Code == "DL0133" && d.Span.Column == 18);
    }
}
