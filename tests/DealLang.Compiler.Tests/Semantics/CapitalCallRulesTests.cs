using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>DL0790 (docs/language.md §5 "Commitments drawn over time"): an equity's contribution and dated calls
/// within its commitment, reported where the total first goes over it. The harness's deal runs 2025-01-01 to
/// 2030-01-01; the equity below is on line 9.</summary>
public sealed class CapitalCallRulesTests
{
    private static (Diagnostic Error, string Line) Reported(string terms)
    {
        string line = "  equity Fund { " + terms + " }";
        return (Single(Errors(Deal(line + "\n")), "DL0790"), line);
    }

    [Fact]
    public void DatedCallsBeyondTheCommitmentAreReportedAtTheCallThatGoesOver()
    {
        // 10m + 15m = 25m is within the 30m committed; the 2027 call takes it to 35m (and the 2028 one to 40m): the
        // 2027 call is the mistake, a call the commitment cannot cover (before, the last call was pointed at).
        var (error, line) = Reported("commitment 30m  contributed 10m  calls 2026-06-30 15m, 2027-06-30 10m, 2028-06-30 5m");
        At(error, 9, line.IndexOf("2027-06-30", StringComparison.Ordinal) + 1);
        Assert.Contains("calls 40,000,000 in all", error.Message);
    }

    [Fact]
    public void AContributionBeyondTheCommitmentIsReportedAtTheContribution()
    {
        var (error, line) = Reported("commitment 5m  contributed 10m  calls 2026-06-30 1m");
        At(error, 9, line.IndexOf("10m", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void CallsWithinTheCommitmentAreFine()
    {
        Assert.DoesNotContain(Analyze(Deal("  equity Fund { commitment 30m  contributed 10m  calls 2026-06-30 15m, 2027-06-30 5m }\n")).Diagnostics, d => d.Code == "DL0790");
    }
}
