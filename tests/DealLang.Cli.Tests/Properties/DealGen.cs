using System.Globalization;
using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>
/// A grammar-aware generator of valid deal files (docs/language.md): a header, parties, facilities with
/// straight-line or scheduled values, leases with renewals and RVGs, loans (DealGen.Loans.cs), GPU fleets
/// (DealGen.Fleets.cs) and their compute contracts (DealGen.Contracts.cs), tranches with every amortisation and
/// interest-only periods, an equity, accounts with targets, fees, tests (trailing windows, <c>from</c>), triggers,
/// market indices (DealGen.Indices.cs), a default rule with or without <c>grace</c>, a waterfall with <c>using</c>/<c>fill</c>/<c>release</c>/<c>hold</c>/
/// <c>if</c>-<c>else</c>, enforcement with <c>sell ... haircut ... lag ...</c>, and scenarios with every lever. Every
/// deal it makes must check without errors (warnings are allowed: a generated deal may well be a poor one); a
/// deal with an error is a bug of this generator, or of the checker.
/// </summary>
internal static partial class DealGen
{
    /// <summary>The whole file: the deal, then its scenarios.</summary>
    public static Gen<string> Valid { get; } = FrameGen().SelectMany(Deal).SelectMany(PayCommitmentFees).SelectMany(RatchetT1)
        .SelectMany(DeliveryDrawsT1).SelectMany(WithHoldings).SelectMany(Guarantors).SelectMany(RemarketedRvgs);

    private static Gen<DealFrame> FrameGen() =>
        from year in Gen.Int[2025, 2028]
        from month in Gen.Int[1, 12]
        from day in Gen.Int[1, 28]
        from tenorMonths in Gen.Int[12, 180]
        from stubDays in Gen.Int[0, 40]
        from pay in Pick(DealFrame.Frequencies)
        from parties in Gen.Int[1, 3]
        from facilities in Gen.Int[0, 2]
        from tranches in Gen.Int[1, 3]
        from accounts in Gen.Int[0, 3]
        from fees in Gen.Int[0, 2]
        from indices in Gen.Int[0, 2]
        from fleets in Gen.Int[0, 2]
        from contracts in Gen.Int[0, 2]
        let closing = new DateOnly(year, month, day)
        select new DealFrame("Gen", closing, closing.AddMonths(tenorMonths).AddDays(stubDays), pay,
            parties, facilities, tranches, accounts, fees, indices, fleets, contracts);

    private static Gen<string> Deal(DealFrame f) =>
        from header in Header(f)
        from parties in All(f.PartyNames.Select(p => Party(p)))
        from indices in All(f.IndexNames.Select(n => Index(f, n)))
        from facilities in All(f.FacilityNames.Select(n => Facility(f, n)))
        from leases in f.Facilities == 0 ? Gen.Const(Array.Empty<GeneratedDecl>()) : Gen.Int[0, 2].SelectMany(n =>
            All(DealFrame.Numbered("L", n).Select(l => Lease(f, l))))
        from loans in Gen.Int[0, 2].SelectMany(n => All(DealFrame.Numbered("Ln", n).Select(l => Loan(f, l))))
        from fleets in All(f.FleetNames.Select(n => Fleet(f, n)))
        from tranches in All(f.TrancheNames.Select(t => Tranche(f, t)))
        from equity in Equity(f)
        from accounts in All(f.AccountNames.Select(a => Account(f, a)))
        from fees in All(f.FeeNames.Select(n => Fee(f, n)))
        from tests in Gen.Int[0, 3].SelectMany(n => Tests(f, n))
        from triggers in Gen.Int[0, 3].SelectMany(n => Triggers(f, leases, tests, n))
        from defaultRule in Maybe(DefaultRule(f, leases, tests))
        from cfads in Pick("", "", "", "cfads includes rvg")
        from waterfall in Waterfall(f, leases, tests, triggers)
        from enforcement in defaultRule.Length > 0 // enforcement mostly where a default can start it: sales and workouts
            ? Gen.Frequency((4, Enforcement(f)), (1, Gen.Const("")))
            : Maybe(Enforcement(f))
        from delay in Gen.Int[0, 18]
        from coins in Maybe(Coins(f, "Cn1"))
        from sale in Pick("", "first", "last")
        from coinsSold in Gen.Int[0, 3] // 0: sold on enforcement at once, 3: spread over periods, else not sold
        from coinHalfLife in Maybe(Gen.Int[1, 12].Select(n => $"half_life {Text(n)}m")) // a spread sale's market that remembers
        from scenarios in Gen.Int[0, 3].SelectMany(n => All(DealFrame.Numbered("S", n).Select(s => Scenario(f, leases, s, ContractBreaks(fleets), LoanNames(loans), header))))
        from stochastic in Maybe(StochasticScenario(f, leases, "Mc", tranches.Any(t => t.Contains("completion Bld", StringComparison.Ordinal)), LaggedObligors(loans), ContractRenewals(fleets), LoanNames(loans)))
        from hardCall in Maybe(HardCall(f, tranches, header))
        from subjectToLease in Gen.Frequency((1, Gen.Const(true)), (2, Gen.Const(false)))
        select Join([
            $"deal {f.Name} {{",
            header,
            .. parties, .. indices, SharePriceIndex(tranches), CompletionIndex(f, tranches), CpiIndex(leases), .. facilities, .. leases.Select(l => l.Text), .. loans, .. fleets, .. tranches, equity, .. accounts, .. fees,
            .. tests.Select(t => t.Text), .. triggers.Select(t => t.Text),
            coins.Trim().Length == 0 ? "" : "  " + coins.Trim(),
            defaultRule.Trim(), cfads, WithCoinSale(waterfall, coins.Length == 0 ? "" : sale, f),
            WithSubjectToLease(coinsSold is 0 or 3 ? WithCoinsCollateral(enforcement.Trim(), coins, spread: coinsSold == 3, coinHalfLife) : enforcement.Trim(),
                leases, subjectToLease),
            "}",
            .. scenarios,
            CompletionDelay(f, tranches, delay),
            hardCall.Trim(),
            stochastic.Trim(),
        ]) + "\n";

    private static Gen<string> Header(DealFrame f) =>
        from title in Maybe(Pick("title \"Generated deal\"", "title \"A \\\"quoted\\\" \\\\ title, ü\"", "title \"\""))
        from currency in Pick("USD", "EUR", "GBP", "JPY")
        from firstPayment in Maybe(DateIn(f.Closing, f.Maturity).Select(d => "first_payment " + d))
        from daycount in Pick(DealFrame.DayCounts)
        from businessDays in firstPayment.Length > 0 ? Gen.Const("") : Maybe(BusinessDays(f))
        from items in Shuffled(title, "currency " + currency, "closing " + DealFrame.Date(f.Closing),
            "maturity " + DealFrame.Date(f.Maturity), firstPayment, "pay " + f.Pay, "daycount " + daycount, businessDays)
        select "  " + items;

    // Only on dates rolled back from the maturity (no first_payment), each a month or more after the one before, and
    // a move is a few days (a weekend, the two-day closures of Easter and Christmas, London's four from Good Friday to Easter
    // Monday or from a Saturday Christmas to its Tuesday substitute, one listed date): a forward move
    // never reaches the next date nor a backward one the previous (DL0445). What a backward move can reach is the
    // closing, from a first date a stub of a few days after it, so the backward rolls (`preceding`,
    // `modified_preceding`, and `modified_following` at a month's end) come only with a stub of two weeks or more.
    // A listed holiday in (closing, maturity] is inside the dates paid (no DL0444) unless a backward roll pays the
    // maturity early, a warning only.
    private static Gen<string> BusinessDays(DealFrame f) =>
        from roll in FirstStubDays(f) >= 14 ? Pick("following", "modified_following", "preceding", "modified_preceding") : Gen.Const("following")
        from accrual in Maybe(Pick("adjusted", "unadjusted"))
        from calendars in Gen.OneOf(Gen.Const(""), Pick("TARGET2", "federal_reserve", "NYSE", "London", "TARGET2 + federal_reserve", "NYSE + London"))
        from list in Gen.OneOf(Gen.Const(""), DateIn(f.Closing, f.Maturity).Select(d => "{ " + d + " }"))
        let holidays = string.Join(" + ", new[] { calendars, list }.Where(p => p.Length > 0))
        select "business_days " + roll + accrual + (holidays.Length == 0 ? "" : " holidays " + holidays);

    /// <summary>The days from the closing to the first date rolled back from the maturity by whole periods, a month's
    /// last day kept when the maturity is one (as the schedule rolls them).</summary>
    internal static int FirstStubDays(DealFrame f)
    {
        int months = f.Pay switch { "monthly" => 1, "quarterly" => 3, "semiannual" => 6, _ => 12 };
        bool endOfMonth = f.Maturity.Day == DateTime.DaysInMonth(f.Maturity.Year, f.Maturity.Month);
        DateOnly first = f.Maturity;
        for (int k = 1; ; k++)
        {
            DateOnly rolled = f.Maturity.AddMonths(-k * months);
            rolled = endOfMonth ? new DateOnly(rolled.Year, rolled.Month, DateTime.DaysInMonth(rolled.Year, rolled.Month)) : rolled;
            if (rolled <= f.Closing)
            {
                return first.DayNumber - f.Closing.DayNumber;
            }

            first = rolled;
        }
    }

    private static Gen<string> Party(string name) =>
        from rating in Maybe(Pick("rating \"AA-\"", "rating \"BBB+\"", "rating \"NR\""))
        from pd in Maybe(Rate(0, 2000).Select(r => "pd " + r))
        from recovery in Maybe(Rate(0, 10000).Select(r => "recovery " + r))
        from items in Shuffled(rating, pd, recovery)
        select $"  party {name} {{ {items} }}";

    private static Gen<string> Facility(DealFrame f, string name) =>
        from cost in Money(1, 3000)
        from value in Gen.OneOf(
            from life in Duration(12, 480)
            from floor in Maybe(Rate(0, 10000).Select(r => "floor " + r))
            from start in Maybe(DateIn(f.Closing.AddDays(-1), f.Maturity).Select(d => "from " + d))
            select "value straight_line " + life + floor + start,
            from n in Gen.Int[1, 4]
            from dates in IncreasingDates(f.Closing.AddYears(-1), f.Maturity.AddYears(2), n)
            from amounts in Money(0, 3000).Array[n]
            from comma in Pick(",", "")
            select "value schedule { " + string.Join(comma + " ", dates.Zip(amounts, (d, m) => DealFrame.Date(d) + " " + m)) + " }")
        from items in Shuffled("cost " + cost, value)
        select $"  facility {name} {{ {items} }}";

    /// <summary>The enforcement's sale of facilities written <c>subject to lease</c> (docs/language.md §9,
    /// "subject-to-lease") when <paramref name="subject"/> and every asset it lists is a facility a lease is on (else
    /// DL0232); the enforcement as it was otherwise.</summary>
    private static string WithSubjectToLease(string enforcement, GeneratedDecl[] leases, bool subject)
    {
        var leased = leases.Select(l => System.Text.RegularExpressions.Regex.Match(l.Text, @"lease L\d+ on (F\d+)\b").Groups[1].Value).ToHashSet();
        var sale = System.Text.RegularExpressions.Regex.Match(enforcement, @"\n    sell (F\d+(?:, F\w+)*)( haircut \S+)?( lag \S+)?\n");
        return !subject || !sale.Success || !sale.Groups[1].Value.Split(", ").All(leased.Contains)
            ? enforcement
            : enforcement.Insert(sale.Index + sale.Length - 1, " subject to lease");
    }

    private static Gen<GeneratedDecl> Lease(DealFrame f, string name) =>
        from facility in Pick([.. f.FacilityNames])
        from lessee in Pick([.. f.PartyNames])
        from rent in Money(0, 500)
        from escalator in Maybe(Rate(0, 500).Select(r => "escalating " + r + " per year"))
        from starts in DateIn(f.Closing.AddDays(-1), f.Maturity)
        from term in Duration(1, 120)
        from renewals in Gen.Int[0, 4]
        from renewalTerm in Duration(1, 120)
        from times in Pick(" x ", "x ")
        from market in Pick("", " rent at market")
        from hasRenewals in Gen.Bool
        from rvg in Gen.Frequency((2, Rvg(f, DateOnly.ParseExact(starts, "yyyy-MM-dd"), lessee)), (1, Gen.Const("")))
        // An indexed rent (never with renewals at market, DL0493) follows Cpi, declared when a lease reads it (CpiIndex).
        from indexed in Gen.Frequency((1, Gen.Const(" indexed Cpi")), (3, Gen.Const("")))
        from indexation in IndexationTerms(f)
        let index = hasRenewals && market.Length > 0 || indexed.Length == 0 ? "" : indexed + indexation
        // Now and then a termination fee, as a contract's (a build-to-suit lease's).
        from fee in Gen.Frequency((1, TerminationFee()), (4, Gen.Const("")))
        // Now and then a break option (a tenant's right to leave on given months of the term), which a scenario may
        // exercise (Levers); its fee in months of rent, an amount, or none.
        from breaks in Gen.Frequency((1, BreakMonths(TermMonths(term))), (3, Gen.Const(Array.Empty<int>())))
        from breakFee in Pick("", " fee 6m of rent", " fee 1y of rent", " fee 12m")
        // Now and then, on a lease with an RVG (DL0555), a break that owes it ('with rvg'), in either term, now and then
        // on an amount guaranteed or a cap of its own.
        from breakRvg in rvg.Length == 0 ? Gen.Const("") : BreakRvg(f)
        from renewalBreakRvg in rvg.Length == 0 ? Gen.Const("") : BreakRvg(f)
        let breakOption = breaks.Length == 0 ? "" : "break_option at " + string.Join(", ", breaks.Select(m => Text(m) + "m")) + breakFee + breakRvg
        // Now and then a break in the renewal terms too (dates from each renewal term's start, inside it: DL0222), with a
        // notice no longer than the time to its first date (DL0221).
        from renewalBreaks in hasRenewals && renewals > 0
            ? Gen.Frequency((1, BreakMonths(TermMonths(renewalTerm))), (3, Gen.Const(Array.Empty<int>())))
            : Gen.Const(Array.Empty<int>())
        from renewalNotice in renewalBreaks.Length == 0 ? Gen.Const(0) : Gen.Int[0, renewalBreaks[0]]
        from renewalFee in Pick("", " fee 3m of rent", " fee 5m")
        let renewalBreak = renewalBreaks.Length == 0 ? ""
            : " with break_option at " + string.Join(", ", renewalBreaks.Select(m => Text(m) + "m"))
                + (renewalNotice == 0 ? "" : " notice " + Text(renewalNotice) + "m") + renewalFee + renewalBreakRvg
        // Now and then a termination fee in the renewal terms (owed by a lessee defaulting in one it took; one for every
        // term or one per term), written before or after their break.
        from renewalTerminationFee in hasRenewals ? Gen.Frequency((1, RenewalTerminationFee(renewals).Select(t => " with " + t)), (3, Gen.Const(""))) : Gen.Const("")
        from feeFirst in Gen.Bool
        let renewalTerms = feeFirst ? renewalTerminationFee + renewalBreak : renewalBreak + renewalTerminationFee
        from items in Shuffled("lessee " + lessee, "rent " + rent + " per year " + escalator.Trim() + index, "starts " + starts,
            "term " + term, hasRenewals ? $"renewals {Text(renewals)}{times}{renewalTerm} at lessee option{market}{renewalTerms}" : "", rvg, fee, breakOption)
        select new GeneratedDecl(name, $"  lease {name} on {facility} {{ {items} }}", Renewals: hasRenewals ? renewals : 0) { Breaks = breaks, RenewalBreaks = renewalBreaks };

    /// <summary>A lease term's whole months when written in months or years (a term in days or weeks, rounded by the
    /// checker, gets no break: 0).</summary>
    private static int TermMonths(string term) =>
        term[^1] switch
        {
            'm' => int.Parse(term[..^1], System.Globalization.CultureInfo.InvariantCulture),
            'y' => 12 * int.Parse(term[..^1], System.Globalization.CultureInfo.InvariantCulture),
            _ => 0,
        };

    /// <summary>One to three break dates, strictly increasing whole months inside a term of <paramref name="termMonths"/>
    /// (DL0425, DL0426); none for a term too short to hold one.</summary>
    private static Gen<int[]> BreakMonths(int termMonths) =>
        termMonths < 2
            ? Gen.Const(Array.Empty<int>())
            : Gen.Int[1, Math.Min(3, termMonths - 1)].SelectMany(n => Gen.Int[1, termMonths - 1].ArrayUnique[n]).Select(ms => ms.Order().ToArray());

    /// <summary>An indexed rent's terms (docs/language.md "Indexed rent"), one space apart in any order, or none: a floor
    /// and a cap only with 'yearly' (DL0497), the floor at most 2% and the cap at least 2% (DL0494), a lag of whole periods
    /// up to 24 months (DL0496).</summary>
    private static Gen<string> IndexationTerms(DealFrame f) =>
        from yearly in Gen.Bool
        from floor in Maybe(Rate(0, 200).Select(r => "floor " + r))
        from cap in Maybe(Rate(200, 600).Select(r => "cap " + r))
        from lagPeriods in Gen.Int[0, 24 / MonthsPerPeriod(f.Pay)]
        from parts in Gen.Shuffle(new[] { yearly ? "yearly" : "", yearly ? floor : "", yearly ? cap : "",
            lagPeriods == 0 ? "" : "lag " + (lagPeriods * MonthsPerPeriod(f.Pay)).ToString(CultureInfo.InvariantCulture) + "m" }
            .Where(p => p.Length > 0).Select(p => p.Trim()).ToArray())
        select parts.Length == 0 ? "" : " " + string.Join(" ", parts);

    private static int MonthsPerPeriod(string pay) => pay switch
    {
        "monthly" => 1,
        "quarterly" => 3,
        "semiannual" => 6,
        _ => 12,
    };

    // Now and then a guarantor behind the RVG ('with guarantor P cap M [until DATE]', last), a party other than the lessee
    // (DL0731).
    private static Gen<string> Rvg(DealFrame f, DateOnly starts, string lessee) =>
        from guarantees in Maybe(GuaranteedAmount(f).Select(e => "guarantees " + e))
        from cap in Money(0, 3000)
        from until in Maybe(DateIn(starts, starts.AddYears(20)).Select(d => "until " + d))
        from items in Shuffled(guarantees, "cap " + cap, until)
        from guarantor in f.PartyNames.Any(p => p != lessee) ? Maybe(RvgGuarantor(f, starts, lessee)) : Gen.Const("")
        select "rvg " + items + guarantor;

    private static Gen<string> RvgGuarantor(DealFrame f, DateOnly starts, string lessee) =>
        from party in Pick([.. f.PartyNames.Where(p => p != lessee)])
        from cap in Money(0, 3000)
        from until in Maybe(DateIn(starts.AddDays(1), starts.AddYears(20)).Select(d => "until " + d))
        select "with guarantor " + party + " cap " + cap + until;

    /// <summary>A break's 'with rvg', or none: now and then with an amount guaranteed, a cap, or both of its own (never an
    /// 'until', DL0585).</summary>
    private static Gen<string> BreakRvg(DealFrame f) =>
        from written in Pick("", " with rvg", " with rvg", " with terms")
        from guarantees in Maybe(GuaranteedAmount(f).Select(e => "guarantees " + e))
        from cap in Maybe(Money(0, 3000).Select(c => "cap " + c))
        select written == " with terms" ? " with rvg" + guarantees + cap : written;

    /// <summary>What an RVG may guarantee: state read when the lease ends, but no flow, target, test or trigger.</summary>
    private static Gen<string> GuaranteedAmount(DealFrame f) =>
        from tranche in Pick([.. f.TrancheNames])
        from money in Money(0, 3000)
        from share in Rate(0, 10000)
        from facility in Pick([.. f.FacilityNames])
        from choice in Pick(
            tranche + ".scheduled_balance", tranche + ".balance", money, share + " of " + facility + ".cost",
            $"max(0, {tranche}.balance - {money})", $"min({money}, {tranche}.scheduled_balance)")
        select choice;

    private static Gen<string> Tranche(DealFrame f, string name) =>
        from balance in Money(0, 3000)
        from coupon in Coupon(f, name)
        from maturityDate in Maybe(DateIn(f.Closing, f.Maturity))
        let maturity = maturityDate.Length == 0 ? f.Maturity : DateOnly.ParseExact(maturityDate.Trim(), "yyyy-MM-dd")
        from interestOnly in Maybe(DateIn(f.Closing, f.Maturity).Select(d => "interest_only until " + d))
        from amortize in Maybe(Amortization(f, maturity))
        from seniority in Maybe(Gen.Int[1, 4].Select(s => "seniority " + Text(s)))
        from pik in Maybe(Pik(name))
        from issuePrice in Maybe(Rate(9000, 10500).Select(r => "issue_price " + r))
        from stepUp in Maybe(from r in Rate(0, 300) from d in DateIn(f.Closing, f.Maturity) select $"step_up {r} from {d}")
        from draw in Maybe(DelayedDraw(f, maturity))
        from target in Maybe(TargetBalance(f, name))
        from convertible in Maybe(Convertible(f, maturity))
        from completion in Maybe(Pick("completion Bld", "completion Bld * 0.5x"))
        from callable in Maybe(CallSchedule(f, maturity))
        // A floating or stepped coupon cannot amortise level (DL0481).
        let amortization = coupon.Contains(" * (", StringComparison.Ordinal) || stepUp.Length > 0
            ? amortize.Replace("amortize level", "amortize linear", StringComparison.Ordinal) : amortize
        from items in Shuffled("balance " + balance, "coupon " + coupon, interestOnly, amortization,
            maturityDate.Length == 0 ? "" : "maturity" + maturityDate, seniority, pik, issuePrice, stepUp, draw, target, convertible, completion, callable)
        select $"  tranche {name} {{ {items} }}";

    /// <summary>A delayed draw: a commitment of 4bn to 6bn (above any generated balance, 3bn at most, plus up to four
    /// draws of at most 250m), dated draws up to the tranche's maturity, an optional availability date on or after the
    /// last draw, and an optional commitment fee. The waterfall pays the fee about half the time (<see cref="PayCommitmentFees"/>).</summary>
    private static Gen<string> DelayedDraw(DealFrame f, DateOnly maturity) =>
        from commitment in Gen.Int[4000, 6000]
        from n in Gen.Int[0, 4]
        from dates in IncreasingDates(f.Closing, maturity, Math.Min(n, maturity.DayNumber - f.Closing.DayNumber))
        from amounts in Money(0, 250).Array[dates.Length]
        from until in Gen.Int[0, 2]
        let last = dates.Length == 0 ? f.Closing.AddDays(1) : dates[^1]
        from fee in Maybe(Rate(0, 100).Select(r => "commitment_fee " + r))
        select Join2("commitment " + Text(commitment) + "m",
            dates.Length == 0 ? "" : "draws { " + string.Join("  ", dates.Zip(amounts, (d, m) => DealFrame.Date(d) + " " + m)) + " }",
            until switch { 0 => "", 1 => "available until " + DealFrame.Date(last), _ => "available until " + DealFrame.Date(f.Maturity) },
            fee.Trim());

    private static string Join2(params string[] items) => string.Join("  ", items.Where(i => i.Length > 0));

    /// <summary>A borrowing base known at the period's start: a share of a facility's value or cost, or a fixed amount.</summary>
    private static Gen<string> TargetBalance(DealFrame f, string name) =>
        from share in Rate(3000, 9000)
        from money in Money(0, 3000)
        from choice in Pick([.. f.FacilityNames.SelectMany(x => new[] { $"{share} of {x}.value", $"{share} * {x}.cost" }),
            money, $"max(0, {name}.balance - {money})"])
        select "target_balance " + choice;

    /// <summary>Now and then a margin ratchet on T1 (declared before any trigger or test is known, so added here): a
    /// step-up while the first trigger was active, and a margin grid on a loan-to-value test of its own. Either makes
    /// the coupon vary, so a level T1 amortises linear instead (DL0481).</summary>
    private static Gen<string> RatchetT1(string deal) =>
        from stepUp in Gen.Int[0, 2].Select(n => n == 1 && deal.Contains("  trigger Trig1 ", StringComparison.Ordinal))
        from grid in Gen.Int[0, 2].Select(n => n == 1)
        from margin in Rate(0, 300)
        select !stepUp && !grid ? deal : System.Text.RegularExpressions.Regex.Replace(deal, @"(?m)^  tranche T1 \{(.*) \}$", m =>
            "  tranche T1 {" + m.Groups[1].Value.Replace("amortize level", "amortize linear", StringComparison.Ordinal)
            + (stepUp ? "  step_up " + margin + " while Trig1" : "")
            + (grid ? "  margin grid RatchetLtv { below 40% 1%  below 0.6x 2%  else 3% }" : "") + " }"
            + (grid ? "\n  test RatchetLtv = T1.balance / 1bn" : ""));

    /// <summary>Now and then T1 draws against the first fleet's deliveries (when a contract is on it): its dated draws
    /// give way to <c>draws against Fl1 advance R</c> (with a commitment if it had none), sometimes with a margin by
    /// investment grade (the generated ratings, AA-, BBB+ and NR, are all readable), which makes the coupon vary, so a
    /// level T1 amortises linear instead (DL0481). Draws above the commitment, or deliveries after an availability
    /// date, are warnings (DL0479, DL0478): generated too.</summary>
    private static Gen<string> DeliveryDrawsT1(string deal) =>
        from against in Gen.Int[0, 2].Select(n => n == 1 && deal.Contains(" on Fl1 {", StringComparison.Ordinal))
        from advance in Rate(1000, 10000)
        from classes in Gen.Int[0, 1].Select(n => n == 1)
        from ig in Rate(0, 700)
        from other in Rate(0, 1500)
        select !against ? deal : System.Text.RegularExpressions.Regex.Replace(deal, @"(?m)^  tranche T1 \{(.*) \}$", m =>
        {
            string items = System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, @"draws \{[^}]*\}", "");
            if (!items.Contains("commitment ", StringComparison.Ordinal))
            {
                items += "  commitment 6000m";
            }

            if (classes)
            {
                items = items.Replace("amortize level", "amortize linear", StringComparison.Ordinal)
                    + "  margin investment_grade " + ig + " else " + other;
            }

            return "  tranche T1 {" + items + "  draws against Fl1 advance " + advance + " }";
        });

    /// <summary>Now and then an RVG settled on a remarketing sale (<c>rvg against remarketing [cost R] …</c>, docs/language.md
    /// §5): added here, once every lease is known, and only to a lease whose facility no other lease leases (DL0529), its
    /// cost in [0, 100%) (DL0528). The part goes first, so a 'with guarantor' stays last.</summary>
    private static Gen<string> RemarketedRvgs(string deal) =>
        from remarket in Gen.Int[0, 2].Select(n => n == 1)
        from cost in Gen.Int[0, 3].SelectMany(n => n == 0 ? Gen.Const("") : Rate(0, 2000).Select(r => " cost " + r))
        select !remarket ? deal : System.Text.RegularExpressions.Regex.Replace(deal, @"(?m)^  lease (L\d) on (F\d) \{(.*) \}$", m =>
        {
            int leasesOfFacility = System.Text.RegularExpressions.Regex.Matches(deal, @"(?m)^  lease L\d on " + m.Groups[2].Value + @" \{").Count;
            // The lease's own rvg item, not a break's 'with rvg'.
            var rvg = new System.Text.RegularExpressions.Regex(@"(?<!with )\brvg ");
            return leasesOfFacility != 1 || !rvg.IsMatch(m.Groups[3].Value) ? m.Value
                : "  lease " + m.Groups[1].Value + " on " + m.Groups[2].Value + " {" + rvg.Replace(m.Groups[3].Value, "rvg against remarketing" + cost + " ", 1) + " }";
        });

    /// <summary>`pay T.commitment_fee` first in the waterfall for each tranche with a commitment fee, about half the time
    /// (an unpaid fee carries as an arrear, also a case worth generating).</summary>
    private static Gen<string> PayCommitmentFees(string deal) =>
        Gen.Int[0, 1].Select(pay => pay == 0 ? deal : System.Text.RegularExpressions.Regex.Matches(deal, @"tranche (T\d) \{[^\n]*commitment_fee")
            .Aggregate(deal, (text, m) => text.Replace("  waterfall {\n", "  waterfall {\n    pay " + m.Groups[1].Value + ".commitment_fee\n", StringComparison.Ordinal)));

    /// <summary>A fixed coupon, or a floating one over the tranche's own opening loan-to-value (or loan-to-cost), with
    /// an optional floor and cap (the floor always below the cap).</summary>
    private static Gen<string> Coupon(DealFrame f, string name) =>
        Gen.OneOf(
            from rate in Rate(0, 1500)
            from isFixed in Pick("", " fixed")
            select rate + isFixed,
            from spread in Rate(0, 800)
            from slope in Rate(0, 1000)
            from basis in Pick([.. f.FacilityNames.SelectMany(x => new[] { x + ".cost", x + ".value" }), "1bn"])
            from floor in Maybe(Rate(0, 500).Select(r => "floor " + r))
            from cap in Maybe(Rate(1500, 2500).Select(r => "cap " + r))
            select $"{spread} + {slope} * ({name}.balance / {basis}){floor}{cap}");

    /// <summary>Interest paid in kind: all of it, a share, or a toggle on the tranche's opening balance.</summary>
    private static Gen<string> Pik(string name) =>
        Gen.OneOf(
            Pick("pik", "pik unpaid"),
            Rate(0, 10000).Select(r => "pik " + r),
            from share in Maybe(Rate(0, 10000))
            from level in Money(0, 3000)
            select $"pik{share} when {name}.balance > {level}");

    private static Gen<string> Amortization(DealFrame f, DateOnly maturity) =>
        Gen.OneOf(
            Pick("amortize bullet", "amortize level", "amortize linear"),
            from n in Gen.Int[1, 4]
            from dates in IncreasingDates(f.Closing, maturity, Math.Min(n, maturity.DayNumber - f.Closing.DayNumber))
            from amounts in Money(0, 500).Array[dates.Length]
            from comma in Pick(",", "")
            select "amortize schedule { " + string.Join(comma + " ", dates.Zip(amounts, (d, m) => DealFrame.Date(d) + " " + m)) + " }");

    private static Gen<string> Equity(DealFrame f) =>
        from contributed in Gen.Int[0, 1000]
        from holders in Gen.Int[0, f.Parties]
        from parties in Gen.Shuffle((f.PartyNames).ToArray(), holders)
        from cuts in Gen.Int[1, 99].ArrayUnique[Math.Max(0, holders - 1)]
        let bounds = (int[])[0, .. cuts.Order(), 100]
        from carry in f.Parties == 0 ? Gen.Const("") : Maybe(Carry(f))
        from terms in ClassTerms().Array[holders]
        let shares = parties.Take(holders).Select((p, i) => p + " " + Text(bounds[i + 1] - bounds[i]) + "%" + (carry.Length > 0 ? terms[i] : ""))
        from calls in Maybe(Calls(f, contributed))
        from items in Shuffled("contributed " + Text(contributed) + "m", holders == 0 ? "" : "holders " + string.Join(", ", shares), carry.Trim(), calls.Trim())
        select $"  equity Eq {{ {items} }}";

    // a fund's LPs: a carry to a party, maybe a catch-up above it, maybe a hurdle (language.md "A fund's LPs")
    private static Gen<string> Carry(DealFrame f) =>
        from gp in Pick([.. f.PartyNames])
        from rate in Gen.Int[0, 5000]
        from catchUp in Maybe(Rate(rate + 1, 10000).Select(r => "catch_up " + r))
        from hurdle in Maybe(Rate(0, 1500).Select(r => "hurdle " + r))
        select $"carry {(rate / 100.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% to {gp}{catchUp}{hurdle}";

    // an LP class's own terms now and then: a hurdle, and a carry with a catch-up above it (a class's carry alone
    // could fall at or above the equity's catch-up, DL0780)
    private static Gen<string> ClassTerms() =>
        from own in Gen.Int[0, 2]
        from hurdle in Maybe(Rate(0, 1500).Select(r => " hurdle " + r))
        from rate in Gen.Int[0, 5000]
        from catchUp in Rate(rate + 1, 10000)
        select own != 0 ? "" : $" {{{hurdle} carry {(rate / 100.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% catch_up {catchUp} }}";

    // commitments drawn over time: up to three dated calls inside the run, and a commitment at or above all that is called
    private static Gen<string> Calls(DealFrame f, int contributed) =>
        from n in Gen.Int[0, Math.Min(3, f.Days)]
        from dates in IncreasingDates(f.Closing, f.Maturity, n)
        from amounts in Gen.Int[0, 300].Array[n]
        from extra in Gen.Int[0, 300]
        let calls = n == 0 ? "" : " calls " + string.Join(", ", dates.Zip(amounts, (d, m) => DealFrame.Date(d) + " " + Text(m) + "m"))
        select "commitment " + Text(contributed + amounts.Sum() + extra) + "m" + calls;

    private static Gen<string> Account(DealFrame f, string name) =>
        from braces in Gen.Int[0, 4]
        from target in Maybe(Target(f).Select(t => "target " + t))
        from initial in Maybe(Money(0, 300).Select(m => "initial " + m))
        from earns in Maybe(Rate(0, 800).Select(r => "earns " + r))
        from items in Shuffled(target, initial, earns)
        select braces == 0 ? $"  account {name}" : $"  account {name} {{ {items} }}";

    /// <summary>An account target: state, evaluated when the step runs (a duration's worth of a flow, a share of a
    /// balance, a fixed amount).</summary>
    private static Gen<string> Target(DealFrame f) =>
        from months in Pick("3m", "6m", "12m", "1y")
        from tranche in Pick([.. f.TrancheNames])
        from money in Money(0, 200)
        from share in Rate(0, 5000)
        from choice in Pick(months + " of debt_service", months + " of " + tranche + ".interest", money,
            share + " of " + tranche + ".balance", $"max({money}, {months} of debt_service)")
        select choice;

    private static Gen<string> Fee(DealFrame f, string name) =>
        from money in Money(0, 20)
        from share in Rate(0, 200)
        from tranche in Pick([.. f.TrancheNames])
        from facility in f.Facilities == 0 ? Gen.Const("") : Pick([.. f.FacilityNames])
        from index in f.RateIndexNames.Any() ? Pick([.. f.RateIndexNames]) : Gen.Const("")
        from amount in f.Facilities == 0
            ? Pick([money, share + " of " + tranche + ".balance", .. IndexFee(index, tranche)])
            : Pick([money, share + " of " + tranche + ".balance", share + " of " + facility + ".value", share + " of " + facility + ".cost", .. IndexFee(index, tranche)])
        from escalator in Maybe(Rate(0, 500).Select(r => "escalating " + r + " per year"))
        select $"  fee {name} {{ {amount} per year{escalator} }}";
}
