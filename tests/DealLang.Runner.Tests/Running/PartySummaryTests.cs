using DealLang.Runner.Running;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Running;

public class PartySummaryTests
{
    private static readonly FourPeriodProgram Program = new();

    [Fact]
    public void Annual_pd_compounds_to_the_deal_maturity()
    {
        var outcome = new ScenarioRunner(Program).Run(FourPeriodProgram.TenantDefaults(Program.Description));
        var tenant = outcome.Parties[0];

        // Closing 2025-01-01 to maturity 2028-12-31 is 1460 days = 4.0 years ACT/365F;
        // 1 - (1 - 2%)^4 = 1 - 0.92236816 = 0.07763184.
        Assert.Equal("Tenant", tenant.Name);
        Assert.Equal("BB", tenant.Rating);
        Assert.Equal(0.02, tenant.AnnualPd, 12);
        Assert.Equal(0.07763184, tenant.PdToMaturity, 8);
        Assert.Equal(0.4, tenant.Recovery, 12);
        Assert.Equal(new Date(2026, 6, 30), tenant.DefaultDate);
        Assert.Null(outcome.Parties[1].DefaultDate);
    }
}
