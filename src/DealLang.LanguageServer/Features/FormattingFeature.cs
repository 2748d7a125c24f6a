using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// What formats a document for textDocument/formatting: the compiler's formatter, the one <c>deallang fmt</c>
/// uses (<c>DealLang.Compiler.Format.DealFormatter.Format(text, path)</c>), handed in by whoever starts the server,
/// so the server holds no second formatter. Null from <see cref="Format"/> means the text cannot be formatted
/// (it does not parse); the document is then left as it is.
/// </summary>
public interface IDocumentFormatter
{
    string? Format(string text, string path);
}

/// <summary>The compiler's formatter, the one <c>deallang fmt</c> runs: what <c>deallang lsp</c> starts the server
/// with. A text that does not parse (or is not UTF-8) is refused: null.</summary>
public sealed class DealDocumentFormatter : IDocumentFormatter
{
    public string? Format(string text, string path) => DealLang.Compiler.Format.DealFormatter.Format(text, path).Text;
}

/// <summary>textDocument/formatting: one edit replacing the whole document with its formatted text, or none when
/// it is already formatted or cannot be.</summary>
internal static class FormattingFeature
{
    public static TextEdit[] For(OpenDocument document, IDocumentFormatter formatter)
    {
        string? formatted = formatter.Format(document.Text, document.Path);
        if (formatted is null || formatted == document.Text)
        {
            return [];
        }

        return [new TextEdit(new Protocol.Range(new Position(0, 0), TextPositions.End(document.Text)), formatted)];
    }
}
