using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>DL04xx: the structural rules, one per test.</summary>
public sealed class StructureTests
{
    [Fact]
    public void TheSmallDealIsValid()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal());

        Assert.NotNull(model);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void EveryMissingHeaderItemIsReportedAtTheDealName()
    {
        var diagnostics = Errors("deal Bare {\n  tranche Notes { balance 1m coupon 1% }\n  equity Eq { contributed 1m }\n  waterfall { pay Notes.interest pay Notes.principal distribute rest to Eq }\n}");

        var missing = diagnostics.Where(d => d.Code == "DL0403").ToList();
        Assert.Equal(
            [
                "deal 'Bare' needs a currency (e.g. 'currency USD')",
                "deal 'Bare' needs a closing date (e.g. 'closing 2025-10-30')",
                "deal 'Bare' needs a maturity date (e.g. 'maturity 2049-05-30')",
                "deal 'Bare' needs a payment frequency (e.g. 'pay semiannual')",
                "deal 'Bare' needs a day count (e.g. 'daycount 30/360')",
            ],
            missing.Select(d => d.Message)); // same position, so in the order the checks run
        Assert.All(missing, d => At(d, 1, 6));
    }

    [Fact]
    public void ClosingMustComeBeforeMaturity()
    {
        string text = Deal().Replace("maturity 2030-01-01", "maturity 2024-01-01", StringComparison.Ordinal);

        Diagnostic d = Single(Errors(text), "DL0404");
        Assert.Equal("the closing date 2025-01-01 must be before the maturity date 2024-01-01", d.Message);
        At(d, 4, 12);
    }

    [Theory]
    [InlineData("2125-01-01", false)] // closing 2025-01-01 + 100 years: the longest term without the warning
    [InlineData("2125-01-02", true)]  // a day more
    [InlineData("2205-01-01", true)]  // 2205 for 2050
    public void AMaturityMoreThanACenturyAfterTheClosingIsAWarning(string maturity, bool reported)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal().Replace("maturity 2030-01-01", "maturity " + maturity, StringComparison.Ordinal));

        Assert.NotNull(model); // a warning: the deal still compiles
        Assert.Equal(reported, diagnostics.Any(d => d.Code == "DL0448" && d.Severity == Severity.Warning));
        if (reported)
        {
            Diagnostic d = Assert.Single(diagnostics);
            Assert.Equal($"the maturity {maturity} is more than 100 years after the closing 2025-01-01: no debt runs that long; is the year right?", d.Message);
            At(d, 4, 12);
        }
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2030-01-02")]
    public void TheFirstPaymentFallsAfterClosingAndByMaturity(string date)
    {
        string text = Deal().Replace("  pay annual", $"  pay annual\n  first_payment {date}", StringComparison.Ordinal);

        Assert.Equal(
            $"the first payment date {date} must be after closing (2025-01-01) and not after maturity (2030-01-01)",
            Single(Errors(text), "DL0405").Message);
    }

    [Fact]
    public void AMisspeltFrequencyGetsASuggestion()
    {
        string text = Deal().Replace("pay annual", "pay semianual", StringComparison.Ordinal);

        Diagnostic d = Single(Errors(text), "DL0406");
        Assert.Equal("'semianual' is not a payment frequency; did you mean 'semiannual'? (use monthly, quarterly, semiannual or annual)", d.Message);
        At(d, 5, 7);
    }

    [Fact]
    public void AnUnknownDayCountListsTheValidOnes()
    {
        string text = Deal().Replace("30/360", "30/365", StringComparison.Ordinal);

        Assert.Equal("'30/365' is not a day count (use 30/360, 30E/360, ACT/360, ACT/365F or ACT/ACT)", Single(Errors(text), "DL0407").Message);
    }

    [Theory]
    [InlineData("  tranche B { balance 1m }", "tranche 'B' needs a coupon (e.g. 'coupon 6.581% fixed')")]
    [InlineData("  equity E2 { }", "equity 'E2' needs a contributed amount (e.g. 'contributed 2.45bn')")]
    [InlineData("  facility F { value straight_line 30y }", "facility 'F' needs a cost (e.g. 'cost 27bn')")]
    [InlineData("  facility F { cost 1bn }", "facility 'F' needs a value curve (e.g. 'value straight_line 30y floor 20%')")]
    [InlineData("  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P rent 1m per year starts 2026-01-01 }",
        "lease 'L' needs a term (e.g. 'term 4y')")]
    [InlineData("  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P starts 2026-01-01 term 4y }",
        "lease 'L' needs a rent (e.g. 'rent 2.6bn per year')")]
    [InlineData("  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P rent 1m per year starts 2026-01-01 term 4y rvg until 2028-01-01 }",
        "lease 'L' needs a cap for its residual value guarantee (e.g. 'rvg cap 28bn until 2045-11-30')")]
    public void RequiredItemsAreNamed(string extra, string message)
    {
        Diagnostic d = Errors(Deal(extra)).First(x => x.Code == "DL0408");

        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void ATrancheThatIsNeverPaidIsReportedAtItsName()
    {
        Diagnostic d = Single(Errors(Deal("  tranche Junior { balance 1m coupon 9% }")), "DL0409");

        Assert.Equal("tranche 'Junior' is never paid in the waterfall (add 'pay Junior.interest' and 'pay Junior.principal')", d.Message);
        At(d, 9, 11);
    }

    [Fact]
    public void PayingInterestOnlyLeavesThePrincipalUnpaid()
    {
        Diagnostic d = Single(Errors(Deal(waterfall: "pay Notes.interest\n    distribute rest to Eq")), "DL0409");

        Assert.Equal("the principal of tranche 'Notes' is never paid in the waterfall (add 'pay Notes.principal' or 'pay Notes.balance')", d.Message);
    }

    [Fact]
    public void PayingTheBalanceInsideAnIfCounts()
    {
        ModelOf(Deal(
            "  trigger Sweep when cfads > 0 => trap",
            "pay Notes.interest\n    if Sweep { pay Notes.balance }\n    distribute rest to Eq"));
    }

    [Fact]
    public void TheWaterfallMustEndWithTheEquity()
    {
        Diagnostic d = Single(Errors(Deal(waterfall: "pay Notes.interest\n    distribute rest to Eq\n    pay Notes.principal")), "DL0410");

        Assert.Equal("the waterfall must end with 'distribute rest to <equity>' so that the cash left over goes to the equity", d.Message);
        At(d, 13, 5);
    }

    [Fact]
    public void ADealNeedsAWaterfall()
    {
        string text = "deal D {\n  currency USD\n  closing 2025-01-01\n  maturity 2030-01-01\n  pay annual\n  daycount 30/360\n}";

        Assert.Equal("deal 'D' needs a waterfall { ... } saying how cash is paid out", Single(Errors(text), "DL0411").Message);
    }

    [Theory]
    [InlineData("  waterfall { distribute rest to Eq }", "waterfall")]
    [InlineData("  default when cfads < 0\n  default when cfads < 1m\n  enforcement { }", "default rule")]
    [InlineData("  enforcement { }\n  enforcement { }", "enforcement block")]
    public void BlocksThatMayAppearOnceAreReportedTheSecondTime(string extra, string block)
    {
        Diagnostic d = Single(Errors(Deal(extra)), "DL0412");

        Assert.StartsWith($"a deal has at most one {block}; the first one is at test.deal(", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADefaultRuleWithoutEnforcementIsAWarning()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal("  default when Notes.interest_shortfall > 0"));

        Assert.NotNull(model);
        Diagnostic d = Single(diagnostics, "DL0413");
        Assert.Equal(Severity.Warning, d.Severity);
        At(d, 9, 3);
    }

    [Fact]
    public void CashHeldButNeverReleasedIsAWarning()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            "  account Trap",
            "pay Notes.interest\n    pay Notes.principal\n    hold rest in Trap\n    distribute rest to Eq"));

        Assert.NotNull(model);
        Diagnostic d = Single(diagnostics, "DL0415");
        Assert.Equal("cash in 'Trap' is never released: no step releases it or draws on it with 'using Trap'", d.Message);
        At(d, 13, 18);
    }

    private const string CureIntoTrap =
        "  account Trap\n  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Eq up to 2 times into Trap => trap";

    [Fact]
    public void AnAccountOnlyCuresAreDepositedInIsNeverReleasedEither()
    {
        // The cure's 'into Trap' (line 11, column 60) is the only money into Trap, and no step draws on or releases it:
        // the cures would sit there to the maturity. Before, only 'fill' and 'hold rest in' counted: no warning.
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(CureIntoTrap));

        Assert.NotNull(model);
        Diagnostic d = Single(diagnostics, "DL0415");
        Assert.Equal("cash in 'Trap' is never released: no step releases it or draws on it with 'using Trap'", d.Message);
        At(d, 11, 60);
    }

    [Theory]
    [InlineData("pay Notes.interest using Trap\n    pay Notes.principal\n    distribute rest to Eq")]
    [InlineData("pay Notes.interest\n    pay Notes.principal\n    release Trap\n    distribute rest to Eq")]
    public void AnAccountCuresAreDepositedInAndTheWaterfallDrawsOrReleasesIsNotReported(string waterfall) =>
        Assert.DoesNotContain(Analyze(Deal(CureIntoTrap, waterfall)).Diagnostics, d => d.Code == "DL0415");

    [Fact]
    public void AnAccountDrawnByUsingIsReleased()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            "  account Dsra { target 6m of debt_service }",
            "pay Notes.interest using Dsra\n    pay Notes.principal\n    fill Dsra\n    distribute rest to Eq"));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("2025-01-02")] // the day after closing
    [InlineData("2030-01-01")] // the maturity itself
    public void ATestMayBeTestedFromAnyDateAfterClosingUpToMaturity(string from)
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal($"  test T = cfads / debt_service over trailing 12m from {from}"));

        Assert.Empty(diagnostics);
        Assert.NotNull(model);
    }

    [Fact]
    public void AnUnknownTriggerEffectIsReportedWithTheEffectsThereAre()
    {
        Diagnostic d = Single(Errors(Deal("  trigger X when cfads < 0 => trapp")), "DL0416");

        Assert.Equal("'trapp' is not a trigger effect; did you mean 'trap'? (the effects are 'trap', 'event_of_default', 'sweep X% to T' and 'accelerate')", d.Message);
    }

    [Theory]
    [InlineData("  test Dscr = cfads / debt_service\n  trigger X when Dscr <= 1.2x cure by Eq up to 2 times prepaying Notes => trap", "DL0456")]
    [InlineData("  test Cover = debt_service / cfads\n  trigger X when Cover < 1.2x cure by Eq up to 2 times prepaying Notes => trap", "DL0456")]
    [InlineData("  test Dscr = cfads / (debt_service + cfads)\n  trigger X when Dscr < 1.2x cure by Eq up to 2 times prepaying Notes => trap", "DL0456")]
    [InlineData("  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Notes up to 1 times prepaying Notes => trap", "DL0205")]
    [InlineData("  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Eq up to 2 times => trap", "DL0457")]
    [InlineData("  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Eq up to 2 times prepaying Eq => trap", "DL0205")]
    [InlineData("  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Eq up to 2 times into Notes => trap", "DL0205")]
    public void AnEquityCureNeedsACoverageTestBelowAConstantAnEquityAndACountOfOneOrMore(string extra, string code)
    {
        Single(Errors(Deal(extra)), code);
    }

    [Fact]
    public void AnEquityCurePrepayingATrancheTwiceIsWarnedAboutAtTheRepeat()
    {
        var diagnostics = DealCompiler.Check("test.deal", Deal("  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Eq up to 2 times prepaying Notes, Notes => trap")).Diagnostics;

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0455", "trigger 'X' already has tranche 'Notes' in 'prepaying'; remove the repeat"), (d.Code, d.Message));
        Assert.Equal((10, 72), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void AnEquityCureCountOfZeroIsReportedWhereItIsWritten()
    {
        var diagnostics = DealCompiler.Check("test.deal", Deal("  test Dscr = cfads / debt_service\n  trigger X when Dscr < 1.2x cure by Eq up to 0 times prepaying Notes => trap")).Diagnostics;

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0106", d.Code);
        Assert.Equal((10, 47), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void AnEmptySequentialGroupIsReported()
    {
        Single(Errors(Deal(waterfall: "pay Notes.interest\n    sequential { }\n    pay Notes.principal\n    distribute rest to Eq")), "DL0453");
    }

    [Fact]
    public void TriggerEffectsNameTranchesAndTakeARateShare()
    {
        // A sweep to an equity (DL0205), a share given as money (DL0302), above 100% (DL0307), accelerate naming an
        // equity (DL0205), and an effect repeated (DL0455, a warning).
        var all = Errors(Deal("  trigger X when cfads < 0 => sweep 50% to Eq, sweep 2m to Notes, accelerate (Eq), trap, trap\n  trigger Y when cfads < 0 => sweep 150% to Notes"));

        Assert.Equal("DL0205 DL0205 DL0302 DL0307 DL0455", string.Join(' ', all.Select(d => d.Code).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P rent 1m per year starts 2024-06-30 term 4y }",
        "the start of lease 'L' (2024-06-30) must be on or after closing (2025-01-01)")]
    [InlineData("  tranche B { balance 1m coupon 1% maturity 2031-01-01 }",
        "the maturity of tranche 'B' (2031-01-01) must be after closing (2025-01-01) and not after the deal's maturity (2030-01-01)")]
    [InlineData("  tranche B { balance 1m coupon 1% interest_only until 2025-01-01 }",
        "the interest-only end of tranche 'B' (2025-01-01) must be after closing (2025-01-01) and not after the deal's maturity (2030-01-01)")]
    [InlineData("  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P rent 1m per year starts 2026-01-01 term 4y rvg cap 1bn until 2025-06-30 }",
        "the end of the residual value guarantee of lease 'L' (2025-06-30) must be after the lease starts (2026-01-01)")]
    [InlineData("  test T = cfads from 2025-01-01",
        "the 'from' date of test 'T' (2025-01-01) must be after closing (2025-01-01) and not after the deal's maturity (2030-01-01)")]
    [InlineData("  test T = cfads over trailing 12m from 2030-01-02",
        "the 'from' date of test 'T' (2030-01-02) must be after closing (2025-01-01) and not after the deal's maturity (2030-01-01)")]
    public void DatesStayInRange(string extra, string message)
    {
        Assert.Equal(message, Single(Errors(Deal(extra)), "DL0417").Message);
    }

    [Fact]
    public void ScheduleDatesMustIncrease()
    {
        Diagnostic d = Single(Errors(Deal("  facility F { cost 1bn value schedule { 2027-01-01 900m, 2026-01-01 800m } }")), "DL0418");

        Assert.Equal("schedule dates must increase: 2026-01-01 does not come after 2027-01-01", d.Message);
        At(d, 9, 59); // the second date, after "  facility F { cost 1bn value schedule { 2027-01-01 900m, "
    }

    [Fact]
    public void AScheduleNeedsPoints()
    {
        Assert.Equal(
            "the value schedule of facility 'F' has no points; give at least one 'DATE AMOUNT'",
            Single(Errors(Deal("  facility F { cost 1bn value schedule { } }")), "DL0419").Message);
    }

    [Fact]
    public void AnAmortisationScheduleThatDoesNotRepayIsAWarning()
    {
        string text = Deal().Replace("coupon 5%", "coupon 5% amortize schedule { 2026-01-01 30m 2027-01-01 30m }", StringComparison.Ordinal);

        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(text);

        Assert.NotNull(model);
        Assert.Equal(
            "the amortisation schedule of tranche 'Notes' adds up to 60,000,000, not its balance 100,000,000; the rest is due at maturity",
            Single(diagnostics, "DL0423").Message);
    }

    [Fact]
    public void PayingJuniorInterestBeforeSeniorInterestIsAWarning()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            "  tranche Junior { balance 1m coupon 9% }",
            "pay Junior.interest\n    pay Notes.interest\n    pay Notes.principal\n    pay Junior.principal\n    distribute rest to Eq"));

        Assert.NotNull(model);
        Diagnostic d = Single(diagnostics, "DL0420");
        Assert.Equal("'Junior.interest' is paid before 'Notes.interest', but 'Notes' is more senior", d.Message);
        At(d, 11, 9);
    }

    [Fact]
    public void ExplicitSeniorityDecidesWhoIsSenior()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            "  tranche Senior { balance 1m coupon 4% seniority 1 }",
            "pay Senior.interest\n    pay Notes.interest\n    pay Notes.principal\n    pay Senior.principal\n    distribute rest to Eq")
            .Replace("coupon 5%", "coupon 5% seniority 2", StringComparison.Ordinal));

        Assert.DoesNotContain(diagnostics, d => d.Code == "DL0420");
    }

    [Fact]
    public void HolderSharesAddUpToOneHundredPercent()
    {
        Diagnostic d = Single(Errors(Deal("  party A { }\n  party B { }\n  equity E2 { contributed 1m holders A 80%, B 10% }")), "DL0421");

        Assert.Equal("the holders' shares of equity 'E2' add up to 90%, not 100%", d.Message);
    }

    [Fact]
    public void SeniorityZeroInTheFileIsTheCheckersToReport()
    {
        // 'seniority 0' is a whole number: the parser reads it and leaves it to DL0422, which names the tranche (a rank
        // that is not whole, 1.5, is the parser's DL0106).
        string text = Deal("  tranche Junior { balance 1m  coupon 5%  seniority 0 }");
        Diagnostic d = Single(Errors(text), "DL0422");

        Assert.Equal("the seniority of tranche 'Junior' must be 1 (most senior) or more, not 0", d.Message);
        // Located at the item, where the reader fixes it.
        string[] lines = text.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains("tranche Junior", StringComparison.Ordinal));
        Assert.Equal((line + 1, lines[line].IndexOf("seniority 0", StringComparison.Ordinal) + 1), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void SeniorityStartsAtOne()
    {
        // A hand-built tree can carry a rank below 1 that no file can write ('-1' is not a number the parser reads).
        var bag = new DiagnosticBag();
        CompilationUnitSyntax unit = DealParser.Parse(SemanticHarness.FilePath, Deal(), bag);
        DealSyntax deal = unit.Deals[0];
        var tranche = deal.OfKind<TrancheSyntax>().Single();
        var zero = tranche with { Seniority = new SenioritySyntax(0, tranche.Name.Span) };
        unit = unit with { Deals = [deal with { Declarations = deal.Declarations.Replace(tranche, zero) }] };

        Assert.Null(DealCompiler.Analyze(unit, bag));
        Assert.Equal("the seniority of tranche 'Notes' must be 1 (most senior) or more, not 0", Single(bag.Items, "DL0422").Message);
    }

    [Fact]
    public void DaysAreRoundedUpToWholeMonthsWithAWarning()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            "  facility F { cost 1bn value straight_line 30y }\n  enforcement { sell F lag 45d }"));

        Assert.NotNull(model);
        Assert.Equal("45d is not a whole number of months; it is rounded up to 2 months", Single(diagnostics, "DL0313").Message);
        Assert.Equal(2, model!.Enforcement!.Sales[0].LagMonths); // 45 / (365.25 / 12) = 1.48 months, rounded up
    }

    [Fact]
    public void ATriggerFromDateOutsideTheDealIsAnError()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal("  trigger T when cfads < 0 from 2099-01-01 => trap"));

        Assert.Null(model);
        Assert.StartsWith("the 'from' date of trigger 'T' (2099-01-01) must be", Single(diagnostics, "DL0417").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFacilitySoldTwiceOnEnforcementIsAnError()
    {
        // Sold twice, its proceeds would be counted twice: lenders' recovery overstated.
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal(
            "  facility F { cost 1bn value straight_line 30y }\n  enforcement { sell F haircut 10%\n  sell F haircut 50% }"));

        Assert.Null(model);
        string message = Single(diagnostics, "DL0424").Message;
        Assert.StartsWith("facility 'F' is already sold on enforcement (line ", message, StringComparison.Ordinal);
        Assert.EndsWith("); each facility can be sold once", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrailingWindowThatIsNotWholePeriodsIsAWarning()
    {
        (DealModel? model, IReadOnlyList<Diagnostic> diagnostics) = Analyze(Deal("  test T = cfads / debt_service over trailing 18m"));

        Assert.NotNull(model);
        Assert.Equal("trailing 18m is not a whole number of annual periods; 2 periods are used", Single(diagnostics, "DL0315").Message);
        Assert.Equal(2, model!.Tests[0].TrailingPeriods); // 18 / 12 = 1.5, rounded half away from zero
    }

    [Fact]
    public void AZeroTermIsAnError()
    {
        var diagnostics = Errors(Deal("  party P { }\n  facility F { cost 1bn value straight_line 30y }\n  lease L on F { lessee P rent 1m per year starts 2026-01-01 term 0m }"));

        Assert.Equal("the term of lease 'L' must be longer than zero", Single(diagnostics, "DL0314").Message);
    }
}
