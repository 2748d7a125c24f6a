namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A coupon and a PIK condition are set at the start of the interest period, so a collateral value they read is the
/// one known then: the previous period's end value, the closing's in the first period (docs/language.md §5
/// "tranche", "Timing of a value"). Before, they read the value at the period's end, one period's depreciation or
/// mark ahead (a look-ahead); a target balance still reads the payment date's appraisal.
/// </summary>
public sealed class CouponValueTimingTests
{
    // Quarterly, 30/360 (every year fraction 0.25), rent 60m a year (15m a quarter): every tranche is paid in full.
    // Campus: cost 120m, straight line over 2y from the closing: 120m at the closing, 105m, 90m, 75m, 60m at the
    // quarters' ends. Cluster: 1,000 GPUs at 20k delivered on the closing (20m), market value 90% of cost declining
    // 30% a year: 18m at the closing, 18m × 0.7^(90/365.25) = 16,485,557.72 at the first quarter's end.
    // Notes: 90m bullet at 2% + 10% × its balance over Campus.value; Gpu: 9m bullet at 2% + 10% × its balance over
    // Cluster.market_value; Mezz: 10m bullet at 8%, half of it paid in kind while Campus.value is above 110m.
    private const string Source = """
        deal Small {
          currency USD
          closing  2025-12-31
          maturity 2026-12-31
          pay      quarterly
          daycount 30/360

          party Tenant { }
          party Sponsor { }
          facility Campus { cost 120m  value straight_line 2y }
          lease CampusLease on Campus { lessee Tenant  rent 60m per year  starts 2025-12-31  term 1y }

          fleet Cluster {
            units 1000 gpus  unit_cost 20k per gpu
            depreciate straight_line 5y
            market_value 90% declining 30% per year
          }

          tranche Notes { balance 90m  coupon 2% + 10% * (Notes.balance / Campus.value) }
          tranche Gpu   { balance 9m   coupon 2% + 10% * (Gpu.balance / Cluster.market_value) }
          tranche Mezz  { balance 10m  coupon 8%  pik 50% when Campus.value > 110m }
          equity Owners { contributed 20m  holders Sponsor 100% }

          test Ltv = Notes.balance / Campus.value

          waterfall {
            pay Notes.interest
            pay Gpu.interest
            pay Mezz.interest
            pay Notes.principal
            pay Gpu.principal
            pay Mezz.principal
            distribute rest to Owners
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);


    [Fact]
    public void ACouponOnAFacilityValueIsSetOnTheAppraisalKnownAtThePeriodsStart()
    {
        // Period 1 reads the closing's 120m: 2% + 10% × 90/120 = 9.50%, interest 90m × 9.5% × 0.25 = 2,137,500
        //   (the end value, 105m, gave 2% + 10% × 90/105 = 10.5714%: the look-ahead).
        // Period 2 reads period 1's end value, 105m: 2% + 10% × 90/105 = 10.571429%, interest 2,378,571.43.
        // Period 3 reads 90m: 2% + 10% × 90/90 = 12%; period 4 reads 75m: 2% + 10% × 1.2 = 14%.
        double[] rates = [0.095, 0.02 + (0.1 * 90.0 / 105.0), 0.12, 0.14];
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(rates[t], Deal.Ledger("Notes coupon", t), 1e-12);
            Assert.Equal(90e6 * rates[t] * 0.25, Deal.Ledger("Notes interest due", t), 1e-6);
        }

        Assert.Equal(2_137_500.0, Deal.Ledger("Notes interest due", 0), 1e-6);
        Assert.Equal(2_378_571.43, Deal.Ledger("Notes interest due", 1), 0.01);

        // A test still reads the value at the period's end: period 1's Ltv is 90/105.
        Assert.Equal(90.0 / 105.0, Deal.Ledger("Ltv", 0), 1e-12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void AValueHurdleScalesTheClosingsValueTheFirstCouponReads(double factor)
    {
        // `solve`'s Facility.value hurdle scales the value curve and the closing's value by x (docs/language.md,
        // "Levers"; a value drop cannot be dated on or before the closing, DL0509, so the hurdle is the one stress the
        // closing's value takes). Period 1 reads 120m × x:
        //   x = 0.5: 60m, coupon 2% + 10% × 90/60 = 17%, interest 90m × 17% × 0.25 = 3,825,000;
        //   x = 0.8: 96m, coupon 2% + 10% × 90/96 = 11.375%, interest 2,559,375.
        // Period 2 reads period 1's end value, 105m × x: 52.5m (19.142857%) and 84m (12.714286%). The PIK toggle
        // reads 60m or 96m in period 1, not above 110m: nothing is paid in kind (unscaled, half of it was).
        var compiled = DealLang.Compiler.DealCompiler.Compile("small.deal", Source);
        using var host = DealLang.Runner.Hosting.DealHost.Load(compiled.Compiled!.Image, compiled.Compiled.TypeName);
        DealLang.Runtime.DealDescription deal = host.Program.Description;
        var inputs = new DealLang.Runtime.PathInputs(deal) { CheckCashConservation = true };
        new DealLang.Runner.Paths.DealPaths(deal).Fill(DealLang.Runtime.ScenarioSpec.AsWritten(deal), inputs);
        DealLang.Runner.Solvers.Levers.Input(deal, "Campus.value").Scale(inputs, factor);
        var result = new DealLang.Runtime.RunResult(deal, host.Program.Layout, fullLedger: true);
        host.Program.Run(inputs, result);
        string[] columns = [.. host.Program.Layout.Columns.Select(c => c.Name)];
        double Ledger(string column, int t) => result.Ledger![t, Array.IndexOf(columns, column)];

        double coupon1 = 0.02 + (0.1 * 90e6 / (120e6 * factor));
        Assert.Equal(factor == 0.5 ? 0.17 : 0.11375, coupon1, 1e-12);
        Assert.Equal(90.0 / (105.0 * factor), Ledger("Ltv", 0), 1e-12); // the test reads the scaled end value
        Assert.Equal(coupon1, Ledger("Notes coupon", 0), 1e-12);
        Assert.Equal(90e6 * coupon1 * 0.25, Ledger("Notes interest due", 0), 1e-6);
        Assert.Equal(0.02 + (0.1 * 90e6 / (105e6 * factor)), Ledger("Notes coupon", 1), 1e-12);
        Assert.Equal(0.0, Ledger("Mezz interest capitalised", 0));
    }

    [Fact]
    public void ACouponOnAFleetsMarketValueIsSetOnTheValueKnownAtThePeriodsStart()
    {
        // Period 1 reads the closing's market value, 18m (age 0): 2% + 10% × 9/18 = 7%, interest 9m × 7% × 0.25 = 157,500
        //   (the end value gave 2% + 10% × 9/16,485,557.72 = 7.4593%).
        // Period 2 reads period 1's end value, 16,485,557.72: 2% + 10% × 0.5459324 = 7.459324%.
        double endOfPeriod1 = 18e6 * Math.Pow(0.7, 90 / 365.25);
        Assert.Equal(16_485_557.72, endOfPeriod1, 0.01);
        Assert.Equal(endOfPeriod1, Deal.Ledger("Cluster market value", 0), 1e-6);
        Assert.Equal(0.07, Deal.Ledger("Gpu coupon", 0), 1e-12);
        Assert.Equal(157_500.0, Deal.Ledger("Gpu interest due", 0), 1e-6);
        Assert.Equal(0.02 + (0.1 * 9e6 / endOfPeriod1), Deal.Ledger("Gpu coupon", 1), 1e-12);
        Assert.Equal(0.07459324, Deal.Ledger("Gpu coupon", 1), 1e-8);
    }

    [Fact]
    public void APikToggleOnAFacilityValueReadsTheValueAtThePeriodsStart()
    {
        // Period 1 reads 120m > 110m: half of 10m × 8% × 0.25 = 200,000 is paid in kind, 100,000; balance 10.1m
        //   (the end value, 105m, paid it all in cash).
        // Period 2 reads 105m, not above 110m: 10.1m × 8% × 0.25 = 202,000 all in cash, nothing capitalised.
        Assert.Equal(100_000.0, Deal.Ledger("Mezz interest capitalised", 0), 1e-6);
        Assert.Equal(100_000.0, Deal.Ledger("Mezz interest due", 0), 1e-6);
        Assert.Equal(10.1e6, Deal.Ledger("Mezz balance", 0), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("Mezz interest capitalised", 1));
        Assert.Equal(202_000.0, Deal.Ledger("Mezz interest due", 1), 1e-6);
    }
}
