using System.Globalization;
using System.Text;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Hosting;
using DealLang.Runner.Running;
using DealLang.Runtime;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Metamorphic;

/// <summary>One entity's outcome under one scenario, with its ledger's layout.</summary>
internal sealed record EntityRun(string Entity, string Scenario, LedgerLayout Layout, ScenarioOutcome Outcome);

/// <summary>
/// A deal file of the repository compiled and run under every scenario it has (a chain when it imports deals, every
/// entity's outcome then), each file it reads passed through a rewrite first: the variant of a metamorphic relation.
/// Full ledgers and the cash check are on, as in the baseline tests; images stay in this process's memory cache.
/// </summary>
internal static class DealVariantRuns
{
    private static readonly CompileOptions InMemory = new() { UseDiskCache = false };

    /// <summary>Files by their path relative to the repository's root, each rewritten by <c>rewrite(path, text)</c>.</summary>
    private sealed class RewrittenFiles(Func<string, string, string> rewrite) : ISourceFiles
    {
        public SourceFileRead Read(string path)
        {
            var read = DiskSourceFiles.Instance.Read(Path.Combine(RepoPaths.Root, path));
            return read.Problem != SourceFileProblem.None
                ? read
                : SourceFileRead.Of(Encoding.UTF8.GetBytes(rewrite(path, Encoding.UTF8.GetString(read.Bytes!))));
        }
    }

    public static ISourceFiles Repository { get; } = new RewrittenFiles((_, text) => text);

    public static string Read(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, path));

    /// <summary>The scenario files an example is run with beside its own scenarios (<c>--scenarios</c>, docs/cli.md).</summary>
    public static IReadOnlyList<string> ScenarioFiles(string path) =>
        path == "examples/hyperion.deal" ? ["examples/hyperion-stress.scenarios", "examples/hyperion-mc.scenarios"] : [];

    /// <summary>The deal whose compilation a scenario file is checked in.</summary>
    public static string DealOf(string scenarioFile) => "examples/hyperion.deal";

    /// <summary>The file checked by itself (a scenario file with its deal), its imports read from the repository:
    /// its syntax tree and semantic model.</summary>
    public static Compilation Check(string path, string text) =>
        path.EndsWith(".scenarios", StringComparison.Ordinal)
            ? Compilation.Create(SourceDocument.FromText(DealOf(path), Read(DealOf(path))), Repository, SourceDocument.FromText(path, text))
            : Compilation.Create(SourceDocument.FromText(path, text), Repository);

    /// <summary>Every entity's outcome under every scenario, and the compilation's diagnostics (warnings: it must compile).</summary>
    public static (List<EntityRun> Runs, List<string> Diagnostics) Run(string path, Func<string, string, string> rewrite)
    {
        string text = rewrite(path, Read(path));
        var compilation = Compilation.Create(SourceDocument.FromText(path, text), new RewrittenFiles(rewrite),
            ScenarioFiles(path).Select(f => SourceDocument.FromText(f, rewrite(f, Read(f)))));
        var top = DealCompiler.Compile(compilation, InMemory);
        Assert.True(top.Compiled is not null, $"the variant of {path} does not compile:\n" + string.Join('\n', top.Diagnostics) + "\n" + text);
        var diagnostics = top.Diagnostics.Select(d => d.ToString()).ToList();
        var runs = new List<EntityRun>();
        if (compilation.Entities.Count == 0)
        {
            using var host = DealHost.Load(top.Compiled.Image, top.Compiled.TypeName);
            foreach (var outcome in ScenarioRunner.RunAll(host.Program, top.Model!.Scenarios, fullLedger: true, checkCash: true))
            {
                runs.Add(new EntityRun(host.Program.Description.Name, outcome.Scenario, host.Program.Layout, outcome));
            }

            return (runs, diagnostics);
        }

        var entities = DealCompiler.CompileEntities(compilation, InMemory);
        var hosts = entities.Select(e => DealHost.Load(e.Compiled!.Image, e.Compiled.TypeName))
            .Append(DealHost.Load(top.Compiled.Image, top.Compiled.TypeName)).ToList();
        try
        {
            var models = compilation.Entities.Append(top.Model!).ToList();
            var outcomes = new ChainRunner([.. hosts.Select((h, i) => (h.Program, (IReadOnlyList<ScenarioSpec>)[.. models[i].Scenarios]))],
                fullLedger: true, checkCash: true).RunAll(top.Model!.Scenarios);
            runs.AddRange(outcomes.SelectMany(o => o.Entities.Select(e => new EntityRun(e.Deal.Name, o.Scenario, e.Layout, e.Outcome))));
            return (runs, diagnostics);
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    /// <summary>Offset in <paramref name="text"/> of a 1-based line and column.</summary>
    public static int Offset(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + column - 1;
    }

    /// <summary>The text from a span's first character to its last.</summary>
    public static (int Start, int End) Range(string text, DealLang.Compiler.Diagnostics.SourceSpan span) =>
        (Offset(text, span.Line, span.Column), Offset(text, span.EndLine, span.EndColumn) + 1);

    /// <summary>A number as written (digits, '_', '.', then its suffix) times <paramref name="factor"/>, with the same
    /// suffix. Exact in decimal, so with a power of two the double it reads as is exactly the original's times the
    /// factor (scaling by a power of two commutes with rounding to a double).</summary>
    public static string Times(string number, decimal factor)
    {
        int end = 0;
        while (end < number.Length && (char.IsAsciiDigit(number[end]) || number[end] is '_' or '.'))
        {
            end++;
        }

        decimal value = decimal.Parse(number[..end].Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return (value * factor).ToString(CultureInfo.InvariantCulture) + number[end..];
    }
}
