using DealLang.Cli;

return CliApp.Run(args, new CliConsole(Console.Out, Console.Error) { ErrorIsTerminal = !Console.IsErrorRedirected, OpenInput = Console.OpenStandardInput });
