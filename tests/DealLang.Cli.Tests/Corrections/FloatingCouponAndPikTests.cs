namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A floating coupon reset each period and clamped by its floor and cap, and interest paid in kind (all of it, and a
/// 50% share toggled on a condition), end to end (docs/language.md, tranche).
/// </summary>
public sealed class FloatingCouponAndPikTests
{
    // Annual, 30/360 (every year fraction is exactly 1), four periods 2026..2029, rent 80m a year: every tranche is
    // paid what it is due. Notes: 100m linear (25m a period); its coupon reads its own opening loan-to-cost, so it
    // floats: 1% + 12% × balance / 200m, held within [5%, 6.5%]. Mezz: 10m bullet at 8%, half its interest
    // capitalised while the Notes' opening balance is above 60m. Junior: 20m bullet at 10%, all of it capitalised.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Sponsor { }
          facility Campus { cost 200m  value straight_line 4y }
          lease CampusLease on Campus { lessee Tenant  rent 80m per year  starts 2025-12-31  term 4y }

          tranche Notes  { balance 100m  coupon 1% + 12% * (Notes.balance / Campus.cost) floor 5% cap 6.5%  amortize linear }
          tranche Mezz   { balance 10m   coupon 8%   pik 50% when Notes.balance > 60m }
          tranche Junior { balance 20m   coupon 10%  pik }
          equity Owners { contributed 20m  holders Sponsor 100% }

          test NotesRate = Notes.coupon

          waterfall {
            pay Notes.interest
            pay Notes.principal
            pay Mezz.interest
            pay Mezz.principal
            pay Junior.interest
            pay Junior.principal
            distribute rest to Owners
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void TheFloatingCouponResetsEachPeriodWithinItsFloorAndCap()
    {
        // Opening balances 100m, 75m, 50m, 25m over the cost 200m:
        //   period 1: 1% + 12% × 0.5   = 7%   → capped at 6.5%: interest 100m × 6.5% = 6.5m
        //   period 2: 1% + 12% × 0.375 = 5.5% (inside):          75m × 5.5% = 4.125m
        //   period 3: 1% + 12% × 0.25  = 4%   → floored at 5%:   50m × 5%   = 2.5m
        //   period 4: 1% + 12% × 0.125 = 2.5% → floored at 5%:   25m × 5%   = 1.25m
        double[] rates = [0.065, 0.055, 0.05, 0.05];
        double[] interest = [6.5e6, 4.125e6, 2.5e6, 1.25e6];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(rates[t], Deal.Ledger("Notes coupon", t), 1e-12);
            Assert.Equal(rates[t], Deal.Ledger("NotesRate", t), 1e-12); // Notes.coupon reads this period's rate
            Assert.Equal(interest[t], Deal.Ledger("Notes interest due", t), 1e-6);
            Assert.Equal(interest[t], Deal.Ledger("1 pay Notes.interest paid", t), 1e-6);
        }

        // The summary: 14.375m of interest, no loss; its headline coupon is n/a (it floats).
        Assert.Equal(14.375e6, Deal.Single.Tranches[0].InterestPaid, 1e-6);
        Assert.True(double.IsNaN(Deal.Description.Tranches[0].Coupon));
    }

    [Fact]
    public void PikInterestGrowsTheBalanceAndIsRepaidAtMaturity()
    {
        // Junior, 10% all PIK: the balance compounds, 20m × 1.1^k: 22m, 24.2m, 26.62m, 29.282m; nothing is due in cash
        // until the maturity, when the whole 29.282m is principal due, and paid (rent 80m covers it).
        double[] balances = [22e6, 24.2e6, 26.62e6];
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(balances[t] - (t == 0 ? 20e6 : balances[t - 1]), Deal.Ledger("Junior interest capitalised", t), 1e-6);
            Assert.Equal(0.0, Deal.Ledger("Junior interest due", t));
            Assert.Equal(balances[t], Deal.Ledger("Junior balance", t), 1e-6);
        }

        Assert.Equal(2.662e6, Deal.Ledger("Junior interest capitalised", 3), 1e-6);
        Assert.Equal(29.282e6, Deal.Ledger("Junior principal due", 3), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Junior balance", 3), 1e-6);

        // The lender's flows: −20m at closing, +29.282m at 2029-12-31, 1,461 days later (ACT/365F years): the IRR is
        // 1.4641^(365/1461) − 1 (10% a 30/360 year, a little less over actual days), with no loss and no interest paid.
        var junior = Deal.Single.Tranches[2];
        Assert.Equal(0.0, junior.InterestPaid);
        Assert.Equal(29.282e6, junior.PrincipalPaid, 1e-6);
        Assert.Equal(0.0, junior.PrincipalLoss, 1e-6);
        Assert.Equal(Math.Pow(1.4641, 365.0 / 1461.0) - 1, junior.Irr, 1e-9);
    }

    [Fact]
    public void APikToggleCapitalisesAShareOnlyWhileItsConditionHolds()
    {
        // Mezz, 8% with 50% PIK while the Notes' opening balance is above 60m (periods 1 and 2: 100m, 75m):
        //   period 1: interest 10m × 8% = 0.8m: 0.4m capitalised, 0.4m due in cash; balance 10.4m
        //   period 2: 10.4m × 8% = 0.832m: 0.416m capitalised, 0.416m in cash; balance 10.816m
        //   period 3 (opening Notes balance 50m): 10.816m × 8% = 0.86528m, all in cash; nothing capitalised
        //   period 4: 0.86528m in cash, and the 10.816m balance at maturity.
        Assert.Equal(0.4e6, Deal.Ledger("Mezz interest capitalised", 0), 1e-6);
        Assert.Equal(0.4e6, Deal.Ledger("Mezz interest due", 0), 1e-6);
        Assert.Equal(10.4e6, Deal.Ledger("Mezz balance", 0), 1e-6);
        Assert.Equal(0.416e6, Deal.Ledger("Mezz interest capitalised", 1), 1e-6);
        Assert.Equal(0.416e6, Deal.Ledger("Mezz interest due", 1), 1e-6);
        Assert.Equal(10.816e6, Deal.Ledger("Mezz balance", 1), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Mezz interest capitalised", 2));
        Assert.Equal(0.86528e6, Deal.Ledger("Mezz interest due", 2), 1e-6);
        Assert.Equal(10.816e6, Deal.Ledger("Mezz principal due", 3), 1e-6);
        Assert.Equal(0.4e6 + 0.416e6 + 2 * 0.86528e6, Deal.Single.Tranches[1].InterestPaid, 1e-6);
    }
    // SOFR, read at each period's start: 4% from the closing, -0.5% from 2027-12-31, 7% from 2028-12-31 (stepped
    // points). Loan: SOFR + 6%, floored at 7% and capped at 12% (on the whole coupon); Term: a 0% floor on the index
    // alone, written inside the expression. Both 100m bullets, annual 30/360, rent 100m a year.
    private const string IndexSource = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2029-12-31
          pay      annual
          daycount 30/360

          party Tenant { }
          party Sponsor { }
          facility Campus { cost 200m  value straight_line 10y }
          lease CampusLease on Campus { lessee Tenant  rent 100m per year  starts 2025-12-31  term 4y }
          index SOFR { level 4%  points stepped { 2027-12-31 -0.5%  2028-12-31 7% } }

          tranche Loan { balance 100m  coupon SOFR + 6.00% floor 7% cap 12% }
          tranche Term { balance 100m  coupon max(SOFR, 0%) + 3% }
          equity Owners { contributed 20m  holders Sponsor 100% }

          waterfall {
            pay Loan.interest
            pay Term.interest
            pay Loan.principal
            pay Term.principal
            distribute rest to Owners
          }
        }

        scenario Base for Small { }
        scenario RatesUp for Small { SOFR shift +100bp }
        """;

    [Fact]
    public void SofrPlusTheMarginHitsItsFloorAndCap()
    {
        var deal = new SmallDeal(IndexSource);

        // Period starts 2025-12-31, 2026-12-31: SOFR 4%:  4% + 6% = 10%          interest 100m × 10% = 10m
        //              2027-12-31: SOFR -0.5%:          -0.5% + 6% = 5.5% → floor 7%:          7m
        //              2028-12-31: SOFR 7%:              7% + 6% = 13% → cap 12%:              12m
        // Term, max(SOFR, 0%) + 3%: 7%, 7%, 3% (the index floored at 0%), 10%.
        double[] loan = [0.10, 0.10, 0.07, 0.12];
        double[] term = [0.07, 0.07, 0.03, 0.10];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(loan[t], deal.Ledger("Loan coupon", t, "Base"), 1e-12);
            Assert.Equal(loan[t] * 100e6, deal.Ledger("Loan interest due", t, "Base"), 1e-6);
            Assert.Equal(term[t], deal.Ledger("Term coupon", t, "Base"), 1e-12);
        }

        // +100bp on SOFR: 11%, 11%, 6.5% → still floored at 7%, 14% → capped at 12%.
        double[] shifted = [0.11, 0.11, 0.07, 0.12];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(shifted[t], deal.Ledger("Loan coupon", t, "RatesUp"), 1e-12);
        }

        Assert.Equal((10 + 10 + 7 + 12) * 1e6, deal.Outcomes["Base"].Tranches[0].InterestPaid, 1e-6);
    }
    [Fact]
    public void UnpaidJuniorInterestCapitalisesInsteadOfDeferring()
    {
        // Junior, 20m bullet at 10%, 'pik unpaid'; the rent (1.5m a year) is all the cash there is.
        //   period 1: interest 20m × 10% = 2m due in cash; 1.5m paid; the 0.5m unpaid joins the balance: 20.5m
        //   period 2: interest 20.5m × 10% = 2.05m (the capitalised 0.5m earns it too); 1.5m paid; 0.55m: 21.05m
        // No interest shortfall is carried: what was not paid is principal now.
        var deal = new SmallDeal("""
            deal Small {
              currency USD
              closing  2025-12-31
              maturity 2029-12-31
              pay      annual
              daycount 30/360

              party Tenant { }
              party Sponsor { }
              facility Campus { cost 200m  value straight_line 10y }
              lease CampusLease on Campus { lessee Tenant  rent 1.5m per year  starts 2025-12-31  term 4y }

              tranche Junior { balance 20m  coupon 10%  pik unpaid }
              equity Owners { contributed 20m  holders Sponsor 100% }

              waterfall {
                pay Junior.interest
                pay Junior.principal
                distribute rest to Owners
              }
            }
            """);

        Assert.Equal(2e6, deal.Ledger("Junior interest due", 0), 1e-6);
        Assert.Equal(0.5e6, deal.Ledger("Junior interest capitalised", 0), 1e-6);
        Assert.Equal(20.5e6, deal.Ledger("Junior balance", 0), 1e-6);
        Assert.Equal(2.05e6, deal.Ledger("Junior interest due", 1), 1e-6);
        Assert.Equal(0.55e6, deal.Ledger("Junior interest capitalised", 1), 1e-6);
        Assert.Equal(21.05e6, deal.Ledger("Junior balance", 1), 1e-6);
        Assert.Equal(0.0, deal.Single.Tranches[0].UnpaidInterest);
    }
}
