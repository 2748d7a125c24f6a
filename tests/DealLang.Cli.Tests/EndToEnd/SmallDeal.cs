using DealLang.Compiler;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;

namespace DealLang.Cli.Tests.EndToEnd;

/// <summary>Compiles a deal written inline in a test and runs its scenarios with the cash check on.</summary>
internal static class SmallDeal
{
    public static IReadOnlyDictionary<string, ScenarioOutcome> Run(string text)
    {
        var result = DealCompiler.Compile("small.deal", text);
        if (result.Compiled is null)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }

        using DealHost host = DealHost.Load(result.Compiled.Image, result.Compiled.TypeName);
        return ScenarioRunner.RunAll(host.Program, fullLedger: true, checkCash: true)
            .ToDictionary(o => o.Scenario, StringComparer.Ordinal);
    }
}
