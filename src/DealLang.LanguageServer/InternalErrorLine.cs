namespace DealLang.LanguageServer;

/// <summary>
/// What the server logs of an exception it did not expect: one line (its type and message), as docs/editors.md
/// promises and as the CLI reports an internal error; the stack trace only with <c>DEALLANG_DEBUG=1</c>, as the
/// CLI's. An editor's output panel shows every line the server writes, so a trace would bury the rest.
/// </summary>
internal static class InternalErrorLine
{
    public static string Of(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Environment.GetEnvironmentVariable("DEALLANG_DEBUG") == "1")
        {
            return e.ToString();
        }

        string message = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return $"{e.GetType().Name}: {message} (a bug in DealLang: please report it; DEALLANG_DEBUG=1 logs its stack trace)";
    }
}
