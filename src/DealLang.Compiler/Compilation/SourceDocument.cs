namespace DealLang.Compiler;

/// <summary>A file given to a <see cref="Compilation"/> directly (the deal file, a scenario file), as text or as
/// bytes (bytes that are not UTF-8 are then reported, DL0133, rather than read as U+FFFD silently). The files
/// they import are read through an <see cref="ISourceFiles"/>.</summary>
public sealed class SourceDocument
{
    private SourceDocument(string path, string? text, byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Text = text;
        Bytes = bytes;
    }

    /// <summary>The path diagnostics name, and the folder imports are resolved from.</summary>
    public string Path { get; }

    internal string? Text { get; }

    internal byte[]? Bytes { get; }

    public static SourceDocument FromText(string path, string text) =>
        new(path, text ?? throw new ArgumentNullException(nameof(text)), null);

    public static SourceDocument FromBytes(string path, byte[] bytes) =>
        new(path, null, bytes ?? throw new ArgumentNullException(nameof(bytes)));
}
