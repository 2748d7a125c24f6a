using DealLang.Runtime;

namespace DealLang.Runner.MonteCarlo;

// How a path's draws are sampled (docs/language.md §10, "Sobol points"): its own stream, mirrored on the second path of
// an antithetic pair, or a randomised Sobol point's dimensions, which every kind of draw reads alike.
public sealed partial class StochasticPaths
{
    /// <summary>True when path 2k+1 mirrors path 2k (<c>antithetic</c>): the paths come in dependent pairs.</summary>
    public bool Antithetic => spec.Antithetic;

    /// <inheritdoc/>
    public bool MirroredPairs => spec.Antithetic;

    /// <summary>True when path i's path shocks and default normals come from point i of the randomised Sobol sequence.</summary>
    public bool UsesSobol => sobolShift is not null;

    /// <summary>How the paths are drawn, as a run's frame records it (<see cref="Simulation.SimulationFrame.Sampling"/>).</summary>
    public string Sampling => UsesSobol ? Simulation.SimulationFrame.Sobol : Antithetic ? Simulation.SimulationFrame.Antithetic : Simulation.SimulationFrame.Independent;

    /// <summary>The digital shift of the first <paramref name="dimensions"/> Sobol dimensions under
    /// <paramref name="seed"/>: dimension j's is the first word of the Philox block with counter (j, 0, 0, 1), a counter
    /// no path stream uses (theirs end in 0), under the seed's key.</summary>
    public static uint[] SobolShift(ulong seed, int dimensions)
    {
        var shift = new uint[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            shift[j] = Philox.Block((uint)j, 0, 0, 1, (uint)seed, (uint)(seed >> 32)).X0;
        }

        return shift;
    }

    /// <summary>Dimension <paramref name="dimension"/> of point <paramref name="point"/>, shifted, as a standard normal:
    /// Φ⁻¹(((x ⊕ shift) + ½) / 2³²), never Φ⁻¹ of 0 or 1.</summary>
    double SobolNormal(uint point, int dimension) => NormalQuantile.Inverse(SobolUniform(point, dimension));

    /// <summary>Dimension <paramref name="dimension"/> of point <paramref name="point"/>, shifted, as a uniform in (0, 1):
    /// ((x ⊕ shift) + ½) / 2³².</summary>
    double SobolUniform(uint point, int dimension) =>
        ((SobolPoints.Point(point, dimension) ^ sobolShift![dimension]) + 0.5) * (1.0 / 4294967296.0);
}
