using CsCheck;
using DealLang.Cli.Tests.Fuzz;

namespace DealLang.Cli.Tests.Properties;

/// <summary>
/// Mutants of generated deals, for the no-crash and located-diagnostic properties: either one of
/// <see cref="DealMutator"/>'s token and line mutations (seeded from the draw, so CsCheck replays it), or a
/// grammar-aware one that keeps the syntax and breaks a rule of the checker (a limit, a date, a name, a unit).
/// </summary>
internal static class DealMutations
{
    public static readonly Gen<Mutant> Mutant =
        from deal in DealGen.Valid
        from family in Gen.Int[0, 2]
        from seed in Gen.Int
        from index in Gen.Int[0, 1000]
        select family switch
        {
            0 => new DealMutator(deal, seed).Make(index),
            1 => new DealMutator(deal, seed).MakeValueMutant(index),
            _ => Semantic(deal, seed),
        };

    /// <summary>(pattern, replacement) pairs that keep a deal parseable and make it wrong for the checker.</summary>
    private static readonly (string Find, string Replace)[] Breakers =
    [
        ("haircut ", "haircut 150% + "), ("lag ", "lag 11"), ("renewals taken ", "renewals taken 9"), ("recovery ", "recovery 2"),
        ("floor ", "floor -"), ("coupon ", "coupon 6.5 + "), ("distribute rest to Eq", "distribute rest to T1"),
        ("pay T1.interest", "pay T1.coupon"), ("fill ", "fill T1 "), ("Eq {", "Eq { contributed 1m "),
        (".balance", ".balanse"), ("closing  ", "closing 2099-01-01 "), ("maturity ", "maturity 2020-01-01 "),
        ("cfads", "Test1"), ("=> trap", "=> sweep"), ("x ", "bn "), ("1m", "1y"), ("deal Gen", "deal Gen2"),
        ("trigger Trig1 when ", "trigger Trig1 when Trig2 or "), ("test Test1 = ", "test Test1 = Test1 + "),
        ("2", "0"), ("-", "--"), ("}", "} }"), ("{", "{ {"), ("of ", "of of "), ("%", "%%"), (" per year", ""),
        ("level ", "level 2026-01-01 + "), ("deflate ", "deflate 1"), ("down ", "down 1"), ("launch ", "launch 2099-01-01 down 1% launch "),
        ("per gpu_hour", "per gpu"), ("Ix1 ", "Ix9 "), ("shift ", "shift 1 per kWh + "), ("points stepped { ", "points stepped { 2030-01-01 1x "),
        // A tranche's credit terms: a floor above its cap, a coupon on this period's cfads, a PIK share above 100%, an
        // issue price of nothing, a draw past the availability, draws past the commitment, a fee without a commitment,
        // a step-up on a test, a grid without its else or on a trigger, a target in a rate.
        (") floor ", ") floor 40% + "), ("coupon ", "coupon cfads / 1bn * 1% + "), ("pik ", "pik 150% when "), ("issue_price ", "issue_price 0% * "),
        ("available until ", "available until 2020-01-01 "), ("commitment ", "commitment 1m + 0 * "), ("tranche T1 { ", "tranche T1 { commitment_fee 1%  "),
        ("while Trig1", "while Test1"), ("  else 3% }", " }"), ("margin grid RatchetLtv", "margin grid Trig1"), ("target_balance ", "target_balance 5% + "),
        ("pay T1.interest", "pay T1.commitment_fee"),
        // Draws tied to deliveries: an advance above 100%, against a contract rather than a fleet, with dated draws too,
        // a rating no scale reads, a margin by investment grade on dated draws.
        ("draws against Fl1 advance ", "draws against Fl1 advance 150% + "), ("draws against Fl1", "draws against Ct1"),
        ("draws against Fl1", "draws { 2030-01-01 1m }  draws against Fl1"), ("rating \"AA-\"", "rating \"strong\""),
        ("margin investment_grade ", "draws { 2030-01-01 1m }  margin investment_grade "),
    ];

    private static Mutant Semantic(string deal, int seed)
    {
        var random = new Random(seed);
        var (find, replace) = Breakers[random.Next(Breakers.Length)];
        int at = -1;
        for (int tries = 0, from = 0; tries < 1 + random.Next(4); tries++)
        {
            int next = deal.IndexOf(find, from, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            at = next;
            from = next + 1;
        }

        return at < 0
            ? new Mutant(deal + "\n" + replace, $"append '{replace}'")
            : new Mutant(string.Concat(deal.AsSpan(0, at), replace, deal.AsSpan(at + find.Length)), $"replace '{find}' at {at} by '{replace}'");
    }
}
