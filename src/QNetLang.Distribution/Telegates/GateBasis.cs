using System.Collections.Concurrent;
using System.Numerics;
using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// What packing needs to know about a gate beyond <see cref="GateInfo.DiagonalOn"/>: in which
/// bases it acts diagonally on each operand, and the matrix of a single-qubit gate. Derived from
/// the gate's unitary, like <see cref="GateInfo.DiagonalOn"/>, so it cannot disagree with it.
/// </summary>
internal static class GateBasis
{
    private static readonly ConcurrentDictionary<GateInfo, bool[]> XDiagonal = new();
    private static readonly ConcurrentDictionary<GateInfo, Matrix2> Fixed = new();

    /// <summary>True when the gate commutes with the basis' Pauli on that operand.</summary>
    public static bool IsDiagonalIn(GateInfo gate, int operand, RunBasis basis) =>
        basis == RunBasis.Z ? gate.DiagonalOn[operand] : XDiagonal.GetOrAdd(gate, ComputeX)[operand];

    /// <summary>The basis a two-qubit gate's copy would use on that operand (Z preferred), or null when it acts diagonally in neither.</summary>
    public static RunBasis? BasisOf(GateInfo gate, int operand) =>
        IsDiagonalIn(gate, operand, RunBasis.Z) ? RunBasis.Z
        : IsDiagonalIn(gate, operand, RunBasis.X) ? RunBasis.X
        : null;

    /// <summary>
    /// The gate's matrix. A gate whose angles are computed at run time is judged at a generic
    /// angle (1 rad each): a basis survives it only when it does for every angle, as for the
    /// diagonal phase gates in the Z basis.
    /// </summary>
    public static Matrix2 SingleQubit(GateOperation gate) =>
        gate.HasRuntimeParameters ? Matrix2.From(gate.Gate.Unitary([.. gate.Parameters.Select(_ => 1.0)]))
        : gate.Gate.ParameterCount == 0
            ? Fixed.GetOrAdd(gate.Gate, g => Matrix2.From(g.Unitary([])))
            : Matrix2.From(gate.Gate.Unitary(gate.Parameters));

    /// <summary>U commutes with X on operand k exactly when U[i, j] = U[i ⊕ bit, j ⊕ bit] for all i, j.</summary>
    private static bool[] ComputeX(GateInfo gate)
    {
        // The same sample parameters GateInfo uses for DiagonalOn.
        var u = gate.Unitary(Enumerable.Range(0, gate.ParameterCount).Select(i => 0.37 + 0.61 * i).ToArray());
        int dim = u.GetLength(0);
        var result = new bool[gate.QubitCount];
        for (int k = 0; k < gate.QubitCount; k++)
        {
            int bit = 1 << (gate.QubitCount - 1 - k);
            bool commutes = true;
            for (int i = 0; i < dim && commutes; i++)
                for (int j = 0; j < dim; j++)
                    if (Complex.Abs(u[i, j] - u[i ^ bit, j ^ bit]) > 1e-12)
                    {
                        commutes = false;
                        break;
                    }
            result[k] = commutes;
        }
        return result;
    }
}
