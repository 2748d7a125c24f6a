using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// Partial payments' shares drawn per path (docs/language.md §10, "Partial payments"): `MinerLoan pays beta mean 60% sd
// 15% [loading F γ]… from …`, each window's share a beta variate, loaded on the factors as a drawn recovery is.
public sealed partial class StochasticPaths
{
    /// <summary>Drawn share <paramref name="m"/>, checked against the deal and the scenario (its loan's window exists, its
    /// beta exists: the compiler's DL0599; its loadings fit: DL0533, DL0534), into its copula (null unloaded): the
    /// constructor's work for one drawn share, kept with its draw.</summary>
    void SetUpPaymentShare(DealDescription deal, ScenarioSpec scenario, int k, CorrelationSpec? correlation, int m)
    {
        PaymentShareModel model = paymentShares[m];
        if ((uint)model.Loan >= (uint)deal.Loans.Length)
        {
            throw Bad($"its drawn share names loan {model.Loan}, and the deal has {deal.Loans.Length}");
        }

        string loan = deal.Loans[model.Loan].Name;
        if (scenario.PaymentsOfLoan(model.Loan) is not { } windows || (uint)model.Window >= (uint)windows.Length)
        {
            throw Bad($"loan '{loan}' has a drawn share for its window {model.Window + 1}, and the scenario gives it {scenario.PaymentsOfLoan(model.Loan)?.Length ?? 0}");
        }

        if (model.Share is not { } beta || !(beta.Mean > 0 && beta.Mean < 1 && beta.Sd > 0 && beta.Sd * beta.Sd < beta.Mean * (1 - beta.Mean)))
        {
            throw Bad($"loan '{loan}''s drawn share (mean {model.Share?.Mean}, sd {model.Share?.Sd}) is not a beta distribution");
        }

        loadedShares[m] = LoadedRecovery.Of(beta, loan, k, correlation, lowerStress is not null, Bad, $"loan '{loan}''s drawn share");
    }

    /// <summary>
    /// Each drawn share, after every other draw of the path, a loan's own drawn workout lag's too (so a scenario without
    /// one draws exactly what it drew before they existed): the beta variate of its mean and sd from the path's stream
    /// (<see cref="BetaVariate"/>, as a drawn recovery's: its two gamma variates' normals and uniforms), turned through its
    /// copula when loaded (<see cref="LoadedRecovery"/>, drawing nothing more), written as the window's share for the path
    /// building to spread over the window's periods. Under <c>sobol</c> it still draws from the stream, as a recovery does.
    /// </summary>
    void DrawPaymentShares(ref PathStream rng, Work w)
    {
        for (int m = 0; m < paymentShares.Length; m++)
        {
            PaymentShareModel model = paymentShares[m];
            double r = BetaVariate.Draw(ref rng, model.Share);
            w.Scenario.LoanPaymentShares[model.Loan]![model.Window] = loadedShares[m] is { } loaded ? loaded.Draw(r, w.Shock, w.StressedShare) : r;
        }
    }
}
