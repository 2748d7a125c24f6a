using System.Collections.Concurrent;
using System.Globalization;

namespace DealLang.Cli.Tests.Properties;

/// <summary>What the accounting identities met, counted over a property run and printed with it: the entity runs they
/// checked and those they left alone because an amount overflowed (docs/language.md §8: it prints as n/a), and how
/// often the rarer terms were not zero (a guarantor that paid, a conversion, interest capitalised, a draw), so a run
/// whose identities held only on zeros shows.</summary>
internal sealed class FigureTally
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public void Add(bool wasChecked) => Saw(wasChecked ? "entity runs checked" : "entity runs not checked (an amount overflowed to n/a)");

    public void Saw(string what) => counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public override string ToString() => "accounting identities: " + string.Join(", ",
        counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key}")));
}
