using System.Globalization;
using System.Text.RegularExpressions;
using DealLang.Cli.Tests.MonteCarlo;
using DealLang.Runner.Simulation;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Metamorphic;

/// <summary>
/// Relation 1 of <see cref="MetamorphicTests"/> (money is homogeneous) for <c>deallang mc</c>: every money literal of a
/// deal with a stochastic scenario doubled (exact in binary, <see cref="MoneyLiterals"/>), the same scenario at the same
/// seed doubles every Monte Carlo money figure — each tranche's expected loss, loss given a loss, VaR and ES, largest
/// loss and expected unpaid interest, each guarantee's cost and cap, each LP class's distributions and loss, each
/// carry, each with its standard error, a money index's fan — and every money column of <c>--paths-out</c>, while every
/// rate, probability, IRR, WAL, PD, count and draw stays what it was, bit for bit. Exactly, but for the means of the
/// exact sums and their ±, which count each path's amount in whole 1/1,024ths of the currency unit and so are twice
/// the original's within 2⁻⁹ of it (<see cref="SumQuantum"/>); the quantiles, read from a log histogram's bits, are exact.
/// Each run is <c>mc --shard 1/1 --out F --paths-out P</c>:
/// the shard file holds the run's exact totals, from which the report is computed (<see cref="CreditMetrics.Compute"/>,
/// what <c>mc</c> prints, rounded to the cent), and the rows every path's figures at full precision.
/// <para>
/// Over the examples with stochastic scenarios (two of them chains) and valid corpus deals drawing rates, defaults,
/// wrong-way recoveries, bitcoin, loans' recoveries after a workout lag and a recovery drawn from outcomes (a fund's LP
/// classes and carry in 029), 400 paths each so the class runs in well under a minute.
/// </para>
/// </summary>
public sealed class MonteCarloHomogeneityTests : IDisposable
{
    private const int Paths = 400;

    private readonly string folder = Directory.CreateTempSubdirectory("deallang-mc-homogeneity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The deal (repository-relative), its scenario files, and its stochastic scenario.</summary>
    public static TheoryData<string, string[], string> Deals => new()
    {
        { "examples/coreweave-ddtl2.deal", [], "Stochastic" },
        { "examples/hyperion.deal", ["examples/hyperion-mc.scenarios"], "StochasticRent" },
        { "examples/national-compute.deal", [], "FiscalCost" },
        { "examples/terawulf.deal", [], "Stochastic" },
        { "tests/corpus/valid/017-stochastic-rents-rates-and-defaults.deal", [], "RentsAndDefaults" },
        { "tests/corpus/valid/026-stochastic-chain-run-by-mc.deal", [], "TenantRisk" },
        { "tests/corpus/valid/029-guaranteed-notes-held-by-a-fund-run-by-mc.deal", [], "TenantRisk" },
        { "tests/corpus/valid/047-wrong-way-recovery-on-a-gpu-fleet-loan.deal", [], "WrongWay" },
        { "tests/corpus/valid/065-a-miner-keeping-half-its-margin-in-bitcoin.deal", [], "Stochastic" },
        { "tests/corpus/valid/032-loan-recoveries-after-a-workout-lag.deal", [], "Stochastic" },
        { "tests/corpus/valid/087-gpu-loan-recovery-no-buyer-or-else-a-beta-price.deal", [], "NoBuyerOrAPrice" },
    };

    [Theory]
    [MemberData(nameof(Deals))]
    public void Doubling_every_money_literal_doubles_every_Monte_Carlo_money_figure_and_leaves_the_rest(string deal, string[] scenarioFiles, string scenario)
    {
        var (metrics, rows) = Run("original", deal, scenarioFiles, scenario, (_, text) => text);
        var (doubledMetrics, doubledRows) = Run("doubled", deal, scenarioFiles, scenario, (path, text) => MoneyLiterals.Scale(path, text, 2m));

        var differences = new List<string>();
        Assert.Equal(metrics.Count, doubledMetrics.Count);
        for (int e = 0; e < metrics.Count; e++)
        {
            Compare(MetricFigures(metrics[e]), MetricFigures(doubledMetrics[e]), differences);
        }

        // Not a vacuous check: the rows have money columns, and some path of the run lost money or was paid some.
        Assert.Contains(RowFigures(rows), f => f.Scaling == Scaling.Money && f.Value > 0);
        Compare(RowFigures(rows), RowFigures(doubledRows), differences);
        Assert.True(differences.Count == 0, $"{deal} {scenario} with its money doubled:\n" + string.Join("\n", differences.Take(20)));
    }

    /// <summary>One number of a Monte Carlo run: how it scales, its value, and how far from exact it may be (0 but for a
    /// money mean of the exact sums and its ±, <see cref="SumQuantum"/>).</summary>
    private sealed record Figure(string Key, Scaling Scaling, double Value, double Tolerance = 0);

    /// <summary>How far a money mean of the doubled run (and its ±) may be from twice the original's, in the currency:
    /// the means are of exact sums that count each path's amount in whole 1/1,024ths of the currency unit
    /// (docs/language.md §12, "Monte Carlo results"), each rounded to the nearest, so a path's 2x counts to within
    /// 2⁻¹¹ and twice its x to within 2 × 2⁻¹¹: a mean, or a sample deviation over √n, moves by at most 3 × 2⁻¹¹, under
    /// 2⁻⁹ (about a fifth of a cent). Everything else — quantiles, VaR, ES, largest amounts, fans, rows — is exact.</summary>
    private const double SumQuantum = 1.0 / 512;

    /// <summary>Each figure of the doubled run against the original's: money twice, the rest itself, exactly (NaN as NaN:
    /// a figure with no value, an estimate with no ±) or within its tolerance; an index fan's levels
    /// (<see cref="Scaling.Either"/>) all twice or all themselves, the fan of a price or of a rate.</summary>
    private static void Compare(List<Figure> before, List<Figure> after, List<string> differences)
    {
        Assert.Equal(before.Select(f => (f.Key, f.Scaling)), after.Select(f => (f.Key, f.Scaling)));
        var pairs = before.Zip(after, (a, b) => (a.Key, a.Scaling, a.Tolerance, Before: a.Value, After: b.Value)).ToList();
        foreach (var (key, scaling, tolerance, a, b) in pairs.Where(f => f.Scaling != Scaling.Either))
        {
            double expected = scaling == Scaling.Money ? 2 * a : a;
            if (!b.Equals(expected) && !(Math.Abs(b - expected) <= tolerance))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{key} ({scaling}): {a:R} became {b:R}, expected {expected:R}{(tolerance > 0 ? $" within {tolerance:R}" : "")}"));
            }
        }

        foreach (var fan in pairs.Where(f => f.Scaling == Scaling.Either).GroupBy(f => f.Key[..f.Key.IndexOf('[', StringComparison.Ordinal)]))
        {
            if (!fan.All(f => f.After.Equals(f.Before)) && !fan.All(f => f.After.Equals(2 * f.Before)))
            {
                var first = fan.First(f => !f.After.Equals(f.Before));
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{fan.Key}: neither every level twice nor every level itself ({first.Key}: {first.Before:R} became {first.After:R})"));
            }
        }
    }

    /// <summary>Runs the (rewritten) deal's scenario through <c>mc</c> into a shard file and a rows file in a folder of
    /// its own: each entity's metrics (run order, the top last) and the rows by column name.</summary>
    private (List<CreditMetrics> Metrics, Dictionary<string, Array> Rows) Run(string variant, string deal, string[] scenarioFiles, string scenario, Func<string, string, string> rewrite)
    {
        string root = Path.Combine(folder, variant);
        foreach (string file in FilesOf(deal).Concat(scenarioFiles))
        {
            string target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, rewrite(file, DealVariantRuns.Read(file)));
        }

        string shard = Path.Combine(root, "run.json"), parquet = Path.Combine(root, "rows.parquet");
        string[] args =
        [
            "mc", Path.Combine(root, deal), .. scenarioFiles.SelectMany(f => new[] { "--scenarios", Path.Combine(root, f) }),
            "--scenario", scenario, "--paths", Paths.ToString(CultureInfo.InvariantCulture), "--threads", "1",
            "--shard", "1/1", "--out", shard, "--paths-out", parquet,
        ];
        CliOutcome outcome = CliHarness.Run(args);
        Assert.True(outcome.Exit == ExitCodes.Ok, outcome.ToString());
        var metrics = ShardFile.ReadRun(File.ReadAllBytes(shard)).Select(s => CreditMetrics.Compute(s.Frame, s.Totals)).ToList();
        return (metrics, PathsParquetFile.Read(parquet, out _));
    }

    /// <summary>The deal file and every file it imports, repository-relative, recursively.</summary>
    private static IEnumerable<string> FilesOf(string deal)
    {
        var files = new List<string>();
        var pending = new Stack<string>([deal]);
        while (pending.Count > 0)
        {
            string file = pending.Pop();
            if (files.Contains(file))
            {
                continue;
            }

            files.Add(file);
            foreach (Match import in Regex.Matches(DealVariantRuns.Read(file), "^import \"([^\"]+)\"", RegexOptions.Multiline))
            {
                pending.Push(Path.GetRelativePath(RepoPaths.Root, Path.Combine(RepoPaths.Root, Path.GetDirectoryName(file)!, import.Groups[1].Value)).Replace('\\', '/'));
            }
        }

        return files;
    }

    /// <summary>Every figure of the report, in order, each said to be money or not (docs/language.md §12, "Monte Carlo
    /// results"): the records' properties are listed in full below, so a figure added to the report fails this test until
    /// it is classified here.</summary>
    private static List<Figure> MetricFigures(CreditMetrics m)
    {
        Covers<CreditMetrics>("Carries", "Equities", "EventOfDefault", "Frame", "Guarantees", "Holders", "Indices", "LpClasses", "Parties", "Paths", "Sale", "Tranches", "Unpaid", "UnpaidCarries");
        Covers<UnpaidRisk>("Expected", "Owner", "PathsUnpaid", "Probability", "Row");
        Covers<TrancheRisk>("Balance", "ExpectedLoss", "ExpectedLossShare", "ExpectedUnpaidInterest", "Irr", "LossGivenLoss", "LossGivenLossShare", "LossProbability", "MaxLoss", "Name", "Paths", "PathsWithLoss", "ShortfallProbability", "Tails", "Wal");
        Covers<GuarantorRisk>("Cap", "CostGivenPays", "ExpectedCost", "MaxCost", "Name", "PathsPaying", "PayProbability");
        Covers<LpClassRisk>("ExpectedDistributions", "ExpectedLoss", "IrrMean", "LossProbability", "Name", "PathsWithoutIrr");
        Covers<PartyRisk>("AnnualPd", "Defaults", "DefaultRate", "HorizonPd", "Name");

        var figures = new List<Figure>();
        void Add(string key, bool money, double value, double tolerance = 0) => figures.Add(new(key, money ? Scaling.Money : Scaling.Invariant, value, tolerance));

        // A money mean of the exact sums (an expected loss, a loss given a loss, an expected payment) and its ±, within
        // the sums' quantum; a quantile, VaR or ES, read from the log histogram's bits, exactly.
        void Mean(string key, Estimate e) => Estimate(key, true, e, SumQuantum);
        void Estimate(string key, bool money, Estimate e, double tolerance = 0)
        {
            Add(key, money, e.Value, tolerance);
            Add(key + " ±", money, e.StdError, tolerance);
            Add(key + " bound", false, e.Bound);
            Add(key + " every path same", false, e.EveryPathSame ? 1 : 0);
        }

        void Distribution(string key, Distribution d)
        {
            // An IRR's or a WAL's: no money.
            Add(key + " paths", false, d.Paths);
            Add(key + " undefined", false, d.Undefined);
            Estimate(key + " mean", false, d.Mean);
            for (int i = 0; i < d.Percentiles.Length; i++)
            {
                Estimate(string.Create(CultureInfo.InvariantCulture, $"{key} p{i}"), false, d.Percentiles[i]);
            }

            Add(key + " min", false, d.Min);
            Add(key + " max", false, d.Max);
        }

        string deal = m.Frame.Deal;
        Add(deal + " paths", false, m.Paths);
        // a tranche's figures, or (a guaranteed tranche's holders', s "…holders'") the same, money where the tranche's are
        void Tranche(TrancheRisk t, string s)
        {
            Add(s + " balance", true, t.Balance);
            Add(s + " paths", false, t.Paths);
            Add(s + " paths with a loss", false, t.PathsWithLoss);
            Estimate(s + " P(principal loss)", false, t.LossProbability);
            Mean(s + " expected loss", t.ExpectedLoss);
            Estimate(s + " expected loss share", false, t.ExpectedLossShare);
            Mean(s + " loss given a loss", t.LossGivenLoss);
            Estimate(s + " LGD", false, t.LossGivenLossShare);
            foreach (TailRisk tail in t.Tails)
            {
                string level = tail.Level.ToString("R", CultureInfo.InvariantCulture);
                Add($"{s} tail {level} level", false, tail.Level);
                Estimate($"{s} VaR {level}", true, tail.ValueAtRisk);
                Estimate($"{s} ES {level}", true, tail.ExpectedShortfall);
            }

            Add(s + " largest loss", true, t.MaxLoss);
            Estimate(s + " P(interest shortfall)", false, t.ShortfallProbability);
            Mean(s + " expected unpaid interest", t.ExpectedUnpaidInterest);
            Distribution(s + " IRR", t.Irr);
            Distribution(s + " WAL", t.Wal);
        }

        foreach (TrancheRisk t in m.Tranches)
        {
            Tranche(t, $"{deal}.{t.Name}");
        }

        foreach (TrancheRisk t in m.Holders)
        {
            Tranche(t, $"{deal}.{t.Name} holders'");
        }

        foreach (var (name, irr) in m.Equities)
        {
            Distribution($"{deal}.{name} IRR", irr);
        }

        Estimate(deal + " P(event of default)", false, m.EventOfDefault);
        Estimate(deal + " P(enforcement sale)", false, m.Sale);
        foreach (PartyRisk p in m.Parties)
        {
            Add($"{deal}.{p.Name} annual PD", false, p.AnnualPd);
            Add($"{deal}.{p.Name} PD to maturity", false, p.HorizonPd);
            Add($"{deal}.{p.Name} defaults", false, p.Defaults);
            Estimate($"{deal}.{p.Name} default rate", false, p.DefaultRate);
        }

        foreach (IndexFan fan in m.Indices)
        {
            // An index's levels scale with the money where they are money (a rent per GPU-hour, a bitcoin price), not
            // where they are a rate (SOFR): the whole fan one way or the other.
            double[] levels = [.. fan.Percentiles.SelectMany(p => p)];
            for (int i = 0; i < levels.Length; i++)
            {
                figures.Add(new(string.Create(CultureInfo.InvariantCulture, $"{deal}.{fan.Name} fan[{i}]"), Scaling.Either, levels[i]));
            }
        }

        foreach (GuarantorRisk g in m.Guarantees)
        {
            string s = $"{deal}.{g.Name}";
            Add(s + " cap", true, g.Cap);
            Add(s + " paths paying", false, g.PathsPaying);
            Estimate(s + " P(pays anything)", false, g.PayProbability);
            Mean(s + " expected amount paid", g.ExpectedCost);
            Mean(s + " amount paid given it pays", g.CostGivenPays);
            Add(s + " largest amount paid", true, g.MaxCost);
        }

        foreach (LpClassRisk c in m.LpClasses)
        {
            string s = $"{deal}.{c.Name}";
            Mean(s + " expected distributions", c.ExpectedDistributions);
            Estimate(s + " IRR mean", false, c.IrrMean);
            Add(s + " paths without an IRR", false, c.PathsWithoutIrr);
            Estimate(s + " P(loss)", false, c.LossProbability);
            Mean(s + " expected loss", c.ExpectedLoss);
        }

        foreach (var (name, carry) in m.Carries)
        {
            Mean($"{deal}.{name} expected carry", carry);
        }

        foreach (UnpaidRisk u in m.Unpaid)
        {
            // what the paths ended owing of a fee, opex or a tranche's fee, as a carry unpaid: the paths owing it and
            // their share unmoved, its mean doubled
            string s = $"{deal}.{u.Owner} {u.Row}";
            Add(s + " paths unpaid", false, u.PathsUnpaid);
            Estimate(s + " P", false, u.Probability);
            Mean(s + " expected", u.Expected);
        }

        for (int f = 0; f < m.UnpaidCarries.Length; f++)
        {
            if (m.UnpaidCarries[f] is { } unpaid)
            {
                Add($"{deal} carry {f} paths unpaid", false, unpaid.PathsUnpaid);
                Estimate($"{deal} carry {f} P(unpaid at end)", false, unpaid.Probability);
                Mean($"{deal} carry {f} expected unpaid at end", unpaid.Expected);
            }
        }

        return figures;
    }

    /// <summary>The rows' figures, path by path: a money column (Parquet double, not null, other than a factor's shock,
    /// the only other such column) doubles; every other column (a rate, a WAL, a flag, a count, a date, a shock) is
    /// what it was.</summary>
    private static List<Figure> RowFigures(Dictionary<string, Array> rows)
    {
        var figures = new List<Figure>();
        foreach (var (name, column) in rows.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            bool money = column is double[] && !name.EndsWith(" shock", StringComparison.Ordinal);
            for (int p = 0; p < column.Length; p++)
            {
                double value = column.GetValue(p) switch
                {
                    double d => d,
                    int i => i,
                    bool b => b ? 1 : 0,
                    DateOnly d => d.DayNumber,
                    null => double.NaN,
                    var other => throw new InvalidOperationException($"column {name}: a {other.GetType().Name}"),
                };
                figures.Add(new(string.Create(CultureInfo.InvariantCulture, $"row {p} '{name}'"), money ? Scaling.Money : Scaling.Invariant, value));
            }
        }

        return figures;
    }

    /// <summary>The public properties of <typeparamref name="T"/> are exactly <paramref name="names"/>: one added to a
    /// record of the report is a figure this test must classify.</summary>
    private static void Covers<T>(params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), typeof(T).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
}
