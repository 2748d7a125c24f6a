namespace DealLang.Compiler.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
