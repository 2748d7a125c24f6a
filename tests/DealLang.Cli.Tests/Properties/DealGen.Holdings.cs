using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

// Holdings of another entity (docs/language.md §5 "holding"): now and then a generated deal imports HeldDeal and
// holds a share or face amount of its notes (marked at par, or by a rate index of its own) and a share of its
// equity, and a test reads what they pay and are worth; now and then a forced sale sells them
// ('sell Hd1[, Hd2 [pro_rata]] to cover T1.principal', a market on Hd1 and a scenario's lever on it).
internal static partial class DealGen
{
    /// <summary>The file a generated deal with holdings imports (the pipeline's invariants give it to every
    /// compilation as <c>held.deal</c>): a small SPV, quarterly over five years from 2026, whose tenant can default, with
    /// a delayed-draw loan (HeldLoan) drawing 2.9bn in 2026 to 2029, inside or after a generated fund's closing: large
    /// beside a generated fund's cash, so that its share of them is often more than the cash and calls its investors.</summary>
    public const string HeldPath = "held.deal";

    public const string HeldDeal = """
        deal Held {
          title "Held SPV" currency USD closing 2026-01-01 maturity 2031-01-01 pay quarterly daycount 30/360
          party HeldTenant { pd 2% recovery 40% }
          party HeldSponsor { }
          facility HeldCampus { cost 150m value straight_line 20y floor 0% from 2026-01-01 }
          lease HeldLease on HeldCampus { lessee HeldTenant rent 36m per year starts 2026-01-01 term 5y }
          tranche HeldNotes { balance 100m coupon 7% amortize level maturity 2031-01-01 }
          tranche HeldLoan {
            commitment 3bn balance 100m draws { 2026-09-30 800m, 2027-12-31 1200m, 2029-03-31 900m }
            commitment_fee 0.5% coupon 8% amortize bullet maturity 2031-01-01
          }
          equity HeldEquity { contributed 50m holders HeldSponsor 100% }
          waterfall {
            pay HeldNotes.interest pay HeldNotes.principal
            pay HeldLoan.commitment_fee pay HeldLoan.interest pay HeldLoan.principal distribute rest to HeldEquity
          }
        }
        scenario S1 for Held { HeldTenant defaults on 2028-06-30 }
        """;

    /// <summary>The same SPV with its sponsor equity behind a developer's promote (LP classes behind a carry: an SPV
    /// still, docs/language.md "chain report", whose sponsor's loss is the chain's <c>SPV sponsors</c> row); a generated
    /// deal imports it instead of <see cref="HeldDeal"/> a third of the time, so that the chain's identities
    /// (<see cref="FigureIdentities.ChainLayersAddUp"/>) meet a promoted SPV too.</summary>
    public const string HeldPromotedPath = "held-promoted.deal";

    public static readonly string HeldPromotedDeal = HeldDeal
        .Replace("party HeldSponsor { }", "party HeldSponsor { }\n  party HeldDeveloper { }", StringComparison.Ordinal)
        .Replace("equity HeldEquity { contributed 50m holders HeldSponsor 100% }",
            "equity HeldEquity { contributed 50m holders HeldSponsor 100% hurdle 8% carry 20% to HeldDeveloper }", StringComparison.Ordinal);

    /// <summary>A third of the time: the import at the top, holdings before the first tranche, and sometimes a test
    /// of the holdings' value and receipts (the deal's scenarios then also default the held SPV's tenant, now and then).</summary>
    private static Gen<string> WithHoldings(string deal) =>
        from hold in Gen.Int[0, 2].Select(n => n == 0)
        from loan in Gen.Int[0, 2].Select(n => n == 0)
        from notes in Gen.OneOf(Rate(1, 10000).Select(r => "share " + r), Gen.Int[1, loan ? 3000 : 100].Select(m => "face " + Text(m) + "m"))
        from drawCall in DrawCall(deal)
        from mark in Pick("", "  mark par", "  mark HoldPrice")
        from equity in Maybe(Rate(1, 10000).Select(r => $"  holding Hd2 {{ of Held.HeldEquity  share {r} }}\n"))
        from test in Pick("", "  test HoldCover = Hd1.receipts / (T1.interest + 1m)\n", "  test HoldLtv = T1.balance / (Hd1.value + 1m)\n")
        from defaults in Gen.Int[0, 1]
        from sale in Gen.Int[0, 2]
        from proRata in Gen.Int[0, 1]
        from market in Pick("", "  market discount {0}", "  market discount {0} depth {1}m impact {2}", "  market depth {1}m")
        from discount in Rate(0, 5000)
        from depth in Gen.Int[1, 200]
        from impact in Rate(0, 10000)
        from lever in Pick("", "Hd1 market discount {0}", "Hd1 market depth {1}m impact {2}")
        from byDeal in Gen.Int[0, 1]
        from promoted in Gen.Int[0, 2].Select(n => n == 0)
        // Beside a stochastic scenario too: the chain runs it on its path 0, every entity on that path's draws.
        select !hold ? deal : WithHoldingSale(Insert(byDeal == 1 ? DealByDeal(deal) : deal,
            (mark.Contains("HoldPrice", StringComparison.Ordinal) ? "  index HoldPrice { level 97% }\n" : "")
            + $"  holding Hd1 {{ of Held.{(loan ? "HeldLoan" : "HeldNotes")}  {notes}{mark}{(sale > 0 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, market, discount, depth, impact) : "")}{(loan ? drawCall.Clause : "")} }}\n"
            + equity + (loan ? drawCall.Side : "") + test, defaults == 1, promoted ? HeldPromotedPath : HeldPath),
            sale == 0 ? null : sale == 2 && equity.Length > 0 ? (proRata == 1 ? "Hd1, Hd2 pro_rata" : "Hd1, Hd2") : "Hd1",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, lever, discount, depth, impact));

    /// <summary>For a holding of HeldLoan, whose draws after the fund's closing it funds (docs/language.md §5 "holding",
    /// "Draws"): who its investors' calls come from. Now and then a second equity, Side, states a commitment too; with
    /// two committed equities the holding must name one (DL0795), with one it may, and with none it names none (DL0796).
    /// The clause on a fund closing after the last draw is the warning DL0797, which the pipeline allows.</summary>
    private static Gen<(string Clause, string Side)> DrawCall(string deal)
    {
        bool eqCommitted = System.Text.RegularExpressions.Regex.IsMatch(deal, @"equity Eq \{[^\n]*commitment \d");
        return from side in Gen.Int[0, 2].Select(n => n == 0)
               from commitment in Gen.Int[0, 1500]
               from contributed in Gen.Int[0, 500]
               from pick in Gen.Int[0, 2]
               let named = side && eqCommitted ? (pick == 0 ? "Eq" : "Side")
                   : side ? (pick == 0 ? "" : "Side")
                   : eqCommitted && pick == 0 ? "Eq" : ""
               select (named.Length == 0 ? "" : "  draws called from " + named,
                   side ? $"  equity Side {{ contributed {Text(Math.Min(contributed, commitment))}m  commitment {Text(commitment)}m }}\n" : "");
    }

    /// <summary>A forced sale of the holdings <paramref name="sold"/> (none when null) just before the regular waterfall's
    /// final <c>distribute rest to Eq</c>, and the scenario's lever on Hd1's market in the first scenario.</summary>
    private static string WithHoldingSale(string deal, string? sold, string lever)
    {
        if (sold is null)
        {
            return deal;
        }

        int waterfall = deal.IndexOf("\n  waterfall {\n", StringComparison.Ordinal);
        int at = waterfall < 0 ? -1 : deal.IndexOf("\n    distribute rest to Eq\n  }", waterfall, StringComparison.Ordinal);
        if (at < 0)
        {
            return deal;
        }

        deal = deal[..at] + "\n    sell " + sold + " to cover T1.principal" + deal[at..];
        return lever.Length == 0 ? deal : System.Text.RegularExpressions.Regex.Replace(deal, @"(?m)^scenario (S1) for Gen \{$", "scenario $1 for Gen {\n  " + lever, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    // a fund holding other deals may pay its carry deal by deal (language.md "Deal-by-deal carry")
    private static string DealByDeal(string deal) =>
        System.Text.RegularExpressions.Regex.Replace(deal, @"(equity Eq \{[^\n]*carry \S+ to P\d+( catch_up \S+)?)", "$1 deal_by_deal");

    private static string Insert(string deal, string holdings, bool defaults, string held)
    {
        int at = deal.IndexOf("  tranche T1 ", StringComparison.Ordinal);
        string text = "import \"" + held + "\"\n" + deal[..at] + holdings + deal[at..];
        return defaults
            ? System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^scenario (S\d) for Gen \{$", "scenario $1 for Gen {\n  HeldTenant defaults on 2029-03-31")
            : text;
    }
}
