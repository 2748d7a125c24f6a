using System.Globalization;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Properties;

/// <summary>What the compiled deals did, counted over a property run and printed with it: the cash check only
/// proves much if the runs reach defaults, sales, traps and RVG payments, not just quiet amortisation.</summary>
internal sealed class RunTally
{
    private long deals, runs, periods, defaults, sales, traps, rvgs;

    public void Add(IReadOnlyList<ScenarioOutcome> outcomes)
    {
        Interlocked.Increment(ref deals);
        foreach (ScenarioOutcome o in outcomes)
        {
            Interlocked.Increment(ref runs);
            Interlocked.Add(ref periods, o.PeriodsRun);
            Count(ref defaults, o.Events.EventOfDefault is not null);
            Count(ref sales, o.Events.Sale is not null);
            Count(ref traps, o.Events.Triggers.Any(t => t.FirstActive is not null));
            Count(ref rvgs, o.Events.RvgPaid.Any(r => r.Amount > 0));
        }
    }

    private static void Count(ref long counter, bool happened)
    {
        if (happened)
        {
            Interlocked.Increment(ref counter);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{deals} deals compiled, {runs} scenario runs ({periods} periods, each cash-checked): {defaults} with an event of default, {sales} with a sale, {traps} with a cash trap, {rvgs} with an RVG paid");
}
