using System.Globalization;
using System.Text;

namespace DealLang.TestSupport;

/// <summary>
/// A deal of many entities of every kind a waterfall steps through, to see that a large deal's period loop stays in
/// methods the JIT optimises (issue 8, target 2): <c>n</c> tranches (each its own seniority, level amortising),
/// <c>n</c> leases on one hall across ten lessees, <c>n</c> fees, <c>n</c> tests each with a trap trigger, paid step by
/// step by the regular waterfall and by an enforcement waterfall; quarterly over ten years. Two scenarios: <c>Base</c>
/// (as written) and <c>Stress</c>, in which every lessee defaults in mid-2028, so the rent stops, the senior tranche's
/// interest goes unpaid (the event of default), the hall is sold and the enforcement pass runs. Used by the tests
/// (SplitRunTests) and, linked into it, by the benchmark project's <c>--tiers</c>.
/// </summary>
public static class SyntheticWideDeal
{
    public static string Text(int n)
    {
        var w = new StringBuilder("deal Wide {\n  currency USD  closing 2026-01-01  maturity 2036-01-01  pay quarterly  daycount 30/360\n");
        var inv = CultureInfo.InvariantCulture;
        for (int p = 0; p < 10; p++)
        {
            w.Append(inv, $"  party P{p} {{ rating \"BBB\"  pd 1%  recovery 40% }}\n");
        }

        w.Append("  facility Hall { cost 1bn  value straight_line 20y }\n");
        for (int i = 0; i < n; i++)
        {
            w.Append(inv, $"  lease L{i} on Hall {{ lessee P{i % 10}  rent {((i % 40) + 1) * 0.1 + 1:0.0}m per year escalating 2% per year  starts 2026-01-01  term 10y }}\n");
        }

        for (int i = 0; i < n; i++)
        {
            w.Append(inv, $"  tranche T{i} {{ balance {10 + (i % 7)}m  coupon {5 + (i % 10) * 0.1:0.0}% fixed  amortize level  seniority {i + 1} }}\n");
        }

        w.Append("  equity Owners { contributed 300m }\n  account Trap { earns 3% }\n");
        for (int i = 0; i < n; i++)
        {
            w.Append(inv, $"  fee F{i} {{ {0.05 + (i % 3) * 0.01:0.00}m per year }}\n");
        }

        for (int i = 0; i < n; i++)
        {
            w.Append(inv, $"  test D{i} = cfads / T{i}.debt_service over trailing 12m\n  trigger C{i} when D{i} < 1.05x => trap\n");
        }

        w.Append("  default when T0.interest_shortfall > 0\n  waterfall {\n");
        Steps(w, n, "    ", "principal");
        w.Append("    if C0 { hold rest in Trap } else { release Trap }\n    distribute rest to Owners\n  }\n");
        w.Append("  enforcement { sell Hall haircut 30% lag 6m\n    waterfall {\n");
        Steps(w, n, "      ", "balance");
        w.Append("      distribute rest to Owners\n    }\n  }\n}\n");
        w.Append("scenario Base for Wide { }\n");
        w.Append("scenario Stress for Wide {\n");
        w.AppendJoin("", Enumerable.Range(0, 10).Select(p => $"  P{p} defaults on 2028-06-30\n"));
        w.Append("  Hall.value deflate 10% per year\n}\n");
        return w.ToString();
    }

    // Every fee, then every tranche's interest, then its principal (or, in enforcement, its balance).
    static void Steps(StringBuilder w, int n, string indent, string principal)
    {
        w.AppendJoin("", Enumerable.Range(0, n).Select(i => $"{indent}pay F{i}\n"));
        w.AppendJoin("", Enumerable.Range(0, n).Select(i => $"{indent}pay T{i}.interest\n"));
        w.AppendJoin("", Enumerable.Range(0, n).Select(i => $"{indent}pay T{i}.{principal}\n"));
    }
}
