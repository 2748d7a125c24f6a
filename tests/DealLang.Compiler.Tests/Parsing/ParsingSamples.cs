namespace DealLang.Compiler.Tests.Parsing;

/// <summary>Deal texts shared by the parsing tests.</summary>
internal static class ParsingSamples
{
    /// <summary>
    /// The Hyperion sketch from the design notes (LANGUAGE.md), written in DealLang's grammar: 'per year'
    /// for '/y', 'rvg guarantees X cap Y until D', 'pd 0.03%', a quoted rating, and header items one per line.
    /// Figures from FACTS.md; the junior tranche, the fee and the reserve terms are assumptions for tests.
    /// Line numbers matter: SpanTests and the AST tests point into this text.
    /// </summary>
    public const string Hyperion = """
        // Meta Hyperion (Beignet Investor LLC), abridged.
        deal Hyperion {
          title    "Beignet Investor LLC \"Hyperion\" JV"
          currency USD
          closing  2025-10-30
          maturity 2049-05-30
          pay      semiannual
          daycount 30/360

          party Meta    { rating "AA-"  pd 0.03%  recovery 60% }
          party BlueOwl { }

          facility Campus { cost 27bn  value straight_line 30y floor 20% from 2029-11-30 }

          lease MetaLease on Campus {
            lessee   Meta
            rent     2.6bn per year escalating 2% per year   // assumption
            starts   2029-11-30
            term     4y
            renewals 4 x 4y at lessee option
            rvg      guarantees Notes.balance cap 28bn until 2045-11-30
          }

          tranche Notes {
            balance  27.3bn
            coupon   6.581% fixed
            interest_only until 2029-11-30
            amortize level
          }
          /* assumption: a junior piece priced at the senior coupon plus a spread */
          tranche Junior { balance 450m  coupon 6.581% + 225bp  amortize bullet  maturity 2049-05-30  seniority 2 }

          equity  Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }
          account Dsra { target 6m of debt_service  initial 0  earns 4% }
          fee     Opex { 1% of Campus.cost per year escalating 2% per year }

          test    Dscr = cfads / debt_service over trailing 12m
          trigger CashTrap when Dscr < 1.10x from 2030-11-30 => trap
          default when Notes.interest_shortfall > 0

          waterfall {
            pay Opex
            pay Notes.interest using Dsra
            pay Junior.interest
            fill Dsra
            pay Notes.principal
            if CashTrap { hold rest in Dsra } else { release Dsra }
            distribute rest to Sponsor
          }

          enforcement {
            sell Campus haircut 20% lag 6m
            waterfall {
              pay Notes.interest
              pay Notes.balance
              pay Junior.balance
              distribute rest to Sponsor
            }
          }
        }

        scenario SlowProductivity for Hyperion {
          MetaLease renewals taken 1
          market_rent deflate 8% per year
        }

        scenario Refuted for Hyperion {
          MetaLease renewals taken 0
          Campus.value drop 70% by 2034-01-01
          Meta defaults on 2035-06-30
          enforcement haircut 50% lag 12m
        }
        """;
}
