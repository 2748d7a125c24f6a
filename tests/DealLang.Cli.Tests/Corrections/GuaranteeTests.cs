using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// Guarantors end to end (docs/language.md §5 "Guarantors", §10 the guarantors' levers, §12 the summary's rows), each
/// figure worked out by hand in the comment above it: a backstop behind a lease paying the rent its lessee's default
/// leaves unpaid, as it falls due, up to its cap (reached inside a period), stopping when it defaults itself or
/// disowns its guarantee, and paying half when it honours half; a guarantee behind a tranche paying the holders
/// directly while the waterfall's senior fee goes unpaid, its fee paid in the waterfall, and the holders' figures
/// with it beside the issuer's without. SmallDeal runs every scenario with the cash check on, so cash is conserved
/// in every period of every test here (a guarantor's payment to the holders never enters the deal's cash).
/// </summary>
public sealed class GuaranteeTests
{
    private const double Cent = 0.005;

    // Quarterly from 2026-01-01, 30/360. The lease pays 40m a year in equal instalments: 10m a quarter, for two years
    // (periods 0-7). Its lessee defaults on 2026-04-01, the end of period 0: period 0 is paid in full, nothing after.
    // Parent guarantees the rent up to 25m.
    private const string LeaseSource = """
        deal Backstop {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { rating "B" pd 5% recovery 30% }
          party Parent { rating "A" pd 0.1% }
          party Owner  { }

          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site {
            lessee    Tenant
            rent      40m per year
            starts    2026-01-01
            term      2y
            guarantor Parent cap 25m
          }

          tranche Notes { balance 50m  coupon 4% fixed  amortize bullet  seniority 1 }
          equity  Eq    { contributed 150m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Performs for Backstop { }
        scenario Defaults for Backstop { Tenant defaults on 2026-04-01 }
        scenario ParentDefaults for Backstop {
          Tenant defaults on 2026-04-01
          Parent defaults on 2026-09-15
        }
        scenario HalfHonoured for Backstop {
          Tenant defaults on 2026-04-01
          Parent guarantees honoured 50%
        }
        scenario Disowned for Backstop {
          Tenant defaults on 2026-04-01
          Parent guarantees disowned from 2026-08-01
        }
        """;

    private static readonly Lazy<SmallDeal> Lease = new(() => new SmallDeal(LeaseSource));

    [Fact]
    public void ABackstopPaysNothingWhileTheLesseePays()
    {
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(10_000_000, Lease.Value.Ledger("rent Rent", t, "Performs"), Cent);
            Assert.Equal(0.0, Lease.Value.Ledger("guarantor Rent", t, "Performs"));
        }

        GuaranteeSummary g = Assert.Single(Lease.Value.Outcomes["Performs"].Guarantees);
        Assert.Equal(("Parent for Rent", "Parent", 0.0, (DealLang.Runtime.Date?)null), (g.Name, g.Guarantor, g.Paid, g.FirstPayment));
    }

    // Asked for 10m a quarter from period 1 (the rent the default leaves unpaid). Cap 25m: period 1 pays 10m (15m left),
    // period 2 10m (5m left), period 3 only 5m (the cap is reached inside the period), period 4 on nothing.
    [Fact]
    public void ABackstopPaysRentAsItFallsDueUpToItsCap()
    {
        double[] expected = [0, 10_000_000, 10_000_000, 5_000_000, 0, 0, 0, 0];
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(expected[t], Lease.Value.Ledger("guarantor Rent", t, "Defaults"), Cent);
        }

        Assert.Equal(10_000_000, Lease.Value.Ledger("rent Rent", 0, "Defaults"), Cent);
        Assert.Equal(0.0, Lease.Value.Ledger("rent Rent", 1, "Defaults"));
        // What the guarantor pays is the deal's collection: period 1 collects 10m with no rent.
        Assert.Equal(10_000_000, Lease.Value.Ledger("collections", 1, "Defaults"), Cent);

        GuaranteeSummary g = Assert.Single(Lease.Value.Outcomes["Defaults"].Guarantees);
        Assert.Equal(25_000_000, g.Paid, Cent);
        Assert.Equal(new DealLang.Runtime.Date(2026, 7, 1), g.FirstPayment);  // period 1 ends 2026-07-01
        Assert.Equal(new DealLang.Runtime.Date(2027, 1, 1), g.LastPayment);   // period 3 ends 2027-01-01
        Assert.Equal(1.0, g.CapUsed, 12);
    }

    // Parent defaults on 2026-09-15, inside period 2 (2026-07-01 to 2026-10-01): in default at that period's end, so
    // it pays period 1's 10m and nothing from period 2 on.
    [Fact]
    public void AGuarantorThatDefaultsStopsPaying()
    {
        Assert.Equal(10_000_000, Lease.Value.Ledger("guarantor Rent", 1, "ParentDefaults"), Cent);
        for (int t = 2; t < 8; t++)
        {
            Assert.Equal(0.0, Lease.Value.Ledger("guarantor Rent", t, "ParentDefaults"));
        }

        Assert.Equal(10_000_000, Assert.Single(Lease.Value.Outcomes["ParentDefaults"].Guarantees).Paid, Cent);
    }

    // Honoured 50%: 5m of each 10m asked, periods 1 to 5 (5 x 5m = 25m, the cap), nothing in periods 6 and 7.
    [Fact]
    public void APartlyHonouredGuaranteePaysItsShareUntilTheCap()
    {
        double[] expected = [0, 5_000_000, 5_000_000, 5_000_000, 5_000_000, 5_000_000, 0, 0];
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(expected[t], Lease.Value.Ledger("guarantor Rent", t, "HalfHonoured"), Cent);
        }

        GuaranteeSummary g = Assert.Single(Lease.Value.Outcomes["HalfHonoured"].Guarantees);
        Assert.Equal(new DealLang.Runtime.Date(2027, 7, 1), g.LastPayment);   // period 5 ends 2027-07-01
    }

    // Disowned from 2026-08-01: the period whose end first reaches that date is period 2 (ends 2026-10-01); period 1
    // still pays 10m, nothing after.
    [Fact]
    public void ADisownedGuaranteePaysNothingFromItsDate()
    {
        Assert.Equal(10_000_000, Lease.Value.Ledger("guarantor Rent", 1, "Disowned"), Cent);
        Assert.Equal(0.0, Lease.Value.Ledger("guarantor Rent", 2, "Disowned"));
        Assert.Equal(10_000_000, Assert.Single(Lease.Value.Outcomes["Disowned"].Guarantees).Paid, Cent);
    }

    // Quarterly from 2026-01-01, 30/360 (yf 0.25). Notes: 100m at 8%, linear over 8 quarters: 12.5m of principal a
    // quarter, interest 2m on the first quarter's 100m. Admin, a senior fee: 8m a year, 2m a quarter. The guarantee
    // fee: 40bp a year on the opening balance, 100m x 0.4% x 0.25 = 100,000 in the first quarter, 87.5m x 0.4% x 0.25
    // = 87,500 in the second. In Base the lease's 80m a year (20m a quarter) pays everything. In NoRent the lessee
    // defaulted at the closing: nothing is collected, Admin and the fee go unpaid, and the State pays the holders each
    // quarter's new interest arrear, 2m on the balance nothing repays (period t: arrears 2m x (t+1), of which 2m x t
    // already put to it), and in the last period (7) the 100m never repaid: 2m x 8 + 100m = 116m, within the 150m cap.
    internal const string TrancheSource = """
        deal Agency {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { rating "B" pd 5% recovery 30% }
          party State  { rating "AA+" }
          party Owner  { }

          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 80m per year  starts 2026-01-01  term 2y }

          tranche Notes {
            balance   100m
            coupon    8% fixed
            amortize  linear
            seniority 1
            guarantor State cap 150m fee 40bp covers interest and principal
          }
          equity Eq  { contributed 100m  holders Owner 100% }
          fee Admin  { 8m per year }

          waterfall {
            pay Admin
            pay Notes.guarantee_fee
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Base for Agency { }
        scenario NoRent for Agency { Tenant defaults on 2026-01-01 }
        """;

    private static readonly Lazy<SmallDeal> Tranche = new(() => new SmallDeal(TrancheSource));

    [Fact]
    public void TheGuaranteeFeeIsPaidInTheWaterfall()
    {
        Assert.Equal(100_000, Tranche.Value.Ledger("2 pay Notes.guarantee_fee paid", 0, "Base"), Cent);
        Assert.Equal(87_500, Tranche.Value.Ledger("2 pay Notes.guarantee_fee paid", 1, "Base"), Cent);
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(0.0, Tranche.Value.Ledger("Notes paid by State", t, "Base"));
        }

        TrancheSummary notes = Tranche.Value.Outcomes["Base"].Tranches[0];
        Assert.True(notes.Guaranteed);
        Assert.Equal((0.0, 0.0), (notes.PaidByGuarantor, notes.HoldersLoss));
        Assert.Equal(notes.Irr, notes.HoldersIrr, 12);
    }

    [Fact]
    public void TheGuarantorsNetCostNetsTheGuaranteeFeeItReceived()
    {
        // Base: the lease pays everything, the State pays nothing and receives the fee on each quarter's opening balance,
        // 100m, 87.5m, …, 12.5m (linear, 12.5m a quarter): Σ = 12.5m × (8 + 7 + … + 1) = 12.5m × 36 = 450m, × 0.4% ×
        // 0.25 = 450,000. Net cost = paid 0 − recovered 0 − fee 450,000 = −450,000: a guarantee never called is a gain
        // of its fees. Before 2026-12-07 the net cost was paid − recovered only: 0.
        GuaranteeSummary base_ = Assert.Single(Tranche.Value.Outcomes["Base"].Guarantees);
        Assert.Equal((0.0, 0.0), (base_.Paid, base_.Recovered));
        Assert.Equal(450_000, base_.FeeReceived, Cent);
        Assert.Equal(-450_000, base_.NetCost, Cent);
        // The holders' side is not the guarantor's: paid by guarantor (net) stays paid − recovered (the issuer paid the
        // fee, not the holders).
        Assert.Equal(0.0, Tranche.Value.Outcomes["Base"].Tranches[0].PaidByGuarantor);
        // NoRent: nothing is collected, so no fee is ever paid (it stays owed: the summary's guarantee fee unpaid at
        // end), and a fee owed is not income: net cost = the 116m paid.
        GuaranteeSummary noRent = Assert.Single(Tranche.Value.Outcomes["NoRent"].Guarantees);
        Assert.Equal(0.0, noRent.FeeReceived);
        Assert.Equal(116_000_000, noRent.NetCost, Cent);
        Assert.True(Tranche.Value.Outcomes["NoRent"].Tranches[0].GuaranteeFeeUnpaid > 0);
    }

    [Fact]
    public void ATrancheGuaranteeIsPaidToTheHoldersWhileTheSeniorFeeGoesUnpaid()
    {
        for (int t = 0; t < 7; t++)
        {
            Assert.Equal(0.0, Tranche.Value.Ledger("1 pay Admin paid", t, "NoRent"));
            Assert.Equal(0.0, Tranche.Value.Ledger("2 pay Notes.guarantee_fee paid", t, "NoRent"));
            Assert.Equal(2_000_000, Tranche.Value.Ledger("Notes paid by State", t, "NoRent"), Cent);
            // Nothing of it is the deal's: no collections, so the unpaid Admin fee stays unpaid.
            Assert.Equal(0.0, Tranche.Value.Ledger("collections", t, "NoRent"));
        }

        // Period 7: the last new arrear 2m plus the balance never repaid, 100m.
        Assert.Equal(102_000_000, Tranche.Value.Ledger("Notes paid by State", 7, "NoRent"), Cent);

        // The issuer's figures without the guarantee, the holders' with it: 100m + 16m never paid by the issuer, all of
        // it paid by the State, so the holders lose nothing and earn the coupon.
        TrancheSummary notes = Tranche.Value.Outcomes["NoRent"].Tranches[0];
        Assert.Equal(100_000_000, notes.PrincipalLoss, Cent);
        Assert.Equal(16_000_000, notes.UnpaidInterest, Cent);
        Assert.Equal(116_000_000, notes.PaidByGuarantor, Cent);
        Assert.Equal(0.0, notes.HoldersLoss, 2);
        Assert.True(double.IsNaN(notes.Irr) || notes.Irr < -0.99);
        // The holders' flows with the guarantee are a bullet bond's: -100m, then 2m a quarter and 102m at the end. Its
        // IRR on actual days over 365: the 8 quarters are 730 days, 91.25 on average, so about 1.02^(365 / 91.25) - 1 =
        // 1.02^4 - 1 = 8.2432%; the uneven quarters (90 to 92 days) move it by under 0.005%.
        Assert.Equal(0.082432, notes.HoldersIrr, 0.00005);

        GuaranteeSummary g = Assert.Single(Tranche.Value.Outcomes["NoRent"].Guarantees);
        Assert.Equal((116_000_000, 0.0), (Math.Round(g.Paid, 2), g.Recovered));
        Assert.Equal(116.0 / 150.0, g.CapUsed, 12);
        Assert.Equal(new DealLang.Runtime.Date(2026, 4, 1), g.FirstPayment);
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), g.LastPayment);
    }

    // Quarterly from 2026-01-01, 30/360. Notes: 100m at 8%, linear over 8 quarters (12.5m a quarter). The lease starts
    // a quarter late (2026-04-01), so period 0 collects nothing: the 2m of interest goes unpaid and the State pays the
    // holders 2m (claimed 2m, covered 2m). Period 1 collects 40m and the issuer pays the interest due, 2m + the 2m
    // arrear, and 25m of principal: the arrear the State was asked for is paid down from 2m to 0, so the holders pass
    // the State its share back: covered x (claimed - arrear) / claimed = 2m x (2m - 0) / 2m = 2m. Net cost: 0.
    // Honoured 50%: the State pays 1m in period 0 (covered 1m of the 2m claimed) and gets back 1m x 2m / 2m = 1m.
    private const string SubrogationSource = """
        deal Catchup {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { }
          party State  { }
          party Owner  { }

          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 160m per year  starts 2026-04-01  term 2y }

          tranche Notes { balance 100m  coupon 8% fixed  amortize linear  guarantor State cap 150m }
          equity Eq { contributed 100m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Full for Catchup { }
        scenario Half for Catchup { State guarantees honoured 50% }
        """;

    private static readonly Lazy<SmallDeal> Subrogation = new(() => new SmallDeal(SubrogationSource));

    [Fact]
    public void TheHoldersPassBackWhatTheIssuerLaterPaysOfArrearsTheGuarantorPaid()
    {
        Assert.Equal(2_000_000, Subrogation.Value.Ledger("Notes paid by State", 0, "Full"), Cent);
        Assert.Equal(0.0, Subrogation.Value.Ledger("Notes repaid to State", 0, "Full"));
        Assert.Equal(4_000_000, Subrogation.Value.Ledger("1 pay Notes.interest paid", 1, "Full"), Cent);
        Assert.Equal(2_000_000, Subrogation.Value.Ledger("Notes repaid to State", 1, "Full"), Cent);
        Assert.Equal(0.0, Subrogation.Value.Ledger("Notes paid by State", 1, "Full"));

        GuaranteeSummary full = Assert.Single(Subrogation.Value.Outcomes["Full"].Guarantees);
        Assert.Equal((2_000_000, 2_000_000, 0.0), (Math.Round(full.Paid, 2), Math.Round(full.Recovered, 2), Math.Round(full.NetCost, 2)));
        TrancheSummary notes = Subrogation.Value.Outcomes["Full"].Tranches[0];
        Assert.Equal((0.0, 0.0), (Math.Round(notes.PaidByGuarantor, 2), Math.Round(notes.HoldersLoss, 2)));

        Assert.Equal(1_000_000, Subrogation.Value.Ledger("Notes paid by State", 0, "Half"), Cent);
        Assert.Equal(1_000_000, Subrogation.Value.Ledger("Notes repaid to State", 1, "Half"), Cent);
    }

    // Subrogation after the guarantor pays the principal (docs/language.md §5, "Guarantors", "Behind a tranche"). Annual
    // from 2025-01-01, 30/360 (yf 1), as EnforcementWorkoutTests: a 100m bullet at 5%, rent of 5m a year paying the
    // interest exactly until the maturity (2030-01-01, period 4), a 2m reserve released there. Period 4: interest 5m
    // paid, principal 2m paid, 98m short: an event of default at the maturity, so the run goes on into the workout; the
    // warehouse sells 18 months later, at the end of period 6 (2031-01-01 to 2032-01-01), for 80m x 90% = 72m.
    // The State covers interest and principal, cap 150m.
    //
    // The issuer's side is the same with or without the State (interest on the whole balance B, docs/language.md §5,
    // "Guarantors"): period 5 (the first workout year) collects nothing and leaves 98m x 5% = 4.9m unpaid; period 6
    // owes 4.9m + 4.9m = 9.8m, which the sale's 72m pays, then 62.2m of principal: loss 98m - 62.2m = 35.8m, no unpaid
    // interest (the figures without a guarantor, and before e08f1e7).
    //
    // Full: period 4 is the maturity: the State pays the holders the 98m the issuer left unpaid and steps into their
    // claim for it (subrogated principal S = 98m, the holders' balance 98m - 98m = 0). Period 5: the 4.9m of interest is
    // all the State's (S / B = 98 / 98), the holders' part is 0, so nothing is asked of it; its interest arrears 4.9m.
    // Period 6: its interest due 4.9m + 4.9m = 9.8m of the 9.8m due, so the sale's interest all goes to it, and the
    // 62.2m of principal, 62.2m x 98m / (35.8m + 62.2m) = 62.2m: repaid to the State 72m. The State: paid 98m, got back
    // 72m, net 26m = the issuer's shortfall 35.8m less the 9.8m of interest that accrued on its claim; it is still owed
    // S = 35.8m, the whole loss, so the holders lose nothing. (e08f1e7 accrued no interest on S: the issuer owed 26m,
    // paid 72m of principal and the State got the same 72m back.) The holders: -100m on 2025-01-01, 5m on each
    // 1 January 2026-2029 and 5m + 2m + 98m = 105m on 2030-01-01 (nothing net after), the coupon bond's flows; on
    // ACT/365F days (365, 730, 1,095, 1,461, 1,826) their IRR solves -100 + sum 5 / (1 + r)^(d/365) + 100 / (1 +
    // r)^(1826/365) = 0: r = 4.99733% (under 5% by the leap day).
    //
    // Half (honoured 50%): period 4: the State pays 49m (S = 49m, the holders keep 49m). Period 5: interest due 4.9m,
    // the State's part 4.9m x 49 / 98 = 2.45m, the holders' 2.45m, all unpaid: the State pays half the holders' part,
    // 1.225m; its interest arrears 2.45m + 1.225m = 3.675m, the holders' 1.225m. Period 6: due 4.9m + 9.8m - 4.9m =
    // 9.8m in all, the State's part 2.45m + 3.675m = 6.125m, the holders' 3.675m; the sale pays it all, then 62.2m of
    // principal, 62.2m x 49m / 98m = 31.1m to the State (S = 17.9m) and 31.1m to the holders (their balance 17.9m).
    // The principal is asked once, at the maturity: nothing more at the sale. State: paid 49m + 1.225m = 50.225m, got
    // back 6.125m + 31.1m = 37.225m, net 13.0m; the holders lose their 17.9m; the issuer's 35.8m = holders' 17.9m +
    // the State's S 17.9m, and 13.0m = 35.8m - 17.9m - (2.45m + 2.45m) of interest accrued on S.
    internal const string WorkoutSource = """
        deal Workout {
          currency USD  closing 2025-01-01  maturity 2030-01-01  pay annual  daycount 30/360
          party Tenant { }
          party State  { }
          facility Warehouse { cost 80m  value schedule { 2025-01-01 80m } }
          lease WarehouseLease on Warehouse { lessee Tenant  rent 5m per year  starts 2025-01-01  term 5y }
          tranche Loan { balance 100m  coupon 5%  amortize bullet  guarantor State cap 150m }
          equity Sponsor { contributed 10m }
          account Reserve { initial 2m }
          default when Loan.principal_shortfall > 0
          waterfall {
            pay Loan.interest
            pay Loan.principal using Reserve
            distribute rest to Sponsor
          }
          enforcement {
            sell Warehouse haircut 10% lag 18m
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor }
          }
        }

        scenario Full for Workout { }
        scenario Half for Workout { State guarantees honoured 50% }
        """;

    private static readonly Lazy<SmallDeal> Workout = new(() => new SmallDeal(WorkoutSource));

    [Fact]
    public void AGuarantorThatPaidThePrincipalStepsIntoTheHoldersClaimAndEarnsTheCouponOnIt()
    {
        Assert.Equal(7, Workout.Value.Outcomes["Full"].PeriodsRun);
        Assert.Equal(98_000_000, Workout.Value.Ledger("Loan paid by State", 4, "Full"), Cent);
        // The issuer owes interest on the whole balance, the State's part included; the holders are owed none of it, so
        // the State is asked for nothing.
        Assert.Equal(4_900_000, Workout.Value.Ledger("Loan interest due", 5, "Full"), Cent);
        Assert.Equal(0.0, Workout.Value.Ledger("Loan paid by State", 5, "Full"), Cent);
        Assert.Equal(0.0, Workout.Value.Ledger("Loan paid by State", 6, "Full"), Cent);
        Assert.Equal(9_800_000 + 62_200_000, Workout.Value.Ledger("Loan repaid to State", 6, "Full"), Cent);

        TrancheSummary loan = Workout.Value.Outcomes["Full"].Tranches[0];
        Assert.Equal((35_800_000, 0.0), (Math.Round(loan.PrincipalLoss, 2), Math.Round(loan.UnpaidInterest, 2)));
        // The guarantor's net cost is the issuer's shortfall less the interest that accrued on its claim; the holders
        // lose nothing and earn the coupon's IRR.
        Assert.Equal(26_000_000, loan.PaidByGuarantor, Cent);
        Assert.Equal(0.0, loan.HoldersLoss, 2);
        Assert.Equal(0.0499733, loan.HoldersIrr, 0.0000005);

        GuaranteeSummary g = Assert.Single(Workout.Value.Outcomes["Full"].Guarantees);
        Assert.Equal((98_000_000, 72_000_000, 26_000_000), (Math.Round(g.Paid, 2), Math.Round(g.Recovered, 2), Math.Round(g.NetCost, 2)));

        // Run as a Monte Carlo path is (summary-only: the performing loop hands over to RunDefaulted at the event of
        // default), the same 98m paid, 72m back, and the holders' figures.
        ScenarioOutcome summaryOnly = new SmallDeal(WorkoutSource, fullLedger: false).Outcomes["Full"];
        GuaranteeSummary fast = Assert.Single(summaryOnly.Guarantees);
        Assert.Equal((98_000_000, 72_000_000), (Math.Round(fast.Paid, 2), Math.Round(fast.Recovered, 2)));
        Assert.Equal((0.0, 0.0499733), (Math.Round(summaryOnly.Tranches[0].HoldersLoss, 2), Math.Round(summaryOnly.Tranches[0].HoldersIrr, 7)));
    }

    [Fact]
    public void APartlyHonouredGuarantorSharesTheIssuersLaterPaymentsProRataAndIsAskedForThePrincipalOnce()
    {
        Assert.Equal(49_000_000, Workout.Value.Ledger("Loan paid by State", 4, "Half"), Cent);
        Assert.Equal(4_900_000, Workout.Value.Ledger("Loan interest due", 5, "Half"), Cent);
        Assert.Equal(1_225_000, Workout.Value.Ledger("Loan paid by State", 5, "Half"), Cent);
        Assert.Equal(0.0, Workout.Value.Ledger("Loan paid by State", 6, "Half"), Cent);
        Assert.Equal(6_125_000 + 31_100_000, Workout.Value.Ledger("Loan repaid to State", 6, "Half"), Cent);

        TrancheSummary loan = Workout.Value.Outcomes["Half"].Tranches[0];
        Assert.Equal((35_800_000, 0.0), (Math.Round(loan.PrincipalLoss, 2), Math.Round(loan.UnpaidInterest, 2)));
        Assert.Equal(13_000_000, loan.PaidByGuarantor, Cent);
        Assert.Equal(17_900_000, loan.HoldersLoss, Cent);
        GuaranteeSummary g = Assert.Single(Workout.Value.Outcomes["Half"].Guarantees);
        Assert.Equal((50_225_000, 37_225_000), (Math.Round(g.Paid, 2), Math.Round(g.Recovered, 2)));
    }

    [Fact]
    public void TheIssuersLedgerIsTheOneWithoutTheGuarantorWhateverTheGuarantorPays()
    {
        // The issuer's obligations never change because a guarantor paid: every interest, principal, shortfall and
        // balance row of the Workout deal is the one of the same deal without its guarantor, in both scenarios (the
        // guarantee fee aside: this deal charges none).
        var without = new SmallDeal(WorkoutSource.Replace("  guarantor State cap 150m", "", StringComparison.Ordinal)
            .Replace("State guarantees honoured 50%", "", StringComparison.Ordinal));
        foreach (string scenario in new[] { "Full", "Half" })
        {
            foreach (string column in new[] { "Loan interest due", "Loan principal due", "1 pay Loan.interest paid", "2 pay Loan.principal paid", "4 pay Loan.interest paid", "5 pay Loan.balance paid", "3 distribute rest to Sponsor distributed", "6 distribute rest to Sponsor distributed", "Loan balance" })
            {
                for (int t = 0; t < 7; t++)
                {
                    Assert.Equal(without.Ledger(column, t, scenario), Workout.Value.Ledger(column, t, scenario), Cent);
                }
            }

            Assert.Equal(without.Outcomes[scenario].Tranches[0].PrincipalLoss, Workout.Value.Outcomes[scenario].Tranches[0].PrincipalLoss, Cent);
        }
    }

    // A compute contract's backstop: 400 GPUs at 2.00 per GPU-hour, 8,760 hours a year, 100% take-or-pay, from
    // 2026-01-01 for 2 years; Lab defaults on 2026-05-16, inside the quarter 2026-04-01 to 2026-07-01 (91 days): it pays
    // 45 days, 400 x 2.00 x 8760 x 45/365 = 864,000 (as ContractTests), and Parent the other 46, 400 x 2.00 x 8760 x
    // 46/365 = 883,200. The next quarter (92 days) asks 400 x 2.00 x 8760 x 92/365 = 1,766,400, but the 2m cap leaves
    // only 2,000,000 - 883,200 = 1,116,800; nothing after.
    private const string ContractSource = """
        deal Compute {
          currency USD
          closing  2026-01-01
          maturity 2028-01-01
          pay      quarterly
          daycount 30/360

          party Lab    { rating "B" }
          party Parent { rating "A" }
          party Owner  { }

          fleet Cluster { units 400 gpus  unit_cost 20k per gpu  depreciate straight_line 5y }
          contract Job on Cluster {
            customer Lab  units 400 gpus  price 2.00 per gpu_hour  hours 8760 hours per year
            take_or_pay 100%  starts 2026-01-01  term 2y
            guarantor Parent cap 2m
          }

          tranche Loan { balance 1m  coupon 6% }
          equity  Eq   { contributed 7m  holders Owner 100% }

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario LabDefaults for Compute { Lab defaults on 2026-05-16 }
        """;

    // Annual, 30/360: a 100m bullet at 5% (5m a year) with nothing collected, guaranteed up to 60m; an event of default
    // at the maturity (2027-01-01) and the warehouse sold a year later for 80m x 90% = 72m. Period 0: 5m of interest
    // unpaid, the State pays it (A = 5m). Period 1, the maturity: the holders' new 5m of interest and their 100m of
    // principal are asked together, and the 55m the cap leaves pays the interest first: 5m (A = 10m), then 50m of
    // principal (S = 50m). Period 2, the workout: interest due 5m + 10m of arrears = 15m, the State's part
    // 5m x 50/100 + 10m = 12.5m; the sale's 72m pays the 15m and 57m of principal, 57m x 50m / (43m + 57m) = 28.5m of it
    // the State's (S = 21.5m). Recovered 12.5m + 28.5m = 41m, net cost 60m - 41m = 19m = 43m - 21.5m - 2.5m (the
    // identity: the issuer's loss less the holders' max(0, 43m - 21.5m) less the interest on S, 5m x 50/100). Shared pro
    // rata to the asks instead (55m x 5/105 = 2.619m of interest, 52.381m of principal) it would get back 40.095m and
    // the holders would lose 20.476m.
    private const string CapSplitSource = """
        deal CapSplit {
          currency USD  closing 2025-01-01  maturity 2027-01-01  pay annual  daycount 30/360
          party State { }
          facility Warehouse { cost 80m  value schedule { 2025-01-01 80m } }
          tranche Loan { balance 100m  coupon 5%  amortize bullet  guarantor State cap 60m }
          equity Sponsor { contributed 10m }
          default when Loan.principal_shortfall > 0
          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Sponsor
          }
          enforcement {
            sell Warehouse haircut 10% lag 12m
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor }
          }
        }

        scenario Full for CapSplit { }
        """;

    [Fact]
    public void ACapThatRunsOutOnInterestAndPrincipalTogetherPaysTheInterestFirst()
    {
        var deal = new SmallDeal(CapSplitSource);
        Assert.Equal(5_000_000, deal.Ledger("Loan paid by State", 0, "Full"), Cent);
        Assert.Equal(55_000_000, deal.Ledger("Loan paid by State", 1, "Full"), Cent);
        Assert.Equal(0.0, deal.Ledger("Loan paid by State", 2, "Full"), Cent);
        Assert.Equal(12_500_000 + 28_500_000, deal.Ledger("Loan repaid to State", 2, "Full"), Cent);

        TrancheSummary loan = deal.Outcomes["Full"].Tranches[0];
        Assert.Equal((43_000_000, 0.0), (Math.Round(loan.PrincipalLoss, 2), Math.Round(loan.UnpaidInterest, 2)));
        Assert.Equal(19_000_000, loan.PaidByGuarantor, Cent);
        Assert.Equal(21_500_000, loan.HoldersLoss, Cent);
        GuaranteeSummary g = Assert.Single(deal.Outcomes["Full"].Guarantees);
        Assert.Equal((60_000_000, 41_000_000, 19_000_000), (Math.Round(g.Paid, 2), Math.Round(g.Recovered, 2), Math.Round(g.NetCost, 2)));
        Assert.Equal(1.0, g.CapUsed);
    }

    // Annual, 30/360, the deal from 2025-01-01 to 2028-01-01, a 100m bullet at 5% maturing a year in (2026-01-01),
    // 30m of rent a year and no default rule. Period 0, the tranche's own maturity: interest 5m, the whole 100m due,
    // 25m paid: the holders still hold 75m, which the State pays them there (an ultimate principal guarantee pays by
    // the bond's maturity, not the deal's; docs/language.md §5 "Guarantors"): S = 75m = B. Period 1: interest
    // 75m x 5% = 3.75m, all the State's (S / B = 1), paid, and 26.25m of principal, all of it passed back to the State
    // (26.25m x 75m / (48.75m + 26.25m) = 26.25m): recovered 30m, S = 48.75m. Period 2, the deal's maturity: interest
    // 48.75m x 5% = 2.4375m, 27.5625m of principal: recovered 30m again, S = 21.1875m = B, the holders' balance
    // max(0, B - S) = 0, so nothing more is asked. The State pays 75m and recovers 60m: net cost 15m = the issuer's
    // principal loss 21.1875m - the holders' loss 0 - the interest on its advance 3.75m + 2.4375m. The holders get
    // 5m + 25m + 75m = 105m a year after paying 100m: 5%.
    private const string EarlyMaturitySource = """
        deal Early {
          currency USD  closing 2025-01-01  maturity 2028-01-01  pay annual  daycount 30/360
          party Tenant { }
          party State  { }
          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 30m per year  starts 2025-01-01  term 3y }
          tranche Notes { balance 100m  coupon 5% fixed  amortize bullet  maturity 2026-01-01  guarantor State cap 150m }
          equity Sponsor { contributed 100m }
          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Sponsor
          }
        }

        scenario Full for Early { }
        """;

    [Fact]
    public void BehindATrancheMaturingBeforeTheDealThePrincipalIsAskedAtTheTranchesOwnMaturity()
    {
        var deal = new SmallDeal(EarlyMaturitySource);
        Assert.Equal(75_000_000, deal.Ledger("Notes balance", 0, "Full"), Cent);
        Assert.Equal(75_000_000, deal.Ledger("Notes paid by State", 0, "Full"), Cent);
        Assert.Equal(3_750_000, deal.Ledger("Notes interest due", 1, "Full"), Cent);
        Assert.Equal(30_000_000, deal.Ledger("Notes repaid to State", 1, "Full"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes paid by State", 1, "Full"));
        Assert.Equal(30_000_000, deal.Ledger("Notes repaid to State", 2, "Full"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes paid by State", 2, "Full"));

        TrancheSummary notes = deal.Outcomes["Full"].Tranches[0];
        Assert.Equal(21_187_500, notes.PrincipalLoss, Cent);
        Assert.Equal(15_000_000, notes.PaidByGuarantor, Cent); // net: 75m paid less 60m recovered
        Assert.Equal(0.0, notes.HoldersLoss, 2);
        Assert.Equal(0.05, notes.HoldersIrr, 1e-12);
        GuaranteeSummary g = Assert.Single(deal.Outcomes["Full"].Guarantees);
        Assert.Equal(new DealLang.Runtime.Date(2026, 1, 1), g.FirstPayment);
        Assert.Equal((75_000_000, 60_000_000, 15_000_000), (Math.Round(g.Paid, 2), Math.Round(g.Recovered, 2), Math.Round(g.NetCost, 2)));
    }

    // The same deal with the State honouring 50%, pari passu (the default) and `subrogated after holders`. Period 0
    // (the tranche's maturity): 75m unpaid, the State pays 37.5m: S = 37.5m of B = 75m.
    // Pari passu: period 1, interest 3.75m paid in full (the State's share 3.75m x 37.5/75 = 1.875m), principal 26.25m
    // shared 26.25m x 37.5/75 = 13.125m: recovered 15m, S = 24.375m of B = 48.75m. Period 2: interest 2.4375m, its
    // share 2.4375m x 24.375/48.75 = 1.21875m; principal 27.5625m, its share 13.78125m: recovered 15m, S = 10.59375m
    // of B = 21.1875m; the principal was asked for once, at the maturity, so nothing more is paid. Paid 37.5m,
    // recovered 30m; the holders lose 21.1875m - 10.59375m = 10.59375m.
    // After holders: the State's pari passu share goes on to the holders while they are owed anything, and it takes
    // their place for it. Period 1: the share is 1.875m + 13.125m = 15m; the holders are owed 48.75m - 24.375m =
    // 24.375m, so all 15m goes on to them (their balance falls to 9.375m = 37.5m - 26.25m - 1.875m: every cent the
    // issuer paid) and S = 24.375m + 15m = 39.375m; the State recovers nothing. Period 2: interest 2.4375m, the State's
    // due 2.4375m x 39.375/48.75 = 1.96875m; the issuer pays 2.4375m + 27.5625m = 30m, the holders are owed 0.46875m
    // of interest and 9.375m of principal, so the State recovers 30m - 9.84375m = 20.15625m; S = B = 21.1875m, the
    // holders hold nothing and nothing is asked. Paid 37.5m, recovered 20.15625m: net cost 17.34375m; the holders lose
    // nothing, the State is owed 21.1875m. Cash is conserved either way (SmallDeal checks every period).
    [Fact]
    public void SubrogatedAfterHoldersTheGuarantorRecoversOnlyOnceTheHoldersArePaidInFull()
    {
        string half = EarlyMaturitySource.Replace("scenario Full for Early { }", "scenario Half for Early { State guarantees honoured 50% }", StringComparison.Ordinal);
        var pari = new SmallDeal(half);
        Assert.Equal(15_000_000, pari.Ledger("Notes repaid to State", 1, "Half"), Cent);
        Assert.Equal(15_000_000, pari.Ledger("Notes repaid to State", 2, "Half"), Cent);
        Assert.Equal(0.0, pari.Ledger("Notes paid by State", 2, "Half"), Cent);
        GuaranteeSummary p = Assert.Single(pari.Outcomes["Half"].Guarantees);
        Assert.Equal((37_500_000, 30_000_000), (Math.Round(p.Paid, 2), Math.Round(p.Recovered, 2)));
        Assert.Equal(10_593_750, pari.Outcomes["Half"].Tranches[0].HoldersLoss, Cent);

        var after = new SmallDeal(half.Replace("guarantor State cap 150m", "guarantor State cap 150m subrogated after holders", StringComparison.Ordinal));
        Assert.Equal(37_500_000, after.Ledger("Notes paid by State", 0, "Half"), Cent);
        Assert.Equal(0.0, after.Ledger("Notes repaid to State", 1, "Half"), Cent);
        Assert.Equal(20_156_250, after.Ledger("Notes repaid to State", 2, "Half"), Cent);
        Assert.Equal(0.0, after.Ledger("Notes paid by State", 2, "Half"), Cent);
        GuaranteeSummary a = Assert.Single(after.Outcomes["Half"].Guarantees);
        Assert.Equal((37_500_000, 20_156_250), (Math.Round(a.Paid, 2), Math.Round(a.Recovered, 2)));
        TrancheSummary notes = after.Outcomes["Half"].Tranches[0];
        Assert.Equal(21_187_500, notes.PrincipalLoss, Cent);
        Assert.Equal(0.0, notes.HoldersLoss, 2);
    }

    [Fact]
    public void AContractsBackstopPaysTheTermsRevenueTheDefaultTookAwayUpToItsCap()
    {
        var deal = new SmallDeal(ContractSource);
        Assert.Equal(864_000, deal.Ledger("revenue Job", 1), Cent);
        Assert.Equal(883_200, deal.Ledger("guarantor Job", 1), Cent);
        Assert.Equal(1_116_800, deal.Ledger("guarantor Job", 2), Cent);
        Assert.Equal(0.0, deal.Ledger("guarantor Job", 3));
        Assert.Equal(0.0, deal.Ledger("guarantor Job", 0));
        GuaranteeSummary g = Assert.Single(deal.Single.Guarantees);
        Assert.Equal((2_000_000, 1.0), (Math.Round(g.Paid, 2), Math.Round(g.CapUsed, 12)));
    }

    // The backstop guarantees what the customer signed for, the take-or-pay floor, not the utilisation above it the
    // customer was never bound to pay. The same contract at take_or_pay 80%, used at 95%, the cap 3m. In the default's
    // quarter (91 days) Lab pays its 45 days at 95%: 400 x 2.00 x 8760 x 45/365 x 0.95 = 820,800; Parent the other 46
    // at 80%: 400 x 2.00 x 8760 x 46/365 x 0.8 = 706,560 (at 95% it would be 839,040). The next quarter (92 days):
    // 400 x 2.00 x 8760 x 92/365 x 0.8 = 1,413,120 (not 1,678,080); the one after asks as much again, but the cap
    // leaves 3,000,000 - 706,560 - 1,413,120 = 880,320.
    [Fact]
    public void AContractsBackstopPaysTheTakeOrPayFloorNotTheUtilisationAboveIt()
    {
        var deal = new SmallDeal(ContractSource
            .Replace("take_or_pay 100%", "take_or_pay 80%", StringComparison.Ordinal)
            .Replace("cap 2m", "cap 3m", StringComparison.Ordinal)
            .Replace("Lab defaults on 2026-05-16", "Lab defaults on 2026-05-16  Job utilisation 95%", StringComparison.Ordinal));
        Assert.Equal(820_800, deal.Ledger("revenue Job", 1), Cent);
        Assert.Equal(706_560, deal.Ledger("guarantor Job", 1), Cent);
        Assert.Equal(1_413_120, deal.Ledger("guarantor Job", 2), Cent);
        Assert.Equal(880_320, deal.Ledger("guarantor Job", 3), Cent);
    }

    // With `prepayment 2m applied over term` (2 years, 730 days: a credit c = 2m / 2 = 1m a year) the guarantor is asked
    // the take-or-pay part of the credited payments: (400 x 2.00 x 8760 x 0.8 - 1,000,000) x 46/365
    // = (5,606,400 - 1,000,000) x 46/365 = 580,532.60 in the default's quarter (at the 95% used, 713,012.60), and
    // 4,606,400 x 92/365 = 1,161,065.21 the next (not 1,426,025.21).
    [Fact]
    public void AnAppliedPrepaymentsBackstopPaysTheCreditedTakeOrPayFloor()
    {
        var deal = new SmallDeal(ContractSource
            .Replace("take_or_pay 100%", "take_or_pay 80%  prepayment 2m applied over term", StringComparison.Ordinal)
            .Replace("cap 2m", "cap 3m", StringComparison.Ordinal)
            .Replace("Lab defaults on 2026-05-16", "Lab defaults on 2026-05-16  Job utilisation 95%", StringComparison.Ordinal));
        Assert.Equal(580_532.6027, deal.Ledger("guarantor Job", 1), Cent);
        Assert.Equal(1_161_065.2055, deal.Ledger("guarantor Job", 2), Cent);
    }
}
