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
                if (call.When is not null)
                {
                    continue; // found from the path's index levels once they are all written (FillWhen)
                }

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

        FillWhen(deal, scenario, into);
    }

    /// <summary>
    /// Each call decided in the run (docs/language.md §10, "A call decided in the run"), from the index levels now in
    /// <paramref name="into"/>: in the first period t from the one holding the call's <c>from</c> date, and before the
    /// tranche's maturity period, whose start's levels make the condition hold, the call's part and price, as a call
    /// <c>on</c> the period's end b[t+1] (the date whose period is t) would write them; nothing when no period does.
    /// Notes with a call schedule are priced by the step in force on b[t+1], before the first step at the make-whole
    /// price (0) or, without a make-whole, not called before the first step's period. Writes only the rows of tranches
    /// called so (no date call shares them, DL0583), so a Monte Carlo path that writes its drawn levels after
    /// <see cref="Fill"/> calls it again (StochasticPaths, ChainPaths) and gets its own call.
    /// </summary>
    public static void FillWhen(DealDescription deal, ScenarioSpec scenario, PathInputs into)
    {
        // Without a call (a chain's entity, most scenarios) nothing to do, and nothing allocated: a path allocates nothing.
        if (scenario.TrancheCalls.Length == 0 || into.TrancheCallPart.Length == 0)
        {
            return;
        }

        Date[] b = deal.Boundaries;
        for (int i = 0; i < deal.Tranches.Length && i < scenario.TrancheCalls.Length; i++)
        {
            if (scenario.TrancheCalls[i] is not [{ When: { } when } call])
            {
                continue;
            }

            Array.Clear(into.TrancheCallPart[i]);
            Array.Fill(into.TrancheCallPrice[i], 1.0);
            int first = LeaseTerms.EndPeriod(b, call.On);
            if (call.Steps.Length > 0 && !call.MakeWhole)
            {
                // Not callable before the first step without a make-whole: the first period whose end reaches it.
                int step = LeaseTerms.EndPeriod(b, call.Steps[0].From);
                first = step < 0 ? -1 : Math.Max(first, step);
            }

            int maturity = LeaseTerms.EndPeriod(b, deal.Tranches[i].Maturity);
            int last = maturity < 0 ? deal.Periods : Math.Min(maturity, deal.Periods);
            for (int t = first < 0 ? last : first; t < last; t++)
            {
                if (when.HoldsAt(into.IndexLevel, t))
                {
                    into.TrancheCallPart[i][t] = call.Part;
                    into.TrancheCallPrice[i][t] = PriceOn(call, b[t + 1]);
                    break;
                }
            }
        }
    }

    /// <summary>The price of a call decided in the run, made in the period ending <paramref name="end"/>: the scenario's
    /// without a call schedule, else the step in force on that date, before the first the make-whole price (0: worked
    /// out by the loop).</summary>
    static double PriceOn(TrancheCall call, Date end)
    {
        if (call.Steps.Length == 0)
        {
            return call.Price;
        }

        double price = 0.0;
        foreach (CallStepPrice step in call.Steps)
        {
            if (step.From <= end)
            {
                price = step.Price;
            }
        }

        return price;
    }
}
