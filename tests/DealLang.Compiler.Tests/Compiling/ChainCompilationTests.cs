using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Tests.Compiling;

/// <summary>A deal that imports files declaring deals: each imported deal an entity of the chain, analysed after the
/// entities it holds and lowered to its own model; holdings bound across entities; parties and indices shared by
/// name; the mistakes of DL0700–DL0709 located where they are.</summary>
public class ChainCompilationTests
{
    // A small SPV: 100m of notes, 50m of equity; its tenant Tenant can default.
    internal static string Spv(string name = "Spv", string holdings = "") => $$"""
        deal {{name}} {
          title "SPV" currency USD closing 2026-01-01 maturity 2031-01-01 pay quarterly daycount 30/360
          party Tenant { pd 2% recovery 40% }
          party Sponsor { }
          index Sofr { level 4% }
          facility Campus { cost 150m value straight_line 20y floor 0% from 2026-01-01 }
          lease CampusLease on Campus { lessee Tenant rent 36m per year starts 2026-01-01 term 5y }
          {{holdings}}
          tranche Notes { balance 100m coupon 7% amortize level maturity 2031-01-01 }
          equity Common { contributed 50m holders Sponsor 100% }
          waterfall { pay Notes.interest pay Notes.principal distribute rest to Common }
        }
        scenario Stress for {{name}} { Tenant defaults on 2028-06-30 }
        """;

    internal static string Parent(string holdings, string name = "Parent", string imports = "import \"spv.deal\"") => $$"""
        {{imports}}
        deal {{name}} {
          title "Parent" currency USD closing 2026-01-01 maturity 2031-01-01 pay semiannual daycount 30/360
          party Holders { }
          {{holdings}}
          tranche ParentNotes { balance 30m coupon 8% amortize level maturity 2031-01-01 }
          equity ParentEquity { contributed 20m holders Holders 100% }
          waterfall { pay ParentNotes.interest pay ParentNotes.principal distribute rest to ParentEquity }
        }
        scenario Stress for {{name}} { Tenant defaults on 2028-06-30 }
        """;

    private static Compilation Compile(string parent, params (string Path, string Text)[] files)
    {
        var provider = new InMemorySourceFiles();
        foreach (var (path, text) in files)
        {
            provider.Add(path, text);
        }

        return Compilation.Create(SourceDocument.FromText("parent.deal", parent), provider);
    }

    private static string Show(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics);

    // Corpus 014's loan draws against its fleet's deliveries: 36m at the end of its first quarter (2026-04-01) and
    // 76.8m at the end of its third (2026-10-01; the 2026-08-15 delivery). A holder closing on 2026-07-01 holds a
    // tranche that still draws 76.8m, which it funds its share of (the holding's Draws, no longer the warning DL0710);
    // closing on 2026-10-01, the last draw is on its closing date, in the par it bought, and none comes after.
    [Theory]
    [InlineData("2026-07-01", true)]
    [InlineData("2026-10-01", false)]
    public void A_holding_of_a_delayed_draw_drawn_against_deliveries_after_the_holders_closing_funds_its_draws(string closing, bool draws)
    {
        string loan = File.ReadAllText(Path.Combine(DealLang.TestSupport.RepoPaths.Tests, "corpus", "valid", "014-gpu-loan-drawn-against-deliveries.deal"));
        string parent = Parent("holding LoanStake { of DrawnAgainstDeliveries.Loan share 10% }", imports: "import \"loan.deal\"")
            .Replace("closing 2026-01-01", "closing " + closing, StringComparison.Ordinal)
            .Replace("scenario Stress for Parent { Tenant defaults on 2028-06-30 }", "", StringComparison.Ordinal);
        var c = Compile(parent, ("loan.deal", loan));
        Assert.True(c.Model is not null, Show(c.Diagnostics));
        Assert.Empty(c.Diagnostics);
        Assert.Equal(draws, Assert.Single(c.Model!.Holdings).Draws);
    }

    [Fact]
    public void An_imported_deal_is_an_entity_lowered_on_its_own_and_its_holding_bound()
    {
        var c = Compile(Parent("holding Stake { of Spv.Common share 100% } holding Bonds { of Spv.Notes face 20m }"), ("spv.deal", Spv()));

        Assert.True(c.Model is not null, Show(c.Diagnostics));
        var spv = Assert.Single(c.Entities);
        Assert.Equal("Spv", spv.Name);
        Assert.Equal("Stress", Assert.Single(spv.Scenarios).Name); // the SPV's own scenario stays the SPV's
        Assert.Equal("Stress", Assert.Single(c.Model!.Scenarios).Name);
        Assert.Collection(c.Model.Holdings,
            h => Assert.Equal(("Stake", "Spv", "Common", true, 1.0), (h.Name, h.Entity, h.Member, h.Equity, h.Share)),
            // 20m of 100m: a share of 0.2, the face the tranche's balance.
            h => Assert.Equal(("Bonds", "Spv", "Notes", false, 0.2, 100e6), (h.Name, h.Entity, h.Member, h.Equity, h.Share, h.Face)));
        // The SPV's parties and index are the parent's too: a scenario of the parent names Tenant.
        Assert.Contains(c.Model.Parties, p => p.Name == "Tenant");
        Assert.Contains(c.Model.Indices, i => i.Info.Name == "Sofr");
        Assert.NotNull(Assert.Single(c.Model.Scenarios).PartyDefaults[c.Model.Parties.ToList().FindIndex(p => p.Name == "Tenant")]);
    }

    [Fact]
    public void A_top_scenario_may_set_the_guarantees_of_a_party_that_guarantees_only_in_an_imported_entity()
    {
        // One Google in every entity (docs/language.md §10, "Scenarios in a chain"): the SPV's lease has Google behind it,
        // so the parent's scenario may disown Google's guarantees (no DL0734), and its lowered scenario says so for
        // Google, a party of the parent by the import; a party that guarantees nowhere is still DL0734.
        string spv = Spv().Replace("term 5y }", "term 5y guarantor Google cap 50m }", StringComparison.Ordinal)
            .Replace("party Sponsor { }", "party Sponsor { }\n  party Google { }", StringComparison.Ordinal);
        string parent = Parent("holding Stake { of Spv.Common share 100% }")
            .Replace("{ Tenant defaults on 2028-06-30 }", "{ Tenant defaults on 2028-06-30  Google guarantees disowned }", StringComparison.Ordinal);
        var c = Compile(parent, ("spv.deal", spv));
        Assert.True(c.Model is not null, Show(c.Diagnostics));
        int google = c.Model!.Parties.ToList().FindIndex(p => p.Name == "Google");
        Assert.True(Assert.Single(c.Model.Scenarios).GuarantorOf(google).Disowned);

        var wrong = Compile(parent.Replace("Google guarantees", "Holders guarantees", StringComparison.Ordinal), ("spv.deal", spv));
        Assert.Equal(["DL0734"], wrong.Diagnostics.Select(d => d.Code));
    }

    // A scenario for an entity written beside the deal runs in the chain only under the deal's scenario of its name:
    // Mild (the parent has one) is run and passes in silence; Calm (it has none) would be checked and never run, and
    // is warned of where its 'for' names the entity. The entity's own file's scenarios are for running it alone.
    [Fact]
    public void An_entity_scenario_beside_the_deal_that_no_deal_scenario_names_is_DL0511()
    {
        string parent = Parent("holding Bonds { of Spv.Notes face 20m }")
            + "\nscenario Mild for Parent { Tenant defaults on 2030-06-30 }\nscenario Mild for Spv { Tenant defaults on 2029-06-30 }"
            + "\nscenario Calm for Spv { Tenant defaults on 2030-06-30 }\n";
        var c = Compile(parent, ("spv.deal", Spv()));

        Assert.True(c.Model is not null, Show(c.Diagnostics));
        Diagnostic warning = Assert.Single(c.Diagnostics);
        Assert.Equal(("DL0511", Severity.Warning, "parent.deal"), (warning.Code, warning.Severity, warning.Span.Path));
        Assert.StartsWith("scenario 'Calm' is for 'Spv', which runs in deal 'Parent''s chain under a scenario of the same name for 'Parent', and 'Parent' has none", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(spv.deal)", warning.Message, StringComparison.Ordinal);
    }

    // A chain makes only the deal's draws (docs/language.md §10, "Scenarios in a chain"): under the parent's Stress the
    // SPV runs as written with the parent's levers, so the SPV's own Stress, which draws (a Monte Carlo scenario), is
    // not run in the chain, its dated default on 2029-06-30 with it, and is warned of at its name in spv.deal. Its own
    // Monte Carlo scenario that no parent scenario names (Paths) is for running it alone, and its deterministic Stress
    // is run: neither is warned of. (Line 13 of spv.deal: the SPV's twelve lines of deal, then the scenario; column 10
    // after 'scenario '.)
    [Fact]
    public void An_entity_scenario_that_draws_named_as_a_deal_scenario_is_DL0598()
    {
        string drawing = Spv().Replace("scenario Stress for Spv { Tenant defaults on 2028-06-30 }",
            "scenario Stress for Spv { paths 100  Tenant defaults drawn  Sponsor defaults on 2029-06-30 }", StringComparison.Ordinal);
        var c = Compile(Parent("holding Bonds { of Spv.Notes face 20m }"), ("spv.deal", drawing));

        Assert.True(c.Model is not null, Show(c.Diagnostics));
        Diagnostic warning = Assert.Single(c.Diagnostics);
        Assert.Equal(("DL0598", Severity.Warning, "spv.deal", 13, 10), (warning.Code, warning.Severity, warning.Span.Path, warning.Span.Line, warning.Span.Column));
        Assert.StartsWith("scenario 'Stress' of 'Spv' draws (a Monte Carlo scenario), and in deal 'Parent''s chain only 'Parent''s draws are made", warning.Message, StringComparison.Ordinal);

        string alone = Spv() + "\nscenario Paths for Spv { paths 100  Tenant defaults drawn }\n";
        var quiet = Compile(Parent("holding Bonds { of Spv.Notes face 20m }"), ("spv.deal", alone));
        Assert.True(quiet.Model is not null, Show(quiet.Diagnostics));
        Assert.Empty(quiet.Diagnostics);
    }

    [Fact]
    public void Entities_run_each_after_those_it_holds_whatever_the_import_order()
    {
        // The parent imports the fund first; the fund holds the SPV, so the SPV comes before the fund.
        string fund = Parent("holding Bonds { of Spv.Notes share 10% }", "Fund", imports: "").Replace("ParentNotes", "FundNotes", StringComparison.Ordinal)
            .Replace("ParentEquity", "FundEquity", StringComparison.Ordinal).Replace("scenario Stress for Fund { Tenant defaults on 2028-06-30 }", "", StringComparison.Ordinal);
        var c = Compile(Parent("holding F { of Fund.FundEquity share 50% }", imports: "import \"fund.deal\"\nimport \"spv.deal\""), ("fund.deal", fund), ("spv.deal", Spv()));

        Assert.True(c.Model is not null, Show(c.Diagnostics));
        Assert.Equal(["Spv", "Fund"], c.Entities.Select(e => e.Name));
    }

    [Fact]
    public void A_circle_of_holdings_between_two_imported_deals_is_DL0701_once()
    {
        var c = Compile(Parent("holding A { of Spv.Notes share 10% }", imports: "import \"spv.deal\"\nimport \"other.deal\""),
            ("spv.deal", Spv(holdings: "holding Back { of Other.Notes share 10% }")),
            ("other.deal", Spv("Other", holdings: "holding Forth { of Spv.Notes share 10% }")));

        Assert.Null(c.Model);
        var circle = Assert.Single(c.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("DL0701", circle.Code);
        Assert.Contains("Spv holds Other holds Spv", circle.Message, StringComparison.Ordinal);
        Assert.Equal("other.deal", circle.Span.Path);
    }

    [Fact]
    public void An_imported_deal_cannot_hold_the_deal_that_imports_it()
    {
        var c = Compile(Parent("holding A { of Spv.Notes share 10% }"), ("spv.deal", Spv(holdings: "holding Up { of Parent.ParentNotes share 10% }")));

        var unknown = Assert.Single(c.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("DL0702", "spv.deal"), (unknown.Code, unknown.Span.Path));
        // No deal's name is close, so the message says what to import, with the deal's own name as the example path.
        Assert.Equal("holding 'Up' is of 'Parent', but no imported file declares a deal of that name; import the file that declares it"
            + " at the top of this file (e.g. import \"parent.deal\")", unknown.Message);
    }

    [Fact]
    public void Two_imported_deals_of_one_name_are_DL0700_at_the_second()
    {
        var c = Compile(Parent("holding A { of Spv.Notes share 10% }", imports: "import \"spv.deal\"\nimport \"spv2.deal\""),
            ("spv.deal", Spv()), ("spv2.deal", Spv()));

        var clash = Assert.Single(c.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("DL0700", "spv2.deal"), (clash.Code, clash.Span.Path));
    }

    [Fact]
    public void A_deal_in_a_scenario_file_given_beside_is_still_DL0606()
    {
        var provider = new InMemorySourceFiles().Add("spv.deal", Spv());
        var c = Compilation.Create(SourceDocument.FromText("parent.deal", Parent("holding A { of Spv.Notes share 10% }")), provider,
            SourceDocument.FromText("more.scenarios", Spv("Third")));

        Assert.Contains(c.Diagnostics, d => d.Code == "DL0606" && d.Span.Path == "more.scenarios");
    }

    [Fact]
    public void A_party_declared_in_both_files_is_one_party_and_its_mistake_is_reported_once()
    {
        string bad = Spv().Replace("pd 2%", "pd 2m", StringComparison.Ordinal);
        var c = Compile(Parent("holding A { of Spv.Notes share 10% }"), ("spv.deal", bad));

        Assert.Single(c.Diagnostics, d => d.Severity == Severity.Error && d.Span.Path == "spv.deal");
    }

    [Fact]
    public void The_holdings_value_and_receipts_are_read_as_money()
    {
        var c = Compile(Parent("holding A { of Spv.Notes share 10% } test Ltv = ParentNotes.balance / A.value  test Cover = A.receipts / ParentNotes.interest"),
            ("spv.deal", Spv()));

        Assert.True(c.Model is not null, Show(c.Diagnostics));
    }
}
