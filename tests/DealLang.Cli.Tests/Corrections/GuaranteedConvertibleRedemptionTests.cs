using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A guaranteed convertible called or put after its guarantor has paid part of the balance (docs/language.md §5,
/// "guaranteed convertible"): the redemption price applies to the holders' part B − S and the guarantor's subrogated S
/// alike (the issuer's obligations are the ones without a guarantor), and a hard call the holders answer by converting
/// converts their part only, the guarantor's S staying owed in cash. Before the fix the holders took the whole premium
/// (0.2m of it on the guarantor's 10m), bore the whole discount of a put below par (1m of it on the guarantor's part),
/// and converted the guarantor's 10m into shares with their own (160m of shares, the guarantor's claim gone with no
/// loss): each time the guarantee identity "net cost = L + U − holders' loss − Σ (I + C + D) × S / B − Σ F" failed.
/// Each figure computed by hand; SmallDeal runs with the cash check on (cash conserved every period).
/// </summary>
public sealed class GuaranteedConvertibleRedemptionTests
{
    // Annual, 30/360, 2025-01-01 → 2029-01-01: periods 0 (to 2026-01-01), 1 (to 2027-01-01), 2 (to 2028-01-01, the
    // call or put), 3 (to 2029-01-01, the maturity); ACT/365F years to their ends 1, 2, 3 and 1461/365. Notes: 100m at
    // 10% bullet, convertible at 12.50 against Shr (10, below the conversion price), behind State covering interest and
    // principal, subrogated after the holders. Rent 120m a year from 2026-01-01 (nothing in period 0).
    // Period 0: nothing collected; the holders' 10m coupon is unpaid and State pays it (A = 10m).
    // Period 1: interest due 10m + 10m of arrears = 20m, all paid; State's due is 10m × 0 / 100 + A = 10m, which would go
    // back to it, but subrogated after holders its 10m goes on to the holders (still owed 100m of principal) as their
    // principal: S = 10m, A = 0, nothing recovered. So from period 2 the holders hold B − S = 90m, State 10m (S / B = 0.1).
    private const string Source = """
        deal Callable {
          currency USD  closing 2025-01-01  maturity 2029-01-01  pay annual  daycount 30/360
          party Tenant { }
          party State  { }
          index Shr { level 10 per share }
          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 120m per year  starts 2026-01-01  term 3y }
          tranche Notes { balance 100m  coupon 10% fixed  amortize bullet  convertible at 12.50 per share against Shr  guarantor State cap 200m subrogated after holders }
          equity Sponsor { contributed 100m }
          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Sponsor
          }
        }
        scenario Called for Callable {
          Notes called on 2028-01-01 at 102%
        }
        scenario HalfCalled for Callable {
          Notes called on 2028-01-01 at 102% part 50%
        }
        """;

    private const double Cent = 0.01;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void Before_any_call_the_guarantor_holds_a_tenth_of_the_balance()
    {
        Assert.Equal(10_000_000, Deal.Value.Ledger("Notes paid by State", 0, "Called"), Cent);
        Assert.Equal(20_000_000, Deal.Value.Ledger("1 pay Notes.interest paid", 1, "Called"), Cent);
        Assert.Equal(0.0, Deal.Value.Ledger("Notes repaid to State", 1, "Called"), Cent);
        Assert.Equal(100_000_000, Deal.Value.Ledger("Notes balance", 1, "Called"), Cent);
    }

    [Fact]
    public void Called_for_cash_at_a_premium_each_claim_gets_the_call_price_on_its_part()
    {
        // Period 2, called at 102% with Shr 10 ≤ 1.02 × 12.50 = 12.75: the holders take the cash. The issuer owes as
        // without a guarantor: 100m of principal and 10m + a 2m premium of interest, all paid (120m collected). State
        // gets its coupon 10m × 0.1 = 1m, the premium on its part 2m × 0.1 = 0.2m and its principal 100m × 10 / 100 =
        // 10m: 11.2m (before the fix 11m, the holders taking the whole 2m premium). The holders: 9m + 1.8m + 90m = 100.8m
        // = 9m of coupon + 102% × 90m. State's net cost 10m − 11.2m = −1.2m = L + U − holders' loss − Σ (I + C + D) × S / B
        // = 0 + 0 − 0 − (10m + 2m) × 0.1.
        ScenarioOutcome called = Deal.Value.Outcomes["Called"];
        TrancheSummary notes = called.Tranches[0];
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), notes.CalledOn);
        Assert.Equal(2_000_000, Deal.Value.Ledger("Notes redemption premium", 2, "Called"), Cent);
        Assert.Equal(12_000_000, Deal.Value.Ledger("1 pay Notes.interest paid", 2, "Called"), Cent);
        Assert.Equal(100_000_000, Deal.Value.Ledger("2 pay Notes.principal paid", 2, "Called"), Cent);
        Assert.Equal(11_200_000, Deal.Value.Ledger("Notes repaid to State", 2, "Called"), Cent);
        Assert.Equal(0.0, Deal.Value.Ledger("Notes balance", 2, "Called"), Cent);
        Assert.Equal(0.0, notes.SharesValue);
        Assert.Equal(0.0, notes.HoldersLoss, Cent);
        Assert.Equal(-1_200_000, called.Guarantees[0].NetCost, Cent);

        // The holders' flows: −100m, then 10m (State), 20m, 100.8m at years 1, 2, 3: r = 10.5576% (bisection).
        double byHand = Bisect(r => -100 + (10 / (1 + r)) + (20 / Math.Pow(1 + r, 2)) + (100.8 / Math.Pow(1 + r, 3)));
        Assert.Equal(0.105576, byHand, 1e-6);
        Assert.Equal(byHand, notes.HoldersIrr, 1e-9);
    }

    [Fact]
    public void A_partial_call_for_cash_shares_its_price_by_the_two_parts_and_the_rest_runs_on()
    {
        // Period 2, half called at 102%: 50m due at the call price, a 1m premium with the 10m coupon, all paid. State's
        // share: its coupon 1m, the premium on its part 1m × 0.1 = 0.1m and the principal 50m × 10 / (50 + 50) = 5m: 6.1m,
        // S = 5m; but subrogated after holders, still owed 50m − 5m = 45m, the 6.1m goes on to them (the holders get
        // 11m + 50m = 61m) and S = 5m + 6.1m = 11.1m of B = 50m; nothing recovered. Period 3, the maturity: 5m of
        // interest and 50m paid; State's share 11.1 / 50 = 0.222: 1.11m + 11.1m = 12.21m; the holders 55m − 12.21m =
        // 42.79m. Net cost 10m − 12.21m = −2.21m = −((10m + 1m) × 0.1 + 5m × 0.222).
        ScenarioOutcome half = Deal.Value.Outcomes["HalfCalled"];
        Assert.Equal(1_000_000, Deal.Value.Ledger("Notes redemption premium", 2, "HalfCalled"), Cent);
        Assert.Equal(11_000_000, Deal.Value.Ledger("1 pay Notes.interest paid", 2, "HalfCalled"), Cent);
        Assert.Equal(50_000_000, Deal.Value.Ledger("2 pay Notes.principal paid", 2, "HalfCalled"), Cent);
        Assert.Equal(0.0, Deal.Value.Ledger("Notes repaid to State", 2, "HalfCalled"), Cent);
        Assert.Equal(50_000_000, Deal.Value.Ledger("Notes balance", 2, "HalfCalled"), Cent);
        Assert.Equal(12_210_000, Deal.Value.Ledger("Notes repaid to State", 3, "HalfCalled"), Cent);
        Assert.Equal(-2_210_000, half.Guarantees[0].NetCost, Cent);
        Assert.Equal(0.0, half.Tranches[0].HoldersLoss, Cent);

        // The holders' flows: −100m, 10m, 20m, 61m at years 1, 2, 3 and 42.79m at 1461/365.
        double byHand = Bisect(r => -100 + (10 / (1 + r)) + (20 / Math.Pow(1 + r, 2)) + (61 / Math.Pow(1 + r, 3)) + (42.79 / Math.Pow(1 + r, 1461 / 365.0)));
        Assert.Equal(byHand, half.Tranches[0].HoldersIrr, 1e-9);
    }

    [Fact]
    public void Called_when_the_shares_are_worth_more_the_holders_convert_and_the_guarantor_is_redeemed_in_cash()
    {
        // Shr steps to 20 on 2027-01-01: at the start of period 2, 20 > 12.75, so the holders convert rather than take
        // 102%. Their part, 90m, converts into 90m × 20 / 12.50 = 144m of shares (before 2026-12-08's first fix the whole
        // 100m, 160m, State's claim with it). The call is of the whole issue: State's 10m, a claim to cash, is redeemed
        // in cash at 102% (before this fix it ran on to the maturity, repaid there with its coupon: 12m recovered, net
        // −2m). Period 2: interest due the coupon on the opening 100m, 10m, plus the premium on State's part 2% × 10m =
        // 0.2m, all State's (the balance redeemed is its part alone): 10.2m; principal 10m; all paid (120m collected).
        // State gets 10m × 0.1 + 0.2m + 10m = 11.2m; nothing is left for period 3. Net cost 10m − 11.2m = −1.2m =
        // −(10m × 0.1 + 0.2m × 1). The holders: 10m, 20m, 9m + 144m = 153m at years 1, 2, 3, as before.
        string source = Source.Replace("index Shr { level 10 per share }", "index Shr { level 10 per share  points stepped { 2027-01-01 20 per share } }", StringComparison.Ordinal);
        Assert.NotEqual(Source, source);
        var deal = new SmallDeal(source);
        ScenarioOutcome called = deal.Outcomes["Called"];
        TrancheSummary notes = called.Tranches[0];
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), notes.CalledOn);
        Assert.Equal(144_000_000, deal.Ledger("Notes converted into shares", 2, "Called"), Cent);
        Assert.Equal(144_000_000, notes.SharesValue, Cent);
        Assert.Equal(200_000, deal.Ledger("Notes redemption premium", 2, "Called"), Cent);
        Assert.Equal(10_200_000, deal.Ledger("1 pay Notes.interest paid", 2, "Called"), Cent);
        Assert.Equal(10_000_000, deal.Ledger("2 pay Notes.principal paid", 2, "Called"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes balance", 2, "Called"), Cent);
        Assert.Equal(11_200_000, deal.Ledger("Notes repaid to State", 2, "Called"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes repaid to State", 3, "Called"), Cent);
        Assert.Equal(0.0, notes.PrincipalLoss, Cent);
        Assert.Equal(0.0, notes.HoldersLoss, Cent);
        Assert.Equal(-1_200_000, called.Guarantees[0].NetCost, Cent);

        double byHand = Bisect(r => -100 + (10 / (1 + r)) + (20 / Math.Pow(1 + r, 2)) + (153 / Math.Pow(1 + r, 3)));
        Assert.Equal(0.246004, byHand, 1e-6);
        Assert.Equal(byHand, notes.HoldersIrr, 1e-9);
    }

    [Fact]
    public void A_partial_call_the_holders_answer_by_converting_leaves_the_guarantors_part_owed()
    {
        // Half called at 102% with Shr at 20 (> 12.75): the holders convert their part of the called half, 50% × 90m =
        // 45m, into 45m × 20 / 12.50 = 72m of shares; the balance falls to 55m, State's 10m in it, not called (a
        // partial call redeems no part of S). Period 2: the 10m coupon on the opening 100m, paid; State's 1m goes on to
        // the holders (subrogated after them, still owed 45m) as principal: S = 11m of 55m. Period 3, the maturity: the
        // holders' 44m converts (Shr 20 > 12.50) into 70.4m of shares; 5.5m of interest and State's 11m paid, its
        // interest 5.5m × 11 / 55 = 1.1m: 12.1m recovered. Net cost 10m − 12.1m = −2.1m = −(10m × 0.1 + 5.5m × 0.2).
        string source = Source.Replace("index Shr { level 10 per share }", "index Shr { level 10 per share  points stepped { 2027-01-01 20 per share } }", StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        ScenarioOutcome half = deal.Outcomes["HalfCalled"];
        Assert.Equal(72_000_000, deal.Ledger("Notes converted into shares", 2, "HalfCalled"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes redemption premium", 2, "HalfCalled"), Cent);
        Assert.Equal(55_000_000, deal.Ledger("Notes balance", 2, "HalfCalled"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes repaid to State", 2, "HalfCalled"), Cent);
        Assert.Equal(70_400_000, deal.Ledger("Notes converted into shares", 3, "HalfCalled"), Cent);
        Assert.Equal(11_000_000, deal.Ledger("2 pay Notes.principal paid", 3, "HalfCalled"), Cent);
        Assert.Equal(12_100_000, deal.Ledger("Notes repaid to State", 3, "HalfCalled"), Cent);
        Assert.Equal(-2_100_000, half.Guarantees[0].NetCost, Cent);
    }

    // The guarantor holding the whole balance before a call (S = B). 100m at 50% annual, bullet, to 2030-01-01 (periods
    // 0 to 4, ACT/365F years 1, 2, 3, 4 and 1826/365), convertible at 12.50 against Shr (10, 20 from 2028-01-01), behind
    // State subrogated after the holders; rent 160m a year from 2027-01-01. Period 0: nothing collected, State pays the
    // holders' 50m coupon (A = 50m). Period 1: 50m + 50m of arrears due, nothing paid; State's part 50m × 0 + 50m, the
    // holders' new 50m unpaid, which State pays (A = 100m). Period 2: 150m of interest paid (160m collected, 10m to
    // Sponsor); State's 100m goes on to the holders (owed their 100m of principal) as their principal: S = 100m = B,
    // nothing recovered; the holders have had 50m, 50m and 150m, and hold nothing.
    private const string WholeSource = """
        deal Whole {
          currency USD  closing 2025-01-01  maturity 2030-01-01  pay annual  daycount 30/360
          party Tenant { }
          party State  { }
          index Shr { level 10 per share  points stepped { 2028-01-01 20 per share } }
          facility Site { cost 200m  value straight_line 20y }
          lease Rent on Site { lessee Tenant  rent 160m per year  starts 2027-01-01  term 3y }
          tranche Notes { balance 100m  coupon 50% fixed  amortize bullet  convertible at 12.50 per share against Shr  guarantor State cap 200m subrogated after holders }
          equity Sponsor { contributed 100m }
          waterfall {
            pay Notes.interest
            pay Notes.principal
            distribute rest to Sponsor
          }
        }
        scenario Called for Whole {
          Notes called on 2029-01-01 at 102%
        }
        """;

    [Fact]
    public void Called_when_the_guarantor_holds_the_whole_balance_it_is_redeemed_in_cash_at_the_call_price()
    {
        // Period 3, called at 102% with Shr 20 > 12.75: the holders would convert, but hold nothing (B − S = 0), so
        // nothing converts; State's 100m is redeemed in cash at 102% (before the fix nothing happened at the call, S ran
        // on to the maturity: 50m + 50m of interest and the 100m, 200m recovered, net −100m). Period 3: interest 50m +
        // the premium 2m, all State's (S / B = 1), and the 100m; all paid (160m collected, 8m to Sponsor): State
        // recovers 152m; period 4 nothing. Net cost 100m − 152m = −52m = −(50m × 0 + 50m × 0 + 150m × 0 + (50m + 2m) × 1).
        // The holders: −100m, 50m, 50m, 150m at years 1, 2, 3: r = 50% (50 / 1.5 + 50 / 2.25 + 150 / 3.375 = 100).
        var deal = new SmallDeal(WholeSource);
        ScenarioOutcome called = deal.Outcomes["Called"];
        TrancheSummary notes = called.Tranches[0];
        Assert.Equal(100_000_000, deal.Ledger("Notes paid by State", 0, "Called") + deal.Ledger("Notes paid by State", 1, "Called"), Cent);
        Assert.Equal(150_000_000, deal.Ledger("1 pay Notes.interest paid", 2, "Called"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes repaid to State", 2, "Called"), Cent);
        Assert.Equal(new DealLang.Runtime.Date(2029, 1, 1), notes.CalledOn);
        Assert.Equal(0.0, deal.Ledger("Notes converted into shares", 3, "Called"));
        Assert.Equal(2_000_000, deal.Ledger("Notes redemption premium", 3, "Called"), Cent);
        Assert.Equal(52_000_000, deal.Ledger("1 pay Notes.interest paid", 3, "Called"), Cent);
        Assert.Equal(100_000_000, deal.Ledger("2 pay Notes.principal paid", 3, "Called"), Cent);
        Assert.Equal(152_000_000, deal.Ledger("Notes repaid to State", 3, "Called"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes balance", 3, "Called"), Cent);
        Assert.Equal(0.0, deal.Ledger("Notes repaid to State", 4, "Called"), Cent);
        Assert.Equal(-52_000_000, called.Guarantees[0].NetCost, Cent);
        Assert.Equal(0.0, notes.HoldersLoss, Cent);

        double byHand = Bisect(r => -100 + (50 / (1 + r)) + (50 / Math.Pow(1 + r, 2)) + (150 / Math.Pow(1 + r, 3)));
        Assert.Equal(0.5, byHand, 1e-9);
        Assert.Equal(byHand, notes.HoldersIrr, 1e-9);
    }

    [Fact]
    public void A_call_the_issuer_cannot_pay_in_full_leaves_the_guarantors_part_owed_as_arrears()
    {
        // The whole-balance deal called at 160% instead: period 3 owes 50m of interest, the 60m premium (all State's) and
        // the 100m; 160m collected pays the 110m of interest and 50m of principal, 50m left owed as arrears (the tranche
        // redeemed: all due in cash). State recovers 160m. Period 4, the maturity: 50m × 50% = 25m of interest and the
        // 50m, paid: 75m. Net cost 100m − 235m = −135m = −((50m + 60m) × 1 + 25m × 1).
        string source = WholeSource.Replace("at 102%", "at 160%", StringComparison.Ordinal);
        Assert.NotEqual(WholeSource, source);
        var deal = new SmallDeal(source);
        Assert.Equal(60_000_000, deal.Ledger("Notes redemption premium", 3, "Called"), Cent);
        Assert.Equal(110_000_000, deal.Ledger("1 pay Notes.interest paid", 3, "Called"), Cent);
        Assert.Equal(100_000_000, deal.Ledger("Notes principal due", 3, "Called"), Cent);
        Assert.Equal(50_000_000, deal.Ledger("2 pay Notes.principal paid", 3, "Called"), Cent);
        Assert.Equal(50_000_000, deal.Ledger("Notes balance", 3, "Called"), Cent);
        Assert.Equal(160_000_000, deal.Ledger("Notes repaid to State", 3, "Called"), Cent);
        Assert.Equal(25_000_000, deal.Ledger("1 pay Notes.interest paid", 4, "Called"), Cent);
        Assert.Equal(50_000_000, deal.Ledger("2 pay Notes.principal paid", 4, "Called"), Cent);
        Assert.Equal(75_000_000, deal.Ledger("Notes repaid to State", 4, "Called"), Cent);
        Assert.Equal(-135_000_000, deal.Outcomes["Called"].Guarantees[0].NetCost, Cent);
    }

    [Fact]
    public void Put_below_par_each_claim_is_written_down_by_the_same_share()
    {
        // put 2028-01-01 at 90%: at the start of period 2 Shr 10 < 0.90 × 12.50 = 11.25, the holders put. The balance is
        // written down by 10% × 100m = 10m, as without a guarantor, and State's part with it by 10% × 10m = 1m: S = 9m
        // of B = 90m, all due and paid with the 10m coupon. State: its coupon 1m and 90m × 9 / 90 = 9m: 10m (before the
        // fix 11m, the holders bearing the whole 10m discount). The holders: 9m + 81m = 90m = 9m + 90% × 90m. Net cost
        // 10m − 10m = 0 = −(10m + (−10m)) × 0.1, the discount D counting against the guarantor's part as a premium does
        // for it. The deal without the scenarios' calls, the put written on the tranche.
        string source = Source[..Source.IndexOf("scenario Called", StringComparison.Ordinal)]
            .Replace("convertible at 12.50 per share against Shr ", "convertible at 12.50 per share against Shr put 2028-01-01 at 90% ", StringComparison.Ordinal)
            + "scenario Put for Callable { }\n";
        Assert.Contains("put 2028-01-01 at 90%", source, StringComparison.Ordinal);
        var plain = new SmallDeal(source);
        ScenarioOutcome outcome = plain.Outcomes["Put"];
        TrancheSummary notes = outcome.Tranches[0];
        Assert.Equal(new DealLang.Runtime.Date(2028, 1, 1), notes.PutOn);
        Assert.Equal(-10_000_000, plain.Ledger("Notes redemption premium", 2, "Put"), Cent);
        Assert.Equal(90_000_000, plain.Ledger("2 pay Notes.principal paid", 2, "Put"), Cent);
        Assert.Equal(10_000_000, plain.Ledger("Notes repaid to State", 2, "Put"), Cent);
        Assert.Equal(0.0, outcome.Guarantees[0].NetCost, Cent);
        Assert.Equal(0.0, notes.HoldersLoss, Cent);

        // The holders' flows: −100m, 10m, 20m, 90m at years 1, 2, 3: r = 7.1140% (bisection).
        double byHand = Bisect(r => -100 + (10 / (1 + r)) + (20 / Math.Pow(1 + r, 2)) + (90 / Math.Pow(1 + r, 3)));
        Assert.Equal(0.071140, byHand, 1e-6);
        Assert.Equal(byHand, notes.HoldersIrr, 1e-9);
    }

    [Fact]
    public void No_put_once_the_holders_hold_nothing_their_part_converted()
    {
        // Convertible early above 150% (18.75) and put 2028-06-01 (period 3) at 90%; Shr 20 from 2027-01-01, 10 from 2028-01-01.
        // Period 2: 20 ≥ 18.75, the holders' 90m converts early into 90m × 20 / 12.50 = 144m of shares; B = S = 10m.
        // Period 3, the maturity, Shr 10 < 90% × 12.50 = 11.25: the holders would put, but hold nothing; the put is
        // theirs, so nothing is put (before the fix State's 10m was written down by 10%, 1m: 1m + 9m recovered in
        // period 3, 11m in all, net −1m).
        // State: period 2 its coupon 10m × 0.1 = 1m; period 3 1m of interest and its 10m: 11m. Net cost 10m − 12m = −2m.
        string source = Source[..Source.IndexOf("scenario Called", StringComparison.Ordinal)]
            .Replace("index Shr { level 10 per share }", "index Shr { level 10 per share  points stepped { 2027-01-01 20 per share  2028-01-01 10 per share } }", StringComparison.Ordinal)
            .Replace("convertible at 12.50 per share against Shr ", "convertible at 12.50 per share against Shr early above 150% put 2028-06-01 at 90% ", StringComparison.Ordinal)
            + "scenario Put for Callable { }\n";
        Assert.Contains("early above 150% put 2028-06-01 at 90%", source, StringComparison.Ordinal);
        Assert.Contains("2028-01-01 10 per share", source, StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        ScenarioOutcome outcome = deal.Outcomes["Put"];
        TrancheSummary notes = outcome.Tranches[0];
        Assert.Equal(144_000_000, deal.Ledger("Notes converted into shares", 2, "Put"), Cent);
        Assert.Equal(10_000_000, deal.Ledger("Notes balance", 2, "Put"), Cent);
        Assert.Null(notes.PutOn);
        Assert.Equal(0.0, deal.Ledger("Notes redemption premium", 3, "Put"));
        Assert.Equal(10_000_000, deal.Ledger("2 pay Notes.principal paid", 3, "Put"), Cent);
        Assert.Equal(1_000_000, deal.Ledger("Notes repaid to State", 2, "Put"), Cent);
        Assert.Equal(11_000_000, deal.Ledger("Notes repaid to State", 3, "Put"), Cent);
        Assert.Equal(-2_000_000, outcome.Guarantees[0].NetCost, Cent);
    }

    [Fact]
    public void No_put_when_the_guarantor_holds_the_whole_balance()
    {
        // The whole-balance deal (S = B = 100m after period 2) with a put on 2029-01-01 at 90% and no call: period 3, Shr
        // 20 > 11.25, so no put would happen anyway; with Shr at 10 throughout, 10 < 11.25: the holders would put, but
        // hold nothing. Nothing is put (before the fix State's 100m was written down to 90m and repaid with its 50m
        // coupon in period 3: 140m, net −40m); the notes run to the maturity: periods 3 and 4 50m of interest each, the 100m at the maturity, all
        // paid (160m a year collected): 200m recovered, net cost 100m − 200m = −100m = −(50m + 50m) × 1.
        string source = WholeSource[..WholeSource.IndexOf("scenario Called", StringComparison.Ordinal)]
            .Replace("  points stepped { 2028-01-01 20 per share }", "", StringComparison.Ordinal)
            .Replace("convertible at 12.50 per share against Shr ", "convertible at 12.50 per share against Shr put 2029-01-01 at 90% ", StringComparison.Ordinal)
            + "scenario Put for Whole { }\n";
        Assert.Contains("put 2029-01-01 at 90%", source, StringComparison.Ordinal);
        Assert.DoesNotContain("stepped", source, StringComparison.Ordinal);
        var deal = new SmallDeal(source);
        ScenarioOutcome outcome = deal.Outcomes["Put"];
        Assert.Null(outcome.Tranches[0].PutOn);
        Assert.Equal(0.0, deal.Ledger("Notes redemption premium", 3, "Put"));
        Assert.Equal(50_000_000, deal.Ledger("Notes repaid to State", 3, "Put"), Cent);
        Assert.Equal(150_000_000, deal.Ledger("Notes repaid to State", 4, "Put"), Cent);
        Assert.Equal(-100_000_000, outcome.Guarantees[0].NetCost, Cent);
    }

    // The root of an NPV falling in the rate on [−50%, 100%], to 1e-12.
    private static double Bisect(Func<double, double> npv)
    {
        double lo = -0.5, hi = 1.0;
        Assert.True(npv(lo) > 0 && npv(hi) < 0);
        while (hi - lo > 1e-12)
        {
            double mid = (lo + hi) / 2;
            if (npv(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
