using System.Collections.Immutable;
using DealLang.Runtime;

namespace DealLang.Compiler.Model;

/// <summary>
/// A debt tranche of <see cref="Balance"/>: drawn per <see cref="Draw"/>, interest per <see cref="Coupon"/> on the
/// opening balance, settled per <see cref="Capitalisation"/> (cash or in kind), principal per <see cref="Amortization"/>;
/// the whole balance is due in <see cref="MaturityPeriod"/>, and with a <see cref="TargetBalance"/> (a borrowing base)
/// whatever exceeds the target each period. The lender pays <see cref="IssuePrice"/> per unit of par (1 = par).
/// </summary>
public sealed record TrancheModel(
    string Name,
    int Index,
    double Balance,
    CouponModel Coupon,
    AmortizationModel Amortization,
    DrawModel Draw,
    Date Maturity,
    int MaturityPeriod,
    int Seniority,
    CapitalisationModel Capitalisation,
    double IssuePrice = 1.0,
    BoundExpression? TargetBalance = null)
{
    /// <summary>The conversion terms of a convertible tranche; null for one that is not.</summary>
    public ConversionModel? Conversion { get; init; }

    /// <summary>The share of the buildings completed (a rate read at the period's start), which scales the scheduled
    /// principal before the maturity (docs/language.md, "Completion"); null when the tranche amortises regardless.</summary>
    public BoundExpression? Completion { get; init; }

    /// <summary>A tranche that is not convertible and that some scenario of the deal calls (<c>T called on DATE</c>):
    /// docs/language.md §5, "Calling plain notes".</summary>
    public bool CalledByScenario { get; init; }

    /// <summary>The notes' call schedule, the price of a scenario's call (docs/language.md §5, "A call schedule"); null
    /// when the scenario gives the price.</summary>
    public CallScheduleModel? CallSchedule { get; init; }

    /// <summary>Whether a scenario may call the tranche: every convertible (its hard call), and a plain tranche some
    /// scenario calls. Such a tranche reads the call's inputs and carries the redemption's state.</summary>
    public bool Callable => Conversion is not null || CalledByScenario;

    public TrancheInfo ToInfo() =>
        new(Name, Balance, Coupon.HeadlineRate, Seniority, Maturity, Amortization.Name, IssuePrice)
        {
            ConversionPrice = Conversion?.Price ?? 0,
            HasPuts = Conversion is { Puts.IsEmpty: false },
            HasReset = Conversion is { Reset: not null },
            CalledByScenario = CalledByScenario,
            CallsAtMakeWhole = CallSchedule is { HasMakeWhole: true },
            CommitmentFee = (Draw as DelayedDraw)?.FeeRate ?? 0,
        };
}

/// <summary>
/// Convertible notes (docs/language.md §5 "tranche", "Convertible notes"): at the start of its maturity period, or of any
/// period when <see cref="EarlyAbove"/> is set and the share price has reached that multiple of <see cref="Price"/>,
/// the holder converts the whole balance if the <see cref="SharePrice"/> (money, read then) is above <see cref="Price"/>:
/// it receives shares worth balance × share price / conversion price, and the issuer owes no more principal. The
/// issuer's provisional <see cref="Call"/> forces the same conversion from its period on; each of the holder's
/// <see cref="Puts"/> lets it demand the balance in cash at the put price instead, in the put's period, when the shares
/// are worth less than that.
/// </summary>
public sealed record ConversionModel(double Price, BoundExpression SharePrice, double? EarlyAbove)
{
    public ImmutableArray<PutModel> Puts { get; init; } = [];

    public CallModel? Call { get; init; }

    /// <summary>The conversion price's reset; null when the price is fixed (every other convertible's C# reads it as a
    /// literal).</summary>
    public ResetModel? Reset { get; init; }
}

/// <summary>A conversion price reset (docs/language.md, "A conversion price that resets"): at the start of each of
/// <see cref="Periods"/> (the periods holding the reset dates, each once), K ← max(<see cref="Floor"/>, min(K,
/// <see cref="Ratio"/> × S)): downward only, never below the floor.</summary>
public sealed record ResetModel(ImmutableArray<Date> Dates, ImmutableArray<int> Periods, double Ratio, double Floor);

/// <summary>
/// A call schedule, <c>callable from 2027-06-01 at 104.625%, from 2028-06-01 at 102.3125% make_whole UST5Y + 50bp</c>:
/// a call on a date pays the price of the last <see cref="Steps"/> on or before it (<see cref="PriceOn"/>); before the
/// first, the make-whole price at <see cref="MakeWhole"/> (a rate read at the call period's start), worked out in the
/// period loop (<see cref="DealLang.Runtime.MakeWhole"/>). Steps in increasing date order (DL0563).
/// </summary>
public sealed record CallScheduleModel(ImmutableArray<CallStep> Steps, BoundExpression? MakeWhole)
{
    public CallStep First => Steps[0];

    /// <summary><c>make_whole curve { 2y UST2Y  5y UST5Y } + 50bp</c>: the curve's points in increasing tenor (DL0589), the
    /// make-whole rate read from it at the time to the first call date plus <see cref="CurveSpread"/>; empty without.</summary>
    public ImmutableArray<MakeWholePoint> Curve { get; init; } = [];

    /// <summary>The spread added to the curve's interpolated rate.</summary>
    public double CurveSpread { get; init; }

    /// <summary>Whether a call before the first step is at a make-whole price (one rate, or a curve).</summary>
    public bool HasMakeWhole => MakeWhole is not null || !Curve.IsDefaultOrEmpty;

    /// <summary>The price of the step in force on <paramref name="paid"/>, the day a call is paid (the last step whose
    /// date, as <paramref name="paidOn"/> pays it under the deal's business days, is on or before it); null before the
    /// first call date, when only a make-whole call may be made.</summary>
    public double? PriceOn(Date paid, Func<Date, Date> paidOn) => Steps.LastOrDefault(s => paidOn(s.From) <= paid) is { } step ? step.Price : null;
}

/// <summary>A call schedule's step: from <see cref="From"/> on, the notes are called at <see cref="Price"/> per unit of principal.</summary>
public sealed record CallStep(Date From, double Price);

/// <summary>A make-whole curve's point: the rate <see cref="Rate"/> (read at the period's start) of the constant
/// maturity <see cref="Years"/>.</summary>
public sealed record MakeWholePoint(double Years, BoundExpression Rate);

/// <summary>A holder's put on <see cref="Date"/>, decided at the start of <see cref="Period"/> (the period ending on or
/// after the date) and paid at its end, at <see cref="Price"/> per unit of principal (1 = par).</summary>
public sealed record PutModel(Date Date, int Period, double Price);

/// <summary>The issuer's provisional call: from <see cref="FromPeriod"/> (the first period starting on or after
/// <see cref="From"/>), once the share price is at least <see cref="Above"/> × the conversion price.</summary>
public sealed record CallModel(Date From, int FromPeriod, double Above);
