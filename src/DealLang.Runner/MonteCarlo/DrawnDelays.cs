using DealLang.Runner.Paths;
using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A stochastic scenario's completion delays drawn per path (docs/language.md §10, "Drawn delays"), worked out once
/// per source: for each model, the cumulative probabilities its uniform is compared with and, per outcome, the
/// index's row with its dated points (the scenario's, else the deal's) moved later by that many whole months, as a
/// scenario's <c>delayed</c> moves them. A path shares the row of its outcome as the index's levels and, where the deal
/// projects a completion, as its schedule: the path's delayed schedule is what a forward test reads ahead. A delay with
/// loadings turns its draw into a loaded uniform through its <see cref="FactorCopula"/> before the comparison.
/// </summary>
internal sealed class DrawnDelays
{
    // How far the probabilities may add up from 1 (the compiler's check, DL0769, is the same).
    const double Tolerance = 1e-9;

    readonly DelayModel[] models;
    readonly double[][] cumulative;
    readonly double[][][] rows;
    readonly FactorCopula?[] copulas;

    /// <summary><paramref name="factors"/>, <paramref name="correlation"/> and <paramref name="regimes"/>: the scenario's
    /// factor count, correlations and whether it switches regimes, which a loaded delay's copula needs.</summary>
    public DrawnDelays(DealDescription deal, ScenarioSpec scenario, DelayModel[] models, bool[] drawnIndex, int factors, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad)
    {
        this.models = models;
        cumulative = new double[models.Length][];
        rows = new double[models.Length][][];
        copulas = new FactorCopula?[models.Length];
        for (int d = 0; d < models.Length; d++)
        {
            DelayModel model = models[d];
            if ((uint)model.Index >= (uint)deal.Indices.Length)
            {
                throw bad($"its drawn delay {d + 1} names index {model.Index}, and the deal has {deal.Indices.Length}");
            }

            string name = deal.Indices[model.Index].Name;
            if (model.Months.Length == 0 || model.Months.Length != model.Probabilities.Length
                || !Array.TrueForAll(model.Months, m => m is >= 0 and <= MaxMonths)
                || !Array.TrueForAll(model.Probabilities, p => p is >= 0 and <= 1)
                || Math.Abs(model.Probabilities.Sum() - 1) > Tolerance)
            {
                throw bad($"index '{name}''s drawn delay is not whole months in [0, {MaxMonths}] with probabilities in [0%, 100%] adding up to 100%");
            }

            if (drawnIndex[model.Index])
            {
                throw bad($"index '{name}' has both a drawn delay and a process or jumps");
            }

            cumulative[d] = Cumulative(model.Probabilities);
            copulas[d] = FactorCopula.Of(model.Loadings ?? [], $"index '{name}''s drawn delay", "β", factors, correlation, regimes, bad);
            if (copulas[d] is not null && !Enumerable.Range(1, model.Months.Length - 1).All(j => model.Months[j] > model.Months[j - 1]))
            {
                throw bad($"index '{name}''s drawn delay has loadings and its months are not increasing (a higher X draws a later outcome)");
            }

            IndexOverride? levers = scenario.Indices.Length == 0 ? null : scenario.Indices[model.Index];
            rows[d] = [.. model.Months.Select(m => RowOf(deal, model.Index, levers, m, model.From))];
        }
    }

    /// <summary>The longest delay (months): the compiler's bound (DL0768).</summary>
    public const int MaxMonths = 120;

    public int Count => models.Length;

    public DelayModel this[int model] => models[model];

    /// <summary>Model <paramref name="model"/>'s copula on the factors; null for a delay independent of them.</summary>
    public FactorCopula? Copula(int model) => copulas[model];

    /// <summary>Model <paramref name="model"/>'s outcome for the uniform <paramref name="u"/> in (0, 1): the first
    /// outcome j with u &lt; p_0 + … + p_j (an outcome of probability 0 is never drawn).</summary>
    public int Outcome(int model, double u) => Outcome(cumulative[model], u);

    /// <summary>The running sums p_0, p_0 + p_1, … of <paramref name="probabilities"/>, the last 1 exactly, so that every
    /// uniform (below 1) falls in some outcome whatever the sum's last bit.</summary>
    internal static double[] Cumulative(double[] probabilities)
    {
        var c = new double[probabilities.Length];
        double sum = 0;
        for (int j = 0; j < probabilities.Length; j++)
        {
            sum += probabilities[j];
            c[j] = sum;
        }

        c[^1] = 1.0;
        return c;
    }

    /// <summary>The first outcome j with <paramref name="u"/> &lt; <paramref name="c"/>[j] (an outcome of probability 0
    /// is never drawn).</summary>
    internal static int Outcome(double[] c, double u)
    {
        int j = 0;
        while (j < c.Length - 1 && !(u < c[j]))
        {
            j++;
        }

        return j;
    }

    /// <summary>Model <paramref name="model"/>'s index row at outcome <paramref name="outcome"/> (shared: never written).</summary>
    public double[] Row(int model, int outcome) => rows[model][outcome];

    /// <summary>Index <paramref name="index"/>'s levers with its dated points (<paramref name="levers"/>' own, else the
    /// deal's) moved later by <paramref name="months"/> whole months (only those on or after <paramref name="from"/>
    /// when it is given), as the compiler moves them for a fixed delay; the levers as they are for an index without
    /// points.</summary>
    public static IndexOverride? Moved(DealDescription deal, int index, IndexOverride? levers, int months, Date? from)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if ((levers?.Points ?? deal.Indices[index].Points) is not { } points || months == 0)
        {
            return levers;
        }

        return (levers ?? IndexOverride.None) with { Points = points.Delayed(months, from) };
    }

    /// <summary>Index <paramref name="index"/>'s level at each period start of <paramref name="deal"/>, under
    /// <paramref name="levers"/> with its points moved by <paramref name="months"/> (from <paramref name="from"/>).</summary>
    public static double[] RowOf(DealDescription deal, int index, IndexOverride? levers, int months, Date? from)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var row = new double[deal.Periods];
        IndexLevels.Fill(IndexLevels.Terms.Of(deal.Indices[index], Moved(deal, index, levers, months, from)), deal.Indices[index].AnchorIn(deal.Closing), deal.Boundaries, row);
        return row;
    }
}
