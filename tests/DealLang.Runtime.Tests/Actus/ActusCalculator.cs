namespace DealLang.Runtime.Tests.Actus;

/// <summary>
/// A small ACTUS event walker for fixed-rate PAM, LAM and ANN contracts without date shifting: it builds the
/// event schedule the way the reference does, then walks the events in time order, accruing interest with
/// <see cref="DayCounts"/>. Scheduled principal comes from the runtime functions the generated period loop calls
/// for <c>amortize level</c> and <c>linear</c> (<see cref="Annuity.PeriodRates"/>, <see cref="Annuity.LevelPrincipal(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/>,
/// <see cref="Annuity.LinearPrincipal"/>), recomputed at every redemption as the loop does; this class holds
/// only the reference's schedule conventions, never annuity maths of its own. Amounts are kept positive and the
/// contract-role sign is applied to payoffs only.
/// </summary>
internal sealed class ActusCalculator
{
    // Same-day order as in the reference results: exchange, fixing, principal, interest, maturity.
    private enum Kind
    {
        IED,
        PRF,
        PR,
        IP,
        MD,
    }

    private readonly List<ActusGeneratedSchedule> _schedules = [];
    private readonly string _type;
    private readonly int _sign;
    private readonly DayCount _dayCount;
    private readonly Date _statusDate;
    private readonly Date _initialExchange;
    private readonly Date _maturity;
    private readonly Date? _amortizationDate;
    private readonly double _notional;
    private readonly double _rate;
    private readonly double? _accruedAtStart;
    private readonly double _premiumDiscount;
    private readonly double? _redemptionAmount;
    private readonly ActusCycle? _ipCycle;
    private readonly ActusCycle? _prCycle;
    private readonly Date? _ipAnchor;
    private readonly Date? _prAnchor;
    private readonly string _to;

    private ActusCalculator(ActusTestCase c)
    {
        ActusTerms t = c.Terms;
        _type = t.Required("contractType");
        _sign = t.Required("contractRole") switch
        {
            "RPA" => 1,
            "RPL" => -1,
            string role => throw new NotSupportedException($"Contract role {role}."),
        };
        _dayCount = DayCountOf(t.Required("dayCountConvention"));
        _statusDate = t.Date("statusDate") ?? throw new NotSupportedException("No status date.");
        _initialExchange = t.Date("initialExchangeDate") ?? throw new NotSupportedException("No initial exchange date.");
        _notional = t.Number("notionalPrincipal") ?? throw new NotSupportedException("No notional.");
        _rate = t.Number("nominalInterestRate") ?? 0.0;
        _accruedAtStart = t.Number("accruedInterest");
        _premiumDiscount = t.Number("premiumDiscountAtIED") ?? 0.0;
        _redemptionAmount = t.Number("nextPrincipalRedemptionPayment");
        _amortizationDate = t.Date("amortizationDate");
        _ipCycle = ActusCycle.Parse(t.Text("cycleOfInterestPayment"));
        _prCycle = ActusCycle.Parse(t.Text("cycleOfPrincipalRedemption"));

        // The reference's defaults for a missing anchor: one cycle after the initial exchange.
        _ipAnchor = t.Date("cycleAnchorDateOfInterestPayment") ?? _ipCycle?.Add(_initialExchange, 1);
        _prAnchor = t.Date("cycleAnchorDateOfPrincipalRedemption") ?? _prCycle?.Add(_initialExchange, 1);
        _maturity = t.Date("maturityDate") ?? DerivedMaturity();
        _to = c.To;
    }

    public static ActusRun Run(ActusTestCase c) => new ActusCalculator(c).Run();

    public static DayCount DayCountOf(string actusName) => actusName switch
    {
        "30E360" => DayCount.Thirty360E,
        "A360" => DayCount.Act360,
        "A365" => DayCount.Act365F,
        "AA" => DayCount.ActAct,
        _ => throw new NotSupportedException($"Day count {actusName}."),
    };

    private bool Amortizes => _type != "PAM";

    private bool IsAnnuity => _type is "ANN" or "NAM";

    private Date PrAnchor => _prAnchor ?? throw new NotSupportedException("No principal redemption schedule.");

    private Date DerivedMaturity()
    {
        if (IsAnnuity && _amortizationDate is { } amortization)
        {
            return amortization;
        }

        // LAM: as many cycles from the anchor as it takes to redeem the notional in equal amounts.
        if (_type == "LAM" && _redemptionAmount is { } amount && _prCycle is not null && PrAnchor >= _statusDate)
        {
            return _prCycle.Add(PrAnchor, (int)Math.Ceiling(_notional / amount) - 1);
        }

        throw new NotSupportedException("Maturity cannot be derived.");
    }

    private ActusRun Run()
    {
        List<(Date Date, Kind Kind)> schedule = BuildEvents();
        var events = new List<ActusComputedEvent>();

        double notional;
        double accrued;
        if (_initialExchange > _statusDate)
        {
            notional = 0.0;
            accrued = 0.0;
        }
        else
        {
            notional = _notional;
            accrued = _accruedAtStart ?? throw new NotSupportedException("Accrued interest at the status date.");
        }

        // Redemption dates to the end of amortisation, maturity included: what "the periods left" count over.
        List<Date> redemptionDates = Amortizes
            ? Generate("PR to end", PrAnchor, _amortizationDate ?? _maturity, _prCycle, includeEnd: true)
            : [];

        Date last = _statusDate;
        foreach (var (date, kind) in schedule)
        {
            accrued += DayCounts.YearFraction(_dayCount, last, date) * _rate * notional;
            last = date;
            switch (kind)
            {
                case Kind.IED:
                    notional = _notional;
                    accrued = _accruedAtStart ?? (_ipAnchor < _initialExchange
                        ? throw new NotSupportedException("Interest accrued before the initial exchange.")
                        : 0.0);
                    events.Add(new(date, "IED", -_sign * (_notional + _premiumDiscount)));
                    break;
                case Kind.PRF:
                    // The reference fixes the annuity here; recomputing it at each redemption (below) gives the
                    // same amount while every instalment is paid. The event still splits the accrual, as the reference's does.
                    events.Add(new(date, "PRF", 0.0));
                    break;
                case Kind.PR:
                    double principal = Principal(date, notional, accrued, redemptionDates);
                    notional -= principal;
                    events.Add(new(date, "PR", _sign * principal));
                    break;
                case Kind.IP:
                    events.Add(new(date, "IP", _sign * accrued));
                    accrued = 0.0;
                    break;
                case Kind.MD:
                    events.Add(new(date, "MD", _sign * notional));
                    notional = 0.0;
                    break;
            }
        }

        return new ActusRun(events, _schedules);
    }

    private List<(Date Date, Kind Kind)> BuildEvents()
    {
        var events = new List<(Date Date, Kind Kind)> { (_initialExchange, Kind.IED), (_maturity, Kind.MD) };

        if (Amortizes)
        {
            events.AddRange(Generate("PR", PrAnchor, _maturity, _prCycle, includeEnd: false).Select(d => (d, Kind.PR)));
            if (IsAnnuity && _redemptionAmount is null && PrAnchor > _initialExchange)
            {
                events.Add((PrAnchor.AddDays(-1), Kind.PRF));
            }
        }

        events.AddRange(InterestDates().Distinct().Select(d => (d, Kind.IP)));

        Date to = _to.Length == 0 ? _maturity : ActusTime.Parse(_to).Date;
        return events
            .Where(e => e.Date >= _statusDate && e.Date <= to)
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Kind)
            .ToList();
    }

    private IEnumerable<Date> InterestDates()
    {
        if (IsAnnuity && _ipCycle is null && _ipAnchor is null)
        {
            return Generate("IP", PrAnchor, _maturity, _prCycle, includeEnd: true);
        }

        if (_ipAnchor is not { } ipAnchor)
        {
            return [];
        }

        List<Date> dates = Generate("IP", ipAnchor, _maturity, _ipCycle, includeEnd: true);
        if (IsAnnuity && (ipAnchor != PrAnchor || _ipCycle != _prCycle))
        {
            // The reference lets interest follow the principal cycle from one principal cycle before the
            // first redemption onwards, so that each annuity payment carries exactly its period's interest.
            Date switchDate = (_prCycle ?? throw new NotSupportedException("No principal cycle.")).Add(PrAnchor, -1);
            return dates.Where(d => d < switchDate)
                .Append(switchDate)
                .Concat(Generate("IP on PR cycle", PrAnchor, _maturity, _prCycle, includeEnd: true));
        }

        return dates;
    }

    // A given redemption amount is the reference's own term (ANN: the instalment, principal = amount − interest;
    // LAM: the principal). Without one, the principal is what the generated loop computes on this balance over the
    // redemption dates left (this one included): LAM linear, ANN level.
    private double Principal(Date date, double notional, double accrued, List<Date> redemptionDates)
    {
        if (_redemptionAmount is { } amount)
        {
            return Math.Min(notional, IsAnnuity ? amount - accrued : amount);
        }

        int next = redemptionDates.IndexOf(date);
        if (next < 0)
        {
            throw new NotSupportedException($"Redemption on {date} is off the schedule.");
        }

        if (!IsAnnuity)
        {
            return Annuity.LinearPrincipal(notional, redemptionDates.Count - next);
        }

        // The period now ending accrues the interest already counted (whatever dates it started from, as the
        // loop's period rate × balance is its interest); later periods accrue coupon × their year fraction.
        var yearFractions = new double[redemptionDates.Count - next];
        for (int k = 1; k < yearFractions.Length; k++)
        {
            yearFractions[k] = DayCounts.YearFraction(_dayCount, redemptionDates[next + k - 1], redemptionDates[next + k]);
        }

        double[] rates = Annuity.PeriodRates(_rate, yearFractions);
        rates[0] = notional > 0.0 ? accrued / notional : 0.0;

        // ACTUS pays the same instalment on every date, stub or not: every weight is 1.
        double[] weights = [.. Enumerable.Repeat(1.0, rates.Length)];
        return Annuity.LevelPrincipal(notional, rates, weights);
    }

    private List<Date> Generate(string name, Date anchor, Date end, ActusCycle? cycle, bool includeEnd)
    {
        List<Date> dates = ActusCycle.Schedule(anchor, end, cycle, includeEnd);
        _schedules.Add(new ActusGeneratedSchedule(name, anchor, end, cycle, includeEnd, dates));
        return dates;
    }
}
