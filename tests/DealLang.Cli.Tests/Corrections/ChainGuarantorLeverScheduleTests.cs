namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A guarantor's dated lever carried from the top deal of a chain to an entity it imports is read on that entity's own
/// schedule (docs/language.md §4, business-days-scenario-levers: "A guarantor's lever carried to the other entities of
/// a chain is read on each entity's own schedule"; Runner/Paths/LeverPeriods). The top pays semiannually with no
/// business days; the SPV it holds pays quarterly on month ends under <c>preceding</c>, so Saturday 2029-06-30 is paid
/// on Friday 06-29. `Parent guarantees disowned from 2029-06-30`, written in the top's scenario, is the SPV's second
/// quarter (t=1): the first quarter is paid by the guarantor, nothing after. Read as the top's period (its first half
/// year, t=0) and placed on the SPV's quarters, it would pay nothing from the first quarter; compared as written with
/// the SPV's ends as paid (Friday 06-29 is before 06-30), it would pay the second quarter too.
/// </summary>
public sealed class ChainGuarantorLeverScheduleTests
{
    private const double Cent = 0.005;

    // The SPV: quarterly on month ends from 2028-12-31 to 2029-12-31, 30/360, under `preceding`: 03-31 (Saturday),
    // 06-30 (Saturday) and 09-30 (Sunday) are paid on Fridays 03-30, 06-29 and 09-28. Its lease pays 40m a year, 10m a
    // quarter; Parent guarantees it up to 100m.
    private const string Spv = """
        deal Spv {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          business_days preceding unadjusted

          party Tenant  { rating "B" pd 5% }
          party Parent  { rating "A" pd 0.1% }
          party Sponsor { }

          facility Site { cost 100m  value schedule { 2028-12-31 100m } }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2028-12-31  term 5y  guarantor Parent cap 100m }

          tranche Notes { balance 60m  coupon 5% fixed  maturity 2029-12-31 }
          equity Owners { contributed 40m  holders Sponsor 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Owners
          }
        }
        """;

    // The top: semiannual, no business days, half of the SPV's notes.
    private const string Top = """
        import "spv.deal"
        deal Fund {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      semiannual
          daycount 30/360

          party Lp { }
          index Mark { level 100% }
          holding H { of Spv.Notes  share 50%  mark Mark }
          equity Investors { contributed 30m  holders Lp 100% }

          waterfall {
            distribute rest to Investors
          }
        }

        scenario Backed for Fund { Tenant defaults on 2029-02-15 }
        scenario Disowned for Fund {
          Tenant defaults on 2029-02-15
          Parent guarantees disowned from 2029-06-30
        }
        """;

    [Fact]
    public void A_guarantor_disowning_from_the_tops_scenario_stops_on_the_spvs_own_quarter()
    {
        using var chain = new SmallChain(Top, ("spv.deal", Spv));

        // Backed: Tenant defaults on 2029-02-15, inside the first quarter; Parent pays the rest of that quarter's rent
        // (30/360: 2029-02-15 to 2029-03-31 as the lease prorates it, some part of 10m) and 10m (40m / 4) every quarter
        // after.
        double first = chain.Ledger("Spv", "Backed", "guarantor Rent", 0);
        Assert.True(first > 0 && first < 10e6, $"the first quarter's guarantor payment {first} is a part of 10m");
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(10e6, chain.Ledger("Spv", "Backed", "guarantor Rent", t), Cent);
        }

        // Disowned from 2029-06-30: the first quarter as backed, nothing from the second (t=1) on, on the SPV's schedule.
        Assert.Equal(first, chain.Ledger("Spv", "Disowned", "guarantor Rent", 0), Cent);
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(0.0, chain.Ledger("Spv", "Disowned", "guarantor Rent", t));
        }
    }
}
