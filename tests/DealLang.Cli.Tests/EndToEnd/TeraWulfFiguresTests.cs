using DealLang.Cli.Tests.Corrections;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>
/// examples/terawulf.deal (issue 11, items 2, 4 and 6), checked by hand: a chain of the Lake Mariner SPV (the notes,
/// the Fluidstack lease and Google's backstop), the Abernathy JV (the hosting contract and its termination fee) and
/// the parent TeraWulf (the bitcoin and the converts, paid from what the SPVs distribute up): the notes amortising as
/// the buildings are completed, the miners' margin and its switch-off in the bitcoin crash, the termination fee
/// amortising to its floor on Fluidstack's default, the 2031 converts converting in the rally, Google's backstop, and
/// the converts' structural subordination.
/// </summary>
public sealed class TeraWulfFiguresTests : IClassFixture<TeraWulfFiguresTests.Chain>
{
    private readonly SmallChain _chain;

    public TeraWulfFiguresTests(Chain chain) => _chain = chain.Value;

    /// <summary>The example's three files, compiled and run once for the class.</summary>
    public sealed class Chain : IDisposable
    {
        public Chain()
        {
            static string Read(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", path));
            Value = new SmallChain(
                Read("terawulf.deal"),
                ("terawulf/lake-mariner.deal", Read("terawulf/lake-mariner.deal")),
                ("terawulf/abernathy.deal", Read("terawulf/abernathy.deal")));
        }

        public SmallChain Value { get; }

        public void Dispose() => Value.Dispose();
    }

    [Fact]
    public void The_chain_runs_the_spvs_before_the_parent_Issue11()
    {
        Assert.Equal(["LakeMariner", "Abernathy", "TeraWulf"], _chain.Outcomes[0].Entities.Select(e => e.Deal.Name));
    }

    [Fact]
    public void The_notes_amortise_as_the_buildings_are_completed_Issue11()
    {
        // Semiannual from 2025-10-15; the notes mature at the end of period 10 (2030-10-15). Periods 1 and 2 read 0%
        // completed; period 3 (from 2026-10-15) reads 40%: 3.2bn / 8 periods left × 40% = 160m; period 4 reads 70%:
        // 3.04bn / 7 × 70% = 304m (period 3's was paid in full, below, so nothing is carried); period 5 reads 100%:
        // 2.736bn / 6 = 456m.
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "Base", "Notes principal due", 1));
        Assert.Equal(160e6, _chain.Ledger("LakeMariner", "Base", "Notes principal due", 2), 1e-3);
        Assert.Equal(304e6, _chain.Ledger("LakeMariner", "Base", "Notes principal due", 3), 1e-3);
        Assert.Equal(456e6, _chain.Ledger("LakeMariner", "Base", "Notes principal due", 4), 1e-3);
        // A year late, period 3 reads nothing completed yet.
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "ConstructionDelay", "Notes principal due", 2));
    }

    [Fact]
    public void A_construction_delay_defers_the_rent_and_lowers_the_equitys_return()
    {
        // The lease is phased by Built (docs/language.md §5 "lease", "Phased commencement"). A year late, the first
        // building (40%) is handed over on 2027-06-30: periods 3 and 4 (from 2026-10-15, 2027-04-15) collect no rent,
        // where Base's period 3 collects 1.31bn / 2 × 40% = 262m; period 5 (from 2027-10-15) reads 40%, escalated once:
        // 1.31bn × 1.03 / 2 × 40% = 269.86m. The 372m construction reserve pays the first three coupons (124m each, to
        // 2027-04-15); the fourth (2027-10-15) finds no cash: an event of default, and the equity loses everything. Before
        // the lease was phased the rent ran in full from 2026-06-30 while the notes' amortisation waited, and the delay
        // raised the equity's IRR (112.66% to 143.71%).
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "ConstructionDelay", "rent FluidstackLease", 2));
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "ConstructionDelay", "rent FluidstackLease", 3));
        Assert.Equal(262e6, _chain.Ledger("LakeMariner", "Base", "rent FluidstackLease", 2), 1e-3);
        Assert.Equal(269.86e6, _chain.Ledger("LakeMariner", "ConstructionDelay", "rent FluidstackLease", 4), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "ConstructionDelay", "ConstructionReserve balance", 2));
        Assert.Equal(124e6, _chain.Ledger("LakeMariner", "ConstructionDelay", "1 pay Notes.interest short", 3), 1e-3);
        Assert.Equal(new Date(2027, 10, 15), _chain.Of("LakeMariner", "ConstructionDelay").Events.EventOfDefault);
        double late = _chain.Of("LakeMariner", "ConstructionDelay").Equities.Single().Irr;
        double onTime = _chain.Of("LakeMariner", "Base").Equities.Single().Irr;
        Assert.True(late < onTime, $"a construction delay must lower the equity's IRR: {late:P2} vs {onTime:P2}");
    }

    [Fact]
    public void The_miners_stop_when_bitcoin_no_longer_pays_for_their_power_Issue11()
    {
        // Period 2 (2026-04-15 → 2026-10-15, 183 days = 4,392 hours): 10 / 900 × 18.75 × 4,392 = 915 coins; power
        // 200,000 kW × 4,392 × 0.045 = 39.528m. At 90k: 82.35m − 39.528m = 42.822m. After the crash (90k × 40% = 36k
        // from 2026-04-15): 32.94m < 39.528m, switched off.
        Assert.Equal(42.822e6, _chain.Ledger("TeraWulf", "Base", "mining Bitcoin", 1), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("TeraWulf", "CorrelationConvergence", "mining Bitcoin", 1));
    }

    [Fact]
    public void The_termination_fee_has_amortised_halfway_to_its_floor_Issue11()
    {
        // The JV runs 2025-10-15 → 2030-10-15 (1,826 days); Fluidstack defaults on 2028-04-15 with 913 days left:
        // 742m + (1.3bn − 742m) × 913 / 1,826 = 1,021m, of which its 37% recovery pays 377.77m.
        Assert.Equal(377.77e6, _chain.Of("Abernathy", "FluidstackDefault").Contracts.Single().TerminationFee, 1e-3);
    }

    [Fact]
    public void Googles_backstop_pays_the_rent_Fluidstack_leaves_unpaid_up_to_its_cap_Issue11()
    {
        // The rule (docs/language.md §5, "Guarantors"): each period the guarantor pays the rent the lease would have
        // paid had Fluidstack not defaulted, less what it pays — Base's rent less FluidstackDefault's — until the
        // 3.2bn cap is used. From 2028-04-15 the lease has 8 years left at about 1.35bn a year and more (1.31bn
        // escalating 3% from 2026-06-30), far above 3.2bn: the cap binds in the fifth half-year of payments
        // (686.5m + 694.9m + 707.1m + 715.7m = 2,804.2m paid to 2030-04-15, the last 395.8m on 2030-10-15).
        const double cap = 3.2e9;
        double Lost(int t) => _chain.Ledger("LakeMariner", "Base", "rent FluidstackLease", t) - _chain.Ledger("LakeMariner", "FluidstackDefault", "rent FluidstackLease", t);
        double paid = 0;
        int t = 0;
        for (; paid + Lost(t) < cap - 1; t++)
        {
            Assert.Equal(Lost(t), _chain.Ledger("LakeMariner", "FluidstackDefault", "guarantor FluidstackLease", t), 1e-3);
            paid += Lost(t);
        }

        // The period the cap binds pays what is left of it, and nothing after.
        Assert.Equal(cap - paid, _chain.Ledger("LakeMariner", "FluidstackDefault", "guarantor FluidstackLease", t), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "FluidstackDefault", "guarantor FluidstackLease", t + 1));
        Assert.Equal(cap, _chain.Of("LakeMariner", "FluidstackDefault").Guarantees.Single().Paid, 1e-3);
        // 'Google guarantees disowned' is set in the parent's scenario: one Google in every entity, so the SPV's
        // backstop is disowned too.
        Assert.Equal(0.0, _chain.Of("LakeMariner", "BackstopFails").Guarantees.Single().Paid);

        // With the backstop the notes lose nothing; without it they do.
        Assert.Equal(0.0, _chain.Of("LakeMariner", "FluidstackDefault").Tranches[0].PrincipalLoss);
        Assert.True(_chain.Of("LakeMariner", "BackstopFails").Tranches[0].PrincipalLoss > 0);
    }

    [Fact]
    public void The_2031_converts_take_shares_in_the_rally_Issue11()
    {
        // BTC at 150k: the share price is 10.50 × 150k / 90k = 17.50 > 12.43 at the converts' maturity period:
        // 850m × 17.50 / 12.43 = 1,196.70m in shares, no cash principal; the 2032 converts (19.94) repay in cash.
        var rally = _chain.Of("TeraWulf", "BitcoinRally");
        Assert.Equal(1_196_701_528.56, rally.Tranches[0].SharesValue, 1e-2);
        Assert.Equal(new Date(2031, 4, 15), rally.Tranches[0].ConvertedOn);
        Assert.Equal(0.0, rally.Tranches[0].PrincipalPaid);
        Assert.Null(rally.Tranches[1].ConvertedOn);
        Assert.Null(_chain.Of("TeraWulf", "Base").Tranches[0].ConvertedOn);
        // Converted, they owe nothing after that period (Converts2031.scheduled_balance 0): their reserve's 850m is
        // released in it, 2031-04-15 (period 11, index 10), as it is when they are repaid in cash in Base.
        Assert.Equal(850e6, _chain.Ledger("TeraWulf", "BitcoinRally", "3 release Reserve2031 released", 10), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("TeraWulf", "BitcoinRally", "Reserve2031 balance", 10));
    }

    [Fact]
    public void The_parent_receives_what_the_spvs_distribute_to_the_cent_Issue11()
    {
        // Same semiannual dates in every entity: each parent period receives its SPVs' period's distributions, all of
        // Lake Mariner's and 51% of the JV's (docs/language.md §5 "holding", the bucketing rule).
        foreach (string scenario in new[] { "Base", "FluidstackDefault" })
        {
            for (int t = 0; t < 13; t++)
            {
                double lakeMariner = _chain.Ledger("LakeMariner", scenario, "8 distribute rest to WulfEquity distributed", t)
                    + _chain.Ledger("LakeMariner", scenario, "11 distribute rest to WulfEquity distributed", t);
                Assert.Equal(lakeMariner, _chain.Ledger("TeraWulf", scenario, "receipts LakeMarinerStake", t), 0.005);
                double jv = t < _chain.Of("Abernathy", scenario).PeriodsRun
                    ? _chain.Ledger("Abernathy", scenario, "5 distribute rest to JvEquity distributed", t) + _chain.Ledger("Abernathy", scenario, "8 distribute rest to JvEquity distributed", t)
                    : 0.0;
                Assert.Equal(0.51 * jv, _chain.Ledger("TeraWulf", scenario, "receipts AbernathyStake", t), 0.005);
            }
        }
    }

    [Fact]
    public void The_converts_are_structurally_subordinated_to_the_spvs_notes_Issue11()
    {
        // FluidstackDefault: Google's backstop keeps Lake Mariner's notes whole, but the lockbox traps everything the
        // notes leave from 2028-04-15 (the SPV's first trap) until they are repaid, so nothing reaches the parent
        // meanwhile: its receipts from Lake Mariner stop in that period (t = 4) to 2030-10-15 (t = 9), the notes' last.
        // The next period starts with nothing owed to the SPV's lenders (docs/language.md §11, "Nothing owed"): the
        // lockbox's 869.58m (947.44m held less the 77.86m its last instalment drew) reaches the parent on 2031-04-15
        // (t = 10), in time for the 2032 converts, which are repaid in full. Before, the lockbox held it to the SPV's
        // maturity in 2036, beyond the parent's, and the 2032 converts showed a 864.3m loss. Without the backstop
        // (BackstopFails) the notes default and the converts lose: subordinated to the SPV's notes, they are paid only
        // from what the notes leave.
        var spv = _chain.Of("LakeMariner", "FluidstackDefault");
        var parent = _chain.Of("TeraWulf", "FluidstackDefault");
        Assert.Equal(new Date(2028, 4, 15), spv.Events.Triggers.Single().FirstActive);
        Assert.Equal(0.0, spv.Tranches[0].PrincipalLoss);
        Assert.Null(spv.Events.EventOfDefault);
        for (int t = 4; t < 10; t++)
        {
            Assert.Equal(0.0, _chain.Ledger("TeraWulf", "FluidstackDefault", "receipts LakeMarinerStake", t));
        }

        Assert.Equal(869.58e6, _chain.Ledger("TeraWulf", "FluidstackDefault", "receipts LakeMarinerStake", 10), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "FluidstackDefault", "Lockbox balance", 10), 1e-6);
        Assert.Equal(0.0, parent.Tranches[1].PrincipalLoss, 1e-6);
        Assert.Equal(0.0, parent.Tranches[0].PrincipalLoss);
        Assert.True(_chain.Of("TeraWulf", "BackstopFails").Tranches[1].PrincipalLoss > 1e7);
        Assert.Equal(819.29e6, _chain.Of("TeraWulf", "BackstopFails").Tranches[1].PrincipalLoss, 1e4);
        // In Base the same converts are repaid in full.
        Assert.Equal(0.0, _chain.Of("TeraWulf", "Base").Tranches[1].PrincipalLoss);
        Assert.Equal(0.0, _chain.Of("TeraWulf", "Base").Tranches[0].PrincipalLoss);
    }

    [Fact]
    public void The_rent_covers_the_notes_heaviest_half_year_1_20_times_and_Base_repays_them_by_the_maturity()
    {
        // Period 5 (2027-10-15 → 2028-04-15), the first with every building complete: principal 2.736bn / 6 periods
        // left = 456m, interest 2.736bn × 7.75% / 2 = 106.02m, 562.02m of debt service, the heaviest half-year. The
        // rent, 1.31bn a year escalated 3% once (2027-06-30), is 1.31bn × 1.03 / 2 = 674.65m: 674.65 / 562.02 = 1.2004x.
        Assert.Equal(456e6, _chain.Ledger("LakeMariner", "Base", "Notes principal due", 4), 1e-3);
        Assert.Equal(106.02e6, _chain.Ledger("LakeMariner", "Base", "Notes interest due", 4), 1e-3);
        Assert.Equal(674.65e6, _chain.Ledger("LakeMariner", "Base", "rent FluidstackLease", 4), 1e-3);
        // The rent is phased, the coupon on the whole 3.2bn: the construction reserve, the three coupons due before the
        // last building is complete (3 × 124m = 372m), pays what the rent leaves unpaid. Periods 1 and 2 collect nothing:
        // the reserve pays their coupons (372m → 248m → 124m). Period 3 (2026-10-15 → 2027-04-15) reads 40% completed
        // and collects 1.31bn / 2 × 40% = 262m, which pays the 124m coupon and 138m of the 160m principal; the reserve
        // pays the other 22m (124m → 102m). Period 4 reads 70%: 655m a half-year, escalated 3% for the 107 of its 183
        // actual days from 2027-06-30 (the lease's basis), × 70% = 655m × (76 + 107 × 1.03) / 183 × 70% = 466.542541m,
        // which pays 3.04bn × 3.875% = 117.8m + 304m and sends 44.742541m up. Period 5, the first reading 100%, releases
        // the reserve's 102m. No payment is ever short, the last 456m at the maturity (2030-10-15, period 10).
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "Base", "rent FluidstackLease", 1));
        Assert.Equal(262e6, _chain.Ledger("LakeMariner", "Base", "rent FluidstackLease", 2), 1e-3);
        Assert.Equal(248e6, _chain.Ledger("LakeMariner", "Base", "ConstructionReserve balance", 0), 1e-3);
        Assert.Equal(124e6, _chain.Ledger("LakeMariner", "Base", "ConstructionReserve balance", 1), 1e-3);
        Assert.Equal(102e6, _chain.Ledger("LakeMariner", "Base", "ConstructionReserve balance", 2), 1e-3);
        Assert.Equal(102e6, _chain.Ledger("LakeMariner", "Base", "ConstructionReserve balance", 3), 1e-3);
        Assert.Equal(102e6, _chain.Ledger("LakeMariner", "Base", "4 release ConstructionReserve released", 4), 1e-3);
        Assert.Equal(655e6 * (76 + (107 * 1.03)) / 183 * 0.7, _chain.Ledger("LakeMariner", "Base", "rent FluidstackLease", 3), 1e-3);
        Assert.Equal((655e6 * (76 + (107 * 1.03)) / 183 * 0.7) - 117.8e6 - 304e6, _chain.Ledger("LakeMariner", "Base", "8 distribute rest to WulfEquity distributed", 3), 1e-3);
        for (int t = 0; t < 22; t++)
        {
            Assert.Equal(0.0, _chain.Ledger("LakeMariner", "Base", "1 pay Notes.interest short", t));
            Assert.Equal(0.0, _chain.Ledger("LakeMariner", "Base", "2 pay Notes.principal short", t));
        }

        Assert.Null(_chain.Of("LakeMariner", "Base").Tranches[0].FirstPrincipalShortfall);

        Assert.Equal(456e6, _chain.Ledger("LakeMariner", "Base", "2 pay Notes.principal paid", 9), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("LakeMariner", "Base", "Notes balance", 9));
    }

    [Fact]
    public void The_termination_fee_prepays_the_JV_notes_once_Fluidstack_has_defaulted()
    {
        // FluidstackDefault, period 5 (2027-10-15 → 2028-04-15), Fluidstack defaulting at its end: the fee's 377.77m
        // recovery and the period's revenue, less the notes' interest and scheduled principal, are all swept to the
        // notes (CustomerDefault => sweep 100% to JvNotes); JvEquity receives nothing that period.
        const string scenario = "FluidstackDefault";
        double available = _chain.Ledger("Abernathy", scenario, "collections", 4)
            - _chain.Ledger("Abernathy", scenario, "1 pay JvNotes.interest paid", 4)
            - _chain.Ledger("Abernathy", scenario, "2 pay JvNotes.principal paid", 4);
        Assert.Equal(377.77e6, _chain.Ledger("Abernathy", scenario, "termination fee AbernathyJV", 4), 1e-3);
        Assert.Equal(available, _chain.Ledger("Abernathy", scenario, "4 CustomerDefault => sweep 100% to JvNotes swept", 4), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("Abernathy", scenario, "5 distribute rest to JvEquity distributed", 4));
        // The partners are paid less in the customer's default than in Base.
        Assert.True(_chain.Of("Abernathy", scenario).Equities.Single().Distributions < _chain.Of("Abernathy", "Base").Equities.Single().Distributions);
    }

    [Fact]
    public void The_maturing_2031_converts_are_paid_from_their_reserve_before_anything_is_kept_for_the_2032s()
    {
        // Base, period 11 (2030-10-15 → 2031-04-15), the 2031 converts' maturity: their reserve, filled first to their
        // 850m, is released in full (its target, their scheduled balance after this period's principal, is 0) and
        // pays them; no bitcoin is sold. In no scenario are the 2031s short while the 2032s' reserve holds cash.
        Assert.Equal(850e6, _chain.Ledger("TeraWulf", "Base", "3 release Reserve2031 released", 10), 1e-3);
        Assert.Equal(850e6, _chain.Ledger("TeraWulf", "Base", "5 pay Converts2031.principal paid", 10), 1e-3);
        Assert.Equal(0.0, _chain.Ledger("TeraWulf", "Base", "4 sell Bitcoin to cover Converts2031.principal raised", 10));
        foreach (var scenario in _chain.Scenarios.Select(s => s.Name))
        {
            for (int t = 0; t < _chain.Of("TeraWulf", scenario).PeriodsRun; t++)
            {
                if (_chain.Ledger("TeraWulf", scenario, "5 pay Converts2031.principal short", t) > 0)
                {
                    Assert.Equal(0.0, _chain.Ledger("TeraWulf", scenario, "Reserve2032 balance", t));
                }
            }
        }
    }

    [Fact]
    public void Google_s_cap_used_up_is_exactly_100_percent()
    {
        // FluidstackDefault: Google's backstop pays the rent until its 3.2bn cap is used up. Its payments, summed as
        // doubles, land within an ulp of the cap (paid / cap was 0.9999999999999999 in CSV and JSON); what is left of the
        // cap is under half a cent, so the cap is used up: exactly 1 (docs/language.md §12, `cap used`). Where the
        // backstop pays nothing, 0.
        var google = _chain.Of("LakeMariner", "FluidstackDefault").Guarantees.Single();
        Assert.Equal(3.2e9, google.Paid, 1e-2);
        Assert.Equal(1.0, google.CapUsed);
        Assert.Equal(0.0, _chain.Of("LakeMariner", "BackstopFails").Guarantees.Single().CapUsed);
    }

    [Fact]
    public void A_converts_payment_default_accelerates_both_series_which_share_the_parent_s_cash_by_what_each_is_owed()
    {
        // BackstopFails, period 11 (2030-10-15 → 2031-04-15), the 2031 converts' maturity: the reserve's 681.03m, the
        // 1,000 coins sold for 81m and the period's cash pay 800.37m of the 850m, 49.63m short: a payment default,
        // an event of default at the period's end (the default rule, no grace on principal). Enforcement sells
        // nothing (no lien on the stakes or the miners: the parent works out as a going concern to 2032-04-15), and
        // its waterfall pays both series' whole balances pro rata by what each is owed (the 2032s' 900m accelerated,
        // owed at once). Period 12 (→ 2031-10-15): the miners' 42.822m less the 2031s' interest on 49.63m,
        // 49,629,790.59 × 1% / 2 = 248,148.95, leaves 42,573,851.05 for 949,629,790.59 owed: the 2031s take
        // 42,573,851.05 × 49,629,790.59 / 949,629,790.59 = 2,225,005.29 and the 2032s the other 40,348,845.75.
        // Period 13 (→ 2032-04-15, the maturity) shares its 42.822m the same way; what is left unpaid then is lost:
        // the 2031s 45.18m and the 2032s 819.29m (without the rule the 2031s were paid in full from the later cash,
        // ahead of the 2032s, which lost 864.27m).
        const string scenario = "BackstopFails";
        var parent = _chain.Of("TeraWulf", scenario);
        Assert.Equal(new Date(2031, 4, 15), parent.Events.EventOfDefault);
        Assert.Null(parent.Events.Sale);
        Assert.Equal(49_629_790.59, _chain.Ledger("TeraWulf", scenario, "5 pay Converts2031.principal short", 10), 1e-2);
        Assert.Equal(248_148.95, _chain.Ledger("TeraWulf", scenario, "13 pay Converts2031.interest paid", 11), 1e-2);
        double left = 42_822_000 - 248_148.95;
        double owed = 49_629_790.59 + 900e6;
        Assert.Equal(left * 49_629_790.59 / owed, _chain.Ledger("TeraWulf", scenario, "17 pay Converts2031.balance paid", 11), 1e-1);
        Assert.Equal(left * 900e6 / owed, _chain.Ledger("TeraWulf", scenario, "18 pay Converts2032.balance paid", 11), 1e-1);
        Assert.Equal(2_225_005.29, _chain.Ledger("TeraWulf", scenario, "17 pay Converts2031.balance paid", 11), 1e-2);
        Assert.Equal(45_179_198.58, parent.Tranches[0].PrincipalLoss, 1e-2);
        Assert.Equal(819_291_764.89, parent.Tranches[1].PrincipalLoss, 1e-2);
        // ConstructionDelay: the 2032s are short at the maturity, the run's last period: an event of default there,
        // with no period after it for the workout, so no figure moves.
        Assert.Equal(new Date(2032, 4, 15), _chain.Of("TeraWulf", "ConstructionDelay").Events.EventOfDefault);
        Assert.Equal(748_362_862.65, _chain.Of("TeraWulf", "ConstructionDelay").Tranches[1].PrincipalLoss, 1e-2);
        // Every other scenario pays both in full (or converts the 2031s): no event of default.
        foreach (var other in new[] { "Base", "CorrelationConvergence", "BitcoinRally", "FluidstackDefault", "Stochastic" })
        {
            Assert.Null(_chain.Of("TeraWulf", other).Events.EventOfDefault);
        }
    }
}
