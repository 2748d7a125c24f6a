namespace DealLang.Runtime;

/// <summary>Thrown by <see cref="CashCheck"/> when a period's cash does not add up: always a compiler or
/// runtime bug, never a user's mistake, so the CLI reports it as an internal error (exit 3).</summary>
public sealed class CashConservationException : Exception
{
    public CashConservationException()
    {
    }

    public CashConservationException(string message)
        : base(message)
    {
    }

    public CashConservationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
