namespace DealLang.Cli;

/// <summary>A user's command-line mistake found after parsing (missing file, unknown scenario): printed as one
/// line and mapped to <see cref="ExitCodes.UsageError"/>.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
