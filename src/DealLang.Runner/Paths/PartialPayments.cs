using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// A loan's partial payments on a path (docs/language.md §10, "Partial payments"): the share its obligor pays in each
/// period, that of the scenario's window holding the period (windows that step, <c>pays 40% … to D</c> then
/// <c>pays 70% from D2 …</c>), −1 in a period in no window, where it pays in full and cures its arrears. A window's
/// periods are those whose ends first reach its dates (<see cref="LeverPeriods"/>: a quarter end moved by the business
/// days is that quarter's), as with one window.
/// </summary>
static class PartialPayments
{
    /// <summary>A row of −1, every period in no window: what every path whose obligor pays in full shares, read-only.</summary>
    public static double[] NoWindowRow(int periods)
    {
        var row = new double[periods];
        Array.Fill(row, -1.0);
        return row;
    }

    /// <summary>Fills loan <paramref name="loan"/>'s share per period and the windows' first and last periods into <paramref name="into"/>; a loan paying in full shares <paramref name="noWindow"/>.</summary>
    public static void Fill(DealDescription deal, ScenarioSpec scenario, int loan, double[] noWindow, PathInputs into)
    {
        PartialPayment[]? windows = scenario.PaymentsOfLoan(loan);
        if (windows is not { Length: > 0 })
        {
            into.LoanPaysFrom[loan] = -1;
            into.LoanPaysTo[loan] = -1;
            into.LoanArrearsPeriods[loan] = 1;
            into.ShareLoanPaysShareByPeriod(loan, noWindow);
            return;
        }

        double[] row = into.OwnLoanPaysShareByPeriod(loan);
        Array.Fill(row, -1.0);
        int first = 0, to = -1;
        for (int w = 0; w < windows.Length; w++)
        {
            // A window without 'to' runs to the end (the checker keeps it last: DL0591); one ending past the horizon too.
            PartialPayment window = windows[w];
            int from = window.From is { } f ? LeverPeriods.FirstReaching(deal, f) : 0;
            to = window.To is { } t ? LeverPeriods.FirstReaching(deal, t) : -1;
            first = w == 0 ? from : first;
            int last = to < 0 ? row.Length - 1 : to;
            // A share drawn per path (a stochastic scenario's 'pays beta …') in place of the window's own.
            double share = scenario.PaymentShareOf(loan, w, window.Share);
            for (int p = Math.Max(from, 0); p <= last; p++)
            {
                row[p] = share;
            }
        }

        // The first window's first period and the last window's last (−1 without 'to').
        into.LoanPaysFrom[loan] = first;
        into.LoanPaysTo[loan] = to;
        // A standstill reschedules the last window's arrears (the checker keeps 'then arrears' there: DL0597).
        into.LoanArrearsPeriods[loan] = windows[^1].ArrearsPeriods;
    }
}
