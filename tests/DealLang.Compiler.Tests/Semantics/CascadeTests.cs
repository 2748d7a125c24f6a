using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>One mistake, one message: findings that only repeat a syntax error or a duplicate name are held back
/// (the cases of tests/corpus/malformed where the semantic stage used to add follow-on errors).</summary>
public sealed class CascadeTests
{
    private static List<string> Codes(string text)
    {
        var bag = new DiagnosticBag();
        Assert.Null(DealCompiler.Analyze(DealParser.Parse(FilePath, text, bag), bag));
        return [.. bag.Sorted().Select(d => d.Code)];
    }

    [Fact]
    public void AnUnreadableTermIsNotAlsoReportedMissing()
    {
        // 27.3bnn is DL0102; the tranche's balance is then absent from the tree, but "needs a balance" would repeat it.
        Assert.Equal(["DL0102"], Codes(Deal().Replace("balance 100m", "balance 27.3bnn", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnUndamagedDeclarationIsStillCheckedWhenTheFileHasASyntaxError()
    {
        Assert.Equal(["DL0408", "DL0102"], Codes(Deal("  facility F { cost 1m }\n  equity E2 { contributed 1bnn }"))); // in file order
    }

    [Fact]
    public void AWaterfallLostToASyntaxErrorIsNotAlsoReportedMissing()
    {
        List<string> codes = Codes(Deal().Replace("  waterfall {", "  waterfal {", StringComparison.Ordinal));

        Assert.Contains("DL0109", codes);
        Assert.DoesNotContain("DL0411", codes);
    }

    [Fact]
    public void ADuplicateOfTheRightKindIsNotAlsoTheWrongKind()
    {
        // 'Notes' the account is a duplicate of 'Notes' the tranche; 'fill Notes' means the account.
        Assert.Equal(["DL0201"], Codes(Deal("  account Notes", "pay Notes.interest\n    pay Notes.principal\n    fill Notes\n    distribute rest to Eq")));
    }

    // ------------------------------------------------------------ unknown declarations (a misspelt keyword, DL0109)

    [Fact]
    public void UsesOfAMisspeltTranchesNameAreNotReportedUndeclared()
    {
        // Corpus 003: 'tranch Notes' used to add DL0202 for each of the waterfall's 'Notes.interest', 'Notes.principal'.
        Assert.Equal(["DL0109"], Codes(Deal().Replace("  tranche Notes {", "  tranch Notes {", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheNameOfAnUnknownDeclarationIsAcceptedEverywhereWithoutAWrongKind()
    {
        // 'Campus' (from 'facilty Campus') is read as a member, as a bare name, as a lessee's facility, a pay target,
        // a fill account, a sold asset and a scenario's lease, party and value path: for a known kind most of these
        // would be "wrong kind" (DL0205, DL0505), "needs a member" (DL0204) or a bad pay target (DL0213); here none is.
        string extra = """
              facilty Campus { cost 1m }
              party P { }
              lease L on Campus { lessee Campus  rent 1m per year  starts 2025-01-01  term 2y }
              test Cover = Campus.value / Campus
              enforcement { sell Campus }
            """;
        string waterfall = "pay Notes.interest\n    pay Notes.principal\n    pay Campus\n    fill Campus\n    distribute rest to Eq";
        string scenarios = "scenario S for D {\n  Campus renewals taken 1\n  Campus defaults on 2026-01-01\n  Campus.value drop 10% by 2026-01-01\n}";

        Assert.Equal(["DL0109"], Codes(Deal(extra, waterfall, scenarios)));
    }

    [Fact]
    public void ANameNoDeclarationHasIsStillReportedNextToAnUnknownDeclaration()
    {
        string waterfall = "pay Notes.interest\n    pay Notes.principal\n    pay Mezz.interest\n    pay Junior.interest\n    distribute rest to Eq";

        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(Deal("  tranch Mezz { balance 1m }", waterfall));

        Assert.Equal(["DL0109", "DL0202"], diagnostics.Select(d => d.Code));
        Assert.Equal("'Junior' is not declared in deal 'D'", diagnostics[1].Message);
    }

    [Fact]
    public void ARealDeclarationOfTheSameNameWinsAndIsNotADuplicate()
    {
        // 'tranch Notes' after the real 'tranche Notes': no DL0201, and the real tranche is still checked
        // (paying only its interest is DL0409 for the real Notes, on line 7, before the typo on line 9).
        Assert.Equal(["DL0409", "DL0109"], Codes(Deal("  tranch Notes { }", "pay Notes.interest\n    distribute rest to Eq")));
    }

    [Fact]
    public void AMisspeltEnforcementBlockDoesNotLeaveADefaultRuleOrATrapWithoutIt()
    {
        // Spelt right, the enforcement waterfall releases R and the default rule has its enforcement block: no DL0413,
        // no DL0415. With 'enforcment' its contents are unread, so neither finding is made.
        string extra = """
              account R
              default when Notes.interest_shortfall > 0
              enforcment { sell F  waterfall { release R  distribute rest to Eq } }
            """;
        string waterfall = "pay Notes.interest\n    pay Notes.principal\n    hold rest in R\n    distribute rest to Eq";

        Assert.Equal(["DL0109"], Codes(Deal(extra, waterfall)));
    }

    [Fact]
    public void AMisspeltDealKeywordIsNotAlsoAFileWithoutADeal()
    {
        // 'dael D {' (corpus 082): the file has no deal, but DL0402 would repeat the DL0109.
        Assert.Equal(["DL0109"], Codes(Deal().Replace("deal D {", "dael D {", StringComparison.Ordinal)));

        // With no unknown declaration at all, an empty file is still DL0402.
        Assert.Equal(["DL0402"], Codes("// nothing here\n"));
    }

    [Fact]
    public void ATreeWithAnUnknownDeclarationIsNeverLowered()
    {
        // A hand-built tree: the valid deal plus an unknown declaration, and no DL0109 in the bag (as if a tool had
        // built the tree). The analyzer adds nothing and still returns no model: what the block meant is unknown.
        var bag = new DiagnosticBag();
        CompilationUnitSyntax unit = DealParser.Parse(FilePath, Deal(), bag);
        Assert.Empty(bag.Items);
        Assert.NotNull(DealCompiler.Analyze(unit, new DiagnosticBag()));

        DealSyntax deal = unit.Deals[0];
        var word = new NameSyntax("tranch", deal.Span);
        var withUnknown = unit with { Deals = [deal with { Declarations = deal.Declarations.Add(new UnknownDeclarationSyntax(word, [], deal.Span)) }] };

        Assert.Null(DealCompiler.Analyze(withUnknown, bag));
        Assert.Empty(bag.Items);
    }

    private static IReadOnlyList<Diagnostic> Diagnostics(string text)
    {
        var bag = new DiagnosticBag();
        Assert.Null(DealCompiler.Analyze(DealParser.Parse(FilePath, text, bag), bag));
        return bag.Sorted();
    }
}
