using System.Diagnostics;
using System.Globalization;

namespace DealLang.Cli.Tests.Properties;

/// <summary>The slowest single deal of a property run, printed with its summary: a hang would never finish (the run
/// would not end), and a deal that takes seconds is a performance bug worth a look even when it passes.</summary>
internal sealed class SlowestDeal
{
    private long ticks;

    public Action<T> Timed<T>(Action<T> assert) => value =>
    {
        long start = Stopwatch.GetTimestamp();
        assert(value);
        long elapsed = Stopwatch.GetTimestamp() - start;
        long seen;
        while (elapsed > (seen = Interlocked.Read(ref ticks)) && Interlocked.CompareExchange(ref ticks, elapsed, seen) != seen)
        {
            // Another thread recorded a new maximum meanwhile: compare again.
        }
    };

    public override string ToString() =>
        "slowest deal: " + (ticks * 1000.0 / Stopwatch.Frequency).ToString("0", CultureInfo.InvariantCulture) + " ms";
}
