using DealLang.Runner.Reports;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// What a deal still owes when its run ends (docs/language.md §12, "The summary", "Unpaid at end"): a fee's, a fleet's
/// opex and a delayed draw's commitment fee carry what the waterfall leaves unpaid from period to period, and the
/// summary shows what the last period carried, a row only where a scenario of the run leaves some (an independent
/// model of examples/coreweave-ddtl2.deal found its stressed scenarios ending 98m-383m short of the GPUs' opex, which
/// only the ledger's 'short' column showed). SmallDeal runs with the cash check on (every period conserves cash).
/// </summary>
public sealed class UnpaidAtEndTests
{
    // Annual, 30/360 (every year fraction exactly 1), four periods 2026..2029, no default rule (no enforcement).
    // Cash each year: the rent. Loan: 10m at 10%, a bullet at the maturity, 10m more committed until 2028-01-01 at a
    // 1% commitment fee. Trustee: 1m a year. Cluster: 1,000 GPUs at 30k, maintenance 2% a year, no power: its opex is
    // 30m x 2% x days held / 365.25 a period. Tolerance 1e-6 of money, far below a cent.
    private static string Source(string rent) => $$"""
        deal Owing {
          currency USD
          closing  2026-01-01
          maturity 2030-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          party Owner { }
          facility Site { cost 100m  value straight_line 30y }
          lease SiteLease on Site { lessee Tenant  rent {{rent}} per year  starts 2026-01-01  term 4y }
          fleet Cluster {
            units 1000 gpus  unit_cost 30k per gpu
            depreciate straight_line 6y
            maintenance 2% per year
          }
          tranche Loan {
            commitment 20m  balance 10m
            available until 2028-01-01
            commitment_fee 1%
            coupon 10% fixed
          }
          equity Investors { contributed 90m  holders Owner 100% }

          fee Trustee { 1m per year }

          waterfall {
            pay Loan.interest
            pay Trustee
            pay Cluster.opex
            pay Loan.commitment_fee
            pay Loan.principal
            distribute rest to Investors
          }
        }
        """;

    private const double Tolerance = 1e-6;

    private static readonly SmallDeal Short = new(Source("1.5m"));

    [Fact]
    public void What_the_last_period_carried_unpaid_is_owed_at_the_end()
    {
        // Each year 1.5m of rent: the Loan's interest, 10m x 10% = 1m, is paid; the Trustee is paid the 0.5m left of
        // its due (1m + what it carried), so it carries 0.5m more each year: 4 x 1m - 4 x 0.5m = 2m at the end.
        // Nothing is left for the opex or the commitment fee: the opex, 30m x 2% x (365 + 365 + 366 + 365) / 365.25
        // = 0.6m x 1461 / 365.25 = 2.4m, and the commitment fee, 10m undrawn x 1% in 2026 and in 2027 (the commitment
        // is cancelled at the end of the period holding 2028-01-01) = 0.2m, are owed whole.
        ScenarioOutcome o = Short.Single;
        Assert.Equal(2e6, o.Fees.Single().Unpaid, Tolerance);
        Assert.Equal(2.4e6, o.Fleets.Single().OpexUnpaid, Tolerance);
        Assert.Equal(0.2e6, o.Tranches.Single().CommitmentFeeUnpaid, Tolerance);
        Assert.Equal(0.0, o.Tranches.Single().GuaranteeFeeUnpaid, Tolerance);

        // The ledger's carried short in the last period (period 4, index 3) is the same figure.
        Assert.Equal(2e6, Short.Ledger("2 pay Trustee short", 3), Tolerance);
        Assert.Equal(2.4e6, Short.Ledger("3 pay Cluster.opex short", 3), Tolerance);
        Assert.Equal(0.2e6, Short.Ledger("4 pay Loan.commitment_fee short", 3), Tolerance);
    }

    [Fact]
    public void A_summary_only_run_owes_the_same()
    {
        // RunSummary writes the figures after its loop as Run does (the carried state, not the ledger).
        ScenarioOutcome o = new SmallDeal(Source("1.5m"), fullLedger: false).Single;
        Assert.Equal(2e6, o.Fees.Single().Unpaid, Tolerance);
        Assert.Equal(2.4e6, o.Fleets.Single().OpexUnpaid, Tolerance);
        Assert.Equal(0.2e6, o.Tranches.Single().CommitmentFeeUnpaid, Tolerance);
    }

    [Fact]
    public void Every_format_shows_the_rows()
    {
        string table = SummaryReport.Render(Short.Description, [Short.Single], ReportFormat.Table);
        Assert.Matches(@"Trustee\s+unpaid at end\s+2\.0\n", table);
        Assert.Matches(@"\s+opex unpaid at end\s+2\.4\n", table);
        Assert.Matches(@"\s+commitment fee unpaid at end\s+0\.2\n", table);

        string csv = SummaryReport.Render(Short.Description, [Short.Single], ReportFormat.Csv);
        Assert.Contains("Trustee,unpaid at end,2000000.00", csv, StringComparison.Ordinal);
        Assert.Contains("Cluster,opex unpaid at end,2400000.00", csv, StringComparison.Ordinal);
        Assert.Contains("Loan,commitment fee unpaid at end,200000.00", csv, StringComparison.Ordinal);

        string md = SummaryReport.Render(Short.Description, [Short.Single], ReportFormat.Markdown);
        Assert.Contains("unpaid at end", md, StringComparison.Ordinal);

        string json = SummaryReport.Render(Short.Description, [Short.Single], ReportFormat.Json);
        Assert.Contains("\"fees\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"unpaid\": 2000000.00", json, StringComparison.Ordinal);
        Assert.Contains("\"opexUnpaid\": 2400000.00", json, StringComparison.Ordinal);
        Assert.Contains("\"commitmentFeeUnpaid\": 200000.00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_that_pays_everything_has_no_rows_but_its_json_has_the_zeros()
    {
        // 10m of rent a year pays the interest (1m), the Trustee (1m), the opex (under 0.61m), the commitment fee
        // (0.1m) and at the maturity the 10m bullet out of the 4 x 10m: nothing is carried, so no 'unpaid at end' row;
        // the JSON, for machines, keeps each figure (0).
        var paid = new SmallDeal(Source("10m"));
        ScenarioOutcome o = paid.Single;
        Assert.Equal(0.0, o.Fees.Single().Unpaid, Tolerance);
        Assert.Equal(0.0, o.Fleets.Single().OpexUnpaid, Tolerance);
        Assert.Equal(0.0, o.Tranches.Single().CommitmentFeeUnpaid, Tolerance);
        Assert.DoesNotContain("unpaid at end", SummaryReport.Render(paid.Description, [o], ReportFormat.Table), StringComparison.Ordinal);
        string json = SummaryReport.Render(paid.Description, [o], ReportFormat.Json);
        Assert.Contains("\"unpaid\": 0.00", json, StringComparison.Ordinal);
        Assert.Contains("\"opexUnpaid\": 0.00", json, StringComparison.Ordinal);
    }
}
