namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An account's target (docs/language.md §5 <c>account</c>): worked out once a period, with the amounts due, before the
/// waterfall moves any cash, and never below zero: a target that reads below zero is 0, where a <c>release</c> used to
/// pay out more than the account held (its balance below zero, and the run's cash check an internal error at the end).
/// Every period conserves cash (the runner checks it) and the accounts end empty.
/// </summary>
public sealed class AccountTargetTests
{
    // Annual, 2026-01-01 → 2031-01-01, 30/360: 30m of rent a year. 40m of notes at 0%, linear over the four years to
    // 2030-01-01 (10m a year). The reserve keeps what the notes' opening balance exceeds 25m by: 15m, 5m, then below zero.
    private const string Source = """
        deal Targets {
          currency USD
          closing  2026-01-01
          maturity 2031-01-01
          pay      annual
          daycount 30/360

          party Tenant { }
          facility Site { cost 100m  value straight_line 30y }
          lease Rent on Site { lessee Tenant  rent 30m per year  starts 2026-01-01  term 5y }

          tranche Notes { balance 40m  coupon 0% fixed  amortize linear  maturity 2030-01-01 }
          equity Eq { contributed 5m }

          account Reserve { target Notes.balance - 25m }
          account Spare { initial 10m }
          account Mirror { target Spare.balance }

          waterfall {
            pay Notes.interest
            pay Notes.principal
            release Reserve
            fill Reserve
            release Spare
            fill Mirror
            release Mirror
            distribute rest to Eq
          }
        }
        """;

    private static readonly SmallDeal Deal = new(Source);

    [Fact]
    public void ATargetBelowZeroKeepsNothing()
    {
        // 2026: 30m − 10m of principal leaves 20m; the target 40m − 25m = 15m is kept. 2027: target 30m − 25m = 5m,
        // 10m released. 2028: 20m − 25m = −5m, read as 0: the 5m left is released, the reserve then empty (a release of
        // 5m − (−5m) = 10m took 5m more than it held). 2029: 10m − 25m, 0 again: nothing to release.
        Assert.Equal(15e6, Deal.Ledger("Reserve balance", 0), 1e-6);
        Assert.Equal(10e6, Deal.Ledger("3 release Reserve released", 1), 1e-6);
        Assert.Equal(5e6, Deal.Ledger("3 release Reserve released", 2), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("3 release Reserve released", 3));
        for (int t = 0; t < 5; t++)
        {
            Assert.True(Deal.Ledger("Reserve balance", t) >= 0.0, "the reserve never holds less than nothing");
        }
    }

    [Fact]
    public void ATargetIsWorkedOutBeforeTheWaterfallMovesCash()
    {
        // Mirror's target reads Spare's balance with the amounts due, before the waterfall: 10m in 2026, though
        // 'release Spare' has emptied Spare by the time 'fill Mirror' runs, so Mirror is filled to 10m (from the 20m −
        // 15m + 10m = 15m available), and its own release there moves nothing. In 2027 Spare reads 0: Mirror's target is
        // 0, it keeps nothing, and its 10m is released.
        Assert.Equal(10e6, Deal.Ledger("5 release Spare released", 0), 1e-6);
        Assert.Equal(10e6, Deal.Ledger("6 fill Mirror filled", 0), 1e-6);
        Assert.Equal(0.0, Deal.Ledger("7 release Mirror released", 0));
        Assert.Equal(10e6, Deal.Ledger("7 release Mirror released", 1), 1e-6);
    }
}
