using DealLang.Compiler;
using DealLang.Compiler.Diagnostics;
using Xunit;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// An RVG measured against a remarketing sale (docs/language.md §5 "lease", "An RVG against a remarketing sale"):
/// <c>rvg … against remarketing cost R</c>. When the RVG claim falls due, the facility is sold that day at its value then
/// less the remarketing cost (not the enforcement haircut), the net proceeds are a collection of the period (the ledger's
/// <c>remarketing L</c>, a one-off outside cfads), the RVG pays min(cap, max(0, G − proceeds)) × r, an RVG's guarantor
/// the rest of the claim as before, and the facility is gone: <c>F.value</c> reads 0 from the next period and a later
/// (or same-period) enforcement sale realises nothing for it. Every run is a <see cref="SmallDeal"/>'s with the cash
/// check on: cash is conserved in every period. Money compares to a cent (6 decimal places of a double's millions are
/// far below it: the tolerance is 0.01).
/// </summary>
public sealed class RvgRemarketingTests
{
    // Quarterly, closing 2026-01-01, 30/360. Campus costs 100m, straight-line over 20 years (240 months) from the
    // closing, no floor: worth 100m × (1 − months/240). Tenant (recovery 40%) leases it at 12m a year (3m a quarter)
    // for 5 years; the RVG guarantees 110m, capped at 40m, until 2033-01-01, measured against a remarketing sale costing
    // 3% of the value, and Parent (recovery 25%) guarantees it up to 30m. 'Value' reads Campus.value each period, 'Cash'
    // cfads.
    private const string Source = """
        deal Remarket {
          currency USD
          closing  2026-01-01
          maturity 2036-01-01
          pay      quarterly
          daycount 30/360

          party Tenant { recovery 40% }
          party Parent { recovery 25% }
          party Owner { }
          facility Campus { cost 100m  value straight_line 20y }
          lease L on Campus {
            lessee  Tenant
            rent    12m per year
            starts  2026-01-01
            term    5y
            rvg     guarantees 110m cap 40m until 2033-01-01 against remarketing cost 3% with guarantor Parent cap 30m
          }

          tranche Loan { balance 10m  coupon 6% }
          equity  Eq   { contributed 90m  holders Owner 100% }

          test Value = Campus.value
          test Cash = cfads

          waterfall {
            pay Loan.interest
            pay Loan.balance
            distribute rest to Eq
          }
        }

        scenario Expiry for Remarket { }

        scenario TenantDefaults for Remarket {
          Tenant defaults on 2027-01-01
        }
        """;

    private static readonly Lazy<SmallDeal> Deal = new(() => new SmallDeal(Source));

    [Fact]
    public void AtExpiryTheRvgPaysTheShortfallBelowTheNetProceeds()
    {
        // The lease expires on 2031-01-01, the end of period 19 (60 months): the campus is worth 100m × (1 − 60/240) =
        // 75m, sold for 75m × (1 − 3%) = 72.75m; the RVG is min(40m, 110m − 72.75m) = 37.25m (against the appraised
        // value it would be 35m), so the lenders' side receives 72.75m + 37.25m = 110m, the amount guaranteed. Parent
        // pays nothing: the tenant performs.
        Assert.Equal(72_750_000, Deal.Value.Ledger("remarketing L", 19, "Expiry"), 0.01);
        Assert.Equal(37_250_000, Deal.Value.Ledger("rvg L", 19, "Expiry"), 0.01);
        Assert.Equal(0.0, Deal.Value.Ledger("rvg guarantor L", 19, "Expiry"));
        Assert.Equal(37_250_000, Deal.Value.Outcomes["Expiry"].Events.RvgPaid.Single().Amount, 0.01);
        // The summary's 'remarketing proceeds' row reads the sale's net proceeds.
        Assert.Equal(72_750_000, Deal.Value.Outcomes["Expiry"].Events.Remarketing.Single().Amount, 0.01);
        // The period's collections: a quarter's rent, the proceeds and the RVG, 3m + 72.75m + 37.25m = 113m.
        Assert.Equal(113_000_000, Deal.Value.Ledger("collections", 19, "Expiry"), 0.01);
        // No proceeds in any other period: the facility is sold once.
        for (int t = 0; t < 40; t++)
        {
            if (t != 19)
            {
                Assert.Equal(0.0, Deal.Value.Ledger("remarketing L", t, "Expiry"));
            }
        }
    }

    [Fact]
    public void TheFacilityIsGoneAfterTheSale()
    {
        // Campus.value reads its value in the sale's period (75m at its end) and 0 from the next period on.
        Assert.Equal(75_000_000, Deal.Value.Ledger("Value", 19, "Expiry"), 0.01);
        Assert.Equal(0.0, Deal.Value.Ledger("Value", 20, "Expiry"));
        Assert.Equal(0.0, Deal.Value.Ledger("Value", 39, "Expiry"));
    }

    [Fact]
    public void ADefaultedLesseesClaimIsMeasuredAgainstTheSaleOnItsDefaultDay()
    {
        // Tenant defaults on 2027-01-01, the end of period 3 (12 months): worth 95m, sold for 95m × 0.97 = 92.15m; the
        // claim is min(40m, 110m − 92.15m) = 17.85m, of which Tenant pays 40% = 7.14m and Parent the other 10.71m (within
        // its 30m cap, not in default): 92.15m + 7.14m + 10.71m = 110m. The rent stops on the default date: period 3
        // earns its whole quarter (the default on its last day), period 4 nothing.
        Assert.Equal(92_150_000, Deal.Value.Ledger("remarketing L", 3, "TenantDefaults"), 0.01);
        Assert.Equal(7_140_000, Deal.Value.Ledger("rvg L", 3, "TenantDefaults"), 0.01);
        Assert.Equal(10_710_000, Deal.Value.Ledger("rvg guarantor L", 3, "TenantDefaults"), 0.01);
        Assert.Equal(3_000_000 + 92_150_000 + 7_140_000 + 10_710_000, Deal.Value.Ledger("collections", 3, "TenantDefaults"), 0.01);
        Assert.Equal(0.0, Deal.Value.Ledger("rent L", 4, "TenantDefaults"));
        Assert.Equal(0.0, Deal.Value.Ledger("Value", 4, "TenantDefaults"));
    }

    [Fact]
    public void TheProceedsAreNotCfads()
    {
        // cfads is collections less the one-offs: in period 19 only the rent (3m) is cfads, neither the sale's 72.75m nor
        // the RVG's 37.25m (without 'cfads includes rvg').
        Assert.Equal(3_000_000, Deal.Value.Ledger("Cash", 19, "Expiry"), 0.01);
    }

    // The same deal with an event of default at the end of the lease's last period ('Eod' on L.ended) and an enforcement
    // sale of the campus at once (lag 0m, 20% haircut): the remarketing sold the campus on the lease's last day, so the
    // enforcement sale at that period's end finds nothing to sell (60m, 75m × 0.8, before this feature would be a second
    // sale of one building) and the run ends with it.
    private static readonly Lazy<SmallDeal> Enforced = new(() => new SmallDeal(Source
        .Replace("test Value = Campus.value", "test Value = Campus.value\n  trigger Eod when L.ended => event_of_default", StringComparison.Ordinal)
        .Replace("""
              distribute rest to Eq
            }
          }
          """, """
              distribute rest to Eq
            }

            enforcement {
              sell Campus haircut 20% lag 0m
              waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Eq }
            }
          }
          """, StringComparison.Ordinal)));

    [Fact]
    public void AnEnforcementSaleAfterTheRemarketingRealisesNothingForTheFacility()
    {
        SmallDeal deal = Enforced.Value;
        // The event of default at the end of period 19, 2031-01-01, and the sale at the same period's end.
        Assert.Equal(new DealLang.Runtime.Date(2031, 1, 1), deal.Outcomes["Expiry"].Events.EventOfDefault);
        Assert.Equal(new DealLang.Runtime.Date(2031, 1, 1), deal.Outcomes["Expiry"].Events.Sale);
        Assert.Equal(72_750_000, deal.Ledger("remarketing L", 19, "Expiry"), 0.01);
        Assert.Equal(0.0, deal.Ledger("sale proceeds", 19, "Expiry"));
        Assert.Equal(0.0, deal.Outcomes["Expiry"].Events.SaleProceeds);
    }

    // An event of default two years after the remarketing (the end of period 23, 2032-01-01, by a trigger on the date)
    // and the same sale at once: the campus, remarketed in period 19, is gone, so the sale realises nothing (appraised,
    // 100m × (1 − 72/240) × 0.8 = 56m of a building sold already). Run as the ledger's loop and as a Monte Carlo path's
    // summary-only loop, which hands the state over to its own loop at the event of default.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnEnforcementSaleLaterRealisesNothingForTheRemarketedFacility(bool fullLedger)
    {
        var deal = new SmallDeal(Source
            .Replace("test Value = Campus.value", "test Value = Campus.value\n  trigger Eod when date >= 2032-01-01 => event_of_default", StringComparison.Ordinal)
            .Replace("""
                  distribute rest to Eq
                }
              }
              """, """
                  distribute rest to Eq
                }

                enforcement {
                  sell Campus haircut 20% lag 0m
                  waterfall { pay Loan.interest  pay Loan.balance  distribute rest to Eq }
                }
              }
              """, StringComparison.Ordinal), fullLedger);
        var events = deal.Outcomes["Expiry"].Events;
        Assert.Equal(new DealLang.Runtime.Date(2032, 1, 1), events.EventOfDefault);
        Assert.Equal(new DealLang.Runtime.Date(2032, 1, 1), events.Sale);
        Assert.Equal(0.0, events.SaleProceeds);
        Assert.Equal(72_750_000, events.Remarketing.Single().Amount, 0.01);
        Assert.Equal(37_250_000, events.RvgPaid.Single().Amount, 0.01);
    }

    [Theory]
    // A cost of 100%: DL0528 at the cost.
    [InlineData("against remarketing cost 100%", "DL0528", "against remarketing cost ")]
    // A negative cost: DL0528.
    [InlineData("against remarketing cost -1%", "DL0528", "against remarketing cost ")]
    // Written twice: DL0105 at the second.
    [InlineData("against remarketing cost 3% against remarketing", "DL0105", "against remarketing cost 3% ")]
    // A cost that is money, not a share of the value: DL0301-family unit error at the cost.
    [InlineData("against remarketing cost 3m", "DL0302", "against remarketing cost ")]
    public void AMisusedRemarketingIsReportedWhereItIsWritten(string terms, string code, string before)
    {
        string source = Source.Replace("against remarketing cost 3%", terms, StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        string[] lines = source.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(terms, StringComparison.Ordinal));
        Assert.Equal(line + 1, diagnostic.Span.Line);
        Assert.Equal(lines[line].IndexOf(terms, StringComparison.Ordinal) + before.Length + 1, diagnostic.Span.Column);
    }

    [Fact]
    public void AFacilityAnotherLeaseLeasesTooIsDl0529()
    {
        // A second lease of the campus: the remarketing would sell the building under its tenant.
        string source = Source.Replace("  tranche Loan", """
              lease Other on Campus {
                lessee Parent
                rent   1m per year
                starts 2026-01-01
                term   5y
              }

              tranche Loan
            """, StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DL0529", diagnostic.Code);
        Assert.Contains("lease 'Other' leases 'Campus' too", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABreaksOwnRvgTermsTakeNoRemarketing()
    {
        // The break 'with rvg' follows the lease's convention; its own terms are 'guarantees' and 'cap' only, so
        // 'against' there is a syntax error at the word.
        string source = Source.Replace("    term    5y\n", "    term    5y\n    break_option at 24m with rvg against remarketing\n", StringComparison.Ordinal);
        var result = DealCompiler.Check("small.deal", source);
        Assert.Contains(result.Diagnostics, d => d.Code == "DL0101" && d.Message.Contains("against", StringComparison.Ordinal));
    }
}
