using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>A stochastic scenario (docs/language.md §10, "Stochastic scenarios"), within its limits: paths and seed,
/// each maybe, and antithetic or sobol or neither (sobol kept only where it fits: no index process or jumps, no regimes); on each index a GBM, an OU toward a level in its unit, a log-OU to its trend, or none, and
/// maybe jumps; a drawn deflation on each facility's value and on market_rent, maybe; a correlation between the
/// first two factors (any in [−100%, 100%] makes a 2 × 2 matrix that can hold), with a stress one and regimes
/// together or neither; and a drawn default for each party, maybe, with a PD and loadings of at most 70% on the
/// first two factors (|β₀| + |β₁| ≤ 100% kept, so that βᵀRβ ≤ (|β₀| + |β₁|)² ≤ 1 under any correlation) and maybe a PD step within the deal's life. Never a date on a drawn party (its own scenario).
/// Maybe drawn renewals on each lease with options and on each compute contract (every one offers one to three), a
/// probability in [0%, 100%] and loadings as a default's (never with <c>renewals taken</c>: this scenario takes none); a drawn recovery maybe loaded as its default is; maybe drawn
/// breaks on each lease with a break option whose renewals are not drawn, and maybe a break drawn in one renewal term of
/// each lease whose renewals are drawn and whose renewal terms offer a break; where the deal has the completion index
/// <c>Bld</c>, maybe a drawn delay of it, loaded as a default is; maybe a drawn workout lag for each party defaulted by
/// a draw that owes a loan with <c>recovery R after D</c>, loaded as a default is; sobol kept only within 32
/// dimensions with their options, delay, break dates and workout lags; maybe a partial payment's share drawn per path on each
/// loan, loaded as a default is.</summary>
internal static partial class DealGen
{
    private static Gen<string> StochasticScenario(DealFrame f, GeneratedDecl[] leases, string name, bool completion, string[] laggedObligors,
        Dictionary<string, int> contractRenewals, string[] loans) =>
        from head in All([
            Maybe(Gen.Int[1, 100_000].Select(n => "paths " + Text(n))),
            Maybe(Gen.Int[0, 1_000_000].Select(s => "seed " + Text(s))),
        ])
        from variance in Gen.OneOf(Gen.Const(""), Gen.Const("antithetic"), Gen.Const("sobol"))
        from processes in All(f.IndexNames.Select(IndexProcess))
        from deflations in All(f.FacilityNames.Select(x => x + ".value").Append("market_rent").Select(DrawnDeflation))
        let factors = processes.Concat(deflations).Select(p => p.Factor).Where(x => x.Length > 0).ToArray()
        from correlation in factors.Length < 2 ? Gen.Const("") : Maybe(Correlate(factors[0], factors[1]))
        from defaults in All(f.PartyNames.Select(p => Maybe(DrawnDefault(f, p, factors))))
        from renewals in All(leases.Where(l => l.Renewals > 0).Select(l => Maybe(DrawnRenewals(l.Name, factors)).Select(text => (Lease: l.Name, Text: text, Options: text.Length > 0 ? l.Renewals : 0))))
        // A contract's renewals drawn as a lease's (its options are Sobol dimensions too); the scenario has no other lever
        // on it, so neither renewals taken (DL0546) nor a fixed break in a renewal (DL0429).
        from contractDraws in All(contractRenewals.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => Maybe(DrawnRenewals(c.Key, factors)).Select(text => (Text: text, Options: text.Length > 0 ? c.Value : 0))))
        // A drawn break only on a lease whose renewals this scenario does not draw (DL0429).
        from breaks in All(leases.Where(l => l.Breaks.Length > 0 && !renewals.Any(r => r.Lease == l.Name && r.Options > 0))
            .Select(l => Maybe(DrawnBreaks(l, factors))))
        from delay in completion ? Maybe(DrawnDelay(factors)) : Gen.Const("")
        // A break drawn in a renewal term only on a lease whose renewals this scenario draws (a path enters the renewal
        // or not; a break in its initial term is then refused, DL0429, so each lease has one drawn break, DL0523).
        from renewalBreaks in All(leases.Where(l => l.RenewalBreaks.Length > 0 && renewals.Any(r => r.Lease == l.Name && r.Options > 0))
            .Select(l => Maybe(DrawnRenewalBreaks(l, factors))))
        // A drawn workout lag only for a party this scenario defaults (here by a draw) that owes a loan with a lag (DL0518).
        from workouts in All(f.PartyNames.Zip(defaults).Where(x => x.Second.Length > 0 && laggedObligors.Contains(x.First))
            .Select(x => Maybe(DrawnWorkout(x.First, factors))))
        // A partial payment's share drawn per path on each loan, maybe: it draws from the Philox stream, taking no Sobol dimension.
        from shares in All(loans.Select(l => Maybe(DrawnShare(f, l, factors))))
        let dimensions = factors.Length + defaults.Count(d => d.Trim().Length > 0) + renewals.Sum(r => r.Options) + contractDraws.Sum(c => c.Options)
            + breaks.Concat(renewalBreaks).Sum(b => b.Split(" with ").Length - 1) + (delay.Trim().Length > 0 ? 1 : 0)
            + workouts.Count(w => w.Length > 0)
        let sobolFits = processes.All(p => p.Factor.Length == 0) && !correlation.Contains("regimes", StringComparison.Ordinal) && dimensions <= 32
        select Join([
            $"scenario {name} for {f.Name} {{",
            .. head.Append(variance == "sobol" && !sobolFits ? "" : variance).Concat(processes.Select(p => p.Text)).Concat(deflations.Select(d => d.Text)).Append(correlation).Concat(defaults).Concat(renewals.Select(r => r.Text)).Concat(contractDraws.Select(c => c.Text)).Concat(breaks).Append(delay).Concat(workouts).Concat(renewalBreaks).Concat(shares)
                .Where(l => l.Trim().Length > 0).SelectMany(l => l.Split('\n')).Select(l => "  " + l.Trim()),
            "}",
        ]);

    private static Gen<string> Signed(int maxBp) => Gen.Select(Pick("", "-"), Rate(0, maxBp), (sign, r) => sign + r);

    /// <summary>An index's process and jumps: its factor name when it has either, and the items' lines.</summary>
    private static Gen<(string Factor, string Text)> IndexProcess(string index) =>
        from process in Gen.OneOf(
            Gen.Const(""),
            Gen.Select(Signed(3000), Rate(0, 8000), (mu, sigma) => $"{index} gbm drift {mu} per year volatility {sigma} per year"),
            Gen.Select(IndexValue(index), Rate(0, 30000), IndexValue(index), (level, kappa, sigma) => $"{index} reverts to {level} speed {kappa} per year volatility {sigma} per year"),
            Gen.Select(Rate(0, 30000), Rate(0, 8000), (kappa, sigma) => $"{index} reverts to trend speed {kappa} per year volatility {sigma} per year"))
        from jumps in Maybe(Gen.Select(Rate(0, 20000), Rate(0, 10000), (lambda, down) => $"{index} jumps {lambda} per year down {down}"))
        select (process.Length + jumps.Length > 0 ? index : "", Join(new[] { process, jumps.Trim() }.Where(s => s.Length > 0)));

    private static Gen<(string Factor, string Text)> DrawnDeflation(string path) =>
        Maybe(Gen.Select(Rate(0, 3000), Rate(0, 3000), (m, s) => $"{path} deflate {m} per year volatility {s} per year"))
            .Select(text => (text.Length > 0 ? path : "", text.Trim()));

    private static Gen<string> Correlate(string a, string b) =>
        from rho in Signed(10000)
        from stress in Maybe(Signed(10000).Select(r => "stress " + r))
        from regimes in stress.Length > 0
            ? Gen.Select(Rate(0, 20000), Rate(0, 20000), (up, down) => $"\nregimes stress {up} per year normal {down} per year")
            : Gen.Const("")
        select $"correlate {a} with {b} {rho}{stress}{regimes}";

    private static Gen<string> DrawnDefault(DealFrame f, string party, string[] factors) =>
        from pd in Rate(1, 5000)
        from step in Maybe(Gen.Select(DateIn(f.Closing, f.Maturity), Rate(1, 5000), (d, p) => $"until {d} then {p} per year"))
        from loadings in Loadings(factors.Take(2).ToArray())
        from recovery in Maybe(Gen.OneOf(RecoveryBeta(factors), RecoveryOutcomes(factors), RecoveryMixture(factors)))
        select $"{party} defaults drawn pd {pd} per year{step}{loadings}{recovery}";

    // A mean in [10%, 90%] and an sd up to 25%, below √(m(1 − m)) ≥ 30%: always a beta distribution.
    private static Gen<string> RecoveryBeta(string[] factors) =>
        Gen.Select(Rate(1000, 9000), Rate(100, 2500), Loadings(factors.Take(2).ToArray()), (m, sd, gamma) => $"recovery beta mean {m} sd {sd}{gamma}");

    // A recovery drawn from one to three of the levels below (no buyer included), lowest first and each once (DL0554),
    // with probabilities in basis points each above 0 and adding up to 100% exactly (DL0553), and loadings as a beta's.
    private static Gen<string> RecoveryOutcomes(string[] factors) =>
        from levels in Gen.Int[1, 3].SelectMany(n => Gen.Int[0, RecoveryLevels.Length - 1].ArrayUnique[n]).Select(ix => ix.Order().Select(i => RecoveryLevels[i]).ToArray())
        from cuts in Gen.Int[1, 9999].ArrayUnique[levels.Length - 1].Select(c => (int[])[0, .. c.Order(), 10000])
        from rates in All(levels.Select(bp => Rate(bp, bp)))
        from probabilities in All(levels.Select((_, j) => Rate(cuts[j + 1] - cuts[j], cuts[j + 1] - cuts[j])))
        from gamma in Loadings(factors.Take(2).ToArray())
        select "recovery drawn at " + string.Join(", ", levels.Select((_, j) => $"{rates[j]} with {probabilities[j]}")) + gamma;

    // Outcomes as above adding up to less than 100% (cuts in (0, 10000) basis points), then 'else' a beta as RecoveryBeta's
    // (always a beta distribution): the beta takes the rest (DL0588 otherwise).
    private static Gen<string> RecoveryMixture(string[] factors) =>
        from levels in Gen.Int[1, 3].SelectMany(n => Gen.Int[0, RecoveryLevels.Length - 1].ArrayUnique[n]).Select(ix => ix.Order().Select(i => RecoveryLevels[i]).ToArray())
        from cuts in Gen.Int[1, 9999].ArrayUnique[levels.Length].Select(c => (int[])[0, .. c.Order()])
        from rates in All(levels.Select(bp => Rate(bp, bp)))
        from probabilities in All(levels.Select((_, j) => Rate(cuts[j + 1] - cuts[j], cuts[j + 1] - cuts[j])))
        from comma in Gen.Bool
        from mean in Rate(1000, 9000)
        from sd in Rate(100, 2500)
        from gamma in Loadings(factors.Take(2).ToArray())
        select "recovery drawn at " + string.Join(", ", levels.Select((_, j) => $"{rates[j]} with {probabilities[j]}"))
            + (comma ? "," : "") + $" else beta mean {mean} sd {sd}" + gamma;

    private static readonly int[] RecoveryLevels = [0, 1500, 3000, 5000, 6000, 8000, 10000];

    // Some of the lease's break dates, in order (at least one), each with a probability, and loadings as a default's.
    private static Gen<string> DrawnBreaks(GeneratedDecl lease, string[] factors) =>
        from keep in Gen.Int[1, (1 << lease.Breaks.Length) - 1]
        from probabilities in All(lease.Breaks.Select(_ => Rate(0, 10000)))
        from loadings in Loadings(factors.Take(2).ToArray())
        select $"{lease.Name} breaks drawn at " + string.Join(", ", lease.Breaks.Select((m, j) => (m, j)).Where(x => (keep & (1 << x.j)) != 0)
            .Select(x => $"{Text(x.m)}m with {probabilities[x.j]}")) + loadings;

    // Some of the renewal terms' break dates in one renewal the lease offers, as DrawnBreaks picks the initial term's.
    private static Gen<string> DrawnRenewalBreaks(GeneratedDecl lease, string[] factors) =>
        from k in Gen.Int[1, lease.Renewals]
        from keep in Gen.Int[1, (1 << lease.RenewalBreaks.Length) - 1]
        from probabilities in All(lease.RenewalBreaks.Select(_ => Rate(0, 10000)))
        from loadings in Loadings(factors.Take(2).ToArray())
        select $"{lease.Name} breaks drawn in renewal {Text(k)} at " + string.Join(", ", lease.RenewalBreaks.Select((m, j) => (m, j)).Where(x => (keep & (1 << x.j)) != 0)
            .Select(x => $"{Text(x.m)}m with {probabilities[x.j]}")) + loadings;

    // A drawn delay of the completion index: 0m, 6m and 12m, shortest first as a loaded delay's must be (DL0516), with
    // probabilities in basis points adding up to 100% exactly (DL0769), and loadings as a default's.
    private static Gen<string> DrawnDelay(string[] factors) =>
        from onTime in Gen.Int[0, 10000]
        from half in Gen.Int[0, 10000 - onTime]
        from p0 in Rate(onTime, onTime)
        from p6 in Rate(half, half)
        from p12 in Rate(10000 - onTime - half, 10000 - onTime - half)
        from loadings in Loadings(factors.Take(2).ToArray())
        select $"Bld delayed drawn 0m with {p0}, 6m with {p6}, 12m with {p12}{loadings}";

    // A drawn workout lag: one to three of the lags below, shortest first (DL0519), each once (DL0773), with
    // probabilities in basis points adding up to 100% exactly (DL0769), and loadings as a default's. At most 84m: a
    // loan's last instalment (at most 4) then comes ⌈84 / 12⌉ + 3 = 10 annual periods after its default, the 10 years a
    // run covers (DL0517).
    private static Gen<string> DrawnWorkout(string party, string[] factors) =>
        from lags in Gen.Int[1, 3].SelectMany(n => Gen.Int[0, WorkoutLags.Length - 1].ArrayUnique[n]).Select(ix => ix.Order().Select(i => WorkoutLags[i]).ToArray())
        from cuts in Gen.Int[0, 10000].Array[lags.Length - 1].Select(c => (int[])[0, .. c.Order(), 10000])
        from probabilities in All(lags.Select((_, j) => Rate(cuts[j + 1] - cuts[j], cuts[j + 1] - cuts[j])))
        from loadings in Loadings(factors.Take(2).ToArray())
        select $"{party} workout drawn " + string.Join(", ", lags.Select((m, j) => $"{Text(m)}m with {probabilities[j]}")) + loadings;

    private static readonly int[] WorkoutLags = [1, 3, 6, 9, 12, 18, 24, 36, 48, 84];

    /// <summary>A loan's one window paying a share drawn per path (docs/language.md §10, "A share drawn per path"): a mean
    /// in [1%, 99%] and an sd below √(m (1 − m)) (DL0599), loadings as a default's, with or without a window's start and
    /// end inside the deal (DL0567), the end not before the start (DL0566).</summary>
    private static Gen<string> DrawnShare(DealFrame f, string loan, string[] factors) =>
        from mean in Gen.Int[100, 9900]
        let most = (int)Math.Floor(Math.Sqrt(mean / 10000.0 * (1 - (mean / 10000.0))) * 10000) - 1
        from sd in Gen.Int[1, Math.Max(1, most)]
        from meanText in Rate(mean, mean)
        from sdText in Rate(sd, sd)
        from loadings in Loadings(factors.Take(2).ToArray())
        from window in Gen.Int[0, 3]
        from dates in IncreasingDates(f.Closing, f.Maturity, 2)
        select $"{loan} pays beta mean {meanText} sd {sdText}{loadings}" + window switch
        {
            1 => $" from {DealFrame.Date(dates[0])}",
            2 => $" to {DealFrame.Date(dates[1])}",
            3 => $" from {DealFrame.Date(dates[0])} to {DealFrame.Date(dates[1])}",
            _ => "",
        };

    private static Gen<string> DrawnRenewals(string lease, string[] factors) =>
        from p in Rate(0, 10000)
        from loadings in Loadings(factors.Take(2).ToArray())
        select $"{lease} renewals drawn {p}{loadings}";

    // Each factor's loading maybe, at most 70% in absolute value, the absolute values adding to 100% at most.
    private static Gen<string> Loadings(string[] factors) =>
        factors.Aggregate(Gen.Const((Text: "", Used: 0)), (acc, x) => acc.SelectMany(a =>
            Gen.Int[0, 1].SelectMany(present => present == 0
                ? Gen.Const(a)
                : Gen.Int[0, Math.Min(7000, 10000 - a.Used)].SelectMany(bp =>
                    Gen.Select(Pick("", "-"), Rate(bp, bp), (sign, r) => (a.Text + $" loading {x} {sign}{r}", a.Used + bp))))))
        .Select(a => a.Text);
}
