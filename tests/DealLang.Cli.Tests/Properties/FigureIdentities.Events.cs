using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Properties;

// The summary's rows that restate the ledger (docs/language.md §12): events, tests' ranges, and what each lease, loan,
// contract and guarantee brought in.
internal static partial class FigureIdentities
{
    /// <summary>
    /// §12, the summary: a trigger is first active at the end of the first period whose ledger flag is set, the event
    /// of default likewise (its flag column), and each test's minimum and maximum are those of its ledger column over
    /// the periods up to and including the event of default's, n/a periods left out (NaN when none is left): the same
    /// doubles, so exactly.
    /// </summary>
    private static void EventsAsInLedger(DealDescription deal, ScenarioOutcome outcome, Ledger ledger, string where)
    {
        if (ledger.Periods == 0)
        {
            return;
        }

        Assert.Equal(FirstFlagged(deal, ledger, "event of default", ledger.Periods), outcome.Events.EventOfDefault);
        foreach (TriggerFirstActive trigger in outcome.Events.Triggers)
        {
            if (ledger.Has(trigger.Trigger))
            {
                Assert.True(FirstFlagged(deal, ledger, trigger.Trigger, ledger.Periods) == trigger.FirstActive,
                    $"{where}: trigger {trigger.Trigger} first active on {trigger.FirstActive}, its ledger flag first set on {FirstFlagged(deal, ledger, trigger.Trigger, ledger.Periods)}");
            }
        }

        int tested = ledger.DefaultPeriod >= 0 ? Math.Min(ledger.Periods, ledger.DefaultPeriod + 1) : ledger.Periods;
        foreach (TestRange test in outcome.Events.Tests)
        {
            if (test.Kind is null || !ledger.Has(test.Test))
            {
                continue;
            }

            double[] values = [.. Enumerable.Range(0, tested).Select(t => ledger[test.Test, t]).Where(v => !double.IsNaN(v))];
            double min = values.Length == 0 ? double.NaN : values.Min(), max = values.Length == 0 ? double.NaN : values.Max();
            Assert.True(min.Equals(test.Minimum) && max.Equals(test.Maximum),
                $"{where}: test {test.Test}'s range [{test.Minimum:R}, {test.Maximum:R}], its ledger column's up to the event of default [{min:R}, {max:R}]");
        }
    }

    /// <summary>
    /// §12: a lease's RVG paid is the sum of its <c>rvg L</c> collection column, its termination fee of
    /// <c>termination fee L</c>; a loan's interest received of its
    /// <c>interest Ln</c> column; a contract's revenue, termination fee and prepayment of <c>revenue C</c>,
    /// <c>termination fee C</c> and <c>prepayment C</c>; a guarantee's paid of <c>guarantor L</c> (a lease's or a
    /// contract's: a collection) or <c>T paid by G</c> (a tranche's), its recovered of <c>T repaid to G</c>.
    /// </summary>
    private static void CollectionsAsInLedger(DealDescription deal, ScenarioOutcome outcome, Ledger ledger, string where)
    {
        if (ledger.Periods == 0)
        {
            return;
        }

        foreach (LeaseAmount rvg in outcome.Events.RvgPaid)
        {
            Near(rvg.Amount, ledger.Sum("rvg " + rvg.Lease), $"{where}: lease {rvg.Lease}'s RVG paid = Σ its rvg column");
        }

        foreach (LeaseAmount fee in outcome.Events.TerminationFees)
        {
            Near(fee.Amount, ledger.Sum("termination fee " + fee.Lease), $"{where}: lease {fee.Lease}'s termination fee = Σ its column");
        }

        foreach (LoanSummary loan in outcome.Loans)
        {
            Near(loan.InterestReceived, ledger.Sum("interest " + loan.Name), $"{where}: loan {loan.Name}'s interest received = Σ its interest column");
        }

        foreach (ContractSummary contract in outcome.Contracts)
        {
            Near(contract.Revenue, ledger.Sum("revenue " + contract.Name), $"{where}: contract {contract.Name}'s revenue = Σ its revenue column");
            Near(contract.TerminationFee, ledger.Sum("termination fee " + contract.Name), $"{where}: contract {contract.Name}'s termination fee = Σ its column");
            Near(contract.Prepayment, ledger.Sum("prepayment " + contract.Name), $"{where}: contract {contract.Name}'s prepayment = Σ its column");
        }

        for (int g = 0; g < deal.Guarantees.Length; g++)
        {
            GuaranteeInfo info = deal.Guarantees[g];
            GuaranteeSummary s = outcome.Guarantees[g];
            string guarantor = deal.Parties[info.Guarantor].Name;
            if (info.Kind == GuaranteeTarget.Tranche)
            {
                string tranche = deal.Tranches[info.Target].Name;
                Near(s.Paid, ledger.Sum($"{tranche} paid by {guarantor}"), $"{where}: guarantee {s.Name}'s paid = Σ its 'paid by' column");
                Near(s.Recovered, ledger.Sum($"{tranche} repaid to {guarantor}"), $"{where}: guarantee {s.Name}'s recovered = Σ its 'repaid to' column");
            }
            else if (info.Kind == GuaranteeTarget.LeaseRvg)
            {
                // Behind a lease's RVG: its own column beside the lessee's 'rvg L'.
                Near(s.Paid, ledger.Sum("rvg guarantor " + deal.Leases[info.Target].Name), $"{where}: guarantee {s.Name}'s paid = Σ its rvg guarantor column");
            }
            else
            {
                string target = info.Kind == GuaranteeTarget.Lease ? deal.Leases[info.Target].Name : deal.Contracts[info.Target].Name;
                Near(s.Paid, ledger.Sum("guarantor " + target), $"{where}: guarantee {s.Name}'s paid = Σ its guarantor column");
            }
        }
    }

    private static Date? FirstFlagged(DealDescription deal, Ledger ledger, string column, int periods)
    {
        for (int t = 0; t < periods; t++)
        {
            if (ledger[column, t] != 0)
            {
                return deal.Boundaries[t + 1];
            }
        }

        return null;
    }
}
