using System.Text.Json;

namespace DealLang.LanguageServer.Tests;

/// <summary>textDocument/completion: the parser's expected keywords at the cursor, and names of the kinds that fit.</summary>
public sealed class CompletionTests
{
    private static readonly string HyperionPath = Examples.PathOf("hyperion.deal");
    private static readonly string Hyperion = File.ReadAllText(HyperionPath);
    private static readonly string Uri = Examples.UriOf(HyperionPath);

    /// <summary>Opens Hyperion with <paramref name="insert"/> typed at the start of the line holding
    /// <paramref name="anchor"/> (and <paramref name="afterCursor"/> after it, on the same line), and asks for
    /// completion at the end of what was typed.</summary>
    private static async Task<(string[] Labels, JsonElement[] Items)> Complete(string anchor, string insert, string afterCursor = "")
    {
        int at = Hyperion.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, anchor);
        int lineStart = Hyperion.LastIndexOf('\n', at) + 1;
        string text = Hyperion[..lineStart] + insert + afterCursor + "\n" + Hyperion[lineStart..];
        string typed = text[..(lineStart + insert.Length)];
        int line = typed.Count(c => c == '\n');
        int character = typed.Length - (typed.LastIndexOf('\n') + 1);

        await using LspClient client = await LspClient.StartAsync();
        await client.Open(Uri, text);
        JsonElement[] items = [.. (await client.At("textDocument/completion", Uri, line, character)).GetProperty("items").EnumerateArray()];
        return ([.. items.Select(i => i.GetProperty("label").GetString()!)], items);
    }

    [Fact]
    public async Task AtADeclarationsStart_OffersTheDeclarationKeywords_AndNoNames()
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  tra");
        Assert.Contains("tranche", labels);
        Assert.Contains("lease", labels);
        Assert.Contains("waterfall", labels);
        Assert.DoesNotContain("Notes", labels);
        Assert.DoesNotContain("coupon", labels); // a tranche's item, not a deal's
    }

    [Fact]
    public async Task InsideATranche_OffersItsItems()
    {
        (string[] labels, _) = await Complete("    coupon", "    ");
        Assert.Contains("balance", labels);
        Assert.Contains("amortize", labels);
        Assert.DoesNotContain("lessee", labels);
    }

    [Fact]
    public async Task AfterPay_OffersWhatAWaterfallPays()
    {
        (string[] labels, JsonElement[] items) = await Complete("    pay AssetMgmt", "    pay ");
        Assert.Contains("Notes", labels);
        Assert.Contains("Trustee", labels);
        Assert.Contains("Sponsor", labels);
        Assert.DoesNotContain("Meta", labels); // a party is never paid by a step
        Assert.DoesNotContain("CashTrap", labels);
        Assert.Equal("tranche", items.Single(i => i.GetProperty("label").GetString() == "Notes").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AfterSellInEnforcement_OffersTheCollateralCoinsIncluded()
    {
        // A treasury of coins is enforcement collateral as a facility is (docs/language.md §9, "sell F1, F2, ...").
        string coins = "  coins Treasury { holdings 100 coins  price 60000 per coin  depth 50 coins  impact 10% }\n";
        (string[] labels, _) = await Complete("  enforcement {", coins + "  enforcement {\n    sell Campus, ");
        Assert.Contains("Campus", labels);
        Assert.Contains("Treasury", labels);
        Assert.DoesNotContain("Notes", labels);
    }

    [Fact]
    public async Task AfterAFeesAmount_OffersUntilRepaidAndUntilDefault()
    {
        // A fee's 'until repaid' and 'until default' (docs/language.md "fee") are offered from the parser's expected
        // tokens, as every term is.
        (string[] labels, _) = await Complete("  fee AssetMgmt", "  fee Agent { 1m per year ", "}");
        Assert.Contains("until", labels);
        Assert.Contains("escalating", labels);
        (labels, _) = await Complete("  fee AssetMgmt", "  fee Agent { 1m per year until ", "}");
        Assert.Equal(["default", "repaid"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AfterAnRvgsParts_OffersAgainstRemarketing()
    {
        // An RVG's 'against remarketing [cost R]' (docs/language.md §5, "An RVG against a remarketing sale") is offered from
        // the parser's expected tokens, beside the RVG's other parts, where a part must come (after 'rvg'), and
        // 'remarketing' after 'against'.
        (string[] labels, _) = await Complete("  tranche Notes {", "  lease Other on Campus { rvg ", "}");
        Assert.Equal(["against", "cap", "guarantees", "until"], labels.Order(StringComparer.Ordinal));
        (labels, _) = await Complete("  tranche Notes {", "  lease Other on Campus { rvg cap 1bn against ", "}");
        Assert.Equal(["remarketing"], labels);
    }

    [Theory]
    // After a part the parser has left the rvg item when it meets the cursor (the parts' loop does not insist on
    // another), so it expects the lease's next item; on the rvg's line the RVG's parts not yet written are offered
    // instead, and 'with' for its guarantor ('rvg guarantees X cap C until D with guarantor G cap C', docs/language.md §5).
    [InlineData("rvg guarantees Notes.balance ", "against cap until with")]
    [InlineData("rvg cap 28bn ", "against guarantees until with")]
    [InlineData("rvg guarantees 1bn cap 28bn until 2045-11-30 ", "against with")]
    [InlineData("rvg until 2045-11-30 against remarketing ", "cap cost guarantees with")]
    [InlineData("rvg against remarketing cost 2% guarantees 1bn ", "cap until with")]
    public async Task AfterAnRvgsPart_OffersItsPartsNotYetWritten(string rvg, string expected)
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  lease Other on Campus { " + rvg, "}");
        Assert.Equal(expected.Split(' '), labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AfterAnRvgsGuarantor_OrOnTheLineAfterIt_OffersTheLeasesItems()
    {
        // 'with guarantor G cap C' ends the rvg item: no part may follow it, so the lease's items are offered as before.
        (string[] labels, _) = await Complete("  tranche Notes {", "  lease Other on Campus { rvg cap 1bn with guarantor Meta cap 1bn ", "}");
        Assert.Contains("term", labels);
        Assert.DoesNotContain("guarantees", labels);
        // On the line after the rvg a lease's next item starts.
        (labels, _) = await Complete("  tranche Notes {", "  lease Other on Campus { rvg cap 1bn\n    ", "}");
        Assert.Contains("term", labels);
        Assert.Contains("rent", labels);
        Assert.DoesNotContain("guarantees", labels);
    }

    [Theory]
    // After a re-let's 'at' stands a number, 'curve { … }' (docs/language.md "relet-curve") or 'beta …'
    // ("drawn-relet-utilisation"): both keywords are offered, though they may be names wherever a name may stand.
    [InlineData("  Leased relet after 3m at ")]
    [InlineData("  enforcement relet idle at ")]
    [InlineData("  enforcement haircut 10% relet idle at ")]
    public async Task AfterAReletsAt_OffersCurveAndBeta(string insert)
    {
        (string[] labels, _) = await Complete("  MetaLease renewals taken 0", insert);
        Assert.Contains("curve", labels);
        Assert.Contains("beta", labels);
        Assert.Contains("MetaLease", labels); // an expression's names still stand there too ('at Util.level')
    }

    [Fact]
    public async Task AfterASalesReletIdleAt_OffersCurveAndBeta()
    {
        (string[] labels, _) = await Complete("    waterfall {", "    sell Campus relet idle at ", "");
        Assert.Contains("curve", labels);
        Assert.Contains("beta", labels);
    }

    [Fact]
    public async Task WhereANameMayStandElsewhere_NameLikeKeywordsAreStillHidden()
    {
        // The general rule holds outside a re-let's 'at': in an expression (a test's, or a ramp's 'rising to')
        // 'curve' and 'beta' may be names, and are not offered as keywords.
        (string[] labels, _) = await Complete("  default when", "  test Extra = ");
        Assert.DoesNotContain("curve", labels);
        Assert.DoesNotContain("beta", labels);
        (labels, _) = await Complete("  MetaLease renewals taken 0", "  Leased relet after 3m at 30% price ");
        Assert.DoesNotContain("curve", labels);
        Assert.DoesNotContain("beta", labels);
    }

    [Fact]
    public async Task AfterFill_OffersAccounts()
    {
        // On a line of its own in the waterfall, before Hyperion's 'if LeaseEnded { … } else { fill Dsra }'.
        (string[] labels, _) = await Complete("    if LeaseEnded", "    fill ");
        Assert.Equal(["Dsra", "InterestReserve", "Trap"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AfterLessee_OffersParties()
    {
        (string[] labels, _) = await Complete("    rent     3.15bn", "    lessee ");
        Assert.Equal(["BlueOwl", "Meta"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InALease_OffersPhased_AndAfterItTheIndices()
    {
        // 'phased Built' names the completion index a lease's rent is scaled by (docs/language.md §5 "lease").
        (string[] items, _) = await Complete("    rent     3.15bn", "    ");
        Assert.Contains("phased", items);
        string index = "  index Built { level 0%  points stepped { 2029-11-30 50%  2030-05-30 100% } }\n";
        (string[] labels, _) = await Complete("  lease MetaLease", index + "  lease MetaLease on Campus {\n    phased ", "\n  }");
        Assert.Contains("Built", labels);
        Assert.DoesNotContain("Meta", labels);
        Assert.DoesNotContain("Notes", labels);
    }

    [Fact]
    public async Task AfterARentsIndexed_OffersTheIndices()
    {
        // 'rent 100m per year indexed CPI' names the index the rent follows (docs/language.md §5 "lease", "Indexed rent").
        string index = "  index CPI { level 100x  grow 3% per year }\n";
        (string[] labels, _) = await Complete("  lease MetaLease", index + "  lease MetaLease on Campus {\n    rent 1bn per year indexed ", "\n  }");
        Assert.Contains("CPI", labels);
        Assert.DoesNotContain("Meta", labels);
        Assert.DoesNotContain("Notes", labels);
    }

    [Fact]
    public async Task InAnExpression_OffersReadableNamesAndExpressionKeywords()
    {
        (string[] labels, _) = await Complete("  default when", "  test Extra = ");
        Assert.Contains("Notes", labels);
        Assert.Contains("Dscr", labels);
        Assert.Contains("if", labels);
        Assert.DoesNotContain("Hyperion", labels);
        Assert.DoesNotContain("tranche", labels);
    }

    [Fact]
    public async Task AfterADotInAnExpression_OffersTheMembersAnExpressionReads()
    {
        (string[] labels, JsonElement[] items) = await Complete("  default when", "  test Extra = Notes.");
        Assert.Contains("balance", labels);
        Assert.Contains("interest_shortfall", labels);
        Assert.DoesNotContain("Notes", labels);
        Assert.DoesNotContain("if", labels);
        Assert.Equal("money", items.Single(i => i.GetProperty("label").GetString() == "balance").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AfterADotOnANameReadByItsBareName_OffersNothing()
    {
        (string[] labels, _) = await Complete("  default when", "  test Extra = Dscr.");
        Assert.Empty(labels);
    }

    [Fact]
    public async Task AfterANewDeclarationsKeyword_OffersNothingToName()
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  account ");
        Assert.Empty(labels);
    }

    [Fact]
    public async Task InAComment_OffersNothing()
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  // pay ");
        Assert.Empty(labels);
    }

    // docs/editors.md lists each place a name of one kind fits; every one of them is asked here, each with an
    // anchor in Hyperion (parties Meta and BlueOwl, facility Campus, accounts Dsra, InterestReserve and Trap).
    [Theory]
    [InlineData("    rent     3.15bn", "    guarantor ")]
    [InlineData("  tranche Notes {", "  loan Extra { obligor ")]
    [InlineData("  tranche Notes {", "  fleet Gpus { units 1000 gpus  unit_cost 30k per gpu }\n  contract Extra on Gpus { customer ")]
    public async Task AfterAPartysPlace_OffersParties(string anchor, string insert)
    {
        (string[] labels, _) = await Complete(anchor, insert);
        Assert.Equal(["BlueOwl", "Meta"], labels.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("    release ")]
    [InlineData("    hold rest in ")]
    [InlineData("    pay Notes.interest using ")]
    public async Task AfterAnAccountsPlace_OffersAccounts(string insert)
    {
        (string[] labels, _) = await Complete("    pay AssetMgmt", insert);
        Assert.Equal(["Dsra", "InterestReserve", "Trap"], labels.Order(StringComparer.Ordinal));
    }

    // An equity cure's destination (docs/language.md §7, "Where the cure goes"): tranches after 'prepaying' and after
    // the comma between them, accounts after 'into'.
    [Theory]
    [InlineData("  trigger Cure when Dscr < 1.10x cure by Sponsor up to 1 times prepaying ", "Notes")]
    [InlineData("  trigger Cure when Dscr < 1.10x cure by Sponsor up to 1 times prepaying Notes, ", "Notes")]
    [InlineData("  trigger Cure when Dscr < 1.10x cure by Sponsor up to 1 times into ", "Dsra InterestReserve Trap")]
    public async Task AfterAnEquityCuresDestination_OffersItsKind(string insert, string expected)
    {
        (string[] labels, _) = await Complete("  trigger CashTrap", insert, " => trap");
        Assert.Equal(expected.Split(' '), labels.Order(StringComparer.Ordinal));
    }

    // A holding's 'draws called from E' (docs/language.md §5 "holding", "Draws"): after 'draws', 'called'; after
    // 'from', the deal's equities and nothing else.
    [Fact]
    public async Task InAHoldingsDrawsCall_OffersTheKeywords_AndAfterFromTheEquities()
    {
        (string[] keywords, _) = await Complete("  tranche Notes {", "  holding Stake { of Other.Loan  share 10%  draws ", " }");
        Assert.Equal(["called"], keywords);
        (string[] labels, _) = await Complete("  tranche Notes {", "  holding Stake { of Other.Loan  share 10%  draws called from ", " }");
        Assert.Equal(["Sponsor"], labels);
    }

    [Fact]
    public async Task AfterALeasesOn_OffersFacilities()
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  lease Extra on ");
        Assert.Equal(["Campus"], labels);
    }

    [Fact]
    public async Task AfterAContractsOn_OffersFleets()
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  fleet Gpus { units 1000 gpus  unit_cost 30k per gpu }\n  contract Extra on ");
        Assert.Equal(["Gpus"], labels);
    }

    [Fact]
    public async Task AfterAScenariosFor_OffersTheDeal()
    {
        (string[] labels, JsonElement[] items) = await Complete("scenario Base for Hyperion {", "scenario Extra for ");
        Assert.Equal(["Hyperion"], labels);
        Assert.Equal("deal", items.Single().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task InAString_OffersNothing()
    {
        (string[] labels, _) = await Complete("  tranche Notes {", "  title \"pay ", afterCursor: "\"");
        Assert.Empty(labels);
    }
}
