using DealLang.Cli;

using Interruption interruption = Interruption.ForProcess();
return CliApp.Run(args, new CliConsole(StandardStream.Output(Console.Out), StandardStream.Error(Console.Error))
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    OpenInput = ClosedStandardInput.Open, // not the runtime's own pipe, which a closed standard input leaves at 0
    Interruption = interruption,
});
