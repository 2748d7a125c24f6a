using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A stochastic scenario's diagnostics (docs/language.md §10, "Stochastic scenarios"): DL0530–DL0541, `sobol`'s DL0542–DL0544,
// drawn renewals' DL0545–DL0546, a loading on a dated default's date, DL0512 (wrong-way recoveries), and a factor loaded
// twice, DL0513. The units and ranges every term shares (a volatility that is not a rate, a negative speed, a step-down
// above 100%) are the common term checks' (DL0302 wrong unit, DL0312 negative, DL0307 not a fraction).
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0512: a loading written before <c>recovery</c> on a dated default (<c>Tenant defaults on 2031-06-30
    /// loading H100Rent 60%</c>): there it would load the default time, which a dated default does not draw; a recovery's
    /// loadings come after <c>recovery beta mean m sd s</c>.</summary>
    public static Diagnostic LoadingOnDatedDefault(SourceSpan span, string scenario, string party, bool recoveryDrawn) =>
        Error("DL0512", span, $"scenario '{scenario}' dates {party}'s default, so a loading before 'recovery' has nothing to load: the date is fixed on every path"
            + (recoveryDrawn
                ? "; to load the drawn recovery, write the loading after 'recovery beta mean m sd s'"
                : $" and {party}'s recovery is not drawn; to load a drawn recovery, write '{party} defaults on DATE recovery beta mean 40% sd 15% loading F 50%'"));

    /// <summary>DL0513: a drawn default, drawn renewals, a drawn break or a drawn recovery (<paramref name="what"/>, e.g.
    /// "Lab's drawn default") loads one factor twice (<c>loading H100Rent 30% loading H100Rent 40%</c>): a draw has one β
    /// per factor, so which one was meant cannot be told.</summary>
    public static Diagnostic FactorLoadedTwice(SourceSpan span, string scenario, string what, string factor, double first, double second) =>
        Error("DL0513", span, $"{what} in scenario '{scenario}' loads {factor} twice ({Percent(first)}, then {Percent(second)}); "
            + "a draw has one loading on a factor: keep the one meant");

    private static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>DL0530: a mean-reverting index's volatility (in the index's unit per √year) below 0.</summary>
    public static Diagnostic NegativeVolatility(SourceSpan span, string what, double value) =>
        Error("DL0530", span, $"{what} cannot be negative ({value.ToString("R", CultureInfo.InvariantCulture)}): a volatility is 0 or more");

    /// <summary>DL0531: a correlation outside [−100%, 100%].</summary>
    public static Diagnostic CorrelationOutOfRange(SourceSpan span, string what, double value) =>
        Error("DL0531", span, $"{what} must be between -100% and 100%, not {(value * 100).ToString("0.###", CultureInfo.InvariantCulture)}%");

    /// <summary>DL0532: the correlations of a scenario do not make a positive semi-definite matrix (no factor shocks can
    /// have them), tested by a Cholesky factorisation with tolerance 1e-10.</summary>
    public static Diagnostic CorrelationNotPositive(SourceSpan span, string scenario, string regime, string factors) =>
        Error("DL0532", span, $"the {regime} correlations of scenario '{scenario}' cannot all hold at once (the matrix over {factors} is not positive semi-definite: "
            + "its Cholesky factorisation meets a negative pivot beyond the tolerance 1e-10); loosen the correlations around this one");

    /// <summary>DL0533: a correlation or a loading names something that is not one of the scenario's factors.</summary>
    public static Diagnostic NotAFactor(SourceSpan span, string scenario, string name, string factors) =>
        Error("DL0533", span, $"'{name}' is not a factor of scenario '{scenario}': " + (factors.Length == 0
            ? "it draws none (give an index a process, e.g. 'H100Rent gbm drift 0% per year volatility 30% per year', or a deflation a volatility)"
            : $"its factors are {factors}"));

    /// <summary>DL0534: a drawn default's (or drawn renewals', <paramref name="what"/> "renewals", a drawn break's,
    /// "break", a drawn delay's, "delay", a drawn workout lag's, "workout lag", or a drawn recovery's, "recovery") loadings give
    /// Σ β_k Z_k a variance βᵀRβ above 1 (Σβ² without correlations; the copula's idiosyncratic weight √(1 − βᵀRβ)
    /// would be imaginary).</summary>
    public static Diagnostic LoadingsTooLarge(SourceSpan span, string party, double variance, bool correlated, string what = "default") =>
        Error("DL0534", span, correlated
            ? $"the loadings of {party}'s drawn {what}, with the factors' correlations, give a variance (βᵀRβ) of {variance.ToString("0.####", CultureInfo.InvariantCulture)}; it must be 1 or less"
            : $"the loadings of {party}'s drawn {what} have a sum of squares of {variance.ToString("0.####", CultureInfo.InvariantCulture)}; it must be 1 or less");

    /// <summary>DL0535: a party's default is both drawn and dated in one scenario.</summary>
    public static Diagnostic DrawnAndDatedDefault(SourceSpan span, string scenario, string party) =>
        Error("DL0535", span, $"scenario '{scenario}' both dates {party}'s default ('defaults on') and draws it ('defaults drawn'); keep one");

    /// <summary>DL0536: a drawn deflation (<c>deflate … volatility …</c>) on an index, whose processes are
    /// <c>gbm</c> and <c>reverts</c>.</summary>
    public static Diagnostic DrawnDeflationOnIndex(SourceSpan span, string index) =>
        Error("DL0536", span, $"an index's level is drawn by a process, not a drawn deflation: write '{index} reverts to trend speed 50% per year volatility 20% per year' "
            + $"(around its deflating trend) or '{index} gbm drift -10% per year volatility 20% per year'");

    /// <summary>DL0537 (warning): stress correlations without <c>regimes</c> (never used), or <c>regimes</c> without
    /// stress correlations (both regimes the same).</summary>
    public static Diagnostic RegimesUnused(SourceSpan span, string scenario, bool stressWithoutRegimes) =>
        Warning("DL0537", span, stressWithoutRegimes
            ? $"scenario '{scenario}' gives stress correlations but no 'regimes', so it never enters the stress regime"
            : $"scenario '{scenario}' switches regimes but gives no stress correlations, so both regimes are the same");

    /// <summary>DL0538: a drawn default with no PD (the party's is 0 or missing and the scenario gives none), or a PD of 100%.</summary>
    public static Diagnostic DrawnDefaultPd(SourceSpan span, string party, double pd) =>
        Error("DL0538", span, pd <= 0
            ? $"{party}'s default is drawn, but its annual PD is 0: give the party a 'pd', or write '{party} defaults drawn pd 2% per year'"
            : $"{party}'s drawn default has an annual PD of 100%: a constant hazard needs a PD below 100%");

    /// <summary>DL0540: a date of a drawn default's PD term structure not after the closing and the step before it,
    /// or after the maturity.</summary>
    public static Diagnostic PdStepDate(SourceSpan span, string party, string date, string bound, bool afterMaturity) =>
        Error("DL0540", span, afterMaturity
            ? $"a PD step of {party}'s drawn default is dated {date}, after the maturity ({bound}); date each step by the maturity"
            : $"a PD step of {party}'s drawn default is dated {date}, not after {bound} (the closing or the step before); date each step after the one before");

    /// <summary>DL0541: a drawn recovery's beta distribution that cannot exist: a mean outside (0, 100%), a standard
    /// deviation not above 0, or one so large that sd² ≥ mean × (1 − mean) (α or β would not be positive).</summary>
    public static Diagnostic RecoveryBeta(SourceSpan span, string party, double mean, double sd)
    {
        string m = (mean * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%";
        string d = (sd * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%";
        if (mean <= 0 || mean >= 1)
        {
            return Error("DL0541", span, $"{party}'s drawn recovery has a mean of {m}: a beta distribution's mean is strictly between 0% and 100%");
        }

        double most = Math.Sqrt(mean * (1 - mean)) * 100;
        return sd <= 0
            ? Error("DL0541", span, $"{party}'s drawn recovery has a standard deviation of {d}: give one above 0%, or state a fixed 'recovery' on the party")
            : Error("DL0541", span, $"{party}'s drawn recovery has a standard deviation of {d}, too large for a mean of {m}: a beta distribution's sd is below √(mean × (1 − mean)) = "
                + most.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%");
    }

    /// <summary>DL0539: a correlation of a factor with itself (the diagonal, always 100%).</summary>
    public static Diagnostic CorrelationWithItself(SourceSpan span, string factor) =>
        Error("DL0539", span, $"'{factor}' is correlated with itself; a factor's correlation with itself is always 100%: name two different factors");

    /// <summary>DL0542: <c>sobol</c> and <c>antithetic</c> in one scenario: a Sobol point set is balanced already, and
    /// mirroring half its points would break its structure.</summary>
    public static Diagnostic SobolWithAntithetic(SourceSpan span, string scenario) =>
        Error("DL0542", span, $"scenario '{scenario}' asks for both 'sobol' and 'antithetic'; keep one (Sobol points are already balanced: mirroring them breaks their structure)");

    /// <summary>DL0543: <c>sobol</c> in a scenario whose factors draw a shock every period (an index's process or jumps,
    /// or regimes): its dimension would be periods × factors, beyond the Sobol table.</summary>
    public static Diagnostic SobolPerPeriod(SourceSpan span, string scenario, string what) =>
        Error("DL0543", span, $"'sobol' fits a scenario whose factors are all drawn rates with one regime (a few numbers a path), but scenario '{scenario}' {what}, "
            + "which draws every period (periods × factors numbers a path, beyond the Sobol table); remove 'sobol', or use 'antithetic'");

    /// <summary>DL0544: <c>sobol</c> with more factors, drawn defaults, drawn renewal options, drawn delays, drawn break
    /// dates and drawn workout lags than the embedded Joe–Kuo dimensions. The message names the kinds after the
    /// defaults only when there are some.</summary>
    public static Diagnostic SobolTooManyDimensions(SourceSpan span, string scenario, int factors, int defaults, int most, int renewalOptions = 0, int delays = 0, int breakDates = 0, int workouts = 0)
    {
        List<string> parts = [$"{factors} factor(s)", $"{defaults} default(s)"];
        if (renewalOptions > 0)
        {
            parts.Add($"{renewalOptions} renewal option(s)");
        }

        if (delays > 0)
        {
            parts.Add($"{delays} drawn delay(s)");
        }

        if (breakDates > 0)
        {
            parts.Add($"{breakDates} drawn break date(s)");
        }

        if (workouts > 0)
        {
            parts.Add($"{workouts} drawn workout lag(s)");
        }

        string draws = $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
        return Error("DL0544", span, $"scenario '{scenario}' draws {draws}, {factors + defaults + renewalOptions + delays + breakDates + workouts} Sobol dimensions a path; 'sobol' supports at most {most}");
    }

    /// <summary>DL0545: <c>renewals drawn</c> on a lease or contract (<paramref name="kind"/>) with no renewal options
    /// (nothing to draw).</summary>
    public static Diagnostic DrawnRenewalsWithoutOptions(SourceSpan span, string scenario, string kind, string lease) =>
        Error("DL0545", span, $"scenario '{scenario}' draws the renewals of {kind} '{lease}', which has no renewal options; give the {kind} 'renewals N x D at {(kind == "lease" ? "lessee" : "customer")} option', or remove the lever");

    /// <summary>DL0546: one lease's (or contract's) renewals both taken (<c>renewals taken N</c>) and drawn
    /// (<c>renewals drawn p</c>) in one scenario; <paramref name="holder"/> is "lessee" or "customer".</summary>
    public static Diagnostic DrawnAndTakenRenewals(SourceSpan span, string scenario, string lease, string holder = "lessee") =>
        Error("DL0546", span, $"scenario '{scenario}' both fixes the renewals {lease}'s {holder} takes ('renewals taken') and draws them ('renewals drawn'); keep one");
}
