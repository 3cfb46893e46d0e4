using System.Numerics;
using QNetLang.Core;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// Aaronson–Gottesman (CHP) tableau: n destabilizer and n stabilizer generators plus a scratch
/// row, stored column by column (one bit per row) so that H, S and CX are a few word-wide
/// operations over all rows. Clifford gates only; noise must be Pauli (memory noise is twirled
/// by the caller). Released qubits are returned to |0> and reused, so a protocol that measures
/// and re-prepares photons keeps a small tableau however many rounds it runs.
/// </summary>
public sealed class StabilizerEngine : IStateEngine
{
    private readonly int _maxQubits;
    private int _n;              // capacity (qubits in the tableau)
    private int _words;          // ulongs per column: rows 0 .. 2n (scratch row 2n)
    private ulong[][] _x = [];
    private ulong[][] _z = [];
    private ulong[] _r = [];
    private readonly SortedSet<int> _free = new();
    private int _live;

    public StabilizerEngine(int maxQubits) => _maxQubits = maxQubits;

    public EngineKind Kind => EngineKind.Stabilizer;

    public int Count => _live;

    public bool SupportsAmplitudeDamping => false;

    public static bool Supports(Ir.GateInfo gate) => CliffordDecomposition.TryGet(gate.Name, out _);

    public int Allocate()
    {
        if (_live + 1 > _maxQubits)
            throw new SimulationLimitException(Diagnostics.TooManyQubitsForEngine, Location.None, "stabilizer", _live + 1, _maxQubits);
        _live++;
        if (_free.Count > 0)
        {
            int slot = _free.Min;
            _free.Remove(slot);
            return slot;
        }
        Grow(Math.Max(4, _n * 2));
        int handle = _free.Min;
        _free.Remove(handle);
        return handle;
    }

    /// <summary>Rebuilds the tableau with room for <paramref name="capacity"/> qubits; new qubits are |0>.</summary>
    private void Grow(int capacity)
    {
        int oldN = _n;
        int words = (2 * capacity + 1 + 63) / 64;
        var x = new ulong[capacity][];
        var z = new ulong[capacity][];
        var r = new ulong[words];
        for (int q = 0; q < capacity; q++)
        {
            x[q] = new ulong[words];
            z[q] = new ulong[words];
        }
        // Row map: destabilizer i stays row i, stabilizer n+i moves to capacity+i.
        for (int q = 0; q < oldN; q++)
            for (int row = 0; row < 2 * oldN; row++)
            {
                int newRow = row < oldN ? row : row - oldN + capacity;
                if (Get(_x[q], row)) Set(x[q], newRow);
                if (Get(_z[q], row)) Set(z[q], newRow);
            }
        for (int row = 0; row < 2 * oldN; row++)
            if (Get(_r, row)) Set(r, row < oldN ? row : row - oldN + capacity);
        for (int q = oldN; q < capacity; q++)
        {
            Set(x[q], q);
            Set(z[q], capacity + q);
            _free.Add(q);
        }
        _x = x;
        _z = z;
        _r = r;
        _n = capacity;
        _words = words;
    }

    public void Release(int slot, int value)
    {
        if (value != 0) ApplyPauli(slot, 1);
        _free.Add(slot);
        _live--;
    }

    public void ApplyGate(Ir.GateInfo gate, Complex[,] matrix, ReadOnlySpan<int> slots)
    {
        if (!CliffordDecomposition.TryGet(gate.Name, out var steps))
            throw new InvalidOperationException($"gate {gate.Name} is not Clifford; the engine selector should have refused the program");
        foreach (var step in steps)
        {
            switch (step.Op)
            {
                case 'H': H(slots[step.A]); break;
                case 'S': S(slots[step.A]); break;
                case 'C': Cx(slots[step.A], slots[step.B]); break;
                case 'X': ApplyPauli(slots[step.A], 1); break;
                case 'Y': ApplyPauli(slots[step.A], 2); break;
                case 'Z': ApplyPauli(slots[step.A], 3); break;
            }
        }
    }

    private void H(int a)
    {
        ulong[] xa = _x[a], za = _z[a];
        for (int w = 0; w < _words; w++) _r[w] ^= xa[w] & za[w];
        (_x[a], _z[a]) = (za, xa);
    }

    private void S(int a)
    {
        ulong[] xa = _x[a], za = _z[a];
        for (int w = 0; w < _words; w++)
        {
            _r[w] ^= xa[w] & za[w];
            za[w] ^= xa[w];
        }
    }

    private void Cx(int a, int b)
    {
        ulong[] xa = _x[a], za = _z[a], xb = _x[b], zb = _z[b];
        for (int w = 0; w < _words; w++)
        {
            _r[w] ^= xa[w] & zb[w] & ~(xb[w] ^ za[w]);
            xb[w] ^= xa[w];
            za[w] ^= zb[w];
        }
    }

    public void ApplyPauli(int slot, int pauli)
    {
        // Conjugating a generator by X flips its sign when it has Z there, and so on.
        ulong[] xa = _x[slot], za = _z[slot];
        for (int w = 0; w < _words; w++)
        {
            _r[w] ^= pauli switch
            {
                1 => za[w],
                2 => xa[w] ^ za[w],
                3 => xa[w],
                _ => 0,
            };
        }
    }

    public void ApplyAmplitudeDamping(int slot, double gamma, ShotRandom random) =>
        throw new InvalidOperationException("the stabilizer engine needs amplitude damping twirled into a Pauli channel");

    public int Measure(int a, ShotRandom random)
    {
        int n = _n;
        int p = -1;
        for (int row = n; row < 2 * n; row++)
            if (Get(_x[a], row)) { p = row; break; }
        if (p >= 0)
        {
            for (int row = 0; row < 2 * n; row++)
                if (row != p && Get(_x[a], row)) RowSum(row, p);
            CopyRow(p - n, p);
            ClearRow(p);
            Set(_z[a], p);
            int outcome = random.NextDouble() < 0.5 ? 0 : 1;
            if (outcome == 1) Set(_r, p);
            return outcome;
        }
        int scratch = 2 * n;
        ClearRow(scratch);
        for (int row = 0; row < n; row++)
            if (Get(_x[a], row)) RowSum(scratch, row + n);
        return Get(_r, scratch) ? 1 : 0;
    }

    public double ProbabilityOfOne(int a)
    {
        for (int row = _n; row < 2 * _n; row++)
            if (Get(_x[a], row)) return 0.5;
        int scratch = 2 * _n;
        ClearRow(scratch);
        for (int row = 0; row < _n; row++)
            if (Get(_x[a], row)) RowSum(scratch, row + _n);
        return Get(_r, scratch) ? 1 : 0;
    }

    /// <summary>Row h ← row h · row i, with the phase rule of Aaronson and Gottesman.</summary>
    private void RowSum(int h, int i)
    {
        int sum = (Get(_r, h) ? 2 : 0) + (Get(_r, i) ? 2 : 0);
        for (int q = 0; q < _n; q++)
        {
            int x1 = Get(_x[q], i) ? 1 : 0, z1 = Get(_z[q], i) ? 1 : 0;
            int x2 = Get(_x[q], h) ? 1 : 0, z2 = Get(_z[q], h) ? 1 : 0;
            sum += G(x1, z1, x2, z2);
            if (x1 != 0) Flip(_x[q], h);
            if (z1 != 0) Flip(_z[q], h);
        }
        sum = ((sum % 4) + 4) % 4;
        if (sum == 0) Clear(_r, h); else Set(_r, h);
    }

    private static int G(int x1, int z1, int x2, int z2) => (x1, z1) switch
    {
        (0, 0) => 0,
        (1, 1) => z2 - x2,
        (1, 0) => z2 * (2 * x2 - 1),
        _ => x2 * (1 - 2 * z2),
    };

    private void CopyRow(int to, int from)
    {
        for (int q = 0; q < _n; q++)
        {
            Assign(_x[q], to, Get(_x[q], from));
            Assign(_z[q], to, Get(_z[q], from));
        }
        Assign(_r, to, Get(_r, from));
    }

    private void ClearRow(int row)
    {
        for (int q = 0; q < _n; q++)
        {
            Clear(_x[q], row);
            Clear(_z[q], row);
        }
        Clear(_r, row);
    }

    private static bool Get(ulong[] bits, int i) => (bits[i >> 6] >> (i & 63) & 1) != 0;

    private static void Set(ulong[] bits, int i) => bits[i >> 6] |= 1UL << (i & 63);

    private static void Clear(ulong[] bits, int i) => bits[i >> 6] &= ~(1UL << (i & 63));

    private static void Flip(ulong[] bits, int i) => bits[i >> 6] ^= 1UL << (i & 63);

    private static void Assign(ulong[] bits, int i, bool value)
    {
        if (value) Set(bits, i); else Clear(bits, i);
    }
}
