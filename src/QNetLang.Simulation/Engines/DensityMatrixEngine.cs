using System.Numerics;
using QNetLang.Core;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// Mixed-state simulation: ρ over the n held qubits, stored as a vector of 2n qubit positions
/// (entry ρ[r, c] at index r | c·2^n). A gate U is the state-vector kernel applied with U on the
/// row positions and conj(U) on the column positions; channels act exactly on 2×2 (or 4×4)
/// blocks: Pauli channels, amplitude damping, two-qubit depolarising. Only measurement samples.
/// </summary>
public sealed class DensityMatrixEngine : IStateEngine
{
    private readonly HandleMap _handles = new();
    private readonly int _maxQubits;
    private Complex[] _rho = [Complex.One];
    private int _n;

    public DensityMatrixEngine(int maxQubits) => _maxQubits = maxQubits;

    public EngineKind Kind => EngineKind.DensityMatrix;

    public int Count => _handles.Count;

    public bool SupportsAmplitudeDamping => true;

    private int Dim => 1 << _n;

    public int PositionOf(int slot) => _handles.Position(slot);

    /// <summary>ρ[r, c] over held positions (for tests).</summary>
    public Complex Entry(int row, int column) => _rho[row | (column << _n)];

    /// <summary>4^15 entries is the largest array .NET allows for this element size.</summary>
    public const int HardLimit = 15;

    public int Allocate()
    {
        int limit = Math.Min(_maxQubits, HardLimit);
        if (Count + 1 > limit)
            throw new SimulationLimitException(Diagnostics.TooManyQubitsForEngine, Location.None, "density-matrix", Count + 1, limit);
        int dim = Dim;
        Complex[] grown;
        try { grown = new Complex[4 * dim * dim]; }
        catch (OutOfMemoryException)
        {
            throw new SimulationLimitException(Diagnostics.TooManyQubitsForEngine, Location.None, "density-matrix (out of memory)", Count + 1, Count);
        }
        for (int c = 0; c < dim; c++)
            for (int r = 0; r < dim; r++) grown[r | (c << (_n + 1))] = _rho[r | (c << _n)];
        _rho = grown;
        _n++;
        return _handles.Add();
    }

    public void Release(int slot, int value)
    {
        int p = _handles.Remove(slot);
        int newN = _n - 1;
        int newDim = 1 << newN;
        var shrunk = new Complex[newDim * newDim];
        for (int c = 0; c < newDim; c++)
        {
            int oc = Insert(c, p, value);
            for (int r = 0; r < newDim; r++) shrunk[r | (c << newN)] = _rho[Insert(r, p, value) | (oc << _n)];
        }
        _rho = shrunk;
        _n = newN;
        NormalizeTrace();
    }

    private static int Insert(int x, int position, int bit) => ((x >> position) << (position + 1)) | (x & ((1 << position) - 1)) | (bit << position);

    public void ApplyGate(Ir.GateInfo gate, Complex[,] matrix, ReadOnlySpan<int> slots) => ApplyUnitary(matrix, slots);

    private void ApplyUnitary(Complex[,] matrix, ReadOnlySpan<int> slots)
    {
        Span<int> rows = stackalloc int[slots.Length];
        Span<int> cols = stackalloc int[slots.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            rows[i] = _handles.Position(slots[i]);
            cols[i] = rows[i] + _n;
        }
        int length = Dim * Dim;
        StateVectorEngine.ApplyMatrix(_rho, length, rows, matrix);
        StateVectorEngine.ApplyMatrix(_rho, length, cols, Conjugate(matrix));
    }

    private static Complex[,] Conjugate(Complex[,] m)
    {
        int d = m.GetLength(0);
        var r = new Complex[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) r[i, j] = Complex.Conjugate(m[i, j]);
        return r;
    }

    public void ApplyPauli(int slot, int pauli)
    {
        if (pauli == 0) return;
        ApplyUnitary(Paulis.Matrix(pauli), [slot]);
    }

    public void ApplyPauliChannel(int slot, double px, double py, double pz, ShotRandom random)
    {
        if (px + py + pz <= 0) return;
        double pi = 1 - px - py - pz;
        BlockMap(_handles.Position(slot), 1 - px - py, px + py, 1 - px - py, px + py, pi - pz, px - py);
    }

    public void ApplyAmplitudeDamping(int slot, double gamma, ShotRandom random)
    {
        if (gamma <= 0) return;
        BlockMap(_handles.Position(slot), 1, gamma, 1 - gamma, 0, Math.Sqrt(1 - gamma), 0);
    }

    /// <summary>
    /// The single-qubit maps used here, in one kernel: ρ00' = a ρ00 + b ρ11, ρ11' = c ρ11 + d ρ00,
    /// ρ01' = e ρ01 + f ρ10, ρ10' = e ρ10 + f ρ01 (Pauli channels and amplitude damping both fit).
    /// </summary>
    private void BlockMap(int p, double a, double b, double c, double d, double e, double f)
    {
        int dim = Dim, s = 1 << p;
        for (int col = 0; col < dim; col++)
        {
            if ((col & s) != 0) continue;
            for (int row = 0; row < dim; row++)
            {
                if ((row & s) != 0) continue;
                int i00 = row | (col << _n), i01 = row | ((col | s) << _n), i10 = (row | s) | (col << _n), i11 = (row | s) | ((col | s) << _n);
                Complex r00 = _rho[i00], r01 = _rho[i01], r10 = _rho[i10], r11 = _rho[i11];
                _rho[i00] = a * r00 + b * r11;
                _rho[i11] = c * r11 + d * r00;
                _rho[i01] = e * r01 + f * r10;
                _rho[i10] = e * r10 + f * r01;
            }
        }
    }

    /// <summary>ρ → (1−λ)ρ + λ·Tr_ab(ρ)⊗I/4 with λ = 16p/15: the same as p/15 for each non-identity Pauli pair.</summary>
    public void ApplyDepolarizing2(int slotA, int slotB, double p, ShotRandom random)
    {
        if (p <= 0) return;
        double lambda = 16 * p / 15;
        int pa = _handles.Position(slotA), pb = _handles.Position(slotB);
        int sa = 1 << pa, sb = 1 << pb;
        int[] offsets = [0, sb, sa, sa | sb];
        int dim = Dim;
        for (int col = 0; col < dim; col++)
        {
            if ((col & (sa | sb)) != 0) continue;
            for (int row = 0; row < dim; row++)
            {
                if ((row & (sa | sb)) != 0) continue;
                Complex trace = Complex.Zero;
                for (int k = 0; k < 4; k++) trace += _rho[(row | offsets[k]) | ((col | offsets[k]) << _n)];
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++)
                    {
                        int idx = (row | offsets[i]) | ((col | offsets[j]) << _n);
                        _rho[idx] = (1 - lambda) * _rho[idx] + (i == j ? lambda * trace / 4 : Complex.Zero);
                    }
            }
        }
    }

    public int Measure(int slot, ShotRandom random)
    {
        int p = _handles.Position(slot);
        double p1 = ProbabilityAt(p);
        int outcome = random.NextDouble() < p1 ? 1 : 0;
        double prob = outcome == 1 ? p1 : 1 - p1;
        int s = 1 << p, want = outcome << p, dim = Dim;
        for (int col = 0; col < dim; col++)
            for (int row = 0; row < dim; row++)
            {
                int idx = row | (col << _n);
                if ((row & s) != want || (col & s) != want) _rho[idx] = Complex.Zero;
                else _rho[idx] /= prob;
            }
        return outcome;
    }

    public double ProbabilityOfOne(int slot) => ProbabilityAt(_handles.Position(slot));

    private double ProbabilityAt(int p)
    {
        int s = 1 << p, dim = Dim;
        double sum = 0;
        for (int r = 0; r < dim; r++)
            if ((r & s) != 0) sum += _rho[r | (r << _n)].Real;
        return Math.Clamp(sum, 0, 1);
    }

    private void NormalizeTrace()
    {
        int dim = Dim;
        double trace = 0;
        for (int r = 0; r < dim; r++) trace += _rho[r | (r << _n)].Real;
        if (trace <= 0 || Math.Abs(trace - 1) < 1e-12) return;
        for (int i = 0; i < _rho.Length; i++) _rho[i] /= trace;
    }
}
