using System.Reflection;
using System.Runtime.Loader;
using DealLang.Compiler.Emit;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// A cached deal is found before any C# is emitted and its run never loads Roslyn (issue 8, target 4): the CLI is
/// loaded afresh into a load context that records every assembly it is asked for, and run there. On a hit the
/// record holds DealLang's assemblies but no Microsoft.CodeAnalysis; on a miss (the control) it holds Roslyn,
/// which proves the record would show it.
/// </summary>
public sealed class CacheHitLoadTests : IDisposable
{
    private static readonly string Hyperion = Path.Combine(RepoPaths.Examples, "hyperion.deal");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deallang-cache-hit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_cache_hit_runs_the_deal_without_loading_Roslyn()
    {
        Assert.Equal(ExitCodes.Ok, CliHarness.RunWith(new CompileOptions { CacheDirectory = _directory, UseMemoryCache = false }, "build", Hyperion).Exit);

        var (exit, output, requested) = RunInFreshContext("run", Hyperion, "--scenario", "Base", "--format", "csv");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("DealLang.Compiler", requested);
        Assert.Contains("DealLang.Runner", requested);
        Assert.DoesNotContain(requested, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Equal(CliHarness.RunWith(new CompileOptions { UseDiskCache = false }, "run", Hyperion, "--scenario", "Base", "--format", "csv").Out, output);
    }

    [Fact]
    public void A_cache_miss_loads_Roslyn_so_the_record_would_show_it()
    {
        var (exit, _, requested) = RunInFreshContext("build", Hyperion);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(requested, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    /// <summary>Runs the CLI from a new copy of its assemblies (this test's output folder), with the test's cache
    /// folder and no memory cache: what a fresh <c>deallang</c> process does.</summary>
    private (int Exit, string Output, IReadOnlyCollection<string> Requested) RunInFreshContext(params string[] args)
    {
        var context = new RecordingLoadContext(AppContext.BaseDirectory);
        try
        {
            Assembly cli = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "deallang.dll"));
            Assembly compiler = context.LoadFromAssemblyName(new AssemblyName("DealLang.Compiler"));
            Type optionsType = compiler.GetType(typeof(CompileOptions).FullName!, throwOnError: true)!;
            object options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty(nameof(CompileOptions.CacheDirectory))!.SetValue(options, _directory);
            optionsType.GetProperty(nameof(CompileOptions.UseMemoryCache))!.SetValue(options, false);

            using var output = new StringWriter();
            using var error = new StringWriter();
            object console = Activator.CreateInstance(cli.GetType(typeof(CliConsole).FullName!, throwOnError: true)!, output, error)!;
            MethodInfo run = cli.GetType(typeof(CliApp).FullName!, throwOnError: true)!.GetMethod(nameof(CliApp.Run))!;
            int exit = (int)run.Invoke(null, [args, console, options])!;
            Assert.True(error.ToString().Length == 0, error.ToString());
            return (exit, output.ToString(), context.Requested);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads DealLang and its packages from a folder, afresh (the framework comes from the default
    /// context), and records the name of every assembly asked for.</summary>
    private sealed class RecordingLoadContext(string folder) : AssemblyLoadContext("cache hit test", isCollectible: true)
    {
        private readonly HashSet<string> _requested = new(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Requested
        {
            get
            {
                lock (_requested)
                {
                    return [.. _requested];
                }
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string name = assemblyName.Name ?? "";
            lock (_requested)
            {
                _requested.Add(name);
            }

            string path = Path.Combine(folder, name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
