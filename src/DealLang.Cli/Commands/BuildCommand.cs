using System.CommandLine;
using DealLang.Compiler;
using DealLang.Compiler.Emit;
using DealLang.Runner.Reports;

namespace DealLang.Cli.Commands;

/// <summary><c>deallang build FILE [--emit-cs DIR] [--out DIR]</c>: compile a deal (with its imports) to C# and an assembly;
/// a scenario file given alone builds its deal, the scenario file checked with it (<see cref="ScenarioFileAlone"/>).</summary>
internal static class BuildCommand
{
    public static Command Create(CliConsole console, CompileOptions options)
    {
        var file = CommonOptions.DealFileArgument();
        var emitCs = new Option<string?>("--emit-cs") { Description = "Write the generated C# to this folder.", HelpName = "dir" };
        var outDir = new Option<string?>("--out") { Description = "Write the compiled assembly (.dll) to this folder.", HelpName = "dir" };
        var command = new Command("build", "Compile a deal file to C# and a .NET assembly.") { file, emitCs, outDir };
        command.SetAction(parse => Execute(parse.GetValue(file)!, parse.GetValue(emitCs), parse.GetValue(outDir), console, options));
        return command;
    }

    private static int Execute(string path, string? emitCs, string? outDir, CliConsole console, CompileOptions options)
    {
        // A scenario file given alone builds its deal (the language server's pairing), checked with it, not reported as
        // a file without a deal (DL0402). Scenarios are never part of the compiled deal: what is written is the deal's.
        (path, string[] scenarioFiles) = ScenarioFileAlone.Resolve("build", path, [], console);
        var compilation = DealFile.Compile(path, scenarioFiles, console);
        var result = DealFile.Build(compilation, options, console);
        DiagnosticPrinter.Print(result.Diagnostics, console.Error);
        if (result.Compiled is null)
        {
            return result.Model is null ? ExitCodes.DealErrors : ExitCodes.InternalError;
        }

        // A chain: every entity is its own program, written beside the deal's (docs/language.md §5 "holding").
        var entities = DealCompiler.CompileEntities(compilation, options);
        var outputs = new OutputFiles(console.Inputs);
        foreach (var entity in entities)
        {
            DiagnosticPrinter.Print(entity.Diagnostics, console.Error);
            if (entity.Compiled is not { } e)
            {
                return ExitCodes.InternalError;
            }

            Write(outputs, e, emitCs, outDir);
        }

        var compiled = result.Compiled;
        Write(outputs, compiled, emitCs, outDir);

        foreach (string written in outputs.Commit())
        {
            console.Wrote(written);
        }

        console.Out.WriteLine($"{TerminalText.Escape(DealFile.Shown(path))}: compiled {FileStem(compiled.TypeName)} ({compiled.Image.Length:N0} bytes, key {compiled.CacheKey[..12]})");
        return ExitCodes.Ok;
    }

    private static void Write(OutputFiles outputs, CompiledDeal compiled, string? emitCs, string? outDir)
    {
        if (emitCs is not null)
        {
            outputs.Add(Path.Combine(OutputPaths.Folder(emitCs), FileStem(compiled.TypeName) + ".cs"), compiled.Source);
        }

        if (outDir is not null)
        {
            outputs.Add(Path.Combine(OutputPaths.Folder(outDir), FileStem(compiled.TypeName) + ".dll"), compiled.Image);
        }
    }

    /// <summary>DealLang.Generated.Deal_Hyperion → Deal_Hyperion: the class name, as the file is named.</summary>
    private static string FileStem(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];
}
