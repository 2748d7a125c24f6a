using System.Text;
using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Cli.Tests.Fuzz;

/// <summary>
/// DL0225, a trap that nothing reads (docs/diagnostics.md, language.md "trap"), on random graphs of triggers (fixed
/// seed): two to six triggers on malformed 618's warehouse deal, each trap-only or with an effect of its own (a sweep,
/// an acceleration, an event of default), each condition reading the DSCR and some earlier triggers; the regular
/// waterfall, the default rule and the enforcement waterfall each reading one now and then. The triggers warned must be
/// exactly the inert ones, worked out here on their own: a trap-only trigger is inert when every read of it is in the
/// condition of an inert trigger (so a trap read only by traps read by nothing changes no figure either). Each deal is
/// then mutated: one trigger's read of another written as a member (<c>T.active</c>, DL0207) leaves that trigger unwarned (the error says
/// what to fix; the warning would say nothing reads it), and never a crash or an unlocated diagnostic.
/// </summary>
public sealed class TrapReadByNothingFuzzTests
{
    private const int Seed = 20261207;
    private const int Deals = 60;

    [Fact]
    public void TheTriggersWarnedAreExactlyThoseWhoseReadsChangeNoFigure()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        int chained = 0, misread = 0;
        for (int d = 0; d < Deals; d++)
        {
            Graph graph = Graph.Random(random);
            string source = graph.Source();
            HashSet<int> expected = graph.Inert();
            if (expected.Any(i => graph.Readers(i).Count > 0))
            {
                chained++; // an inert trigger that an inert trigger reads: the case the transitive rule adds
            }

            var check = DealCompiler.Check("t.deal", source);
            HashSet<string> warned = [.. check.Diagnostics.Where(x => x.Code == "DL0225").Select(x => x.Message.Split('\'')[1])];
            HashSet<string> want = [.. expected.Select(i => $"T{i}")];
            if (check.Diagnostics.Any(x => x.Severity == Severity.Error) || !warned.SetEquals(want))
            {
                failures.Add($"#{d}: warned [{string.Join(", ", warned.Order())}], inert [{string.Join(", ", want.Order())}]; {string.Join("; ", check.Diagnostics.Where(x => x.Severity == Severity.Error))}\n{source}");
                continue;
            }

            // A read written with a member: DL0207 there, and the trigger it names is not warned (whatever the rest).
            (int reader, int read)? edge = graph.AnEdge(random);
            if (edge is { } e)
            {
                string line = source.Split('\n').Single(l => l.StartsWith($"  trigger T{e.reader} when ", StringComparison.Ordinal));
                string mutant = source.Replace(line, line.Replace($"T{e.read} or ", $"T{e.read}.active or ", StringComparison.Ordinal), StringComparison.Ordinal);
                var bad = DealCompiler.Check("m.deal", mutant);
                misread++;
                if (!bad.Diagnostics.Any(x => x.Code == "DL0207") || bad.Diagnostics.Any(x => x.Code == "DL0225" && x.Message.StartsWith($"trigger 'T{e.read}'", StringComparison.Ordinal))
                    || bad.Diagnostics.Any(x => x.Span.Line < 1 || x.Code.StartsWith("DL09", StringComparison.Ordinal)))
                {
                    failures.Add($"#{d}: T{e.read} misread by T{e.reader}: {string.Join("; ", bad.Diagnostics)}\n{mutant}");
                }
            }
        }

        Assert.True(failures.Count == 0 && chained > 0 && misread > 0,
            $"{failures.Count} of {Deals} ({chained} with a chain of inert traps, {misread} misread):\n" + string.Join("\n\n", failures.Take(3)));
    }

    [Fact]
    public void ATrapReadOnlyByATrapReadByNothingIsWarned_NamingItsReader()
    {
        // CashTrap is read by Lock alone, and Lock, trap-only, by nothing: neither holds back a cent.
        var check = DealCompiler.Check("t.deal", Graph.Warehouse(
            "  trigger CashTrap when Dscr < 1.20x => trap\n  trigger Lock when CashTrap and Dscr < 1.05x => trap\n", "", ""));
        Diagnostic[] warnings = [.. check.Diagnostics.Where(x => x.Code == "DL0225")];
        Assert.Equal(2, warnings.Length);
        Assert.Contains("reads it but 'Lock', a trigger that traps nothing itself,", warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal((24, 11), (warnings[0].Span.Line, warnings[0].Span.Column));
        Assert.DoesNotContain(" but ", warnings[1].Message.Split(", so no cash")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ATrapMisreadIsLeftToItsError()
    {
        // 'CashTrap.active' is DL0207 (a trigger has no members): the user reads it, so DL0225 would mislead.
        var check = DealCompiler.Check("t.deal", Graph.Warehouse(
            "  trigger CashTrap when Dscr < 1.20x => trap\n  default when CashTrap.active\n", "", ""));
        Assert.Contains(check.Diagnostics, x => x.Code == "DL0207");
        Assert.DoesNotContain(check.Diagnostics, x => x.Code == "DL0225");
    }

    [Fact]
    public void TrapsReadingEachOtherInACycleAreLeftToItsError()
    {
        // A reads B, declared after it (DL0211, the cycle's error), and B reads A: both trap-only and read by nothing
        // else. The user meant each to read the other; the error says what to fix, so neither is also warned of.
        var check = DealCompiler.Check("t.deal", Graph.Warehouse(
            "  trigger A when Dscr < 1.20x or B => trap\n  trigger B when Dscr < 1.10x or A => trap\n", "", ""));
        Assert.Contains(check.Diagnostics, x => x.Code == "DL0211");
        Assert.DoesNotContain(check.Diagnostics, x => x.Code == "DL0225");

        // And a trigger that reads itself: DL0211 alone, as before.
        var self = DealCompiler.Check("t.deal", Graph.Warehouse("  trigger A when Dscr < 1.20x or A => trap\n", "", ""));
        Assert.Contains(self.Diagnostics, x => x.Code == "DL0211");
        Assert.DoesNotContain(self.Diagnostics, x => x.Code == "DL0225");
    }

    /// <summary>Triggers T0…Tn−1: each one's effect (null for trap alone), the earlier triggers its condition reads, and
    /// which trigger (or none) the waterfall, the default rule and the enforcement waterfall read.</summary>
    private sealed record Graph(string?[] Effects, int[][] Reads, int? Waterfall, int? DefaultRule, int? Enforcement)
    {
        public static Graph Random(Random random)
        {
            int n = random.Next(2, 7);
            var effects = new string?[n];
            var reads = new int[n][];
            for (int i = 0; i < n; i++)
            {
                effects[i] = random.Next(5) switch
                {
                    0 => "trap, sweep 50% to Loan",
                    1 => "sweep 100% to Loan",
                    2 when i > 0 => "trap, accelerate",
                    _ => null,
                };
                reads[i] = [.. Enumerable.Range(0, i).Where(_ => random.Next(3) == 0)];
            }

            int? pick() => random.Next(3) == 0 ? random.Next(n) : null;
            return new Graph(effects, reads, pick(), pick(), pick());
        }

        public static string Warehouse(string triggers, string steps, string enforcement) => $$"""
            deal Mini {
              title    "Mini warehouse loan"
              currency USD
              closing  2025-01-15
              maturity 2030-01-15
              pay      semiannual
              daycount 30/360

              party Tenant { rating "BBB"  pd 0.2%  recovery 40% }
              party Owner { }

              facility Warehouse { cost 60m  value straight_line 25y floor 10% from 2025-01-15 }

              lease WarehouseLease on Warehouse {
                lessee Tenant
                rent   8m per year escalating 2% per year
                starts 2025-02-01
                term   5y
              }

              tranche Loan { balance 30m  coupon 6.5%  amortize level  seniority 1 }
              account Reserve { }
              test Dscr = cfads / debt_service
            {{triggers}}  equity Sponsor { contributed 20m  holders Owner 100% }

              waterfall {
                pay Loan.interest
                pay Loan.principal
            {{steps}}    distribute rest to Sponsor
              }
            {{enforcement}}}
            """;

        public string Source()
        {
            var triggers = new StringBuilder();
            for (int i = 0; i < Effects.Length; i++)
            {
                string condition = string.Concat(Reads[i].Select(r => $"T{r} or ")) + $"Dscr < {1.0 + 0.05 * i:0.00}x";
                triggers.Append($"  trigger T{i} when {condition} => {Effects[i] ?? "trap"}\n");
            }

            bool enforced = DefaultRule is not null || Enforcement is not null || Effects.Any(e => e?.Contains("accelerate", StringComparison.Ordinal) == true);
            if (enforced)
            {
                triggers.Append(DefaultRule is { } r ? $"  default when T{r}\n" : "  default when Loan.interest_shortfall > 0\n");
            }

            string steps = Waterfall is { } w ? $"    if T{w} {{ hold rest in Reserve }} else {{ release Reserve }}\n" : "    release Reserve\n";
            string enforcement = !enforced ? "" : $"  enforcement {{\n    sell Warehouse haircut 20% lag 0m\n    waterfall {{\n"
                + (Enforcement is { } x ? $"      if T{x} {{ pay Loan.balance }}\n" : "      pay Loan.balance\n")
                + "      distribute rest to Sponsor\n    }\n  }\n";
            return Warehouse(triggers.ToString(), steps, enforcement);
        }

        /// <summary>The trap-only triggers no figure depends on: start from all, drop one read by the waterfall, the
        /// default rule, the enforcement waterfall or a trigger not (or no longer) inert, until none drops.</summary>
        public HashSet<int> Inert()
        {
            HashSet<int> inert = [.. Enumerable.Range(0, Effects.Length).Where(i => Effects[i] is null)];
            inert.ExceptWith(new[] { Waterfall, DefaultRule, Enforcement }.OfType<int>());
            bool changed = true;
            while (changed)
            {
                changed = inert.RemoveWhere(i => Enumerable.Range(0, Effects.Length).Any(j => !inert.Contains(j) && Reads[j].Contains(i))) > 0;
            }

            return inert;
        }

        public List<int> Readers(int i) => [.. Enumerable.Range(0, Effects.Length).Where(j => Reads[j].Contains(i))];

        public (int Reader, int Read)? AnEdge(Random random)
        {
            (int, int)[] edges = [.. Enumerable.Range(0, Effects.Length).SelectMany(j => Reads[j].Select(i => (j, i)))];
            return edges.Length == 0 ? null : edges[random.Next(edges.Length)];
        }
    }
}
