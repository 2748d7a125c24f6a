using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// One contract's input rows that a path's scenario changes only through its customer's default, made once per deal
/// (<see cref="DealPaths"/>): the years of each period in its term, its prepayment row, and for each number of renewals
/// it offers the renewal years and flags, all as if the customer never defaults. A path whose customer does not default
/// shares them read-only (<see cref="PathInputs.ShareContractRows"/>) instead of working them out again, period by
/// period, from dates (<see cref="ContractRelets"/>): the same numbers, bit for bit, by the same code.
/// </summary>
sealed class ContractPlan
{
    public ContractPlan(DealDescription deal, ContractInfo contract)
    {
        Date[] b = deal.Boundaries;
        int n = deal.Periods;
        End = contract.End;
        TermYears = new double[n];
        ContractRelets.FillTermYears(b, contract.Start, End, null, TermYears);
        Prepaid = new double[n];
        PrepaidIn = ContractRelets.PrepaidPeriod(b, contract, null);
        if (PrepaidIn is int paidIn)
        {
            Prepaid[paidIn] = contract.Prepayment;
        }

        RenewedEnd = new Date[contract.RenewalCount + 1];
        RenewalYears = new double[contract.RenewalCount + 1][];
        RenewalLive = new double[contract.RenewalCount + 1][];
        for (int k = 0; k <= contract.RenewalCount; k++)
        {
            RenewedEnd[k] = contract.EndAfter(k);
            RenewalYears[k] = new double[n];
            RenewalLive[k] = new double[n];
            ContractRelets.FillRenewals(b, End, RenewedEnd[k], null, RenewalYears[k], RenewalLive[k]);
        }
    }

    /// <summary>The term's end (<see cref="ContractInfo.End"/>, a calendar conversion: worked out once).</summary>
    public Date End { get; }

    /// <summary>[k]: the end of the k-th renewal (<see cref="ContractInfo.EndAfter"/>), k = 0 the term's.</summary>
    public Date[] RenewedEnd { get; }

    /// <summary>The period the prepayment is received in when the customer does not default before the start; null
    /// without one.</summary>
    public int? PrepaidIn { get; }

    /// <summary>The years of each period inside the term.</summary>
    public double[] TermYears { get; }

    /// <summary>The prepayment in the period of the start (zeros without a prepayment).</summary>
    public double[] Prepaid { get; }

    /// <summary>[k]: the years of each period inside the first k renewals, for k = 0 … the renewals offered.</summary>
    public double[][] RenewalYears { get; }

    /// <summary>[k]: 1 where one of the first k renewals runs at the period's end.</summary>
    public double[][] RenewalLive { get; }
}
