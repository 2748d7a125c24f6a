using System.Globalization;

namespace DealLang.Compiler.Diagnostics;

// A break option on a lease or a contract (docs/language.md §5 "lease" and "contract", "Break option") and the scenario
// lever that exercises it: DL0425–DL0429, DL0437, DL0438, a lease's break notice: DL0220, DL0221, a break in a lease's
// or a contract's renewal terms: DL0222, DL0223, DL0224, and a break drawn per path (docs/language.md §10, "Drawn breaks"): DL0547, DL0548,
// in a renewal term: DL0523, DL0524, and a break owing the RVG ('with rvg'): DL0555, DL0556, with an 'until' of its own:
// DL0585. Kept in a file of their own
// so the codes read together.
// 'kind' is 'lease' or 'contract'; 'party' the one who breaks: 'lessee' or 'customer'.
public static partial class DiagnosticCatalogue
{
    /// <summary>DL0425: a break date on or after the end of the initial term: the lessee (customer) can only break the
    /// term it signed (a break at its end is the expiry; one in a renewal is the renewal not taken).</summary>
    public static Diagnostic BreakOutsideTerm(SourceSpan span, string kind, string name, string at, int termMonths) =>
        Error("DL0425", span, string.Create(CultureInfo.InvariantCulture,
            $"the break of {kind} '{name}' at {at} is not inside its initial term ({termMonths} months from its start): a break date must fall before the term ends"));

    /// <summary>DL0426: break dates not strictly increasing (a date repeated, or written before an earlier one).</summary>
    public static Diagnostic BreaksNotIncreasing(SourceSpan span, string kind, string name, string at, string previous) =>
        Error("DL0426", span,
            $"the break dates of {kind} '{name}' must be strictly increasing: {at} comes after {previous}");

    /// <summary>DL0427: a break fee of zero or less (an amount, or a number of months of rent or revenue); a free break is
    /// written without <c>fee</c>.</summary>
    public static Diagnostic BreakFeeNotPositive(SourceSpan span, string kind, string name, string fee, string party) =>
        Error("DL0427", span,
            $"the break fee of {kind} '{name}' must be above zero, not {fee}: leave 'fee' out for a break that costs the {party} nothing");

    /// <summary>DL0428: a scenario exercising a break the lease or contract does not offer: on a date not among its break
    /// dates, or on one without a break option.</summary>
    public static Diagnostic BreakNotOffered(SourceSpan span, string scenario, string kind, string name, string at, string offered) =>
        Error("DL0428", span,
            $"scenario '{scenario}' breaks {kind} '{name}' at {at}, which the {kind} does not offer: {offered}");

    /// <summary>DL0429: a scenario both breaking a lease or contract and taking (or drawing) its renewals: a break ends it
    /// in its initial term, so the renewals could never be taken. A break in a renewal term (<paramref name="inRenewal"/>)
    /// needs its renewals taken, so it is refused only beside drawn ones: the renewal it breaks might not be drawn.</summary>
    public static Diagnostic BreakWithRenewals(SourceSpan span, string scenario, string kind, string name, bool inRenewal = false) =>
        Error("DL0429", span, inRenewal
            ? $"scenario '{scenario}' breaks {kind} '{name}' in a renewal term and draws its renewals: a path that does not draw that renewal could not break it; take the renewals ('{name} renewals taken K') or drop the break"
            : $"scenario '{scenario}' breaks {kind} '{name}' and takes its renewals: a break ends the {kind} in its initial term, before any renewal; keep one of the two levers");

    /// <summary>DL0222: a break date of a lease's or a contract's renewal terms (<c>renewals ... with break_option at D</c>)
    /// not inside a renewal term: at or after its length, the break is the renewal's expiry (or the next renewal not taken).</summary>
    public static Diagnostic RenewalBreakOutsideTerm(SourceSpan span, string kind, string name, string at, int renewalMonths) =>
        Error("DL0222", span, string.Create(CultureInfo.InvariantCulture,
            $"the renewal terms' break of {kind} '{name}' at {at} is not inside a renewal term ({renewalMonths} months from its start): a renewal's break date must fall before the renewal ends; not renewing is written as fewer renewals taken"));

    /// <summary>DL0223: a scenario breaking a lease (contract) in renewal term k (<c>breaks in renewal k at D</c>) without
    /// taking at least k renewals: the lessee (customer) can break only a renewal term it has entered.</summary>
    public static Diagnostic RenewalBreakNotTaken(SourceSpan span, string scenario, string kind, string name, string party, int renewal, int taken) =>
        Error("DL0223", span, string.Create(CultureInfo.InvariantCulture,
            $"scenario '{scenario}' breaks {kind} '{name}' in renewal {renewal} but takes {taken} of its renewals: the {party} can break only a renewal term it has taken; write '{name} renewals taken {renewal}' (or more)"));

    /// <summary>DL0224: a contract's renewal terms' break fee in months of revenue (<c>renewals ... with break_option at 12m
    /// fee 6m of revenue</c>): a renewal is priced at the market (the fleet's generation index), so its revenue has no level
    /// the contract states; the fee is an amount, as DL0438 asks of a break on a moving price.</summary>
    public static Diagnostic ContractRenewalBreakFeeInMonths(SourceSpan span, string name) =>
        Error("DL0224", span,
            $"the renewal terms' break fee of contract '{name}' is in months of revenue, but a renewal is priced at market (its fleet's generation index): write the fee as an amount ('fee 20m')");

    /// <summary>DL0220: a break's notice that is not a whole number of months (<c>notice 90d</c>, <c>notice 1.5m</c>):
    /// the notice date is the break date less whole months, as the break dates are whole months from the start.</summary>
    public static Diagnostic BreakNoticeNotWholeMonths(SourceSpan span, string kind, string name, string notice) =>
        Error("DL0220", span,
            $"the break notice of {kind} '{name}' is {notice}, not a whole number of months: write it in months or years ('notice 3m', 'notice 1y')");

    /// <summary>DL0221: a break's notice longer than the time from the start to the first break date: it would be served
    /// before the lease or contract starts; with <paramref name="inRenewal"/>, the notice of the break of the renewal terms,
    /// whose dates count from each renewal term's start, served before the renewal term starts.</summary>
    public static Diagnostic BreakNoticeTooLong(SourceSpan span, string kind, string name, string notice, string firstBreak, bool inRenewal = false) =>
        Error("DL0221", span, inRenewal
            ? $"the renewal terms' break notice of {kind} '{name}' is {notice}, longer than the time from a renewal term's start to its first break ({firstBreak}): notice is served during the renewal term, at most at its start"
            : $"the break notice of {kind} '{name}' is {notice}, longer than the time from its start to its first break ({firstBreak}): notice is served during the {kind}, at most at its start");

    /// <summary>DL0547: a scenario both fixing a lease's or contract's break (<c>breaks at</c>) and drawing it
    /// (<c>breaks drawn at</c>).</summary>
    public static Diagnostic BreakFixedAndDrawn(SourceSpan span, string scenario, string kind, string name) =>
        Error("DL0547", span,
            $"scenario '{scenario}' both fixes the break of {kind} '{name}' ('breaks at') and draws it ('breaks drawn at'); keep one");

    /// <summary>DL0548: a drawn break's dates not strictly increasing: they are decided in order, each given no break
    /// before it, so a date repeated or written before an earlier one has no meaning.</summary>
    public static Diagnostic DrawnBreakDatesNotIncreasing(SourceSpan span, string scenario, string kind, string name, string at, string previous) =>
        Error("DL0548", span,
            $"the drawn break of {kind} '{name}' in scenario '{scenario}' lists {at} after {previous}: write its dates in increasing order, each once (each probability is of breaking there given no break before)");

    /// <summary>DL0523: one lease's (contract's) breaks drawn in two terms in one scenario (its initial term and a renewal,
    /// or two renewals): a path exercises one break, and the initial term's drawn break refuses the renewals a renewal's
    /// drawn break needs (DL0429), so one item draws the lease's break, in one term.</summary>
    public static Diagnostic DrawnBreaksInTwoTerms(SourceSpan span, string scenario, string kind, string name, string first, string second) =>
        Error("DL0523", span,
            $"scenario '{scenario}' draws the break of {kind} '{name}' in {first} and again in {second}: a path breaks a {kind} once, and its break is drawn in one term; keep one of the two");

    /// <summary>DL0524: a break drawn in renewal k (<c>breaks drawn in renewal k at D</c>) of a lease (contract) offering
    /// fewer than k renewals: no path can enter that renewal term.</summary>
    public static Diagnostic DrawnBreakRenewalNotOffered(SourceSpan span, string scenario, string kind, string name, int renewal, int offered) =>
        Error("DL0524", span, string.Create(CultureInfo.InvariantCulture,
            $"scenario '{scenario}' draws the break of {kind} '{name}' in renewal {renewal}, and the {kind} offers {offered} renewals: name one of its renewal terms (1 to {offered})"));

    /// <summary>DL0437: a break fee in months of something other than what the kind pays: <c>rent</c> on a lease,
    /// <c>revenue</c> on a contract.</summary>
    public static Diagnostic BreakFeeBasis(SourceSpan span, string kind, string name, string written, string expected) =>
        Error("DL0437", span,
            $"the break fee of {kind} '{name}' is in months of '{written}', which a {kind} does not pay: write 'fee {expected}', or the fee as an amount");

    /// <summary>DL0438: a contract's break fee in months of revenue on a price that moves (an index plus a spread, or at
    /// market): the fee is a term of the contract, so its price must be one.</summary>
    public static Diagnostic BreakFeeOnMovingPrice(SourceSpan span, string name) =>
        Error("DL0438", span,
            $"the break fee of contract '{name}' is in months of revenue, but its price follows an index: write the fee as an amount ('fee 5m'), as the term sheet states it");

    /// <summary>DL0555: <c>with rvg</c> on a lease's break (the initial term's, or the renewal terms' with
    /// <paramref name="inRenewal"/>) when the lease has no <c>rvg</c>: there is no guarantee for the breaking lessee to owe.</summary>
    public static Diagnostic BreakRvgWithoutRvg(SourceSpan span, string lease, bool inRenewal) =>
        Error("DL0555", span,
            $"the {(inRenewal ? "renewal terms' break" : "break")} of lease '{lease}' owes the RVG ('with rvg'), but the lease has no residual value guarantee: add an 'rvg' item (e.g. 'rvg guarantees Notes.scheduled_balance cap 28bn until 2045-11-30') or drop 'with rvg'");

    /// <summary>DL0556: <c>with rvg</c> on a contract's break: a contract has no residual value guarantee (a lease's RVG
    /// answers for the facility's value; a contract's customer pays for the units it takes).</summary>
    public static Diagnostic BreakRvgOnContract(SourceSpan span, string contract, bool inRenewal) =>
        Error("DL0556", span,
            $"the {(inRenewal ? "renewal terms' break" : "break")} of contract '{contract}' owes an RVG ('with rvg'), but only a lease has a residual value guarantee: drop 'with rvg' (a contract's break pays its fee)");

    /// <summary>DL0585: an <c>until</c> in a break's own RVG terms (<c>with rvg … until DATE</c>): a break may give the RVG it
    /// owes an amount guaranteed and a cap of its own, but the window the guarantee answers in is the lease's RVG's
    /// (its <c>until</c> and the deal's maturity), one window however the lease ends.</summary>
    public static Diagnostic BreakRvgUntil(SourceSpan span, string lease, bool inRenewal) =>
        Error("DL0585", span,
            $"the RVG owed at the {(inRenewal ? "renewal terms' break" : "break")} of lease '{lease}' has an 'until' of its own, but a break may only give its RVG its own 'guarantees' and 'cap': the window is the lease's 'rvg ... until': drop this 'until' (or move the date to the lease's 'rvg' item)");
}
