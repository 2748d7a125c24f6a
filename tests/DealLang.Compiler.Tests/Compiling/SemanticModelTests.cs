using DealLang.Compiler.Model;
using static DealLang.Compiler.Tests.Compiling.TwoFiles;

namespace DealLang.Compiler.Tests.Compiling;

/// <summary>The semantic model's queries across a deal file and a scenario file (positions from the comments in
/// <see cref="TwoFiles"/>).</summary>
public class SemanticModelTests
{
    private static readonly SemanticModel Model = Compile().SemanticModel;

    private static DealSymbol Symbol(string kind, string name) => Assert.Single(Model.Symbols, s => s.Kind == kind && s.Name == name);

    [Fact]
    public void Symbols_are_the_deal_its_declarations_and_the_scenarios_with_where_each_is_declared()
    {
        Assert.Equal(
            ["deal D", "party Tenant", "facility Shed", "lease ShedLease", "tranche Notes", "equity Eq", "test Cover", "scenario Stress"],
            Model.Symbols.Select(s => $"{s.Kind} {s.Name}"));
        var lease = Symbol("lease", "ShedLease");
        Assert.Equal((DealPath, 9, 9, 9, 17), (lease.Declaration.Path, lease.Declaration.Line, lease.Declaration.Column, lease.Declaration.EndLine, lease.Declaration.EndColumn));
        Assert.Equal((ScenarioPath, 1, 10), (Symbol("scenario", "Stress").Declaration.Path, Symbol("scenario", "Stress").Declaration.Line, Symbol("scenario", "Stress").Declaration.Column));
    }

    [Theory]
    [InlineData(DealPath, 9, 9, "lease", "ShedLease")]      // its declaration
    [InlineData(DealPath, 9, 17, "lease", "ShedLease")]     // its last character
    [InlineData(ScenarioPath, 2, 5, "lease", "ShedLease")]  // a scenario lever in the other file
    [InlineData(DealPath, 9, 22, "facility", "Shed")]       // lease ... on Shed
    [InlineData(DealPath, 10, 12, "party", "Tenant")]       // lessee Tenant
    [InlineData(ScenarioPath, 4, 3, "party", "Tenant")]     // Tenant defaults on ...
    [InlineData(ScenarioPath, 3, 3, "facility", "Shed")]    // Shed.value deflate ...
    [InlineData(DealPath, 17, 24, "tranche", "Notes")]      // Notes.debt_service: the name
    [InlineData(DealPath, 17, 35, "tranche", "Notes")]      // Notes.debt_service: the member
    [InlineData(DealPath, 19, 9, "tranche", "Notes")]       // pay Notes.interest
    [InlineData(DealPath, 19, 16, "tranche", "Notes")]      // pay Notes.interest: the member
    [InlineData(ScenarioPath, 1, 21, "deal", "D")]          // scenario Stress for D
    [InlineData(ScenarioPath, 1, 10, "scenario", "Stress")]
    public void SymbolAt_finds_the_symbol_on_a_declaration_or_a_use(string path, int line, int column, string kind, string name)
    {
        DealSymbol? symbol = Model.SymbolAt(path, line, column);

        Assert.NotNull(symbol);
        Assert.Same(Symbol(kind, name), symbol);
    }

    [Theory]
    [InlineData(DealPath, 17, 16)]    // cfads: a built-in, no symbol
    [InlineData(DealPath, 9, 18)]     // the space after ShedLease
    [InlineData("deals/other.deal", 9, 9)]
    public void SymbolAt_is_null_where_no_name_stands(string path, int line, int column) =>
        Assert.Null(Model.SymbolAt(path, line, column));

    [Fact]
    public void SymbolAt_accepts_another_spelling_of_the_path() =>
        Assert.Same(Symbol("lease", "ShedLease"), Model.SymbolAt("deals/./stress.scenarios", 2, 3));

    [Fact]
    public void ReferencesOf_gives_the_declaration_and_every_use_in_file_order_across_files()
    {
        var references = Model.ReferencesOf(Symbol("tranche", "Notes"));

        // Declared on line 15; read in the test on 17; paid on 19 and 20 (inside the if).
        Assert.Equal(
            [(DealPath, 15, 11, true, null), (DealPath, 17, 24, false, "debt_service"), (DealPath, 19, 9, false, "interest"),
             (DealPath, 20, 32, false, "principal")],
            references.Select(r => (r.Span.Path, r.Span.Line, r.Span.Column, r.IsDeclaration, r.Member)));

        var tenant = Model.ReferencesOf(Symbol("party", "Tenant"));
        Assert.Equal([(DealPath, 7), (DealPath, 10), (ScenarioPath, 4)], tenant.Select(r => (r.Span.Path, r.Span.Line)));
        Assert.Equal([(ScenarioPath, 1, 21)], Model.ReferencesOf(Symbol("deal", "D")).Where(r => !r.IsDeclaration)
            .Select(r => (r.Span.Path, r.Span.Line, r.Span.Column)));
    }

    [Theory]
    [InlineData(DealPath, 17, 16, Unit.Money)]   // cfads
    [InlineData(DealPath, 17, 22, Unit.Ratio)]   // the '/': cfads / Notes.debt_service
    [InlineData(DealPath, 17, 30, Unit.Money)]   // Notes.debt_service
    [InlineData(DealPath, 15, 43, Unit.Rate)]    // coupon 5%
    [InlineData(DealPath, 15, 27, Unit.Money)]   // 20m, inside the folded 20m * 2
    [InlineData(DealPath, 15, 33, Unit.Number)]  // 2, inside the folded 20m * 2
    [InlineData(DealPath, 15, 31, Unit.Money)]   // the '*': the folded product
    [InlineData(DealPath, 20, 8, Unit.Date)]     // date
    [InlineData(DealPath, 20, 15, Unit.Date)]    // 2029-01-01
    [InlineData(DealPath, 20, 13, Unit.Bool)]    // the '<'
    [InlineData(ScenarioPath, 3, 22, Unit.Rate)] // deflate 5% per year, in the scenario file
    public void UnitAt_gives_the_unit_of_the_smallest_expression_at_the_position(string path, int line, int column, Unit unit) =>
        Assert.Equal(unit, Model.UnitAt(path, line, column));

    [Theory]
    [InlineData(DealPath, 15, 5)]  // the keyword 'tranche'
    [InlineData(DealPath, 1, 1)]
    public void UnitAt_is_null_outside_expressions(string path, int line, int column) =>
        Assert.Null(Model.UnitAt(path, line, column));

    // Line 8 of the deal below: "  fee Power { 100 gpus * (Gpu - 0.30) * 8760 hours per year }"
    //   100 at 15, Gpu at 27, 0.30 at 33, 8760 at 41. The index keeps the sum from being folded into one constant.
    private const string PricedDeal = """
        deal P {
          currency USD
          closing 2025-01-01
          maturity 2030-01-01
          pay annual
          daycount 30/360
          index Gpu { level 2.35 per gpu_hour }
          fee Power { 100 gpus * (Gpu - 0.30) * 8760 hours per year }
          tranche Notes { balance 20m  coupon 5% }
          equity Eq { contributed 10m }
          waterfall {
            pay Power
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }
        """;

    [Theory]
    [InlineData(15, 0, 1, 0)]   // 100 gpus
    [InlineData(27, 1, -1, -1)] // Gpu: money per GPU-hour
    [InlineData(33, 1, -1, -1)] // 0.30, a bare number, adopts the price it is taken from
    [InlineData(41, 0, 0, 1)]   // 8760 hours
    public void DimensionAt_gives_what_a_measure_measures_a_bare_number_the_measure_it_meets(int column, int money, int gpus, int hours)
    {
        var compilation = Compilation.Create(SourceDocument.FromText("priced.deal", PricedDeal), new InMemorySourceFiles());
        Assert.NotNull(compilation.Model);

        Assert.Equal(Unit.Measure, compilation.SemanticModel.UnitAt("priced.deal", 8, column));
        Assert.Equal(new Dimension(money, gpus, hours, 0), compilation.SemanticModel.DimensionAt("priced.deal", 8, column));
    }

    [Fact]
    public void DimensionAt_is_null_where_the_unit_is_no_measure()
    {
        Assert.Null(Model.DimensionAt(DealPath, 15, 27)); // 20m: money
        Assert.Null(Model.DimensionAt(DealPath, 15, 5));  // outside any expression
    }

    [Fact]
    public void A_compilation_with_errors_still_answers_for_what_resolved()
    {
        var broken = Compilation.Create(SourceDocument.FromText(DealPath, Deal.Replace("lessee Tenant", "lessee Tenantt", StringComparison.Ordinal)), Files());

        Assert.Null(broken.Model);
        Assert.Null(broken.SemanticModel.SymbolAt(DealPath, 10, 12)); // the misspelt name resolves to nothing
        Assert.Equal("Notes", broken.SemanticModel.SymbolAt(DealPath, 19, 9)?.Name);
    }
}
