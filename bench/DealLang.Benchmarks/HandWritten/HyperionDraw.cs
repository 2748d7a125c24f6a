using DealLang.Runner.MonteCarlo;
using DealLang.Runtime;

namespace DealLang.Benchmarks.HandWritten;

/// <summary>
/// The draw of a Hyperion Monte Carlo path written by hand (examples/hyperion-mc.scenarios, <c>StochasticRent</c>):
/// what a quant writes for exactly two drawn-rate factors (the campus's value deflation, then the market-rent
/// deflation), one correlation and one drawn default, with the same generator (<see cref="PathStream"/>: Philox per
/// (seed, path), antithetic pairs) and the same documented formulas (docs/language.md §10, "Stochastic scenarios"):
/// both factors drawn rates and one regime, so each factor's path shock is drawn directly from two independent
/// normals, Z₀ = ξ₀ and Z₁ = ρξ₀ + √(1 − ρ²)ξ₁ (three normals a path, with Meta's); the drawn rates m + sZ; Meta's default time from Z_M = √(1 − βᵀRβ)η + β₀Z₀ + β₁Z₁ with a
/// constant hazard −ln(1 − PD); and the campus's value curve, the unstressed curve times (1 − d)^(days / 365.25) per
/// period end; then MetaLease's drawn renewals, after every other draw: option j taken, while the ones before were, when
/// √(1 − βᵀRβ) ε_j + β₀Z₀ + β₁Z₁ &lt; Φ⁻¹(p), one normal per option taken or not (docs/language.md §10, "Drawn
/// renewals"). The scenario's numbers are read once from its <see cref="StochasticSpec"/> (the terms a hand-writer
/// would type in). It is the "draw" half of the Monte Carlo limit (bench/README.md, "Monte Carlo throughput"); the
/// lease rows at the drawn market rent and the default's cut rent are left to the path source, whose inputs the
/// hand-written loop (<see cref="HyperionLoop"/>) then reads. <see cref="Differences"/> checks it against the source.
/// </summary>
public sealed class HyperionDraw
{
    readonly ulong seed;
    readonly bool antithetic;
    readonly int periods;
    readonly double rho, rhoComplement;
    readonly double valueMean, valueVolatility, marketMean, marketVolatility;
    readonly int metaParty;
    readonly double beta0, beta1, idiosyncratic, hazard;
    readonly int horizonDays;
    readonly int renewedLease, options;
    readonly double renewalBeta0, renewalBeta1, renewalOwn, renewalThreshold;
    readonly Date closing;
    readonly double[] unstressed;
    readonly double[] years;

    /// <param name="deal">examples/hyperion.deal's description.</param>
    /// <param name="scenario">StochasticRent (its two factors, in that order, one correlation, one drawn default).</param>
    /// <param name="unstressedValue">The campus's value curve with no stress (per period end).</param>
    /// <param name="seed">The run's seed.</param>
    public HyperionDraw(DealDescription deal, ScenarioSpec scenario, double[] unstressedValue, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(unstressedValue);
        StochasticSpec s = scenario.Stochastic ?? throw new ArgumentException("Not a stochastic scenario.", nameof(scenario));
        if (s.Factors.Length != 2 || s.Factors[0].Target != FactorTarget.FacilityDeflation || s.Factors[1].Target != FactorTarget.MarketRentDeflation
            || s.Correlation is not { Stress: null } c || s.Defaults.Length != 1 || s.Defaults[0].Steps.Length != 0 || s.Renewals.Length > 1)
        {
            throw new ArgumentException($"'{scenario.Name}' is not shaped as StochasticRent: the hand-written draw knows only its items.", nameof(scenario));
        }

        this.seed = seed;
        antithetic = s.Antithetic;
        periods = deal.Periods;
        closing = deal.Closing;
        Date[] b = deal.Boundaries;
        horizonDays = Date.DaysBetween(closing, b[^1]);
        years = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            years[t] = Date.DaysBetween(closing, b[t + 1]) / 365.25;
        }

        rho = c.Normal[2];
        rhoComplement = Math.Sqrt(1 - (rho * rho));
        valueMean = s.Factors[0].LongRun;
        valueVolatility = s.Factors[0].Volatility;
        marketMean = s.Factors[1].LongRun;
        marketVolatility = s.Factors[1].Volatility;
        DefaultModel meta = s.Defaults[0];
        metaParty = meta.Party;
        beta0 = meta.Loadings[0];
        beta1 = meta.Loadings[1];
        // 1 − βᵀRβ, the loaded part's variance summed row by row as the path source sums it: with ρ the factors'
        // correlation, β₀β₀ + β₀ρβ₁ + β₁ρβ₀ + β₁β₁.
        idiosyncratic = Math.Sqrt(Math.Max(0.0, 1 - ((((beta0 * beta0) + (beta0 * rho * beta1)) + (beta1 * rho * beta0)) + (beta1 * beta1))));
        hazard = -Math.Log(1 - meta.AnnualPd);
        renewedLease = -1;
        if (s.Renewals.Length == 1)
        {
            RenewalModel renewal = s.Renewals[0];
            renewedLease = renewal.Entity; // Hyperion draws a lease's renewals, never a contract's
            options = deal.Leases[renewedLease].RenewalCount;
            renewalBeta0 = renewal.Loadings[0];
            renewalBeta1 = renewal.Loadings[1];
            renewalOwn = Math.Sqrt(Math.Max(0.0, 1 - ((((renewalBeta0 * renewalBeta0) + (renewalBeta0 * rho * renewalBeta1)) + (renewalBeta1 * rho * renewalBeta0)) + (renewalBeta1 * renewalBeta1))));
            renewalThreshold = renewal.Probability <= 0 ? double.NegativeInfinity : renewal.Probability >= 1 ? double.PositiveInfinity : NormalQuantile.Inverse(renewal.Probability);
        }

        unstressed = unstressedValue;
        Value = new double[periods];
    }

    /// <summary>The last path's drawn value deflation.</summary>
    public double ValueDeflation { get; private set; }

    /// <summary>The last path's drawn market-rent deflation.</summary>
    public double MarketDeflation { get; private set; }

    /// <summary>The last path's default date of Meta (null: none within the run).</summary>
    public Date? MetaDefault { get; private set; }

    /// <summary>The last path's renewals taken on the drawn lease (0 without drawn renewals).</summary>
    public int RenewalsTaken { get; private set; }

    /// <summary>Meta's party index.</summary>
    public int MetaParty => metaParty;

    /// <summary>The last path's campus value per period end.</summary>
    public double[] Value { get; }

    /// <summary>Draws path <paramref name="path"/>; returns the value at the last period end (something to sum).</summary>
    public double Draw(int path)
    {
        var rng = new PathStream(seed, antithetic ? (uint)(path >> 1) : (uint)path, antithetic && (path & 1) == 1);
        double xi0 = rng.Normal();
        double xi1 = rng.Normal();
        double z0 = xi0, z1 = (rho * xi0) + (rhoComplement * xi1);
        double z = (idiosyncratic * rng.Normal()) + (beta0 * z0) + (beta1 * z1);
        double defaultYears = -Math.Log(NormalQuantile.Cdf(-z)) / hazard;
        double days = Math.Ceiling(defaultYears * 365.0);
        MetaDefault = days <= horizonDays ? closing.AddDays((int)Math.Max(1.0, days)) : null;
        int taken = 0;
        bool renewing = true;
        double common = (renewalBeta0 * z0) + (renewalBeta1 * z1);
        for (int j = 0; j < options; j++)
        {
            double eps = rng.Normal(); // drawn whether or not the option is reached
            renewing = renewing && (renewalOwn * eps) + common < renewalThreshold;
            taken += renewing ? 1 : 0;
        }

        RenewalsTaken = taken;

        double d = valueMean + (valueVolatility * z0);
        ValueDeflation = d;
        MarketDeflation = marketMean + (marketVolatility * z1);
        double factorLog = Math.Log(Math.Max(0.0, 1 - d)); // (1 − d)^t as e^(t ln(1 − d)), as the path source: one logarithm a path
        double[] value = Value;
        for (int t = 0; t < periods; t++)
        {
            value[t] = unstressed[t] * (years[t] == 0 ? 1.0 : Math.Exp(years[t] * factorLog));
        }

        return value[periods - 1];
    }

    /// <summary>Where the last draw differs from what the path source drew for the same path (its drawn scenario,
    /// <see cref="StochasticPaths.Drawn"/>, and its filled value curve): empty when they agree bit for bit.</summary>
    public List<string> Differences(ScenarioSpec drawn, PathInputs filled)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(filled);
        var differences = new List<string>();
        if (BitConverter.DoubleToInt64Bits(drawn.FacilityStress[0].DeflatePerYear) != BitConverter.DoubleToInt64Bits(ValueDeflation))
        {
            differences.Add($"value deflation: source {drawn.FacilityStress[0].DeflatePerYear:R}, hand {ValueDeflation:R}");
        }

        if (BitConverter.DoubleToInt64Bits(drawn.MarketRentDeflation) != BitConverter.DoubleToInt64Bits(MarketDeflation))
        {
            differences.Add($"market-rent deflation: source {drawn.MarketRentDeflation:R}, hand {MarketDeflation:R}");
        }

        if (drawn.PartyDefaults[metaParty] != MetaDefault)
        {
            differences.Add($"Meta's default: source {drawn.PartyDefaults[metaParty]}, hand {MetaDefault}");
        }

        if (renewedLease >= 0 && drawn.RenewalsTaken[renewedLease] != RenewalsTaken)
        {
            differences.Add($"renewals taken: source {drawn.RenewalsTaken[renewedLease]}, hand {RenewalsTaken}");
        }

        double[] source = filled.FacilityValue[0];
        for (int t = 0; t < periods; t++)
        {
            if (BitConverter.DoubleToInt64Bits(source[t]) != BitConverter.DoubleToInt64Bits(Value[t]))
            {
                differences.Add($"value at period {t}: source {source[t]:R}, hand {Value[t]:R}");
                break;
            }
        }

        return differences;
    }
}
