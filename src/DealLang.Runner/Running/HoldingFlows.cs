using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// One holding's receipts and par on a path, from the held entity's run (docs/language.md §5 "holding"). The
/// bucketing is worked out once per chain: a payment the entity makes at the end of its period p (its boundary
/// p + 1) is the holder's in the holder's period t with start &lt; that date &lt;= end, so periods of any frequency
/// and dates match; a payment dated on or before the holder's closing or after its last period end is not the
/// holder's (<see cref="Outside"/> counts them). Per path the fill is one pass over the entity's periods and one over
/// the holder's, into the holder's own input rows: nothing is allocated.
/// </summary>
public sealed class HoldingFlows
{
    readonly int member;
    readonly bool equity;
    readonly double share;
    readonly double parAtStart;
    readonly double issuePrice; // a held tranche's: its lenders fund each draw at it
    readonly int[] bucket;      // per held period: the holder's period its payments fall in, or -1
    readonly int[] drawBucket;  // per held period: the holder's period that funds its draw (HeldDraws), or -1
    readonly int[] lastHeld;    // per holder period: the last held period ending on or before its end, or -1
    readonly int closingHeld;   // the last held period ending on or before the holder's closing, or -1
    readonly int guarantee;     // the held tranche's guarantee, or -1
    readonly FundShare? fund;   // a held equity with a carry: its LPs' part, made once

    /// <param name="holder">The holding deal.</param>
    /// <param name="holding">The holding, one of <paramref name="holder"/>'s.</param>
    /// <param name="held">The entity it holds (its description names <see cref="HoldingInfo.Member"/>).</param>
    public HoldingFlows(DealDescription holder, HoldingInfo holding, DealDescription held)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(holding);
        ArgumentNullException.ThrowIfNull(held);
        equity = holding.Equity;
        member = equity
            ? Array.FindIndex(held.Equities, e => e.Name == holding.Member)
            : Array.FindIndex(held.Tranches, t => t.Name == holding.Member);
        if (member < 0)
        {
            throw new ArgumentException($"Deal '{held.Name}' has no {(equity ? "equity" : "tranche")} '{holding.Member}' for holding '{holding.Name}'.", nameof(held));
        }

        // A guarantor behind the held tranche pays its holders directly (docs/language.md §5, "Behind a tranche"): the
        // holding receives its share of that, less what the holders pass back to the guarantor.
        guarantee = equity ? -1 : TrancheSummaries.Guarantee(held, member) ?? -1;
        share = holding.Share;
        fund = equity && held.Equities[member].Carry is not null ? new FundShare(held, member) : null;
        parAtStart = share * (equity ? held.Equities[member].Contributed : held.Tranches[member].Balance);
        issuePrice = equity ? 0.0 : held.Tranches[member].IssuePrice;
        Date[] mine = holder.Boundaries;
        Date[] theirs = held.Boundaries;
        bucket = new int[held.Periods];
        drawBucket = new int[held.Periods];
        for (int p = 0; p < bucket.Length; p++)
        {
            bucket[p] = PeriodOf(mine, theirs[p + 1]);
            // A draw is the holder's while it runs, to its maturity: not in a workout period after it, where a receipt
            // still is (the checker's DL0795 and DL0797 read the same rule).
            drawBucket[p] = HeldDraws.FundedBy(theirs[p + 1], holder.Closing, holder.Maturity) ? bucket[p] : -1;
        }

        lastHeld = new int[holder.Periods];
        int q = -1;
        while (q + 1 < held.Periods && theirs[q + 2] <= mine[0])
        {
            q++;
        }

        closingHeld = q;
        for (int t = 0; t < lastHeld.Length; t++)
        {
            while (q + 1 < held.Periods && theirs[q + 2] <= mine[t + 1])
            {
                q++;
            }

            lastHeld[t] = q;
        }
    }

    /// <summary>The holder's period whose (start, end] holds <paramref name="date"/>, or −1.</summary>
    static int PeriodOf(Date[] boundaries, Date date)
    {
        if (date <= boundaries[0] || date > boundaries[^1])
        {
            return -1;
        }

        int t = Array.BinarySearch(boundaries, date);
        return t >= 0 ? t - 1 : ~t - 1;
    }

    /// <summary>Writes the holding's receipts per holder period (its share of what the member paid: interest and
    /// principal of a tranche, distributions of an equity, the LPs' part of them behind a carry) and its par at each
    /// period's end into <paramref name="receipts"/> and <paramref name="par"/>, from the entity's finished run.</summary>
    /// <param name="heldInputs">The entity's path inputs (its holdings' receipts, for a deal-by-deal carry of a held
    /// fund), or null.</param>
    /// <param name="draws">Where to write what the holding funds of the held delayed draw's draws per holder period, its
    /// share of each at the tranche's issue price (as the tranche's lenders fund them), bucketed as the receipts are: a
    /// draw is funded at the end of the entity's period, so one on or before the holder's closing is in the par it
    /// bought, and one after its maturity (in a workout period of the holder's) is not its (<see cref="HeldDraws"/>).
    /// Null: not asked.</param>
    public void Fill(RunResult held, double[] receipts, double[] par, PathInputs? heldInputs = null, double[]? draws = null)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(par);
        Array.Clear(receipts);
        int run = held.PeriodsRun;
        if (draws is not null)
        {
            Array.Clear(draws);
            for (int p = 0; p < run && !equity; p++)
            {
                int t = drawBucket[p];
                if (t >= 0)
                {
                    draws[t] += share * issuePrice * held.TrancheDrawn[member][p];
                }
            }
        }

        if (equity)
        {
            double[] paid = EquityPaid(held, heldInputs);
            for (int p = 0; p < run; p++)
            {
                int t = bucket[p];
                if (t >= 0)
                {
                    receipts[t] += share * paid[p];
                }
            }
        }
        else
        {
            for (int p = 0; p < run; p++)
            {
                int t = bucket[p];
                if (t >= 0)
                {
                    receipts[t] += share * TranchePaid(held, p);
                }
            }
        }

        // Par less realised loss: what the holding is owed while the entity runs; nothing once its run has ended
        // (what it still owes then is lost) or, for an equity, from the entity's event of default.
        for (int t = 0; t < par.Length; t++)
        {
            par[t] = ParAfter(held, lastHeld[t]);
        }
    }

    /// <summary>The holding's par at the holder's closing date, on the entity's finished run: as at a period's end
    /// (<see cref="Fill"/>), after the held periods ended by then (usually none: its par at the start).</summary>
    public double ClosingPar(RunResult held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return ParAfter(held, closingHeld);
    }

    // The par once held period q has ended (q < 0: none has). A guaranteed tranche is marked on its holders' side: the
    // balance less the guarantor's subrogated principal.
    double ParAfter(RunResult held, int q)
    {
        int run = held.PeriodsRun;
        return q < 0 ? parAtStart
            : q >= run - 1 ? 0.0
            : equity ? (held.EventOfDefaultPeriod >= 0 && q >= held.EventOfDefaultPeriod ? 0.0 : parAtStart)
            : guarantee < 0 ? share * held.TrancheBalance[member][q]
            : share * Math.Max(0.0, held.TrancheBalance[member][q] - held.GuarantorPrincipal[guarantee][q]);
    }

    /// <summary>What the member paid the holding that falls outside the holder's periods (before its closing or after
    /// its last period end), on the entity's finished run: reported, never received.</summary>
    public double Outside(RunResult held, PathInputs? heldInputs = null)
    {
        ArgumentNullException.ThrowIfNull(held);
        double[]? distributions = equity ? EquityPaid(held, heldInputs) : null;
        double outside = 0;
        for (int p = 0; p < held.PeriodsRun; p++)
        {
            if (bucket[p] < 0)
            {
                outside += share * (distributions is not null ? distributions[p] : TranchePaid(held, p));
            }
        }

        return outside;
    }

    /// <summary>What the held equity paid its holders each period: its distributions, or behind a carry the LPs' part of
    /// them (the GP's carry and catch-up are the GP's, not a holder's of the equity).</summary>
    double[] EquityPaid(RunResult held, PathInputs? heldInputs) =>
        fund is null ? held.Distributions[member] : fund.LpPart(held, heldInputs);

    /// <summary>What the held tranche's holders received in period <paramref name="p"/>: the issuer's interest,
    /// principal and commitment fee (a delayed draw's lenders are paid it on their undrawn commitment), the value of
    /// the shares a convertible converted into (the holders' in place of the principal, as the tranche's IRR counts
    /// them: without it a holding of converted notes would lose their whole balance), and the guarantor's payments net
    /// of what they passed back to it.</summary>
    double TranchePaid(RunResult held, int p) =>
        held.InterestPaid[member][p] + held.PrincipalPaid[member][p] + held.CommitmentFeePaid[member][p] + held.TrancheConversion[member][p]
        + (guarantee < 0 ? 0.0 : held.GuaranteePaid[guarantee][p] - held.GuaranteeRecovered[guarantee][p]);
}
