using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

/// <summary>
/// A stochastic scenario's workout lags drawn per path (docs/language.md §10, "Drawn workout lags"), worked out once per
/// source: for each model, its party (or loan, <see cref="WorkoutModel.Loan"/>) and the cumulative probabilities its uniform is compared with, as a drawn delay's
/// (<see cref="DrawnDelays"/>). A path's outcome is the party's <see cref="ScenarioSpec.PartyWorkoutMonths"/> (a loan's:
/// its <see cref="ScenarioSpec.LoanWorkoutMonths"/>), which the
/// path building turns into each loan's lag in periods as a fixed lag is rounded. A lag with loadings turns its draw into a
/// loaded uniform through its <see cref="FactorCopula"/> before the comparison, as a drawn delay does.
/// </summary>
internal sealed class DrawnWorkouts
{
    // How far the probabilities may add up from 1 (the compiler's check, DL0769, is the same).
    const double Tolerance = 1e-9;

    readonly WorkoutModel[] models;
    readonly double[][] cumulative;
    readonly FactorCopula?[] copulas;

    /// <summary><paramref name="factors"/>, <paramref name="correlation"/> and <paramref name="regimes"/>: the scenario's
    /// factor count, correlations and whether it switches regimes, which a loaded lag's copula needs.</summary>
    public DrawnWorkouts(DealDescription deal, WorkoutModel[] models, int factors, CorrelationSpec? correlation, bool regimes, Func<string, Exception> bad)
    {
        this.models = models;
        cumulative = new double[models.Length][];
        copulas = new FactorCopula?[models.Length];
        for (int m = 0; m < models.Length; m++)
        {
            WorkoutModel model = models[m];
            if ((uint)model.Party >= (uint)deal.Parties.Length)
            {
                throw bad($"its drawn workout lag {m + 1} names party {model.Party}, and the deal has {deal.Parties.Length}");
            }

            // A loan's own lag (L workout drawn) names the loan and its obligor; a party's, the party.
            if (model.Loan >= 0 && ((uint)model.Loan >= (uint)deal.Loans.Length || deal.Loans[model.Loan].Obligor != model.Party))
            {
                throw bad($"its drawn workout lag {m + 1} names loan {model.Loan} of party {model.Party}, and the deal has no such loan");
            }

            string name = model.Loan >= 0 ? $"loan '{deal.Loans[model.Loan].Name}'" : $"party '{deal.Parties[model.Party].Name}'";
            if (model.Months is not { Length: > 0 } months || model.Probabilities is null || model.Probabilities.Length != months.Length
                || !Array.TrueForAll(months, x => x is >= 1 and <= MaxMonths)
                || !Enumerable.Range(1, months.Length - 1).All(j => months[j] > months[j - 1])
                || !Array.TrueForAll(model.Probabilities, p => p is >= 0 and <= 1)
                || Math.Abs(model.Probabilities.Sum() - 1) > Tolerance)
            {
                throw bad($"{name}'s drawn workout lag is not whole months in [1, {MaxMonths}], increasing, with probabilities in [0%, 100%] adding up to 100%");
            }

            if (models.Take(m).Any(o => o.Party == model.Party && o.Loan == model.Loan))
            {
                throw bad($"{name} has two drawn workout lags");
            }

            cumulative[m] = DrawnDelays.Cumulative(model.Probabilities);
            copulas[m] = FactorCopula.Of(model.Loadings ?? [], $"{name}'s drawn workout lag", "β", factors, correlation, regimes, bad);
        }
    }

    /// <summary>The longest lag (months): a fixed lag's bound (DL0490), the compiler's for an outcome (DL0768).</summary>
    public const int MaxMonths = 120;

    public int Count => models.Length;

    public WorkoutModel this[int model] => models[model];

    /// <summary>Model <paramref name="model"/>'s copula on the factors; null for a lag independent of them.</summary>
    public FactorCopula? Copula(int model) => copulas[model];

    /// <summary>Model <paramref name="model"/>'s lag in months for the uniform <paramref name="u"/> in (0, 1): the first
    /// outcome j with u &lt; p_0 + … + p_j.</summary>
    public int Months(int model, double u) => models[model].Months[DrawnDelays.Outcome(cumulative[model], u)];
}
