using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A convertible's partial hard call, <c>Notes called on DATE [at P] part X</c>, and partial conversion, <c>Notes
/// converts X</c> (docs/language.md §5, "A partial hard call", "A partial conversion"): the issuer calls X of the balance
/// and the rest runs on; the holders convert X of the balance when the rule says they convert and the rest is repaid in
/// cash. Each figure computed by hand; every scenario runs with the cash check on (<see cref="SmallDeal"/>).
/// </summary>
public sealed class ConvertiblePartialTests
{
    // Quarterly, 2026-01-01 → 2027-01-01, 30/360: periods 0 (to 04-01, day 90), 1 (to 07-01, day 181), 2 (to 10-01, day
    // 273), 3 (to 2027-01-01, day 365). The lease pays 10m a quarter. The notes: 8m at 4% (80k a quarter on 8m, 40k on
    // 4m), bullet, convertible at K = 12.50 per share against WULF (10 as written: below K).
    private const string Source = """
        deal Partial {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          index WULF { level 10 per share }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2026-01-01  term 1y }

          tranche Notes { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF }
          equity  Eq { contributed 1m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Whole for Partial {
          Notes called on 2026-07-01 at 101%
        }

        scenario Half for Partial {
          Notes called on 2026-07-01 at 101% part 50%
        }

        scenario Discount for Partial {
          Notes called on 2026-07-01 at 95% part 50%
        }

        scenario HalfConverts for Partial {
          WULF points stepped { 2026-03-01 15 per share }
          Notes called on 2026-07-01 at 101% part 50%
        }

        scenario Twice for Partial {
          Notes called on 2026-04-01 part 50%
          Notes called on 2026-10-01
        }

        scenario Sixty for Partial {
          WULF points stepped { 2026-09-01 20 per share }
          Notes converts 60%
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void HalfCalledBelowTheConversionValue_PaysHalfWithItsPremium_AndTheRestAccruesAfter()
    {
        // Period 1 reads WULF 10, not above 1.01 × 12.50 = 12.625: the holder takes the cash for the called half. Due at
        // 2026-07-01: the quarter's 80k on the opening 8m + the premium 1% × 4m = 40k (120k), and 4m of principal. The
        // remaining 4m accrues 4m × 4% / 4 = 40k in periods 2 and 3 and is repaid at the maturity (WULF 10 ≤ 12.50).
        TrancheSummary notes = Deal.Outcomes["Half"].Tranches[0];
        Assert.Equal(40_000, Deal.Ledger("Notes redemption premium", 1, "Half"), 1e-6);
        Assert.Equal(120_000, Deal.Ledger("Notes interest due", 1, "Half"), 1e-6);
        Assert.Equal(4_000_000, Deal.Ledger("Notes principal due", 1, "Half"), 1e-6);
        Assert.Equal(4_000_000, Deal.Ledger("Notes balance", 1, "Half"), 1e-6);
        Assert.Equal(40_000, Deal.Ledger("Notes interest due", 2, "Half"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes principal due", 2, "Half"));
        Assert.Equal(4_000_000, Deal.Ledger("Notes principal due", 3, "Half"), 1e-6);
        Assert.Equal(80_000 + 120_000 + 40_000 + 40_000, notes.InterestPaid, 1e-6);
        Assert.Equal((8_000_000.0, 0.0, 0.0), (notes.PrincipalPaid, notes.PrincipalLoss, notes.SharesValue));
        Assert.Equal(new Date(2026, 7, 1), notes.CalledOn);
        // −8m, 80k (day 90), 4.12m (day 181), 40k (day 273), 4.04m (day 365): 4.7642% (bisection on these flows, as
        // ConvertibleHardCallTests' IRRs), between the whole call's 101% and the notes held to the maturity.
        Assert.Equal(0.0476417170, notes.Irr, 8);
    }

    [Fact]
    public void HalfCalledBelowPar_WritesTheCalledHalfDown_AndTheRestRunsOnAtPar()
    {
        // At 95% the called half, 4m, is repaid at 3.8m: the balance is written down by 5% × 4m = 200k (the ledger's
        // redemption premium −200k), 3.8m is due with the 80k coupon, and the other 4m runs on as at par. IRR: −8m, 80k
        // (90), 3.88m (181), 40k (273), 4.04m (365): 0.6692%.
        TrancheSummary notes = Deal.Outcomes["Discount"].Tranches[0];
        Assert.Equal(-200_000, Deal.Ledger("Notes redemption premium", 1, "Discount"), 1e-6);
        Assert.Equal(80_000, Deal.Ledger("Notes interest due", 1, "Discount"), 1e-6);
        Assert.Equal(3_800_000, Deal.Ledger("Notes principal due", 1, "Discount"), 1e-6);
        Assert.Equal(4_000_000, Deal.Ledger("Notes balance", 1, "Discount"), 1e-6);
        Assert.Equal((7_800_000.0, 0.0), (notes.PrincipalPaid, notes.PrincipalLoss));
        Assert.Equal(0.0066923115, notes.Irr, 8);
    }

    [Fact]
    public void AWholeCall_IsAsBefore_ThePartialFormChangingNothingWithoutPart()
    {
        // Without 'part' the whole 8m is due with the 80k premium: 8.08m + 80k of interest at 2026-07-01, nothing after.
        TrancheSummary notes = Deal.Outcomes["Whole"].Tranches[0];
        Assert.Equal(80_000, Deal.Ledger("Notes redemption premium", 1, "Whole"), 1e-6);
        Assert.Equal(8_000_000, Deal.Ledger("Notes principal due", 1, "Whole"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes interest due", 2, "Whole"));
        Assert.Equal(160_000 + 80_000, notes.InterestPaid, 1e-6);
    }

    [Fact]
    public void HalfCalledAboveTheConversionValue_ConvertsTheCalledHalf_AndTheRestConvertsAtTheMaturity()
    {
        // WULF is 15 from 2026-03-01: period 1 reads 15 > 12.625, so the called half converts into 4m × 15 / 12.50 =
        // 4.8m of shares, no premium; the rest (4m) runs on, and at the maturity (15 > 12.50) converts into 4.8m more.
        // 'converted on' is the first conversion's date. IRR: −8m, 80k (90), 80k + 4.8m (181), 40k (273), 40k + 4.8m
        // (365): 32.5972%.
        TrancheSummary notes = Deal.Outcomes["HalfConverts"].Tranches[0];
        Assert.Equal(4_800_000, Deal.Ledger("Notes converted into shares", 1, "HalfConverts"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes redemption premium", 1, "HalfConverts"));
        Assert.Equal(4_000_000, Deal.Ledger("Notes balance", 1, "HalfConverts"), 1e-6);
        Assert.Equal(4_800_000, Deal.Ledger("Notes converted into shares", 3, "HalfConverts"), 1e-6);
        Assert.Equal((9_600_000.0, 0.0), (notes.SharesValue, notes.PrincipalPaid));
        Assert.Equal(new Date(2026, 7, 1), notes.ConvertedOn);
        Assert.Equal(new Date(2026, 7, 1), notes.CalledOn);
        Assert.Equal(0.3259723974, notes.Irr, 8);
    }

    [Fact]
    public void TheRestMayBeCalledAgainInALaterPeriod_AndCalledOnIsTheFirstCall()
    {
        // Half called at par on 2026-04-01 (period 0): 4m + 80k paid then; 40k of interest on the 4m left in period 1;
        // the rest called on 2026-10-01 (period 2): 4m + 40k. IRR: −8m, 4.08m (90), 40k (181), 4.04m (273): 4.0835%.
        TrancheSummary notes = Deal.Outcomes["Twice"].Tranches[0];
        Assert.Equal(4_000_000, Deal.Ledger("Notes principal due", 0, "Twice"), 1e-6);
        Assert.Equal(40_000, Deal.Ledger("Notes interest due", 1, "Twice"), 1e-6);
        Assert.Equal(4_000_000, Deal.Ledger("Notes principal due", 2, "Twice"), 1e-6);
        Assert.Equal(0, Deal.Ledger("Notes balance", 2, "Twice"));
        Assert.Equal((8_000_000.0, 160_000.0), (notes.PrincipalPaid, notes.InterestPaid));
        Assert.Equal(new Date(2026, 4, 1), notes.CalledOn);
        Assert.Equal(0.0408353712, notes.Irr, 8);
    }

    [Fact]
    public void SixtyPercentConvertAtTheMaturity_TheRestIsRepaidInCash()
    {
        // WULF is 20 from 2026-09-01: the maturity period (from 2026-10-01) reads 20 > 12.50 and the holders convert 60%
        // of 8m, 4.8m, into 4.8m × 20 / 12.50 = 7.68m of shares; the other 3.2m is repaid in cash. Interest 4 × 80k.
        // IRR: −8m, 80k (90), 80k (181), 80k (273), 80k + 3.2m + 7.68m (365): 40.5694%.
        TrancheSummary notes = Deal.Outcomes["Sixty"].Tranches[0];
        Assert.Equal(7_680_000, Deal.Ledger("Notes converted into shares", 3, "Sixty"), 1e-6);
        Assert.Equal(3_200_000, Deal.Ledger("Notes principal due", 3, "Sixty"), 1e-6);
        Assert.Equal((7_680_000.0, 3_200_000.0, 320_000.0, 0.0), (notes.SharesValue, notes.PrincipalPaid, notes.InterestPaid, notes.PrincipalLoss));
        Assert.Equal(new Date(2027, 1, 1), notes.ConvertedOn);
        Assert.Equal(0.4056938585, notes.Irr, 8);
    }

    // The same notes converting early at 150% × 12.50 = 18.75, with a put on 2026-10-01 at par; WULF 20 from 2026-03-01,
    // 10 from 2026-06-15.
    private const string EarlySource = """
        deal Early {
          currency USD
          closing  2026-01-01
          maturity 2027-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 0% }
          party Owner  { }
          index WULF { level 10 per share  points stepped { 2026-03-01 20 per share  2026-06-15 10 per share } }
          facility Site { cost 100m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 40m per year  starts 2026-01-01  term 1y }

          tranche Notes { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF early above 150% put 2026-10-01 at 100% }
          equity  Eq { contributed 1m  holders Owner 100% }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
          }
        }

        scenario Sixty for Early {
          Notes converts 60%
        }
        """;

    [Fact]
    public void AfterAPartialEarlyConversion_TheRestNeverConverts_AndMayBePut()
    {
        // Period 1 reads 20 ≥ 18.75: 60% of 8m converts into 4.8m × 20 / 12.50 = 7.68m of shares; the 3.2m left is held for
        // the coupon (32k a quarter). Period 2 reads 10 < 100% × 12.50: its holders put it, 3.2m + 32k paid on 2026-10-01.
        // IRR: −8m, 80k (90), 80k + 7.68m (181), 3.232m (273): 77.9733%.
        var early = new SmallDeal(EarlySource);
        TrancheSummary notes = early.Outcomes["Sixty"].Tranches[0];
        Assert.Equal(7_680_000, early.Ledger("Notes converted into shares", 1, "Sixty"), 1e-6);
        Assert.Equal(3_200_000, early.Ledger("Notes balance", 1, "Sixty"), 1e-6);
        Assert.Equal(32_000, early.Ledger("Notes interest due", 2, "Sixty"), 1e-6);
        Assert.Equal(3_200_000, early.Ledger("Notes principal due", 2, "Sixty"), 1e-6);
        Assert.Equal(new Date(2026, 10, 1), notes.PutOn);
        Assert.Equal((7_680_000.0, 3_200_000.0), (notes.SharesValue, notes.PrincipalPaid));
        Assert.Equal(0.7797330881, notes.Irr, 8);
    }
}
