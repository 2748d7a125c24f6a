using DealLang.Runtime;

namespace DealLang.Runner.Running;

/// <summary>
/// What a compute contract brought in one scenario, in the deal's currency, unrounded: the revenue its customer
/// paid over the periods run (re-lets included), the termination fee received, the prepayment received, when it stopped, and the units it
/// took when the run ended.
/// </summary>
/// <param name="StopDate">The end date of the period its term ended in, its customer defaulted in during its term, or
/// its fleet was sold whole in, whichever came first; null when none happened in the periods run.</param>
/// <param name="Prepayment">The prepayment its customer paid at the start (0 without one, or when the customer
/// defaulted on or before the start).</param>
public sealed record ContractSummary(
    string Name,
    double Revenue,
    double TerminationFee,
    Date? StopDate,
    double Units,
    double Prepayment = 0);
