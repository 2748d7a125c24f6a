using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A guarantor behind a tranche whose interest is paid in kind (docs/language.md §5, "Guarantors", "Behind a tranche":
/// capitalised interest joins the guarantor's subrogated principal S by its share S / B; a <c>pik unpaid</c> tranche's
/// holders are asked nothing for interest, as their unpaid interest joins their balance). GuaranteeTests' Workout deal
/// with a 10% coupon, half of it paid in kind (or all of it due in cash and capitalised when unpaid), each figure worked
/// out by hand below. Cash is checked in every period (SmallDeal).
/// </summary>
public sealed class PikGuaranteeTests
{
    private const double Cent = 0.005;

    // Annual from 2025-01-01, 30/360 (yf 1). 100m bullet at 10%, maturity 2027-01-01 (period 1); rent 5m a year for
    // two years; an event of default at the maturity, the warehouse sold at the end of period 3 for 80m x 90% = 72m.
    //
    // pik 50%, Full (the State honours in full):
    // - period 0: interest 10m, 5m capitalised (B = 105m), 5m due in cash and paid by the rent;
    // - period 1: interest 10.5m, 5.25m capitalised (B = 110.25m), 5.25m due in cash, 5m paid: 0.25m unpaid, all the
    //   holders' (S = 0), so the State pays it (A = 0.25m); principal 110.25m unpaid: the State pays the holders' balance
    //   110.25m (S = 110.25m). Paid 110.5m in all. The holders got -100m, 5m, then 5m + 0.25m + 110.25m = 115.5m:
    //   5 / 1.1 + 115.5 / 1.21 = 100, an IRR of 10% (the days are 365 and 730: ACT/365F gives 1 and 2 years);
    // - period 2: interest 11.025m, 5.5125m capitalised, all of it joining S (S / B = 1): S = B = 115.7625m; the cash
    //   part 5.5125m unpaid, the State's (A = 0.25m + 5.5125m = 5.7625m); the holders are owed nothing, so nothing is asked;
    // - period 3: interest 11.57625m, 5.788125m capitalised: S = B = 121.550625m; interest due 5.788125m + 5.7625m =
    //   11.550625m, all the State's, paid by the sale, then principal 72m - 11.550625m = 60.449375m, all the State's:
    //   recovered 72m; principal loss 121.550625m - 60.449375m = 61.10125m.
    // Net cost 110.5m - 72m = 38.5m = principal loss 61.10125m - holders' loss 0 - the interest that accrued on S, in
    // cash and in kind: (5.5125m + 5.5125m) + (5.788125m + 5.788125m) = 22.60125m.
    //
    // pik 50%, Half (honoured 50%): period 1: the State pays 0.125m of interest and 55.125m of principal (S = 55.125m,
    // A = 0.125m, the holders' arrears 0.125m). Period 2: S / B = 0.5; 5.5125m capitalised, 2.75625m of it joining S (S =
    // 57.88125m); cash interest 5.5125m, the State's part 2.75625m + 0.125m = 2.88125m; nothing paid: the State pays half
    // the holders' new unpaid part, 2.75625m x 50% = 1.378125m (A = 4.259375m). Period 3: 2.8940625m joins S (S =
    // 60.7753125m, B = 121.550625m); the State's interest due 2.8940625m + 4.259375m = 7.1534375m of 11.550625m, all
    // paid; of the principal 60.449375m, 60.449375m x 60.7753125m / 121.550625m = 30.2246875m. Paid 55.125m + 0.125m +
    // 1.378125m = 56.628125m, recovered 7.1534375m + 30.2246875m = 37.378125m, net 19.25m; the holders lose their
    // balance 61.10125m - (60.7753125m - 30.2246875m) = 30.550625m.
    private const string PikSource = """
        deal PikWorkout {
          currency USD  closing 2025-01-01  maturity 2027-01-01  pay annual  daycount 30/360
          party Tenant { }
          party State  { }
          facility Warehouse { cost 80m  value schedule { 2025-01-01 80m } }
          lease WarehouseLease on Warehouse { lessee Tenant  rent 5m per year  starts 2025-01-01  term 2y }
          tranche Loan { balance 100m  coupon 10%  pik 50%  amortize bullet  guarantor State cap 500m }
          equity Sponsor { contributed 10m }
          default when Loan.principal_shortfall > 0
          waterfall {
            pay Loan.interest
            pay Loan.principal
            distribute rest to Sponsor
          }
          enforcement {
            sell Warehouse haircut 10% lag 18m
            waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Sponsor }
          }
        }

        scenario Full for PikWorkout { }
        scenario Half for PikWorkout { State guarantees honoured 50% }
        """;

    private static readonly Lazy<SmallDeal> Pik = new(() => new SmallDeal(PikSource));

    // pik unpaid, the same deal: all interest due in cash, what is unpaid at the period's end joins the balance.
    // Full: period 0: 10m due, 5m paid, 5m capitalised (B = 105m); the holders' unpaid interest has joined their balance,
    // so the State is asked nothing. Period 1: 10.5m due, 5m paid, 5.5m capitalised (B = 110.5m); principal 110.5m
    // unpaid: the State pays the holders' balance, 110.5m (S = 110.5m). The holders got -100m, 5m, 5m + 110.5m =
    // 115.5m: 10% again. Period 2: 11.05m due, all the State's (S / B = 1), unpaid and capitalised, its arrears joining
    // S: S = B = 121.55m. Period 3: 12.155m due and paid by the sale, then 59.845m of principal: recovered 72m,
    // principal loss 121.55m - 59.845m = 61.705m. Net cost 38.5m = 61.705m - 0 - (11.05m + 12.155m).
    // Half: the State pays 55.25m at the maturity (S = 55.25m of B = 110.5m); period 2's 11.05m capitalises half into S
    // (S = 60.775m of 121.55m); period 3: the State's interest 6.0775m and principal 59.845m x 60.775m / 121.55m =
    // 29.9225m: recovered 36m, net 19.25m; the holders lose 61.705m - (60.775m - 29.9225m) = 30.8525m.
    private static readonly Lazy<SmallDeal> Unpaid = new(() => new SmallDeal(
        PikSource.Replace("pik 50%", "pik unpaid", StringComparison.Ordinal)));

    [Fact]
    public void InterestPaidInKindJoinsTheGuarantorsPrincipalByItsShare()
    {
        SmallDeal deal = Pik.Value;
        Assert.Equal(5_000_000, deal.Ledger("Loan interest capitalised", 0, "Full"), Cent);
        Assert.Equal(0.0, deal.Ledger("Loan paid by State", 0, "Full"));
        Assert.Equal(110_500_000, deal.Ledger("Loan paid by State", 1, "Full"), Cent);
        Assert.Equal(5_512_500, deal.Ledger("Loan interest capitalised", 2, "Full"), Cent);
        Assert.Equal(0.0, deal.Ledger("Loan paid by State", 2, "Full"));
        Assert.Equal(72_000_000, deal.Ledger("Loan repaid to State", 3, "Full"), Cent);

        TrancheSummary loan = deal.Outcomes["Full"].Tranches[0];
        Assert.Equal(61_101_250, loan.PrincipalLoss, Cent);
        Assert.Equal(0.0, loan.HoldersLoss, 2);
        Assert.Equal(0.10, loan.HoldersIrr, 1e-9);
        GuaranteeSummary g = Assert.Single(deal.Outcomes["Full"].Guarantees);
        Assert.Equal((110_500_000, 72_000_000, 38_500_000), (Math.Round(g.Paid, 2), Math.Round(g.Recovered, 2), Math.Round(g.NetCost, 2)));
        // docs/language.md's identity: the issuer's shortfall less the holders' loss less the interest, in cash and in
        // kind, that accrued on the guarantor's principal.
        Assert.Equal(loan.PrincipalLoss + loan.UnpaidInterest - loan.HoldersLoss - (5_512_500 + 5_512_500 + 5_788_125 + 5_788_125), g.NetCost, Cent);

        TrancheSummary half = deal.Outcomes["Half"].Tranches[0];
        GuaranteeSummary h = Assert.Single(deal.Outcomes["Half"].Guarantees);
        Assert.Equal(55_125_000 + 125_000, deal.Ledger("Loan paid by State", 1, "Half"), Cent);
        Assert.Equal(1_378_125, deal.Ledger("Loan paid by State", 2, "Half"), Cent);
        Assert.Equal((56_628_125, 37_378_125, 19_250_000), (Math.Round(h.Paid, 2), Math.Round(h.Recovered, 2), Math.Round(h.NetCost, 2)));
        Assert.Equal(30_550_625, half.HoldersLoss, Cent);
        Assert.Equal(half.PrincipalLoss, loan.PrincipalLoss, Cent); // the issuer's figures are the ones without the guarantor

        // Run as a Monte Carlo path is (summary-only), the same figures.
        SmallDeal fast = new(PikSource, fullLedger: false);
        GuaranteeSummary f = Assert.Single(fast.Outcomes["Half"].Guarantees);
        Assert.Equal((56_628_125, 37_378_125), (Math.Round(f.Paid, 2), Math.Round(f.Recovered, 2)));
        Assert.Equal(30_550_625, fast.Outcomes["Half"].Tranches[0].HoldersLoss, Cent);
    }

    [Fact]
    public void APikUnpaidTranchesGuarantorIsAskedForNoInterestAndPaysTheCapitalisedBalance()
    {
        SmallDeal deal = Unpaid.Value;
        Assert.Equal(5_000_000, deal.Ledger("Loan interest capitalised", 0, "Full"), Cent);
        Assert.Equal(0.0, deal.Ledger("Loan paid by State", 0, "Full"));
        Assert.Equal(110_500_000, deal.Ledger("Loan paid by State", 1, "Full"), Cent);
        Assert.Equal(72_000_000, deal.Ledger("Loan repaid to State", 3, "Full"), Cent);

        TrancheSummary loan = deal.Outcomes["Full"].Tranches[0];
        Assert.Equal((61_705_000, 0.0), (Math.Round(loan.PrincipalLoss, 2), Math.Round(loan.UnpaidInterest, 2)));
        Assert.Equal(0.10, loan.HoldersIrr, 1e-9);
        GuaranteeSummary g = Assert.Single(deal.Outcomes["Full"].Guarantees);
        Assert.Equal((110_500_000, 72_000_000, 38_500_000), (Math.Round(g.Paid, 2), Math.Round(g.Recovered, 2), Math.Round(g.NetCost, 2)));
        Assert.Equal(loan.PrincipalLoss - loan.HoldersLoss - (11_050_000 + 12_155_000), g.NetCost, Cent);

        GuaranteeSummary h = Assert.Single(deal.Outcomes["Half"].Guarantees);
        Assert.Equal((55_250_000, 36_000_000, 19_250_000), (Math.Round(h.Paid, 2), Math.Round(h.Recovered, 2), Math.Round(h.NetCost, 2)));
        Assert.Equal(30_852_500, deal.Outcomes["Half"].Tranches[0].HoldersLoss, Cent);
    }
}
