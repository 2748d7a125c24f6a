using System.Collections.Immutable;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Model;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;
using DealLang.Compiler.Tests.Lowering;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// The analyzer never throws, whatever the tree: trees from files with syntax errors have null fields
/// (whatever their declared nullability), default arrays and missing pieces.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly SourceSpan At = new("broken.deal", 1, 1, 1, 1);

    private static NameSyntax Name(string? text) => new(text!, At);

    private static DealModel? Analyze(CompilationUnitSyntax unit, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return DealCompiler.Analyze(unit, bag);
    }

    [Fact]
    public void AnEmptyOrAbsentUnitReportsThatThereIsNoDeal()
    {
        Assert.Null(Analyze(new CompilationUnitSyntax(default, default, default, At), out DiagnosticBag bag));
        Assert.Equal("DL0402", Assert.Single(bag.Items).Code);

        Assert.Null(Analyze(null!, out bag));
        Assert.Equal("DL0402", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void ADealWithNothingInItIsReportedNotThrown()
    {
        var deal = new DealSyntax(null!, null, null, null, null, null, null, null, default, At);

        Assert.Null(Analyze(new CompilationUnitSyntax([deal], default, default, At), out DiagnosticBag bag));
        Assert.Contains(bag.Items, d => d.Code == "DL0403");
        Assert.Contains(bag.Items, d => d.Code == "DL0411");
    }

    [Fact]
    public void EveryKindOfNodeWithItsPiecesMissing()
    {
        ExpressionSyntax broken = new BinaryExpressionSyntax(BinaryOperator.Add, null!, null!, At);
        ImmutableArray<DeclarationSyntax> declarations =
        [
            null!,
            new PartySyntax(null!, null, null, null, At),
            new PartySyntax(Name("P"), null, broken, new UnaryExpressionSyntax(UnaryOperator.Negate, null!, At), At),
            new FacilitySyntax(Name("F"), null, new StraightLineValueSyntax(null!, null, null, At), At),
            new FacilitySyntax(Name("G"), new CallExpressionSyntax(null!, default, At), new ScheduleValueSyntax(default, At), At),
            new FacilitySyntax(Name("H"), null, new ScheduleValueSyntax([null!, new SchedulePointSyntax(null!, null!, At)], At), At),
            new LeaseSyntax(Name("L"), null!, null, null, null, null, null, new RenewalsSyntax(2, null!, false, At), new RvgSyntax(null, null, null, At), null, At),
            new LeaseSyntax(Name(null), Name(""), Name("F"), new DurationOfSyntax(null!, null!, At), null, null, null, null, null, new DayCountSyntax(null!, At), At),
            new TrancheSyntax(Name("T"), new ReferenceSyntax(null!, null, At), new ReferenceSyntax(Name("T"), Name(null), At),
                null, new AmortizationSyntax(AmortizationKind.Schedule, default, At), null, null, At),
            new TrancheSyntax(Name("U"), null, null, null, new AmortizationSyntax(AmortizationKind.Schedule, [new SchedulePointSyntax(null!, null!, At)], At), null, null, At),
            new EquitySyntax(Name("E"), null, [null!, new HolderSyntax(null!, null!, At)], At),
            new EquitySyntax(Name("E2"), null, default, At),
            new AccountSyntax(Name("A"), null, null, null, At),
            new FeeSyntax(Name("Fee"), null!, null, At),
            new TestSyntax(Name("X"), null!, null, null, At),
            new TestSyntax(Name("Y"), new ReferenceSyntax(Name("X"), null, At), new DurationSyntax(0, TimeUnit.Months, null!, At), new DateSyntax(default, At), At),
            new TriggerSyntax(Name("Tr"), null!, null, default, At),
            new TriggerSyntax(Name("Tr2"), new CallExpressionSyntax(Name("min"), [null!], At), null, [null!, new NamedEffectSyntax(Name(null), At), new SweepEffectSyntax(null!, null!, At), new AccelerateEffectSyntax([null!], At)], At),
            new DefaultRuleSyntax(null!, null, At),
            new WaterfallSyntax(default, At),
            new WaterfallSyntax(
            [
                null!,
                new PayStepSyntax(null!, default, At),
                new PayStepSyntax(new ReferenceSyntax(null!, null, At), [null!], At),
                new PayStepSyntax(new ReferenceSyntax(Name("T"), null, At), default, At),
                new FillStepSyntax(null!, At),
                new ReleaseStepSyntax(Name(null), At),
                new HoldStepSyntax(null!, At),
                new DistributeStepSyntax(null!, At),
                new IfStepSyntax(null!, default, [null!], At),
            ], At),
            new EnforcementSyntax(default, null, At),
            new EnforcementSyntax([null!, new SellSyntax(default, null, null, At), new SellSyntax([null!, Name("F")], broken, null!, At)], new WaterfallSyntax(default, At), At),
            new IndexSyntax(null!, null, null, null, default, At),
            new IndexSyntax(Name("Ix"), broken, broken,
                new IndexPointsSyntax(PointsKind.Stepped, [null!, new SchedulePointSyntax(null!, null!, At)], At), [null!, new LaunchSyntax(null!, null, At)], At),
            new IndexSyntax(Name("Iy"), new ReferenceSyntax(Name("Ix"), null, At), null, new IndexPointsSyntax(PointsKind.Interpolated, default, At), default, At),
            new TestSyntax(Name("ReadsIx"), new BinaryExpressionSyntax(BinaryOperator.Add, new ReferenceSyntax(Name("Ix"), null, At), new ReferenceSyntax(Name("Iy"), Name("level"), At), At), null, null, At),
            new UnknownDeclarationSyntax(null!, default, At),
            new UnknownDeclarationSyntax(Name("tranch"), [null!, Name(null), Name(""), Name("cfads"), Name("F"), Name("Q"), Name("Q")], At),
        ];
        ImmutableArray<ScenarioSyntax> scenarios =
        [
            null!,
            new ScenarioSyntax(null!, null!, default, At),
            new ScenarioSyntax(Name("S"), Name(null), [
                null!,
                new RenewalsTakenSyntax(null!, 1, At),
                new DeflateSyntax(null!, null!, At),
                new DeflateSyntax(new ReferenceSyntax(null!, null, At), broken, At),
                new DropSyntax(null!, null!, null!, At),
                new DropSyntax(new ReferenceSyntax(Name("F"), null, At), null!, null!, At),
                new PartyDefaultsSyntax(null!, null!, At),
                new EnforcementOverrideSyntax(null, null, At),
                new EnforcementOverrideSyntax(broken, new DurationSyntax(double.NaN, TimeUnit.Days, null!, At), At),
                new IndexLevelOverrideSyntax(null!, null!, At),
                new IndexLevelOverrideSyntax(Name("Ix"), broken, At),
                new IndexPointsOverrideSyntax(Name("Ix"), null!, At),
                new IndexPointsOverrideSyntax(Name("Iy"), new IndexPointsSyntax(PointsKind.Stepped, default, At), At),
                new IndexLaunchOverrideSyntax(Name("Ix"), null!, At),
                new IndexLaunchOverrideSyntax(null!, new LaunchSyntax(null!, broken, At), At),
                new IndexShiftSyntax(Name("Iy"), null!, At),
                new DeflateSyntax(new ReferenceSyntax(Name("Ix"), Name("level"), At), broken, At),
            ], At),
        ];
        var deal = new DealSyntax(Name("D"), null, Name(null), null, null, null, Name(null), new DayCountSyntax(null!, At), declarations, At);

        Assert.Null(Analyze(new CompilationUnitSyntax([deal, null!, deal], scenarios, [null!, new UnknownDeclarationSyntax(null!, default, At)], At), out DiagnosticBag bag));
        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void EveryTruncationOfARealDealIsAnalyzedWithoutThrowing()
    {
        string text = HyperionLoweringTests.Text;
        for (int length = 0; length < text.Length; length += 7)
        {
            var bag = new DiagnosticBag();
            CompilationUnitSyntax unit = DealParser.Parse("cut.deal", text[..length], bag);
            _ = DealCompiler.Analyze(unit, bag);
        }
    }

    [Fact]
    public void EveryOneLineDeletionOfARealDealIsAnalyzedWithoutThrowing()
    {
        string[] lines = HyperionLoweringTests.Text.Split('\n');
        int lowered = 0;
        for (int skip = 0; skip < lines.Length; skip++)
        {
            var bag = new DiagnosticBag();
            string text = string.Join('\n', lines.Where((_, i) => i != skip));
            CompilationUnitSyntax unit = DealParser.Parse("cut.deal", text, bag);
            if (DealCompiler.Analyze(unit, bag) is not null)
            {
                lowered++;
            }
        }

        // Blank lines, comments-free optional items (title, one scenario line, ...) can go; most lines cannot.
        Assert.InRange(lowered, 1, lines.Length - 1);
    }

    [Fact]
    public void AVeryLongChainOfAdditionsDoesNotExhaustTheStack()
    {
        const int Terms = 20_000;
        string sum = string.Join(" + ", Enumerable.Repeat("collections", Terms));
        string constants = string.Join(" + ", Enumerable.Repeat("1m", Terms));

        DealModel model = SemanticHarness.ModelOf(SemanticHarness.Deal(
            $"  test Long = {sum}\n  account A {{ target 6m of ({sum}) }}\n  tranche B {{ balance {constants} coupon 1% }}",
            "pay Notes.interest\n    pay B.interest\n    pay Notes.principal using A\n    pay B.principal\n" +
            $"    if {sum} > 0 {{ fill A }}\n    distribute rest to Eq"));

        Assert.Equal(Unit.Money, model.Tests[0].Expression.Unit);
        Assert.Equal(2e10, model.Tranches[1].Balance, 1e-3); // 20,000 × 1m, summed exactly in doubles
        Assert.IsType<DurationOfExpression>(model.Accounts[0].Target);
        Assert.StartsWith("if collections + collections + ", model.Waterfall[4].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongChainOfTestsReadingTestsDoesNotExhaustTheStack()
    {
        const int Tests = 3_000;
        // Declared last-first, so each test reads one declared after it.
        var lines = Enumerable.Range(1, Tests - 1).Reverse().Select(i => $"  test T{i} = T{i - 1} * 2").Append("  test T0 = cfads / debt_service");

        DealModel model = SemanticHarness.ModelOf(SemanticHarness.Deal(string.Join("\n", lines)));

        Assert.Equal(Enumerable.Range(0, Tests).Select(i => $"T{i}"), model.Tests.Select(t => t.Name));
        Assert.All(model.Tests, t => Assert.Equal(Unit.Ratio, t.Expression.Unit));
    }

    [Fact]
    public void ALongCycleOfTestsIsReportedWithoutExhaustingTheStack()
    {
        const int Tests = 3_000;
        var lines = Enumerable.Range(0, Tests).Select(i => $"  test T{i} = T{(i + 1) % Tests} * 2");

        var diagnostics = SemanticHarness.Errors(SemanticHarness.Deal(string.Join("\n", lines)));

        Assert.StartsWith("tests depend on each other in a cycle: T0 → T1 → T2", SemanticHarness.Single(diagnostics, "DL0414").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLowererToleratesATreeItsCallerDidNotCheck()
    {
        // A clean tree with a maturity before closing would be reported; the model still must not throw if built.
        var bag = new DiagnosticBag();
        CompilationUnitSyntax unit = DealParser.Parse("x.deal", SemanticHarness.Deal(), bag);
        DealSyntax deal = unit.Deals[0] with { Maturity = new DateSyntax(new Date(2020, 1, 1), At), FirstPayment = new DateSyntax(new Date(2040, 1, 1), At) };

        Assert.Null(DealCompiler.Analyze(unit with { Deals = [deal] }, bag));
        Assert.Contains(bag.Items, d => d.Code == "DL0404");
    }
}
