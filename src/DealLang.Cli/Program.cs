using DealLang.Cli;

using Interruption interruption = Interruption.ForProcess();
return CliApp.Run(args, new CliConsole(StandardStream.Output(Console.Out), StandardStream.Error(Console.Error))
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    OpenInput = Console.OpenStandardInput,
    Interruption = interruption,
});
