using DealLang.Runner.Reports;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Corrections;

/// <summary>
/// A deal written in compute units, end to end (tests/corpus/valid/006): the rent and the power fee come to money
/// through GPUs, hours, kW and prices per unit, and tests in money per GPU and per GPU-hour reach the ledger and the
/// summary as plain numbers.
/// </summary>
public sealed class ComputeUnitsTests
{
    private static readonly SmallDeal Deal = new(File.ReadAllText(
        Path.Combine(RepoPaths.Root, "tests", "corpus", "valid", "006-gpu-cluster-in-compute-units.deal")));

    [Fact]
    public void TheRentAndThePowerFeeComeToMoney()
    {
        // Rent: 10,000 GPUs x 2.35 a GPU-hour x 8,760 hours x 70% = 144,102,000 a year; quarterly, 30/360: 36,025,500.
        // Power: 10,000 x 0.7 kW x 1.3 PUE x 0.08 a kWh (80 per MWh) x 8,760 h = 6,377,280 a year: 1,594,320 a quarter.
        Assert.Equal(36_025_500, Deal.Ledger("rent GpuLease", 0, "Contracted"), 1e-6);
        Assert.Equal(1_594_320, Deal.Ledger("1 pay Power paid", 0, "Contracted"), 1e-6);
    }

    [Fact]
    public void TestsInComputeUnitsAreNumbersInTheLedgerAndTheSummary()
    {
        // RentPerGpu = 36,025,500 / 10,000 = 3,602.55 a GPU; PowerPerGpuHour = 1,594,320 / (10,000 x 2,190 h) = 0.0728.
        Assert.Equal(3_602.55, Deal.Ledger("RentPerGpu", 0, "Contracted"), 1e-9);
        Assert.Equal(1_594_320 / 21_900_000.0, Deal.Ledger("PowerPerGpuHour", 0, "Contracted"), 1e-12);
        Assert.Equal(ColumnKind.Number, Deal.Outcomes["Contracted"].Events.Tests.Single(t => t.Test == "RentPerGpu").Kind);

        string summary = SummaryReport.Render(Deal.Description, [Deal.Outcomes["Contracted"]], ReportFormat.Table);
        Assert.Matches(@"RentPerGpu\s+minimum\s+3602\.55", summary);
        Assert.Matches(@"Utilisation\s+minimum\s+0\.70x", summary); // GPUs over GPUs is a ratio
    }
}
