using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Each tranche's hard calls and partial conversion under a scenario (docs/language.md §5, "The issuer's hard call",
/// "A partial hard call", "A partial conversion", "Calling plain notes"), in a deal with a convertible or plain notes some
/// scenario calls (<see cref="DealDescription.HasTrancheCalls"/>): in the period holding each call date
/// (the period whose end first reaches it) the share of the balance called (1 for the whole, 0 in a period without a
/// call) and the call's price (1, par, where there is no call; 0 for a call at the make-whole price, which the loop works
/// out, "The make-whole price"); and the share of the balance the holders convert (1
/// without <c>T converts X</c>). The generated loop decides there whether the holder converts or takes the cash (plain
/// notes take the cash).
/// </summary>
static class TrancheCalls
{
    public static void Fill(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            Array.Clear(into.TrancheCallPart[i]);
            Array.Fill(into.TrancheCallPrice[i], 1.0);
            foreach (TrancheCall call in i < scenario.TrancheCalls.Length ? scenario.TrancheCalls[i] ?? [] : [])
            {
                int period = LeaseTerms.EndPeriod(deal.Boundaries, call.On);
                if (period >= 0 && period < deal.Periods)
                {
                    into.TrancheCallPart[i][period] = call.Part;
                    // 0: the make-whole price, worked out by the loop at the period's start from the index it reads then.
                    into.TrancheCallPrice[i][period] = call.MakeWhole ? 0.0 : call.Price;
                }
            }

            into.TrancheConvertPart[i] = scenario.ConvertPartOf(i);
        }
    }
}
