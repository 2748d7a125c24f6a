using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Loans the deal owns: an obligor among the parties, a fixed or floating coupon, now and then with step-ups
/// (from a date, while its trigger is active) and a margin grid on its leverage, every amortisation (not level on a
/// coupon that floats or steps up; level or linear at the loan's own frequency; a schedule of amounts within the balance or of shares, without an interest-only date), an
/// interest-only date and a recovery or none (with a workout lag or none, and a default rate on a claim that accrues),
/// a maturity within the deal; and what reads a loan's members (a test, a trigger on its default).</summary>
internal static partial class DealGen
{
    private static Gen<string> Loan(DealFrame f, string name) =>
        from obligor in Pick([.. f.PartyNames])
        from balanceMillions in Gen.Int[0, 3000]
        from balance in Money(balanceMillions, balanceMillions)
        from coupon in LoanCoupon(f)
        from maturityDate in DateIn(f.Closing, f.Maturity)
        let maturity = DateOnly.ParseExact(maturityDate.Trim(), "yyyy-MM-dd")
        from interestOnly in Maybe(DateIn(f.Closing, maturity).Select(d => "interest_only until " + d))
        from amortize in Maybe(Gen.OneOf(LoanAmortization(f, maturity, balanceMillions), ScheduleOfShares(f, maturity)))
        from tranche in Pick([.. f.TrancheNames])
        from test in Maybe(Pick(
            $"test {name}Share = {name}.balance / ({name}.balance + {tranche}.balance)",
            $"test {name}Cash = {name}.interest + {name}.principal + {name}.recovery - {name}.loss",
            $"test {name}Coupon = {name}.coupon"))
        from trigger in Maybe(Pick($"trigger {name}Down when {name}.defaulted => trap", $"trigger {name}Low when {name}.balance < 1m => trap"))
        // A tranche's margin terms now and then (docs/language.md §14): a step-up from a date, one while the loan's own
        // trigger is active, a margin ratchet on its leverage (a test of its own, read at the previous period's end).
        from stepUpFrom in Maybe(from r in Rate(0, 300) from d in DateIn(f.Closing, f.Maturity) select $"step_up {r} from {d}")
        from stepUpWhile in Maybe(Rate(0, 300)).Select(r => trigger.Length == 0 || r.Length == 0
            ? "" : $"step_up{r} while {trigger.Trim().Split(' ')[1]}")
        from grid in Maybe(from m in Rate(0, 200) from e in Rate(200, 400)
                           select $"margin grid {name}Lev {{ below 1x {m}  below 150% {e}  else {e} }}")
        let margins = stepUpFrom.Length > 0 || stepUpWhile.Length > 0 || grid.Length > 0
        // A coupon that floats or steps up cannot amortise level (DL0481): it amortises linear instead.
        let amortization = (coupon.Contains('+', StringComparison.Ordinal) || margins) && amortize.Contains("level", StringComparison.Ordinal)
            ? amortize.Replace("level", "linear", StringComparison.Ordinal) : amortize
        // A scheduled date in a period that is interest-only would be dropped (DL0436): a schedule goes without one.
        let interestOnlyIfAny = amortization.Contains("schedule", StringComparison.Ordinal) ? "" : interestOnly
        // A workout lag or none: whole quarters or not (1m on a quarterly deal rounds up, only a warning, DL0489); a
        // claim accruing at a rate or the coupon (only when it is held: a lag or instalments, DL0499), in instalments;
        // a default rate only on a claim that accrues (DL0433; beside a stated rate it caps it, a warning, DL0434).
        from recovery in Maybe(from r in Rate(0, 10000)
                               from lag in Maybe(Pick("1m", "3m", "6m", "12m", "18m", "2y"))
                               from instalments in Maybe(Pick("1 instalment", "2 instalments", "4 instalments", "instalments { 50% 30% 20% }", "instalments { 25%, 75% }"))
                               from accrual in Maybe(Pick("8%", "25%", "coupon"))
                               from defaultInterest in Maybe(Rate(0, 400))
                               let held = lag.Length > 0 || (instalments.Length > 0 && !instalments.StartsWith(" 1 ", StringComparison.Ordinal))
                               let accrues = held && accrual.Length > 0
                               select "recovery " + r + (lag.Length > 0 ? " after" + lag : "")
                                   + (accrues ? " accruing" + accrual : "")
                                   + (instalments.Length > 0 ? " in" + instalments : "")
                                   + (accrues && defaultInterest.Length > 0 ? "  default_interest +" + defaultInterest.Trim() : ""))
        from items in Shuffled("obligor " + obligor, "balance " + balance, "coupon " + coupon, interestOnlyIfAny, amortization,
            "maturity " + maturityDate, recovery, stepUpFrom, stepUpWhile, grid)
        let leverage = grid.Length > 0 ? $"test {name}Lev = {name}.balance / 1bn" : ""
        select Join(new[] { $"  loan {name} {{ {items} }}", test, trigger, leverage }.Where(s => s.Length > 0).Select(s => "  " + s.Trim()));

    /// <summary>The parties owing a loan with a workout lag (<c>recovery R after D</c>): the ones a drawn workout lag can
    /// reach (DL0518).</summary>
    private static string[] LaggedObligors(string[] loans) =>
        [.. loans.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\brecovery \S+ after \d"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\bobligor (\S+)").Groups[1].Value).Distinct()];

    /// <summary>A tranche's amortisations, but a schedule's amounts add up to at most the loan's balance (DL0446): at
    /// most 4 dates, each at most a quarter of it; and level or linear at the loan's own frequency, any of them: finer
    /// than the deal's (several instalments inside a period), the deal's or coarser.</summary>
    private static Gen<string> LoanAmortization(DealFrame f, DateOnly maturity, int balanceMillions) =>
        Gen.OneOf(
            Pick("amortize bullet", "amortize level", "amortize linear"),
            from kind in Pick("level", "linear")
            from every in Pick([.. DealFrame.Frequencies])
            select "amortize " + kind + " " + every,
            from n in Gen.Int[1, 4]
            from dates in IncreasingDates(f.Closing, maturity, Math.Min(n, maturity.DayNumber - f.Closing.DayNumber))
            from amounts in Money(0, balanceMillions / 4).Array[dates.Length]
            from comma in Pick(",", "")
            select "amortize schedule { " + string.Join(comma + " ", dates.Zip(amounts, (d, m) => DealFrame.Date(d) + " " + m)) + " }");

    /// <summary>Uneven instalments as shares of the original balance, adding up to at most 100% (DL0435): the rest is
    /// due at the maturity.</summary>
    private static Gen<string> ScheduleOfShares(DealFrame f, DateOnly maturity) =>
        from n in Gen.Int[1, 4]
        from dates in IncreasingDates(f.Closing, maturity, Math.Min(n, maturity.DayNumber - f.Closing.DayNumber))
        from shares in Gen.Int[0, 100 / Math.Max(1, dates.Length)].Array[dates.Length]
        select "amortize schedule { " + string.Join("  ", dates.Zip(shares, (d, s) => DealFrame.Date(d) + " " + s + "%")) + " }";

    /// <summary>A fixed coupon, or (when the deal has a rate index) a floating one: the index plus a spread, with an
    /// optional floor and cap (the floor always below the cap), as a private-credit loan's.</summary>
    private static Gen<string> LoanCoupon(DealFrame f)
    {
        var fixedCoupon = from rate in Rate(0, 1500)
                          from isFixed in Pick("", " fixed")
                          select rate + isFixed;
        if (!f.RateIndexNames.Any())
        {
            return fixedCoupon;
        }

        return Gen.OneOf(fixedCoupon,
            from index in Pick([.. f.RateIndexNames])
            from spread in Rate(0, 800)
            from floor in Maybe(Rate(0, 500).Select(r => "floor " + r))
            from cap in Maybe(Rate(1500, 2500).Select(r => "cap " + r))
            select $"{index} + {spread}{floor}{cap}");
    }
}
