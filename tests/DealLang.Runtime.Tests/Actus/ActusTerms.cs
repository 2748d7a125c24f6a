using System.Globalization;

namespace DealLang.Runtime.Tests.Actus;

/// <summary>The contract terms of a case, with typed access. Missing and empty terms read as absent.</summary>
internal sealed class ActusTerms(IReadOnlyDictionary<string, string> values)
{
    public IEnumerable<string> Names => values.Where(kv => kv.Value.Length > 0).Select(kv => kv.Key);

    public bool Has(string name) => values.TryGetValue(name, out string? v) && v.Length > 0;

    public string? Text(string name) => Has(name) ? values[name] : null;

    public string Required(string name) => Text(name) ?? throw new NotSupportedException($"Term {name} is required.");

    public ActusTime? Time(string name) => Text(name) is { } t ? ActusTime.Parse(t) : null;

    public Date? Date(string name) => Time(name)?.Date;

    public double? Number(string name) =>
        Text(name) is { } t ? double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
