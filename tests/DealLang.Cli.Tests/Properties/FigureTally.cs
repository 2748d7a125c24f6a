using System.Globalization;

namespace DealLang.Cli.Tests.Properties;

/// <summary>How many entity runs the accounting identities checked, and how many they left alone because an amount
/// overflowed (docs/language.md §8: it prints as n/a): printed with the property, so a run that checks little shows.</summary>
internal sealed class FigureTally
{
    private long checkedRuns, overflowed;

    public void Add(bool wasChecked) => Interlocked.Increment(ref wasChecked ? ref checkedRuns : ref overflowed);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"accounting identities: {checkedRuns} entity runs checked, {overflowed} not checked (an amount overflowed to n/a)");
}
