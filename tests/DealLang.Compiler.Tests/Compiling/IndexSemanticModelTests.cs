using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Compiling;

/// <summary>The semantic model's queries on an index: its symbol on its declaration, on a read by its bare name and on
/// a scenario's lever; the unit of a read (the level's); every reference listed.</summary>
public class IndexSemanticModelTests
{
    private static readonly string Text = Deal("  index SOFR { level 4.30% }\n  test Spread = SOFR + 6%",
        scenarios: "scenario Up for D {\n  SOFR shift +100bp\n  SOFR deflate 5% per year\n}");

    private static readonly SemanticModel Model = Compilation.Create(SourceDocument.FromText(FilePath, Text), new InMemorySourceFiles().Add(FilePath, Text)).SemanticModel;

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th (0-based) <paramref name="what"/>.</summary>
    private static (int Line, int Column) Where(string what, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = Text.IndexOf(what, at + 1, StringComparison.Ordinal);
        }

        string before = Text[..at];
        return (before.Count(c => c == '\n') + 1, at - (before.LastIndexOf('\n') + 1) + 1);
    }

    [Theory]
    [InlineData(0)] // index SOFR
    [InlineData(1)] // SOFR + 6%
    [InlineData(2)] // SOFR shift
    [InlineData(3)] // SOFR deflate
    public void EveryMentionOfTheIndexIsItsSymbol(int occurrence)
    {
        (int line, int column) = Where("SOFR", occurrence);

        DealSymbol? symbol = Model.SymbolAt(FilePath, line, column);
        Assert.Equal(("index", "SOFR"), (symbol?.Kind, symbol?.Name));
        Assert.Equal(4, Model.ReferencesOf(symbol!).Count);
    }

    [Fact]
    public void AReadHasTheLevelsUnit()
    {
        (int line, int column) = Where("SOFR + 6%");

        Assert.Equal(Unit.Rate, Model.UnitAt(FilePath, line, column));
    }
}
