using System.Text.Json;

namespace DealLang.LanguageServer.Tests;

/// <summary>
/// Every request on every name of every example: for each declaration in the outline, hover names its kind and
/// name, its references include its declaration, go to definition from each reference comes back to it, and a
/// rename's edits are exactly those references.
/// </summary>
public sealed class ExampleNavigationTests
{
    public static TheoryData<string> ExampleDeals => [.. Examples.Deals.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public async Task EveryDeclaration_HoversNavigatesAndRenamesConsistently(string name)
    {
        string path = Examples.PathOf(name);
        string uri = Examples.UriOf(path);
        await using LspClient client = await LspClient.StartAsync();
        await client.Open(uri, File.ReadAllText(path));
        await client.DiagnosticsFor(uri, 1);

        JsonElement[] declarations = [.. Leaves(await client.Request("textDocument/documentSymbol", new { textDocument = new { uri } }))];
        Assert.True(declarations.Length >= 10, $"{name}: {declarations.Length} declarations in the outline");
        foreach (JsonElement declaration in declarations)
        {
            string symbol = declaration.GetProperty("name").GetString()!;
            string kind = declaration.GetProperty("detail").GetString()!;
            JsonElement start = declaration.GetProperty("selectionRange").GetProperty("start");
            (int line, int character) = (start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32());

            string hover = (await client.At("textDocument/hover", uri, line, character)).GetProperty("contents").GetProperty("value").GetString()!;
            Assert.StartsWith($"**{kind}** `{symbol}`", hover, StringComparison.Ordinal);

            JsonElement[] references = [.. (await client.At("textDocument/references", uri, line, character,
                new { context = new { includeDeclaration = true } })).EnumerateArray()];
            Assert.Contains(references, r => SameStart(r, line, character));
            foreach (JsonElement reference in references.Where(r => r.GetProperty("uri").GetString() == uri))
            {
                JsonElement at = reference.GetProperty("range").GetProperty("start");
                JsonElement definition = Assert.Single((await client.At("textDocument/definition", uri,
                    at.GetProperty("line").GetInt32(), at.GetProperty("character").GetInt32())).EnumerateArray());
                Assert.True(SameStart(definition, line, character), $"{name}: a use of {symbol} leads elsewhere");
            }

            JsonElement changes = (await client.At("textDocument/rename", uri, line, character, new { newName = symbol + "X" })).GetProperty("changes");
            Assert.Equal(references.Length, changes.EnumerateObject().Sum(file => file.Value.GetArrayLength()));
        }
    }

    private static bool SameStart(JsonElement location, int line, int character)
    {
        JsonElement start = location.GetProperty("range").GetProperty("start");
        return start.GetProperty("line").GetInt32() == line && start.GetProperty("character").GetInt32() == character;
    }

    // The outline's declarations: the leaves under the deal's kind groups, and the scenarios.
    private static IEnumerable<JsonElement> Leaves(JsonElement symbols)
    {
        foreach (JsonElement symbol in symbols.EnumerateArray())
        {
            if (symbol.TryGetProperty("children", out JsonElement children))
            {
                foreach (JsonElement leaf in Leaves(children))
                {
                    yield return leaf;
                }

                if (symbol.GetProperty("detail").GetString() == "deal")
                {
                    yield return symbol;
                }
            }
            else
            {
                yield return symbol;
            }
        }
    }
}
