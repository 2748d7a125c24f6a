namespace DealLang.Runtime.Tests.Actus;

/// <summary>
/// A small ACTUS engine for fixed-rate PAM, LAM, ANN and NAM contracts without date shifting: it builds the
/// event schedule the way the reference does, then walks the events in time order, accruing interest with
/// <see cref="DayCounts"/> and fixing annuity amounts with <see cref="Annuity"/>. Amounts are kept positive
/// and the contract-role sign is applied to payoffs only.
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

        double? redemption = _redemptionAmount;
        if (_type == "LAM" && redemption is null)
        {
            // Equal shares over the remaining redemption dates, maturity included.
            int remaining = Generate("PR count", PrAnchor, _maturity, _prCycle, includeEnd: true).Count(d => d > _statusDate);
            redemption = _notional / remaining;
        }

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

                    // The reference fixes an annuity whose first redemption is on the exchange date right there,
                    // counting that date as the first payment (a payment with no interest).
                    if (IsAnnuity && redemption is null && PrAnchor <= _initialExchange)
                    {
                        redemption = AnnuityAmount(date, notional, accrued, includeFixingDate: true);
                    }

                    break;
                case Kind.PRF:
                    redemption = AnnuityAmount(date, notional, accrued, includeFixingDate: false);
                    events.Add(new(date, "PRF", 0.0));
                    break;
                case Kind.PR:
                    double due = redemption ?? throw new NotSupportedException("Redemption amount never fixed.");
                    double principal = Math.Min(notional, IsAnnuity ? due - accrued : due);
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

    // ACTUS annuity amount: the level payment that repays the notional (plus interest accrued so far) over
    // the redemption dates after the fixing date, each period accruing at its own day-count fraction.
    private double AnnuityAmount(Date fixing, double notional, double accrued, bool includeFixingDate)
    {
        Date end = _amortizationDate ?? _maturity;
        List<Date> dates = Generate("PR annuity", PrAnchor, end, _prCycle, includeEnd: true)
            .Where(d => includeFixingDate ? d >= fixing : d > fixing)
            .ToList();

        var periodRates = new double[dates.Count];
        for (int k = 0; k < dates.Count; k++)
        {
            periodRates[k] = _rate * DayCounts.YearFraction(_dayCount, k == 0 ? fixing : dates[k - 1], dates[k]);
        }

        // Interest already accrued is owed at the first date but earns nothing; discounting it by the first
        // period lets it ride in the balance that Annuity.Payment compounds.
        double balance = notional + (accrued / (1.0 + periodRates[0]));
        return Annuity.Payment(balance, periodRates);
    }

    private List<Date> Generate(string name, Date anchor, Date end, ActusCycle? cycle, bool includeEnd)
    {
        List<Date> dates = ActusCycle.Schedule(anchor, end, cycle, includeEnd);
        _schedules.Add(new ActusGeneratedSchedule(name, anchor, end, cycle, includeEnd, dates));
        return dates;
    }
}
