using System.Collections.Immutable;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>
/// A Hyperion-like deal built by hand as the IR the analyzer would produce, so the emitter can be tested before
/// (and independently of) the parser and analyzer. Shape of the deal file it stands for:
/// <code>
/// deal Hyperion {
///   closing 2025-10-30  maturity 2049-05-30  pay semiannual  daycount 30/360
///   party Meta { rating "AA-" pd 0.03% recovery 60% }
///   facility Campus { cost 27bn value straight_line 30y floor 20% }
///   lease MetaLease on Campus { lessee Meta rent 2.6bn per year escalating 2% per year starts 2025-10-30 term 4y
///                               renewals 4 x 4y at lessee option  rvg guarantees Notes.balance cap 5bn until 2041-10-30 }
///   tranche Notes { balance 27.3bn coupon 6.581% fixed interest_only until 2029-11-30 amortize level }
///   equity Sponsor { contributed 2.45bn holders Meta 100% }
///   account Dsra { target 6m of debt_service earns 4% }
///   account Trap
///   fee Opex { 0.5% of Campus.value per year escalating 2% per year }
///   test Dscr = cfads / debt_service over trailing 12m
///   trigger CashTrap when Dscr &lt; 1.10x from 2030-11-30 =&gt; trap
///   default when Notes.interest_shortfall &gt; 0
///   waterfall { pay Opex  pay Notes.interest using Dsra  pay Notes.principal using Dsra  fill Dsra
///               if CashTrap { hold rest in Trap } else { release Trap  distribute rest to Sponsor } }
///   enforcement { sell Campus haircut 20% lag 6m
///                 waterfall { pay Opex  pay Notes.interest  pay Notes.balance  distribute rest to Sponsor } }
/// }
/// </code>
/// </summary>
internal static class HyperionModel
{
    public const double NotesBalance = 27_300_000_000;
    public const double Coupon = 0.06581;
    public const double RvgCap = 5_000_000_000;
    public const int Periods = 48;

    public static readonly Date Closing = new(2025, 10, 30);
    public static readonly Date Maturity = new(2049, 5, 30);

    public static DealModel Create(
        string name = "Hyperion",
        string title = "Hyperion (Meta / Blue Owl), Richland Parish, Louisiana",
        string trancheName = "Notes",
        string accountName = "Dsra",
        AmortizationModel? amortization = null,
        string sourcePath = "/deals/hyperion.deal",
        IReadOnlyList<BoundExpression>? extraTests = null,
        Date? dscrFrom = null)
    {
        var boundaries = Schedule.Boundaries(Closing, Maturity, Frequency.Semiannual).ToImmutableArray();
        var notesBalance = new QuantityExpression(Quantity.TrancheBalance, 0, Unit.Money, IsFlow: false);

        var lease = new LeaseModel(
            new LeaseInfo("MetaLease", Facility: 0, Lessee: 0, RentPerYear: 2.6e9, Escalator: 0.02, Start: Closing,
                TermMonths: 48, RenewalCount: 4, RenewalTermMonths: 48, RenewalAtMarket: false,
                RvgUntil: new Date(2041, 10, 30), RvgCap: RvgCap),
            RvgGuarantees: notesBalance);

        // Interest only until 2029-11-30: principal from period 9, the first ending after it (2030-05-30; period 0
        // is the stub to 2025-11-30, as the periods roll back from the maturity 2049-05-30).
        var notes = new TrancheModel(trancheName, 0, NotesBalance, new FixedCoupon(Coupon),
            (amortization ?? new LevelAmortization()) with { InterestOnlyUntil = new Date(2029, 11, 30), FirstPrincipalPeriod = 9 },
            new FundedAtClosing(), Maturity, MaturityPeriod: Periods - 1, Seniority: 1, new CashInterest());

        var dsraTarget = new DurationOfExpression(1.0, new QuantityExpression(Quantity.DebtService, 0, Unit.Money, IsFlow: true));
        var accounts = ImmutableArray.Create(
            new AccountModel(accountName, 0, Initial: 0, Rate: 0.04, Target: dsraTarget),
            new AccountModel("Trap", 1, Initial: 0, Rate: 0, Target: null));

        var opexAmount = new BinaryExpression(BoundBinaryOperator.Multiply,
            new ConstantExpression(0.005, Unit.Rate),
            new QuantityExpression(Quantity.FacilityValue, 0, Unit.Money, IsFlow: false),
            Unit.Money);
        var fees = ImmutableArray.Create(new FeeModel("Opex", 0, opexAmount, Escalator: 0.02));

        var dscr = new TestModel("Dscr", 0,
            new BinaryExpression(BoundBinaryOperator.Divide,
                new QuantityExpression(Quantity.Cfads, 0, Unit.Money, IsFlow: true),
                new QuantityExpression(Quantity.DebtService, 0, Unit.Money, IsFlow: true),
                Unit.Ratio),
            TrailingPeriods: 2, From: dscrFrom);
        var tests = ImmutableArray.CreateBuilder<TestModel>();
        tests.Add(dscr);
        for (int i = 0; i < (extraTests?.Count ?? 0); i++)
        {
            tests.Add(new TestModel("X" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i + 1, extraTests![i], TrailingPeriods: 1, From: null));
        }

        var cashTrap = new TriggerModel("CashTrap", 0,
            new BinaryExpression(BoundBinaryOperator.Less,
                new QuantityExpression(Quantity.TestValue, 0, Unit.Ratio, IsFlow: false),
                new ConstantExpression(1.10, Unit.Ratio),
                Unit.Bool),
            From: new Date(2030, 11, 30), Effect: "trap");

        var defaultRule = new BinaryExpression(BoundBinaryOperator.Greater,
            new QuantityExpression(Quantity.TrancheInterestShortfall, 0, Unit.Money, IsFlow: false),
            new ConstantExpression(0, Unit.Money),
            Unit.Bool);

        string n = trancheName;
        string a = accountName;
        var waterfall = ImmutableArray.Create<StepModel>(
            new PayStep("pay Opex", PayKind.Fee, 0, []),
            new PayStep("pay " + n + ".interest", PayKind.Interest, 0, [0]),
            new PayStep("pay " + n + ".principal", PayKind.Principal, 0, [0]),
            new FillStep("fill " + a, 0),
            new IfStep("if CashTrap",
                new QuantityExpression(Quantity.TriggerActive, 0, Unit.Bool, IsFlow: false),
                [new HoldStep("hold rest in Trap", 1)],
                [new ReleaseStep("release Trap", 1), new DistributeStep("distribute rest to Sponsor", 0)]));

        var enforcement = new EnforcementModel(
            [new SaleInfo([new CollateralRef(CollateralKind.Facility, 0)], Haircut: 0.20, LagMonths: 6)],
            [
                new PayStep("pay Opex", PayKind.Fee, 0, []),
                new PayStep("pay " + n + ".interest", PayKind.Interest, 0, []),
                new PayStep("pay " + n + ".balance", PayKind.Balance, 0, []),
                new DistributeStep("distribute rest to Sponsor", 0),
            ]);

        var scenarios = ImmutableArray.Create(
            new ScenarioSpec("Base", [null], [ValueStress.None], 0, [null], null, null),
            new ScenarioSpec("MetaWalks", [0], [new ValueStress(0.03, 0.25, new Date(2032, 10, 30))], 0.01,
                [new Date(2031, 1, 15)], 0.35, 12));

        return new DealModel
        {
            Name = name,
            Title = title,
            Currency = "USD",
            SourcePath = sourcePath,

            Closing = Closing,
            Maturity = Maturity,
            Frequency = Frequency.Semiannual,
            DayCount = DayCount.Thirty360,
            Boundaries = boundaries,

            Parties = [new PartyInfo("Meta", "AA-", 0.0003, 0.60)],
            Facilities = [new FacilityInfo("Campus", 27e9, new StraightLineCurve(360, 0.20, Closing))],
            Leases = [lease],
            Tranches = [notes],
            Equities = [new EquityInfo("Sponsor", 2.45e9, [new EquityHolder(0, 1.0)])],
            Accounts = accounts,
            Fees = fees,

            Tests = tests.ToImmutable(),
            Triggers = [cashTrap],
            DefaultRule = defaultRule,
            Waterfall = waterfall,
            Enforcement = enforcement,
            Scenarios = scenarios,
        };
    }
}
