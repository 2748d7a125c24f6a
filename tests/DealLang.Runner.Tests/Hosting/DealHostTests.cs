using DealLang.Runner.Hosting;
using DealLang.Runner.Tests.Support;
using DealLang.Runtime;

namespace DealLang.Runner.Tests.Hosting;

public class DealHostTests
{
    [Fact]
    public void GarbageBytesAreADealLoadException()
    {
        var e = Assert.Throws<DealLoadException>(() => DealHost.Load([1, 2, 3, 4, 5], "Deal"));
        Assert.Contains("not a loadable assembly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTypeIsADealLoadException()
    {
        // A real assembly (the runtime's own bytes) without the requested type.
        byte[] image = File.ReadAllBytes(typeof(IDealProgram).Assembly.Location);
        var e = Assert.Throws<DealLoadException>(() => DealHost.Load(image, "Generated.NoSuchDeal"));
        Assert.Contains("has no type 'Generated.NoSuchDeal'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeThatIsNotADealProgramIsADealLoadException()
    {
        byte[] image = File.ReadAllBytes(typeof(IDealProgram).Assembly.Location);
        var e = Assert.Throws<DealLoadException>(() => DealHost.Load(image, typeof(Flows).FullName!));
        Assert.Contains("does not implement", e.Message, StringComparison.Ordinal);
    }

    // Not the compiler's output, but a real assembly image loaded from bytes into the collectible context:
    // this test project itself, whose FourPeriodProgram implements the shared IDealProgram.
    [Fact]
    public void LoadsAProgramWhoseInterfaceIsTheRunnersOwnAndUnloads()
    {
        byte[] image = File.ReadAllBytes(typeof(FourPeriodProgram).Assembly.Location);
        var host = DealHost.Load(image, typeof(FourPeriodProgram).FullName!);

        Assert.Equal("Four", host.Program.Description.Name);
        Assert.NotSame(typeof(FourPeriodProgram), host.Program.GetType()); // a second copy, from the new context
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default,
            System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(host.Program.GetType().Assembly));

        host.Dispose();
        Assert.Throws<ObjectDisposedException>(() => host.Program);
        host.Dispose(); // twice is harmless
    }
}
