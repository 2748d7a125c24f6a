using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace DealLang.TestSupport;

/// <summary>
/// Baseline comparison with Verify's file conventions (<c>Snapshots/Class.Method.verified.txt</c>
/// beside the test, a <c>.received.</c> twin on mismatch), so that moving to Verify.Xunit once its
/// package can be restored is a package swap rather than a rename of every baseline.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to <c>1</c> to overwrite every differing or missing baseline instead of failing.</summary>
    public const string AcceptVariable = "DEALLANG_ACCEPT";

    internal const string AcceptCommand = AcceptVariable + "=1 dotnet test";
    internal const string AcceptScript = "scripts/accept-baselines.sh";
    internal const string FolderName = "Snapshots";

    // No BOM: the repository's .editorconfig says utf-8, and a BOM would show up as a diff.
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Compares <paramref name="actual"/> with
    /// <c>Snapshots/{SourceFile}.{name ?? member}.verified.{extension}</c> next to the calling test's
    /// source file. Pass <paramref name="name"/> for parameterised cases (e.g. <c>hyperion-Base</c>),
    /// since they share one member name.
    /// </summary>
    public static void Verify(
        string actual,
        string extension = "txt",
        string? name = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string member = "")
    {
        Verify(
            actual,
            DirectoryFor(sourceFile),
            FileStem(sourceFile, name ?? member),
            extension,
            string.Equals(Environment.GetEnvironmentVariable(AcceptVariable), "1", StringComparison.Ordinal));
    }

    /// <summary>The comparison itself, with the folder and accept switch explicit so tests of the helper need not touch the environment.</summary>
    internal static void Verify(string actual, string directory, string fileStem, string extension, bool accept)
    {
        // Verify takes the extension without its dot; a stray one would make "x.verified..txt".
        extension = extension.TrimStart('.');
        RequireFileNamePart(extension, nameof(extension));
        var verifiedPath = Path.Combine(directory, $"{fileStem}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{fileStem}.received.{extension}");

        var received = Normalise(actual);
        var verified = File.Exists(verifiedPath) ? Normalise(File.ReadAllText(verifiedPath)) : null;

        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            DeleteIfPresent(receivedPath);
            return;
        }

        if (accept)
        {
            Write(verifiedPath, received);
            DeleteIfPresent(receivedPath);
            return;
        }

        Write(receivedPath, received);
        Assert.Fail(FailureMessage(verifiedPath, receivedPath, verified, received));
    }

    /// <summary>CRLF or CR become LF and the text ends in exactly one LF, so baselines survive Git's line-ending conversions and editors' final-newline habits.</summary>
    internal static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";

    internal static string DirectoryFor(string sourceFile)
    {
        var sourceDirectory = Path.GetDirectoryName(sourceFile);

        // A path-mapped build (ContinuousIntegrationBuild / DeterministicSourcePaths) hands us
        // "/_/..." instead of the real source path; writing there would lose the baseline.
        if (string.IsNullOrEmpty(sourceDirectory) || !Path.IsPathRooted(sourceFile) || !Directory.Exists(sourceDirectory))
        {
            throw new InvalidOperationException(
                $"Cannot place a snapshot beside '{sourceFile}': the caller's source folder does not exist. " +
                "Snapshot tests need real source paths, so do not build them with path mapping " +
                "(ContinuousIntegrationBuild or DeterministicSourcePaths).");
        }

        return Path.Combine(sourceDirectory, FolderName);
    }

    internal static string FileStem(string sourceFile, string name)
    {
        RequireFileNamePart(name, nameof(name));
        return $"{Path.GetFileNameWithoutExtension(sourceFile)}.{name}";
    }

    static string FailureMessage(string verifiedPath, string receivedPath, string? verified, string received)
    {
        var message = new StringBuilder();
        if (verified is null)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"Snapshot missing: {verifiedPath}");
        }
        else
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"Snapshot differs: {verifiedPath}");
            if (LineDifference.Find(verified, received) is { } difference)
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"  first difference at line {difference.Line}:");
                message.AppendLine(CultureInfo.InvariantCulture, $"    expected: {Show(difference.Expected)}");
                message.AppendLine(CultureInfo.InvariantCulture, $"    actual:   {Show(difference.Actual)}");
            }
        }

        message.AppendLine(CultureInfo.InvariantCulture, $"  received: {receivedPath}");
        message.AppendLine(CultureInfo.InvariantCulture, $"To accept the received output, run: {AcceptCommand}");
        message.Append(CultureInfo.InvariantCulture, $"  (or {AcceptScript}, which moves every *.received.* over its *.verified.*)");
        return message.ToString();
    }

    // Quoted so trailing spaces and tabs, the usual invisible culprits, can be seen.
    static string Show(string? line) => line is null ? "<end of file>" : $"\"{line}\"";

    static void RequireFileNamePart(string value, string parameter)
    {
        // Checked against every platform's forbidden characters, not just this one's, so a
        // baseline accepted on Linux can still be checked out on Windows.
        if (value.Length == 0 || value.AsSpan().IndexOfAny("/\\:*?\"<>|") >= 0 || value.Any(char.IsControl))
        {
            throw new ArgumentException($"'{value}' cannot be part of a snapshot file name.", parameter);
        }
    }

    static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }

    static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
