using System.Numerics;

namespace QNetLang.Simulation.Engines;

/// <summary>The quantum state engines `qnlc run --engine` can choose.</summary>
public enum EngineKind
{
    /// <summary>Pick one from the program (see <see cref="EngineSelector"/>).</summary>
    Auto,
    /// <summary>Complex amplitudes; every noise channel unravelled exactly into per-shot trajectories.</summary>
    StateVector,
    /// <summary>Density matrix: every channel applied exactly (T1 amplitude damping, dephasing, depolarising).</summary>
    DensityMatrix,
    /// <summary>Aaronson–Gottesman tableau: Clifford gates only, Pauli (twirled) noise.</summary>
    Stabilizer,
    /// <summary>State vector with every memory channel replaced by its Pauli twirl (the stabilizer's noise model, for any gates).</summary>
    Trajectories,
}

/// <summary>
/// A quantum state over a variable number of qubits, each named by a handle ("slot") that stays
/// valid until the qubit is released. Qubits are added in |0> and removed once they are in a
/// known basis state, so the state only ever holds the qubits that are entangled or in
/// superposition (see <see cref="QuantumRegister"/>).
/// Randomness (measurement outcomes, sampled noise) comes from the caller's generator, so a
/// shot is a pure function of its seed.
/// </summary>
public interface IStateEngine
{
    EngineKind Kind { get; }

    /// <summary>Qubits currently in the state.</summary>
    int Count { get; }

    /// <summary>True when amplitude damping can be applied exactly (otherwise the caller twirls it).</summary>
    bool SupportsAmplitudeDamping { get; }

    /// <summary>Adds a qubit in |0> and returns its handle; throws <see cref="SimulationLimitException"/> above the engine's qubit limit.</summary>
    int Allocate();

    /// <summary>Removes a qubit known to be in the basis state |<paramref name="value"/>> (just measured); its handle becomes free.</summary>
    void Release(int slot, int value);

    /// <summary>Applies a gate; <paramref name="matrix"/> has operand 0 as the most significant index bit.</summary>
    void ApplyGate(Ir.GateInfo gate, Complex[,] matrix, ReadOnlySpan<int> slots);

    /// <summary>Applies the Pauli X (1), Y (2) or Z (3); 0 is the identity.</summary>
    void ApplyPauli(int slot, int pauli);

    /// <summary>
    /// Pauli channel: X, Y, Z with the given probabilities. Pure-state engines sample one Pauli
    /// per shot (this default); the density matrix applies the mixture exactly.
    /// </summary>
    void ApplyPauliChannel(int slot, double px, double py, double pz, ShotRandom random) =>
        ApplyPauli(slot, PauliSampling.Single(px, py, pz, random));

    /// <summary>Two-qubit depolarising channel: each of the 15 non-identity Paulis with probability p/15 (sampled by default, as above).</summary>
    void ApplyDepolarizing2(int a, int b, double p, ShotRandom random)
    {
        var (pa, pb) = PauliSampling.Two(p, random);
        ApplyPauli(a, pa);
        ApplyPauli(b, pb);
    }

    /// <summary>Amplitude damping with decay probability γ (|1> → |0>).</summary>
    void ApplyAmplitudeDamping(int slot, double gamma, ShotRandom random);

    /// <summary>Z-basis measurement: samples an outcome and collapses the state (the qubit stays in the state).</summary>
    int Measure(int slot, ShotRandom random);

    /// <summary>Probability that measuring <paramref name="slot"/> gives 1 (for tests and exact checks).</summary>
    double ProbabilityOfOne(int slot);
}
