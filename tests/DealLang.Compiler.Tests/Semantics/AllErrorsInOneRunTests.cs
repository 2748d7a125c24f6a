using DealLang.Compiler.Diagnostics;
using static DealLang.Compiler.Tests.Semantics.SemanticHarness;

namespace DealLang.Compiler.Tests.Semantics;

/// <summary>
/// Errors do not stop at the first: one file with a mistake of (nearly) every kind reports them all in one run.
/// Left out, because they rule others out: DL0402 (no deal at all), DL0404 (closing after maturity disables the
/// date checks that need both), DL0411 (no waterfall disables the waterfall checks) and DL0422 (its own test,
/// StructureTests.SeniorityZeroInTheFileIsTheCheckersToReport).
/// </summary>
public sealed class AllErrorsInOneRunTests
{
    private const string Text = """
        deal D {
          closing 2025-01-01
          maturity 2030-01-01
          first_payment 2031-01-01
          pay annually
          daycount 30/365
          party P { recovery 150% }
          party Q { pd Notes.coupon }
          facility F { cost -1bn value schedule { } }
          facility G { value straight_line 30y }
          lease L on F { lessee F rent 10m per year escalating 0.02 per year starts 2024-01-01 term 0m rvg until 2023-01-01 }
          tranche Notes { balance 100m coupon 5% }
          tranche Notes { balance 1m coupon 1% }
          tranche Junior { balance 5% coupon 9% maturity 2031-01-01 amortize schedule { 2027-01-01 1m 2026-01-01 1m } }
          equity Eq { contributed 10m holders P 50%, Q 10% }
          account cfads
          account A { target 6m of Notes.balance }
          fee Opex { 1% of cfads per year }
          test T1 = T2 + 1x
          test T2 = T1 * 2
          test T3 = Notse.balance
          test T4 = Notes.intrest
          test T5 = Notes
          test T6 = cfads.total
          test T7 = mn(cfads, debt_service)
          test T8 = abs(cfads, cfads)
          test T9 = Trap
          test T10 = Notes.balance + Notes.coupon
          test T11 = Notes.balance > 0
          test T12 = -date
          test T13 = cfads / 0
          test T14 = Eq
          trigger Trap when Later => trapp
          trigger Later when Notes.balance => trap
          trigger Both when cfads and cfads > 0 => trap
          default when cfads < 0
          default when cfads < 1m
          waterfall {
            pay Notes
            fill Notes
            pay Notes.interest
            pay Notes.principal
            distribute rest to Eq
            release A
          }
          enforcement { sell F haircut 120% }
          enforcement { }
        }
        deal Second { }
        scenario S for Other { MetaLease renewals taken 1 }
        scenario S for D {
          Notes renewals taken 1
          L renewals taken 1
          Eq.value drop 10% by 2024-01-01
          F.cost deflate 1% per year
        }
        """;

    private static readonly string[] Expected =
    [
        "DL0201", "DL0202", "DL0203", "DL0204", "DL0205", "DL0206", "DL0207", "DL0208", "DL0209", "DL0210", "DL0211", "DL0212", "DL0213",
        "DL0301", "DL0302", "DL0303", "DL0304", "DL0305", "DL0306", "DL0307", "DL0308", "DL0309", "DL0310", "DL0311", "DL0312", "DL0314",
        "DL0401", "DL0403", "DL0405", "DL0406", "DL0407", "DL0408", "DL0409", "DL0410", "DL0412", "DL0414", "DL0416", "DL0417", "DL0418",
        "DL0419", "DL0421",
        "DL0501", "DL0502", "DL0503", "DL0504", "DL0505", "DL0506", "DL0509",
    ];

    [Fact]
    public void EveryMistakeIsReportedInOneRun()
    {
        IReadOnlyList<Diagnostic> diagnostics = Errors(Text);

        var codes = diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code).ToHashSet();
        Assert.Empty(Expected.Except(codes));
        Assert.All(diagnostics, d => Assert.True(d.Span.Line > 0 && d.Span.Path == FilePath, d.ToString()));
    }

    [Fact]
    public void EachMistakeIsReportedOnItsOwnLine()
    {
        IReadOnlyList<Diagnostic> diagnostics = Errors(Text);

        // Spot checks that messages land on the line that holds the mistake (lines counted in Text above).
        Assert.Contains(diagnostics, d => d.Code == "DL0307" && d.Span.Line == 7);  // recovery 150%
        Assert.Contains(diagnostics, d => d.Code == "DL0303" && d.Span.Line == 11); // escalating 0.02
        Assert.Contains(diagnostics, d => d.Code == "DL0201" && d.Span.Line == 13); // second Notes
        Assert.Contains(diagnostics, d => d.Code == "DL0414" && d.Span.Line == 19); // T1 → T2 → T1
        Assert.Contains(diagnostics, d => d.Code == "DL0211" && d.Span.Line == 33); // Trap reads Later
        Assert.Contains(diagnostics, d => d.Code == "DL0410" && d.Span.Line == 44); // release A after distribute
        Assert.Contains(diagnostics, d => d.Code == "DL0401" && d.Span.Line == 49); // deal Second
    }
}
