namespace DealLang.Runner.Hosting;

/// <summary>
/// A compiled deal image could not be loaded or instantiated. The image comes from our own compiler, never
/// from a user's hand, so this is always an internal error (CLI exit code 3), not a diagnostic.
/// </summary>
public sealed class DealLoadException : Exception
{
    public DealLoadException()
    {
    }

    public DealLoadException(string message)
        : base(message)
    {
    }

    public DealLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
