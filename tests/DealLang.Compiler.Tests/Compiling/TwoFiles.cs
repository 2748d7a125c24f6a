using DealLang.Compiler.Diagnostics;

namespace DealLang.Compiler.Tests.Compiling;

/// <summary>A small deal and a scenario file beside it, in memory, with the line and column of each name the
/// tests point at (counted by hand from the text below: columns from 1, two spaces of indent).</summary>
internal static class TwoFiles
{
    public const string DealPath = "deals/main.deal";
    public const string ScenarioPath = "deals/stress.scenarios";

    // Line 7: "  party Tenant { ..."              Tenant at column 9.
    // Line 9: "  lease ShedLease on Shed {"       ShedLease at 9, Shed at 22.
    // Line 10: "    lessee Tenant"                Tenant at 12.
    // Line 15: "  tranche Notes { balance 20m * 2  coupon 5% }"
    //          Notes 11-15, 20m at 27, 2 at 33, 5% at 43.
    // Line 17: "  test Cover = cfads / Notes.debt_service"
    //          Cover 8, cfads 16-20, '/' 22, Notes 24-28, debt_service 30-41.
    // Line 19: "    pay Notes.interest"           Notes 9, interest 15.
    // Line 20: "    if date < 2029-01-01 { pay Notes.principal }"
    //          date 8-11, '<' 13, 2029-01-01 at 15-24, Notes 32.
    public const string Deal = """
        deal D {
          currency USD
          closing 2025-01-01
          maturity 2030-01-01
          pay annual
          daycount 30/360
          party Tenant { rating "BBB+"  pd 0.2%  recovery 40% }
          facility Shed { cost 60m  value straight_line 25y floor 10% from 2025-01-01 }
          lease ShedLease on Shed {
            lessee Tenant
            rent   8m per year
            starts 2025-01-01
            term   5y
          }
          tranche Notes { balance 20m * 2  coupon 5% }
          equity Eq { contributed 10m }
          test Cover = cfads / Notes.debt_service
          waterfall {
            pay Notes.interest
            if date < 2029-01-01 { pay Notes.principal }
            distribute rest to Eq
          }
        }
        """;

    // Line 1: "scenario Stress for D {"            Stress at 10, D at 21.
    // Line 2: "  ShedLease renewals taken 0"       ShedLease at 3.
    // Line 3: "  Shed.value deflate 5% per year"   Shed at 3, value 8, 5% at 22.
    // Line 4: "  Tenant defaults on 2027-06-30"    Tenant at 3.
    public const string Scenarios = """
        scenario Stress for D {
          ShedLease renewals taken 0
          Shed.value deflate 5% per year
          Tenant defaults on 2027-06-30
        }
        """;

    public static InMemorySourceFiles Files() => new InMemorySourceFiles().Add(DealPath, Deal).Add(ScenarioPath, Scenarios);

    /// <summary>The deal with the scenario file given beside it.</summary>
    public static Compilation Compile() => Compilation.Create(
        SourceDocument.FromText(DealPath, Deal), Files(), SourceDocument.FromText(ScenarioPath, Scenarios));

    public static string Show(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics);
}
