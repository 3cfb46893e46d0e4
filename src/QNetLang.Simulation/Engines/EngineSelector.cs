using QNetLang.Core;
using QNetLang.Simulation.Execution;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// Chooses the state engine for a program (docs/simulator.md, "Engines"):
/// Clifford gates and Pauli noise only → stabilizer (exact, any number of qubits);
/// everything else → state vector, whose trajectories reproduce every channel exactly in
/// distribution (Pauli noise sampled, amplitude damping unravelled by its Kraus operators).
/// Since every shot samples anyway, the state vector gives the same counts as the density
/// matrix at a fraction of the cost; the density matrix is there on request (--engine density)
/// and in the tests as the exact reference.
/// </summary>
public static class EngineSelector
{
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
        // Clifford with T1 but more qubits than a state vector holds: the stabilizer, with T1 twirled.
        if (clifford && traits.MaxQubits > DefaultLimit(EngineKind.StateVector)) return EngineKind.Stabilizer;
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
