using DealLang.Cli;

using Interruption interruption = Interruption.ForProcess();
return CliApp.Run(args, new CliConsole(Console.Out, Console.Error)
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    OpenInput = Console.OpenStandardInput,
    Interruption = interruption,
});
