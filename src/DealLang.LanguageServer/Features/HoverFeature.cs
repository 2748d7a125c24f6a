using System.Globalization;
using System.Text;
using DealLang.Compiler;
using DealLang.Compiler.Model;
using DealLang.LanguageServer.Protocol;

namespace DealLang.LanguageServer.Features;

/// <summary>
/// textDocument/hover on a name: its kind and name, the unit it reads as where the cursor stands (or of the
/// expression that defines it), the value of a constant (a fee of <c>250k per year</c>, an index's level), and
/// where it is declared. Everything comes from the compilation's <see cref="SemanticModel"/>.
/// </summary>
internal static class HoverFeature
{
    public static Hover? At(OpenDocument document, Compilation compilation, Position position)
    {
        SemanticModel model = compilation.SemanticModel;
        (DealSymbol symbol, int line, int column)? found = SymbolLookup.At(model, document.Path, position);
        if (found is not { } at)
        {
            return null;
        }

        DealSymbol symbol = at.symbol;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{symbol.Kind}** `{symbol.Name}`");
        Unit? unit = model.UnitAt(document.Path, at.line, at.column) ?? symbol.Unit;
        if (unit is { } u)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nunit: {UnitName(u)}");
        }

        if (symbol.Value is { } value && symbol.Unit is { } valueUnit)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nvalue: {ValueText(value, valueUnit)}");
        }

        string where = DocumentUris.SameFile(symbol.Declaration.Path, document.Path)
            ? string.Create(CultureInfo.InvariantCulture, $"line {symbol.Declaration.Line}")
            : string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(symbol.Declaration.Path)} line {symbol.Declaration.Line}");
        text.Append(CultureInfo.InvariantCulture, $"\n\ndeclared at {where}");
        return new Hover(new MarkupContent("markdown", text.ToString()), null);
    }

    public static string UnitName(Unit unit) => unit switch
    {
        Unit.Measure => "compute measure",
        _ => unit.ToString().ToLowerInvariant(),
    };

    /// <summary>A constant as a deal states it: money with thousands separators, a rate in per cent, a ratio as a
    /// multiple.</summary>
    public static string ValueText(double value, Unit unit) => unit switch
    {
        Unit.Money => value.ToString("#,0.##", CultureInfo.InvariantCulture),
        Unit.Rate => (value * 100).ToString("0.######", CultureInfo.InvariantCulture) + "%",
        Unit.Ratio => value.ToString("0.####", CultureInfo.InvariantCulture) + "x",
        _ => value.ToString("G", CultureInfo.InvariantCulture),
    };
}
