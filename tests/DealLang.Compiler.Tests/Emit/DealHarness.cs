using System.Runtime.Loader;
using DealLang.Compiler.Diagnostics;
using DealLang.Compiler.Emit;
using DealLang.Compiler.Model;
using DealLang.Runtime;

namespace DealLang.Compiler.Tests.Emit;

/// <summary>Emits, compiles and loads a hand-built model into a collectible context, as the runner's host will.</summary>
internal sealed class DealHarness : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private DealHarness(CompiledDeal compiled, AssemblyLoadContext context, IDealProgram program)
    {
        Compiled = compiled;
        _context = context;
        Program = program;
    }

    public CompiledDeal Compiled { get; }

    public IDealProgram Program { get; }

    public DealDescription Description => Program.Description;

    public static DealHarness Load(DealModel model)
    {
        var emitted = CSharpEmitter.Emit(model);
        var bag = new DiagnosticBag();
        var compiled = RoslynCompiler.Compile(emitted, model.SourcePath, bag, new CompileOptions { UseDiskCache = false });
        Assert.True(compiled is not null, string.Join("\n", bag.Items));
        var context = new AssemblyLoadContext("deal-test-" + model.Name, isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(compiled.Image));
        var type = assembly.GetType(compiled.TypeName, throwOnError: true)!;
        var program = (IDealProgram)Activator.CreateInstance(type)!;
        return new DealHarness(compiled, context, program);
    }

    /// <summary>A path with the given rent per period and facility value per period, nothing defaulted,
    /// the lease running past the horizon (no RVG), the deal's sale terms, and the cash check on.</summary>
    public PathInputs Inputs(Func<int, double> rent, Func<int, double> value)
    {
        var input = new PathInputs(Description) { Scenario = "test", CheckCashConservation = true };
        for (int t = 0; t < Description.Periods; t++)
        {
            input.LeaseRent[0][t] = rent(t);
            input.FacilityValue[0][t] = value(t);
        }

        input.LeaseEndPeriod[0] = -1;
        input.RvgApplies[0] = false;
        input.RvgRecovery[0] = 1;
        input.SaleHaircut[0] = 0.20;
        input.SaleLagMonths[0] = 6;
        return input;
    }

    public RunResult Run(PathInputs input, bool fullLedger = true)
    {
        var result = new RunResult(Description, Program.Layout, fullLedger);
        Program.Run(input, result);
        return result;
    }

    public int Column(string name)
    {
        var columns = Program.Layout.Columns;
        for (int i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException("No ledger column '" + name + "'.");
    }

    public void Dispose() => _context.Unload();
}
