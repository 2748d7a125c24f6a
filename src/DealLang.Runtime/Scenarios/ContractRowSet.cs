using System.Runtime.CompilerServices;

namespace DealLang.Runtime;

/// <summary>
/// The eight per-period rows of one contract a path source shares in one call (<see cref="PathInputs.ShareContractRows"/>):
/// its termination fee, term years, prepayment, broken flags, renewal years and flags, and re-let years and flags, at the
/// positions named here (<see cref="Quantities"/> in the same order). A path whose customer neither defaults nor breaks
/// shares all eight (rows a path source made once per deal, or its memo's), and sharing them one by one, each through
/// its view, its quantity's first slot and its checks, was most of CoreWeave's fill (bench/HISTORY.md, session
/// 2026-12-08 (perfcw)).
/// </summary>
[InlineArray(Count)]
public struct ContractRowSet
{
    public const int Termination = 0, TermYears = 1, Prepaid = 2, Broken = 3, RenewalYears = 4, RenewalLive = 5, ReletYears = 6, ReletLive = 7;

    public const int Count = 8;

    /// <summary>The quantity of each position.</summary>
    public static readonly InputQuantity[] Quantities =
    [
        InputQuantity.ContractTermination, InputQuantity.ContractTermYears, InputQuantity.ContractPrepaid, InputQuantity.ContractBroken,
        InputQuantity.ContractRenewalYears, InputQuantity.ContractRenewalLive, InputQuantity.ContractReletYears, InputQuantity.ContractReletLive,
    ];

    double[] row;
}
