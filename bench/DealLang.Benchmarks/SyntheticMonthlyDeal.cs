using System.Globalization;
using System.Text;

namespace DealLang.Benchmarks;

/// <summary>
/// The large deal of issue 8's compile target: <see cref="SyntheticDeal"/>'s <c>leases</c> leases, paid monthly
/// (283 periods instead of 48), with Hyperion's notes split into <c>tranches</c> tranches of equal balance, each
/// one notch junior to the last (coupon 2bp higher), whose interest and principal the regular waterfall and the
/// enforcement waterfall pay in order of seniority. Used by <c>bench/cli/cold-compile.sh</c> (time of a cold
/// <c>deallang build</c>) and written out by <c>--write-deal</c>.
/// </summary>
public static class SyntheticMonthlyDeal
{
    public static string Text(int leases, int tranches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tranches, 1);
        string deal = SyntheticDeal.Text(leases)
            .Replace($"deal Leases{leases} {{", $"deal Monthly{leases}x{tranches} {{", StringComparison.Ordinal)
            .Replace($" for Leases{leases} {{", $" for Monthly{leases}x{tranches} {{", StringComparison.Ordinal);
        deal = Replace(deal, "  pay      semiannual", "  pay      monthly");

        // The notes keep their name (the RVG, the default rule and the trap's sweep refer to them) and become the
        // most senior of the tranches.
        double each = 27.3e9 / tranches;
        deal = Replace(deal, "    balance       27.3bn\n", $"    balance       {Money(each)}\n");
        int notesEnd = deal.IndexOf("\n  }\n", deal.IndexOf("  tranche Notes {", StringComparison.Ordinal), StringComparison.Ordinal) + 5;
        var juniors = new StringBuilder();
        var interest = new StringBuilder();
        var principal = new StringBuilder();
        var enforcement = new StringBuilder();
        for (int i = 1; i < tranches; i++)
        {
            juniors.Append(CultureInfo.InvariantCulture, $"\n  tranche J{i} {{\n");
            juniors.Append(CultureInfo.InvariantCulture, $"    balance       {Money(each)}\n");
            juniors.Append(CultureInfo.InvariantCulture, $"    coupon        {6.581 + (0.02 * i):0.###}% fixed\n");
            juniors.Append("    interest_only until 2029-11-30\n    amortize      level\n    maturity      2049-05-30\n");
            juniors.Append(CultureInfo.InvariantCulture, $"    seniority     {i + 1}\n  }}\n");
            interest.Append(CultureInfo.InvariantCulture, $"    pay J{i}.interest using InterestReserve, Dsra\n");
            principal.Append(CultureInfo.InvariantCulture, $"    pay J{i}.principal using Dsra\n");
            enforcement.Append(CultureInfo.InvariantCulture, $"      pay J{i}.interest\n      pay J{i}.balance\n");
        }

        deal = deal[..notesEnd] + juniors + deal[notesEnd..];
        deal = Replace(deal, "    pay Notes.interest using InterestReserve, Dsra\n", "    pay Notes.interest using InterestReserve, Dsra\n" + interest);
        deal = Replace(deal, "    pay Notes.principal using Dsra\n", "    pay Notes.principal using Dsra\n" + principal);
        return Replace(deal, "      pay Notes.balance\n", "      pay Notes.balance\n" + enforcement);
    }

    private static string Money(double amount) => (amount / 1e6).ToString("0.######", CultureInfo.InvariantCulture) + "m";

    private static string Replace(string text, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal)
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"hyperion.deal no longer holds '{old.Trim()}': update SyntheticMonthlyDeal.");
}
