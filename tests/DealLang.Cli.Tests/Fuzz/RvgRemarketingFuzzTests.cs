using System.Globalization;
using System.Text;
using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// RVGs settled on a remarketing sale (docs/language.md §5, "An RVG against a remarketing sale") in random small deals,
/// fixed seed: <see cref="RvgRemarketingTests"/>' campus (100m, straight-line over 20 years from the 2026-01-01 closing,
/// quarterly), a lease of 3 to 7 years, an RVG of random amount and cap, a cost from 0% to 99.99% (or none), its window
/// ending before or after the expiry, a guarantor or none, a break <c>with rvg</c> or without; scenarios: the expiry,
/// the lessee defaulting (before the closing, on it, on the expiry day, after it, or on a random day), the guarantor
/// defaulting too, and the lessee breaking. Each runs with the cash check on, with full ledgers and summary-only (the two
/// loops give the same events), and: the facility is sold at most once, only where the RVG's claim falls due; at an
/// expiry that does, the proceeds are the value at that period's end less the cost (value × (1 − cost)) and a lessee not
/// in default pays min(cap, max(0, G − proceeds)); what lessee and guarantor pay never exceeds that claim; the facility
/// reads 0 from the next period; the summary's remarketing proceeds are the ledger's. Mutants of the terms are located
/// diagnostics (DL0528, DL0529, DL0105 or a syntax error), never a crash.
/// </summary>
public sealed class RvgRemarketingFuzzTests
{
    private const int Seed = 20261207;
    private const int Deals = 24;

    [Fact]
    public void TheFacilityIsSoldOnceWhereTheClaimFallsDue_AtItsValueLessTheCost()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        int sold = 0, checkedExpiries = 0;
        for (int d = 0; d < Deals; d++)
        {
            Terms terms = Terms.Random(random);
            string source = terms.Source();
            SmallDeal full, summary;
            try
            {
                full = new SmallDeal(source);
                summary = new SmallDeal(source, fullLedger: false);
            }
            catch (Exception e)
            {
                failures.Add($"#{d}: {e.GetType().Name}: {e.Message}\n{source}");
                continue;
            }

            foreach ((string scenario, ScenarioOutcome outcome) in full.Outcomes)
            {
                LedgerTable ledger = outcome.Ledger!;
                int[] sales = [.. Enumerable.Range(0, ledger.Periods).Where(t => full.Ledger("remarketing L", t, scenario) != 0)];
                string where = $"#{d} {scenario}";
                double proceeds = sales.Sum(t => full.Ledger("remarketing L", t, scenario));
                if (sales.Length > 1)
                {
                    failures.Add($"{where}: sold in periods {string.Join(", ", sales)}\n{source}");
                    continue;
                }

                double events = outcome.Events.Remarketing.Sum(x => x.Amount);
                double summaryEvents = summary.Outcomes[scenario].Events.Remarketing.Sum(x => x.Amount);
                if (Math.Abs(events - proceeds) > 0.01 || Math.Abs(summaryEvents - proceeds) > 0.01
                    || Math.Abs(outcome.Events.RvgPaid.Sum(x => x.Amount) - summary.Outcomes[scenario].Events.RvgPaid.Sum(x => x.Amount)) > 0.01)
                {
                    failures.Add($"{where}: remarketing {proceeds:R} in the ledger, {events:R} in the summary, {summaryEvents:R} summary-only\n{source}");
                    continue;
                }

                if (sales.Length == 0)
                {
                    continue;
                }

                sold++;
                int s = sales[0];
                double value = full.Ledger("Value", s, scenario);
                double claim = Math.Min(terms.Cap, Math.Max(0, terms.Guaranteed - proceeds));
                double paid = full.Ledger("rvg L", s, scenario) + (terms.Guarantor ? full.Ledger("rvg guarantor L", s, scenario) : 0);
                if (paid > claim + 0.01 || Enumerable.Range(s + 1, ledger.Periods - s - 1).Any(t => full.Ledger("Value", t, scenario) != 0))
                {
                    failures.Add($"{where}: period {s} paid {paid:R} against a claim of {claim:R} (proceeds {proceeds:R}), or the facility still valued after\n{source}");
                }

                if (scenario == "Expiry" && s == terms.ExpiryPeriod)
                {
                    checkedExpiries++;
                    // At the expiry (the end of a quarter), the value that day is the value the period ends with.
                    double rvg = full.Ledger("rvg L", s, scenario);
                    if (Math.Abs(proceeds - value * (1 - terms.Cost)) > 0.01 || Math.Abs(rvg - claim) > 0.01)
                    {
                        failures.Add($"{where}: proceeds {proceeds:R} for {value:R} at a cost of {terms.Cost:R}, RVG {rvg:R} against {claim:R}\n{source}");
                    }
                }
                else if (scenario == "Expiry")
                {
                    failures.Add($"{where}: sold in period {s}, the lease expiring in period {terms.ExpiryPeriod}\n{source}");
                }
            }

            foreach ((string mutant, string code) in terms.Mutants())
            {
                var check = DealCompiler.Check("m.deal", mutant);
                if (!check.Diagnostics.Any(x => code.Length == 0 ? x.Code.StartsWith("DL01", StringComparison.Ordinal) : x.Code == code)
                    || check.Diagnostics.Any(x => x.Span.Line < 1 || x.Code.StartsWith("DL09", StringComparison.Ordinal)))
                {
                    failures.Add($"#{d}: mutant without {(code.Length == 0 ? "a syntax error" : code)}: {string.Join("; ", check.Diagnostics)}\n{mutant}");
                }
            }
        }

        Assert.True(failures.Count == 0 && sold > Deals && checkedExpiries > 3,
            $"{failures.Count} failures ({sold} sales, {checkedExpiries} expiries checked by hand):\n" + string.Join("\n\n", failures.Take(4)));
    }

    private sealed record Terms(int Years, double Guaranteed, double Cap, double Cost, string? CostText, bool InWindow, bool Guarantor, bool Break, bool BreakWithRvg, string Default)
    {
        /// <summary>The quarter the lease's expiry (closing + Years) ends.</summary>
        public int ExpiryPeriod => 4 * Years - 1;

        public static Terms Random(Random random)
        {
            int years = random.Next(3, 8);
            int bp = random.Next(5) switch { 0 => 0, 1 => 9_999, _ => random.Next(0, 10_000) };
            string? costText = random.Next(5) == 0 ? null : (bp / 100.0).ToString("0.##", CultureInfo.InvariantCulture) + "%";
            string @default = random.Next(7) switch
            {
                0 => "2025-06-01",
                1 => "2026-01-01",
                2 => $"{2026 + years}-01-01",
                3 => $"{2026 + years}-02-01",
                _ => $"{2026 + random.Next(years)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
            };
            bool @break = random.Next(3) == 0;
            return new Terms(years, random.Next(60, 151) * 1e6, random.Next(0, 61) * 1e6, costText is null ? 0 : bp / 10_000.0, costText,
                InWindow: random.Next(4) != 0, Guarantor: random.Next(2) == 0, @break, BreakWithRvg: @break && random.Next(2) == 0, @default);
        }

        private string Rvg => $"rvg     guarantees {Guaranteed / 1e6}m cap {Cap / 1e6}m until {(InWindow ? "2034-01-01" : $"{2025 + Years}-06-01")} against remarketing{(CostText is null ? "" : " cost " + CostText)}"
            + (Guarantor ? " with guarantor Parent cap 30m" : "");

        public string Source()
        {
            var s = new StringBuilder();
            s.AppendLine("deal Remarket {\n  currency USD\n  closing  2026-01-01\n  maturity 2036-01-01\n  pay      quarterly\n  daycount 30/360\n");
            s.AppendLine("  party Tenant { recovery 40% }\n  party Parent { recovery 25% }\n  party Owner { }");
            s.AppendLine("  facility Campus { cost 100m  value straight_line 20y }");
            s.AppendLine($"  lease L on Campus {{\n    lessee  Tenant\n    rent    12m per year\n    starts  2026-01-01\n    term    {Years}y");
            if (Break)
            {
                s.AppendLine($"    break_option at 24m{(BreakWithRvg ? " with rvg" : "")}");
            }

            s.AppendLine($"    {Rvg}\n  }}\n");
            s.AppendLine("  tranche Loan { balance 10m  coupon 6% }\n  equity  Eq   { contributed 90m  holders Owner 100% }\n");
            s.AppendLine("  test Value = Campus.value\n\n  waterfall {\n    pay Loan.interest\n    pay Loan.balance\n    distribute rest to Eq\n  }\n}\n");
            s.AppendLine("scenario Expiry for Remarket { }");
            s.AppendLine($"scenario Defaults for Remarket {{ Tenant defaults on {Default} }}");
            s.AppendLine($"scenario BothDefault for Remarket {{\n  Tenant defaults on {Default}\n  Parent defaults on 2026-06-01\n}}");
            if (Break)
            {
                s.AppendLine("scenario Breaks for Remarket { L breaks at 24m }");
            }

            return s.ToString();
        }

        public IEnumerable<(string Mutant, string Code)> Mutants()
        {
            string source = Source();
            string rvg = Rvg;
            yield return (source.Replace(rvg, rvg.Replace("against remarketing", "against remarketing cost 100%", StringComparison.Ordinal), StringComparison.Ordinal), "DL0528");
            yield return (source.Replace(rvg, rvg.Replace("against remarketing", "against remarketing cost -0.01%", StringComparison.Ordinal), StringComparison.Ordinal), "DL0528");
            yield return (source.Replace(rvg, rvg.Replace("against remarketing", "against remarketing against remarketing", StringComparison.Ordinal), StringComparison.Ordinal), "DL0105");
            yield return (source.Replace("  tranche Loan", "  lease L2 on Campus { lessee Tenant  rent 1m per year  starts 2026-01-01  term 2y }\n  tranche Loan", StringComparison.Ordinal), "DL0529");
            yield return (source.Replace(rvg, rvg.Replace("against remarketing", "against", StringComparison.Ordinal), StringComparison.Ordinal), "");
            if (Break)
            {
                yield return (source.Replace("break_option at 24m", "break_option at 24m with rvg against remarketing", StringComparison.Ordinal).Replace("with rvg with rvg", "with rvg", StringComparison.Ordinal), "");
            }
        }
    }
}
