using DealLang.Runtime;

namespace DealLang.Runner.Paths;

/// <summary>
/// Where paths come from: fills a reused <see cref="PathInputs"/> (laid out by <see cref="InputLayout"/>) for path
/// <c>i</c>, so a runner can run path after path through one set of buffers. The deterministic scenarios are one
/// source (<see cref="ScenarioPaths"/>); a Monte Carlo engine is another, filling the same slots from drawn factors.
/// <see cref="Fill"/> must not allocate, and must write every slot the loop reads (nothing from the previous path
/// may survive).
/// </summary>
public interface IPathSource
{
    /// <summary>The deal the paths are for.</summary>
    DealDescription Deal { get; }

    /// <summary>Paths this source has, numbered 0 to <c>Count − 1</c>.</summary>
    int Count { get; }

    /// <summary>Writes path <paramref name="path"/> into <paramref name="into"/>, a buffer made for <see cref="Deal"/>.</summary>
    void Fill(int path, PathInputs into);

    /// <summary>Whether path 2k + 1 mirrors path 2k (<c>antithetic</c>): a run keeps sums over the pairs
    /// (<see cref="Simulation.PairTotals"/>) and never splits one.</summary>
    bool MirroredPairs => false;
}
