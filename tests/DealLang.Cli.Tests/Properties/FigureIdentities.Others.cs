using System.Text.RegularExpressions;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

// The identities beyond a tranche's own: guarantees, waterfall steps, accounts, equities, loans and fleets.
internal static partial class FigureIdentities
{
    /// <summary>
    /// docs/language.md §5 "Guarantors", "Behind a tranche", with S and A the guarantor's subrogated principal and
    /// interest arrears at the run's end (the run's buffers), L and U the issuer's principal loss and unpaid interest:
    /// <code>
    /// paid by guarantor (net) = the guarantee's paid − recovered (its net cost before its fees)
    /// fee received            = Σ the ledger's `pay T.guarantee_fee paid` columns, both waterfalls
    /// net cost                = paid − recovered − fee received
    /// holders' loss           = max(0, L − S) + max(0, U − A)
    /// L + U                   = holders' loss + S + A           (the issuer's shortfall: "on every run")
    /// net cost                = L + U − holders' loss − Σ_t (I_t + C_t + D_t) × S_{t−1} / B_{t−1} − Σ_t F_t
    /// </code>
    /// the last with I_t + C_t the period's whole interest (the cash part I_t and the part paid in kind C_t; under
    /// <c>pik unpaid</c> C_t is 0, its unpaid interest capitalising at the period's end being already in I_t): the
    /// ledger's interest due less the arrears carried into the period (a call's or put's premium included), plus a
    /// <c>pik</c> tranche's capitalised interest; D_t a call's or put's discount (the ledger's redemption premium when
    /// negative), which writes the guarantor's part down as the holders'; S / B the guarantor's share of the opening
    /// balance, at most 1 (0 on a zero balance), but for the premium or discount, the guarantor's share of the balance
    /// redeemed: after a conversion in the same period (only the holders' part converts) S over what is left, 1 when a
    /// call the holders answered by converting redeemed the guarantor's part alone.
    /// And paid ≤ cap (the cap counts what it paid, before anything it got back), recovered ≥ 0.
    /// </summary>
    private static void Guarantees(DealDescription deal, ScenarioOutcome outcome, Ledger ledger, RunResult? raw, IReadOnlySet<string> pikUnpaid, string where)
    {
        for (int g = 0; g < deal.Guarantees.Length; g++)
        {
            GuaranteeInfo info = deal.Guarantees[g];
            GuaranteeSummary paid = outcome.Guarantees[g];
            string at = $"{where}, guarantee {info.Name}";
            Assert.True(paid.Paid <= info.Cap + Tolerance(info.Cap), $"{at}: paid {paid.Paid:R} over its cap {info.Cap:R}");
            Assert.True(paid.Paid >= -HalfCent && paid.Recovered >= -HalfCent, $"{at}: a negative payment or recovery");
            if (info.Kind != GuaranteeTarget.Tranche)
            {
                continue;
            }

            TrancheSummary s = outcome.Tranches[info.Target];
            Assert.True(s.Guaranteed, $"{at}: the tranche's summary does not show its guarantee");
            Near(paid.Paid - paid.Recovered, s.PaidByGuarantor, $"{at}: paid by guarantor (net) = paid − recovered", paid.Paid, paid.Recovered);
            Near(paid.Paid - paid.Recovered - paid.FeeReceived, paid.NetCost, $"{at}: net cost = paid − recovered − fee received", paid.Paid, paid.Recovered, paid.FeeReceived);
            Assert.True(s.HoldersLoss >= 0, $"{at}: holders' loss {s.HoldersLoss:R} < 0");
            if (raw is null || ledger.Periods == 0)
            {
                continue;
            }

            double claim = raw.GuarantorPrincipal[g][ledger.Periods - 1], arrears = raw.GuarantorInterest[g][ledger.Periods - 1];
            Near(Math.Max(0, s.PrincipalLoss - claim) + Math.Max(0, s.UnpaidInterest - arrears), s.HoldersLoss,
                $"{at}: holders' loss = max(0, L − S) + max(0, U − A) (S {claim:R}, A {arrears:R})", s.PrincipalLoss, s.UnpaidInterest, claim, arrears);
            Near(s.PrincipalLoss + s.UnpaidInterest, s.HoldersLoss + claim + arrears,
                $"{at}: the issuer's shortfall L + U = holders' loss + S + A (S {claim:R}, A {arrears:R})", s.PrincipalLoss, s.UnpaidInterest, claim, arrears);
            string name = deal.Tranches[info.Target].Name;
            int[] feeColumns = ledger.Matching(@"^\d+ pay " + Regex.Escape(name) + @"\.guarantee_fee( .*)? paid$");
            double fees = 0;
            for (int t = 0; t < ledger.Periods; t++)
            {
                fees += ledger.SumAt(feeColumns, t);
            }

            Near(fees, paid.FeeReceived, $"{at}: fee received = Σ the ledger's pay {name}.guarantee_fee paid", fees, paid.FeeReceived);
            double accrued = 0;
            for (int t = 0; t < ledger.Periods; t++)
            {
                double opening = t == 0 ? deal.Tranches[info.Target].Balance : ledger[name + " balance", t - 1];
                double subrogated = t == 0 ? 0 : raw.GuarantorPrincipal[g][t - 1];
                double carried = t == 0 ? 0 : raw.InterestShortfall[info.Target][t - 1];
                // A put's or call's premium (in the interest due) or discount (a negative redemption premium) is the
                // guarantor's by its share of the balance redeemed: S / B as at the period's start, but after a conversion
                // the same period (which takes only the holders' part) S over what is left, B_red = the closing balance
                // with the period's principal paid added back and its discount, draw and capitalised arrears taken off:
                // 1 when a call the holders answered by converting redeemed the guarantor's part alone.
                double premium = ledger.Column(name + " redemption premium", t);
                bool pikInKind = !pikUnpaid.Contains(name);
                double capitalised = ledger.Column(name + " interest capitalised", t);
                double whole = ledger[name + " interest due", t] - carried + (pikInKind ? capitalised : 0) - Math.Max(0.0, premium);
                double share = opening > 0 ? Math.Min(1.0, subrogated / opening) : 0;
                double redeemedShare = share;
                if (premium != 0 && raw.TrancheConversion[info.Target][t] > 0)
                {
                    double redeemed = raw.TrancheBalance[info.Target][t] - Math.Min(0.0, premium) + raw.PrincipalPaid[info.Target][t]
                        - raw.TrancheDrawn[info.Target][t] - (pikInKind ? 0 : capitalised);
                    double guarantor = subrogated + (pikInKind ? capitalised * share : 0);
                    redeemedShare = redeemed > 0 ? Math.Min(1.0, guarantor / redeemed) : 0;
                }

                accrued += (whole * share) + (premium * redeemedShare);
            }

            Near(s.PrincipalLoss + s.UnpaidInterest - s.HoldersLoss - accrued - fees, paid.NetCost,
                $"{at}: net cost = L + U − holders' loss − Σ (I + C) × S / B − Σ F (the Σ (I + C) × S / B {accrued:R})", s.PrincipalLoss, s.UnpaidInterest, s.HoldersLoss, accrued, fees, paid.Paid, paid.Recovered);
        }
    }

    /// <summary>§8 and §12: a <c>pay</c> step's columns are what it owed, paid and left short: 0 ≤ paid ≤ due and
    /// short = due − paid.</summary>
    private static void PaySteps(Ledger ledger, string where)
    {
        foreach (int due in ledger.Matching(@"^\d+ pay .* due$"))
        {
            string step = ledger.Name(due)[..^" due".Length];
            for (int t = 0; t < ledger.Periods; t++)
            {
                double owed = ledger[due, t], paid = ledger[step + " paid", t], shortBy = ledger[step + " short", t];
                string at = $"{where}, period {t + 1}, {step}";
                Assert.True(paid >= -HalfCent && paid <= owed + Tolerance(owed), $"{at}: paid {paid:R} outside [0, due {owed:R}]");
                Near(owed - paid, shortBy, $"{at}: short = due − paid", owed, paid);
            }
        }
    }

    /// <summary>§5 account, §8: an account pays out only what it holds (<c>using</c> draws min(balance, owed),
    /// <c>release</c> max(0, balance − target)), so its balance never goes below zero.</summary>
    private static void AccountsNeverNegative(DealDescription deal, Ledger ledger, string where)
    {
        foreach (AccountInfo account in deal.Accounts)
        {
            for (int t = 0; t < ledger.Periods; t++)
            {
                double balance = ledger[account.Name + " balance", t];
                Assert.True(balance >= -HalfCent, $"{where}, period {t + 1}: account {account.Name}'s balance {balance:R} < 0");
            }
        }
    }

    /// <summary>§5 equity, §8: an equity receives only what <c>distribute … to E</c> steps pay it (a ledger column
    /// each, in either waterfall), so its distributions are their sum; without a carry each holder's cut is its share
    /// of them, and the shares sum to 100%, so the cuts sum to the distributions; with a carry, the LP classes' and the
    /// GP's parts sum to them.</summary>
    private static void EquityDistributions(DealDescription deal, ScenarioOutcome outcome, Ledger ledger, string where)
    {
        for (int e = 0; e < deal.Equities.Length; e++)
        {
            EquitySummary s = outcome.Equities[e];
            string at = $"{where}, equity {s.Name}";
            if (ledger.Periods > 0)
            {
                int[] steps = ledger.Matching($@"^\d+ distribute .*to {Regex.Escape(s.Name)} distributed$");
                double total = 0;
                for (int t = 0; t < ledger.Periods; t++)
                {
                    total += ledger.SumAt(steps, t);
                }

                Near(s.Distributions, total, $"{at}: distributions = Σ its distribute steps");
            }

            Assert.True(s.Distributions >= -HalfCent, $"{at}: distributions {s.Distributions:R} < 0");

            // §12 "The summary": the capital it put in is contributed + cures and draw calls; with a commitment, what is
            // left of it is unfunded (never below 0); a fund's LP classes' capital adds up to the same.
            Assert.True(s.PaidIn >= -HalfCent, $"{at}: cures and draw calls {s.PaidIn:R} < 0");
            if (!double.IsNaN(s.Commitment))
            {
                Near(Math.Max(0.0, s.Commitment - s.Contributed - s.PaidIn), s.Unfunded, $"{at}: unfunded = commitment − contributed − cures and draw calls",
                    s.Commitment, s.Contributed, s.PaidIn);
            }

            if (s.Carry is { } classes)
            {
                Near(s.Contributed + s.PaidIn, classes.Classes.Sum(c => c.Contributed), $"{at}: the LP classes' capital = contributed + cures and draw calls",
                    s.Contributed, s.PaidIn);
            }

            if (s.Carry is null && s.Holders.Length > 0)
            {
                Near(s.Distributions, s.Holders.Sum(h => h.Distributions), $"{at}: the holders' cuts sum to the distributions");
            }

            if (s.Carry is { } carry)
            {
                // §5 "a fund's LPs": the distributions split between the LP classes and the GP, a clawback moving
                // carry from the GP back to the classes (the GP's carry is net of it).
                Near(s.Distributions, carry.Classes.Sum(c => c.Distributions) + carry.Carry, $"{at}: the LP classes' distributions + the GP's carry = the distributions",
                    carry.Carry, carry.Clawback);

                // §5 "deal-by-deal carry": carry deferred and still unpaid at the end is the LPs' (in their part above),
                // never negative, the classes' sum; a whole-fund carry takes carry only from a distribution, so defers none.
                Assert.True(carry.Unpaid >= -HalfCent, $"{at}: carry unpaid at end {carry.Unpaid:R} < 0");
                Near(carry.Unpaid, carry.Classes.Sum(c => c.Unpaid), $"{at}: carry unpaid at end = Σ the classes'");
                if (!carry.DealByDeal)
                {
                    Assert.Equal(0.0, carry.Unpaid);
                }
            }
        }
    }

    /// <summary>§12, the loan rows: "principal received + recovery + loss + sold + outstanding at end is always the
    /// balance lent", plus the interest a recovery claim accrued during its workout and the interest among the arrears
    /// of an obligor paying in part when they became a claim, were sold or were left at the end, each term ≥ 0.</summary>
    private static void LoansAddUp(DealDescription deal, ScenarioOutcome outcome, string where)
    {
        for (int l = 0; l < deal.Loans.Length; l++)
        {
            LoanSummary s = outcome.Loans[l];
            string at = $"{where}, loan {s.Name}";
            double[] parts = [s.PrincipalReceived, s.Recovery, s.Loss, s.Sold, s.Outstanding];
            Assert.True(parts.All(p => p >= -HalfCent) && s.WorkoutInterest >= -HalfCent, $"{at}: a negative part in [{string.Join(", ", parts)}, {s.WorkoutInterest}]");
            Assert.True(deal.Loans[l].RecoveryAccrues || s.WorkoutInterest == 0, $"{at}: workout interest on a claim that accrues nothing");
            Assert.True(s.ArrearsInterest >= -HalfCent && (deal.Loans[l].PaysInPart || s.ArrearsInterest == 0), $"{at}: arrears interest {s.ArrearsInterest:R} on a loan paying in full, or below 0");
            Near(deal.Loans[l].Balance + s.WorkoutInterest + s.ArrearsInterest, parts.Sum(),
                $"{at}: principal + recovery + loss + sold + outstanding = balance lent + workout interest + arrears interest", parts);
        }
    }

    /// <summary>§5 coins, §12: the coins held at the end are the ledger's last <c>C coins held</c>; what the
    /// <c>sell C to cover</c> steps raised is the sum of their <c>raised</c> columns, and the coins they sold the sum of
    /// the ledger's <c>C coins sold</c>, and the coins a miner kept the sum of its <c>C coins kept</c>; an enforcement
    /// sale's coins and proceeds are the sums of their own columns.</summary>
    private static void CoinsAsInLedger(ScenarioOutcome outcome, Ledger ledger, string where)
    {
        if (ledger.Periods == 0)
        {
            return;
        }

        foreach (CoinsSummary coins in outcome.Coins)
        {
            string at = $"{where}, coins {coins.Name}";
            Near(coins.HeldAtEnd, ledger[coins.Name + " coins held", ledger.Periods - 1], $"{at}: held at end = the ledger's last coins held");
            int[] steps = ledger.Matching($@"^\d+ sell {Regex.Escape(coins.Name)} to cover .* raised$");
            double raised = 0;
            for (int t = 0; t < ledger.Periods; t++)
            {
                raised += ledger.SumAt(steps, t);
            }

            Near(coins.Proceeds, raised, $"{at}: proceeds = Σ its sell steps' raised");
            Near(coins.Sold, ledger.Sum(coins.Name + " coins sold"), $"{at}: sold by its steps = Σ the ledger's coins sold");
            Assert.True(coins.Sold >= 0 && coins.SoldInEnforcement >= 0, $"{at}: a negative count of coins sold");
            if (ledger.Has(coins.Name + " coins kept"))
            {
                Near(coins.Kept, ledger.Sum(coins.Name + " coins kept"), $"{at}: kept = Σ the ledger's coins kept");
                Assert.True(coins.Kept >= 0, $"{at}: a negative count of coins kept");
            }
            else
            {
                Assert.Equal(0, coins.Kept);
            }

            if (ledger.Has(coins.Name + " coins sold in enforcement"))
            {
                Near(coins.SoldInEnforcement, ledger.Sum(coins.Name + " coins sold in enforcement"), $"{at}: sold in enforcement = Σ the ledger's coins sold in enforcement");
                Near(coins.EnforcementProceeds, ledger.Sum(coins.Name + " enforcement sale proceeds"), $"{at}: enforcement sale proceeds = Σ the ledger's");
            }
        }
    }

    /// <summary>§12, the fleet rows: "GPUs sold + units at end ≤ the units delivered by the event of default", and
    /// those are at most every batch's units. The generator delivers whole GPUs, so a fleet that sold a whole number of
    /// them holds a whole number at the end (docs/language.md §9, "The repo market": units held are those delivered
    /// less those sold, not those delivered × a share kept, whose product of shares left 115,625.99999999999).</summary>
    private static void FleetUnits(DealDescription deal, ScenarioOutcome outcome, string where)
    {
        for (int f = 0; f < deal.Fleets.Length; f++)
        {
            FleetSummary s = outcome.Fleets[f];
            double delivered = deal.Fleets[f].Batches.Sum(b => b.Units);
            Assert.True(s.UnitsSold >= 0 && s.Units >= 0 && s.UnitsSold + s.Units <= delivered + 1e-9 * delivered,
                $"{where}, fleet {s.Name}: sold {s.UnitsSold:R} + held {s.Units:R} over the {delivered:R} delivered");
            Assert.True(Math.Floor(s.UnitsSold) != s.UnitsSold || Math.Floor(s.Units) == s.Units,
                $"{where}, fleet {s.Name}: {s.UnitsSold:R} whole units sold but {s.Units:R} held");
        }
    }
}
