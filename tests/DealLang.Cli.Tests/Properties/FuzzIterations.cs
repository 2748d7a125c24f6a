using System.Globalization;

namespace DealLang.Cli.Tests.Properties;

/// <summary>
/// How many deals the property tests try. CI runs the defaults (a few seconds each); a long fuzz run sets
/// <c>DEALLANG_FUZZ_ITERATIONS</c> (docs/fuzzing.md), which every property scales from: the checker sees that
/// many generated deals and as many mutants, and one in <see cref="CompileEvery"/> is compiled and run.
/// </summary>
internal static class FuzzIterations
{
    public const string Variable = "DEALLANG_FUZZ_ITERATIONS";

    /// <summary>Roslyn costs ~40-100 ms a deal against well under 1 ms to check one: a long run compiles a
    /// deterministic subsample (the generator's first iterations of the seed) rather than every deal.</summary>
    public const int CompileEvery = 50;

    private const int DefaultChecked = 400;
    private const int DefaultCompiled = 40;
    private const int DefaultFigures = 30;

    private static readonly int? Requested =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n : null;

    /// <summary>Generated deals (and separately mutants) that are checked.</summary>
    public static int Checked => Requested ?? DefaultChecked;

    /// <summary>Generated deals compiled and run with the full ledger and summary-only, their figures checked against
    /// the accounting identities (<see cref="FigureIdentities"/>): a long run's <see cref="Compiled"/>, and in CI fewer
    /// than the cash property's (each deal runs every scenario three times and its figures are read twice: ~0.6 s a deal
    /// on two cores, Roslyn's compilation most of it).</summary>
    public static int Figures => Requested is not null ? Compiled : DefaultFigures;

    /// <summary>Generated deals compiled, run twice under every scenario with the cash check, and compared.</summary>
    public static int Compiled => Requested is int n ? Math.Max(1, n / CompileEvery) : DefaultCompiled;
}
