using System.Text;
using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;
using DealLang.Compiler.Format;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// Fees written <c>until repaid</c> in random small deals (fuzz6, docs/fuzzing.md; language.md "fee"): either form, with
/// or without an escalator, no tranche, one or two, a reserve or none, an enforcement waterfall or none, a loan and a
/// lease paying on after the notes. Each deal is compiled and run with the term and without it (SmallDeal: the cash
/// check on in every period), formatted twice (idempotent, the term kept), and the two ledgers must be identical up to
/// the first period that starts with nothing owed (every tranche's balance 0 at the end of the period before); from
/// there, in a regular period, the fee's due is no more than what it carried unpaid. Fixed seed.
/// </summary>
public sealed class FeeUntilRepaidFuzzTests
{
    private const int Seed = 20261207;
    private const int Deals = 20;

    [Fact]
    public void A_fee_until_repaid_differs_from_one_without_only_once_nothing_is_owed()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        int mutants = 0, differing = 0;
        for (int d = 0; d < Deals; d++)
        {
            string with = Deal(random, out bool enforcement, out int tranches);
            string without = with.Replace(" until repaid", "", StringComparison.Ordinal);
            string formatted = DealFormatter.Format(with, "f.deal").Text ?? "";
            if (DealFormatter.Format(formatted, "f.deal").Text != formatted || formatted.Split("until repaid").Length != with.Split("until repaid").Length)
            {
                failures.Add($"#{d}: fmt not idempotent or dropped the term\n{with}\n---\n{formatted}");
            }

            // The term twice is DL0105; before the escalator, or alone as a fee, it does not parse: each a located
            // diagnostic, never a crash.
            foreach ((string mutant, string code) in new[]
            {
                (with.Replace("until repaid", "until repaid until repaid", StringComparison.Ordinal), "DL0105"),
                (with.Replace("per year until repaid", "until repaid per year", StringComparison.Ordinal), ""),
                (with.Replace("k per year", "k per year until repaid", StringComparison.Ordinal), ""),
                (with.Replace("of collections until repaid", "until repaid", StringComparison.Ordinal), ""),
            })
            {
                var check = DealCompiler.Check("m.deal", mutant);
                mutants++;
                if (mutant != with && (code.Length > 0 ? !check.Diagnostics.Any(x => x.Code == code) : false)
                    || check.Diagnostics.Any(x => x.Code.StartsWith("DL09", StringComparison.Ordinal) || x.Span.Line < 1))
                {
                    failures.Add($"#{d}: mutant without {code}: {string.Join("; ", check.Diagnostics)}\n{mutant}");
                }
            }

            SmallDeal a, b;
            try
            {
                a = new SmallDeal(with);
                b = new SmallDeal(without);
            }
            catch (Exception e)
            {
                failures.Add($"#{d}: {e.GetType().Name}: {e.Message}\n{with}");
                continue;
            }

            foreach (string scenario in a.Outcomes.Keys)
            {
                LedgerTable la = a.Outcomes[scenario].Ledger!, lb = b.Outcomes[scenario].Ledger!;
                string[] columns = a.Columns;
                int periods = la.Periods;
                int[] balances = [.. Enumerable.Range(0, columns.Length).Where(k => columns[k] is "Notes balance" or "Junior balance")];
                int firstFree = tranches == 0 ? 0 : periods;
                for (int t = 1; t < periods && tranches > 0; t++)
                {
                    if (balances.All(k => la[t - 1, k] <= 0.005))
                    {
                        firstFree = t;
                        break;
                    }
                }

                if (Enumerable.Range(firstFree, Math.Max(0, periods - firstFree)).Any(t => Enumerable.Range(0, columns.Length).Any(k => la[t, k] != lb[t, k])))
                {
                    differing++;
                }

                for (int t = 0; t < Math.Min(firstFree, periods); t++)
                {
                    for (int k = 0; k < columns.Length; k++)
                    {
                        if (!(Math.Abs(la[t, k] - lb[t, k]) <= 1e-6 * (1 + Math.Abs(lb[t, k]))) && !(double.IsNaN(la[t, k]) && double.IsNaN(lb[t, k])))
                        {
                            failures.Add($"#{d} {scenario}: period {t} (nothing owed from {firstFree}) column '{columns[k]}' {la[t, k]:R} vs {lb[t, k]:R} without the term\n{with}");
                            t = periods;
                            break;
                        }
                    }
                }

                int[] dues = [.. Enumerable.Range(0, columns.Length).Where(k => columns[k].EndsWith(" pay Trustee due", StringComparison.Ordinal))];
                int[] paids = [.. Enumerable.Range(0, columns.Length).Where(k => columns[k].EndsWith(" pay Trustee paid", StringComparison.Ordinal))];
                if (tranches > 0 && !enforcement && dues.Length == 1 && paids.Length == 1)
                {
                    for (int t = Math.Max(firstFree, 1); t < periods; t++)
                    {
                        double carried = la[t - 1, dues[0]] - la[t - 1, paids[0]];
                        if (la[t, dues[0]] > carried + 1e-6)
                        {
                            failures.Add($"#{d} {scenario}: period {t} after the debt, Trustee due {la[t, dues[0]]:R} above the {carried:R} carried\n{with}");
                            break;
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0 && mutants > 0 && differing > 0, $"{failures.Count} of {Deals} ({mutants} mutants, {differing} runs differing once nothing is owed):\n" + string.Join("\n\n", failures.Take(4)));
    }

    private static string Deal(Random random, out bool enforcement, out int tranches)
    {
        string pay = new[] { "quarterly", "semiannual", "annual", "monthly" }[random.Next(4)];
        tranches = random.Next(5) == 0 ? 0 : random.Next(1, 3);
        bool reserve = tranches > 0 && random.Next(2) == 0;
        bool loan = random.Next(2) == 0;
        enforcement = tranches > 0 && random.Next(3) == 0;
        int notesYears = random.Next(1, 6);
        string trustee = random.Next(3) switch
        {
            0 => $"{random.Next(1, 900)}k per year until repaid",
            1 => $"{random.Next(1, 900)}k per year escalating {random.Next(0, 6)}% per year until repaid",
            _ => $"0.{random.Next(1, 99):00}% of collections until repaid",
        };
        var s = new StringBuilder();
        s.AppendLine("deal Fz {");
        s.AppendLine("  currency USD\n  closing  2026-01-01\n  maturity 2034-01-01");
        s.AppendLine($"  pay      {pay}\n  daycount 30/360");
        s.AppendLine("  party Tenant { rating \"BBB\"  pd 2%  recovery 40% }\n  party Sponsor { }\n  party Borrower { }");
        s.AppendLine("  facility Campus { cost 500m  value straight_line 30y }");
        s.AppendLine($"  lease CampusLease on Campus {{ lessee Tenant  rent {random.Next(20, 90)}m per year  starts 2026-01-01  term {random.Next(3, 9)}y }}");
        if (loan)
        {
            s.AppendLine($"  loan Ln {{ obligor Borrower  balance {random.Next(10, 200)}m  coupon 9%  amortize {(random.Next(2) == 0 ? "bullet" : "linear")}  maturity {2027 + random.Next(7)}-07-01 }}");
        }

        if (tranches >= 1)
        {
            s.AppendLine($"  tranche Notes {{ balance {random.Next(50, 300)}m  coupon {random.Next(3, 12)}% fixed  amortize {(random.Next(2) == 0 ? "linear" : "bullet")}  maturity {2026 + notesYears}-01-01 }}");
        }

        if (tranches >= 2)
        {
            s.AppendLine($"  tranche Junior {{ balance {random.Next(10, 100)}m  coupon {random.Next(6, 15)}% fixed  amortize bullet  maturity {2026 + notesYears + random.Next(0, 3)}-01-01 }}");
        }

        s.AppendLine("  equity Owner { contributed 300m  holders Sponsor 100% }");
        if (reserve)
        {
            s.AppendLine("  account Reserve { target 6m of debt_service }");
        }

        s.AppendLine($"  fee Trustee {{ {trustee} }}");
        if (random.Next(2) == 0)
        {
            s.AppendLine("  fee Agent { 0.1% of collections until repaid }");
        }

        s.AppendLine("  fee Manager { 200k per year }");
        if (enforcement)
        {
            s.AppendLine("  default when Notes.interest_shortfall > 0 or Tenant.defaulted");
        }

        bool feesLast = random.Next(3) == 0;
        s.AppendLine("  waterfall {");
        if (!feesLast)
        {
            s.AppendLine("    pay Trustee");
            if (with(s, "fee Agent"))
            {
                s.AppendLine("    pay Agent");
            }
        }

        foreach (string t in tranches == 0 ? [] : tranches == 1 ? new[] { "Notes" } : ["Notes", "Junior"])
        {
            s.AppendLine($"    pay {t}.interest{(reserve && t == "Notes" ? " using Reserve" : "")}");
            s.AppendLine($"    pay {t}.principal");
        }

        if (reserve)
        {
            s.AppendLine("    fill Reserve");
        }

        if (feesLast)
        {
            s.AppendLine("    pay Trustee");
            if (with(s, "fee Agent"))
            {
                s.AppendLine("    pay Agent");
            }
        }

        s.AppendLine("    pay Manager\n    distribute rest to Owner\n  }");
        if (enforcement)
        {
            s.AppendLine($"  enforcement {{\n    sell Campus haircut {random.Next(0, 60)}% lag {random.Next(0, 12)}m\n    waterfall {{\n      pay Trustee\n      pay Notes.interest\n      pay Notes.balance");
            if (tranches >= 2)
            {
                s.AppendLine("      pay Junior.interest\n      pay Junior.balance");
            }

            s.AppendLine("      distribute rest to Owner\n    }\n  }");
        }

        s.AppendLine("}");
        s.AppendLine($"scenario Base for Fz {{ }}\nscenario Stress for Fz {{ Tenant defaults on 20{27 + random.Next(5)}-03-01 }}");
        return s.ToString();

        static bool with(StringBuilder b, string text) => b.ToString().Contains(text, StringComparison.Ordinal);
    }
}
