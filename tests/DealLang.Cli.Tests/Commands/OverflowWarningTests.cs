namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// A run whose amounts overflow a double prints them as n/a; `run` says why on standard error (docs/cli.md, "run"),
/// where before it said nothing and an analyst could read n/a as "not applicable".
/// </summary>
public sealed class OverflowWarningTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deallang-overflow-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Annual, 30/360: a 10m bullet whose coupon is 50% × its own balance in millions, all of it paid in kind, so the
    // balance b (in millions) becomes b (1 + 0.5 b) each year: 60, 1,860, 1.73e6, 1.50e12, 1.12e24, 6.3e47, 2.0e95,
    // 2.0e190, then 2.0e190 × (1 + 0.5 × 2.0e190) ≈ 2e380, past a double's 1.8e308: infinite in the ninth year, ending 2034-01-01.
    private const string Runaway = """
        deal Runaway {
          currency USD  closing 2025-01-01  maturity 2037-01-01  pay annual  daycount 30/360
          party Tenant { }
          facility Site { cost 50m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 1m per year  starts 2025-01-01  term 12y }
          tranche Loan { balance 10m  coupon 50% * (Loan.balance / 1m)  pik  amortize bullet }
          equity Sponsor { contributed 40m }
          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Sponsor
          }
        }
        """;

    [Fact]
    public void An_overflowing_run_names_where_its_amounts_overflowed()
    {
        string path = Path.Combine(folder, "runaway.deal");
        File.WriteAllText(path, Runaway);
        CliOutcome run = CliHarness.Run("run", path);
        Assert.Equal(0, run.Exit); // the figures are printed, as n/a: a warning, not an error
        Assert.Contains("n/a", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            "deallang: warning: deal Runaway, scenario AsWritten: amounts overflowed ('Loan interest capitalised' in the period ending 2034-01-01), "
            + "so they and the figures that depend on them print as n/a; a coupon or a PIK that feeds on its own balance, or an input far out of "
            + "range, can grow without bound (docs/cli.md, \"run\")\n",
            run.Err.ReplaceLineEndings("\n"));

        // Two scenarios print no ledger: the summary's figures say it.
        File.WriteAllText(path, Runaway + "\nscenario A for Runaway { }\nscenario B for Runaway { }\n");
        CliOutcome summaries = CliHarness.Run("run", path, "--scenario", "all");
        Assert.Equal(0, summaries.Exit);
        Assert.Contains("deallang: warning: deal Runaway, scenario A: amounts overflowed (tranche Loan's principal loss, interest or principal paid)",
            summaries.Err, StringComparison.Ordinal);
        Assert.Contains("scenario B: amounts overflowed", summaries.Err, StringComparison.Ordinal);

        // A deal that does not overflow says nothing; --verbosity quiet says nothing either.
        Assert.Equal("", CliHarness.Run("run", Path.Combine(DealLang.TestSupport.RepoPaths.Examples, "hyperion.deal")).Err);
        Assert.Equal("", CliHarness.Run("run", path, "--scenario", "all", "--verbosity", "quiet").Err);
    }
}
