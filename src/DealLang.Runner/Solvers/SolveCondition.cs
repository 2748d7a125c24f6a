using System.Globalization;
using DealLang.Runner.Simulation;
using DealLang.Runtime;

namespace DealLang.Runner.Solvers;

/// <summary>
/// What a solver drives its lever to (docs/cli.md, "solve"): a stop condition, which holds or not
/// (<c>T loses principal</c>, <c>T misses interest</c>, and a guaranteed tranche's holders' <c>G holders lose
/// principal</c>, <c>G holders miss interest</c>), or a target, a figure equal to a number (<c>T irr = R</c>,
/// <c>E irr = R</c>, <c>T loss = X%</c>, <c>G holders loss = X%</c>, <c>G holders irr = R</c>). A condition's objective is a step in the lever (bisection on the indicator);
/// a target's is the figure less the number, continuous where the figure is (Brent).
/// </summary>
public abstract record SolveCondition(string Text)
{
    /// <summary>A principal loss or an interest shortfall counts when it is this or more: half a cent, below which
    /// the deal's program clears a shortfall as rounding (<see cref="Flows.ShortfallTolerance"/>), and from which the
    /// Monte Carlo report counts a path's loss.</summary>
    public const double MoneyTolerance = Flows.ShortfallTolerance;

    /// <summary>Whether this is a step (a condition) rather than a figure to reach (a target).</summary>
    public abstract bool IsIndicator { get; }

    /// <summary>The objective of one run: 1 or 0 for a condition, the figure less the target for a target. An IRR
    /// is the summary's, −100% for a total loss (<see cref="Analytics.InvestorIrr"/>); where there is none (nothing
    /// paid in, a rate past the solver's range) the objective is NaN, which the search reports as no solution.</summary>
    public abstract double Objective(LeverRun run);

    /// <summary>The figure the objective is about, as a user reads it (the loss, the IRR).</summary>
    public abstract string Describe(LeverRun run);

    /// <summary>Parses a condition or target against the deal's tranche and equity names.</summary>
    public static SolveCondition Parse(DealDescription deal, string text)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(text);
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string[] tranches = [.. deal.Tranches.Select(t => t.Name)];
        string[] equities = [.. deal.Equities.Select(e => e.Name)];
        switch (words)
        {
            case [var t, "loses", "principal"]:
                return new LosesPrincipal(text, Tranche(deal, tranches, t));
            case [var t, "misses", "interest"]:
                return new MissesInterest(text, Tranche(deal, tranches, t));
            case [var t, "loss", "=", var x]:
                return new LossTarget(text, Tranche(deal, tranches, t), Percent(text, x, 0, 1));
            case [var t, "holders", "lose", "principal"]:
                return new HoldersLosePrincipal(text, Held(deal, tranches, t, text));
            case [var t, "holders", "miss", "interest"]:
                return new HoldersMissInterest(text, Held(deal, tranches, t, text));
            case [var t, "holders", "loss", "=", var x]:
                return new HoldersLossTarget(text, Held(deal, tranches, t, text), Percent(text, x, 0, 1));
            case [var t, "holders", "irr", "=", var x]:
                return new HoldersIrrTarget(text, Held(deal, tranches, t, text), Percent(text, x, -0.99, 10));
            case [var name, "irr", "=", var x]:
                int ti = Array.IndexOf(tranches, name);
                if (ti >= 0)
                {
                    return new IrrTarget(text, ti, Equity: false, Percent(text, x, -0.99, 10));
                }

                int ei = Array.IndexOf(equities, name);
                if (ei >= 0)
                {
                    return new IrrTarget(text, ei, Equity: true, Percent(text, x, -0.99, 10));
                }

                throw new SolveUsageException(
                    $"unknown tranche or equity '{name}' in '{text}'; deal {deal.Name} has: {string.Join(", ", tranches.Concat(equities))}");
            default:
                throw new SolveUsageException(
                    $"cannot read '{text}'; write one of: 'T loses principal', 'T misses interest', 'T irr = R%', 'E irr = R%', 'T loss = X%', 'G holders lose principal', 'G holders miss interest', 'G holders loss = X%', 'G holders irr = R%' (T a tranche, E an equity, G a tranche with a guarantor)");
        }
    }

    static int Tranche(DealDescription deal, string[] names, string name)
    {
        int i = Array.IndexOf(names, name);
        return i >= 0
            ? i
            : throw new SolveUsageException($"unknown tranche '{name}'; deal {deal.Name} has: {string.Join(", ", names)}");
    }

    /// <summary>The index in <see cref="HeldTranche.Of"/> of tranche <paramref name="name"/>, which must have a guarantor:
    /// the holders' figures are only a guaranteed tranche's.</summary>
    static int Held(DealDescription deal, string[] names, string name, string text)
    {
        int i = Tranche(deal, names, name);
        int h = Array.FindIndex(HeldTranche.Of(deal), held => held.Tranche == i);
        if (h >= 0)
        {
            return h;
        }

        string[] guaranteed = [.. HeldTranche.Of(deal).Select(held => names[held.Tranche])];
        throw new SolveUsageException(
            $"'{text}' names the holders of tranche {name}, which has no guarantor: its holders' figures are its own ('{name} loses principal', '{name} misses interest', '{name} loss = X%', '{name} irr = R%'); " +
            (guaranteed.Length == 0 ? $"deal {deal.Name} has no guaranteed tranche" : $"deal {deal.Name}'s guaranteed tranches: {string.Join(", ", guaranteed)}"));
    }

    /// <summary>
    /// A number with <c>%</c> (<c>10%</c>, <c>7.5%</c>) or <c>bp</c>, as a fraction within [lo, hi]: decimal digits, a
    /// fraction after a '.', a '-' before them (a negative IRR target), and nothing else (docs/cli.md, "solve").
    /// .NET's <c>double.Parse</c> also took white space (<c>' 5%'</c>, <c>'5 %'</c>), a '+', an exponent (<c>1e1%</c>),
    /// leading zeros and a bare point (<c>.5%</c>, <c>5.%</c>), none of which a command line means as a rate.
    /// </summary>
    public static double Percent(string context, string text, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(text);
        double scale = text.EndsWith('%') ? 100 : text.EndsWith("bp", StringComparison.Ordinal) ? 10_000 : 0;
        string number = scale == 100 ? text[..^1] : scale == 10_000 ? text[..^2] : text;
        if (scale == 0 || !PlainDecimal(number)
            || !double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value))
        {
            throw new SolveUsageException($"'{text}' in '{context}' is not a rate; write it in digits with % or bp (10%, 7.5%, 250bp, -1%), without spaces, '+' or leading zeros");
        }

        double fraction = value / scale;
        return fraction >= lo && fraction <= hi
            ? fraction
            : throw new SolveUsageException($"'{text}' in '{context}' is outside {lo * 100:0.##}% to {hi * 100:0.##}%");
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?: the digits a rate is written in, as a scenario writes one, with a sign for a negative.
    static bool PlainDecimal(string number)
    {
        string digits = number.StartsWith('-') ? number[1..] : number;
        int point = digits.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? digits : digits[..point];
        string fraction = point < 0 ? "0" : digits[(point + 1)..];
        return whole.Length > 0 && whole.All(char.IsAsciiDigit) && (whole.Length == 1 || whole[0] != '0')
            && fraction.Length > 0 && fraction.All(char.IsAsciiDigit);
    }

    /// <summary>An amount in units of the currency, named (<c>USD 561.79</c>): the reports print millions, so a bare
    /// number here would read as 561.79m.</summary>
    internal static string Money(string currency, double amount) =>
        (currency.Length > 0 ? currency + " " : "") + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    internal static string Rate(double rate) => double.IsNaN(rate) ? "n/a" : (rate * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}

/// <summary><c>T loses principal</c>: the tranche's principal loss is <see cref="SolveCondition.MoneyTolerance"/> or more.</summary>
public sealed record LosesPrincipal(string Text, int Tranche) : SolveCondition(Text)
{
    public override bool IsIndicator => true;

    public override double Objective(LeverRun run) => run.Tranches[Tranche].PrincipalLoss >= MoneyTolerance ? 1 : 0;

    public override string Describe(LeverRun run) => $"principal loss {Money(run.Currency, run.Tranches[Tranche].PrincipalLoss)}";
}

/// <summary><c>T misses interest</c>: in some period the tranche's interest shortfall is
/// <see cref="SolveCondition.MoneyTolerance"/> or more (even if it is paid later).</summary>
public sealed record MissesInterest(string Text, int Tranche) : SolveCondition(Text)
{
    public override bool IsIndicator => true;

    public override double Objective(LeverRun run) => run.LargestInterestShortfall(Tranche) >= MoneyTolerance ? 1 : 0;

    public override string Describe(LeverRun run) => $"largest interest shortfall {Money(run.Currency, run.LargestInterestShortfall(Tranche))}";
}

/// <summary><c>T loss = X%</c>: the tranche's principal loss as a share of its original balance reaches X.</summary>
public sealed record LossTarget(string Text, int Tranche, double Target) : SolveCondition(Text)
{
    public override bool IsIndicator => false;

    public override double Objective(LeverRun run) => run.Tranches[Tranche].LossFraction - Target;

    public override string Describe(LeverRun run) => $"loss {Rate(run.Tranches[Tranche].LossFraction)}";
}

/// <summary><c>T irr = R</c> / <c>E irr = R</c>: a tranche's or equity's IRR (the summary's) reaches R.</summary>
public sealed record IrrTarget(string Text, int Index, bool Equity, double Target) : SolveCondition(Text)
{
    public override bool IsIndicator => false;

    public override double Objective(LeverRun run) => Irr(run) - Target;

    public override string Describe(LeverRun run) => $"IRR {Rate(Irr(run))}";

    double Irr(LeverRun run) => Equity ? run.Equities[Index].Irr : run.Tranches[Index].Irr;
}

/// <summary><c>G holders lose principal</c>: guaranteed tranche G's holders' principal loss, what neither the issuer nor its
/// guarantor repaid them, max(0, loss − S) with S the guarantor's subrogated principal at the end, is
/// <see cref="SolveCondition.MoneyTolerance"/> or more. <see cref="Held"/> indexes <see cref="HeldTranche.Of"/>.</summary>
public sealed record HoldersLosePrincipal(string Text, int Held) : SolveCondition(Text)
{
    public override bool IsIndicator => true;

    public override double Objective(LeverRun run) => run.Holders[Held].PrincipalLoss >= MoneyTolerance ? 1 : 0;

    public override string Describe(LeverRun run) => $"holders' principal loss {Money(run.Currency, run.Holders[Held].PrincipalLoss)}";
}

/// <summary><c>G holders miss interest</c>: in some period guaranteed tranche G's holders' interest shortfall, the
/// issuer's less the guarantor's interest arrears (<see cref="HeldTranche.LargestInterestShortfall"/>), is
/// <see cref="SolveCondition.MoneyTolerance"/> or more at the period's end, after the guarantor's payment (even if paid later).</summary>
public sealed record HoldersMissInterest(string Text, int Held) : SolveCondition(Text)
{
    public override bool IsIndicator => true;

    public override double Objective(LeverRun run) => run.Holders[Held].LargestInterestShortfall >= MoneyTolerance ? 1 : 0;

    public override string Describe(LeverRun run) => $"holders' largest interest shortfall {Money(run.Currency, run.Holders[Held].LargestInterestShortfall)}";
}

/// <summary><c>G holders loss = X%</c>: the holders' loss of guaranteed tranche G, what neither the issuer nor its
/// guarantor repaid them, max(0, loss − S) with S the guarantor's subrogated principal at the end, as a share of the
/// principal funded, reaches X: in one run (<see cref="HoldersRun.LossFraction"/>), or under a stochastic scenario its
/// mean over the paths, the Monte Carlo report's holders' expected loss (<see cref="PathFigures.HoldersLossShare"/>).
/// <see cref="Held"/> indexes <see cref="HeldTranche.Of"/>.</summary>
public sealed record HoldersLossTarget(string Text, int Held, double Target) : SolveCondition(Text)
{
    public override bool IsIndicator => false;

    public override double Objective(LeverRun run) => run.Holders[Held].LossFraction - Target;

    public override string Describe(LeverRun run) => $"holders' loss {Rate(run.Holders[Held].LossFraction)}";
}

/// <summary><c>G holders irr = R</c>: the holders' IRR of guaranteed tranche G, on the issuer's payments plus the
/// guarantor's less what it got back (the summary's holders' IRR with guarantee), reaches R: in one run, or under a
/// stochastic scenario its mean over the paths with one, the Monte Carlo report's holders' IRR mean
/// (<see cref="PathFigures.HoldersIrr"/>).</summary>
public sealed record HoldersIrrTarget(string Text, int Held, double Target) : SolveCondition(Text)
{
    public override bool IsIndicator => false;

    public override double Objective(LeverRun run) => run.Holders[Held].Irr - Target;

    public override string Describe(LeverRun run) => $"holders' IRR {Rate(run.Holders[Held].Irr)}";
}
