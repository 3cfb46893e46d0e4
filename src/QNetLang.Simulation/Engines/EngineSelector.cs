using QNetLang.Core;
using QNetLang.Simulation.Execution;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// Chooses the state engine for a program (docs/simulator.md, "Engines"):
/// Clifford gates and Pauli noise only → stabilizer (exact, any number of qubits);
/// otherwise, noisy and small → density matrix (exact channels);
/// Clifford with T1 but too large for the density matrix → stabilizer with T1 twirled;
/// everything else → state vector (noise unravelled exactly into trajectories).
/// </summary>
public static class EngineSelector
{
    /// <summary>The density matrix is chosen automatically up to this many qubits (4^12 entries = 256 MiB).</summary>
    public const int DensityAutoLimit = 12;

    public static int DefaultLimit(EngineKind kind) => kind switch
    {
        EngineKind.StateVector or EngineKind.Trajectories => 28,
        EngineKind.DensityMatrix => 13,
        EngineKind.Stabilizer => 20000,
        _ => 28,
    };

    public static string Name(EngineKind kind) => kind switch
    {
        EngineKind.StateVector => "statevector",
        EngineKind.DensityMatrix => "density",
        EngineKind.Stabilizer => "stabilizer",
        EngineKind.Trajectories => "trajectories",
        _ => "auto",
    };

    public static bool TryParse(string text, out EngineKind kind)
    {
        foreach (var k in Enum.GetValues<EngineKind>())
            if (Name(k) == text)
            {
                kind = k;
                return true;
            }
        kind = EngineKind.Auto;
        return false;
    }

    internal static EngineKind Choose(ProgramTraits traits, EngineKind requested)
    {
        bool clifford = traits.NonCliffordGates.Count == 0;
        if (requested == EngineKind.Stabilizer && !clifford)
            throw new SimulationLimitException(Diagnostics.EngineCannotRun, Location.None, "stabilizer",
                $"it runs Clifford gates only, and the program uses {string.Join(", ", traits.NonCliffordGates)}");
        if (requested != EngineKind.Auto) return requested;
        if (clifford && !traits.AmplitudeDamping) return EngineKind.Stabilizer;
        if (traits.Noisy && traits.MaxQubits <= DensityAutoLimit) return EngineKind.DensityMatrix;
        if (clifford) return EngineKind.Stabilizer;
        return EngineKind.StateVector;
    }

    internal static IStateEngine Create(EngineKind kind, int limit) => kind switch
    {
        EngineKind.DensityMatrix => new DensityMatrixEngine(limit),
        EngineKind.Stabilizer => new StabilizerEngine(limit),
        EngineKind.Trajectories => new StateVectorEngine(limit, EngineKind.Trajectories),
        _ => new StateVectorEngine(limit),
    };
}
