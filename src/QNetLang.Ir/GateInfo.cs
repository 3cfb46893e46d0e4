using System.Collections.Immutable;
using System.Numerics;

namespace QNetLang.Ir;

/// <summary>
/// One row of the gate table. The unitary uses the convention that operand 0 is the most
/// significant bit of the matrix index (so CX is [[1,0,0,0],[0,1,0,0],[0,0,0,1],[0,0,1,0]]
/// with the control first), angles in radians, and OpenQASM 3's definitions of every gate.
/// </summary>
public sealed class GateInfo
{
    private readonly Func<IReadOnlyList<double>, Complex[,]> _unitary;

    internal GateInfo(string name, int qubits, int parameters, string? qirName, bool isClifford, string doc, Func<IReadOnlyList<double>, Complex[,]> unitary)
    {
        Name = name;
        QubitCount = qubits;
        ParameterCount = parameters;
        QirName = qirName;
        IsClifford = isClifford;
        Doc = doc;
        _unitary = unitary;
        // Derived from the matrix rather than typed in by hand, so it cannot disagree with it.
        var sample = Unitary(Enumerable.Range(0, parameters).Select(i => 0.37 + 0.61 * i).ToArray());
        DiagonalOn = Enumerable.Range(0, qubits).Select(k => IsDiagonalOn(sample, qubits, k)).ToImmutableArray();
        IsDiagonal = DiagonalOn.All(d => d);
    }

    /// <summary>The OpenQASM 3 name (stdgates.inc), also used in QNetLang source and IR dumps.</summary>
    public string Name { get; }

    public int QubitCount { get; }

    public int ParameterCount { get; }

    /// <summary>The QIR intrinsic (<c>__quantum__qis__NAME__body</c>) when the QDK has one; null when the gate must be decomposed.</summary>
    public string? QirName { get; }

    /// <summary>True when the gate is Clifford for every parameter value.</summary>
    public bool IsClifford { get; }

    public string Doc { get; }

    /// <summary>True when the gate commutes with Z on every operand (a phase gate).</summary>
    public bool IsDiagonal { get; }

    /// <summary>Per operand: the gate commutes with Z on that qubit (it acts as a control there).</summary>
    public ImmutableArray<bool> DiagonalOn { get; }

    public Complex[,] Unitary(IReadOnlyList<double> parameters)
    {
        if (parameters.Count != ParameterCount)
            throw new ArgumentException($"gate {Name} takes {ParameterCount} parameters, got {parameters.Count}", nameof(parameters));
        return _unitary(parameters);
    }

    public override string ToString() => Name;

    private static bool IsDiagonalOn(Complex[,] u, int qubits, int operand)
    {
        int bit = 1 << (qubits - 1 - operand);
        int dim = u.GetLength(0);
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < dim; j++)
                if ((i & bit) != (j & bit) && u[i, j].Magnitude > 1e-12) return false;
        return true;
    }
}
