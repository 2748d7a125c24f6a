using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Semantics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>One mistake, one message: findings that only repeat a syntax error or a duplicate name are held back
/// (the cases of tests/corpus/malformed where the semantic stage used to add follow-on errors).</summary>
public sealed class CascadeTests
{
    private static List<string> Codes(string text)
    {
        var bag = new DiagnosticBag();
        Assert.Null(SemanticAnalyzer.Analyze(DealParser.Parse(FilePath, text, bag), bag));
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
}
