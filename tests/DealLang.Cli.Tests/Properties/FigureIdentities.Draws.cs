using System.Globalization;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

internal static partial class FigureIdentities
{
    /// <summary>
    /// docs/language.md §5 holding, "Draws": a holding of a delayed draw funds its share of the draws after the holder's
    /// closing, first from the cash available, then by calling the equity <see cref="HoldingInfo.CalledFrom"/> names,
    /// and carries the rest. Per period, from the ledger's <c>H draw due/paid/called/unpaid</c>:
    /// <code>due_t = drawn_t + unpaid_{t−1}, drawn_t ≥ 0;  due_t = paid_t + unpaid_t;  0 ≤ called_t ≤ paid_t</code>
    /// and the summary's <c>draws funded</c> = Σ paid_t, <c>draws unfunded</c> = unpaid at the last period. A call never
    /// exceeds what is left of the commitment (the equity's unfunded commitment stays ≥ 0), and draws are left unfunded
    /// at the end only once it is all called (unfunded ≈ 0).
    /// </summary>
    private static void HoldingDraws(DealDescription deal, ScenarioOutcome outcome, Ledger ledger, string where, FigureTally? tally)
    {
        for (int h = 0; h < deal.Holdings.Length; h++)
        {
            HoldingInfo info = deal.Holdings[h];
            if (!info.Draws)
            {
                Assert.False(ledger.Has(info.Name + " draw due"), $"{where}: holding {info.Name} funds no draws but has a ledger column for them");
                continue;
            }

            string at = $"{where}, holding {info.Name}";
            HoldingSummary summary = outcome.Holdings[h];
            Count(tally, "holdings funding draws", summary.DrawsPaid > HalfCent);
            Count(tally, "holdings with draws unfunded", summary.DrawsUnpaid > HalfCent);
            Assert.Equal(info.CalledFrom >= 0, ledger.Has(info.Name + " draw called"));
            double paidSum = 0, calledSum = 0, unpaidBefore = 0;
            for (int t = 0; t < ledger.Periods; t++)
            {
                double due = ledger[info.Name + " draw due", t], paid = ledger[info.Name + " draw paid", t];
                double unpaid = ledger[info.Name + " draw unpaid", t], called = ledger.Column(info.Name + " draw called", t);
                string p = $"{at}, {Ledger.Label(t)}";
                Near(due, paid + unpaid, $"{p}: draw due = paid + unpaid", paid, unpaid);
                Assert.True(due >= unpaidBefore - Tolerance(due, unpaidBefore), Invariant($"{p}: draw due {due:R} below the unpaid {unpaidBefore:R} carried in (a negative draw)"));
                Assert.True(paid >= -HalfCent && unpaid >= -HalfCent && called >= -HalfCent, Invariant($"{p}: a negative draw paid {paid:R}, unpaid {unpaid:R} or called {called:R}"));
                Assert.True(called <= paid + Tolerance(called, paid), Invariant($"{p}: draw called {called:R} above draw paid {paid:R}"));
                paidSum += paid;
                calledSum += called;
                unpaidBefore = unpaid;
            }

            if (ledger.Periods == 0)
            {
                continue;
            }

            Count(tally, "holdings calling an equity for draws", calledSum > HalfCent);
            Near(paidSum, summary.DrawsPaid, $"{at}: draws funded = Σ draw paid");
            Near(unpaidBefore, summary.DrawsUnpaid, $"{at}: draws unfunded = the last period's draw unpaid");
            if (info.CalledFrom >= 0)
            {
                EquitySummary equity = outcome.Equities[info.CalledFrom];
                Assert.True(equity.Unfunded >= -Tolerance(equity.Commitment), Invariant($"{at}: equity {equity.Name} called past its commitment (unfunded {equity.Unfunded:R})"));
                Assert.True(calledSum <= equity.Commitment - equity.Contributed + Tolerance(equity.Commitment, equity.Contributed, calledSum),
                    Invariant($"{at}: {calledSum:R} called from {equity.Name} for draws, above its commitment {equity.Commitment:R} less its contribution {equity.Contributed:R}"));
                // What a draw may call excludes every dated call, made yet or not (language.md "Commitments drawn over
                // time"); the unfunded figure counts a call dated after a run that ended early, which was never made.
                Date end = deal.Boundaries[outcome.PeriodsRun];
                double notMade = deal.Equities[info.CalledFrom].Calls.Where(c => c.Date > end).Sum(c => c.Amount);
                Assert.True(summary.DrawsUnpaid <= HalfCent || equity.Unfunded <= notMade + Tolerance(equity.Commitment, notMade),
                    Invariant($"{at}: draws unfunded {summary.DrawsUnpaid:R} while {equity.Name} has {equity.Unfunded:R} of its commitment left to call ({notMade:R} of it dated calls after the run's end)"));
            }
        }
    }

    /// <summary>
    /// docs/language.md §5 holding, "Draws", across a chain: what a holding (never sold) owes over its holder's run is
    /// its share of the held tranche's draws at the held entity's period ends inside that run and by its maturity M, at
    /// the tranche's issue price, <c>Σ_t drawn_t = s × π × Σ_{p : b_0 < e_p ≤ min(b_T, M)} W_p</c> (T the holder's
    /// periods run, workout periods after a default included, which fund no draw; W_p the held ledger's <c>drawn</c>),
    /// and it is all funded or left unfunded: <c>draws funded + draws unfunded = Σ_t drawn_t</c>.
    /// </summary>
    public static void HoldingDrawsAsHeld(IReadOnlyList<EntityOutcome> entities, FigureTally? tally)
    {
        foreach (EntityOutcome holder in entities)
        {
            var ledger = new Ledger(holder.Deal, holder.Layout, holder.Outcome);
            for (int h = 0; h < holder.Deal.Holdings.Length; h++)
            {
                HoldingInfo info = holder.Deal.Holdings[h];
                EntityOutcome? held = entities.FirstOrDefault(x => x.Deal.Name == info.Entity);
                if (!info.Draws || info.Sold || held is null || ledger.Periods == 0 || ledger.Overflowed(holder.Deal))
                {
                    continue;
                }

                var heldLedger = new Ledger(held.Deal, held.Layout, held.Outcome);
                TrancheInfo tranche = held.Deal.Tranches.Single(t => t.Name == info.Member);
                Date start = holder.Deal.Boundaries[0], end = holder.Deal.Boundaries[holder.Outcome.PeriodsRun];
                double draws = 0;
                for (int p = 0; p < heldLedger.Periods; p++)
                {
                    Date at = held.Deal.Boundaries[p + 1];
                    // Funded by the holder: in its run and by its maturity (HeldDraws: its workout periods after a
                    // default sell and pay out, they do not lend).
                    draws += at <= end && HeldDraws.FundedBy(at, start, holder.Deal.Maturity) ? heldLedger.Column(info.Member + " drawn", p) : 0;
                }

                HoldingSummary summary = holder.Outcome.Holdings[h];
                Count(tally, "holdings matched against their held tranche's draws", draws > 0);
                Near(info.Share * tranche.IssuePrice * draws, summary.DrawsPaid + summary.DrawsUnpaid,
                    $"scenario {holder.Outcome.Scenario}, holding {info.Name}: draws funded + unfunded = its share of {info.Entity}.{info.Member}'s draws in its run by its maturity ({draws:R})",
                    summary.DrawsPaid, summary.DrawsUnpaid);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
