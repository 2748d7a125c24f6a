using System.Text;
using DealLang.Cli.Tests.Corrections;
using DealLang.Compiler;

namespace DealLang.Cli.Tests.Scale;

/// <summary>Deals far larger than any real one (docs/language.md, "Limits"): up to the limits they compile and run
/// with cash conserved (<see cref="SmallDeal"/> runs with the cash check on); beyond them the check gives one
/// located error, quickly. How long compiling takes is measured by scripts/compile-scaling.sh, not here.</summary>
public sealed class LargeDealTests
{
    // Semiannual 30/360, so every period is half a year: a 1k-a-year fee is 500 due per period. Rent 30m a
    // period covers everything, so every fee is paid in full.
    private static string Deal(string declarations, string steps) => $$"""
        deal Scale {
          currency USD  closing 2026-01-01  maturity 2036-01-01  pay semiannual  daycount 30/360
          party Tenant { }
          facility Hall { cost 500m  value straight_line 20y }
          lease HallLease on Hall { lessee Tenant  rent 60m per year  starts 2026-01-01  term 10y }
          tranche Notes { balance 300m  coupon 6% fixed  amortize level }
          equity Owners { contributed 200m }
        {{declarations}}
          waterfall {
        {{steps}}
            pay Notes.interest
            pay Notes.principal
            distribute rest to Owners
          }
        }
        """;

    private static string Fees(int count) => Lines(count, i => $"  fee F{i} {{ 1k per year }}");

    private static string PayFees(int count) => Lines(count, i => $"    pay F{i}");

    private static string Lines(int count, Func<int, string> line) =>
        string.Join('\n', Enumerable.Range(1, count).Select(line));

    /// <summary><paramref name="terms"/> times "0.00001% of Hall.value", joined by '+': 1e-7 of the value each.</summary>
    private static string Sum(int terms)
    {
        var text = new StringBuilder();
        for (int i = 0; i < terms; i++)
        {
            text.Append(i == 0 ? "" : " + ").Append("0.00001% of Hall.value");
        }

        return text.ToString();
    }

    [Fact]
    public void TwoThousandFeesCompileAndRun()
    {
        var deal = new SmallDeal(Deal(Fees(2000), PayFees(2000)));

        Assert.Empty(deal.Diagnostics);
        Assert.Equal(500.0, deal.Ledger("1 pay F1 paid", 0), 1e-9);
        Assert.Equal(500.0, deal.Ledger("2000 pay F2000 paid", 19), 1e-9);
    }

    [Fact]
    public void ATwentyThousandTermSumCompilesAndMatchesItsProduct()
    {
        // 20,000 terms of 1e-7 of the value are 0.2% of it: the long sum (compiled as a balanced tree) must agree
        // with the one-term fee to rounding.
        var deal = new SmallDeal(Deal("  fee Big { " + Sum(20_000) + " per year }\n  fee One { 0.2% of Hall.value per year }", "    pay Big\n    pay One"));

        for (int t = 0; t < 20; t += 5)
        {
            double one = deal.Ledger("2 pay One due", t);
            Assert.True(one > 0);
            Assert.Equal(one, deal.Ledger("1 pay Big due", t), one * 1e-9);
        }
    }

    [Fact]
    public void AFiveThousandCharacterNameCompilesAndRuns()
    {
        // C# identifiers stop at 512 characters; the name is mapped to a short one in the C#, and kept in the ledger.
        string name = "Trustee" + new string('x', 4993);
        var deal = new SmallDeal(Deal($"  fee {name} {{ 1k per year }}", $"    pay {name}"));

        Assert.Equal(5000, name.Length);
        Assert.Equal(500.0, deal.Ledger("1 pay " + name + " paid", 0), 1e-9);
    }

    [Fact]
    public void AFiveThousandCharacterDealNameBuilds()
    {
        string name = "Deal" + new string('y', 4996);
        string source = Deal(Fees(1), PayFees(1)).Replace("deal Scale {", "deal " + name + " {", StringComparison.Ordinal);
        string folder = Directory.CreateTempSubdirectory("deallang-longname").FullName;
        try
        {
            string path = Path.Combine(folder, "long.deal");
            File.WriteAllText(path, source);
            var outcome = CliHarness.Run("run", path, "--format", "csv", "--out", Path.Combine(folder, "out"));
            Assert.True(outcome.Exit == 0, outcome.ToString());
            var build = CliHarness.Run("build", path, "--emit-cs", Path.Combine(folder, "cs"));
            Assert.True(build.Exit == 0, build.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MoreFeesThanTheLimitGetOneLocatedError()
    {
        const int limit = 5_000;
        var check = DealCompiler.Check("big.deal", Deal(Fees(limit + 1), PayFees(limit + 1)));

        var diagnostic = Assert.Single(check.Diagnostics);
        Assert.Equal("DL0440", diagnostic.Code);
        Assert.Equal(8 + limit, diagnostic.Span.Line); // the deal's first 7 lines, then fee 5,001
        Assert.Equal(7, diagnostic.Span.Column);
        Assert.Null(check.Model);
    }

    [Fact]
    public void MoreStepsThanTheLimitGetOneLocatedError()
    {
        // 10,001 steps paying 1,000 fees over and over: only the step count is wrong.
        const int limit = 10_000;
        var check = DealCompiler.Check("steps.deal", Deal(Fees(1000), Lines(limit + 1, i => $"    pay F{((i - 1) % 1000) + 1}")));

        var diagnostic = Assert.Single(check.Diagnostics, d => d.Code == "DL0441");
        Assert.Equal(7 + 1000 + 1 + limit + 1, diagnostic.Span.Line); // header, fees, 'waterfall {', step 10,001
        Assert.DoesNotContain(check.Diagnostics, d => d.Severity == Compiler.Diagnostics.Severity.Error && d.Code != "DL0441");
    }

    [Fact]
    public void ALongerExpressionThanTheLimitGetsOneLocatedErrorFromTheCli()
    {
        string folder = Directory.CreateTempSubdirectory("deallang-longsum").FullName;
        try
        {
            string path = Path.Combine(folder, "sum.deal");
            // Terms are operands: 100,001 names joined by '+'.
            File.WriteAllText(path, Deal("  fee Big { " + string.Join(" + ", Enumerable.Repeat("Hall.value", 100_001)) + " per year }", "    pay Big"));
            var outcome = CliHarness.Run("check", path);

            Assert.Equal(1, outcome.Exit);
            Assert.Contains("sum.deal(8,13): error DL0120: this expression has 100,001 terms", outcome.Err, StringComparison.Ordinal);
            Assert.Contains("1 error(s), 0 warning(s)", outcome.Err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
