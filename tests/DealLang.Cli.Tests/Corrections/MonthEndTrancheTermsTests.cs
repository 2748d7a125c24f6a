using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A tranche's dated terms on a deal whose business days move its month-end payment dates (docs/language.md §4
/// "Business days", the dated terms after the repayment dates): a convertible's put, provisional call and reset date,
/// a delayed draw's dated draw and <c>available until</c>, a step-up's <c>from</c>, a call schedule's steps and a
/// scenario's <c>called on</c> / <c>called when … from</c> are each placed by the day the date is paid, as a loan's
/// instalment is (<see cref="MonthEndLoanTests"/>). Before the fix they were placed as written against the boundaries
/// as paid: a term dated Saturday 2029-06-30, after Friday 2029-06-29 as paid, fell a quarter late. Every figure is the
/// same without business days (the quarter ends as they fall). SmallDeal runs with the cash check on.
/// </summary>
public sealed class MonthEndTrancheTermsTests
{
    private const double Cent = 0.005;

    // Quarterly on month ends from 2028-12-31, 30/360. Under `preceding` Saturday 2029-03-31, Saturday 2029-06-30 and
    // Sunday 2029-09-30 are paid on Fridays 03-30, 06-29 and 09-28; Monday 2029-12-31 stays. Unadjusted, every quarter
    // accrues 90/360 = 0.25. Period 1 is the quarter paid on 06-29 (scheduled to end on 06-30), period 2 the one paid on
    // 09-28. The rent, 240m a year, pays every term in full.
    private static string Source(string businessDays, string scenarios) => $$"""
        deal Terms {
          currency USD
          closing  2028-12-31
          maturity 2029-12-31
          pay      quarterly
          daycount 30/360
          {{businessDays}}

          party Tenant { }
          party Owner  { }
          index WULF { level 10 per share }
          index UST { level 4% }

          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 240m per year  starts 2028-12-31  term 5y }

          tranche Put     { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF put 2029-06-30 at 100% }
          tranche Soft    { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF call from 2029-06-30 above 130% }
          tranche Resets  { balance 8m  coupon 4% fixed  convertible at 12.50 per share against WULF
            reset 2029-06-30 to 110% floor 8.00 per share }
          tranche Drawn   { commitment 40m  balance 10m  available until 2029-06-30  draws { 2029-03-31 20m }
            commitment_fee 1%  coupon 8% }
          tranche Stepped { balance 20m  coupon 8%  step_up 1% from 2029-06-30 }
          tranche Notes   { balance 20m  coupon 8% fixed  callable from 2029-06-30 at 102%, from 2029-09-30 at 101% }
          tranche Plain   { balance 20m  coupon 8% fixed }
          equity  Eq      { contributed 106m  holders Owner 100% }

          waterfall {
            pay Drawn.commitment_fee
            pay Put.interest
            pay Soft.interest
            pay Resets.interest
            pay Drawn.interest
            pay Stepped.interest
            pay Notes.interest
            pay Plain.interest
            pay Put.principal
            pay Soft.principal
            pay Resets.principal
            pay Drawn.principal
            pay Stepped.principal
            pay Notes.principal
            pay Plain.principal
            distribute rest to Eq
          }
        }

        scenario Base for Terms { }
        {{scenarios}}
        """;

    private const string Scenarios = """
        scenario Rally for Terms { WULF points stepped { 2029-01-15 17 per share } }
        scenario CalledOn for Terms { Notes called on 2029-06-30 }
        scenario CalledWhen for Terms { Notes called when UST + 3% < 8% from 2029-06-30 }
        """;

    // Two calls of the plain notes: half on Saturday 2029-03-31 (the first quarter's end, paid Friday 03-30) and the
    // rest on Friday 2029-06-15 (inside the second quarter). Before the fix 03-31 fell in the second quarter with
    // 06-15, and the second call was refused as one in the same period (DL0560).
    private const string TwiceScenario = """
        scenario Twice for Terms {
          Plain called on 2029-03-31 at 101% part 50%
          Plain called on 2029-06-15 at 101%
        }
        """;

    private static readonly string[] BusinessDays = ["", "business_days preceding unadjusted"];

    private static readonly SmallDeal[] Deals = [.. BusinessDays.Select(b => new SmallDeal(Source(b, Scenarios)))];

    [Fact]
    public void TheDealsCompileWithoutFindings()
    {
        foreach (SmallDeal deal in Deals)
        {
            Assert.Empty(deal.Diagnostics);
        }
    }

    [Fact]
    public void APutOnAMovedQuarterEndIsDecidedAtTheStartOfThatQuarter()
    {
        // WULF 10 < 100% × 12.50: the holder puts at the start of the quarter holding 06-30 (period 1, paid 06-29), and
        // the 8m is due at its end with its 8m × 4% × 0.25 = 80k of interest; nothing after. Before the fix: period 2.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(0, deal.Ledger("Put principal due", 0, "Base"), Cent);
            Assert.Equal(8e6, deal.Ledger("Put principal due", 1, "Base"), Cent);
            Assert.Equal(80e3, deal.Ledger("Put interest due", 1, "Base"), Cent);
            Assert.Equal(0, deal.Ledger("Put interest due", 2, "Base"), Cent);
        }
    }

    [Fact]
    public void AProvisionalCallFromAMovedQuarterEndRunsFromThePeriodItStarts()
    {
        // 'call from 2029-06-30': from the first period starting on or after the day 06-30 is paid (Friday 06-29), period
        // 2 (scheduled to start on 06-30). WULF 17 ≥ 130% × 12.50 = 16.25 from 01-15: period 1 may not call; period 2
        // does and the holder converts 8m into 8m × 17 / 12.50 = 10.88m of shares at its end. Before the fix: period 3.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(8e6, deal.Ledger("Soft balance", 1, "Rally"), Cent);
            Assert.Equal(10.88e6, deal.Ledger("Soft converted into shares", 2, "Rally"), Cent);
            Assert.Equal(0, deal.Ledger("Soft converted into shares", 3, "Rally"), Cent);
        }
    }

    [Fact]
    public void AResetOnAMovedQuarterEndIsMadeAtTheStartOfThatQuarter()
    {
        // At the start of period 1 (the quarter holding 06-30) WULF is 10: K = max(8, min(12.50, 110% × 10)) = 11.00
        // from then on. Before the fix: 12.50 in period 1, 11.00 from period 2.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(12.50, deal.Ledger("Resets conversion price", 0, "Base"), 1e-12);
            Assert.Equal(11.00, deal.Ledger("Resets conversion price", 1, "Base"), 1e-12);
        }
    }

    [Fact]
    public void ADrawAndTheAvailabilityOnMovedQuarterEndsAreThoseQuarters()
    {
        // The 20m dated 03-31 is drawn at the end of period 0 (paid 03-30); the availability ends with the quarter holding
        // 06-30 (period 1). Fee 1% × 0.25 of the undrawn: period 0 on 40m − 10m = 30m: 75k; period 1 on 10m: 25k; then
        // cancelled, nothing. Interest 8% × 0.25 = 2%: 10m → 200k, then 30m → 600k. Before the fix: the draw in period 1
        // (75k of fee again, 200k of interest) and 25k of fee in period 2.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(20e6, deal.Ledger("Drawn drawn", 0, "Base"), Cent);
            Assert.Equal(0, deal.Ledger("Drawn drawn", 1, "Base"), Cent);
            Assert.Equal(75e3, deal.Ledger("Drawn commitment fee due", 0, "Base"), Cent);
            Assert.Equal(25e3, deal.Ledger("Drawn commitment fee due", 1, "Base"), Cent);
            Assert.Equal(0, deal.Ledger("Drawn commitment fee due", 2, "Base"), Cent);
            Assert.Equal(200e3, deal.Ledger("Drawn interest due", 0, "Base"), Cent);
            Assert.Equal(600e3, deal.Ledger("Drawn interest due", 1, "Base"), Cent);
        }
    }

    [Fact]
    public void AStepUpFromAMovedQuarterEndStartsWithThePeriodScheduledToStartOnIt()
    {
        // 'step_up 1% from 2029-06-30': from the first period starting on or after the day 06-30 is paid (06-29), period
        // 2: 9% × 0.25 × 20m = 450k; 8% before, 400k. Before the fix: 8% in period 2 (it starts on 06-29, before 06-30),
        // 9% from period 3.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(0.08, deal.Ledger("Stepped coupon", 1, "Base"), 1e-12);
            Assert.Equal(0.09, deal.Ledger("Stepped coupon", 2, "Base"), 1e-12);
            Assert.Equal(400e3, deal.Ledger("Stepped interest due", 1, "Base"), Cent);
            Assert.Equal(450e3, deal.Ledger("Stepped interest due", 2, "Base"), Cent);
        }
    }

    [Fact]
    public void ACallOnAMovedQuarterEndIsMadeInThatQuarterAtItsStepsPrice()
    {
        // 'Notes called on 2029-06-30': in the quarter holding the day it is paid (period 1, 06-29), at the step from
        // 06-30 (paid the same day): 102%. Due then: 20m and the premium 2% × 20m = 400k with 20m × 2% = 400k of interest.
        // Before the fix: period 2.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(0, deal.Ledger("Notes principal due", 0, "CalledOn"), Cent);
            Assert.Equal(20e6, deal.Ledger("Notes principal due", 1, "CalledOn"), Cent);
            Assert.Equal(400e3, deal.Ledger("Notes redemption premium", 1, "CalledOn"), Cent);
            Assert.Equal(800e3, deal.Ledger("Notes interest due", 1, "CalledOn"), Cent);
            Assert.Equal(0, deal.Ledger("Notes interest due", 2, "CalledOn"), Cent);
        }
    }

    [Fact]
    public void ACallDecidedInTheRunFromAMovedQuarterEndMayBeMadeInThatQuarter()
    {
        // 'called when UST + 3% < 8% from 2029-06-30': 4% + 3% = 7% < 8% holds from the start; the first period is the
        // one holding the day 06-30 is paid (period 1), whose end (06-29) the first step (from 06-30, paid 06-29) has
        // reached: 102%, as CalledOn. Before the fix: period 2.
        foreach (SmallDeal deal in Deals)
        {
            Assert.Equal(0, deal.Ledger("Notes principal due", 0, "CalledWhen"), Cent);
            Assert.Equal(20e6, deal.Ledger("Notes principal due", 1, "CalledWhen"), Cent);
            Assert.Equal(400e3, deal.Ledger("Notes redemption premium", 1, "CalledWhen"), Cent);
        }
    }

    [Fact]
    public void TwoCallsInTwoQuartersOneOnAMovedQuarterEndAreTwoCalls()
    {
        // Half of the 20m on 03-31 (period 0, paid 03-30) and the 10m left on 06-15 (period 1), each at 101%: 10m and a
        // premium of 1% × 10m = 100k each time; interest 2% × 20m = 400k, then 2% × 10m = 200k (with the 100k premium: 500k, 300k).
        foreach (string businessDays in BusinessDays)
        {
            var deal = new SmallDeal(Source(businessDays, TwiceScenario));
            Assert.Empty(deal.Diagnostics);
            Assert.Equal(10e6, deal.Ledger("Plain principal due", 0, "Twice"), Cent);
            Assert.Equal(10e6, deal.Ledger("Plain principal due", 1, "Twice"), Cent);
            Assert.Equal(500e3, deal.Ledger("Plain interest due", 0, "Twice"), Cent);
            Assert.Equal(300e3, deal.Ledger("Plain interest due", 1, "Twice"), Cent);
            Assert.Equal(0, deal.Ledger("Plain balance", 1, "Twice"), Cent);
        }
    }
    // A holding's view of a held delayed draw (HoldingRules.LaterDraws, which the checks and the holding's lowering read):
    // the borrower draws 20m dated Saturday 2029-03-31, paid with its first quarter on Friday 03-30 under `preceding`;
    // the fund closes on 2029-03-31, so the draw lands before it and the fund funds none of it (a draw funded by the
    // holder lands after its closing and by its maturity). Its `draws called from Lps` then changes nothing: DL0797.
    private static string Borrower(string businessDays) => $$"""
        deal Borrower {
          currency USD closing 2028-12-31 maturity 2029-12-31 pay quarterly daycount 30/360
          {{businessDays}}
          party Tenant { }
          party Owner { }
          facility Site { cost 300m value straight_line 20y }
          lease SiteLease on Site { lessee Tenant rent 200m per year starts 2028-12-31 term 3y }
          tranche Loan {
            commitment 40m  balance 10m  available until 2029-06-30  draws { 2029-03-31 20m }
            commitment_fee 1%  coupon 8%  maturity 2029-12-31
          }
          equity Common { contributed 290m holders Owner 100% }
          waterfall { pay Loan.commitment_fee pay Loan.interest pay Loan.principal distribute rest to Common }
        }
        """;

    private const string Fund = """
        import "borrower.deal"
        deal Fund {
          currency USD closing 2029-03-31 maturity 2029-12-31 pay quarterly daycount 30/360
          party Investors { }
          holding LoanStake { of Borrower.Loan  face 20m  draws called from Lps }
          equity Lps { commitment 20m  contributed 10m  holders Investors 100% }
          waterfall { distribute rest to Lps }
        }
        scenario Base for Fund { }
        """;

    [Fact]
    public void AHoldingsViewOfADrawOnAMovedQuarterEndIsTheQuarterItIsPaidIn()
    {
        // Without business days the draw lands on 03-31, the fund's closing: not after it, so DL0797. With them it lands
        // on Friday 03-30, earlier still: DL0797 too. Before the fix the check placed 03-31 against the borrower's
        // periods as paid, in the quarter paid on 06-29, after the fund's closing: no warning, and the fund was made to
        // fund a draw the borrower's run had drawn before the fund existed.
        foreach (string businessDays in BusinessDays)
        {
            var files = new InMemorySourceFiles();
            files.Add("borrower.deal", Borrower(businessDays));
            var result = DealCompiler.Compile(Compilation.Create(SourceDocument.FromText("top.deal", Fund), files));
            Diagnostic warning = Assert.Single(result.Diagnostics);
            Assert.Equal("DL0797", warning.Code);
        }
    }
}
