using System.CommandLine;
using DealLang.LanguageServer;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang lsp [--stdio]</c>: the language server (src/DealLang.LanguageServer, docs/editors.md) over standard
/// input and output, until the editor sends <c>exit</c> or closes the pipe; its own messages go to standard error,
/// which editors show in their output panel. Exit 0 after the protocol's <c>shutdown</c>, 1 otherwise.
/// Formatting is <c>deallang fmt</c>'s formatter (<see cref="LanguageServer.Features.DealDocumentFormatter"/>).
/// </summary>
internal static class LspCommand
{
    public static Command Create(CliConsole console)
    {
        var stdio = new Option<bool>("--stdio")
        {
            Description = "Speak the protocol over standard input and output (the only transport; editors' clients pass it).",
        };
        var command = new Command("lsp", "Run the DealLang language server over standard input and output (docs/editors.md).") { stdio };
        command.SetAction(_ => Run(console));
        return command;
    }

    private static int Run(CliConsole console)
    {
        // A closed standard input is an editor gone before it spoke (exit 1, as a closed pipe), not the runtime's own
        // pipe at descriptor 0, whose reading would wait forever.
        using Stream input = ClosedStandardInput.WasClosed() ? Stream.Null : Console.OpenStandardInput();
        using Stream output = Console.OpenStandardOutput();
        return DealLanguageServer.RunAsync(input, output, TextWriter.Synchronized(console.Error), new LanguageServer.Features.DealDocumentFormatter()).GetAwaiter().GetResult();
    }
}
