using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Metamorphic;

/// <summary>How a figure moves when every money amount of a deal is scaled.</summary>
internal enum Scaling
{
    /// <summary>Money: scales with the money.</summary>
    Money,

    /// <summary>A rate, ratio, IRR, WAL, share, count or flag: unchanged.</summary>
    Invariant,

    /// <summary>A test's value in compute units (money per GPU-hour scales, GPUs do not): unchanged or scaled.</summary>
    Either,
}

/// <summary>One number of a run: a ledger cell or a summary figure.</summary>
internal sealed record Figure(Scaling Scaling, double Value);

/// <summary>
/// Every figure of a deal's runs, keyed by where it is, so two runs compare figure by figure: each ledger cell by
/// entity, scenario, period and column name (declaration order may move columns), each summary figure by its path
/// with list elements by name (a tranche's, a party's). What is not a double (dates, flags, counts, names) is kept as
/// text, <see cref="Others"/>, to be equal as a set.
/// </summary>
internal sealed partial class RunFigures
{
    /// <summary>Summary figures that are no money (Type.Property): every other double of a summary is money. A new
    /// summary figure is taken for money until it is listed here.</summary>
    private static readonly HashSet<string> Invariants =
    [
        "TrancheSummary.LossFraction", "TrancheSummary.WalYears", "TrancheSummary.Irr", "TrancheSummary.BondEquivalentYield",
        "TrancheSummary.HoldersIrr", "TrancheSummary.IrrWithCommitmentFee",
        "EquitySummary.Irr", "HolderShare.Share", "LpClassSummary.Irr", "LpClassSummary.Hurdle", "LpClassSummary.Rate",
        "PartySummary.AnnualPd", "PartySummary.PdToMaturity", "PartySummary.Recovery",
        "FleetSummary.Units", "FleetSummary.UnitsSold", "FleetSummary.UnitsKept", "FleetSummary.UnitsHeld", "ContractSummary.Units",
        "HoldingSummary.ShareSold", "GuaranteeSummary.CapUsed",
        "CoinsSummary.Sold", "CoinsSummary.HeldAtEnd", "CoinsSummary.SoldInEnforcement", "CoinsSummary.Kept",
    ];

    private static readonly string[] NameProperties =
        ["Name", "Tranche", "Lease", "Holder", "Trigger", "Test", "Loan", "Fleet", "Contract", "Holding", "Guarantor", "Coins", "Party"];

    public Dictionary<string, Figure> Numbers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Others { get; } = new(StringComparer.Ordinal);

    public RunFigures(IEnumerable<EntityRun> runs)
    {
        foreach (var run in runs)
        {
            string prefix = $"{run.Entity}/{run.Scenario}";
            Others.Add($"{prefix} periods run={run.Outcome.PeriodsRun}");
            var ledger = run.Outcome.Ledger!;
            for (int c = 0; c < run.Layout.Columns.Length; c++)
            {
                var column = run.Layout.Columns[c];
                Scaling scaling = column.Kind switch
                {
                    ColumnKind.Money => Scaling.Money,
                    ColumnKind.Number => Scaling.Either,
                    _ => Scaling.Invariant,
                };
                for (int t = 0; t < ledger.Periods; t++)
                {
                    Numbers[$"{prefix} ledger[{t + 1}] '{Unnumbered(column.Name)}'"] = new(scaling, ledger[t, c]);
                }
            }

            Walk(run.Outcome, prefix + " summary", depth: 0);
        }
    }

    /// <summary>A trigger's sweep column without its step number ('6 CashTrap => sweep 100% to Loan swept'): the sweeps
    /// are numbered in the triggers' order, so reordering two sweeping triggers renumbers them, while the trigger's name
    /// and effect still say which it is.</summary>
    private static string Unnumbered(string column) => SweepColumn().Replace(column, "$1");

    [GeneratedRegex(@"^\d+ (\S+ => sweep .*)$")]
    private static partial Regex SweepColumn();

    private void Walk(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                Others.Add(path + "=null");
                return;
            case LedgerTable:
                return;
            case double:
                Assert.Fail($"{path}: a figure outside a record's double property, which RunFigures does not classify");
                return;
            case TestRange range:
                Scaling scaling = range.Kind switch { ColumnKind.Money => Scaling.Money, ColumnKind.Number => Scaling.Either, _ => Scaling.Invariant };
                Numbers[path + ".Minimum"] = new(scaling, range.Minimum);
                Numbers[path + ".Maximum"] = new(scaling, range.Maximum);
                Others.Add(path + ".Kind=" + range.Kind);
                return;
            case PathDrawFigure draw:
                // What a stochastic scenario's path 0 drew ('drawn' rows): money only where its column is (a shock, a
                // rate, a count of jumps or months, a date is what it was).
                Numbers[path + ".Value"] = new(draw.Kind == DealLang.Runner.Simulation.PathColumnKind.Money ? Scaling.Money : Scaling.Invariant, draw.Value);
                Others.Add(path + ".Kind=" + draw.Kind);
                return;
            case string or bool or int or long or Date or Enum:
                Others.Add(path + "=" + Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }

        Assert.True(depth < 10, "the summary nests deeper than expected at " + path);
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                Walk(item, $"{path}[{NameOf(item) ?? i.ToString(CultureInfo.InvariantCulture)}]", depth + 1);
                i++;
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            object? v = property.GetValue(value);
            if (property.PropertyType == typeof(double))
            {
                string name = property.DeclaringType!.Name + "." + property.Name;
                Numbers[$"{path}.{property.Name}"] = new(Invariants.Contains(name) ? Scaling.Invariant : Scaling.Money, (double)v!);
            }
            else
            {
                Walk(v, $"{path}.{property.Name}", depth + 1);
            }
        }
    }

    private static string? NameOf(object? item) =>
        item is null ? null : NameProperties.Select(p => item.GetType().GetProperty(p)?.GetValue(item) as string).FirstOrDefault(s => s is not null);

    /// <summary>
    /// What differs between the figures of a deal (<paramref name="before"/>) and of its variant: each money figure must
    /// be <paramref name="factor"/> times what it was, every other figure what it was (a test in compute units either);
    /// exactly when <paramref name="tolerance"/> is 0, else within it relative to the larger side (or absolutely, below
    /// 1e-6 in the deal's currency: the residue of a sum that should be 0). Figures the variant adds are failures unless
    /// <paramref name="added"/> allows their key. At most <paramref name="limit"/> differences are listed.
    /// </summary>
    public static List<string> Differences(RunFigures before, RunFigures after, double factor, double tolerance,
        Func<string, bool>? added = null, int limit = 20)
    {
        var differences = new List<string>();
        void Add(string difference)
        {
            if (differences.Count < limit)
            {
                differences.Add(difference);
            }
        }

        foreach (var (key, a) in before.Numbers)
        {
            if (!after.Numbers.TryGetValue(key, out var b))
            {
                Add($"{key}: no longer reported");
                continue;
            }

            double scaled = factor * a.Value;
            bool holds = a.Scaling switch
            {
                Scaling.Money => Near(b.Value, scaled, tolerance),
                Scaling.Invariant => Near(b.Value, a.Value, tolerance),
                _ => Near(b.Value, a.Value, tolerance) || Near(b.Value, scaled, tolerance),
            };
            if (!holds)
            {
                Add(string.Create(CultureInfo.InvariantCulture,
                    $"{key} ({a.Scaling}): {a.Value:R} became {b.Value:R}, expected {(a.Scaling == Scaling.Invariant ? a.Value : scaled):R}"));
            }
        }

        foreach (string key in after.Numbers.Keys.Where(k => !before.Numbers.ContainsKey(k) && added?.Invoke(k) != true))
        {
            Add($"{key}: new");
        }

        foreach (string other in before.Others.Where(o => !after.Others.Contains(o)))
        {
            Add($"{other}: changed to {string.Join(", ", after.Others.Where(o => o.Split('=')[0] == other.Split('=')[0]).DefaultIfEmpty("(none)"))}");
        }

        foreach (string other in after.Others.Where(o => !before.Others.Contains(o) && added?.Invoke(o) != true
            && !before.Others.Any(b => b.Split('=')[0] == o.Split('=')[0])))
        {
            Add($"{other}: new");
        }

        return differences;
    }

    private static bool Near(double actual, double expected, double tolerance) =>
        actual.Equals(expected)
        || (tolerance > 0 && Math.Abs(actual - expected) <= Math.Max(1e-6, tolerance * Math.Max(Math.Abs(actual), Math.Abs(expected))));
}
