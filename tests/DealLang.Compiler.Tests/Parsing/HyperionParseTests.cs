using DealLang.Compiler.Syntax;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// The full Hyperion sample parses cleanly and every item lands in the tree with the value written.
/// Expected values are the literals of <see cref="ParsingSamples.Hyperion"/> converted by hand
/// (27.3bn = 27.3 × 10^9, 6.581% = 6.581 / 100, 225bp = 225 / 10^4).
/// </summary>
public sealed class HyperionParseTests
{
    private const double Tolerance = 1e-12;

    private static readonly DealSyntax Deal = ParseHelper.ParseDeal(ParsingSamples.Hyperion);

    private static T Declaration<T>(string name)
        where T : NamedDeclarationSyntax =>
        Deal.OfKind<T>().Single(d => d.Name.Text == name);

    private static void AssertLiteral(ExpressionSyntax? expression, double value, LiteralKind kind)
    {
        LiteralSyntax literal = Assert.IsType<LiteralSyntax>(expression);
        Assert.Equal(kind, literal.Kind);
        Assert.Equal(value, literal.Value, Tolerance * Math.Max(1, Math.Abs(value)));
    }

    private static void AssertReference(ExpressionSyntax? expression, string text)
    {
        ReferenceSyntax reference = Assert.IsType<ReferenceSyntax>(expression);
        Assert.Equal(text, reference.ToString());
    }

    [Fact]
    public void TheWholeFileParsesWithoutDiagnostics()
    {
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(ParsingSamples.Hyperion);

        Assert.Empty(diagnostics);
        Assert.Single(unit.Deals);
        Assert.Equal(["SlowProductivity", "Refuted"], unit.Scenarios.Select(s => s.Name.Text));
    }

    [Fact]
    public void HeaderItemsAreRead()
    {
        Assert.Equal("Hyperion", Deal.Name.Text);
        Assert.Equal("Beignet Investor LLC \"Hyperion\" JV", Deal.Title!.Value); // \" unescaped
        Assert.Equal("USD", Deal.Currency!.Text);
        Assert.Equal(new Date(2025, 10, 30), Deal.Closing!.Value);
        Assert.Equal(new Date(2049, 5, 30), Deal.Maturity!.Value);
        Assert.Null(Deal.FirstPayment);
        Assert.Equal("semiannual", Deal.Frequency!.Text);
        Assert.Equal("30/360", Deal.DayCount!.Text);
    }

    [Fact]
    public void DeclarationsKeepFileOrder()
    {
        string[] expected =
        [
            "party Meta", "party BlueOwl", "facility Campus", "lease MetaLease", "tranche Notes", "tranche Junior",
            "equity Sponsor", "account Dsra", "fee Opex", "test Dscr", "trigger CashTrap", "DefaultRuleSyntax",
            "WaterfallSyntax", "EnforcementSyntax",
        ];

        Assert.Equal(expected, Deal.Declarations.Select(d =>
            d is NamedDeclarationSyntax named ? $"{named.Keyword} {named.Name.Text}" : d.GetType().Name));
    }

    [Fact]
    public void PartyTerms()
    {
        PartySyntax meta = Declaration<PartySyntax>("Meta");
        Assert.Equal("AA-", meta.Rating!.Value);
        AssertLiteral(meta.Pd, 0.0003, LiteralKind.Rate);        // 0.03% = 0.03 / 100
        AssertLiteral(meta.Recovery, 0.60, LiteralKind.Rate);    // 60%

        PartySyntax blueOwl = Declaration<PartySyntax>("BlueOwl");
        Assert.Null(blueOwl.Rating);
        Assert.Null(blueOwl.Pd);
    }

    [Fact]
    public void FacilityWithStraightLineValue()
    {
        FacilitySyntax campus = Declaration<FacilitySyntax>("Campus");
        AssertLiteral(campus.Cost, 27e9, LiteralKind.Money);
        StraightLineValueSyntax value = Assert.IsType<StraightLineValueSyntax>(campus.Value);
        Assert.Equal((30d, TimeUnit.Years), (value.Life.Amount, value.Life.Unit));
        AssertLiteral(value.Floor, 0.20, LiteralKind.Rate);
        Assert.Equal(new Date(2029, 11, 30), value.From!.Value);
    }

    [Fact]
    public void LeaseTerms()
    {
        LeaseSyntax lease = Declaration<LeaseSyntax>("MetaLease");
        Assert.Equal("Campus", lease.Facility.Text);
        Assert.Equal("Meta", lease.Lessee!.Text);
        AssertLiteral(lease.Rent, 2.6e9, LiteralKind.Money);
        AssertLiteral(lease.Escalator, 0.02, LiteralKind.Rate);
        Assert.Equal(new Date(2029, 11, 30), lease.Starts!.Value);
        Assert.Equal((4d, TimeUnit.Years, 48), (lease.Term!.Amount, lease.Term.Unit, lease.Term.WholeMonths));

        RenewalsSyntax renewals = lease.Renewals!;
        Assert.Equal(4, renewals.Count);
        Assert.Equal((4d, TimeUnit.Years), (renewals.Term.Amount, renewals.Term.Unit));
        Assert.False(renewals.RentAtMarket);

        RvgSyntax rvg = lease.Rvg!;
        AssertReference(rvg.Guarantees, "Notes.balance");
        AssertLiteral(rvg.Cap, 28e9, LiteralKind.Money);
        Assert.Equal(new Date(2045, 11, 30), rvg.Until!.Value);
    }

    [Fact]
    public void SeniorNotes()
    {
        TrancheSyntax notes = Declaration<TrancheSyntax>("Notes");
        AssertLiteral(notes.Balance, 27_300_000_000, LiteralKind.Money);
        AssertLiteral(notes.Coupon, 0.06581, LiteralKind.Rate);
        Assert.Equal(new Date(2029, 11, 30), notes.InterestOnlyUntil!.Value);
        Assert.Equal(AmortizationKind.Level, notes.Amortization!.Kind);
        Assert.Null(notes.Maturity);
        Assert.Null(notes.Seniority);
    }

    [Fact]
    public void JuniorTrancheCouponIsASum()
    {
        TrancheSyntax junior = Declaration<TrancheSyntax>("Junior");
        AssertLiteral(junior.Balance, 450e6, LiteralKind.Money);     // 'm' is millions in a value
        BinaryExpressionSyntax coupon = Assert.IsType<BinaryExpressionSyntax>(junior.Coupon);
        Assert.Equal(BinaryOperator.Add, coupon.Operator);
        AssertLiteral(coupon.Left, 0.06581, LiteralKind.Rate);
        AssertLiteral(coupon.Right, 0.0225, LiteralKind.Rate);        // 225bp = 225 / 10^4
        Assert.Equal(AmortizationKind.Bullet, junior.Amortization!.Kind);
        Assert.Equal(new Date(2049, 5, 30), junior.Maturity!.Value);
        Assert.Equal(2, junior.Seniority!.Rank);
    }

    [Fact]
    public void EquityAccountAndFee()
    {
        EquitySyntax sponsor = Declaration<EquitySyntax>("Sponsor");
        AssertLiteral(sponsor.Contributed, 2.45e9, LiteralKind.Money);
        Assert.Equal(["BlueOwl", "Meta"], sponsor.Holders.Select(h => h.Party.Text));
        AssertLiteral(sponsor.Holders[0].Share, 0.80, LiteralKind.Rate);
        AssertLiteral(sponsor.Holders[1].Share, 0.20, LiteralKind.Rate);

        AccountSyntax dsra = Declaration<AccountSyntax>("Dsra");
        DurationOfSyntax target = Assert.IsType<DurationOfSyntax>(dsra.Target);
        Assert.Equal((6d, TimeUnit.Months, 6), (target.Duration.Amount, target.Duration.Unit, target.Duration.WholeMonths));
        AssertReference(target.Flow, "debt_service");
        AssertLiteral(dsra.Initial, 0, LiteralKind.Number);
        AssertLiteral(dsra.Earns, 0.04, LiteralKind.Rate);

        FeeSyntax opex = Declaration<FeeSyntax>("Opex");
        BinaryExpressionSyntax amount = Assert.IsType<BinaryExpressionSyntax>(opex.Amount);
        Assert.Equal(BinaryOperator.Of, amount.Operator);            // 1% of X multiplies: % is not a time unit
        AssertLiteral(amount.Left, 0.01, LiteralKind.Rate);
        AssertReference(amount.Right, "Campus.cost");
        AssertLiteral(opex.Escalator, 0.02, LiteralKind.Rate);
    }

    [Fact]
    public void TestTriggerAndDefaultRule()
    {
        TestSyntax dscr = Declaration<TestSyntax>("Dscr");
        BinaryExpressionSyntax ratio = Assert.IsType<BinaryExpressionSyntax>(dscr.Expression);
        Assert.Equal(BinaryOperator.Divide, ratio.Operator);
        AssertReference(ratio.Left, "cfads");
        AssertReference(ratio.Right, "debt_service");
        Assert.Equal((12d, TimeUnit.Months), (dscr.Trailing!.Amount, dscr.Trailing.Unit));
        Assert.Null(dscr.From);

        TriggerSyntax trap = Declaration<TriggerSyntax>("CashTrap");
        BinaryExpressionSyntax condition = Assert.IsType<BinaryExpressionSyntax>(trap.Condition);
        Assert.Equal(BinaryOperator.Less, condition.Operator);
        AssertReference(condition.Left, "Dscr");
        AssertLiteral(condition.Right, 1.10, LiteralKind.Ratio);
        Assert.Equal(new Date(2030, 11, 30), trap.From!.Value);
        Assert.Equal("trap", Assert.IsType<NamedEffectSyntax>(Assert.Single(trap.Effects)).Word.Text);

        DefaultRuleSyntax rule = Deal.OfKind<DefaultRuleSyntax>().Single();
        BinaryExpressionSyntax shortfall = Assert.IsType<BinaryExpressionSyntax>(rule.Condition);
        Assert.Equal(BinaryOperator.Greater, shortfall.Operator);
        AssertReference(shortfall.Left, "Notes.interest_shortfall");
        AssertLiteral(shortfall.Right, 0, LiteralKind.Number);
    }

    [Fact]
    public void WaterfallSteps()
    {
        WaterfallSyntax waterfall = Deal.OfKind<WaterfallSyntax>().Single();
        Assert.Equal(
            ["pay Opex", "pay Notes.interest using Dsra", "pay Junior.interest", "fill Dsra", "pay Notes.principal",
             "if", "distribute Sponsor"],
            waterfall.Steps.Select(Describe));

        IfStepSyntax ifStep = Assert.IsType<IfStepSyntax>(waterfall.Steps[5]);
        AssertReference(ifStep.Condition, "CashTrap");
        Assert.Equal(["hold Dsra"], ifStep.Then.Select(Describe));
        Assert.Equal(["release Dsra"], ifStep.Else.Select(Describe));
    }

    [Fact]
    public void EnforcementBlock()
    {
        EnforcementSyntax enforcement = Deal.OfKind<EnforcementSyntax>().Single();
        SellSyntax sale = Assert.Single(enforcement.Sales);
        Assert.Equal(["Campus"], sale.Assets.Select(a => a.Text));
        AssertLiteral(sale.Haircut, 0.20, LiteralKind.Rate);
        Assert.Equal((6d, TimeUnit.Months), (sale.Lag!.Amount, sale.Lag.Unit));
        Assert.Equal(
            ["pay Notes.interest", "pay Notes.balance", "pay Junior.balance", "distribute Sponsor"],
            enforcement.Waterfall!.Steps.Select(Describe));
    }

    [Fact]
    public void Scenarios()
    {
        (CompilationUnitSyntax unit, _) = ParseHelper.Parse(ParsingSamples.Hyperion);

        ScenarioSyntax slow = unit.Scenarios[0];
        Assert.Equal("Hyperion", slow.Deal.Text);
        RenewalsTakenSyntax taken = Assert.IsType<RenewalsTakenSyntax>(slow.Items[0]);
        Assert.Equal(("MetaLease", 1), (taken.Lease.Text, taken.Count));
        DeflateSyntax deflate = Assert.IsType<DeflateSyntax>(slow.Items[1]);
        Assert.Equal("market_rent", deflate.Path.ToString());
        AssertLiteral(deflate.Rate, 0.08, LiteralKind.Rate);

        ScenarioSyntax refuted = unit.Scenarios[1];
        Assert.Equal(0, Assert.IsType<RenewalsTakenSyntax>(refuted.Items[0]).Count);
        DropSyntax drop = Assert.IsType<DropSyntax>(refuted.Items[1]);
        Assert.Equal("Campus.value", drop.Path.ToString());
        AssertLiteral(drop.Fraction, 0.70, LiteralKind.Rate);
        Assert.Equal(new Date(2034, 1, 1), drop.By.Value);
        PartyDefaultsSyntax defaults = Assert.IsType<PartyDefaultsSyntax>(refuted.Items[2]);
        Assert.Equal(("Meta", new Date(2035, 6, 30)), (defaults.Party.Text, defaults.On.Value));
        EnforcementOverrideSyntax enforcement = Assert.IsType<EnforcementOverrideSyntax>(refuted.Items[3]);
        AssertLiteral(enforcement.Haircut, 0.50, LiteralKind.Rate);
        Assert.Equal((12d, TimeUnit.Months), (enforcement.Lag!.Amount, enforcement.Lag.Unit));
    }

    private static string Describe(StepSyntax step) => step switch
    {
        PayStepSyntax pay when pay.Using.IsEmpty => $"pay {pay.Target}",
        PayStepSyntax pay => $"pay {pay.Target} using {string.Join(", ", pay.Using)}",
        FillStepSyntax fill => $"fill {fill.Account}",
        ReleaseStepSyntax release => $"release {release.Account}",
        HoldStepSyntax hold => $"hold {hold.Account}",
        DistributeStepSyntax distribute => $"distribute {distribute.Equity}",
        IfStepSyntax => "if",
        _ => step.GetType().Name,
    };
}
