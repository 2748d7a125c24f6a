using CsCheck;
using static DealLang.Cli.Tests.Properties.GenHelpers;

namespace DealLang.Cli.Tests.Properties;

/// <summary>Loans the deal owns: an obligor among the parties, a fixed or floating coupon, every amortisation (not
/// level on a floating coupon), an interest-only date and a recovery or none (with a workout lag or
/// none), a maturity within the deal; and what reads a loan's members (a test, a trigger on its default).</summary>
internal static partial class DealGen
{
    private static Gen<string> Loan(DealFrame f, string name) =>
        from obligor in Pick([.. f.PartyNames])
        from balance in Money(0, 3000)
        from coupon in LoanCoupon(f)
        from maturityDate in DateIn(f.Closing, f.Maturity)
        let maturity = DateOnly.ParseExact(maturityDate.Trim(), "yyyy-MM-dd")
        from interestOnly in Maybe(DateIn(f.Closing, maturity).Select(d => "interest_only until " + d))
        from amortize in Maybe(Amortization(f, maturity))
        // A floating coupon cannot amortise level (DL0481): it amortises linear instead.
        let amortization = coupon.Contains('+', StringComparison.Ordinal) && amortize.Contains("level", StringComparison.Ordinal)
            ? amortize.Replace("level", "linear", StringComparison.Ordinal) : amortize
        // A workout lag or none: whole quarters or not (1m on a quarterly deal rounds up, only a warning, DL0489); a
        // claim accruing at a rate or the coupon (only when it is held: a lag or instalments, DL0499), in instalments.
        from recovery in Maybe(from r in Rate(0, 10000)
                               from lag in Maybe(Pick("1m", "3m", "6m", "12m", "18m", "2y"))
                               from instalments in Maybe(Pick("1 instalment", "2 instalments", "4 instalments"))
                               from accrual in Maybe(Pick("8%", "25%", "coupon"))
                               let held = lag.Length > 0 || (instalments.Length > 0 && !instalments.StartsWith(" 1 ", StringComparison.Ordinal))
                               select "recovery " + r + (lag.Length > 0 ? " after" + lag : "")
                                   + (held && accrual.Length > 0 ? " accruing" + accrual : "")
                                   + (instalments.Length > 0 ? " in" + instalments : ""))
        from items in Shuffled("obligor " + obligor, "balance " + balance, "coupon " + coupon, interestOnly, amortization,
            "maturity " + maturityDate, recovery)
        from tranche in Pick([.. f.TrancheNames])
        from test in Maybe(Pick(
            $"test {name}Share = {name}.balance / ({name}.balance + {tranche}.balance)",
            $"test {name}Cash = {name}.interest + {name}.principal + {name}.recovery - {name}.loss",
            $"test {name}Coupon = {name}.coupon"))
        from trigger in Maybe(Pick($"trigger {name}Down when {name}.defaulted => trap", $"trigger {name}Low when {name}.balance < 1m => trap"))
        select Join(new[] { $"  loan {name} {{ {items} }}", test, trigger }.Where(s => s.Length > 0).Select(s => "  " + s.Trim()));

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
