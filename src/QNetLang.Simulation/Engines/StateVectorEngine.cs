using System.Numerics;
using QNetLang.Core;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// Pure-state simulation: 2^n complex amplitudes for the n qubits currently held. Noise is
/// unravelled into trajectories: a Pauli channel applies one sampled Pauli, amplitude damping
/// applies the Kraus operator K_i with probability ‖K_i ψ‖² (exact in distribution, so the
/// counts of many shots match the density-matrix engine). The array keeps its capacity when
/// qubits are released, so protocols that measure and reuse qubits do not reallocate.
/// </summary>
public sealed class StateVectorEngine : IStateEngine
{
    private readonly HandleMap _handles;
    private readonly int _maxQubits;
    private Complex[] _amp = [Complex.One];
    private int _length = 1;

    public StateVectorEngine(int maxQubits, EngineKind kind = EngineKind.StateVector)
        : this(maxQubits, kind, new HandleMap())
    {
    }

    private StateVectorEngine(int maxQubits, EngineKind kind, HandleMap handles)
    {
        _maxQubits = maxQubits;
        Kind = kind;
        _handles = handles;
    }

    /// <summary>The most qubits this engine holds at once.</summary>
    internal int Limit => Math.Min(_maxQubits, HardLimit);

    public EngineKind Kind { get; }

    public int Count => _handles.Count;

    public bool SupportsAmplitudeDamping => Kind == EngineKind.StateVector;

    /// <summary>The amplitudes, index bit k = the k-th held qubit (for tests).</summary>
    public ReadOnlySpan<Complex> Amplitudes => _amp.AsSpan(0, _length);

    public int PositionOf(int slot) => _handles.Position(slot);

    /// <summary>2^30 amplitudes (16 GiB) is the largest array .NET allows for this element size.</summary>
    public const int HardLimit = 30;

    public int Allocate()
    {
        if (Count + 1 > Limit) throw TooMany(Count + 1, Limit);
        int newLength = _length * 2;
        if (_amp.Length < newLength)
        {
            Complex[] grown;
            try { grown = new Complex[newLength]; }
            catch (OutOfMemoryException)
            {
                throw new SimulationLimitException(Diagnostics.TooManyQubitsForEngine, Location.None, "state-vector (out of memory)", Count + 1, Count);
            }
            Array.Copy(_amp, grown, _length);
            _amp = grown;
        }
        else
        {
            Array.Clear(_amp, _length, _length);
        }
        _length = newLength;
        return _handles.Add();
    }

    internal static SimulationLimitException TooMany(int wanted, int limit) =>
        new(Diagnostics.TooManyQubitsForEngine, Location.None, "state-vector", wanted, limit);

    public void Release(int slot, int value)
    {
        int position = _handles.Remove(slot);
        long stride = 1L << position;
        long low = stride - 1;
        long half = _length >> 1;
        long set = value != 0 ? stride : 0;
        // In place, ascending: the source index is never below the destination.
        for (long h = 0; h < half; h++)
        {
            long i = ((h >> position) << (position + 1)) | (h & low) | set;
            _amp[h] = _amp[i];
        }
        _length = (int)half;
        Normalize();
    }

    public void ApplyGate(Ir.GateInfo gate, Complex[,] matrix, ReadOnlySpan<int> slots)
    {
        Span<int> positions = stackalloc int[slots.Length];
        for (int i = 0; i < slots.Length; i++) positions[i] = _handles.Position(slots[i]);
        ApplyMatrix(_amp, _length, positions, matrix);
    }

    /// <summary>Dispatches a matrix to the fastest kernel that fits it.</summary>
    internal static void ApplyMatrix(Complex[] amp, int length, ReadOnlySpan<int> positions, Complex[,] matrix)
    {
        if (positions.Length == 1)
        {
            VectorKernels.Apply1(amp, length, positions[0], 0, matrix[0, 0], matrix[0, 1], matrix[1, 0], matrix[1, 1]);
            return;
        }
        if (VectorKernels.TryAsControlled(matrix, out var u))
        {
            ulong mask = 0;
            for (int i = 0; i < positions.Length - 1; i++) mask |= 1UL << positions[i];
            VectorKernels.Apply1(amp, length, positions[^1], mask, u[0, 0], u[0, 1], u[1, 0], u[1, 1]);
            return;
        }
        VectorKernels.ApplyK(amp, length, positions, matrix);
    }

    public void ApplyPauli(int slot, int pauli)
    {
        if (pauli == 0) return;
        var m = Paulis.Matrix(pauli);
        VectorKernels.Apply1(_amp, _length, _handles.Position(slot), 0, m[0, 0], m[0, 1], m[1, 0], m[1, 1]);
    }

    public void ApplyAmplitudeDamping(int slot, double gamma, ShotRandom random)
    {
        if (gamma <= 0) return;
        int position = _handles.Position(slot);
        // Jump (K1 = sqrt(γ)|0><1|) with probability γ·P(1); otherwise K0 = diag(1, sqrt(1-γ)).
        double p1 = VectorKernels.ProbabilityOfOne(_amp, _length, position);
        if (random.NextDouble() < gamma * p1)
        {
            VectorKernels.Apply1(_amp, _length, position, 0, 0, 1, 0, 0);
        }
        else
        {
            VectorKernels.Apply1(_amp, _length, position, 0, 1, 0, 0, Math.Sqrt(1 - gamma));
        }
        Normalize();
    }

    public int Measure(int slot, ShotRandom random)
    {
        int position = _handles.Position(slot);
        double p1 = VectorKernels.ProbabilityOfOne(_amp, _length, position);
        int outcome = random.NextDouble() < p1 ? 1 : 0;
        double norm = 1 / Math.Sqrt(outcome == 1 ? p1 : 1 - p1);
        VectorKernels.Apply1(_amp, _length, position, 0, outcome == 0 ? norm : 0, 0, 0, outcome == 1 ? norm : 0);
        return outcome;
    }

    public double ProbabilityOfOne(int slot) => VectorKernels.ProbabilityOfOne(_amp, _length, _handles.Position(slot));

    /// <summary>Projects <paramref name="slot"/> onto |<paramref name="value"/>> and renormalises: a measurement whose outcome the caller chose (<see cref="BranchingStateEngine"/>).</summary>
    internal void Collapse(int slot, int value)
    {
        int position = _handles.Position(slot);
        double p1 = VectorKernels.ProbabilityOfOne(_amp, _length, position);
        double p = value == 1 ? p1 : 1 - p1;
        if (p <= 0) throw new InvalidOperationException("collapse onto an outcome of probability 0");
        double norm = 1 / Math.Sqrt(p);
        VectorKernels.Apply1(_amp, _length, position, 0, value == 0 ? norm : 0, 0, 0, value == 1 ? norm : 0);
    }

    /// <summary>An independent copy (same handles, same amplitudes).</summary>
    internal StateVectorEngine Clone()
    {
        var copy = new StateVectorEngine(_maxQubits, Kind, _handles.Clone()) { _amp = _amp.AsSpan(0, _length).ToArray(), _length = _length };
        return copy;
    }

    /// <summary>Bytes held by the amplitudes (what a cache of states has to budget).</summary>
    internal long Bytes => 16L * _amp.Length;

    /// <summary>Removes the rounding drift that repeated collapses and Kraus jumps accumulate.</summary>
    private void Normalize()
    {
        double sum = 0;
        for (int i = 0; i < _length; i++) sum += _amp[i].Real * _amp[i].Real + _amp[i].Imaginary * _amp[i].Imaginary;
        if (sum <= 0 || Math.Abs(sum - 1) < 1e-12) return;
        double f = 1 / Math.Sqrt(sum);
        for (int i = 0; i < _length; i++) _amp[i] *= f;
    }
}
