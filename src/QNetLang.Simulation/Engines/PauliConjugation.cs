using System.Numerics;
using System.Runtime.CompilerServices;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// How a gate maps Paulis: U·P·U† for every Pauli P on the gate's operands, as a Pauli (up to
/// a phase) or "not a Pauli". Derived from the gate's matrix, so it is right for every gate the
/// catalogue has, Clifford or not (a diagonal gate such as t maps Z to Z; ccx maps a Z on a
/// control to itself). Computed once per matrix and shared by all shots and threads.
/// A Pauli on k operands is coded as x | z &lt;&lt; k, bit j of x and z being operand j.
/// </summary>
internal static class PauliConjugation
{
    /// <summary>The result when U·P·U† is not a Pauli.</summary>
    public const int NotPauli = -1;

    private static readonly ConditionalWeakTable<Complex[,], int[]> Tables = new();
    private static readonly ConditionalWeakTable<Complex[,], StrongBox<int>> SinglePaulis = new();

    /// <summary>
    /// The Pauli 1–3 (X, Y, Z) that a single-qubit matrix equals up to a global phase, or 0 when it
    /// is none of them (the identity included: a gate named id still takes time and has noise).
    /// </summary>
    public static int PauliOf(Complex[,] matrix) =>
        matrix.GetLength(0) != 2 ? 0 : SinglePaulis.GetValue(matrix, m => new StrongBox<int>(MatchPauli(m))).Value;

    private static int MatchPauli(Complex[,] m)
    {
        for (int p = 1; p <= 3; ++p)
        {
            var pauli = Paulis.Matrix(p);
            // m = c·P with |c| = 1: c from the first nonzero entry of P's first column.
            int row = pauli[0, 0] != Complex.Zero ? 0 : 1;
            Complex c = m[row, 0] / pauli[row, 0];
            if (Math.Abs(c.Magnitude - 1) > 1e-12) continue;
            bool match = true;
            for (int r = 0; r < 2; r++)
                for (int col = 0; col < 2; col++)
                    match &= (m[r, col] - c * pauli[r, col]).Magnitude < 1e-12;
            if (match) return p;
        }
        return 0;
    }

    /// <summary>The table for a gate's matrix: entry P is the code of U·P·U†, or <see cref="NotPauli"/>.</summary>
    public static int[] Of(Complex[,] matrix) => Tables.GetValue(matrix, Build);

    private static int[] Build(Complex[,] u)
    {
        int dim = u.GetLength(0), k = System.Numerics.BitOperations.Log2((uint)dim);
        var table = new int[1 << (2 * k)];
        for (int code = 0; code < table.Length; code++)
            table[code] = Conjugate(u, k, code & ((1 << k) - 1), code >> k);
        return table;
    }

    /// <summary>Operand j is bit k−1−j of the matrix index (operand 0 most significant).</summary>
    private static int IndexMask(int operandMask, int k)
    {
        int m = 0;
        for (int j = 0; j < k; j++) if ((operandMask >> j & 1) != 0) m |= 1 << (k - 1 - j);
        return m;
    }

    private static int Conjugate(Complex[,] u, int k, int xOperands, int zOperands)
    {
        int dim = 1 << k, xm = IndexMask(xOperands, k), zm = IndexMask(zOperands, k);
        // P|i> = i^(#Y) (−1)^(z·i) |i ⊕ x>, with Y = i·X·Z.
        Complex yPhase = Complex.Pow(Complex.ImaginaryOne, System.Numerics.BitOperations.PopCount((uint)(xm & zm)));
        var m = new Complex[dim, dim];
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++)
            {
                // (U P U†)[r,c] = Σ_i U[r, i⊕x] · phase(i) · conj(U[c, i])
                Complex sum = 0;
                for (int i = 0; i < dim; i++)
                {
                    int sign = (System.Numerics.BitOperations.PopCount((uint)(zm & i)) & 1) == 0 ? 1 : -1;
                    sum += u[r, i ^ xm] * sign * Complex.Conjugate(u[c, i]);
                }
                m[r, c] = sum * yPhase;
            }
        // A Pauli up to phase: X^a Z^b, so column c has its only entry at row c ⊕ a, with phase ∝ (−1)^(b·c).
        int a = -1;
        for (int r = 0; r < dim; r++)
            if (m[r, 0].Magnitude > 0.5) a = r;
        if (a < 0) return NotPauli;
        Complex reference = m[a, 0];
        int b = 0;
        for (int t = 0; t < k; t++)
            if ((m[(1 << t) ^ a, 1 << t] / reference - (-1)).Magnitude < 1e-9) b |= 1 << t;
        for (int c = 0; c < dim; c++)
        {
            int sign = (System.Numerics.BitOperations.PopCount((uint)(b & c)) & 1) == 0 ? 1 : -1;
            for (int r = 0; r < dim; r++)
            {
                Complex expected = r == (c ^ a) ? reference * sign : Complex.Zero;
                if ((m[r, c] - expected).Magnitude > 1e-9) return NotPauli;
            }
        }
        // Back from index bits to operand bits.
        int xo = 0, zo = 0;
        for (int j = 0; j < k; j++)
        {
            if ((a >> (k - 1 - j) & 1) != 0) xo |= 1 << j;
            if ((b >> (k - 1 - j) & 1) != 0) zo |= 1 << j;
        }
        return xo | zo << k;
    }
}
