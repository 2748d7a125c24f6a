using System.Text.RegularExpressions;
using DealLang.Cli.Tests.Baselines;
using DealLang.Compiler.Syntax;

namespace DealLang.Cli.Tests.Metamorphic;

/// <summary>
/// Metamorphic relations an analyst takes for granted, checked over the examples and the valid corpus, every scenario
/// of each (Hyperion's with its two scenario files) and every entity of a chain, ledger cell by ledger cell and summary
/// figure by summary figure (docs/language.md §12, "Relations every run keeps"):
/// <list type="number">
/// <item>money is homogeneous: every money literal doubled, every money figure doubles exactly, and every rate, ratio,
/// IRR, WAL, share, count, date, flag, event and diagnostic is what it was (a power of two keeps the doubles exact; the
/// one absolute amount that could tell, the half cent below which a shortfall is paid, only decides for shortfalls
/// between a quarter and a half cent);</item>
/// <item>the order of declarations of one kind is not a term: reversed, every figure is what it was within 1e-9
/// relative (sums taken in another order may move the last bits);</item>
/// <item>declarations that hold nothing change nothing: an unused party, an empty account, a fee of 0 and a lease at 0
/// rent leave every figure exactly as it was;</item>
/// <item>a lease split in two with half its money each (same dates) collects what it did: the two leases' columns add up
/// to the one's, and every other figure is what it was, within 1e-9 relative. Not for a lease with an RVG (each half
/// compares half the guaranteed amount with the whole facility's value) or a guarantor (whose summary is per lease).</item>
/// </list>
/// Relations 1 and 4 run over every deal (4 over every lease that can be split and is named nowhere but its declaration);
/// 2 over every eighth deal (a variant, so a compilation, for each kind declared twice or more: 4-6 a deal) and 3 over
/// every fourth, so that the class runs in well under a minute.
/// </summary>
public sealed class MetamorphicTests
{
    public static TheoryData<string> Deals => DealFiles.Runnable();

    /// <summary>Every <paramref name="nth"/> deal of <see cref="Deals"/>, in order from the first: a fixed sample.</summary>
    public static TheoryData<string> Sample(int nth)
    {
        var sample = new TheoryData<string>();
        foreach (string file in DealFiles.Under("examples").Concat(DealFiles.Under("tests/corpus/valid")).Where((_, i) => i % nth == 0))
        {
            sample.Add(file);
        }

        return sample;
    }

    private static RunFigures Figures(string file, Func<string, string, string> rewrite, out List<string> diagnostics)
    {
        var (runs, found) = DealVariantRuns.Run(file, rewrite);
        diagnostics = found;
        return new RunFigures(runs);
    }

    /// <summary>Each deal's own figures and diagnostics, run once for every relation that compares with them.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(RunFigures Figures, List<string> Diagnostics)>> Originals = new();

    private static (RunFigures Figures, List<string> Diagnostics) OriginalRun(string file) =>
        Originals.GetOrAdd(file, f => new(() => (Figures(f, (_, text) => text, out var diagnostics), diagnostics))).Value;

    private static RunFigures Original(string file) => OriginalRun(file).Figures;

    private static void Holds(List<string> differences, string relation) =>
        Assert.True(differences.Count == 0, relation + ":\n" + string.Join('\n', differences));

    [Theory]
    [MemberData(nameof(Deals))]
    public void Doubling_every_money_literal_doubles_every_money_figure_exactly_and_leaves_every_other_figure(string file)
    {
        var (before, diagnosticsBefore) = OriginalRun(file);
        var after = Figures(file, (path, text) => MoneyLiterals.Scale(path, text, 2m), out var diagnosticsAfter);

        Holds(RunFigures.Differences(before, after, factor: 2, tolerance: 0), $"{file} with its money doubled");
        Assert.Equal(diagnosticsBefore, diagnosticsAfter);
    }

    /// <summary>Relation 1 at 1/1024: money a thousand times smaller, so that an absolute amount hidden in a comparison
    /// (a shortfall under some limit cleared, a sale skipped under some size) decides where the deal's own figures are
    /// thousands, not billions. The half cent still cannot: no shortfall of these deals lies under 5.12 (half a cent
    /// times 1024) without being 0.</summary>
    [Theory]
    [MemberData(nameof(Sample), 4)]
    public void Dividing_every_money_literal_by_1024_divides_every_money_figure_exactly_and_leaves_every_other_figure(string file)
    {
        var (before, diagnosticsBefore) = OriginalRun(file);
        var after = Figures(file, (path, text) => MoneyLiterals.Scale(path, text, 1m / 1024m), out var diagnosticsAfter);

        Holds(RunFigures.Differences(before, after, factor: 1.0 / 1024, tolerance: 0), $"{file} with its money divided by 1024");
        Assert.Equal(diagnosticsBefore, diagnosticsAfter);
    }

    [Theory]
    [MemberData(nameof(Sample), 8)]
    public void Reversing_the_declarations_of_each_kind_leaves_every_figure(string file)
    {
        string text = DealVariantRuns.Read(file);
        var before = Original(file);
        foreach (var group in DealVariantRuns.Check(file, text).Units[0].Deals.SelectMany(d => d.Declarations.OfType<NamedDeclarationSyntax>())
            .GroupBy(d => d.Kind).Where(g => g.Count() >= 2))
        {
            // Each declaration's text moves to the slot of its mirror in the group; the text between them stays.
            var slots = group.Select(d => DealVariantRuns.Range(text, d.Span)).ToList();
            var pieces = slots.Select(s => text[s.Start..s.End]).Reverse().ToList();
            string variant = text;
            for (int i = slots.Count - 1; i >= 0; i--)
            {
                variant = variant[..slots[i].Start] + pieces[i] + variant[slots[i].End..];
            }

            var after = Figures(file, (path, t) => path == file ? variant : t, out _);
            Holds(RunFigures.Differences(before, after, factor: 1, tolerance: 1e-9),
                $"{file} with its {group.Key} declarations reversed ({string.Join(", ", group.Select(d => d.Name.Text))})");
        }
    }

    [Theory]
    [MemberData(nameof(Sample), 4)]
    public void An_unused_party_an_empty_account_a_zero_fee_and_a_lease_at_zero_rent_change_no_figure(string file)
    {
        string text = DealVariantRuns.Read(file);
        var deal = DealVariantRuns.Check(file, text).Units[0].Deals[0];
        // Not a facility a lease's RVG remarkets: that lease's sale would take the neutral lease's building (DL0529).
        var remarketed = deal.Declarations.OfType<LeaseSyntax>().Where(l => l.Rvg?.Remarketing is not null).Select(l => l.Facility.Text).ToHashSet();
        var facility = deal.Declarations.OfType<FacilitySyntax>().FirstOrDefault(f => !remarketed.Contains(f.Name.Text));
        var party = deal.Declarations.OfType<PartySyntax>().FirstOrDefault();
        string added = "  party NeutralParty { rating \"BB\"  pd 2%  recovery 40% }\n"
            + "  account NeutralAccount { earns 4% }\n"
            + "  fee NeutralFee { 0 per year }\n";
        if (facility is not null && party is not null && deal.Closing is not null)
        {
            string closing = text.Substring(DealVariantRuns.Offset(text, deal.Closing.Span.Line, deal.Closing.Span.Column), 10);
            added += $"  lease NeutralLease on {facility.Name.Text} {{ lessee {party.Name.Text}  rent 0 per year  starts {closing}  term 1y }}\n";
        }

        // Before the deal's closing brace.
        int close = DealVariantRuns.Range(text, deal.Span).End - 1;
        string variant = text[..close] + added + text[close..];
        var before = Original(file);
        var after = Figures(file, (path, t) => path == file ? variant : t, out _);

        // The added declarations' own figures (the party's PD, the lease's 0 rent) are new; nothing else may be.
        Holds(RunFigures.Differences(before, after, factor: 1, tolerance: 0, added: key => key.Contains("Neutral", StringComparison.Ordinal)),
            $"{file} with neutral declarations added");
    }

    [Theory]
    [MemberData(nameof(Deals))]
    public void A_lease_split_in_two_at_half_its_money_collects_what_it_did(string file)
    {
        string text = DealVariantRuns.Read(file);
        var compilation = DealVariantRuns.Check(file, text);
        var leases = compilation.Units[0].Deals[0].Declarations.OfType<LeaseSyntax>()
            .Where(l => l.Rvg is null && l.Guarantor is null && Uses(file, text, l.Name.Text) == 1).ToList();
        if (leases.Count == 0)
        {
            return;
        }

        var before = Original(file);
        foreach (var lease in leases)
        {
            string name = lease.Name.Text, twin = name + "Twin";
            var (start, end) = DealVariantRuns.Range(text, lease.Span);
            string halved = MoneyLiterals.Scale(compilation, file, text, start, end, 0.5m);
            string half = halved[start..(end + halved.Length - text.Length)];
            string variant = text[..start] + half + "\n  " + Regex.Replace(half, $@"^lease {name}\b", $"lease {twin}") + text[end..];
            var after = Figures(file, (path, t) => path == file ? variant : t, out _);

            // The twin's figures fold into the lease's: its rent column, its list entries.
            var folded = new RunFigures([]);
            foreach (var (key, figure) in after.Numbers)
            {
                string k = key.Replace(twin, name, StringComparison.Ordinal);
                folded.Numbers[k] = folded.Numbers.TryGetValue(k, out var other) ? figure with { Value = figure.Value + other.Value } : figure;
            }

            folded.Others.UnionWith(after.Others.Select(o => o.Replace(twin, name, StringComparison.Ordinal)));
            Holds(RunFigures.Differences(before, folded, factor: 1, tolerance: 1e-9), $"{file} with lease {name} split in two");
        }
    }

    /// <summary>How often a name is written in the deal's file and its scenario files.</summary>
    private static int Uses(string file, string text, string name) =>
        Regex.Matches(text, $@"\b{name}\b").Count
        + DealVariantRuns.ScenarioFiles(file).Sum(f => Regex.Matches(DealVariantRuns.Read(f), $@"\b{name}\b").Count);
}
