using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>The defaults the language promises, per-period amortisation, labels and scenario arrays.</summary>
public sealed class LoweringTests
{
    [Fact]
    public void DefaultsAreApplied()
    {
        DealModel model = ModelOf(Deal(
            "  party P { }\n" +
            "  facility F { cost 1bn value straight_line 30y }\n" +
            "  lease L on F { lessee P rent 10m per year starts 2026-01-01 term 4y rvg cap 500m }\n" +
            "  account A\n" +
            "  enforcement { sell F }"));

        Assert.Equal("D", model.Title); // no title: the deal's name
        Assert.Equal(new PartyInfo("P", "NR", 0, 0), model.Parties[0]);

        FacilityInfo f = model.Facilities[0];
        Assert.Equal(new StraightLineCurve(360, 0.0, new Date(2025, 1, 1)), f.Value); // from closing

        LeaseModel lease = model.Leases[0];
        Assert.Equal((0.0, 0, 0, false), (lease.Info.Escalator, lease.Info.RenewalCount, lease.Info.RenewalTermMonths, lease.Info.RenewalAtMarket));
        Assert.Equal(new Date(2030, 1, 1), lease.Info.RvgUntil); // no 'until': the deal's maturity
        Assert.Equal(new ConstantExpression(5e8, Unit.Money), lease.RvgGuarantees); // no 'guarantees': the cap

        Assert.Equal(new AccountModel("A", 0, 0, 0, null), model.Accounts[0]);

        TrancheModel notes = model.Tranches[0];
        Assert.Equal((new Date(2030, 1, 1), 4, 1), (notes.Maturity, notes.MaturityPeriod, notes.Seniority));
        Assert.Equal(new BulletAmortization(), notes.Amortization); // no interest-only date: principal from period 0

        SaleInfo sale = Assert.Single(model.Enforcement!.Sales);
        Assert.Equal((0.0, 0), (sale.Haircut, sale.LagMonths));
        Assert.Empty(model.Enforcement.Waterfall); // no enforcement waterfall: the regular one keeps running
        Assert.Null(model.DefaultRule);
    }

    [Fact]
    public void ALeaseWithoutAnRvgHasNone()
    {
        DealModel model = ModelOf(Deal(
            "  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P rent 10m per year starts 2026-01-01 term 4y }"));

        Assert.Null(model.Leases[0].RvgGuarantees);
        Assert.Null(model.Leases[0].Info.RvgUntil);
    }

    [Fact]
    public void ALeaseDayCountIsParsedCheckedAndLowered()
    {
        const string facility = "  party P { }\n  facility F { cost 1bn value straight_line 30y }\n";
        DealModel stated = ModelOf(Deal(facility + "  lease L on F { lessee P rent 10m per year starts 2026-01-01 term 4y daycount ACT/365F }"));
        DealModel unstated = ModelOf(Deal(facility + "  lease L on F { lessee P rent 10m per year starts 2026-01-01 term 4y }"));

        Assert.Equal(DayCount.Act365F, stated.Leases[0].Info.RentDayCount);
        Assert.Null(unstated.Leases[0].Info.RentDayCount); // equal instalments per regular period

        // Only the day counts the header accepts (DL0407); given twice is DL0105, a syntax-stage finding
        // (tests/corpus/malformed/151-lease-daycount-twice.deal).
        Assert.Single(Errors(Deal(facility + "  lease L on F { lessee P rent 10m per year starts 2026-01-01 term 4y daycount ACT/365 }")), d => d.Code == "DL0407");
    }

    [Fact]
    public void SeniorityDefaultsToDeclarationOrder()
    {
        DealModel model = ModelOf(Deal(
            "  tranche B { balance 1m coupon 7% }\n  tranche C { balance 1m coupon 9% }",
            "pay Notes.interest\n    pay B.interest\n    pay C.interest\n    pay Notes.principal\n    pay B.principal\n    pay C.principal\n    distribute rest to Eq"));

        Assert.Equal([1, 2, 3], model.Tranches.Select(t => t.Seniority));
        Assert.Equal([0, 1, 2], model.Tranches.Select(t => t.Index));
    }

    /// <summary>
    /// Quarterly from 2025-01-01 to 2026-01-01: boundaries 01-01, 04-01, 07-01, 10-01, 01-01 (4 periods).
    /// Period t is (B[t], B[t+1]], so 2025-02-15 and 2025-04-01 land in period 0, 2025-08-01 in period 2,
    /// 2026-01-01 in period 3. The 2025-09-15 maturity of B ends in period 2.
    /// </summary>
    [Fact]
    public void ScheduledPrincipalLandsInThePeriodContainingEachDate()
    {
        string text = Deal(
            "  tranche B { balance 1m coupon 7% maturity 2025-09-15 }",
            "pay Notes.interest\n    pay B.interest\n    pay Notes.principal\n    pay B.balance\n    distribute rest to Eq")
            .Replace("maturity 2030-01-01", "maturity 2026-01-01", StringComparison.Ordinal)
            .Replace("pay annual", "pay quarterly", StringComparison.Ordinal)
            .Replace("coupon 5%", "coupon 5% amortize schedule { 2025-02-15 10m, 2025-04-01 20m, 2025-08-01 30m, 2026-01-01 40m }", StringComparison.Ordinal);

        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(text);

        Assert.Empty(diagnostics); // 10m + 20m + 30m + 40m repays the 100m balance
        // One amount per period, the workout periods after the maturity (if any) with none.
        double[] amounts = Assert.IsType<ScheduledAmortization>(model!.Tranches[0].Amortization).Amounts.ToArray();
        Assert.Equal(model.Periods, amounts.Length);
        Assert.Equal([30e6, 0, 30e6, 40e6], amounts.Take(4));
        Assert.All(amounts.Skip(4), a => Assert.Equal(0, a));
        Assert.Equal(3, model.Tranches[0].MaturityPeriod);
        Assert.Equal(2, model.Tranches[1].MaturityPeriod);
        Assert.IsType<BulletAmortization>(model.Tranches[1].Amortization);
    }

    [Fact]
    public void AValueScheduleKeepsItsPoints()
    {
        DealModel model = ModelOf(Deal("  facility F { cost 1bn value schedule { 2026-01-01 900m, 2028-01-01 700m } }"));

        FacilityInfo f = model.Facilities[0];
        var schedule = Assert.IsType<ScheduleCurve>(f.Value);
        Assert.Equal([new Date(2026, 1, 1), new Date(2028, 1, 1)], schedule.Dates);
        Assert.Equal([9e8, 7e8], schedule.Values);
    }

    [Fact]
    public void AFirstPaymentDateStartsTheRegularSchedule()
    {
        string text = Deal().Replace("  pay annual", "  pay annual\n  first_payment 2025-06-30", StringComparison.Ordinal);

        DealModel model = ModelOf(text);

        // First period closing -> 2025-06-30, then yearly from it, the short stub last: 2026-06-30 ... 2029-06-30, 2030-01-01.
        Assert.Equal(new Date(2025, 6, 30), model.Boundaries[1]);
        Assert.Equal(new Date(2029, 6, 30), model.Boundaries[^2]);
        Assert.Equal(new Date(2030, 1, 1), model.Boundaries[^1]);
        Assert.Equal(6, model.Periods);
    }

    [Theory]
    [InlineData("quarterly", "12m", 4)] // 12 / 3
    [InlineData("monthly", "1y", 12)]   // 12 / 1
    [InlineData("semiannual", "3m", 1)] // 3 / 6 = 0.5, rounded away from zero (with a warning)
    [InlineData("annual", "6m", 1)]     // at least one period
    public void TrailingWindowsAreWholePeriods(string frequency, string window, int periods)
    {
        string text = Deal($"  test T = cfads / debt_service over trailing {window}").Replace("pay annual", "pay " + frequency, StringComparison.Ordinal);

        Assert.Equal(periods, ModelOf(text).Tests[0].TrailingPeriods);
    }

    [Fact]
    public void ATestsFromDateIsCarriedToTheModel()
    {
        DealModel model = ModelOf(Deal("  test A = cfads / debt_service over trailing 12m from 2027-01-01\n  test B = cfads"));

        Assert.Equal((new Date(2027, 1, 1), 1), (model.Tests[0].From, model.Tests[0].TrailingPeriods)); // annual: 12m is 1 period
        Assert.Null(model.Tests[1].From);
    }

    [Fact]
    public void MonthsOfAFlowOnAQuarterlyDealAreTwoPeriods()
    {
        string text = Deal("  account Dsra { target 6m of debt_service }", "pay Notes.interest using Dsra\n    pay Notes.principal\n    fill Dsra\n    distribute rest to Eq")
            .Replace("pay annual", "pay quarterly", StringComparison.Ordinal);

        Assert.Equal(2.0, Assert.IsType<DurationOfExpression>(ModelOf(text).Accounts[0].Target).Periods);
    }

    [Fact]
    public void EveryStepKindIsLoweredWithItsLabel()
    {
        DealModel model = ModelOf(Deal(
            "  account Dsra { target 10m }\n  account Trap\n  fee Opex { 1m per year }\n" +
            "  test Dscr = cfads / debt_service\n  trigger CashTrap when Dscr < 1.2x => trap",
            "pay Opex\n    pay Notes.interest using Dsra, Trap\n    pay Notes.principal\n    fill Dsra\n" +
            "    if CashTrap and (Dscr < 1.10x or date > 2028-01-01) { hold rest in Trap } else { release Trap }\n" +
            "    release Dsra\n    pay Notes.balance\n    distribute rest to Eq"));

        Assert.Equal(
            [
                "pay Opex", "pay Notes.interest", "pay Notes.principal", "fill Dsra",
                "if CashTrap and (Dscr < 1.10x or date > 2028-01-01)", "release Dsra", "pay Notes.balance", "distribute rest to Eq",
            ],
            model.Waterfall.Select(s => s.Label));
        Assert.Equal([PayKind.Fee, PayKind.Interest, PayKind.Principal, PayKind.Balance], model.Waterfall.OfType<PayStep>().Select(p => p.Kind));
        Assert.Equal([0, 1], ((PayStep)model.Waterfall[1]).Using.ToArray());
        var branch = (IfStep)model.Waterfall[4];
        Assert.Equal(new HoldStep("hold rest in Trap", 1), Assert.Single(branch.Then));
        Assert.Equal(new ReleaseStep("release Trap", 1), Assert.Single(branch.Else));
        Assert.Equal(new ReleaseStep("release Dsra", 0), model.Waterfall[5]);
        Assert.Equal(Unit.Bool, branch.Condition.Unit);
    }

    [Fact]
    public void ScenarioArraysFollowDeclarationOrder()
    {
        DealModel model = ModelOf(Deal(
            "  party A { }\n  party B { }\n" +
            "  facility F1 { cost 1bn value straight_line 30y }\n  facility F2 { cost 2bn value straight_line 30y }\n" +
            "  lease L1 on F1 { lessee A rent 10m per year starts 2026-01-01 term 4y }\n" +
            "  lease L2 on F2 { lessee B rent 10m per year starts 2026-01-01 term 4y renewals 2 x 2y at lessee option }\n" +
            "  enforcement { sell F1, F2 haircut 10% lag 2m }",
            scenarios:
            "scenario S for D {\n" +
            "  L2 renewals taken 1\n  F2.value deflate 5% per year\n  F1.value drop 30% by 2028-01-01\n" +
            "  B defaults on 2027-06-30\n  market_rent deflate 2% per year\n  enforcement haircut 40% lag 3m\n}\n" +
            "scenario Empty for D { }"));

        ScenarioSpec s = model.Scenarios[0];
        Assert.Equal("S", s.Name);
        Assert.Equal([null, 1], s.RenewalsTaken);
        Assert.Equal(new ValueStress(0, 0.3, new Date(2028, 1, 1)), s.FacilityStress[0]);
        Assert.Equal(new ValueStress(0.05, 0, null), s.FacilityStress[1]);
        Assert.Equal([null, new Date(2027, 6, 30)], s.PartyDefaults);
        Assert.Equal((0.02, 0.4, 3), (s.MarketRentDeflation, s.EnforcementHaircut!.Value, s.EnforcementLagMonths!.Value));

        ScenarioSpec empty = model.Scenarios[1];
        Assert.Equal([null, null], empty.RenewalsTaken);
        Assert.Equal([ValueStress.None, ValueStress.None], empty.FacilityStress);
        Assert.Equal([null, null], empty.PartyDefaults);
        Assert.Null(empty.EnforcementHaircut);

        Assert.Equal([new CollateralRef(CollateralKind.Facility, 0), new CollateralRef(CollateralKind.Facility, 1)], model.Enforcement!.Sales[0].Collateral);
    }

    [Fact]
    public void AWarningDoesNotStopLowering()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal("  default when Notes.interest_shortfall > 0"));

        Assert.NotNull(model);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.NotNull(model!.DefaultRule);
    }
}
