namespace DealLang.Runner.Simulation;

/// <summary>
/// Where a Monte Carlo run's per-path rows go (<c>deallang mc --paths-out</c>): the engine hands over each block of
/// consecutive paths once every block before it has been handed over, so rows arrive in path order whatever the
/// threads; calls never overlap. The block is the engine's buffer, reused after the call: copy what is kept.
/// </summary>
public interface IPathSink
{
    void Write(PathBlock block);
}
