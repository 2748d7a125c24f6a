using System.Text.Json;
using Antlr4.Runtime;
using CsCheck;
using DealLang.Cli.Tests.Baselines;
using DealLang.Cli.Tests.Properties;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Compiler.Format;
using DealLang.Grammar;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Format;

/// <summary>
/// <c>deallang fmt</c>'s promises (docs/cli.md) over every example, every valid-corpus deal and the property
/// generator's deals: the formatted file has the same tokens and comments in the same order (read by the grammar's
/// own lexer here, not by the formatter), formatting it again changes nothing, and it compiles to the same model
/// (the same generated C# and the same scenarios). Then the layout rules on small inputs, refusal of a broken file,
/// and that examples/ is formatted (CI runs this through <c>dotnet test</c>).
/// </summary>
public class FormatterTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "examples", "tests/corpus/valid" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".deal", StringComparison.Ordinal) || f.EndsWith(".scenarios", StringComparison.Ordinal))
                         .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
                         .Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Formatting_keeps_every_token_and_comment_in_order_and_is_idempotent(string file)
    {
        string text = DealFiles.Read(file);
        string formatted = AssertFormatsFaithfully(file, text);
        Assert.Equal(formatted, Format(file, formatted));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_formatted_deal_compiles_to_the_same_model(string file)
    {
        if (!file.EndsWith(".deal", StringComparison.Ordinal))
        {
            return; // a scenarios file is compared through its tokens above; its deal is another file
        }

        string text = DealFiles.Read(file);
        string path = Path.Combine(RepoPaths.Root, file); // imports are read relative to it
        Assert.Equal(ModelOf(path, text), ModelOf(path, Format(file, text)));
    }

    [Fact]
    public void Generated_deals_format_faithfully_idempotently_and_to_the_same_model()
    {
        DealGen.Valid.Sample(deal =>
        {
            string formatted = AssertFormatsFaithfully("gen.deal", deal);
            Assert.Equal(formatted, Format("gen.deal", formatted));
            Assert.Equal(ModelOf(PipelineInvariants.File, deal), ModelOf(PipelineInvariants.File, formatted));
        }, iter: Math.Max(50, FuzzIterations.Checked / 4), print: d => "\n" + d);
    }

    [Fact]
    public void Mutants_are_refused_when_broken_and_otherwise_formatted_faithfully_and_idempotently()
    {
        // The pipeline fuzz's mutants (Fuzz/DealMutator.cs) of every example and valid-corpus deal, and the property
        // tests' mutants of generated deals: the formatter never throws, refuses exactly the files with errors from the
        // parse, and formats the rest faithfully and idempotently.
        int formatted = 0, refused = 0;
        void Check(string text)
        {
            var result = DealFormatter.Format(text, "mutant.deal");
            if (!result.Succeeded)
            {
                Assert.Contains(result.Diagnostics, d => d.Severity == Compiler.Diagnostics.Severity.Error);
                refused++;
                return;
            }

            Assert.Equal(Tokens(text), Tokens(result.Text!));
            Assert.Equal(result.Text, Format("mutant.deal", result.Text!));
            formatted++;
        }

        foreach (string file in DealFiles.Under("examples").Concat(DealFiles.Under("tests/corpus/valid")))
        {
            var mutator = new Fuzz.DealMutator(DealFiles.Read(file), seed: 12);
            for (int i = 0; i < 30; i++)
            {
                Check(mutator.Make(i).Text);
            }
        }

        DealMutations.Mutant.Sample(m => Check(m.Text), iter: Math.Max(100, FuzzIterations.Checked / 2), print: m => m.Description + "\n" + m.Text);
        Assert.True(formatted > 100 && refused > 100, $"{formatted} formatted, {refused} refused"); // both sides exercised
    }

    [Fact]
    public void Examples_are_formatted()
    {
        // every file under examples/, subfolders too (examples/terawulf/ holds a deal the top one imports)
        var unformatted = Unformatted(RepoPaths.Examples);
        Assert.True(unformatted.Count == 0, "not formatted (run: deallang fmt examples): " + string.Join(", ", unformatted));
    }

    [Fact]
    public void The_valid_corpus_is_formatted()
    {
        // The corpus's valid deals are what a reader copies from after the examples: in the canonical layout too.
        string valid = Path.Combine(RepoPaths.Root, "tests", "corpus", "valid");
        var unformatted = Unformatted(valid);
        Assert.True(unformatted.Count == 0, "not formatted (run: deallang fmt tests/corpus/valid): " + string.Join(", ", unformatted));
    }

    static List<string> Unformatted(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".deal", StringComparison.Ordinal) || f.EndsWith(".scenarios", StringComparison.Ordinal))
        .Where(f => DealFormatter.Format(File.ReadAllText(f), f).Changed)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .ToList();

    [Fact]
    public void The_layout_indents_spaces_and_aligns_as_documented()
    {
        const string messy =
            "// a deal\n\n\n\ndeal   Mini{ title \"m\"\n" +
            "currency USD   // the currency\n" +
            "   closing 2025-01-01 maturity 2030-01-01\n" +
            "pay annual\n\n" +
            "  party   P { rating \"A\" pd 1%  }\n" +
            "tranche T{\n\n balance 100m\n  coupon   5% fixed // fixed\n amortize level\n" +
            "    maturity 2030-01-01 }\n" +
            "  equity E { contributed 10m holders P 100% }\n" +
            "  fee F { max( 1m , 0.1% of T.balance ) per year }\n" +
            "  test D = - cfads / debt_service\n" +
            "  waterfall { pay F\n pay T.interest /* block */ pay T.principal\n" +
            "if D<1.2x{ distribute rest to E } else { distribute rest to E }\n\n\n  }\n}\n" +
            "scenario S for Mini { P defaults on 2027-01-01 }";
        const string expected =
            "// a deal\n\ndeal Mini {\n  title    \"m\"\n" +
            "  currency USD  // the currency\n" +
            "  closing  2025-01-01\n" +
            "  maturity 2030-01-01\n" +
            "  pay      annual\n\n" +
            "  party P { rating \"A\"  pd 1% }\n" +
            "  tranche T {\n    balance  100m\n    coupon   5% fixed  // fixed\n    amortize level\n" +
            "    maturity 2030-01-01 }\n" +
            "  equity E { contributed 10m  holders P 100% }\n" +
            "  fee F { max(1m, 0.1% of T.balance) per year }\n" +
            "  test D = -cfads / debt_service\n" +
            "  waterfall { pay F\n    pay T.interest /* block */ pay T.principal\n" +
            "    if D < 1.2x { distribute rest to E } else { distribute rest to E }\n  }\n}\n" +
            "scenario S for Mini { P defaults on 2027-01-01 }\n";
        Assert.Equal(expected, Format("mini.deal", messy));
        Assert.Equal(expected, Format("mini.deal", expected));
    }

    [Fact]
    public void A_continuation_line_lines_up_with_its_items_value_and_comments_line_up_in_a_run()
    {
        const string text =
            "deal M {\n  lease L on C {\n    lessee P\n    rvg guarantees 1bn // a\n  cap 2bn // b\n      until 2040-01-01\n  }\n}\n";
        const string expected =
            "deal M {\n  lease L on C {\n    lessee P\n    rvg    guarantees 1bn  // a\n           cap 2bn         // b\n           until 2040-01-01\n  }\n}\n";
        Assert.Equal(expected, Format("m.deal", text));
    }

    [Fact]
    public void A_holdings_draws_call_is_laid_out_as_an_item_its_words_one_space_apart()
    {
        // 'draws called from Lps' (docs/language.md §5 "holding"): an item of its own, aligned with the block's other
        // items; a line break inside it continues under the first item's value, as any item's does.
        const string text =
            "deal F {\n  holding H { of X.L share 10%   draws  called\n from   Lps }\n" +
            "  holding G {\n of X.L\n share 10%\n draws called   from Lps\n mark par }\n}\n";
        const string expected =
            "deal F {\n  holding H { of X.L  share 10%  draws called\n                                       from Lps }\n" +
            "  holding G {\n    of    X.L\n    share 10%\n    draws called from Lps\n    mark  par }\n}\n";
        Assert.Equal(expected, Format("f.deal", text));
        Assert.Equal(expected, Format("f.deal", expected));
    }

    [Fact]
    public void An_indexed_rents_terms_are_words_of_the_rent_item_one_space_apart()
    {
        // 'indexed CPI yearly floor 1% cap 4% lag 3m' (docs/language.md "Indexed rent"): part of the rent item, in any order,
        // so one space apart (two only between items); a line break inside them continues under the rent's value.
        const string text =
            "deal M {\n  lease L on C { lessee P  rent 4m per year   indexed  CPI yearly   floor 1%  cap 4% lag 3m  starts 2026-01-01 }\n" +
            "  lease K on C {\n lessee P\n rent 4m per year indexed CPI\n    lag 3m  yearly\n  term 3y }\n}\n";
        const string expected =
            "deal M {\n  lease L on C { lessee P  rent 4m per year indexed CPI yearly floor 1% cap 4% lag 3m  starts 2026-01-01 }\n" +
            "  lease K on C {\n    lessee P\n    rent   4m per year indexed CPI\n           lag 3m yearly\n    term   3y }\n}\n";
        Assert.Equal(expected, Format("m.deal", text));
        Assert.Equal(expected, Format("m.deal", expected));
    }

    [Fact]
    public void A_loans_step_ups_and_margin_grid_are_laid_out_as_a_tranches()
    {
        // 'step_up …' and 'margin grid …' on a loan (docs/language.md, loan): items of the block, aligned with the
        // others ('margin' the key, as on a tranche), one space between their words, two between a grid's tiers; a
        // tier on a line of its own stays there.
        const string text =
            "deal M {\n  loan L { obligor P  coupon 4%   step_up   1% from 2027-01-01  margin grid Lev {  below 2x 1%   below 3x 2%  else 3% } }\n"
            + "  loan K {\n obligor P\n step_up 2%  while   Trap\n margin grid Lev { below 2x 1%\n below 3x 2%\n else 3% }\n }\n}\n";
        const string expected =
            "deal M {\n  loan L { obligor P  coupon 4%  step_up 1% from 2027-01-01  margin grid Lev { below 2x 1%  below 3x 2%  else 3% } }\n"
            + "  loan K {\n    obligor P\n    step_up 2% while Trap\n    margin  grid Lev { below 2x 1%\n      below 3x 2%\n      else 3% }\n  }\n}\n";
        Assert.Equal(expected, AssertFormatsFaithfully("m.deal", text));
        Assert.Equal(expected, Format("m.deal", expected));
    }

    [Fact]
    public void A_loans_default_interest_keeps_its_sign_against_the_rate()
    {
        // 'default_interest +2%' (docs/language.md, loan): the '+' is a sign, written against the margin as an index's
        // 'shift +1%', not an operator with a space either side.
        const string text = "deal M {\n  loan L { obligor P  coupon 8%  default_interest   + 2% }\n}\n";
        const string expected = "deal M {\n  loan L { obligor P  coupon 8%  default_interest +2% }\n}\n";
        Assert.Equal(expected, AssertFormatsFaithfully("m.deal", text));
        Assert.Equal(expected, Format("m.deal", expected));
    }

    [Fact]
    public void Comments_stay_on_their_lines_when_declarations_are_put_on_lines_of_their_own()
    {
        const string text = "deal M { title \"x\" /* why */ currency USD party P { } } // end\n/* a */ scenario S for M { }\n";
        const string expected = "deal M {\n  title \"x\" /* why */ currency USD\n  party P { }\n}  // end\n/* a */ scenario S for M { }\n";
        Assert.Equal(expected, Format("m.deal", text));
        Assert.Equal(expected, Format("m.deal", expected));
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_refused_with_its_diagnostics()
    {
        var result = DealFormatter.Format("deal Mini {\n  tranche T { balance }\n}\n", "bad.deal");
        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Contains(result.Diagnostics, d => d.Code == "DL0101" && d.Span.Line == 2);
    }

    [Fact]
    public void Line_ends_follow_the_first_lines_trailing_blanks_go_and_an_empty_file_stays_empty()
    {
        // The first line's end is the file's: CRLF stays CRLF (a Windows checkout), and a file that starts with LF is
        // LF throughout, whatever its later lines had.
        Assert.Equal("deal M {\r\n  title \"x\"  // c\r\n}\r\n", Format("m.deal", "deal M {\r\n  title \"x\"   // c   \r\n}\r\n\r\n"));
        Assert.Equal("deal M {\n  title \"x\"  // c\n}\n", Format("m.deal", "deal M {\n  title \"x\"   // c   \r\n}\r\n\r\n"));
        Assert.Equal("", Format("e.deal", ""));
        Assert.Equal("// only a comment\n", Format("c.deal", "\n\n// only a comment"));
    }

    private static string Format(string path, string text)
    {
        var result = DealFormatter.Format(text, path);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.Text!;
    }

    /// <summary>Formats and checks, with the grammar's lexer, that the tokens (comments included, a line comment
    /// without its trailing blanks) are those of the original in the same order.</summary>
    private static string AssertFormatsFaithfully(string path, string text)
    {
        string formatted = Format(path, text);
        Assert.Equal(Tokens(text), Tokens(formatted));
        return formatted;
    }

    private static List<string> Tokens(string text)
    {
        var lexer = new DealLangLexer(new AntlrInputStream(text), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        return lexer.GetAllTokens()
            .Where(t => t.Type != DealLangLexer.WS)
            .Select(t => t.Type + " " + (t.Type == DealLangLexer.LINE_COMMENT ? t.Text.TrimEnd() : t.Text.Replace("\r\n", "\n", StringComparison.Ordinal)))
            .ToList();
    }

    static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>What a deal compiles to: the generated C# and its scenarios (run-time data, never in the C#).</summary>
    private static string ModelOf(string path, string text)
    {
        // A generated deal may import the held SPV (DealGen.Holdings.cs), which lives in memory.
        var result = path == PipelineInvariants.File
            ? DealCompiler.Check(Compilation.Create(SourceDocument.FromText(path, text), PipelineInvariants.Held))
            : DealCompiler.Check(path, text);
        Assert.True(result.Model is not null, string.Join('\n', result.Diagnostics));
        return CSharpEmitter.Emit(result.Model).Source + "\n" + JsonSerializer.Serialize(result.Model.Scenarios, Json);
    }
}
