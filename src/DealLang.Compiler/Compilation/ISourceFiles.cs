namespace DealLang.Compiler;

/// <summary>
/// Where a <see cref="Compilation"/> reads the files it imports: the disk for the CLI
/// (<see cref="DiskSourceFiles"/>), memory for tests and an editor whose buffers are not saved yet
/// (<see cref="InMemorySourceFiles"/>). A provider never throws for a missing or unreadable file: it says what
/// is wrong, and the compiler turns that into a diagnostic at the import (the CLI, for the files it is given,
/// into a usage error).
/// </summary>
public interface ISourceFiles
{
    /// <summary>The file's bytes (the compiler decodes them, <c>DealText</c>), or why it cannot be read.</summary>
    SourceFileRead Read(string path);
}

/// <summary>Why a file could not be read.</summary>
public enum SourceFileProblem
{
    None,
    NotFound,
    Directory,

    /// <summary>More than <see cref="DiskSourceFiles.MaxBytes"/>; a device such as <c>/dev/zero</c> reads as one.</summary>
    TooLarge,

    /// <summary>Permissions or an I/O error; <see cref="SourceFileRead.Detail"/> holds the system's message.</summary>
    Unreadable,
}

/// <summary>One read: <see cref="Bytes"/> when <see cref="Problem"/> is <see cref="SourceFileProblem.None"/>.</summary>
public sealed record SourceFileRead(byte[]? Bytes, SourceFileProblem Problem, string Detail = "")
{
    public static SourceFileRead Of(byte[] bytes) => new(bytes, SourceFileProblem.None);

    public static SourceFileRead Failed(SourceFileProblem problem, string detail = "") => new(null, problem, detail);

    /// <summary>The problem in words, for a message ("is a directory", "is larger than 16 MiB …").</summary>
    public string Reason => Problem switch
    {
        SourceFileProblem.NotFound => "file not found",
        SourceFileProblem.Directory => "it is a directory",
        SourceFileProblem.TooLarge => $"it is larger than {DiskSourceFiles.MaxBytes / (1024 * 1024)} MiB, the most a deal file may hold",
        SourceFileProblem.Unreadable => Detail,
        _ => "",
    };
}
