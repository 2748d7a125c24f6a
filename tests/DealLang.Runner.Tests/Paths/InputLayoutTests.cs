using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Paths;

/// <summary>The path inputs as numbered slots: the numbering rule, and the per-kind views over the same buffers.</summary>
public sealed class InputLayoutTests
{
    static DealDescription Deal() => TestDeals.Hyperion(
        parties: [TestDeals.Party("Meta"), TestDeals.Party("Sponsor")],
        facilities: [TestDeals.StraightLine(30e9, 360, 0.2, new Date(2026, 2, 15)), TestDeals.StraightLine(1e9, 120, 0, new Date(2026, 2, 15))],
        leases: [TestDeals.Lease(), TestDeals.Lease(), TestDeals.Lease()],
        sales: [new SaleInfo([new CollateralRef(CollateralKind.Facility, 0), new CollateralRef(CollateralKind.Facility, 1)], 0.2, 6)]);

    [Fact]
    public void SlotsAreNumberedQuantityByQuantityInEntityOrder()
    {
        InputLayout layout = InputLayout.Of(Deal());

        // Series: 2 facility values (0, 1), then 3 lease rents (2, 3, 4), and last the 3 leases' termination fees (5-7).
        Assert.Equal(8, layout.Series.Length);
        Assert.Equal(new InputSlot(InputEntity.Lease, 0, InputQuantity.LeaseTermination, 5), layout.Series[5]);
        Assert.Equal(new InputSlot(InputEntity.Facility, 1, InputQuantity.FacilityValue, 1), layout.Series[1]);
        Assert.Equal(new InputSlot(InputEntity.Lease, 0, InputQuantity.LeaseRent, 2), layout.Series[2]);
        Assert.Equal(4, layout.IndexOf(InputQuantity.LeaseRent, 2));

        // Flags: one per party.
        Assert.Equal([InputQuantity.PartyDefaulted, InputQuantity.PartyDefaulted], layout.Flags.Select(s => s.Quantity));

        // Scalars: 3 end periods (0-2), 3 RVG flags (3-5), 3 recoveries (6-8), then the sale's haircut (9) and lag (10),
        // and its repo market's depth (11), impact (12), limit (13) and costs (14); last (no contracts here) its
        // keep-contracts flag (15) and reserve (16), then each of the 2 parties' recovery (17, 18), each of the 2
        // facilities' value at the closing (19, 20), each party's workout lag (21, 22: a drawn lag's periods), and
        // last the sale's yield for the loans it prices at one (23; 0 here, a sale of facilities), then its re-let
        // utilisation (24) and window (25), its market's half-life (26) and the weight of an index its yield reads (27;
        // 0 here), then its re-let's ramp end (28), ramp months (29), price index (30), share (31) and spread (32), and
        // then the 3 leases' RVG values (33-35: the facility's value on the day each lease ends), and last whose RVG terms
        // answer for each lease's end (36-38: the lease's, or a break's own).
        Assert.Equal(39, layout.Scalars.Length);
        Assert.Equal(new InputSlot(InputEntity.Lease, 2, InputQuantity.RvgValue, 35), layout.Scalars[35]);
        Assert.Equal(new InputSlot(InputEntity.Lease, 2, InputQuantity.RvgBreakTerms, 38), layout.Scalars[38]);
        Assert.Equal(28, layout.IndexOf(InputQuantity.SaleReletTo, 0));
        Assert.Equal(29, layout.IndexOf(InputQuantity.SaleReletRampMonths, 0));
        Assert.Equal(30, layout.IndexOf(InputQuantity.SaleReletPriceIndex, 0));
        Assert.Equal(31, layout.IndexOf(InputQuantity.SaleReletPriceShare, 0));
        Assert.Equal(32, layout.IndexOf(InputQuantity.SaleReletPriceSpread, 0));
        Assert.Equal(27, layout.IndexOf(InputQuantity.SaleYieldWeight, 0));
        Assert.Equal(26, layout.IndexOf(InputQuantity.SaleHalfLifeMonths, 0));
        Assert.Equal(23, layout.IndexOf(InputQuantity.SaleYield, 0));
        Assert.Equal(24, layout.IndexOf(InputQuantity.SaleReletUtilisation, 0));
        Assert.Equal(25, layout.IndexOf(InputQuantity.SaleReletMonths, 0));
        Assert.Equal(20, layout.IndexOf(InputQuantity.FacilityClosingValue, 1));
        Assert.Equal(22, layout.IndexOf(InputQuantity.PartyWorkoutPeriods, 1));
        Assert.Equal(5, layout.IndexOf(InputQuantity.RvgApplies, 2));
        Assert.Equal(9, layout.IndexOf(InputQuantity.SaleHaircut, 0));
        Assert.Equal(10, layout.IndexOf(InputQuantity.SaleLagMonths, 0));
        Assert.All(layout.Scalars, s => Assert.Equal(InputShape.Scalar, s.Shape));
        Assert.Equal(14, layout.IndexOf(InputQuantity.SaleCosts, 0));
        Assert.Equal(16, layout.IndexOf(InputQuantity.SaleReserve, 0));
        Assert.Equal(18, layout.IndexOf(InputQuantity.PartyRecovery, 1));
        Assert.Equal(Enumerable.Range(0, 39), layout.Scalars.Select(s => s.Index));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.IndexOf(InputQuantity.SaleLagMonths, 1));
    }

    [Fact]
    public void ADealWithContractsHasEachContractsReletRampAndPriceLastInTheScalars()
    {
        // The same deal with two contracts: each one's utilisation and re-let utilisation where they always were (after
        // the sale's costs: 4 scalars more than the deal's 33), then, after the sale's re-let price (36), the three leases'
        // RVG values (37-39), and last each contract's re-let ramp end (40, 41), ramp months (42, 43), ramp start day (44,
        // 45), price index (46, 47), share (48, 49) and spread (50, 51): appended, so no slot before them moves (nor any
        // deal's generated C#); then the three leases' RVG break terms (52-54), appended after them.
        InputLayout layout = InputLayout.Of(2, 3, 2, 1, contracts: 2);
        Assert.Equal(33 + 4 + 3 + 12 + 3, layout.Scalars.Length);
        Assert.Equal(52, layout.IndexOf(InputQuantity.RvgBreakTerms, 0));
        Assert.Equal(36, layout.IndexOf(InputQuantity.SaleReletPriceSpread, 0));
        Assert.Equal(37, layout.IndexOf(InputQuantity.RvgValue, 0));
        InputQuantity[] shape =
        [
            InputQuantity.ContractReletTo, InputQuantity.ContractReletRampMonths, InputQuantity.ContractReletStartDay,
            InputQuantity.ContractReletPriceIndex, InputQuantity.ContractReletPriceShare, InputQuantity.ContractReletPriceSpread,
        ];
        for (int q = 0; q < shape.Length; q++)
        {
            for (int c = 0; c < 2; c++)
            {
                Assert.Equal(new InputSlot(InputEntity.Contract, c, shape[q], 40 + (2 * q) + c), layout.Scalars[40 + (2 * q) + c]);
            }
        }

        Assert.DoesNotContain(layout.Scalars.Take(40), s => shape.Contains(s.Quantity));
        Assert.Equal(new InputSlot(InputEntity.Contract, 1, InputQuantity.ContractReletUtilisation, 18), layout.Scalars[18]);
    }

    [Fact]
    public void ADealWithLoansHasEachLoansOwnWorkoutLagLastInTheScalars()
    {
        // The same deal owning two loans: each loan's own drawn workout lag (L workout drawn) after the first 26 scalars of
        // the deal without (26, 27), so that no slot before them moves (nor any deal's generated C#); the sale's half-life
        // (28), its yield's index weight (29), each loan's default day (30, 31: its obligor's default date), the sale's
        // re-let ramp and price (32-36), each loan's first and last partial-payment period (37-40: each period's share is a
        // series), the leases' RVG values (41-43), their RVG break terms (44-46), and last each loan's periods of rescheduled
        // arrears (47, 48: a standstill's 'then arrears over N').
        InputLayout without = InputLayout.Of(Deal());
        InputLayout layout = InputLayout.Of(2, 3, 2, 1, loans: 2);
        Assert.Equal(49, layout.Scalars.Length);
        Assert.Equal(new InputSlot(InputEntity.Lease, 0, InputQuantity.RvgBreakTerms, 44), layout.Scalars[44]);
        Assert.Equal(new InputSlot(InputEntity.Loan, 0, InputQuantity.LoanArrearsPeriods, 47), layout.Scalars[47]);
        Assert.Equal(new InputSlot(InputEntity.Loan, 1, InputQuantity.LoanArrearsPeriods, 48), layout.Scalars[48]);
        Assert.Throws<ArgumentOutOfRangeException>(() => without.IndexOf(InputQuantity.LoanArrearsPeriods, 0));
        Assert.Equal(new InputSlot(InputEntity.Loan, 0, InputQuantity.LoanPaysFrom, 37), layout.Scalars[37]);
        Assert.Equal(new InputSlot(InputEntity.Loan, 1, InputQuantity.LoanPaysFrom, 38), layout.Scalars[38]);
        Assert.Equal(new InputSlot(InputEntity.Loan, 1, InputQuantity.LoanPaysTo, 40), layout.Scalars[40]);
        Assert.Equal(41, layout.IndexOf(InputQuantity.RvgValue, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => without.IndexOf(InputQuantity.LoanPaysFrom, 0));
        Assert.Equal(32, layout.IndexOf(InputQuantity.SaleReletTo, 0));
        Assert.Equal(29, layout.IndexOf(InputQuantity.SaleYieldWeight, 0));
        Assert.Equal(new InputSlot(InputEntity.Loan, 1, InputQuantity.LoanDefaultDay, 31), layout.Scalars[31]);
        Assert.Throws<ArgumentOutOfRangeException>(() => without.IndexOf(InputQuantity.LoanDefaultDay, 0));
        Assert.Equal(28, layout.IndexOf(InputQuantity.SaleHalfLifeMonths, 0));
        Assert.Equal(without.Scalars.Take(26), layout.Scalars.Take(26));
        Assert.Equal(new InputSlot(InputEntity.Loan, 1, InputQuantity.LoanWorkoutPeriods, 27), layout.Scalars[27]);
        Assert.Equal(26, layout.IndexOf(InputQuantity.LoanWorkoutPeriods, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => without.IndexOf(InputQuantity.LoanWorkoutPeriods, 0));
        Assert.False(layout.Fits(Deal()));
    }

    [Fact]
    public void ADealWithLoansHasEachLoansSharePerPeriodLastInTheSeries()
    {
        // Each loan's share paid in each period (partial payments in windows that step) after every series of the deal
        // without loans, so that no series slot before them moves (nor any deal's generated C#): 8 series, then the two
        // loans' rows (8, 9).
        InputLayout without = InputLayout.Of(Deal());
        InputLayout layout = InputLayout.Of(2, 3, 2, 1, loans: 2);
        Assert.Equal(without.Series.Length + 2, layout.Series.Length);
        Assert.Equal(without.Series, layout.Series.Take(without.Series.Length));
        Assert.Equal(new InputSlot(InputEntity.Loan, 0, InputQuantity.LoanPaysShareByPeriod, 8), layout.Series[8]);
        Assert.Equal(new InputSlot(InputEntity.Loan, 1, InputQuantity.LoanPaysShareByPeriod, 9), layout.Series[9]);
        Assert.Equal(InputShape.Series, InputLayout.ShapeOf(InputQuantity.LoanPaysShareByPeriod));
        Assert.Throws<ArgumentOutOfRangeException>(() => without.IndexOf(InputQuantity.LoanPaysShareByPeriod, 0));
    }

    [Fact]
    public void ADealWithAGuaranteeHasTheGuarantorsSlotsLast()
    {
        // Issue 11: the same deal with Sponsor guaranteeing lease 0. Series gain each lease's rent left unpaid by its
        // lessee's default (5-7, after the 5 of the deal without), before the leases' termination fees, last (8-10); scalars each party's honour share (19, 20) and
        // disowned period (21, 22), after the 19 of the deal without, and the facilities' values at the closing last (23,
        // 24), then the parties' workout lags (25, 26), the sale's yield (27), its re-let (28, 29), its market's half-life
        // (30), its yield's index weight (31), its re-let's ramp and price (32-36), the leases' RVG values (37-39) and RVG
        // break terms (40-42): the slots before them are where they were.
        DealDescription without = Deal();
        DealDescription with = TestDeals.Hyperion(
            parties: without.Parties, facilities: without.Facilities, leases: without.Leases, sales: without.Sales);
        with = new DealDescription
        {
            Name = with.Name, Title = with.Title, Currency = with.Currency, Closing = with.Closing, Maturity = with.Maturity,
            Frequency = with.Frequency, DayCount = with.DayCount, Boundaries = with.Boundaries, YearFractions = with.YearFractions,
            Parties = with.Parties, Facilities = with.Facilities, Leases = with.Leases, Tranches = with.Tranches, Equities = with.Equities,
            Accounts = with.Accounts, Fees = with.Fees, Tests = with.Tests, Triggers = with.Triggers, Sales = with.Sales,
            Guarantees = [new GuaranteeInfo("Sponsor for L0", 1, GuaranteeTarget.Lease, 0, 1e9, null)],
        };

        InputLayout layout = InputLayout.Of(with);
        Assert.True(layout.Guarantees);
        Assert.Equal(11, layout.Series.Length);
        Assert.Equal(new InputSlot(InputEntity.Lease, 2, InputQuantity.LeaseGuaranteeDue, 7), layout.Series[7]);
        Assert.Equal(8, layout.IndexOf(InputQuantity.LeaseTermination, 0));
        Assert.Equal(43, layout.Scalars.Length);
        Assert.Equal(31, layout.IndexOf(InputQuantity.SaleYieldWeight, 0));
        Assert.Equal(23, layout.IndexOf(InputQuantity.FacilityClosingValue, 0));
        Assert.Equal(19, layout.IndexOf(InputQuantity.GuarantorHonour, 0));
        Assert.Equal(22, layout.IndexOf(InputQuantity.GuarantorDisownedPeriod, 1));
        Assert.Equal(18, layout.IndexOf(InputQuantity.PartyRecovery, 1));
        Assert.False(layout.Fits(without));
        Assert.Throws<ArgumentOutOfRangeException>(() => InputLayout.Of(without).IndexOf(InputQuantity.GuarantorHonour, 0));

        var inputs = new PathInputs(with);
        inputs.GuarantorDisownedPeriod[1] = 3;
        inputs.LeaseGuaranteeDue[2][1] = 2.5;
        Assert.Equal(3.0, inputs.Scalars[22]);
        Assert.Equal(2.5, inputs.Series[7][1]);
    }

    [Fact]
    public void ADealWithAConvertibleHasEveryTranchesHardCallSlotsLast()
    {
        // The same deal with two tranches, the first convertible: the series gain each tranche's share called per period,
        // then each one's call price per period, after the deal's own series; the scalars gain each tranche's share
        // converted after the deal's 21 + 2 parties' workout lags + the sale's yield, its 2 re-let slots and its
        // half-life; then the sale's yield's index weight and its re-let's ramp and price (5), and the 3 leases' RVG values
        // and RVG break terms: the slots before them are where they were.
        DealDescription without = Deal();
        DealDescription with = new()
        {
            Name = without.Name, Title = without.Title, Currency = without.Currency, Closing = without.Closing, Maturity = without.Maturity,
            Frequency = without.Frequency, DayCount = without.DayCount, Boundaries = without.Boundaries, YearFractions = without.YearFractions,
            Parties = without.Parties, Facilities = without.Facilities, Leases = without.Leases,
            Tranches =
            [
                new TrancheInfo("Converts", 100e6, 0.01, 1, without.Maturity, "bullet") { ConversionPrice = 12.5 },
                new TrancheInfo("Senior", 500e6, 0.07, 1, without.Maturity, "linear"),
            ],
            Equities = without.Equities, Accounts = without.Accounts, Fees = without.Fees, Tests = without.Tests, Triggers = without.Triggers,
            Sales = without.Sales,
        };
        int n = with.Tranches.Length;

        InputLayout layout = InputLayout.Of(with);
        int series = InputLayout.Of(without).Series.Length;
        Assert.True(with.HasTrancheCalls && layout.TrancheCalls && !without.HasTrancheCalls);
        Assert.Equal(21 + 2 + 4 + n + 1 + 5 + 3 + 3, layout.Scalars.Length);
        Assert.Equal(21 + 2 + 4 + n, layout.IndexOf(InputQuantity.SaleYieldWeight, 0));
        Assert.Equal(series + (2 * n), layout.Series.Length);
        Assert.Equal(21 + 2, layout.IndexOf(InputQuantity.SaleYield, 0));
        Assert.Equal(series, layout.IndexOf(InputQuantity.TrancheCallPart, 0));
        Assert.Equal(series + n, layout.IndexOf(InputQuantity.TrancheCallPrice, 0));
        Assert.Equal(21 + 2 + 4, layout.IndexOf(InputQuantity.TrancheConvertPart, 0));
        Assert.Equal(21, layout.IndexOf(InputQuantity.PartyWorkoutPeriods, 0));
        Assert.Equal(20, layout.IndexOf(InputQuantity.FacilityClosingValue, 1));
        Assert.Equal(new InputSlot(InputEntity.Tranche, 1, InputQuantity.TrancheConvertPart, 28), layout.Scalars[28]);
        Assert.False(layout.Fits(without));
        Assert.Throws<ArgumentOutOfRangeException>(() => InputLayout.Of(without).IndexOf(InputQuantity.TrancheCallPart, 0));

        var inputs = new PathInputs(with);
        inputs.TrancheCallPart[0][4] = 0.5;
        inputs.TrancheCallPrice[1][4] = 1.01;
        inputs.TrancheConvertPart[1] = 0.6;
        Assert.Equal((0.5, 1.01, 0.6), (inputs.Series[series][4], inputs.Series[series + n + 1][4], inputs.Scalars[28]));
    }

    [Fact]
    public void TheKindViewsReadAndWriteTheSlots()
    {
        var deal = Deal();
        var inputs = new PathInputs(deal);
        InputLayout layout = inputs.Layout;

        inputs.LeaseEndPeriod[1] = 7;
        inputs.RvgApplies[2] = true;
        inputs.SaleLagMonths[0] = 12;
        inputs.LeaseRent[2][3] = 5.5;
        inputs.PartyDefaulted[1][4] = true;

        Assert.Equal(7.0, inputs.Scalars[layout.IndexOf(InputQuantity.LeaseEndPeriod, 1)]);
        Assert.Equal(1.0, inputs.Scalars[layout.IndexOf(InputQuantity.RvgApplies, 2)]);
        Assert.Equal(12.0, inputs.Scalars[layout.IndexOf(InputQuantity.SaleLagMonths, 0)]);
        Assert.Same(inputs.Series[layout.IndexOf(InputQuantity.LeaseRent, 2)], inputs.LeaseRent[2]);
        Assert.Equal(5.5, inputs.Series[4][3]);
        Assert.True(inputs.Flags[1][4]);
        Assert.Equal(deal.Periods, inputs.Series[0].Length);
        Assert.Throws<IndexOutOfRangeException>(() => inputs.SaleHaircut[1]);
    }

    [Fact]
    public void IndexLevelsAreTheLastSeriesWithAViewAndASharableRow()
    {
        var closing = new Date(2025, 10, 30);
        DealDescription deal = TestDeals.Make(Schedule.Boundaries(closing, new Date(2030, 10, 30), Frequency.Annual), Frequency.Annual, DayCount.Thirty360,
            facilities: [TestDeals.StraightLine(1e9, 120, 0, closing)], leases: [TestDeals.Lease()], parties: [TestDeals.Party()],
            indices: [new IndexInfo("Sofr", 0.04, 0, null, []), new IndexInfo("Rent", 2.35, 0, null, [])]);
        var inputs = new PathInputs(deal);
        InputLayout layout = inputs.Layout;

        // Series: the facility's value (0), the lease's rent (1), then the two indices' levels (2, 3).
        Assert.Equal(new InputSlot(InputEntity.Index, 1, InputQuantity.IndexLevel, 3), layout.Series[3]);
        Assert.Equal(2, layout.IndexOf(InputQuantity.IndexLevel, 0));
        Assert.Same(inputs.Series[3], inputs.IndexLevel[1]);

        // A shared row is pointed at, not copied; owning the slot again writes its own buffer.
        double[] row = [1, 2, 3, 4, 5];
        inputs.ShareIndexLevel(0, row);
        Assert.Same(row, inputs.Series[2]);
        Assert.NotSame(row, inputs.OwnIndexLevel(0));
        Assert.Same(inputs.Series[2], inputs.IndexLevel[0]);

        // A layout made without the indices does not fit the deal.
        Assert.False(InputLayout.Of(1, 1, 1, 0).Fits(deal));
        Assert.True(InputLayout.Of(1, 1, 1, 0, 2).Fits(deal));
    }

    [Fact]
    public void ADealThatProjectsCfadsHasTheLeasesNoticeSlotsLast()
    {
        // 2 facilities, 3 leases, 2 parties, no sale, projecting cfads. Series: the 2 values (0, 1), the 3 rents (2-4), the
        // 3 current-term rents (5-7), the 3 termination fees (8-10), then the 3 noticed rents (11-13), after every slot a
        // deal had before. Scalars: 3 end periods, RVG flags and recoveries (0-8), the 2 parties' recoveries (9, 10), the
        // 2 facilities' closing values (11, 12), then the 3 notice periods (13-15), then the parties' workout lags (16, 17),
        // then the 3 leases' RVG values (18-20), and last their RVG break terms (21-23).
        InputLayout layout = InputLayout.Of(2, 3, 2, 0, projectsCfads: true);
        Assert.Equal(14, layout.Series.Length);
        Assert.Equal(5, layout.IndexOf(InputQuantity.LeaseTermRent, 0));
        Assert.Equal(8, layout.IndexOf(InputQuantity.LeaseTermination, 0));
        Assert.Equal(new InputSlot(InputEntity.Lease, 2, InputQuantity.LeaseNoticedRent, 13), layout.Series[13]);
        Assert.Equal(24, layout.Scalars.Length);
        Assert.Equal(12, layout.IndexOf(InputQuantity.FacilityClosingValue, 1));
        Assert.Equal(new InputSlot(InputEntity.Lease, 0, InputQuantity.LeaseNoticePeriod, 13), layout.Scalars[13]);

        // Without a forward cfads, no notice slots.
        InputLayout without = InputLayout.Of(2, 3, 2, 0);
        Assert.Equal(8, without.Series.Length);
        Assert.Equal(21, without.Scalars.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => without.IndexOf(InputQuantity.LeaseNoticePeriod, 0));
    }

    [Fact]
    public void ALayoutForAnotherDealIsRefused()
    {
        var other = InputLayout.Of(0, 1, 1, 0);
        Assert.Throws<ArgumentException>(() => new PathInputs(Deal(), other));
    }
}
