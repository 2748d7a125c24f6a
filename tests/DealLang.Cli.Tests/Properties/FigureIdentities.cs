using System.Globalization;
using System.Text.RegularExpressions;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

/// <summary>
/// Accounting identities a finished run's figures must keep, each taken from docs/language.md (the formula is in the
/// comment of the method that checks it). They compare the summary (what <see cref="ScenarioOutcome"/> holds), the
/// ledger (its columns, by the names §12 gives them) and, where the summary has no figure for a term, the run's
/// own buffers (<see cref="RunResult"/>: the guarantor's subrogated principal and arrears).
/// <para>Money is double: an identity holds within <see cref="Tolerance"/>, half a cent (the docs' own threshold
/// for a shortfall, §8 "Shortfalls under half a cent count as paid") plus 10⁻¹² of the sum of the magnitudes of its
/// terms (a sum of a few hundred doubles is exact to about n × 2⁻⁵³ of that).</para>
/// </summary>
internal static partial class FigureIdentities
{
    public const double HalfCent = 0.005;
    public const double Relative = 1e-12;

    /// <summary>Every identity over one scenario's outcome; false when it overflowed and nothing was checked.
    /// <paramref name="raw"/> is the same run's result buffers (null for a chain's entity, whose buffers the chain
    /// runner keeps to itself); <paramref name="pikUnpaid"/> the tranches written <c>pik unpaid</c> (the description does
    /// not say which); <paramref name="partial"/> the convertibles some scenario calls or converts in part.</summary>
    public static bool Check(DealDescription deal, LedgerLayout layout, ScenarioOutcome outcome, RunResult? raw, IReadOnlySet<string> pikUnpaid, FigureTally? tally = null,
        IReadOnlySet<string>? partial = null)
    {
        var ledger = new Ledger(deal, layout, outcome);
        if (ledger.Overflowed(deal))
        {
            // A balance compounding past double's range (a PIK coupon that rises with its own balance, for ever in a
            // workout) turns into ∞ and then NaN, which §8 documents ("amounts that overflow print as n/a"): no
            // identity is meaningful past it.
            return false;
        }

        string where = $"scenario {outcome.Scenario}";
        for (int i = 0; i < deal.Tranches.Length; i++)
        {
            TrancheSummary s = outcome.Tranches[i];
            string at = $"{where}, tranche {s.Name}";
            Count(tally, "tranches with a guarantor that paid", s.Guaranteed && outcome.Guarantees.Any(g => g.Paid > 0 && g.Name.EndsWith(" for " + s.Name, StringComparison.Ordinal)));
            Count(tally, "tranches converted", s.SharesValue > 0);
            Count(tally, "tranches called", s.CalledOn is not null);
            Count(tally, "tranches called and converted", s.CalledOn is not null && s.ConvertedOn == s.CalledOn);
            Count(tally, "tranches with interest capitalised", ledger.Sum(s.Name + " interest capitalised") > 0);
            Count(tally, "tranches with draws", s.OriginalBalance > deal.Tranches[i].Balance);
            Count(tally, "tranches with a principal loss", s.PrincipalLoss > HalfCent);
            TrancheRollForward(deal.Tranches[i], s, ledger, raw, i, at);
            TranchePaidAsInLedger(s, ledger, raw, i, at);
            LossAndLossShare(s, at);
            IrrSign(deal.Tranches[i], s, at);
            WalWithinRun(deal, s, outcome.PeriodsRun, at);
            CalledOnce(s, partial?.Contains(s.Name) == true, at);
            Count(tally, "tranches called or converted in part, converted", partial?.Contains(s.Name) == true && s.SharesValue > 0);
        }

        Guarantees(deal, outcome, ledger, raw, pikUnpaid, where);
        PaySteps(ledger, where);
        AccountsNeverNegative(deal, ledger, where);
        EquityDistributions(deal, outcome, ledger, where);
        LoansAddUp(deal, outcome, where);
        FleetUnits(deal, outcome, where);
        CoinsAsInLedger(outcome, ledger, where);
        EventsAsInLedger(deal, outcome, ledger, where);
        CollectionsAsInLedger(deal, outcome, ledger, where);
        HoldingDraws(deal, outcome, ledger, where, tally);
        FeesUnpaidAsInLedger(outcome, ledger, where);
        return true;
    }

    /// <summary>docs/language.md "Unpaid at end": a fee the enforcement waterfall has no step for has a ledger column
    /// <c>F unpaid</c>, what it carries out of each period, and the summary's <c>unpaid at end</c> is its last row.</summary>
    private static void FeesUnpaidAsInLedger(ScenarioOutcome outcome, Ledger ledger, string where)
    {
        foreach (FeeSummary fee in outcome.Fees.Where(f => ledger.Has(f.Name + " unpaid")))
        {
            if (ledger.Periods > 0)
            {
                Near(ledger[fee.Name + " unpaid", ledger.Periods - 1], fee.Unpaid, $"{where}, fee {fee.Name}: unpaid at end = the last row's '{fee.Name} unpaid'");
            }
        }
    }

    private static void Count(FigureTally? tally, string what, bool happened)
    {
        if (happened)
        {
            tally?.Saw(what);
        }
    }

    /// <summary>The tolerance of an identity whose terms are <paramref name="terms"/>.</summary>
    public static double Tolerance(params double[] terms) => HalfCent + (Relative * terms.Sum(Math.Abs));

    public static void Near(double expected, double actual, string what, params double[] terms)
    {
        double tolerance = Tolerance([expected, actual, .. terms]);
        // Equal non-finite figures agree too: a generated PIK coupon rising with its own balance can overflow to the
        // same infinity on both sides (seed 8qbstLju0Ps1), where their difference is NaN.
        Assert.True(Math.Abs(expected - actual) <= tolerance || expected.Equals(actual),
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (difference {actual - expected:R}, tolerance {tolerance:R})"));
    }

    /// <summary>
    /// docs/language.md §5 tranche ("paid in kind", "Delayed draw", "Convertible notes") and §12 ("principal loss is the
    /// principal funded that was never repaid"): the balance moves only by interest capitalised, draws, principal paid,
    /// a conversion and a put below par's write-down, and the loss is the balance left at the run's end. Period by
    /// period (the ledger's balance is after the period's capitalised interest and draw):
    /// <code>closing_t = opening_t + capitalised_t + drawn_t − principal paid_t − written down_t − converted_t</code>
    /// so over the run
    /// <code>original (closing balance + Σ drawn) + Σ capitalised − principal paid − written down − balance converted = principal loss</code>
    /// A convertible converts, in one period, the balance it has then: the opening balance and that period's interest
    /// paid in kind (added "at once"), before the period's draw (funded at its end) and with no principal paid on it;
    /// in that period converted_t is what the ledger's balances leave, and must be above 0 and at most opening +
    /// capitalised. Without the run's buffers (a chain's entity) only the whole-run identity of a tranche that did not
    /// convert is checked. The loss is also the ledger's last balance.
    /// </summary>
    /// <summary>A convertible's put, or a call of any tranche, below par writes the balance down by its (negative)
    /// premium, the holder accepting less (docs/language.md, "The holder's put"); 0 in every other period and tranche.</summary>
    private static double WrittenDown(TrancheInfo tranche, Ledger ledger, int t) => Math.Max(0, -ledger.Column(tranche.Name + " redemption premium", t));

    private static void TrancheRollForward(TrancheInfo tranche, TrancheSummary s, Ledger ledger, RunResult? raw, int i, string at)
    {
        Near(tranche.Balance + ledger.Sum(tranche.Name + " drawn"), s.OriginalBalance, $"{at}: original balance = closing balance + Σ drawn");
        if (ledger.Periods == 0)
        {
            return;
        }

        Near(s.PrincipalLoss, ledger[tranche.Name + " balance", ledger.Periods - 1], $"{at}: principal loss = the ledger's last balance");
        double capitalised = ledger.Sum(tranche.Name + " interest capitalised"), converted = 0;
        double writeDowns = Enumerable.Range(0, ledger.Periods).Sum(t => WrittenDown(tranche, ledger, t));
        if (raw is not null)
        {
            double opening = tranche.Balance;
            for (int t = 0; t < ledger.Periods; t++)
            {
                double cap = ledger.Column(tranche.Name + " interest capitalised", t), drawn = ledger.Column(tranche.Name + " drawn", t);
                double closing = ledger[tranche.Name + " balance", t], paid = raw.PrincipalPaid[i][t];
                double writtenDown = WrittenDown(tranche, ledger, t);
                double rest = opening + cap + drawn - paid - writtenDown - closing;
                string period = $"{at}, period {t + 1}";
                if (ledger.Column(tranche.Name + " converted into shares", t) > 0)
                {
                    Assert.True(rest > 0 && rest <= opening + cap + Tolerance(opening, cap),
                        $"{period}: converted {rest:R}, not within (0, opening {opening:R} + capitalised {cap:R}]" + Movements(tranche, ledger, raw, i));
                    converted += rest;
                }
                else
                {
                    Near(0, rest, $"{period}: closing = opening + capitalised + drawn − principal paid" + Movements(tranche, ledger, raw, i), opening, cap, drawn, paid, closing);
                }

                opening = closing;
            }
        }
        else if (s.SharesValue > 0)
        {
            return;
        }

        Near(s.PrincipalLoss, s.OriginalBalance + capitalised - s.PrincipalPaid - converted - writeDowns,
            $"{at}: original + capitalised − principal paid − converted − put write-downs = principal loss" + Movements(tranche, ledger, raw, i),
            s.OriginalBalance, capitalised, s.PrincipalPaid, converted, writeDowns);
    }

    /// <summary>docs/language.md §5, "The issuer's hard call": a call is recorded only where the scenario calls, and the
    /// holder answers it at once, converting then or holding a claim to cash that never converts afterwards. A tranche
    /// called or converted in <paramref name="part"/> may convert before its first call (a share, early) or after it (the
    /// rest, "A partial hard call").</summary>
    private static void CalledOnce(TrancheSummary s, bool part, string at)
    {
        Assert.True(s.CalledOn is null || s.Called, $"{at}: called on {s.CalledOn} without the scenario calling it");
        Assert.True(s.CalledOn is null || s.ConvertedOn is null || s.ConvertedOn == s.CalledOn || part,
            $"{at}: called on {s.CalledOn}, converted on {s.ConvertedOn}: after a call the holder converts at once or not at all");
    }

    /// <summary>The tranche's balance period by period, for a failure's message.</summary>
    private static string Movements(TrancheInfo tranche, Ledger ledger, RunResult? raw, int i)
    {
        var text = new System.Text.StringBuilder("\nperiod end: opening + capitalised + drawn − principal paid − converted shares' value → closing");
        double opening = tranche.Balance;
        for (int t = 0; t < ledger.Periods; t++)
        {
            double Column(string suffix) => ledger.Column(tranche.Name + suffix, t);
            double closing = Column(" balance");
            text.Append(CultureInfo.InvariantCulture, $"\n{Ledger.Label(t)}: {opening:R} + {Column(" interest capitalised"):R} + {Column(" drawn"):R} − {(raw is null ? double.NaN : raw.PrincipalPaid[i][t]):R} − [{Column(" converted into shares"):R}] → {closing:R}");
            opening = closing;
        }

        return text.ToString();
    }

    /// <summary>
    /// §8 and §12: a tranche is paid interest only by <c>pay T.interest</c> steps and principal only by
    /// <c>pay T.principal</c>, <c>pay T.balance</c> and sweeps to it (a waterfall's or a trigger's), in either
    /// waterfall, and by an equity cure prepaying it (§7, "Where the cure goes"), each a ledger column
    /// (<c>3 pay T.interest paid</c>, <c>5 sweep 50% of rest to T swept</c>, <c>4 CashTrap => sweep 50% to T swept</c>,
    /// <c>LockUp cure prepaid T</c>); the summary's interest and principal paid are the sums of the run's
    /// per-period figures, and each period's figure is the sum of those columns — in the event of default's period
    /// too, when a deal without an enforcement waterfall runs the regular one twice (§9: its columns show both passes).
    /// </summary>
    private static void TranchePaidAsInLedger(TrancheSummary s, Ledger ledger, RunResult? raw, int i, string at)
    {
        string name = Regex.Escape(s.Name);
        int[] interest = ledger.Matching($@"^\d+ pay {name}\.interest paid$");
        int[] principal = ledger.Matching($@"^(\d+ (pay {name}\.(principal|balance) paid|.*sweep .* to {name} swept)|\S+ cure prepaid {name})$");
        double interestTotal = 0, principalTotal = 0;
        for (int t = 0; t < ledger.Periods; t++)
        {
            double interestT = ledger.SumAt(interest, t), principalT = ledger.SumAt(principal, t);
            interestTotal += interestT;
            principalTotal += principalT;
            if (raw is not null)
            {
                Near(raw.InterestPaid[i][t], interestT, $"{at}: period {t + 1}'s interest paid = its ledger steps'");
                Near(raw.PrincipalPaid[i][t], principalT, $"{at}: period {t + 1}'s principal paid = its ledger steps'");
            }
        }

        if (ledger.Periods > 0)
        {
            Near(s.InterestPaid, interestTotal, $"{at}: interest paid = Σ its ledger steps' paid");
            Near(s.PrincipalPaid, principalTotal, $"{at}: principal paid = Σ its ledger steps' paid and swept");
        }

        if (raw is not null)
        {
            Near(s.InterestPaid, raw.InterestPaid[i].Take(ledger.Periods).Sum(), $"{at}: interest paid = Σ the run's per-period interest");
            Near(s.PrincipalPaid, raw.PrincipalPaid[i].Take(ledger.Periods).Sum(), $"{at}: principal paid = Σ the run's per-period principal");
            Near(s.UnpaidInterest, ledger.Periods == 0 ? 0 : raw.InterestShortfall[i][ledger.Periods - 1], $"{at}: unpaid interest = the last period's interest shortfall");
        }
    }

    /// <summary>§12: the loss is principal never repaid, so ≥ 0; loss % = loss / original, n/a when nothing was funded.</summary>
    private static void LossAndLossShare(TrancheSummary s, string at)
    {
        Assert.True(s.PrincipalLoss >= -Tolerance(s.OriginalBalance), $"{at}: principal loss {s.PrincipalLoss:R} < 0");
        Assert.True(s.UnpaidInterest >= -HalfCent, $"{at}: unpaid interest {s.UnpaidInterest:R} < 0");
        Assert.True(s.InterestPaid >= -HalfCent && s.PrincipalPaid >= -HalfCent, $"{at}: a negative amount paid");
        if (s.OriginalBalance == 0)
        {
            Assert.True(double.IsNaN(s.LossFraction), $"{at}: loss % of nothing funded should be n/a");
        }
        else
        {
            Near(s.PrincipalLoss / s.OriginalBalance, s.LossFraction, $"{at}: loss % = loss / original");
        }
    }

    /// <summary>
    /// §12 "IRR and BEY": the tranche's flows are −issue price × closing balance at the closing, then interest,
    /// principal and (a convertible's) shares value at the periods' ends, less each draw at the issue price. Without
    /// draws they change sign once, and with one sign change Σ flow × (1 + r)^−t falls in r, so its root r is > 0
    /// exactly when the undiscounted sum Σ flow is > 0, and near 0 when the sum is (|r| ≤ 10⁻⁶ when
    /// |Σ| ≤ 10⁻⁹ of what was paid in); a total loss is −100%. No root in −99.99% … 10⁴ is n/a, which a positive
    /// sum alone can give (above the solver's ceiling of 10⁴, 1,000,000%).
    /// </summary>
    private static void IrrSign(TrancheInfo tranche, TrancheSummary s, string at)
    {
        double paidIn = tranche.IssuePrice * tranche.Balance;
        double back = s.InterestPaid + s.PrincipalPaid + s.SharesValue;
        if (s.OriginalBalance != tranche.Balance || paidIn <= 0)
        {
            return; // draws: the flows may change sign more than once, and the sign rule does not hold
        }

        double sum = back - paidIn;
        string flows = string.Create(CultureInfo.InvariantCulture, $"{at}: IRR {s.Irr:R} against Σ flows {sum:R} (paid in {paidIn:R}, back {back:R})");
        if (double.IsNaN(s.Irr))
        {
            Assert.True(sum > 0, flows + ": n/a with flows that do not sum above zero");
        }
        else if (Math.Abs(sum) <= 1e-9 * paidIn)
        {
            Assert.True(Math.Abs(s.Irr) <= 1e-6, flows);
        }
        else
        {
            Assert.True(Math.Sign(s.Irr) == Math.Sign(sum), flows);
        }
    }

    /// <summary>§12 "WAL": Σ tᵢ pᵢ / Σ pᵢ over the periods run, tᵢ ACT/365F years from the closing to period i's end:
    /// a weighted mean of the tᵢ, so within [0, years to the last period run]; n/a with no principal paid.</summary>
    private static void WalWithinRun(DealDescription deal, TrancheSummary s, int periods, string at)
    {
        if (double.IsNaN(s.WalYears))
        {
            return;
        }

        double last = periods == 0 ? 0 : DayCounts.YearFraction(DayCount.Act365F, deal.Closing, deal.Boundaries[periods]);
        Assert.True(s.WalYears >= -1e-12 && s.WalYears <= last + 1e-9,
            $"{at}: WAL {s.WalYears:R} outside [0, {last:R}]");
    }
}
