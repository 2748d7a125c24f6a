using DealLang.Compiler;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// The symbol at a protocol position, through <see cref="SemanticModel.SymbolAt"/>: on the name's characters, or
/// just after its last one (where the cursor stands once a name is typed or double-clicked).
/// </summary>
internal static class SymbolLookup
{
    public static (DealSymbol Symbol, int Line, int Column)? At(SemanticModel model, string path, Position position)
    {
        int line = position.Line + 1;
        int column = position.Character + 1;
        if (model.SymbolAt(path, line, column) is { } symbol)
        {
            return (symbol, line, column);
        }

        if (column > 1 && model.SymbolAt(path, line, column - 1) is { } before)
        {
            return (before, line, column - 1);
        }

        return null;
    }
}
