using System.CommandLine;
using DealLang.Runner.Reports;
using DealLang.Runner.Simulation;

namespace DealLang.Cli.Commands;

/// <summary>
/// <c>deallang merge SHARD… [--format table|csv|json|md] [-o FILE]</c>: combine the shard files of one Monte Carlo run
/// (<c>deallang mc --shard i/K --out FILE</c>) and print the report the single run prints, byte for byte; a chain's
/// shards print every entity's report, as <c>mc</c> on the chain does (<see cref="McChain.Reports"/>). Shards of
/// another deal or chain, seed or scenario, shards that overlap and missing shards are usage errors naming the files.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var shards = new Argument<string[]>("shards") { Description = "The shard files of one run (every shard, each once).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(ReportWriter.Formats);
        var output = CommonOptions.OutputOption();
        var command = new Command("merge", "Combine the shard files of a Monte Carlo run into its report.") { shards, format, output };
        command.SetAction(parse => ReportOutput.Run(console, parse.GetValue(output),
            c => Execute(parse.GetValue(shards) ?? [], ReportWriter.ParseFormat(parse.GetValue(format)!), c)));
        return command;
    }

    private static int Execute(string[] files, ReportFormat format, CliConsole console)
    {
        // Each file is read and added to the run's totals before the next is read, so a merge holds one file's totals
        // and the running sums, however many shards there are (ShardMerger).
        var merger = new ShardMerger();
        try
        {
            foreach (string file in files)
            {
                IReadOnlyList<ShardResult> entities;
                try
                {
                    console.Inputs.Add(file, "a shard file");
                    entities = ShardFile.ReadRun(ReadBytes(file));
                }
                catch (FormatException e)
                {
                    throw new UsageException($"{file} cannot be merged: {e.Message}", e);
                }

                merger.Add(file, entities);
            }

            var merged = merger.Finish();
            if (merged.Length == 1)
            {
                console.Out.Write(MonteCarloReport.Render(CreditMetrics.Compute(merged[0].Frame, merged[0].Totals), format));
            }
            else
            {
                ReportWriter.Write(McChain.Reports(merged, format), format, null, console);
            }

            McCommand.NoteStandardErrors(merged[0].Frame, console); // the shards' frames record how the paths were drawn
            return ExitCodes.Ok;
        }
        catch (ShardMergeException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    /// <summary>The most a shard file is read to (256 MiB): a deal with many indices and periods has large fan charts
    /// (each histogram's non-empty buckets, at most one per path), megabytes, far below it; what holds more
    /// (<c>/dev/zero</c>, a wrong file) is refused rather than read until memory runs out.</summary>
    public const long MaxShardBytes = 256L << 20;

    /// <summary>A shard file's bytes (at most <see cref="MaxShardBytes"/>), or a usage error naming what is wrong with
    /// the path.</summary>
    private static byte[] ReadBytes(string file)
    {
        GivenPath.Require(file, "shard file");
        try
        {
            if (Directory.Exists(file))
            {
                throw new UsageException($"{file} is a directory, not a shard file");
            }

            return Compiler.DiskSourceFiles.ReadAtMost(file, MaxShardBytes) ?? throw new UsageException(
                $"{file} holds more than {MaxShardBytes >> 20} MiB, more than a shard file does; is it the right file?");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"shard file {file} not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read shard file {file}: {DealLang.Compiler.DiskSourceFiles.SystemReason(e)}", e);
        }
    }
}
