using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Parsing;
using DealLang.Compiler.Syntax;

namespace DealLang.Compiler.Tests.Parsing;

/// <summary>
/// One typo, one diagnostic: a misspelt keyword in front of a block is an unknown declaration (DL0109), a
/// misspelt keyword anywhere else is one DL0101 with a did-you-mean, and in both cases the rest of the file is
/// read as usual. The expected messages were written by hand from the wording in DiagnosticCatalogue.Syntax and
/// SyntaxMessages; the suggestions are the keywords one or two edits away ('waterfal' + 'l').
/// </summary>
public sealed class KeywordTypoTests
{
    private static Diagnostic Single(string text, string code)
    {
        (_, var diagnostics) = ParseHelper.Parse(text);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        return diagnostic;
    }

    // ------------------------------------------------------------ unknown declarations (DL0109)

    [Fact]
    public void AMisspeltWaterfallIsOneUnknownDeclarationAndItsBlockIsSkipped()
    {
        string text = """
            deal X {
              tranche A { balance 1bn }
              waterfal {
                pay A.interest
                if A.balance > 0 { pay A.principal }
              }
              equity E { contributed 1m }
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("DL0109", d.Code);
        Assert.Equal("unknown declaration 'waterfal'; did you mean 'waterfall'?", d.Message);
        Assert.Equal((3, 3, 3, 10), (d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn));

        // The nested braces of the skipped block do not end the deal early: what follows is still read.
        Assert.Equal(["A", "E"], Assert.Single(unit.Deals).Declarations.OfType<NamedDeclarationSyntax>().Select(n => n.Name.Text));
    }

    [Fact]
    public void AMisspeltTrancheKeywordWithItsName() =>
        Assert.Equal(
            "unknown declaration 'trnche'; did you mean 'tranche'?",
            Single("deal X {\n  trnche Notes { balance 27.3bn  coupon 6.581% }\n}", "DL0109").Message);

    [Fact]
    public void AMisspeltLeaseHeadWithOnIsStillOneDeclaration() =>
        Assert.Equal(
            "unknown declaration 'leas'; did you mean 'lease'?",
            Single("deal X {\n  leas MetaLease on Campus { lessee Meta }\n}", "DL0109").Message);

    [Fact]
    public void CaseIsIgnoredForTheSuggestion() =>
        Assert.Equal(
            "unknown declaration 'Tranche'; did you mean 'tranche'?",
            Single("deal X { Tranche A { } }", "DL0109").Message);

    [Fact]
    public void AMisspeltScenarioAtTopLevelAndTheNextScenarioIsRead()
    {
        string text = """
            deal D { }
            scenaro Stress for D {
              Meta defaults on 2027-01-01
            }
            scenario Base for D { }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0109", "unknown declaration 'scenaro'; did you mean 'scenario'?"), (d.Code, d.Message));
        Assert.Equal((2, 1), (d.Span.Line, d.Span.Column));
        Assert.Equal("Base", Assert.Single(unit.Scenarios).Name.Text);
        Assert.Single(unit.Deals);
    }

    [Fact]
    public void WithNothingCloseTheDeclarationsThatOpenABlockAreListed() =>
        Assert.Equal(
            "unknown declaration 'widget'; expected one of: 'party', 'index', 'facility', 'lease', 'loan', 'fleet', 'contract', 'holding', 'coins', 'tranche', 'equity', 'account', 'fee', 'waterfall', 'enforcement'",
            Single("deal X { widget W { } }", "DL0109").Message);

    [Fact]
    public void WithNothingCloseAtTopLevelDealAndScenarioAreNamed() =>
        Assert.Equal(
            "unknown declaration 'widget'; expected 'deal' or 'scenario'",
            Single("widget W { }\ndeal X { }", "DL0109").Message);

    [Fact]
    public void ALaterRealErrorIsStillReported()
    {
        string text = """
            deal X {
              waterfal { pay A.interest }
              tranche A { balance 1bn  coupon § }
              tranche B { balance 5q }
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Assert.Equal([("DL0109", 2), ("DL0101", 3), ("DL0102", 4)], diagnostics.Select(d => (d.Code, d.Span.Line)));
        Assert.Equal(["A", "B"], unit.Deals[0].Declarations.OfType<NamedDeclarationSyntax>().Select(n => n.Name.Text));
    }

    [Fact]
    public void AnUnclosedUnknownBlockSaysWhereItEnded()
    {
        (_, var diagnostics) = ParseHelper.Parse("deal X {\n  waterfal {\n    pay A.interest\n}");

        // The block swallows the deal's '}' (braces are all it can see), so the file ends inside the deal.
        Assert.Equal(["DL0109", "DL0101"], diagnostics.Select(d => d.Code));
        Assert.Equal("unknown declaration 'waterfal'; did you mean 'waterfall'?", diagnostics[0].Message);
        Assert.StartsWith("unexpected end of file; expected one of: '}', ", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDeclarationIsKeptInTheTreeWithItsWordAndTheNamesOfItsHead()
    {
        // "  leas MetaLease on Campus { lessee Meta }": 'leas' is columns 3-6, 'MetaLease' 8-16, 'Campus' 21-26,
        // and the block's '}' column 42 (counted by hand). 'on' is a keyword, not a name.
        (CompilationUnitSyntax unit, _) = ParseHelper.Parse("deal X {\n  leas MetaLease on Campus { lessee Meta }\n}");

        var unknown = Assert.IsType<UnknownDeclarationSyntax>(Assert.Single(Assert.Single(unit.Deals).Declarations));
        Assert.Equal(("leas", 2, 3), (unknown.Word.Text, unknown.Word.Span.Line, unknown.Word.Span.Column));
        Assert.Equal(["MetaLease", "Campus"], unknown.Names.Select(n => n.Text));
        Assert.Equal((8, 21), (unknown.Names[0].Span.Column, unknown.Names[1].Span.Column));
        Assert.Equal((2, 3, 2, 42), (unknown.Span.Line, unknown.Span.Column, unknown.Span.EndLine, unknown.Span.EndColumn));
        Assert.Empty(unit.UnknownDeclarations);
    }

    [Fact]
    public void AnUnknownDeclarationKeepsItsPlaceAmongTheDeclarations()
    {
        DealSyntax deal = Assert.Single(ParseHelper.Parse("deal X {\n  tranche A { }\n  waterfal { pay A.interest }\n  equity E { }\n}").Unit.Deals);

        Assert.Equal([typeof(TrancheSyntax), typeof(UnknownDeclarationSyntax), typeof(EquitySyntax)], deal.Declarations.Select(d => d.GetType()));
        Assert.Empty(((UnknownDeclarationSyntax)deal.Declarations[1]).Names);
    }

    [Fact]
    public void TopLevelUnknownDeclarationsAreKeptInTheUnit()
    {
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse("dael Mini { currency USD }\nscenaro Stress for Mini { }\n");

        Assert.Equal(["DL0109", "DL0109"], diagnostics.Select(d => d.Code));
        Assert.Empty(unit.Deals);
        Assert.Empty(unit.Scenarios);
        Assert.Equal(["dael", "scenaro"], unit.UnknownDeclarations.Select(u => u.Word.Text));
        Assert.Equal(["Mini"], unit.UnknownDeclarations[0].Names.Select(n => n.Text));
        Assert.Equal(["Stress", "Mini"], unit.UnknownDeclarations[1].Names.Select(n => n.Text)); // 'for' is a keyword
    }

    [Fact]
    public void AWordWithoutABlockIsNotAnUnknownDeclaration()
    {
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse("deal X {\n  currencyy USD\n}");

        Assert.Equal(["DL0101"], diagnostics.Select(d => d.Code));
        Assert.Empty(Assert.Single(unit.Deals).Declarations);
    }

    // ------------------------------------------------------------ did you mean (DL0101)

    [Fact]
    public void AMisspeltFirstItemOfATrancheIsOneErrorAndTheRestOfTheTrancheIsRead()
    {
        string text = """
            deal X {
              tranche Notes { balanse 27.3bn  coupon 6.581% }
              equity E { contributed 1m }
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0101", "unexpected 'balanse'; did you mean 'balance'?"), (d.Code, d.Message));
        Assert.Equal((2, 19), (d.Span.Line, d.Span.Column));

        // Before, the tranche was abandoned at its first item and the deal ended at the tranche's '}'.
        DealSyntax deal = Assert.Single(unit.Deals);
        TrancheSyntax notes = Assert.Single(deal.OfKind<TrancheSyntax>());
        Assert.Null(notes.Balance);
        Assert.NotNull(notes.Coupon);
        Assert.Single(deal.OfKind<EquitySyntax>());
    }

    [Fact]
    public void AMisspeltItemInTheMiddleOfATranche() =>
        Assert.Equal(
            "unexpected 'coupn'; did you mean 'coupon'?",
            Single("deal X { tranche A { balance 1bn  coupn 5%  seniority 1 } }", "DL0101").Message);

    [Fact]
    public void AMisspeltHeaderItemWithoutABlockIsOneErrorAndTheNextLineIsRead()
    {
        string text = """
            deal X {
              currencyy USD
              closing 2025-10-30
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0101", "unexpected 'currencyy'; did you mean 'currency'?"), (d.Code, d.Message));
        Assert.Equal((2, 3), (d.Span.Line, d.Span.Column));
        DealSyntax deal = Assert.Single(unit.Deals);
        Assert.Null(deal.Currency);
        Assert.Equal(new Runtime.Date(2025, 10, 30), deal.Closing!.Value);
    }

    [Fact]
    public void AMisspeltStepInAWaterfall() =>
        Assert.Equal(
            "unexpected 'distribut'; did you mean 'distribute'?",
            Single("deal X { waterfall { pay A.interest\n distribut rest to E } }", "DL0101").Message);

    [Fact]
    public void ANameFarFromEveryKeywordStillListsWhatWasExpected() =>
        Assert.Equal(
            "unexpected 'principal_amount'; expected one of: '}', 'maturity', 'guarantor', 'balance', 'coupon', 'interest_only', 'amortize', 'seniority', ... (13 more)",
            Single("deal X { tranche A { principal_amount 1bn } }", "DL0101").Message);

    [Fact]
    public void ProseAtTopLevelIsOneError()
    {
        // Names that do not open a block are skipped with the rest of the broken text, line after line; the one
        // error names every line skipped.
        (_, var diagnostics) = ParseHelper.Parse("Beignet issued notes.\nMeta leases the campus for four years.\n");
        Assert.Equal(
            "unexpected 'Beignet'; expected one of: 'deal', 'scenario', end of file (lines 1-2 are not part of any deal or scenario, and are skipped)",
            Assert.Single(diagnostics).Message);
    }

    // ------------------------------------------------------------ renewals: 2x 5y and 2 x 5y

    [Theory]
    [InlineData("renewals 2x 5y at lessee option")]
    [InlineData("renewals 2 x 5y at lessee option")]
    public void RenewalsCountWithOrWithoutASpaceBeforeX(string item)
    {
        DealSyntax deal = ParseHelper.ParseDeal($"deal X {{ lease L on C {{ {item} }} }}");
        RenewalsSyntax renewals = Assert.Single(deal.OfKind<LeaseSyntax>()).Renewals!;
        Assert.Equal((2, 5d), (renewals.Count, renewals.Term.Amount));
    }

    [Theory]
    [InlineData("renewals 2.5 x 5y", "DL0106", "the number of renewals must be a whole number of at least 0, found '2.5'")]
    [InlineData("renewals 2.5x 5y", "DL0106", "the number of renewals must be a whole number of at least 0, found '2.5x'")]
    [InlineData("renewals 2y 5y", "DL0102", "unknown unit in '2y'; write the number with one of: x (a count of renewals, as in 'renewals 2x 5y')")]
    public void RenewalsCountMustBeAWholeNumberOfTimes(string item, string code, string message) =>
        Assert.Equal(message, Single($"deal X {{ lease L on C {{ {item} at lessee option }} }}", code).Message);

    [Fact]
    public void RenewalsCountThatIsNotANumber() =>
        Assert.Equal(
            "unexpected 'two'; expected a count such as 2 x or 2x",
            Single("deal X { lease L on C { renewals two x 5y at lessee option } }", "DL0101").Message);

    // ------------------------------------------------------------ DL0105 and recovery noise

    [Fact]
    public void AnItemLeftBehindByRecoveryIsNotAlsoADuplicate()
    {
        // 'by' for 'at': recovery resumes at 'lessee', which reads 'lessee option' as a second lessee item.
        // That item is on the line with the syntax error, so it is not reported as given twice.
        string text = """
            deal X {
              lease L on C {
                lessee Meta
                renewals 2 x 5y by lessee option
              }
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("DL0101", 4), (d.Code, d.Span.Line));
        Assert.Equal("Meta", Assert.Single(unit.Deals[0].OfKind<LeaseSyntax>()).Lessee!.Text);
    }

    [Fact]
    public void ACleanItemReplacesOneLeftBehindByRecovery()
    {
        string text = """
            deal X {
              lease L on C {
                renewals 2 x 5y by lessee option
                lessee Meta
              }
            }
            """;
        (CompilationUnitSyntax unit, var diagnostics) = ParseHelper.Parse(text);

        Assert.Equal(["DL0101"], diagnostics.Select(d => d.Code));
        Assert.Equal("Meta", Assert.Single(unit.Deals[0].OfKind<LeaseSyntax>()).Lessee!.Text);
    }

    [Fact]
    public void ARealDuplicateOnACleanLineIsStillReported()
    {
        (_, var diagnostics) = ParseHelper.Parse("deal X {\n  tranche A { balance § }\n  tranche B { coupon 5%\n  coupon 6% }\n}");
        Assert.Equal([("DL0101", 2), ("DL0105", 4)], diagnostics.Select(d => (d.Code, d.Span.Line)));
    }

    // ------------------------------------------------------------ 'then' after a complete item

    private const string ThenMessage =
        "unexpected 'then': what comes before it is complete and takes no 'then' (only 'if C then A else B', a loan's "
        + "'pays S … then arrears …', a drawn PD's 'until D then R per year' and a cure's 'prepaying T then into A' do); "
        + "write what follows as an item of its own";

    // Fuzz found 'then' after a finished lever answered with "did you mean 'trend'?" ('trend' a name a new lever may
    // start with, two edits from 'then'): the message now says where 'then' belongs. Columns by hand: 'then' follows
    // the lever on line 6 ("  T defaults on 2027-01-01 " is 27 characters; "  paths 100 " 12).
    [Theory]
    [InlineData("T defaults on 2027-01-01 then 2028-01-01", 28)]
    [InlineData("paths 100 then", 13)]
    public void ThenAfterAFinishedLeverSaysWhereThenBelongs(string lever, int column)
    {
        Diagnostic d = Single($"deal X {{\n  party T {{ }}\n}}\n\nscenario S for X {{\n  {lever}\n}}", "DL0101");
        Assert.Equal(ThenMessage, d.Message);
        Assert.Equal((6, column), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void ThenAfterADeclarationsItemSaysTheSame() =>
        Assert.Equal(ThenMessage, Single("deal X {\n  tranche A { balance 1bn then coupon 5% }\n}", "DL0101").Message);

    [Fact]
    public void ThenWhereItBelongsIsNoError()
    {
        (_, var diagnostics) = ParseHelper.Parse("deal X {\n  tranche A { balance 1bn  coupon if date > 2027-01-01 then 5% else 6% }\n}");
        Assert.Empty(diagnostics);
    }

    // ------------------------------------------------------------ suggestions

    [Theory]
    [InlineData("tranch", "tranche")]   // one insertion
    [InlineData("trnache", "tranche")]  // a swap is two substitutions
    [InlineData("WATERFALL", "waterfall")] // case is ignored
    [InlineData("fes", "fee")]          // three letters: one edit allowed
    [InlineData("fxx", null)]           // ... but not two
    [InlineData("pq", null)]            // two letters: none ('pd' is one edit away, but so is nearly everything)
    [InlineData("balancing", null)]     // three edits
    public void SuggestionsAreWithinTwoEditsAndFewerForShortWords(string word, string? expected) =>
        Assert.Equal(expected, KeywordSuggestions.Closest(word, ["tranche", "waterfall", "fee", "pd", "balance"]));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void LevenshteinDistance(string a, string b, int distance) =>
        Assert.Equal(distance, Spelling.Distance(a, b, ignoreCase: true));
}
