namespace DealLang.Cli.Tests.Commands;

/// <summary>A deal file is read with a bounded reader: a huge file or an endless device is a one-line usage
/// error (exit 2), not an out-of-memory crash.</summary>
public sealed class InputLimitTests
{
    [Fact]
    public void Dev_zero_is_refused_as_too_large()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no /dev/zero
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = CliHarness.Run("check", "/dev/zero");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ExitCodes.UsageError, outcome.Exit);
        Assert.Equal("deallang: error: /dev/zero is larger than 16 MiB, the most a deal file may hold; is it the right file?", outcome.Err.Trim());
        Assert.True(allocated < 256L * 1024 * 1024, $"reading /dev/zero allocated {allocated:N0} bytes");
        UsageErrorTests.AssertNoStackTrace(outcome);
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused_and_one_at_the_limit_is_read()
    {
        string file = Path.Combine(Path.GetTempPath(), "deallang-big-" + Guid.NewGuid().ToString("N") + ".deal");
        try
        {
            using (var stream = File.Create(file))
            {
                stream.SetLength(DealFile.MaxBytes + 1L);
            }

            var tooLarge = CliHarness.Run("run", file);
            Assert.Equal(ExitCodes.UsageError, tooLarge.Exit);
            Assert.Contains("is larger than 16 MiB", tooLarge.Err, StringComparison.Ordinal);

            // A real deal padded with spaces to exactly the limit is read and checked as usual.
            byte[] deal = File.ReadAllBytes(Path.Combine(DealLang.TestSupport.RepoPaths.Examples, "hyperion.deal"));
            byte[] padded = new byte[DealFile.MaxBytes];
            deal.CopyTo(padded, 0);
            padded.AsSpan(deal.Length).Fill((byte)' ');
            File.WriteAllBytes(file, padded);

            var atLimit = CliHarness.Run("check", file);
            Assert.Equal(ExitCodes.Ok, atLimit.Exit);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
