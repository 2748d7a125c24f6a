using System.Globalization;
using System.Text;

namespace DealLang.Benchmarks;

/// <summary>
/// Hyperion with its one lease replaced by <c>n</c> smaller ones, to see how building a path grows with the number
/// of leases: the same campus, notes, accounts and waterfall; <c>n</c> leases of 3.15bn / n a year each, starting
/// a month apart over four years (so their anniversaries and ends fall inside periods), escalating 1-3%, with four
/// 4-year renewals, every other one at market, the first with Hyperion's RVG; ten lessees. Two scenarios:
/// <c>Base</c> (every renewal taken, nothing stressed) and <c>Stress</c> (renewals taken 0-4 by lease, market rent
/// and campus value deflating, a lessee default in 2038, enforcement at a 40% haircut after 12 months), which moves
/// every lever a path applies.
/// </summary>
public static class SyntheticDeal
{
    public const int Lessees = 10;

    public static string Text(int leases) => Text(leases, File.ReadAllText(RepoFiles.HyperionPath));

    /// <summary>The deal built from <paramref name="hyperion"/>, examples/hyperion.deal's text (the Cli tests read it
    /// their own way: their binaries may be built outside the checkout).</summary>
    public static string Text(int leases, string hyperion)
    {
        int leaseStart = hyperion.IndexOf("  lease MetaLease on Campus {", StringComparison.Ordinal);
        int leaseEnd = hyperion.IndexOf("\n  }\n", leaseStart, StringComparison.Ordinal) + 5;
        int scenarios = hyperion.IndexOf("\nscenario ", StringComparison.Ordinal);
        string body = hyperion[..leaseStart] + Leases(leases) + hyperion[leaseEnd..scenarios];
        body = body.Replace("MetaLease.ended", "L0.ended", StringComparison.Ordinal)
            .Replace("deal Hyperion {", $"deal Leases{leases} {{", StringComparison.Ordinal);
        return body + "\n" + Scenarios(leases);
    }

    static string Leases(int n)
    {
        var w = new StringBuilder();
        for (int p = 0; p < Lessees; p++)
        {
            w.Append(CultureInfo.InvariantCulture, $"  party T{p} {{\n    rating \"BBB\"\n    pd 0.5%\n    recovery 40%\n  }}\n");
        }

        double rent = 3.15e9 / n;
        for (int i = 0; i < n; i++)
        {
            int month = 1 + (i % 48);
            int year = 2026 + ((month - 1) / 12);
            string starts = $"{year:D4}-{((month - 1) % 12) + 1:D2}-{1 + (i % 28):D2}";
            w.Append(CultureInfo.InvariantCulture, $"  lease L{i} on Campus {{\n");
            w.Append(CultureInfo.InvariantCulture, $"    lessee   T{i % Lessees}\n");
            w.Append(CultureInfo.InvariantCulture, $"    rent     {rent:0.##} per year escalating {1 + (i % 3)}% per year\n");
            w.Append(CultureInfo.InvariantCulture, $"    starts   {starts}\n");
            w.Append("    term     4y\n");
            w.Append(i % 2 == 0 ? "    renewals 4 x 4y at lessee option rent at market\n" : "    renewals 4 x 4y at lessee option\n");
            if (i == 0)
            {
                w.Append("    rvg      guarantees Notes.scheduled_balance cap 28bn until 2045-11-30\n");
            }

            w.Append("  }\n");
        }

        return w.ToString();
    }

    static string Scenarios(int n)
    {
        var w = new StringBuilder();
        w.Append("scenario Base for D {\n");
        for (int i = 0; i < n; i++)
        {
            w.Append(CultureInfo.InvariantCulture, $"  L{i} renewals taken 4\n");
        }

        w.Append("}\n\nscenario Stress for D {\n");
        for (int i = 0; i < n; i++)
        {
            w.Append(CultureInfo.InvariantCulture, $"  L{i} renewals taken {i % 5}\n");
        }

        w.Append("  Campus.value deflate 5% per year\n  market_rent deflate 3% per year\n  T3 defaults on 2038-06-15\n");
        w.Append("  enforcement haircut 40% lag 12m\n}\n");
        return w.ToString().Replace(" for D {", $" for Leases{n} {{", StringComparison.Ordinal);
    }
}
