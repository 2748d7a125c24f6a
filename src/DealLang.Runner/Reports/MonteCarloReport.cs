using System.Globalization;
using System.Text;
using System.Text.Json;
using DealLang.Runner.Simulation;

namespace DealLang.Runner.Reports;

/// <summary>
/// The report of a Monte Carlo run (<c>deallang mc</c>, <c>deallang merge</c>; docs/cli.md): per tranche its credit
/// metrics, per equity its IRR, the deal's events, per party its simulated default rate beside its input PD, each
/// estimate with its standard error, and per index its fan chart. A function of the <see cref="CreditMetrics"/>
/// alone — so of the run's frame and exact totals — and byte-deterministic like every report: a run and its merged
/// shards print the same bytes. Money in millions with three decimals and rates in percent with three decimals for
/// people (table, md), money to the cent and fractions at full precision for machines (csv, json).
/// </summary>
public static class MonteCarloReport
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    enum Kind
    {
        Money,
        Rate,
        Years,
        Count,
    }

    /// <param name="EveryPathSame">A mean that was the same on every path: no ± (it would be 0, read as "exactly known"),
    /// and the table's ± says why.</param>
    sealed record Row(string Section, string Metric, Kind Kind, double Value, double StdError, bool EveryPathSame = false);

    static Row Of(string section, string metric, Kind kind, Estimate e) => new(section, metric, kind, e.Value, e.StdError, e.EveryPathSame);

    /// <summary>What the table's ± column says for a mean that was 0 on every path.</summary>
    internal const string EveryPathZero = "every path 0";

    /// <summary>What the table's ± column says for a mean that was <paramref name="value"/> on every path: "every path 0"
    /// at 0, else the value as the estimate column prints it ("every path 4.000").</summary>
    static string EveryPath(double value, Kind kind) => value == 0 ? EveryPathZero : "every path " + Human(value, kind);

    public static string Render(CreditMetrics metrics, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return format switch
        {
            ReportFormat.Json => RenderJson(metrics),
            ReportFormat.Csv => RenderCsv(metrics),
            ReportFormat.Markdown => RenderText(metrics, markdown: true),
            _ => RenderText(metrics, markdown: false),
        };
    }

    /// <summary>The heading line: deal, scenario, paths, seed; for replicates (<see cref="SimulationFrame.Replicates"/>)
    /// how many, of how many paths, at which seeds.</summary>
    public static string Title(SimulationFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        string paths = string.Create(Invariant, $"{frame.Paths:N0} {(frame.Paths == 1 ? "path" : "paths")}");
        return frame.Replicates > 1
            ? string.Create(Invariant, $"{frame.Deal}: Monte Carlo, scenario {frame.Scenario}, {frame.Replicates} replicates of {paths}, seeds {frame.Seed} to {LastSeed(frame)}")
            : string.Create(Invariant, $"{frame.Deal}: Monte Carlo, scenario {frame.Scenario}, {paths}, seed {frame.Seed}");
    }

    /// <summary>The last replicate's seed, S0 + R − 1 (mc refuses a run where it would pass 2⁶⁴ − 1).</summary>
    static ulong LastSeed(SimulationFrame frame) => frame.Seed + (ulong)(frame.Replicates - 1);

    /// <summary>What the ± are: one standard error; under <c>antithetic</c>, over the run's mirrored pairs (every
    /// probability, mean, VaR, ES and percentile); over replicates, across them.</summary>
    static string StandardErrors(SimulationFrame frame) =>
        frame.Replicates > 1 ? string.Create(Invariant, $"each estimate is the mean of {frame.Replicates} replicates, ± one standard error across them")
        : frame.Sampling == SimulationFrame.Antithetic ? "± is one Monte Carlo standard error, over the mirrored pairs"
        : "± is one Monte Carlo standard error";

    static List<Row> Rows(CreditMetrics m)
    {
        var rows = new List<Row>();
        foreach (TrancheRisk t in m.Tranches)
        {
            TrancheRows(rows, t, "", withWal: true);
            if (Array.Find(m.Holders, h => h.Name == t.Name) is { } holders)
            {
                // behind a guarantor, the rows above are the issuer's (what it failed to pay); these are what its
                // holders lost, net of what the guarantor paid them (docs/language.md, "Monte Carlo results")
                TrancheRows(rows, holders, "holders' ", withWal: false);
            }

            // its commitment fee and guarantee fee owed at the end, in its section as in the summary
            UnpaidRows(rows, Owed(m).Where(u => u.Owner == t.Name));
        }

        foreach (var (name, irr) in m.Equities)
        {
            AddDistribution(rows, name, "", "IRR", Kind.Rate, irr);
        }

        // a fund's LP classes and its GP's carry (docs/language.md §5, "A fund's LPs")
        foreach (LpClassRisk c in m.LpClasses)
        {
            rows.Add(Of(c.Name, "expected distributions", Kind.Money, c.ExpectedDistributions));
            rows.Add(Of(c.Name, "IRR mean", Kind.Rate, c.IrrMean));
            rows.Add(new(c.Name, "paths without an IRR", Kind.Count, c.PathsWithoutIrr, double.NaN));
            Share(rows, c.Name, "P(loss)", c.LossProbability);
            rows.Add(Of(c.Name, "expected loss", Kind.Money, c.ExpectedLoss));
        }

        for (int f = 0; f < m.Carries.Length; f++)
        {
            var (name, carry) = m.Carries[f];
            rows.Add(Of(name, "expected carry", Kind.Money, carry));
            if (f < m.UnpaidCarries.Length && m.UnpaidCarries[f] is { } unpaid)
            {
                // deal by deal: carry deferred for want of a distribution and still owed at the end is not paid
                Share(rows, name, "P(carry unpaid at end)", unpaid.Probability);
                rows.Add(Of(name, "expected carry unpaid at end", Kind.Money, unpaid.Expected));
            }
        }

        // what the run ended owing of each fee and fleet's opex, each in its own section (the tranches' are theirs)
        UnpaidRows(rows, Owed(m).Where(u => Array.TrueForAll(m.Tranches, t => t.Name != u.Owner)));

        Share(rows, "deal", "P(event of default)", m.EventOfDefault);
        Share(rows, "deal", "P(enforcement sale)", m.Sale);

        // what each guarantor pays, net of what it gets back: a state's fiscal cost
        foreach (GuarantorRisk g in m.Guarantees)
        {
            Share(rows, g.Name, "P(pays anything)", g.PayProbability);
            rows.Add(Of(g.Name, "expected amount paid", Kind.Money, g.ExpectedCost));
            rows.Add(Of(g.Name, "amount paid given it pays", Kind.Money, g.CostGivenPays));
            rows.Add(new(g.Name, "largest amount paid", Kind.Money, g.MaxCost, double.NaN));
            rows.Add(new(g.Name, "cap", Kind.Money, g.Cap, double.NaN));
        }
        foreach (PartyRisk p in m.Parties)
        {
            rows.Add(new(p.Name, "input annual PD", Kind.Rate, p.AnnualPd, double.NaN));
            rows.Add(new(p.Name, "input PD to maturity", Kind.Rate, p.HorizonPd, double.NaN));
            Share(rows, p.Name, "simulated default rate", p.DefaultRate);
        }

        return rows;
    }

    /// <summary>An item's rows: the share of paths ending owing it and its mean over every path (the summary's row's
    /// name, as <c>P(opex unpaid at end)</c> and <c>expected opex unpaid at end</c>).</summary>
    static void UnpaidRows(List<Row> rows, IEnumerable<UnpaidRisk> items)
    {
        foreach (UnpaidRisk u in items)
        {
            Share(rows, u.Owner, "P(" + u.Row + ")", u.Probability);
            rows.Add(Of(u.Owner, "expected " + u.Row, Kind.Money, u.Expected));
        }
    }

    /// <summary>The items some path ended owing half a cent or more of (a path below that counts as paid, as in the
    /// summary, which shows its rows only where the run owed something): the only ones the report shows, in the table
    /// and in JSON alike.</summary>
    static IEnumerable<UnpaidRisk> Owed(CreditMetrics m) => m.Unpaid.Where(u => u.PathsUnpaid > 0);

    /// <summary>A tranche's rows, or (<paramref name="prefix"/> <c>holders' </c>) its holders' behind a guarantor, in its
    /// section; the holders have no WAL of their own.</summary>
    static void TrancheRows(List<Row> rows, TrancheRisk t, string prefix, bool withWal)
    {
        string s = t.Name;
        Share(rows, s, prefix + "P(principal loss)", t.LossProbability);
        rows.Add(Of(s, prefix + "expected loss", Kind.Money, t.ExpectedLoss));
        rows.Add(Of(s, prefix + "expected loss (% of principal)", Kind.Rate, t.ExpectedLossShare));
        rows.Add(Of(s, prefix + "loss given a loss", Kind.Money, t.LossGivenLoss));
        rows.Add(Of(s, prefix + "LGD (% of principal)", Kind.Rate, t.LossGivenLossShare));
        foreach (TailRisk tail in t.Tails)
        {
            string level = Level(tail.Level);
            rows.Add(Of(s, $"{prefix}VaR {level}", Kind.Money, tail.ValueAtRisk));
            rows.Add(Of(s, $"{prefix}ES {level}", Kind.Money, tail.ExpectedShortfall));
        }

        rows.Add(new(s, prefix + "largest loss", Kind.Money, t.MaxLoss, double.NaN));
        Share(rows, s, prefix + "P(interest shortfall)", t.ShortfallProbability);
        rows.Add(Of(s, prefix + "expected unpaid interest", Kind.Money, t.ExpectedUnpaidInterest));
        AddDistribution(rows, s, prefix, "IRR", Kind.Rate, t.Irr);
        if (withWal)
        {
            AddDistribution(rows, s, prefix, "WAL", Kind.Years, t.Wal);
        }
    }

    /// <summary>A share's row; estimated as 0 or 1, with no ± (its standard error would be 0, read as "exactly known")
    /// and a row after it with its one-sided 95% bound (<see cref="Estimate.Bound"/>).</summary>
    static void Share(List<Row> rows, string section, string metric, Estimate e)
    {
        rows.Add(Of(section, metric, Kind.Rate, e));
        if (!double.IsNaN(e.Bound))
        {
            rows.Add(new(section, $"{metric}: {BoundName(e)}", Kind.Rate, e.Bound, double.NaN));
        }
    }

    /// <summary>"95% upper bound" for a share seen on no path, "95% lower bound" for one seen on every path.</summary>
    static string BoundName(Estimate e) => e.Value == 0 ? "95% upper bound" : "95% lower bound";

    /// <summary>An IRR's or a WAL's rows (<paramref name="measure"/>), each metric led by <paramref name="prefix"/>
    /// (<c>holders' </c> for a guaranteed tranche's holders, else empty): "holders' IRR p5", "holders' paths without an IRR".</summary>
    static void AddDistribution(List<Row> rows, string section, string prefix, string measure, Kind kind, Distribution d)
    {
        rows.Add(Of(section, $"{prefix}{measure} mean", kind, d.Mean));
        for (int i = 0; i < d.Percentiles.Length; i++)
        {
            rows.Add(Of(section, $"{prefix}{measure} p{Percentile(CreditMetrics.PercentileLevels[i])}", kind, d.Percentiles[i]));
        }

        rows.Add(new(section, $"{prefix}paths without {(measure == "IRR" ? "an IRR" : "a WAL")}", Kind.Count, d.Undefined, double.NaN));
    }

    static string RenderText(CreditMetrics m, bool markdown)
    {
        var text = new StringBuilder();
        string title = Title(m.Frame);
        string note = StandardErrors(m.Frame) + "; money in millions of " + m.Frame.Currency + (m.Frame.Replicates > 1
            ? "; quantiles from a log histogram, read inside their bucket (within 0.78%), a reading their ± (and ES's) across replicates does not include (docs/language.md, \"Standard errors under Sobol\")"
            : "; quantiles from a log histogram, read inside their bucket (within 0.78%), their ± (and ES's) with that reading's error (docs/language.md, \"Monte Carlo results\")");
        if (markdown)
        {
            text.Append("### ").Append(Escape(title)).Append("\n\n").Append(Escape(note)).Append("\n\n");
        }
        else
        {
            text.Append(TerminalText.Escape(title)).Append('\n').Append(TerminalText.Escape(note)).Append("\n\n");
        }

        string[] header = ["", "metric", "estimate", "±"];
        var body = new List<string[]>();
        string? last = null;
        foreach (Row r in Rows(m))
        {
            body.Add([r.Section == last ? "" : r.Section, r.Metric, Human(r.Value, r.Kind), r.EveryPathSame ? EveryPath(r.Value, r.Kind) : Error(r.StdError, r.Kind)]);
            last = r.Section;
        }

        Table(text, header, body, markdown, labelColumns: 2);
        foreach (IndexFan fan in m.Indices)
        {
            text.Append('\n');
            string heading = $"{fan.Name}: level at each period's start, percentiles over the paths";
            text.Append(markdown ? "#### " + Escape(heading) + "\n\n" : TerminalText.Escape(heading) + "\n");
            string[] fanHeader = ["period start", .. CreditMetrics.PercentileLevels.Select(q => "p" + Percentile(q))];
            var fanRows = new List<string[]>();
            for (int t = 0; t < fan.Dates.Length; t++)
            {
                fanRows.Add([fan.Dates[t].ToString(), .. fan.Percentiles[t].Select(Level4)]);
            }

            Table(text, fanHeader, fanRows, markdown, labelColumns: 1);
        }

        return text.ToString();
    }

    static void Table(StringBuilder text, string[] header, List<string[]> body, bool markdown, int labelColumns)
    {
        if (markdown)
        {
            MarkdownTable.Write(text, header, body, labelColumns);
        }
        else
        {
            TextTable.Write(text, [header, .. body], headerRows: 1, labelColumns);
        }
    }

    static string RenderCsv(CreditMetrics m)
    {
        var text = new StringBuilder();
        Csv.WriteRecord(text, ["section", "metric", "value", "stderr"]);
        foreach (Row r in Rows(m))
        {
            Csv.WriteRecord(text, [r.Section, r.Metric, Exact(r.Value, r.Kind), Exact(r.StdError, r.Kind)]);
        }

        foreach (IndexFan fan in m.Indices)
        {
            for (int t = 0; t < fan.Dates.Length; t++)
            {
                for (int q = 0; q < CreditMetrics.PercentileLevels.Length; q++)
                {
                    Csv.WriteRecord(text, [fan.Name, $"{fan.Dates[t]} p{Percentile(CreditMetrics.PercentileLevels[q])}", ValueText.Full(fan.Percentiles[t][q]), ""]);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A tranche's (or its holders') loss, tail, interest and IRR fields, in the JSON's order.</summary>
    static void TrancheJson(Utf8JsonWriter w, TrancheRisk t)
    {
        w.WriteNumber("pathsWithLoss", t.PathsWithLoss);
        Estimate(w, "lossProbability", t.LossProbability, Kind.Rate);
        Estimate(w, "expectedLoss", t.ExpectedLoss, Kind.Money);
        Estimate(w, "expectedLossShare", t.ExpectedLossShare, Kind.Rate);
        Estimate(w, "lossGivenLoss", t.LossGivenLoss, Kind.Money);
        Estimate(w, "lgd", t.LossGivenLossShare, Kind.Rate);
        w.WriteStartArray("tails");
        foreach (TailRisk tail in t.Tails)
        {
            w.WriteStartObject();
            w.WriteNumber("level", tail.Level);
            Estimate(w, "valueAtRisk", tail.ValueAtRisk, Kind.Money);
            Estimate(w, "expectedShortfall", tail.ExpectedShortfall, Kind.Money);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Json.Money(w, "largestLoss", t.MaxLoss);
        Estimate(w, "interestShortfallProbability", t.ShortfallProbability, Kind.Rate);
        Estimate(w, "expectedUnpaidInterest", t.ExpectedUnpaidInterest, Kind.Money);
        DistributionJson(w, "irr", t.Irr, Kind.Rate);
    }

    static string RenderJson(CreditMetrics m) => Json.Write(w =>
    {
        SimulationFrame f = m.Frame;
        w.WriteStartObject();
        w.WriteString("deal", f.Deal);
        w.WriteString("currency", f.Currency);
        w.WriteString("scenario", f.Scenario);
        w.WriteString("seed", f.Seed.ToString(Invariant));
        w.WriteNumber("paths", m.Paths);
        if (f.Replicates > 1)
        {
            // only for replicates, so every other run's JSON is as it was: "paths" counts every replicate's
            w.WriteNumber("replicates", f.Replicates);
            w.WriteNumber("pathsPerReplicate", f.Paths);
            w.WriteString("lastSeed", LastSeed(f).ToString(Invariant));
        }

        if (f.Sampling != SimulationFrame.Independent)
        {
            // What the `note:` line on standard error says, in the document itself, for a reader that sees no stderr.
            w.WriteString("sampling", f.Sampling);
        }

        w.WriteString("standardErrors", f.Replicates > 1
            ? string.Create(Invariant, $"each estimate is the mean of {f.Replicates} replicates at seeds seed to lastSeed, its stderr one standard error of that mean across them; a VaR's, ES's or percentile's without the error of reading it inside its histogram bucket (docs/language.md, \"Standard errors under Sobol\")")
            : f.Sampling == SimulationFrame.Antithetic
            ? "one Monte Carlo standard error of each estimate, over the mirrored pairs; a VaR's or percentile's with the error of reading it inside its histogram bucket, an ES's with that of reading its tail's buckets (docs/language.md, \"Monte Carlo results\")"
            : "one Monte Carlo standard error of each estimate; a VaR's or percentile's with the error of reading it inside its histogram bucket, an ES's with that of reading its tail's buckets (docs/language.md, \"Monte Carlo results\")");
        w.WriteStartArray("tranches");
        foreach (TrancheRisk t in m.Tranches)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            Json.Money(w, "balance", t.Balance);
            TrancheJson(w, t);
            DistributionJson(w, "wal", t.Wal, Kind.Years);
            if (Array.Find(m.Holders, h => h.Name == t.Name) is { } holders)
            {
                // behind a guarantor: the figures above are the issuer's, these its holders' (no WAL of their own)
                w.WriteStartObject("holders");
                TrancheJson(w, holders);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("equities");
        foreach (var (name, irr) in m.Equities)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            DistributionJson(w, "irr", irr, Kind.Rate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        // only for a deal with funds or guarantees, so every other deal's JSON is as it was
        if (m.LpClasses.Length > 0)
        {
            w.WriteStartArray("lpClasses");
            foreach (LpClassRisk c in m.LpClasses)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                Estimate(w, "expectedDistributions", c.ExpectedDistributions, Kind.Money);
                Estimate(w, "irrMean", c.IrrMean, Kind.Rate);
                w.WriteNumber("pathsWithoutIrr", c.PathsWithoutIrr);
                Estimate(w, "lossProbability", c.LossProbability, Kind.Rate);
                Estimate(w, "expectedLoss", c.ExpectedLoss, Kind.Money);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("carries");
            for (int k = 0; k < m.Carries.Length; k++)
            {
                var (name, carry) = m.Carries[k];
                w.WriteStartObject();
                w.WriteString("name", name);
                Estimate(w, "expectedCarry", carry, Kind.Money);
                if (k < m.UnpaidCarries.Length && m.UnpaidCarries[k] is { } unpaid)
                {
                    w.WriteNumber("pathsWithCarryUnpaid", unpaid.PathsUnpaid);
                    Estimate(w, "carryUnpaidProbability", unpaid.Probability, Kind.Rate);
                    Estimate(w, "expectedCarryUnpaid", unpaid.Expected, Kind.Money);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (Owed(m).Any())
        {
            // only where some path ended owing a fee, opex, a commitment fee or a guarantee fee
            w.WriteStartArray("unpaidAtEnd");
            foreach (UnpaidRisk u in Owed(m))
            {
                w.WriteStartObject();
                w.WriteString("name", u.Owner);
                w.WriteString("item", u.Row);
                w.WriteNumber("pathsUnpaid", u.PathsUnpaid);
                Estimate(w, "unpaidProbability", u.Probability, Kind.Rate);
                Estimate(w, "expectedUnpaid", u.Expected, Kind.Money);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Estimate(w, "eventOfDefaultProbability", m.EventOfDefault, Kind.Rate);
        Estimate(w, "saleProbability", m.Sale, Kind.Rate);
        if (m.Guarantees.Length > 0)
        {
            w.WriteStartArray("guarantees");
            foreach (GuarantorRisk g in m.Guarantees)
            {
                w.WriteStartObject();
                w.WriteString("name", g.Name);
                Json.Money(w, "cap", g.Cap);
                w.WriteNumber("pathsPaying", g.PathsPaying);
                Estimate(w, "payProbability", g.PayProbability, Kind.Rate);
                Estimate(w, "expectedAmountPaid", g.ExpectedCost, Kind.Money);
                Estimate(w, "amountPaidGivenPays", g.CostGivenPays, Kind.Money);
                Json.Money(w, "largestAmountPaid", g.MaxCost);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        w.WriteStartArray("parties");
        foreach (PartyRisk p in m.Parties)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            Json.Number(w, "annualPd", p.AnnualPd);
            Json.Number(w, "horizonPd", p.HorizonPd);
            w.WriteNumber("defaults", p.Defaults);
            Estimate(w, "defaultRate", p.DefaultRate, Kind.Rate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("indices");
        foreach (IndexFan fan in m.Indices)
        {
            w.WriteStartObject();
            w.WriteString("name", fan.Name);
            w.WriteStartArray("percentiles");
            foreach (int q in CreditMetrics.PercentileLevels)
            {
                w.WriteNumberValue(q / 1e6);
            }

            w.WriteEndArray();
            w.WriteStartArray("periods");
            for (int t = 0; t < fan.Dates.Length; t++)
            {
                w.WriteStartObject();
                w.WriteString("start", fan.Dates[t].ToString());
                w.WriteStartArray("levels");
                foreach (double v in fan.Percentiles[t])
                {
                    Json.Number(w, v);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    static void Estimate(Utf8JsonWriter w, string name, Estimate e, Kind kind)
    {
        w.WriteStartObject(name);
        if (kind == Kind.Money)
        {
            Json.Money(w, "value", e.Value);
            Json.Money(w, "stderr", e.StdError);
        }
        else
        {
            Json.Number(w, "value", e.Value);
            Json.Number(w, "stderr", e.StdError);
            if (!double.IsNaN(e.Bound))
            {
                Json.Number(w, e.Value == 0 ? "upperBound95" : "lowerBound95", e.Bound); // a share of 0 or 1: its stderr is null
            }
        }

        // a mean the same on every path: its stderr is null, not 0; "everyPathZero" at 0, as before, else "everyPathSame"
        if (e.EveryPathSame)
        {
            w.WriteBoolean(e.Value == 0 ? "everyPathZero" : "everyPathSame", true);
        }

        w.WriteEndObject();
    }

    static void DistributionJson(Utf8JsonWriter w, string name, Distribution d, Kind kind)
    {
        w.WriteStartObject(name);
        w.WriteNumber("paths", d.Paths);
        w.WriteNumber("undefined", d.Undefined);
        Estimate(w, "mean", d.Mean, kind);
        w.WriteStartArray("percentiles");
        for (int i = 0; i < d.Percentiles.Length; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("level", CreditMetrics.PercentileLevels[i] / 1e6);
            Json.Number(w, "value", d.Percentiles[i].Value);
            Json.Number(w, "stderr", d.Percentiles[i].StdError);
            if (d.Percentiles[i].EveryPathSame)
            {
                // the same on every path: stderr null, not 0, as a mean's
                w.WriteBoolean(d.Percentiles[i].Value == 0 ? "everyPathZero" : "everyPathSame", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        Json.Number(w, "min", d.Min);
        Json.Number(w, "max", d.Max);
        w.WriteEndObject();
    }

    static string Human(double value, Kind kind, bool empty = false)
    {
        if (empty && double.IsNaN(value))
        {
            return "";
        }

        return kind switch
        {
            Kind.Money => Fixed(value / 1e6, "F3"),
            Kind.Rate => double.IsFinite(value * 100) ? Fixed(value * 100, "F3") + "%" : ValueText.NotAvailable,
            Kind.Years => Fixed(value, "F3"),
            _ => Fixed(value, "F0"),
        };
    }

    /// <summary>A standard error for people, as <see cref="Human"/> prints its estimate, except that one above 0 too small
    /// for the column's three decimals reads "&lt; 0.001" (or "&lt; 0.001%"): printed "0.000" it would read as exactly
    /// known, which only "every path x" and a quantile read exactly say (CoreWeave's Loan WAL mean, ± 0.00047 years at
    /// 100,000 paths). The CSV and JSON reports carry it in full.</summary>
    static string Error(double value, Kind kind)
    {
        string text = Human(value, kind, empty: true);
        if (!(value > 0) || kind == Kind.Count)
        {
            return text;
        }

        return text == "0.000" ? "< 0.001" : text == "0.000%" ? "< 0.001%" : text;
    }

    static string Exact(double value, Kind kind) => !double.IsFinite(value) ? "" : kind switch
    {
        Kind.Money => ValueText.Cents(value),
        Kind.Count => value.ToString("F0", Invariant),
        _ => ValueText.Full(value),
    };

    // A fan's level for people: four significant figures cover a rate (0.04312) and a price (2.347) alike.
    // Four decimals, or four significant digits below 1 (a rate index such as SOFR at 0.04312), trailing zeros kept so
    // that a column reads alike: 0.4000 beside 1.0000, not 0.4.
    internal static string Level4(double value)
    {
        if (!double.IsFinite(value))
        {
            return ValueText.NotAvailable;
        }

        int decimals = value != 0 && Math.Abs(value) < 1 ? Math.Min(15, 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)))) : 4;
        return Fixed(value, "F" + decimals.ToString(Invariant));
    }

    static string Fixed(double value, string format)
    {
        if (!double.IsFinite(value))
        {
            return ValueText.NotAvailable;
        }

        string text = value.ToString(format, Invariant);
        return text.StartsWith('-') && text.AsSpan(1).Trim("0.").IsEmpty ? text[1..] : text;
    }

    static string Level(double level) => (level * 100).ToString("0.#", Invariant) + "%";

    static string Percentile(int millionths) => (millionths / 10_000).ToString(Invariant);

    static string Escape(string text) => MarkdownText.Escape(text);
}
