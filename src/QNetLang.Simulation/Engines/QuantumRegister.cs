using System.Numerics;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// The physical qubits of one shot, over a state engine. A qubit in a known basis state
/// (fresh, measured, reset, or a lost photon) is kept outside the engine as a classical bit
/// and enters the engine only when a gate could entangle or superpose it. Measuring a qubit
/// takes it out again. So the engine holds only the qubits that are genuinely quantum at the
/// moment, and protocols that measure and reuse qubits (BB84, repeaters) stay small.
/// Sampling noise on a classical qubit is exact in distribution, since it is a product factor.
/// </summary>
public sealed class QuantumRegister
{
    private readonly IStateEngine _engine;
    private readonly ShotRandom _random;
    private readonly bool _twirlMemory;
    private readonly List<int> _slot = new();   // -1: classical
    private readonly List<int> _value = new();  // value when classical

    public QuantumRegister(IStateEngine engine, ShotRandom random, bool twirlMemory)
    {
        _engine = engine;
        _random = random;
        _twirlMemory = twirlMemory || !engine.SupportsAmplitudeDamping;
    }

    public IStateEngine Engine => _engine;

    /// <summary>Adds a physical qubit in |0> and returns its id.</summary>
    public int Add()
    {
        _slot.Add(-1);
        _value.Add(0);
        return _slot.Count - 1;
    }

    public bool IsClassical(int q) => _slot[q] < 0;

    private int Quantum(int q)
    {
        if (_slot[q] >= 0) return _slot[q];
        int slot = _engine.Allocate();
        if (_value[q] == 1) _engine.ApplyPauli(slot, 1);
        _slot[q] = slot;
        return slot;
    }

    public void ApplyGate(Ir.GateInfo gate, Complex[,] matrix, ReadOnlySpan<int> qubits)
    {
        bool allClassical = true;
        foreach (int q in qubits) allClassical &= _slot[q] < 0;
        if (allClassical && TryPermute(matrix, qubits)) return;
        Span<int> slots = stackalloc int[qubits.Length];
        for (int i = 0; i < qubits.Length; i++) slots[i] = Quantum(qubits[i]);
        _engine.ApplyGate(gate, matrix, slots);
    }

    /// <summary>A gate that maps each basis state to one basis state (up to a phase, global for a product factor) keeps classical qubits classical.</summary>
    private bool TryPermute(Complex[,] matrix, ReadOnlySpan<int> qubits)
    {
        int k = qubits.Length, column = 0;
        for (int j = 0; j < k; j++) column |= _value[qubits[j]] << (k - 1 - j);
        int dim = 1 << k, target = -1;
        for (int row = 0; row < dim; row++)
        {
            double magnitude = matrix[row, column].Magnitude;
            if (magnitude < 1e-12) continue;
            if (Math.Abs(magnitude - 1) > 1e-12 || target >= 0) return false;
            target = row;
        }
        if (target < 0) return false;
        for (int j = 0; j < k; j++) _value[qubits[j]] = (target >> (k - 1 - j)) & 1;
        return true;
    }

    public void ApplyPauli(int q, int pauli)
    {
        if (pauli == 0) return;
        if (_slot[q] < 0)
        {
            if (pauli is 1 or 2) _value[q] ^= 1;
            return;
        }
        _engine.ApplyPauli(_slot[q], pauli);
    }

    public void PauliChannel(int q, double px, double py, double pz)
    {
        if (px + py + pz <= 0) return;
        if (_slot[q] < 0)
        {
            ApplyPauli(q, PauliSampling.Single(px, py, pz, _random));
            return;
        }
        _engine.ApplyPauliChannel(_slot[q], px, py, pz, _random);
    }

    /// <summary>Depolarising error of a single-qubit gate: X, Y, Z each with probability p/3.</summary>
    public void Depolarize1(int q, double p)
    {
        if (p > 0) PauliChannel(q, p / 3, p / 3, p / 3);
    }

    public void Depolarize2(int a, int b, double p)
    {
        if (p <= 0) return;
        if (_slot[a] < 0 && _slot[b] < 0)
        {
            var (pa, pb) = PauliSampling.Two(p, _random);
            ApplyPauli(a, pa);
            ApplyPauli(b, pb);
            return;
        }
        _engine.ApplyDepolarizing2(Quantum(a), Quantum(b), p, _random);
    }

    /// <summary>Decoherence while the qubit waited: exact amplitude damping and dephasing, or their Pauli twirl.</summary>
    public void Decay(int q, MemoryDecay decay)
    {
        if (decay.IsIdentity) return;
        if (_twirlMemory)
        {
            var (x, y, z) = decay.Twirled;
            PauliChannel(q, x, y, z);
            return;
        }
        if (decay.Gamma > 0)
        {
            if (_slot[q] < 0)
            {
                if (_value[q] == 1 && _random.Chance(decay.Gamma)) _value[q] = 0;
            }
            else
            {
                _engine.ApplyAmplitudeDamping(_slot[q], decay.Gamma, _random);
            }
        }
        PauliChannel(q, 0, 0, decay.ExactDephasingFlip);
    }

    /// <summary>Z measurement; the qubit leaves the engine in the basis state it collapsed to.</summary>
    public int Measure(int q)
    {
        if (_slot[q] < 0) return _value[q];
        int outcome = _engine.Measure(_slot[q], _random);
        _engine.Release(_slot[q], outcome);
        _slot[q] = -1;
        _value[q] = outcome;
        return outcome;
    }

    /// <summary>Back to |0> (the old state is traced out: measuring and forgetting is the same thing).</summary>
    public void Reset(int q)
    {
        Measure(q);
        _value[q] = 0;
    }

    /// <summary>
    /// Replaces the two qubits with |Φ+> followed by a Pauli error on the second drawn from
    /// <paramref name="state"/> (any Bell-diagonal pair is such a mixture): one sample per shot,
    /// or the exact mixture in the density-matrix engine.
    /// </summary>
    public void PrepareBellPair(int a, int b, BellDiagonal state)
    {
        Reset(a);
        Reset(b);
        int sa = Quantum(a), sb = Quantum(b);
        _engine.ApplyGate(H, HMatrix, [sa]);
        _engine.ApplyGate(Cx, CxMatrix, [sa, sb]);
        if (_engine.Kind == EngineKind.DensityMatrix)
        {
            // Exact mixture: the Pauli channel with the pair's error probabilities.
            _engine.ApplyPauliChannel(sb, state.X, state.Y, state.Z, _random);
        }
        else
        {
            _engine.ApplyPauli(sb, state.Sample(_random));
        }
    }

    /// <summary>Probability that <paramref name="q"/> would read 1 (tests).</summary>
    public double ProbabilityOfOne(int q) => _slot[q] < 0 ? _value[q] : _engine.ProbabilityOfOne(_slot[q]);

    private static readonly Ir.GateInfo H = Ir.GateCatalog.Get("h");
    private static readonly Ir.GateInfo Cx = Ir.GateCatalog.Get("cx");
    private static readonly Complex[,] HMatrix = H.Unitary([]);
    private static readonly Complex[,] CxMatrix = Cx.Unitary([]);
}
