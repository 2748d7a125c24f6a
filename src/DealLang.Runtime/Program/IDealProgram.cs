namespace DealLang.Runtime;

/// <summary>
/// What a compiled deal is: a description of its terms (static data the runner needs to build scenario
/// paths and reports) and one method that runs the period loop over precomputed path inputs.
/// Generated classes implement this; the runner knows deals only through it.
/// </summary>
public interface IDealProgram
{
    DealDescription Description { get; }

    /// <summary>The columns <see cref="Run"/> writes when <see cref="RunResult.Ledger"/> is present.</summary>
    LedgerLayout Layout { get; }

    /// <summary>The input slots <see cref="Run"/> reads (<see cref="PathInputs.Series"/>, <c>Flags</c>,
    /// <c>Scalars</c>), what a path source fills. Fixed by the deal's numbers of facilities, leases, parties and
    /// sales, so a compiled deal need not spell it out; the compiler numbers the loop's reads by the same rule.</summary>
    InputLayout Inputs => InputLayout.Of(Description);

    /// <summary>Runs one path. Writes only into <paramref name="result"/>'s preallocated buffers, so a
    /// Monte Carlo loop can reuse one result per thread without allocating per period or per path. It starts the
    /// path itself (<see cref="RunResult.BeginPath"/>), so no <see cref="RunResult.Reset"/> is needed between
    /// paths: every figure of periods 0 .. <see cref="RunResult.PeriodsRun"/> − 1 is this path's.</summary>
    void Run(PathInputs input, RunResult result);
}
