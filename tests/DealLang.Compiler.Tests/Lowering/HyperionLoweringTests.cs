using DealLang.Compiler.Model;
using DealLang.Runtime;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Lowering;

/// <summary>
/// A Hyperion-like deal (the shape of examples/hyperion.deal, inlined so this test does not move when the
/// example is edited) lowered to the model. Expected values are the file's literals converted by hand, and the
/// schedule counted by hand: rolled back from 2049-05-30 in half-years, the dates are 2048-11-30, ..., 2026-05-30,
/// 2025-11-30 (47 dates; 2025-05-30 is before closing), so with closing and maturity there are 49 boundaries,
/// 48 periods, the first a one-month stub to 2025-11-30, and maturity closes period 47.
/// </summary>
public sealed class HyperionLoweringTests
{
    internal const string Text = """
        deal Hyperion {
          title    "Beignet Investor LLC - Meta Hyperion campus notes"
          currency USD
          closing  2025-10-30
          maturity 2049-05-30
          pay      semiannual
          daycount 30/360

          party Meta { rating "AA-"  pd 0.03%  recovery 37% }
          party BlueOwl { }

          facility Campus { cost 27bn  value straight_line 30y floor 20% from 2029-11-30 }

          lease MetaLease on Campus {
            lessee   Meta
            rent     3.15bn per year escalating 2% per year
            starts   2029-11-30
            term     4y
            renewals 4 x 4y at lessee option rent at market
            rvg      guarantees Notes.balance cap 28bn until 2045-11-30
          }

          tranche Notes {
            balance       27.3bn
            coupon        6.581% fixed
            interest_only until 2029-11-30
            amortize      level
            maturity      2049-05-30
            seniority     1
          }

          equity Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }

          account InterestReserve { initial 6.9bn  earns 4% }
          account Dsra { target 6m of debt_service  initial 0  earns 4% }
          account Trap { earns 4% }

          fee Trustee   { 5m per year escalating 2% per year }
          fee AssetMgmt { 0.1% of Campus.value per year }

          test    Dscr = cfads / debt_service over trailing 12m
          trigger CashTrap   when Dscr < 1.10x from 2030-11-30 => trap
          trigger LeaseEnded when not MetaLease.active and date > 2029-11-30 => trap
          default when Notes.interest_shortfall > 0

          waterfall {
            pay Trustee
            pay AssetMgmt
            pay Notes.interest using InterestReserve, Dsra
            pay Notes.principal using Dsra
            fill Dsra
            if LeaseEnded { pay Notes.balance using Trap }
            if CashTrap { hold rest in Trap } else { release Trap }
            distribute rest to Sponsor
          }

          enforcement {
            sell Campus haircut 20% lag 6m
            waterfall {
              pay Trustee
              pay AssetMgmt
              pay Notes.interest
              pay Notes.balance
              distribute rest to Sponsor
            }
          }
        }

        scenario Base for Hyperion {
          MetaLease renewals taken 4
        }

        scenario SlowProductivity for Hyperion {
          MetaLease renewals taken 1
          Campus.value deflate 8% per year
          market_rent deflate 3% per year
        }

        scenario Refuted for Hyperion {
          MetaLease renewals taken 0
          Campus.value drop 70% by 2034-01-01
          enforcement haircut 50% lag 12m
        }
        """;

    private const double Relative = 1e-12;

    private static readonly DealModel Model = Lower();

    private static DealModel Lower()
    {
        (DealModel? model, var diagnostics) = Analyze(Text);
        Assert.Empty(diagnostics); // no errors and no warnings either
        return model!;
    }

    [Fact]
    public void TheHeaderIsCarriedOver()
    {
        Assert.Equal("Hyperion", Model.Name);
        Assert.Equal("Beignet Investor LLC - Meta Hyperion campus notes", Model.Title);
        Assert.Equal("USD", Model.Currency);
        Assert.Equal(Frequency.Semiannual, Model.Frequency);
        Assert.Equal(DayCount.Thirty360, Model.DayCount);
        Assert.Equal(FilePath, Model.SourcePath);
    }

    [Fact]
    public void FortyEightSemiannualPeriodsWithAOneMonthFrontStub()
    {
        Assert.Equal(48, Model.ScheduledPeriods);
        Assert.Equal(new Date(2025, 10, 30), Model.Boundaries[0]);
        Assert.Equal(new Date(2025, 11, 30), Model.Boundaries[1]);
        Assert.Equal(new Date(2026, 5, 30), Model.Boundaries[2]);
        Assert.Equal(new Date(2029, 11, 30), Model.Boundaries[9]); // end of the interest-only period
        Assert.Equal(new Date(2048, 11, 30), Model.Boundaries[47]);
        Assert.Equal(new Date(2049, 5, 30), Model.Boundaries[48]);
    }

    [Fact]
    public void TheNotes()
    {
        TrancheModel notes = Assert.Single(Model.Tranches);
        Assert.Equal(("Notes", 0, 1), (notes.Name, notes.Index, notes.Seniority));
        Assert.Equal(27.3e9, notes.Balance, 27.3e9 * Relative);
        Assert.Equal(0.06581, Assert.IsType<FixedCoupon>(notes.Coupon).Rate, Relative);
        Assert.IsType<FundedAtClosing>(notes.Draw);
        LevelAmortization level = Assert.IsType<LevelAmortization>(notes.Amortization);
        Assert.Equal(new Date(2029, 11, 30), level.InterestOnlyUntil);
        // Semiannual periods roll back from the maturity 2049-05-30: a stub to 2025-11-30 (period 0), then 2026-05-30
        // (1), 2026-11-30 (2), ... 2029-11-30 (8, not after the interest-only date 2029-11-30), 2030-05-30 (9).
        Assert.Equal(9, level.FirstPrincipalPeriod);
        Assert.Equal(new Date(2049, 5, 30), notes.Maturity);
        Assert.Equal(47, notes.MaturityPeriod);
    }

    [Fact]
    public void PartiesFacilitiesLeasesAndEquity()
    {
        PartyInfo meta = Model.Parties[0];
        Assert.Equal(("Meta", "AA-"), (meta.Name, meta.Rating));
        Assert.Equal(0.0003, meta.AnnualPd, Relative); // 0.03 / 100
        Assert.Equal(0.37, meta.Recovery, Relative);
        Assert.Equal(new PartyInfo("BlueOwl", "NR", 0, 0), Model.Parties[1]);

        FacilityInfo campus = Assert.Single(Model.Facilities);
        var line = Assert.IsType<StraightLineCurve>(campus.Value);
        Assert.Equal(("Campus", 27e9, 360), (campus.Name, campus.Cost, line.LifeMonths));
        Assert.Equal(0.2, line.FloorFraction, Relative);
        Assert.Equal(new Date(2029, 11, 30), line.Start);

        LeaseModel lease = Assert.Single(Model.Leases);
        LeaseInfo info = lease.Info;
        Assert.Equal(("MetaLease", 0, 0), (info.Name, info.Facility, info.Lessee));
        Assert.Equal(3.15e9, info.RentPerYear, 3.15e9 * Relative);
        Assert.Equal(0.02, info.Escalator, Relative);
        Assert.Equal((new Date(2029, 11, 30), 48, 4, 48, true), (info.Start, info.TermMonths, info.RenewalCount, info.RenewalTermMonths, info.RenewalAtMarket));
        Assert.Equal((new Date(2045, 11, 30), 28e9), (info.RvgUntil, info.RvgCap));
        Assert.Equal(new QuantityExpression(Quantity.TrancheBalance, 0, Unit.Money, false), lease.RvgGuarantees);

        EquityInfo sponsor = Assert.Single(Model.Equities);
        Assert.Equal(2.45e9, sponsor.Contributed, 2.45e9 * Relative);
        Assert.Equal([new EquityHolder(1, 0.8), new EquityHolder(0, 0.2)], sponsor.Holders);
    }

    [Fact]
    public void AccountsAndFees()
    {
        Assert.Equal(["InterestReserve", "Dsra", "Trap"], Model.Accounts.Select(a => a.Name));
        Assert.Equal([0, 1, 2], Model.Accounts.Select(a => a.Index));
        Assert.Equal(6.9e9, Model.Accounts[0].Initial, 6.9e9 * Relative);
        Assert.All(Model.Accounts, a => Assert.Equal(0.04, a.Rate, Relative));
        Assert.Null(Model.Accounts[0].Target);
        Assert.Null(Model.Accounts[2].Target);

        // Six months of a semiannual flow is one period of it.
        Assert.Equal(new DurationOfExpression(1.0, new QuantityExpression(Quantity.DebtService, 0, Unit.Money, true)), Model.Accounts[1].Target);

        Assert.Equal(new FeeModel("Trustee", 0, new ConstantExpression(5e6, Unit.Money), 0.02), Model.Fees[0]);
        var assetMgmt = Assert.IsType<BinaryExpression>(Model.Fees[1].AnnualAmount);
        Assert.Equal(BoundBinaryOperator.Multiply, assetMgmt.Operator);
        Assert.Equal(0.001, Assert.IsType<ConstantExpression>(assetMgmt.Left).Value, Relative);
        Assert.Equal(new QuantityExpression(Quantity.FacilityValue, 0, Unit.Money, false), assetMgmt.Right);
    }

    [Fact]
    public void TestsTriggersAndTheDefaultRule()
    {
        TestModel dscr = Assert.Single(Model.Tests);
        Assert.Equal(("Dscr", 0, 2), (dscr.Name, dscr.Index, dscr.TrailingPeriods)); // 12 months / 6 per period
        Assert.Equal(
            new BinaryExpression(BoundBinaryOperator.Divide,
                new QuantityExpression(Quantity.Cfads, 0, Unit.Money, true),
                new QuantityExpression(Quantity.DebtService, 0, Unit.Money, true),
                Unit.Ratio),
            dscr.Expression);

        Assert.Equal(
            new TriggerModel("CashTrap", 0,
                new BinaryExpression(BoundBinaryOperator.Less,
                    new QuantityExpression(Quantity.TestValue, 0, Unit.Ratio, false),
                    new ConstantExpression(1.10, Unit.Ratio),
                    Unit.Bool),
                new Date(2030, 11, 30), "trap"),
            Model.Triggers[0]);
        Assert.Equal(("LeaseEnded", 1, (Date?)null), (Model.Triggers[1].Name, Model.Triggers[1].Index, Model.Triggers[1].From));

        Assert.Equal(
            new BinaryExpression(BoundBinaryOperator.Greater,
                new QuantityExpression(Quantity.TrancheInterestShortfall, 0, Unit.Money, false),
                new ConstantExpression(0, Unit.Money),
                Unit.Bool),
            Model.DefaultRule);
    }

    [Fact]
    public void WaterfallStepsAndLabels()
    {
        Assert.Equal(
            ["pay Trustee", "pay AssetMgmt", "pay Notes.interest", "pay Notes.principal", "fill Dsra", "if LeaseEnded", "if CashTrap", "distribute rest to Sponsor"],
            Model.Waterfall.Select(s => s.Label));

        var trustee = Assert.IsType<PayStep>(Model.Waterfall[0]);
        Assert.Equal((PayKind.Fee, 0), (trustee.Kind, trustee.Target));
        Assert.Empty(trustee.Using);
        var interest = Assert.IsType<PayStep>(Model.Waterfall[2]);
        Assert.Equal((PayKind.Interest, 0), (interest.Kind, interest.Target));
        Assert.Equal([0, 1], interest.Using.ToArray()); // InterestReserve, Dsra
        Assert.Equal(1, Assert.IsType<FillStep>(Model.Waterfall[4]).Account);

        var leaseEnded = Assert.IsType<IfStep>(Model.Waterfall[5]);
        Assert.Equal(new QuantityExpression(Quantity.TriggerActive, 1, Unit.Bool, false), leaseEnded.Condition);
        var sweep = Assert.IsType<PayStep>(Assert.Single(leaseEnded.Then));
        Assert.Equal(("pay Notes.balance", PayKind.Balance), (sweep.Label, sweep.Kind));
        Assert.Equal([2], sweep.Using.ToArray());
        Assert.Empty(leaseEnded.Else);

        var cashTrap = Assert.IsType<IfStep>(Model.Waterfall[6]);
        Assert.Equal(new HoldStep("hold rest in Trap", 2), Assert.Single(cashTrap.Then));
        Assert.Equal(new ReleaseStep("release Trap", 2), Assert.Single(cashTrap.Else));
        Assert.Equal(new DistributeStep("distribute rest to Sponsor", 0), Model.Waterfall[7]);
    }

    [Fact]
    public void Enforcement()
    {
        EnforcementModel enforcement = Assert.IsType<EnforcementModel>(Model.Enforcement);
        SaleInfo sale = Assert.Single(enforcement.Sales);
        Assert.Equal([new CollateralRef(CollateralKind.Facility, 0)], sale.Collateral);
        Assert.Equal((0.2, 6), (Math.Round(sale.Haircut, 12), sale.LagMonths));
        Assert.Equal(
            ["pay Trustee", "pay AssetMgmt", "pay Notes.interest", "pay Notes.balance", "distribute rest to Sponsor"],
            enforcement.Waterfall.Select(s => s.Label));
    }

    [Fact]
    public void ScenarioSpecs()
    {
        Assert.Equal(["Base", "SlowProductivity", "Refuted"], Model.Scenarios.Select(s => s.Name));

        ScenarioSpec baseCase = Model.Scenarios[0];
        Assert.Equal([4], baseCase.RenewalsTaken);
        Assert.Equal([ValueStress.None], baseCase.FacilityStress);
        Assert.Equal([null, null], baseCase.PartyDefaults); // Meta, BlueOwl
        Assert.Equal((0.0, (double?)null, (int?)null), (baseCase.MarketRentDeflation, baseCase.EnforcementHaircut, baseCase.EnforcementLagMonths));

        ScenarioSpec slow = Model.Scenarios[1];
        Assert.Equal([1], slow.RenewalsTaken);
        Assert.Equal(0.08, slow.FacilityStress[0].DeflatePerYear, Relative);
        Assert.Equal((0.0, (Date?)null), (slow.FacilityStress[0].DropFraction, slow.FacilityStress[0].DropBy));
        Assert.Equal(0.03, slow.MarketRentDeflation, Relative);

        ScenarioSpec refuted = Model.Scenarios[2];
        Assert.Equal([0], refuted.RenewalsTaken);
        Assert.Equal(0.7, refuted.FacilityStress[0].DropFraction, Relative);
        Assert.Equal(new Date(2034, 1, 1), refuted.FacilityStress[0].DropBy);
        Assert.Equal(0.5, refuted.EnforcementHaircut!.Value, Relative);
        Assert.Equal(12, refuted.EnforcementLagMonths);
    }
}
