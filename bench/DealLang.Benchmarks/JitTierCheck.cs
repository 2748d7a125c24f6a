using System.Globalization;
using System.Reflection;
using DealLang.Benchmarks.HandWritten;

namespace DealLang.Benchmarks;

/// <summary>
/// <c>--tiers</c>: issue 8's target 2, no JIT cliff for a deal of 1,000 entities. Compiles each case's deal, runs its
/// path a few times, and lists the JIT tier every generated method that runs per path was compiled at (from the
/// runtime's own events, <see cref="JitTiers"/>), with the largest method's IL. <c>MinOpts</c> is the cliff. The
/// methods a deal runs once, when it is loaded (its static constructor and what it calls, <c>ComputeYearFractions</c>
/// and <c>ComputeEscalation</c>, and <c>CreateDescription</c>, <c>CreateLayout</c>), are counted apart: the runtime compiles a class's run-once initialisation with MinOpts
/// whatever its size, and no path runs them. Not a timing.
/// </summary>
public static class JitTierCheck
{
    /// <summary>1,000 leases; and 250 each of tranches, leases, fees and tests (with a trigger per test): 1,000
    /// entities and 250 triggers, each a step of both waterfalls.</summary>
    public static readonly string[] Cases = ["Leases1000/Base", "Leases1000/Stress", "Wide250/Base", "Wide250/Stress"];

    // Called by the static constructor (the rows every path reads, worked out once) or by the host once.
    static readonly string[] LoadOnly = [".cctor", "CreateDescription", "CreateLayout", "ComputeYearFractions", "ComputeEscalation", "get_Description", "get_Layout"];

    public static void Run(string[] names, TextWriter output)
    {
        using var jit = new JitTiers();
        var cases = new List<PathCase>();
        try
        {
            foreach (string name in names)
            {
                var c = new PathCase(name);
                cases.Add(c);
                for (int i = 0; i < 20; i++)
                {
                    c.BuildAfter();
                    c.Run();
                }
            }

            Thread.Sleep(500); // the runtime delivers its JIT events from a dispatch thread
            output.WriteLine("| Case | periods run | methods run per path, by JIT tier | largest of them (IL) | MinOpts among them | run once at load |");
            output.WriteLine("|---|---:|---|---|---|---|");
            foreach (PathCase c in cases)
            {
                Type type = c.Program.GetType();
                var tiers = jit.Of(type.FullName!);
                var perPath = tiers.Where(p => !LoadOnly.Contains(Name(p.Key))).ToList();
                var loadOnly = tiers.Where(p => LoadOnly.Contains(Name(p.Key))).ToList();
                var sizes = type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).Append(type)
                    .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                        .Cast<MethodBase>().Concat(t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                        .Select(m => (Key: (t == type ? "" : t.Name + ".") + m.Name, Il: m.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0)))
                    .ToList();
                var largest = sizes.Where(s => perPath.Any(p => p.Key == s.Key)).OrderByDescending(s => s.Il).FirstOrDefault();
                var minOpts = perPath.Where(p => p.Value == "MinOpts").Select(p => p.Key).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Result.PeriodsRun} | {ByTier(perPath)} | {largest.Key} ({largest.Il:N0} B) | {(minOpts.Count == 0 ? "none" : string.Join(", ", minOpts))} | {ByTier(loadOnly)} |"));
            }

            output.WriteLine();
            output.WriteLine($"CPU: {Timing.CpuName()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        }
        finally
        {
            foreach (PathCase c in cases)
            {
                c.Dispose();
            }
        }
    }

    static string Name(string key) => key[(key.LastIndexOf('.') is int dot && dot > 0 ? dot + 1 : 0)..];

    static string ByTier(IEnumerable<KeyValuePair<string, string>> methods) =>
        string.Join(", ", methods.GroupBy(p => p.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
}
