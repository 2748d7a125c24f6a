using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace DealLang.Runtime.Tests.Actus;

/// <summary>One ACTUS reference case as read from <c>actus-tests-{kind}.json</c>.</summary>
internal sealed record ActusTestCase(
    string Kind,
    string Id,
    ActusTerms Terms,
    string To,
    int ObservedSeriesCount,
    int ObservedEventCount,
    IReadOnlyList<ActusExpectedEvent> Expected)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<ActusTestCase>> Cache = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> Kinds = ["pam", "ann", "lam", "nam"];

    public static IReadOnlyList<ActusTestCase> LoadFile(string kind) => Cache.GetOrAdd(kind, static k =>
    {
        string path = System.IO.Path.Combine(ActusDataDirectory.Path, $"actus-tests-{k}.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateObject().Select(p => Parse(k, p.Name, p.Value)).ToList();
    });

    public static ActusTestCase Load(string kind, string id) =>
        LoadFile(kind).SingleOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"No ACTUS case '{id}' in actus-tests-{kind}.json.");

    private static ActusTestCase Parse(string kind, string id, JsonElement json)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty term in json.GetProperty("terms").EnumerateObject())
        {
            terms[term.Name] = Text(term.Value);
        }

        var expected = json.GetProperty("results").EnumerateArray()
            .Select(r => new ActusExpectedEvent(
                ActusTime.Parse(Text(r.GetProperty("eventDate"))),
                Text(r.GetProperty("eventType")),
                double.Parse(Text(r.GetProperty("payoff")), NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToList();

        return new ActusTestCase(
            kind,
            id,
            new ActusTerms(terms),
            json.TryGetProperty("to", out JsonElement to) ? Text(to) : "",
            CountEntries(json, "dataObserved"),
            CountEntries(json, "eventsObserved"),
            expected);
    }

    // The files mix JSON numbers and strings (some padded, e.g. "  5000") for the same fields.
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private static int CountEntries(JsonElement json, string name) =>
        !json.TryGetProperty(name, out JsonElement value) ? 0 : value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Count(),
            JsonValueKind.Array => value.GetArrayLength(),
            _ => 0,
        };
}
