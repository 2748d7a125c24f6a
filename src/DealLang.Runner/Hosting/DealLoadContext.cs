using System.Reflection;
using System.Runtime.Loader;

namespace DealLang.Runner.Hosting;

/// <summary>
/// A collectible context for one compiled deal. The deal must see the very DealLang.Runtime assembly the
/// runner was built against, or its <c>IDealProgram</c> would be a different type and the cast would fail;
/// everything else it may reference is the BCL, which the default context resolves when we return null.
/// </summary>
sealed class DealLoadContext : AssemblyLoadContext
{
    static readonly Assembly RuntimeAssembly = typeof(DealLang.Runtime.IDealProgram).Assembly;
    static readonly string RuntimeName = RuntimeAssembly.GetName().Name!;

    public DealLoadContext(string name)
        : base(name, isCollectible: true)
    {
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        string.Equals(assemblyName.Name, RuntimeName, StringComparison.Ordinal) ? RuntimeAssembly : null;
}
