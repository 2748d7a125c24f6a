using System.Reflection;
using DealLang.Runtime;

namespace DealLang.Runner.Hosting;

/// <summary>
/// Owns a compiled deal loaded into its own collectible <see cref="System.Runtime.Loader.AssemblyLoadContext"/>,
/// so a long-lived process (a watch loop, a test run over many examples) can load deal after deal and give
/// each one back on <see cref="Dispose"/>. Drop every reference to <see cref="Program"/> (and to results that
/// hold its types) before disposing, or the context cannot actually be collected.
/// </summary>
public sealed class DealHost : IDisposable
{
    DealLoadContext? context;
    IDealProgram? program;

    DealHost(DealLoadContext context, IDealProgram program)
    {
        this.context = context;
        this.program = program;
    }

    /// <summary>The deal's program; throws <see cref="ObjectDisposedException"/> once the host is disposed.</summary>
    public IDealProgram Program => program ?? throw new ObjectDisposedException(nameof(DealHost));

    /// <summary>
    /// Loads <paramref name="image"/> (a compiled deal assembly) and instantiates <paramref name="typeName"/>
    /// through its public parameterless constructor. Any failure is a <see cref="DealLoadException"/> and leaves
    /// nothing loaded.
    /// </summary>
    public static DealHost Load(byte[] image, string typeName)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(typeName);

        var context = new DealLoadContext("deal " + typeName);
        try
        {
            return new DealHost(context, Instantiate(context, image, typeName));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    public void Dispose()
    {
        program = null;
        context?.Unload();
        context = null;
    }

    static IDealProgram Instantiate(DealLoadContext context, byte[] image, string typeName)
    {
        Assembly assembly;
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            assembly = context.LoadFromStream(stream);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new DealLoadException($"The compiled deal image ({image.Length} bytes) is not a loadable assembly: {e.Message}", e);
        }

        Type? type;
        try
        {
            type = assembly.GetType(typeName, throwOnError: false, ignoreCase: false);
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or TypeLoadException or FileNotFoundException)
        {
            throw new DealLoadException($"The compiled deal's type '{typeName}' could not be loaded: {e.Message}", e);
        }

        if (type is null)
        {
            throw new DealLoadException($"The compiled deal assembly '{assembly.GetName().Name}' has no type '{typeName}'.");
        }

        if (!typeof(IDealProgram).IsAssignableFrom(type))
        {
            throw new DealLoadException($"The compiled deal's type '{typeName}' does not implement {typeof(IDealProgram).FullName} from the runner's own DealLang.Runtime.");
        }

        try
        {
            return (IDealProgram)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException or TypeLoadException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new DealLoadException($"The compiled deal's type '{typeName}' could not be instantiated: {cause.Message}", cause);
        }
    }
}
