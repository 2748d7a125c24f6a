using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>The contract's parsing, rules and lowering (ContractRules, ContractLowering) and its scenario levers:
/// what its members read, the price's three forms, the units a fleet can give, the levers lowered into the
/// ScenarioSpec. The harness's deal is annual from 2025-01-01 to 2030-01-01; the first extra line is line 9.</summary>
public sealed class ContractRulesTests
{
    // Line 9: the index; line 10: the party; line 11: the fleet (100 GPUs at closing, 200 more on 2026-01-01).
    private const string Setup = "  index Rent { level 2.00 per gpu_hour }\n  party Big { }\n"
        + "  fleet F { deliveries { 2025-01-01 100 gpus at 30k per gpu  2026-01-01 200 gpus at 24k per gpu }  depreciate straight_line 6y  generation Rent }\n";

    private static string Contract(string name, string items) => $"  contract {name} on F {{ {items} }}\n";

    private static string Terms(string units = "60 gpus", string price = "price 2.50 per gpu_hour", string starts = "2025-01-01", string tp = "90%") =>
        $"customer Big  units {units}  {price}  hours 8760 hours per year  take_or_pay {tp}  starts {starts}  term 2y";

    [Theory]
    [InlineData("C.revenue", Quantity.ContractRevenue, Unit.Money)]
    [InlineData("C.units", Quantity.ContractUnits, Unit.Measure)]
    [InlineData("largest_customer_share", Quantity.LargestCustomerShare, Unit.Rate)]
    public void MembersReadTheContractsState(string reference, Quantity quantity, Unit unit)
    {
        var read = Assert.IsType<QuantityExpression>(TestExpression(reference, Setup + Contract("C", Terms())));

        Assert.Equal((quantity, 0, unit), (read.Quantity, read.Index, read.Unit));
    }

    [Fact]
    public void ActiveIsACondition()
    {
        Assert.Empty(Analyze(Deal(Setup + Contract("C", Terms()) + "  trigger Off when not C.active => sweep 100% to Notes\n")).Diagnostics);
    }

    [Theory]
    [InlineData("price 2.50 per gpu_hour", -1, 2.50)]
    [InlineData("price 2.5", -1, 2.50)]
    [InlineData("price Rent + 0.10 per gpu_hour", 0, 0.10)]
    [InlineData("price Rent - 0.10 per gpu_hour", 0, -0.10)]
    [InlineData("price at market", 0, 0.0)]
    public void ThePriceLowersToAnIndexAndASpread(string price, int index, double spread)
    {
        ContractInfo contract = Assert.Single(ModelOf(Deal(Setup + Contract("C", Terms(price: price)))).Contracts);

        Assert.Equal((index, spread), (contract.PriceIndex, Math.Round(contract.PriceSpread, 12)));
        // 2 years from 2025-01-01; 60 GPUs, 8760 hours, 90%; the customer (the deal's only party) and the fleet by position.
        Assert.Equal((new Date(2027, 1, 1), 60.0, 8760.0, 0.9, 0, 0), (contract.End, contract.Units, contract.HoursPerYear, contract.TakeOrPay,
            contract.Customer, contract.Fleet));
    }

    [Fact]
    public void ATerminationFeeLowersWithItsAmortisation()
    {
        ContractInfo flat = Assert.Single(ModelOf(Deal(Setup + Contract("C", Terms() + "  termination_fee 10m"))).Contracts);
        ContractInfo falling = Assert.Single(ModelOf(Deal(Setup + Contract("C", Terms() + "  termination_fee 10m amortising"))).Contracts);

        Assert.Equal((10e6, false, 10e6), (flat.TerminationFee, flat.FeeAmortising, flat.TerminationClaim(new Date(2026, 1, 1))));
        // 2025-01-01 → 2027-01-01 is 730 days; on 2026-01-01, 365 are left: 10m × 365/730 = 5m.
        Assert.Equal((10e6, true, 5e6), (falling.TerminationFee, falling.FeeAmortising, falling.TerminationClaim(new Date(2026, 1, 1))));
        // None before the start nor from the end on.
        Assert.Equal((0.0, 0.0), (falling.TerminationClaim(new Date(2024, 12, 31)), falling.TerminationClaim(new Date(2027, 1, 1))));
        Single(Errors(Deal(Setup + Contract("C", Terms() + "  termination_fee -1m"))), "DL0312");
    }

    [Fact]
    public void APrepaymentLowersWithHowItIsApplied()
    {
        ContractInfo onTop = Assert.Single(ModelOf(Deal(Setup + Contract("C", Terms() + "  prepayment 2m"))).Contracts);
        ContractInfo applied = Assert.Single(ModelOf(Deal(Setup + Contract("C", Terms() + "  prepayment 2m applied over term"))).Contracts);

        Assert.Equal((2e6, false, 0.0), (onTop.Prepayment, onTop.PrepaymentApplied, onTop.PrepaymentCreditPerYear));
        // 2025-01-01 → 2027-01-01 is 730 days, 2 years of 365: a credit of 2m / 2 = 1m a year.
        Assert.Equal((2e6, true, 1e6), (applied.Prepayment, applied.PrepaymentApplied, applied.PrepaymentCreditPerYear));
        Single(Errors(Deal(Setup + Contract("C", Terms() + "  prepayment -1m"))), "DL0312");
        Single(Errors(Deal(Setup + Contract("C", Terms() + "  prepayment 5%"))), "DL0302");
    }

    [Theory]
    // 60 GPUs × 2.50 × 8760 × 90% × 730/365 = 2,365,200: just above warns, just below does not.
    [InlineData("price 2.50 per gpu_hour", "2.4m", true)]
    [InlineData("price 2.50 per gpu_hour", "2.3m", false)]
    // An index price at its starting level plus the spread: 60 × (2.00 + 0.50) × 8760 × 90% × 2 = 2,365,200.
    [InlineData("price Rent + 0.50 per gpu_hour", "2.4m", true)]
    [InlineData("price Rent + 0.50 per gpu_hour", "2.3m", false)]
    // At market, the fleet's generation (Rent, 2.00): 60 × 2.00 × 8760 × 90% × 2 = 1,892,160.
    [InlineData("price at market", "1.9m", true)]
    [InlineData("price at market", "1.8m", false)]
    public void APrepaymentAboveTheContractsValueIsAWarning(string price, string prepayment, bool warns)
    {
        var (model, diagnostics) = Analyze(Deal(Setup + Contract("C", Terms(price: price) + "  prepayment " + prepayment)));
        Assert.NotNull(model);
        Assert.Equal(warns ? 1 : 0, diagnostics.Count(d => d.Code == "DL0488" && d.Severity == Severity.Warning));
    }

    [Fact]
    public void AForwardTestMayProjectCfadsAndWarnsOfWhatItLeavesOut()
    {
        // cfads and the forward DSCR are projected, with a per-period fee that is a share of collections or a contract's
        // revenue; one that is a share of a flow not projected (the fleet's opex) is left out, and warned of.
        Assert.Empty(Analyze(Deal(Setup + Contract("C", Terms()) + "  test FwdDscr = cfads / debt_service over next 12m\n")).Diagnostics);
        Assert.Empty(Analyze(Deal(Setup + Contract("C", Terms()) + "  fee Servicer { 1% of collections + 0.5% of C.revenue }\n"
            + "  test FwdCfads = cfads over next 12m\n")).Diagnostics);
        var (model, diagnostics) = Analyze(Deal(Setup + Contract("C", Terms()) + "  fee Servicer { 1% of collections }\n"
            + "  fee Site { 2% of F.opex }\n  test FwdCfads = cfads over next 12m\n"));
        Assert.NotNull(model);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("DL0320", warning.Code);
        Assert.Contains("fee 'Site'", warning.Message, StringComparison.Ordinal);
        Single(Errors(Deal(Setup + Contract("C", Terms()) + "  test FwdRevenue = C.revenue over next 12m\n")), "DL0230");
    }

    [Fact]
    public void UnitsAboveTheFleetsOnAnyStartDateArePointedAt()
    {
        // 60 + 50 > 100 delivered on 2025-06-30; the second contract's units (line 13, column 41) are pointed at.
        var errors = Errors(Deal(Setup + Contract("A", Terms()) + Contract("B", Terms(units: "50 gpus", starts: "2025-06-30"))));
        Diagnostic d = Single(errors, "DL0466");
        At(d, 13, 41);
        Assert.Contains("take 110 GPUs but the fleet has 100 delivered", d.Message, StringComparison.Ordinal);
        // From 2026-01-01 the fleet has 300: the same second contract then fits.
        Assert.Empty(Analyze(Deal(Setup + Contract("A", Terms()) + Contract("B", Terms(units: "50 gpus", starts: "2026-01-01")))).Diagnostics);
        // A contract that has ended frees its units: A runs to 2027-01-01, B starts then with 100.
        Assert.Empty(Analyze(Deal(Setup + Contract("A", Terms()) + Contract("B", Terms(units: "240 gpus", starts: "2027-01-01")))).Diagnostics);
    }

    [Theory]
    [InlineData("price 30k per gpu", "DL0333")]
    [InlineData("price Rent * 1.05", "DL0467")]
    [InlineData("price Notes.balance", "DL0333")]
    public void APriceMustBeMoneyPerGpuHourOfOneShape(string price, string code)
    {
        Single(Errors(Deal(Setup + Contract("C", Terms(price: price)))), code);
    }

    [Fact]
    public void TermsOutOfRangeOrOfTheWrongKindAreErrors()
    {
        Single(Errors(Deal(Setup + Contract("C", Terms(tp: "110%")))), "DL0307");
        Single(Errors(Deal(Setup + Contract("C", Terms(units: "2.5 gpus")))), "DL0334");
        Assert.Contains("must be a party", Single(Errors(Deal(Setup + Contract("C", Terms().Replace("customer Big", "customer Rent")))), "DL0205").Message,
            StringComparison.Ordinal);
        Single(Errors(Deal(Setup + "  contract C on G { " + Terms() + " }\n")), "DL0202");
        Single(Errors(Deal(Setup + Contract("C", Terms(starts: "2024-06-30")))), "DL0417");
    }

    [Fact]
    public void AtMarketNeedsAGeneration()
    {
        string noGeneration = Setup.Replace("  generation Rent", "", StringComparison.Ordinal);
        Single(Errors(Deal(noGeneration + Contract("C", Terms(price: "price at market")))), "DL0468");
    }

    [Fact]
    public void MissingItemsAreNamed()
    {
        var errors = Errors(Deal(Setup + Contract("C", "units 10 gpus")));

        foreach (string item in new[] { "a customer", "a price", "its hours a year", "its take-or-pay share", "a start date", "a term" })
        {
            Assert.Contains(errors, e => e.Message.Contains(item, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ScenarioLeversLowerIntoTheSpec()
    {
        string scenarios = """
            scenario S for D {
              C utilisation 95%
              C relet after 6m at 60%
            }
            scenario N for D {
              C not relet
            }
            scenario Q for D { }
            """;
        DealModel model = ModelOf(Deal(Setup + Contract("C", Terms()), scenarios: scenarios));

        Assert.Equal(new ContractLevers(0.95, true, 6, 0.60), model.Scenarios[0].Contracts[0]);
        Assert.Equal(new ContractLevers(null, false, 0, 0), model.Scenarios[1].Contracts[0]);
        Assert.Null(model.Scenarios[2].Contracts[0]);
    }

    [Fact]
    public void ScenarioLeversAreCheckedAndNamedForTheirContract()
    {
        string deal(string lever) => Deal(Setup + Contract("C", Terms()), scenarios: "scenario S for D {\n  " + lever + "\n}");
        Single(Errors(deal("C utilisation 120%")), "DL0307");
        Single(Errors(deal("C relet after 6m at 120%")), "DL0307");
        Single(Errors(deal("Big utilisation 50%")), "DL0505");
        string noGeneration = Setup.Replace("  generation Rent", "", StringComparison.Ordinal);
        Single(Errors(Deal(noGeneration + Contract("C", Terms()), scenarios: "scenario S for D {\n  C relet after 0m at 50%\n}")), "DL0469");
        Assert.Empty(Analyze(Deal(noGeneration + Contract("C", Terms()), scenarios: "scenario S for D {\n  C not relet\n}")).Diagnostics);
    }
}
