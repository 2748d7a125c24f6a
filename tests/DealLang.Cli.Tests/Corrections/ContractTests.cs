using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Take-or-pay compute contracts end to end (docs/language.md §5 "contract", §10): revenue = units × price per
/// GPU-hour × hours a year × days / 365 × max(take-or-pay, utilisation); a price fixed, an index plus a spread or at
/// market; the customer's default stopping it; its units re-let at the spot index after an idle gap; the fleet's
/// idle units; the largest customer's share of revenue; renewals taken at the market price, a re-let after the last.
/// </summary>
public sealed class ContractTests
{
    // Quarterly, closing 2026-01-01. 1,000 GPUs; the rent index 2.00 per GPU-hour, deflating 10% a year. Three
    // contracts: Fixed (400 GPUs at 2.50, take-or-pay 80%, two years), Spread (300 GPUs at Rent + 0.20, 50%, one year
    // from 2026-04-01), Market (200 GPUs at market, 100%, six months). 100 GPUs are never contracted.
    private const string Source = """
        deal Small {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Big   { }
          party Small { recovery 40% }
          party Owner { }
          index Rent { level 2.00 per gpu_hour  deflate 10% per year }
          fleet Cluster {
            units 1000 gpus  unit_cost 20k per gpu
            depreciate straight_line 5y
            generation Rent
          }
          contract Fixed on Cluster {
            customer Big  units 400 gpus  price 2.50 per gpu_hour  hours 8760 hours per year
            take_or_pay 80%  starts 2026-01-01  term 2y
          }
          contract Spread on Cluster {
            customer Small  units 300 gpus  price Rent + 0.20 per gpu_hour  hours 8760 hours per year
            take_or_pay 50%  starts 2026-04-01  term 1y  termination_fee 1m amortising
            renewals 1 x 6m at customer option
          }
          contract Market on Cluster {
            customer Big  units 200 gpus  price at market  hours 8000 hours per year
            take_or_pay 100%  starts 2026-01-01  term 6m
            renewals 2 x 6m at customer option
          }

          tranche Loan { balance 1m  coupon 6% }
          equity  Eq   { contributed 25m  holders Owner 100% }

          test Idle  = Cluster.idle_units
          test Share = largest_customer_share
          test Live  = if Spread.active then 1 else 0
          test Cash  = cfads

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario AsAgreed for Small { }

        scenario Busy for Small {
          Fixed utilisation 95%
          Spread utilisation 30%
        }

        scenario Renewed for Small {
          Market renewals taken 1
          Spread renewals taken 1
        }

        scenario RenewedThenRelet for Small {
          Market renewals taken 2
          Market relet after 3m at 50%
        }

        scenario SmallDefaults for Small {
          Small defaults on 2026-08-15
          Spread relet after 3m at 60%
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void AFixedPriceEarnsTheTakeOrPayShareOfItsHours()
    {
        // Q1 2026, 90 days: 400 × 2.50 × 8760 × 90/365 × 0.8 = 1,728,000.00 (8760 × 90/365 = 2,160 hours).
        Assert.Equal(1_728_000.00, Deal.Ledger("revenue Fixed", 0, "AsAgreed"), 0.01);
        // Q2, 91 days: 400 × 2.50 × 24 × 91 × 0.8 = 1,747,200.00.
        Assert.Equal(1_747_200.00, Deal.Ledger("revenue Fixed", 1, "AsAgreed"), 0.01);
    }

    [Fact]
    public void UtilisationAboveTheFloorIsPaidAndBelowItTheFloorIs()
    {
        // Busy: Fixed at 95% (above 80%): 400 × 2.50 × 2160 × 0.95 = 2,052,000.00.
        Assert.Equal(2_052_000.00, Deal.Ledger("revenue Fixed", 0, "Busy"), 0.01);
        // Spread at 30% (below its 50% floor) is paid at 50%: the same as as agreed.
        Assert.Equal(Deal.Ledger("revenue Spread", 1, "AsAgreed"), Deal.Ledger("revenue Spread", 1, "Busy"), 6);
    }

    [Fact]
    public void AnIndexPlusSpreadReadsTheLevelAtThePeriodStart()
    {
        // Q2 starts 2026-04-01, 90 days after closing: Rent = 2.00 × 0.9^(90/365) = 2.00 × 0.974355 = 1.948710;
        // price 2.148710. 300 × 2.148710 × 8760 × 91/365 × 0.5 = 300 × 2.148710 × 2184 × 0.5 = 703,917.56.
        double rent = 2.00 * Math.Pow(0.9, 90 / 365.0);
        Assert.Equal(300 * (rent + 0.20) * 2184 * 0.5, Deal.Ledger("revenue Spread", 1, "AsAgreed"), 0.01);
        Assert.Equal(703_917.56, Deal.Ledger("revenue Spread", 1, "AsAgreed"), 0.01);
        // Before it starts it earns nothing.
        Assert.Equal(0.0, Deal.Ledger("revenue Spread", 0, "AsAgreed"));
    }

    [Fact]
    public void AtMarketReadsTheFleetsGenerationIndex()
    {
        // Q1: Rent = 2.00 at closing; 200 × 2.00 × 8000 × 90/365 × 1.0 = 789,041.10.
        Assert.Equal(200 * 2.00 * 8000 * 90 / 365.0, Deal.Ledger("revenue Market", 0, "AsAgreed"), 0.01);
        // It ends on 2026-07-01 (six months): the third quarter earns nothing.
        Assert.Equal(0.0, Deal.Ledger("revenue Market", 2, "AsAgreed"));
    }

    [Fact]
    public void IdleUnitsAreTheFleetsLessThoseItsRunningContractsTake()
    {
        // Q1 end (2026-04-01): Fixed 400 + Market 200 + Spread 300 (it starts that day) → 100 idle.
        Assert.Equal(100.0, Deal.Ledger("Idle", 0, "AsAgreed"));
        // Q3 end (2026-10-01): Market ended on 2026-07-01 → 300 idle.
        Assert.Equal(300.0, Deal.Ledger("Idle", 2, "AsAgreed"));
        // 2027-04-01: Spread ended that day → 600 idle.
        Assert.Equal(600.0, Deal.Ledger("Idle", 4, "AsAgreed"));
        Assert.Equal(400.0, Deal.Ledger("Fixed units", 4, "AsAgreed"));
    }

    [Fact]
    public void TheLargestCustomersShareIsItsContractsOverAll()
    {
        // Q1: Big has Fixed and Market, Small nothing yet: 100%.
        Assert.Equal(1.0, Deal.Ledger("Share", 0, "AsAgreed"), 12);
        // Q2: Big = Fixed 1,747,200 + Market 200 × 2.00·0.9^(90/365) × 8000 × 91/365 = 777,348.63;
        // Small = Spread 703,917.56: 2,524,548.63 / 3,228,466.19 = 0.781965.
        double market = 200 * 2.00 * Math.Pow(0.9, 90 / 365.0) * 8000 * 91 / 365.0;
        double big = 1_747_200 + market;
        Assert.Equal(big / (big + 703_917.56), Deal.Ledger("Share", 1, "AsAgreed"), 6);
        Assert.Equal(0.781965, Deal.Ledger("Share", 1, "AsAgreed"), 6);
    }

    [Fact]
    public void ACustomersDefaultStopsItsContractOnItsDayAndIdlesItsUnits()
    {
        // Small defaults on 2026-08-15, in Q3 (2026-07-01 → 2026-10-01): Q3 pays the 45 days before it, at Rent read
        // on 2026-07-01 (181 days): 300 × (2.00 × 0.9^(181/365) + 0.20) × 8760 × 45/365 × 0.5; nothing after.
        Assert.True(Deal.Ledger("revenue Spread", 1, "SmallDefaults") > 0);
        double rent = 2.00 * Math.Pow(0.9, 181 / 365.0);
        Assert.Equal(300 * (rent + 0.20) * 8760 * 45 / 365.0 * 0.5, Deal.Ledger("revenue Spread", 2, "SmallDefaults"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("revenue Spread", 3, "SmallDefaults") - (300 * 2.00 * Math.Pow(0.9, 273 / 365.0) * 8760 * 47 / 365.0 * 0.6), 2);
        Assert.Equal(0.0, Deal.Ledger("Live", 2, "SmallDefaults"));
        Assert.Equal(1.0, Deal.Ledger("Live", 1, "SmallDefaults"));
        // Its 300 units are idle at the end of Q3 (the re-let starts 2026-11-15): 1000 − 400 = 600.
        Assert.Equal(600.0, Deal.Ledger("Idle", 2, "SmallDefaults"));
    }

    [Fact]
    public void DefaultedUnitsAreReletAtTheSpotIndexAfterTheGap()
    {
        // Re-let from 2026-08-15 + 3m = 2026-11-15, at 60% and the spot Rent. Q4 (2026-10-01 → 2027-01-01) reads
        // Rent at 2026-10-01 (273 days): 2.00 × 0.9^(273/365); 47 days re-let: 300 × Rent × 8760 × 47/365 × 0.6.
        double spot = 2.00 * Math.Pow(0.9, 273 / 365.0);
        Assert.Equal(300 * spot * 8760 * 47 / 365.0 * 0.6, Deal.Ledger("revenue Spread", 3, "SmallDefaults"), 0.01);
        // Re-let units are taken at the period's end: 1000 − 400 − 300 = 300 idle.
        Assert.Equal(300.0, Deal.Ledger("Idle", 3, "SmallDefaults"));
        // The re-let outlives the contract's own end (2027-04-01): Q3 2027, 92 days at the spot.
        double spot7 = 2.00 * Math.Pow(0.9, 546 / 365.0);
        Assert.Equal(300 * spot7 * 8760 * 92 / 365.0 * 0.6, Deal.Ledger("revenue Spread", 6, "SmallDefaults"), 0.01);
    }

    [Fact]
    public void ADefaultDuringTheTermPaysTheRecoveryOfTheFeeLeftAsAOneOff()
    {
        // Small defaults on 2026-08-15: Spread runs 2026-04-01 → 2027-04-01 (365 days), 229 days left. Fee owed
        // 1m × 229/365 = 627,397.26; Small's recovery 40%: 250,958.90, received in Q3, the default's period.
        Assert.Equal(1_000_000 * 229 / 365.0 * 0.4, Deal.Ledger("termination fee Spread", 2, "SmallDefaults"), 0.01);
        Assert.Equal(250_958.90, Deal.Ledger("termination fee Spread", 2, "SmallDefaults"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("termination fee Spread", 3, "SmallDefaults"));
        Assert.Equal(0.0, Deal.Ledger("termination fee Spread", 2, "AsAgreed"));
        // A one-off: in collections, not in cfads (no opex, so cfads = collections − the fee).
        Assert.Equal(Deal.Ledger("collections", 2, "SmallDefaults") - 250_958.904, Deal.Ledger("Cash", 2, "SmallDefaults"), 0.01);
    }

    [Fact]
    public void RevenueIsACollectionInCfads()
    {
        // Q1 collections: Fixed 1,728,000 + Market 789,041.10 (Spread starts at the quarter's end).
        Assert.Equal(1_728_000 + 200 * 2.00 * 8000 * 90 / 365.0, Deal.Ledger("collections", 0, "AsAgreed"), 0.01);
    }

    [Fact]
    public void TheSummaryGivesEachContractsRevenueFeeStopAndUnits()
    {
        // Summary-only (no ledger): the figures come from the run's buffers.
        var deal = new SmallDeal(Source, fullLedger: false);
        ContractSummary Of(string scenario, string name) => deal.Outcomes[scenario].Contracts.Single(c => c.Name == name);

        // Fixed, as agreed: 400 × 2.50 × 24 hours × 730 days (2026-01-01 → 2028-01-01) × 0.8 = 14,016,000. Its
        // term ends with the last quarter (2028-01-01), and it takes no units on its end day.
        ContractSummary fixedAsAgreed = Of("AsAgreed", "Fixed");
        Assert.Equal(14_016_000.00, fixedAsAgreed.Revenue, 0.01);
        Assert.Equal(0.0, fixedAsAgreed.TerminationFee);
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), fixedAsAgreed.StopDate);
        Assert.Equal(0.0, fixedAsAgreed.Units);
        // Spread, as agreed, ends on 2027-04-01, the end of the fifth quarter.
        Assert.Equal(new DealLang.Runtime.Date(2027, 4, 1), Of("AsAgreed", "Spread").StopDate);

        // Small defaults on 2026-08-15: Spread stops in Q3 (ending 2026-10-01); its fee recovered 1m × 229/365 × 40%
        // = 250,958.90; its 300 units re-let from 2026-11-15 are still taken at the run's end.
        ContractSummary spread = Of("SmallDefaults", "Spread");
        Assert.Equal(new DealLang.Runtime.Date(2026, 10, 1), spread.StopDate);
        Assert.Equal(250_958.90, spread.TerminationFee, 0.01);
        Assert.Equal(300.0, spread.Units);

        // The CSV rows and the JSON "contracts" array carry the same figures.
        string csv = DealLang.Runner.Reports.SummaryReport.Render(deal.Description, [deal.Outcomes["AsAgreed"], deal.Outcomes["SmallDefaults"]],
            DealLang.Runner.Reports.ReportFormat.Csv);
        Assert.Contains("Spread,stops on,2027-04-01,2026-10-01\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Fixed,revenue received,14016000.00,", csv, StringComparison.Ordinal);
        string json = DealLang.Runner.Reports.SummaryReport.Render(deal.Description, [deal.Outcomes["SmallDefaults"]], DealLang.Runner.Reports.ReportFormat.Json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var scenario = doc.RootElement.GetProperty("scenarios")[0];
        var spreadJson = scenario.GetProperty("contracts")[1];
        Assert.Equal("Spread", spreadJson.GetProperty("name").GetString());
        Assert.Equal(250_958.90, spreadJson.GetProperty("terminationFee").GetDouble(), 0.01);
        Assert.Equal("2026-10-01", spreadJson.GetProperty("stopDate").GetString());
        Assert.Equal(1000.0, scenario.GetProperty("fleets")[0].GetProperty("units").GetDouble());
    }

    [Fact]
    public void ARenewalTakenRunsAtTheMarketPriceAndNoneByDefault()
    {
        // Market renewed once: 2026-07-01 → 2027-01-01 at the spot Rent (its price was at market, no spread). Q3
        // (2026-07-01 → 2026-10-01, 92 days) reads Rent at 2026-07-01, 181 days after closing: 2.00 × 0.9^(181/365)
        // = 1.898188; 200 × 1.898188 × 8000 × 92/365 × 100% = 765,516.
        double rent3 = 2.00 * Math.Pow(0.9, 181 / 365.0);
        Assert.Equal(200 * rent3 * 8000 * 92 / 365.0, Deal.Ledger("revenue Market", 2, "Renewed"), 0.01);
        Assert.Equal(765_516.0, Deal.Ledger("revenue Market", 2, "Renewed"), 0);
        Assert.Equal(200.0, Deal.Ledger("Market units", 2, "Renewed"));
        // One renewal taken of two: it ends on 2027-01-01, and Q1 2027 earns nothing. None taken by default.
        Assert.Equal(0.0, Deal.Ledger("revenue Market", 4, "Renewed"));
        Assert.Equal(0.0, Deal.Ledger("revenue Market", 2, "AsAgreed"));
        Assert.Equal(0.0, Deal.Ledger("Market units", 2, "AsAgreed"));
        // The summary's stop is the end of the renewal taken (Q4 ends 2027-01-01), not of the first term (2026-07-01).
        Assert.Equal(new DealLang.Runtime.Date(2027, 1, 1), Deal.Outcomes["Renewed"].Contracts.Single(c => c.Name == "Market").StopDate);
        Assert.Equal(new DealLang.Runtime.Date(2026, 7, 1), Deal.Outcomes["AsAgreed"].Contracts.Single(c => c.Name == "Market").StopDate);
    }

    [Fact]
    public void AnIndexPlusSpreadContractRenewsAtTheIndexPlusItsSpreadAtItsTakeOrPay()
    {
        // Spread renewed once: 2027-04-01 → 2027-10-01. Q6 (2027-04-01 → 2027-07-01, 91 days) reads Rent at
        // 2027-04-01, 455 days after closing: 2.00 × 0.9^(455/365); price + 0.20; at its 50% take-or-pay:
        // 300 × (Rent + 0.20) × 8760 × 91/365 × 0.5.
        double rent = 2.00 * Math.Pow(0.9, 455 / 365.0);
        Assert.Equal(300 * (rent + 0.20) * 8760 * 91 / 365.0 * 0.5, Deal.Ledger("revenue Spread", 5, "Renewed"), 0.01);
        Assert.Equal(0.0, Deal.Ledger("revenue Spread", 5, "AsAgreed"));
        // It ends on 2027-10-01: Q8 earns nothing.
        Assert.Equal(0.0, Deal.Ledger("revenue Spread", 7, "Renewed"));
    }

    [Fact]
    public void AReletStartsAfterTheLastRenewalTaken()
    {
        // Market renewed twice runs to 2026-01-01 + 6m + 2 × 6m = 2027-07-01; the re-let starts 3 months on, on
        // 2027-10-01. Q6 (2027-04-01 → 2027-07-01, 91 days) is the second renewal at the spot Rent(455 days).
        double rent6 = 2.00 * Math.Pow(0.9, 455 / 365.0);
        Assert.Equal(200 * rent6 * 8000 * 91 / 365.0, Deal.Ledger("revenue Market", 5, "RenewedThenRelet"), 0.01);
        // Q7 (2027-07-01 → 2027-10-01) is the idle gap: nothing.
        Assert.Equal(0.0, Deal.Ledger("revenue Market", 6, "RenewedThenRelet"));
        // Q8 (2027-10-01 → 2028-01-01, 92 days): re-let at 50% at Rent(638 days).
        double rent8 = 2.00 * Math.Pow(0.9, 638 / 365.0);
        Assert.Equal(200 * rent8 * 8000 * 92 / 365.0 * 0.5, Deal.Ledger("revenue Market", 7, "RenewedThenRelet"), 0.01);
    }
}
